import { describe, expect, it } from 'vitest';
import { iatFuture } from '../../../src/core/audit/rules/iat-future';
import { decoded, jws, now, nowSeconds } from './tokens';

describe('iat-future', () => {
  it('flags an iat two hours ahead', () => {
    const [finding] = iatFuture.check(decoded(jws({ alg: 'HS256' }, { iat: nowSeconds + 7200 })), { now });
    expect(finding?.message).toContain('issued 2 hours in the future');
  });
  it('flags an iat in milliseconds with its own fix', () => {
    const [finding] = iatFuture.check(decoded(jws({ alg: 'HS256' }, { iat: now })), { now });
    expect(finding?.message).toContain('milliseconds');
    expect(finding?.fix).toContain('seconds');
  });
  it('tolerates a minute of clock skew and leaves past iats alone', () => {
    expect(iatFuture.check(decoded(jws({ alg: 'HS256' }, { iat: nowSeconds + 60 })), { now })).toEqual([]);
    expect(iatFuture.check(decoded(jws({ alg: 'HS256' }, { iat: nowSeconds - 3600 })), { now })).toEqual([]);
  });
});
