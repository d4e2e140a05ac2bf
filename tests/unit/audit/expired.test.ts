import { describe, expect, it } from 'vitest';
import { expired } from '../../../src/core/audit/rules/expired';
import { decoded, jws, now, nowSeconds } from './tokens';

describe('expired', () => {
  it('flags a token whose exp passed two hours ago', () => {
    const [finding] = expired.check(decoded(jws({ alg: 'HS256' }, { exp: nowSeconds - 7200 })), { now });
    expect(finding?.rule).toBe('expired');
    expect(finding?.message).toContain('expired 2 hours ago');
    expect(finding?.message).toContain('2026-11-23T10:00:00.000Z');
  });
  it('flags exp equal to now (RFC 7519: "on or after")', () => {
    expect(expired.check(decoded(jws({ alg: 'HS256' }, { exp: nowSeconds })), { now })).toHaveLength(1);
  });
  it('leaves a token valid for another second, or without exp, alone', () => {
    expect(expired.check(decoded(jws({ alg: 'HS256' }, { exp: nowSeconds + 1 })), { now })).toEqual([]);
    expect(expired.check(decoded(jws({ alg: 'HS256' }, { sub: 'x' })), { now })).toEqual([]);
  });
  it('places an exp before the earliest calendar date in the past, not the future', () => {
    // ECMA-262 Dates span ±8.64e15 ms around 1970: years -271821 to 275760.
    const [finding] = expired.check(decoded(jws({ alg: 'HS256' }, { exp: -9e12 })), { now });
    expect(finding?.message).toContain('before year -271821');
    expect(finding?.message).not.toContain('beyond');
  });
});
