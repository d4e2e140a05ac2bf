import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { algConfusionRisk } from '../../../src/core/audit/rules/alg-confusion-risk';
import { decoded, jws, now } from './tokens';

const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const rsaJwk = publicKey.export({ format: 'jwk' });
const hs = decoded(jws({ alg: 'HS256' }, { iss: 'https://login.example.com', sub: 'a' }));

describe('alg-confusion-risk', () => {
  it('flags an HMAC token checked with a PEM public key as its secret', () => {
    const [finding] = algConfusionRisk.check(hs, { now, key: pem });
    expect(finding).toMatchObject({ rule: 'alg-confusion-risk', severity: 'danger' });
    expect(finding?.message).toContain('PEM public key');
  });
  it('flags an HMAC token for an issuer whose JWKS holds RSA keys', () => {
    const [finding] = algConfusionRisk.check(hs, { now, key: JSON.stringify({ keys: [rsaJwk] }) });
    expect(finding?.message).toContain('holds RSA public keys');
  });
  it('leaves an RS256 token with that key, an HMAC token with a secret, and no key alone', () => {
    expect(algConfusionRisk.check(decoded(jws({ alg: 'RS256' }, { sub: 'a' })), { now, key: pem })).toEqual(
      [],
    );
    expect(algConfusionRisk.check(hs, { now, key: 'a-long-random-secret-string-here' })).toEqual([]);
    expect(algConfusionRisk.check(hs, { now, key: JSON.stringify({ kty: 'oct', k: 'AAAA' }) })).toEqual([]);
    expect(algConfusionRisk.check(hs, { now })).toEqual([]);
  });
});
