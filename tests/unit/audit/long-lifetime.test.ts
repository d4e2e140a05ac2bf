import { describe, expect, it } from 'vitest';
import { longLifetime } from '../../../src/core/audit/rules/long-lifetime';
import { decoded, jws, now, nowSeconds } from './tokens';

const day = 86400;

describe('long-lifetime', () => {
  it('flags a token living 30 days from iat to exp', () => {
    const [finding] = longLifetime.check(
      decoded(jws({ alg: 'RS256' }, { iat: nowSeconds, exp: nowSeconds + 30 * day })),
      { now },
    );
    expect(finding?.message).toContain('lives for 30 days');
  });
  it('measures from now when there is no iat', () => {
    const [finding] = longLifetime.check(decoded(jws({ alg: 'RS256' }, { exp: nowSeconds + 2 * day })), {
      now,
    });
    expect(finding?.message).toContain('valid for another 2 days');
  });
  it('flags an exp written in milliseconds (it would never expire)', () => {
    const [finding] = longLifetime.check(decoded(jws({ alg: 'RS256' }, { exp: now + 600_000 })), { now });
    expect(finding?.message).toContain('milliseconds');
  });
  it('leaves exactly one day, and 15 minutes, alone', () => {
    expect(
      longLifetime.check(decoded(jws({ alg: 'RS256' }, { iat: nowSeconds, exp: nowSeconds + day })), { now }),
    ).toEqual([]);
    expect(
      longLifetime.check(decoded(jws({ alg: 'RS256' }, { iat: nowSeconds, exp: nowSeconds + 900 })), { now }),
    ).toEqual([]);
  });
  it('a token that says it is a refresh token gets a note about its use, not about its lifetime', () => {
    for (const [name, value] of [
      ['typ', 'Refresh'],
      ['token_use', 'refresh'],
    ]) {
      const [finding] = longLifetime.check(
        decoded(jws({ alg: 'RS256' }, { iat: nowSeconds, exp: nowSeconds + 30 * day, [name!]: value })),
        { now },
      );
      expect(finding?.severity).toBe('info');
      expect(finding?.message).toBe(
        `The token lives for 30 days (from "iat" to "exp"). It says it is a refresh token ("${name}": "${value}"): a long life is usual for one, as long as no API accepts it as an access token.`,
      );
      expect(finding?.message).not.toContain('should live minutes');
    }
  });
});
