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
});
