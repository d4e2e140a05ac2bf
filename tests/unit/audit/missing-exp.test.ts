import { describe, expect, it } from 'vitest';
import { missingExp } from '../../../src/core/audit/rules/missing-exp';
import { decoded, jws, now, nowSeconds } from './tokens';

describe('missing-exp', () => {
  it('flags a payload without exp', () => {
    const [finding] = missingExp.check(decoded(jws({ alg: 'HS256' }, { sub: 'u' })), { now });
    expect(finding?.message).toContain('no "exp" claim');
  });
  it('flags an exp that is a string, which verifiers cannot compare', () => {
    const [finding] = missingExp.check(decoded(jws({ alg: 'HS256' }, { exp: '1800000000' })), { now });
    expect(finding?.message).toContain('is a string, not a NumericDate');
  });
  it('says an exp of 1e400 overflowed, rather than calling a number "not a number"', () => {
    const [finding] = missingExp.check(decoded(jws({ alg: 'HS256' }, '{"exp":1e400}')), { now });
    expect(finding?.message).toContain('a number too large for any date');
  });
  it('leaves a numeric exp, a text payload and a JWE alone', () => {
    expect(missingExp.check(decoded(jws({ alg: 'HS256' }, { exp: nowSeconds + 60 })), { now })).toEqual([]);
    expect(missingExp.check(decoded(jws({ alg: 'HS256' }, 'plain text')), { now })).toEqual([]);
    const jwe = ['{"alg":"dir","enc":"A128GCM"}', '', 'aaaaaaaaaaaaaaaa', 'ciphertext', 'tagtagtagtagtagt']
      .map((part, i) =>
        i === 0 ? Buffer.from(part).toString('base64url') : Buffer.from(part).toString('base64url'),
      )
      .join('.');
    expect(missingExp.check(decoded(jwe), { now })).toEqual([]);
  });
});
