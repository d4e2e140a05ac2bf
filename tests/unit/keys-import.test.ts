import { createPrivateKey, createPublicKey, generateKeyPairSync, verify as nodeVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { wrapPkcs1PrivateKey, wrapPkcs1PublicKey, wrapSec1PrivateKey, oids } from '../../src/core/keys/der';
import { detectKeyFormat, secretLooksLike } from '../../src/core/keys/detect';
import { importKey, importSigningKey, importVerificationKey } from '../../src/core/keys/import';
import { nobleSign } from '../../src/core/noble/curves';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
const derOf = (pem: string) => Buffer.from(pem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');

describe('detectKeyFormat', () => {
  it('names every PEM kind, with the key type inside', () => {
    const cases: [string, string, string][] = [
      [
        rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        'spki',
        'PEM, SPKI public key (RSA 2048-bit)',
      ],
      [
        rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        'pkcs8',
        'PEM, PKCS#8 private key (RSA 2048-bit)',
      ],
      [
        rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
        'pkcs1-public',
        'PEM, PKCS#1 RSA public key (RSA 2048-bit)',
      ],
      [
        rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
        'pkcs1-private',
        'PEM, PKCS#1 RSA private key (RSA 2048-bit)',
      ],
      [
        p384.privateKey.export({ type: 'sec1', format: 'pem' }).toString(),
        'sec1',
        'PEM, SEC1 EC private key (P-384)',
      ],
      [
        p384.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        'spki',
        'PEM, SPKI public key (P-384)',
      ],
    ];
    for (const [text, format, description] of cases)
      expect(detectKeyFormat(text)).toMatchObject({ format, description });
  });

  it('JWK, JWKS, secrets and invalid JSON', () => {
    expect(detectKeyFormat(JSON.stringify(p384.publicKey.export({ format: 'jwk' })))).toMatchObject({
      format: 'jwk',
      description: 'JWK, P-384 public',
    });
    const set = detectKeyFormat(
      JSON.stringify({
        keys: [{ kty: 'oct', k: 'AAAA', kid: 'a' }, rsa.publicKey.export({ format: 'jwk' })],
      }),
    );
    expect(set.format).toBe('jwks');
    expect(set.description).toBe('JWKS with 2 keys: 24-bit secret, kid "a"; RSA 2048-bit public');
    expect(detectKeyFormat('{"kty":')).toMatchObject({ format: 'invalid' });
    expect(detectKeyFormat('{"alg":"HS256"}').problem).toContain('neither "kty"');
    expect(detectKeyFormat('my secret').format).toBe('secret');
    expect(detectKeyFormat('   ').format).toBe('empty');
  });

  it('says which reading a secret looks meant for', () => {
    expect(secretLooksLike('c2VjcmV0IGJ5dGVzIGZvciBITUFD')).toBe('base64');
    expect(secretLooksLike('hJtXIZ2uSN5kbQfbtTNWbpdmhkV8FJG-Onbc6mxCcYg')).toBe('base64url');
    expect(secretLooksLike('correct horse battery staple')).toBe('text');
    expect(secretLooksLike('password')).toBe('text');
  });

  it('explains broken PEMs and key files it cannot use', () => {
    const pem = rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(detectKeyFormat(pem.replace('-----BEGIN PUBLIC KEY-----', '')).problem).toContain(
      'END line but no BEGIN',
    );
    expect(detectKeyFormat(pem.replace('-----END', '-----END RSA')).problem).toContain('ends with');
    expect(detectKeyFormat(pem.replace(/[A-Za-z0-9+/]{10}\n/, '!!!!!!!!!!\n')).problem).toContain(
      'not valid base64',
    );
    expect(
      detectKeyFormat('-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----')
        .problem,
    ).toContain('passphrase');
    expect(
      detectKeyFormat('-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----').problem,
    ).toContain('ssh-keygen');
  });
});

describe("DER wrapping of PKCS#1 and SEC1 (checked against node:crypto's own encoder)", () => {
  it('PKCS#1 RSA public key → the same SPKI node:crypto writes', () => {
    const pkcs1 = derOf(rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }).toString());
    const spki = rsa.publicKey.export({ type: 'spki', format: 'der' });
    expect(Buffer.from(wrapPkcs1PublicKey(pkcs1)).equals(spki)).toBe(true);
  });

  it('PKCS#1 RSA private key → the same PKCS#8 node:crypto writes', () => {
    const pkcs1 = derOf(rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
    const pkcs8 = rsa.privateKey.export({ type: 'pkcs8', format: 'der' });
    expect(Buffer.from(wrapPkcs1PrivateKey(pkcs1)).equals(pkcs8)).toBe(true);
  });

  it('SEC1 EC private key → a PKCS#8 node:crypto reads back as the same key', () => {
    const sec1 = derOf(p384.privateKey.export({ type: 'sec1', format: 'pem' }).toString());
    const wrapped = createPrivateKey({
      key: Buffer.from(wrapSec1PrivateKey(sec1, oids.p384)),
      format: 'der',
      type: 'pkcs8',
    });
    expect(wrapped.export({ format: 'jwk' })).toEqual(p384.privateKey.export({ format: 'jwk' }));
  });
});

describe('importKey', () => {
  it('selects from a JWKS by kid, then by alg and kty, and says why none matched', async () => {
    const rsaJwk = { ...rsa.publicKey.export({ format: 'jwk' }), kid: 'r1', use: 'sig' };
    const ecJwk = { ...p384.publicKey.export({ format: 'jwk' }), kid: 'e1', alg: 'ES384' };
    const set = JSON.stringify({ keys: [rsaJwk, ecJwk] });
    const byKid = await importVerificationKey(set, 'ES384', { kid: 'e1' });
    expect(byKid.ok && byKid.candidates.map((candidate) => candidate.kid)).toEqual(['e1']);
    const byType = await importVerificationKey(set, 'RS256');
    expect(byType.ok && byType.candidates.map((candidate) => candidate.kid)).toEqual(['r1']);
    expect(byType.ok && byType.selection).toContain('no kid');
    const none = await importVerificationKey(set, 'ES256');
    expect(none.ok).toBe(false);
    expect(!none.ok && none.reason).toContain('key 1 ("r1") is an RSA key; key 2 ("e1") is an EC P-384 key');
    const wrongUse = await importKey(JSON.stringify({ keys: [{ ...rsaJwk, use: 'enc' }] }), {
      alg: 'RS256',
      use: 'verify',
    });
    expect(!wrongUse.ok && wrongUse.reason).toContain('"use": "enc"');
  });

  it('a JWK marked for another alg is refused (RFC 7517 §4.4)', async () => {
    const jwk = { ...rsa.publicKey.export({ format: 'jwk' }), alg: 'RS256' };
    const result = await importVerificationKey(JSON.stringify(jwk), 'PS256');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain('marked for "alg": "RS256"');
  });

  it('signing needs a private key; a secret signs as the bytes of its chosen reading', async () => {
    const pub = await importSigningKey(
      rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      'RS256',
    );
    expect(!pub.ok && pub.status).toBe('key-mismatch');
    const priv = await importSigningKey(
      rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
      'RS256',
    );
    expect(priv.ok && priv.candidates[0]!.usable.library).toBe('jose');
    const secret = await importSigningKey('AQID', 'HS256', { secretEncoding: 'base64' });
    expect(
      secret.ok &&
        secret.candidates[0]!.usable.library === 'jose' &&
        Array.from(secret.candidates[0]!.usable.key as Uint8Array),
    ).toEqual([1, 2, 3]);
    const bad = await importSigningKey('not base64!', 'HS256', { secretEncoding: 'base64' });
    expect(!bad.ok && bad.status).toBe('malformed');
  });

  it('ES256K and Ed448 keys import to @noble/curves, and noble signatures verify in node:crypto', async () => {
    for (const [kind, alg] of [
      ['secp256k1', 'ES256K'],
      ['ed448', 'EdDSA'],
    ] as const) {
      const pair =
        kind === 'ed448'
          ? generateKeyPairSync('ed448')
          : generateKeyPairSync('ec', { namedCurve: 'secp256k1' });
      for (const text of [
        pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        JSON.stringify(pair.privateKey.export({ format: 'jwk' })),
        ...(kind === 'secp256k1' ? [pair.privateKey.export({ type: 'sec1', format: 'pem' }).toString()] : []),
      ]) {
        const imported = await importSigningKey(text, alg);
        expect(imported.ok).toBe(true);
        const usable = imported.ok ? imported.candidates[0]!.usable : undefined;
        if (usable?.library !== 'noble') throw new Error('expected a noble key');
        const data = new TextEncoder().encode('header.payload');
        const signature = await nobleSign(usable.curve, usable.secretKey!, data);
        const publicKey = createPublicKey(pair.privateKey);
        const good =
          kind === 'ed448'
            ? nodeVerify(null, data, publicKey, signature)
            : nodeVerify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
        expect({ kind, good }).toEqual({ kind, good: true });
      }
    }
  });
});
