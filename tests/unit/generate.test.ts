import { createPublicKey, createPrivateKey, verify as nodeVerify } from 'node:crypto';
import { compactVerify, importJWK, importSPKI, decodeProtectedHeader, base64url, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { generateKey, createKey, signingAlgorithms } from '../../src/core/keys/generate';
import { jwkToPem, pemToJwk, publicJwkOf, readKey, toJwks } from '../../src/core/keys/export';
import { jwkThumbprint } from '../../src/core/keys/thumbprint';
import { sign } from '../../src/core/jws/sign';

const payload = { sub: 'ada', iat: 1_700_000_000 };
const nobleAlgs = new Set(['ES256K', 'Ed448']);
const webCryptoAlgs = signingAlgorithms.map((a) => a.alg).filter((alg) => !nobleAlgs.has(alg));

/** A second implementation for what jose cannot check: Node's OpenSSL (ES256K, Ed448). */
function verifyWithNode(token: string, publicPem: string, alg: string): boolean {
  const [h, p, s] = token.split('.');
  const data = Buffer.from(`${h}.${p}`);
  const signature = Buffer.from(s!, 'base64url');
  const key = createPublicKey(publicPem);
  if (alg === 'ES256K') return nodeVerify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, signature);
  return nodeVerify(null, data, key, signature);
}

