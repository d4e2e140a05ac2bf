import { describe, expect, it } from 'vitest';
import { clockRules, timelessRules } from '../../../src/core/audit/all-rules';
import { runRules } from '../../../src/core/audit/rules';
import { decoded, jws, now, nowSeconds } from './tokens';

// The decoder re-runs only the clock rules once a second; the others must not depend on `now`.
const tokens = [
  jws({ alg: 'HS256' }, { sub: 'u', exp: nowSeconds + 60, iat: nowSeconds - 10, nbf: nowSeconds + 5 }),
  jws({ alg: 'HS256' }, { sub: 'u', exp: nowSeconds - 3600, iat: nowSeconds + 3600 }),
  jws({ alg: 'RS256', jku: 'https://evil.example/keys', kid: '../../etc/passwd' }, { email: 'a@b.example' }),
  jws({ alg: 'none', crit: ['exp'] }, { exp: nowSeconds + 86400 * 400, iat: nowSeconds }),
];

describe('rules split by whether they read the clock', () => {
  it('puts the expiry, not-before, issued-at and lifetime rules on the clock', () => {
    expect(clockRules.map((rule) => rule.id).sort()).toEqual(
      ['expired', 'iat-future', 'long-lifetime', 'not-yet-valid'].sort(),
    );
  });

  it('gives the same timeless findings whatever the clock says, and clock findings that move', () => {
    const later = now + 365 * 86_400_000;
    for (const token of tokens) {
      const context = (at: number) => ({ now: at, key: 'secret' });
      expect(runRules(timelessRules, decoded(token), context(later))).toEqual(
        runRules(timelessRules, decoded(token), context(now)),
      );
    }
    const first = decoded(tokens[0]!);
    expect(runRules(clockRules, first, { now: later })).not.toEqual(runRules(clockRules, first, { now }));
  });
});
