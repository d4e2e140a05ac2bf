import { describe, expect, it } from 'vitest';
import { notYetValid } from '../../../src/core/audit/rules/not-yet-valid';
import { decoded, jws, now, nowSeconds } from './tokens';

describe('not-yet-valid', () => {
  it('flags nbf three days ahead', () => {
    const [finding] = notYetValid.check(decoded(jws({ alg: 'HS256' }, { nbf: nowSeconds + 3 * 86400 })), {
      now,
    });
    expect(finding?.rule).toBe('not-yet-valid');
    expect(finding?.message).toContain('another 3 days');
  });
  it('leaves nbf equal to now, or in the past, alone', () => {
    expect(notYetValid.check(decoded(jws({ alg: 'HS256' }, { nbf: nowSeconds })), { now })).toEqual([]);
    expect(notYetValid.check(decoded(jws({ alg: 'HS256' }, { nbf: nowSeconds - 60 })), { now })).toEqual([]);
  });
});
