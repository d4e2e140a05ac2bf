import { describe, expect, it } from 'vitest';
import { embeddedJwk } from '../../../src/core/audit/rules/embedded-jwk';
import { decoded, jws, now } from './tokens';

describe('embedded-jwk', () => {
  it('flags a public key carried in the header (CVE-2018-0114) as danger', () => {
    const token = jws({ alg: 'RS256', jwk: { kty: 'RSA', n: 'AQAB', e: 'AQAB' } }, { sub: 'admin' });
    const [finding] = embeddedJwk.check(decoded(token), { now });
    expect(finding).toMatchObject({ rule: 'embedded-jwk', severity: 'danger' });
    expect(finding?.message).toContain('an RSA key');
  });
  it('warns about an x5c chain the verifier must validate', () => {
    const [finding] = embeddedJwk.check(decoded(jws({ alg: 'RS256', x5c: ['MIIB'] }, { sub: 'a' })), { now });
    expect(finding?.severity).toBe('warn');
  });
  it('leaves a header with only a kid alone', () => {
    expect(embeddedJwk.check(decoded(jws({ alg: 'RS256', kid: 'k1' }, { sub: 'a' })), { now })).toEqual([]);
  });
});