describe('generateKey -> sign -> verify, every algorithm', () => {
  for (const alg of webCryptoAlgs) {
    it(`${alg}: the JWK pair verifies with jose directly`, async () => {
      const { signingKey, verificationKey } = await generateKey(alg, 'jwk');
      const token = await sign({ alg, typ: 'JWT' }, payload, signingKey);
      const jwk = JSON.parse(verificationKey) as JWK;
      expect(jwk.d).toBeUndefined();
      const key = await importJWK(jwk, alg);
      const { payload: bytes, protectedHeader } = await compactVerify(token, key);
      expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual(payload);
      expect(protectedHeader.alg).toBe(alg);
    });
    if (!alg.startsWith('HS'))
      it(`${alg}: the PEM pair verifies with jose directly`, async () => {
        const { signingKey, verificationKey } = await generateKey(alg, 'pem');
        expect(signingKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
        expect(verificationKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
        const token = await sign({ alg }, payload, signingKey);
        await expect(compactVerify(token, await importSPKI(verificationKey, alg))).resolves.toBeTruthy();
      });
  }

  for (const alg of nobleAlgs) {
    it(`${alg}: JWK and PEM keys sign tokens that Node's OpenSSL verifies`, async () => {
      const pem = await generateKey(alg, 'pem');
      const token = await sign({ alg }, payload, pem.signingKey);
      expect(verifyWithNode(token, pem.verificationKey, alg)).toBe(true);
      // Node reads our hand-made PKCS#8 too, and derives the same public key from it.
      const derived = createPublicKey(createPrivateKey(pem.signingKey)).export({
        type: 'spki',
        format: 'pem',
      });
      expect(derived).toBe(pem.verificationKey);

      const jwk = await generateKey(alg, 'jwk');
      const jwkToken = await sign({ alg }, payload, jwk.signingKey);
      // Node imports the public JWK itself: an independent reading of our JWK members.
      const nodePublic = createPublicKey({ key: JSON.parse(jwk.verificationKey), format: 'jwk' });
      const pemFromNode = nodePublic.export({ type: 'spki', format: 'pem' }) as string;
      expect(verifyWithNode(jwkToken, pemFromNode, alg)).toBe(true);
      // A changed payload fails.
      const [h, , s] = jwkToken.split('.');
      expect(verifyWithNode(`${h}.${base64url.encode('{"sub":"eve"}')}.${s}`, pemFromNode, alg)).toBe(false);
    });
  }

  it('RSA keys come in 2048, 3072 and 4096 bits', async () => {
    for (const bits of [2048, 3072] as const) {
      const key = await createKey('PS256', { modulusLength: bits });
      expect(base64url.decode(key.publicJwk.n!).length * 8).toBe(bits);
    }
  });
});

describe('HMAC secrets', () => {
  for (const [alg, bytes] of [
    ['HS256', 32],
    ['HS384', 48],
    ['HS512', 64],
  ] as const) {
    it(`${alg}: a random oct JWK of ${bytes} bytes, the same string twice`, async () => {
      const { signingKey, verificationKey } = await generateKey(alg, 'pem');
      expect(signingKey).toBe(verificationKey);
      const jwk = JSON.parse(signingKey) as JWK;
      expect(jwk.kty).toBe('oct');
      expect(base64url.decode(jwk.k!).length).toBe(bytes);
      const other = JSON.parse((await generateKey(alg)).signingKey) as JWK;
      expect(other.k).not.toBe(jwk.k);
    });
  }
});

describe('thumbprints and conversion', () => {
  it('computes the RFC 7638 §3.1 example thumbprint', async () => {
    // The RSA key and expected value are printed in RFC 7638 §3.1.
    const jwk: JWK = {
      kty: 'RSA',
      n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
      e: 'AQAB',
      alg: 'RS256',
      kid: '2011-04-29',
    };
    expect(await jwkThumbprint(jwk)).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });

  it('a generated kid is the thumbprint of the public half', async () => {
    const key = await createKey('ES256');
    expect(key.privateJwk.kid).toBe(key.kid);
    expect(await jwkThumbprint(key.publicJwk)).toBe(key.kid);
  });

  for (const alg of ['RS256', 'ES384', 'EdDSA', 'ES256K', 'Ed448']) {
    it(`${alg}: JWK -> PEM -> JWK keeps the key, and Node agrees with the PEM`, async () => {
      const key = await createKey(alg);
      const { privatePem, publicPem } = await jwkToPem(key.privateJwk);
      const nodeJwk = createPrivateKey(privatePem!).export({ format: 'jwk' }) as JWK;
      expect(nodeJwk.d).toBe(key.privateJwk.d);
      const back = (await pemToJwk(privatePem!)).jwk;
      expect(back.d).toBe(key.privateJwk.d);
      expect(back.x ?? back.n).toBe(key.privateJwk.x ?? key.privateJwk.n);
      const pub = (await pemToJwk(publicPem)).jwk;
      const { alg: _alg, use: _use, kid: _kid, ...material } = publicJwkOf(key.privateJwk);
      expect(pub).toEqual(material);
      expect(pub.d).toBeUndefined();
    });
  }

  it('reads PKCS#1 and SEC1 PEM by wrapping them', async () => {
    const rsa = await createKey('RS256');
    const pkcs1 = createPrivateKey({ key: rsa.privateJwk as never, format: 'jwk' })
      .export({ type: 'pkcs1', format: 'pem' })
      .toString();
    expect((await pemToJwk(pkcs1)).jwk.d).toBe(rsa.privateJwk.d);
    const ec = await createKey('ES256');
    const sec1 = createPrivateKey({ key: ec.privateJwk as never, format: 'jwk' })
      .export({ type: 'sec1', format: 'pem' })
      .toString();
    expect((await pemToJwk(sec1)).jwk.d).toBe(ec.privateJwk.d);
    const k1 = await createKey('ES256K');
    const sec1k = createPrivateKey({ key: k1.privateJwk as never, format: 'jwk' })
      .export({ type: 'sec1', format: 'pem' })
      .toString();
    expect((await pemToJwk(sec1k)).jwk).toEqual(
      expect.objectContaining({ crv: 'secp256k1', d: k1.privateJwk.d }),
    );
  });

  it('a JWKS holds only public halves and never a secret', async () => {
    const rsa = await createKey('RS256');
    const hmac = await createKey('HS256');
    const jwks = JSON.parse(toJwks([rsa.privateJwk, hmac.privateJwk])) as { keys: JWK[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]!.d).toBeUndefined();
    expect(jwks.keys[0]!.kid).toBe(rsa.kid);
  });

  it('explains what it cannot read', async () => {
    expect(await readKey('{"kty": ')).toEqual({
      ok: false,
      reason: expect.stringContaining('does not parse'),
    });
    expect(await readKey('{"n": "x"}')).toEqual({ ok: false, reason: expect.stringContaining('"kty"') });
    expect(await readKey('-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----')).toEqual({
      ok: false,
      reason: expect.stringContaining('not valid base64'),
    });
    expect(await readKey('MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA'.repeat(6))).toEqual({
      ok: false,
      reason: expect.stringContaining('BEGIN'),
    });
  });

  it('keeps the header as given', async () => {
    const { signingKey } = await generateKey('ES256');
    const token = await sign({ typ: 'JWT', alg: 'ES256', kid: 'k1' }, 'plain text', signingKey);
    expect(Buffer.from(token.split('.')[0]!, 'base64url').toString()).toBe(
      '{"typ":"JWT","alg":"ES256","kid":"k1"}',
    );
    expect(decodeProtectedHeader(token).kid).toBe('k1');
    expect(Buffer.from(token.split('.')[1]!, 'base64url').toString()).toBe('plain text');
  });
});

describe('damaged keys', () => {
  it('a cut-short PKCS#1 key gets a reason, never an empty message', async () => {
    const rsa = await createKey('RS256');
    const pkcs1 = createPrivateKey({ key: rsa.privateJwk as never, format: 'jwk' })
      .export({ type: 'pkcs1', format: 'pem' })
      .toString();
    const lines = pkcs1.trim().split('\n');
    const cut = [...lines.slice(0, 3), lines.at(-1)].join('\n');
    const reading = await readKey(cut);
    expect(reading.ok).toBe(false);
    // The Keys tool reads PEMs with the Verifier's detector, so the reason is the detector's.
    if (!reading.ok) expect(reading.reason).toMatch(/^The PEM body is damaged or truncated: \w.{10,}\.$/);
  });
});
