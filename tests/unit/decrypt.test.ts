import { generateKeyPairSync, webcrypto } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { CompactEncrypt, FlattenedEncrypt, base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { decrypt } from '../../src/core/jwe/decrypt';
import rfc7520 from '../fixtures/rfc7520-jwe.json';
import { signWithNode } from './verify-helpers';

const encoder = new TextEncoder();

describe('RFC 7520 §5 examples with their published keys', () => {
  for (const vector of rfc7520.jwe) {
    const key = typeof vector.key === 'string' ? vector.key : JSON.stringify(vector.key);
    it(`${vector.name}: decrypts to the published plaintext`, async () => {
      const result = await decrypt(vector.compact, key);
      expect(result.status).toBe('decrypted');
      expect(result.plaintext).toBe(vector.plaintext);
      expect([result.alg, result.enc]).toEqual([vector.alg, vector.enc]);
      if ('json' in vector && vector.json) {
        const json = await decrypt(JSON.stringify(vector.json), key);
        expect(json.plaintext).toBe(vector.plaintext);
      }
    });
    it(`${vector.name}: a changed ciphertext or tag fails`, async () => {
      for (const part of [3, 4]) {
        const parts = vector.compact.split('.');
        const text = parts[part]!;
        parts[part] = (text[0] === 'A' ? 'B' : 'A') + text.slice(1);
        const result = await decrypt(parts.join('.'), key);
        expect(result.status).toBe('key-mismatch');
        expect(result.reason).toContain('authentication tag');
      }
    });
  }

  it('§5.3: a wrong password fails', async () => {
    const vector = rfc7520.jwe[0]!;
    expect((await decrypt(vector.compact, 'entrap_o-peter_long-credit_tun')).status).toBe('key-mismatch');
  });
});

// Every key management algorithm jose 6 implements (RFC 7518 §4), with content encryption
// algorithms of both families (§5). Tokens are made with jose; the keys with node:crypto.
describe('every key management and content encryption algorithm', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const p521 = generateKeyPairSync('ec', { namedCurve: 'P-521' });
  const x25519 = generateKeyPairSync('x25519');
  const secret = (bytes: number) => webcrypto.getRandomValues(new Uint8Array(bytes));

  const cases: {
    alg: string;
    enc: string;
    encryptKey: unknown;
    keyText: string;
    format: string;
    secretEncoding?: 'base64url';
  }[] = [];
  for (const enc of ['A128GCM', 'A192GCM', 'A256GCM', 'A128CBC-HS256', 'A192CBC-HS384', 'A256CBC-HS512']) {
    const length = {
      A128GCM: 16,
      A192GCM: 24,
      A256GCM: 32,
      'A128CBC-HS256': 32,
      'A192CBC-HS384': 48,
      'A256CBC-HS512': 64,
    }[enc]!;
    const cek = secret(length);
    cases.push({
      alg: 'dir',
      enc,
      encryptKey: cek,
      keyText: JSON.stringify({ kty: 'oct', k: base64url.encode(cek) }),
      format: 'oct JWK',
    });
  }
  for (const [alg, length] of [
    ['A128KW', 16],
    ['A192KW', 24],
    ['A256KW', 32],
    ['A128GCMKW', 16],
    ['A192GCMKW', 24],
    ['A256GCMKW', 32],
  ] as const) {
    const kek = secret(length);
    cases.push({
      alg,
      enc: 'A256GCM',
      encryptKey: kek,
      keyText: base64url.encode(kek),
      format: 'base64url secret',
      secretEncoding: 'base64url',
    });
  }
  for (const alg of ['PBES2-HS256+A128KW', 'PBES2-HS384+A192KW', 'PBES2-HS512+A256KW'])
    cases.push({
      alg,
      enc: 'A128CBC-HS256',
      encryptKey: encoder.encode('a long passphrase'),
      keyText: 'a long passphrase',
      format: 'password',
    });
  for (const alg of ['RSA-OAEP', 'RSA-OAEP-256', 'RSA-OAEP-384', 'RSA-OAEP-512']) {
    cases.push({
      alg,
      enc: 'A256GCM',
      encryptKey: rsa.publicKey,
      keyText: rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      format: 'PKCS#8 PEM',
    });
    cases.push({
      alg,
      enc: 'A128CBC-HS256',
      encryptKey: rsa.publicKey,
      keyText: rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
      format: 'PKCS#1 PEM',
    });
  }
  for (const alg of ['ECDH-ES', 'ECDH-ES+A128KW', 'ECDH-ES+A192KW', 'ECDH-ES+A256KW']) {
    cases.push({
      alg,
      enc: 'A256GCM',
      encryptKey: p256.publicKey,
      keyText: JSON.stringify(p256.privateKey.export({ format: 'jwk' })),
      format: 'P-256 JWK',
    });
    cases.push({
      alg,
      enc: 'A192CBC-HS384',
      encryptKey: p521.publicKey,
      keyText: p521.privateKey.export({ type: 'sec1', format: 'pem' }).toString(),
      format: 'P-521 SEC1 PEM',
    });
    cases.push({
      alg,
      enc: 'A128GCM',
      encryptKey: x25519.publicKey,
      keyText: x25519.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      format: 'X25519 PKCS#8 PEM',
    });
  }

  for (const { alg, enc, encryptKey, keyText, format, secretEncoding } of cases) {
    it(`${alg} + ${enc} with a ${format}`, async () => {
      const plaintext = `secret for ${alg}/${enc}`;
      const token = await new CompactEncrypt(encoder.encode(plaintext))
        .setProtectedHeader({ alg, enc })
        .encrypt(encryptKey as Uint8Array);
      const result = await decrypt(token, keyText, { secretEncoding });
      expect({ status: result.status, reason: result.reason }).toMatchObject({ status: 'decrypted' });
      expect(result.plaintext).toBe(plaintext);
    });
  }

  it('the JSON serialization (flattened) decrypts too', async () => {
    const kek = secret(16);
    const jwe = await new FlattenedEncrypt(encoder.encode('flat'))
      .setProtectedHeader({ alg: 'A128KW', enc: 'A128GCM' })
      .encrypt(kek);
    const result = await decrypt(
      JSON.stringify(jwe),
      JSON.stringify({ kty: 'oct', k: base64url.encode(kek) }),
    );
    expect(result.plaintext).toBe('flat');
  });

  it('a key of the wrong type or length is a key mismatch, with words', async () => {
    const kek = secret(16);
    const token = await new CompactEncrypt(encoder.encode('x'))
      .setProtectedHeader({ alg: 'A128KW', enc: 'A128GCM' })
      .encrypt(kek);
    const rsaKey = await decrypt(token, rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    expect(rsaKey.status).toBe('key-mismatch');
    expect(rsaKey.reason).toContain('needs a 128-bit secret');
    const shortKey = await decrypt(token, JSON.stringify({ kty: 'oct', k: base64url.encode(secret(8)) }));
    expect(shortKey.status).toBe('key-mismatch');
    const publicOnly = await decrypt(
      await new CompactEncrypt(encoder.encode('x'))
        .setProtectedHeader({ alg: 'RSA-OAEP', enc: 'A128GCM' })
        .encrypt(rsa.publicKey),
      rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    );
    expect(publicOnly.status).toBe('key-mismatch');
    expect(publicOnly.reason).toContain('public key');
  });

  it('a signed token is not decrypted, and RSA1_5 is refused with the reason', async () => {
    const jws = signWithNode({ alg: 'HS256' }, {}, encoder.encode('s'));
    expect((await decrypt(jws, 's')).status).toBe('unsupported');
    const header = base64url.encode(JSON.stringify({ alg: 'RSA1_5', enc: 'A128CBC-HS256' }));
    const result = await decrypt(`${header}.a2V5.aXY.Y2lwaGVy.dGFn`, 'x');
    expect(result.status).toBe('unsupported');
    expect(result.reason).toContain('padding-oracle');
  });
});

describe('zip: DEF and nested tokens', () => {
  const kek = new Uint8Array(32).fill(7);
  const keyText = JSON.stringify({ kty: 'oct', k: base64url.encode(kek) });

  it('a compression bomb is not inflated past the cap, and the page says why', async () => {
    // 5 MB of zeros deflate to a few KB: jose inflates only up to maxDecompressedLength.
    const bomb = await new CompactEncrypt(encoder.encode('0'.repeat(5_000_000)))
      .setProtectedHeader({ alg: 'A256KW', enc: 'A256GCM', zip: 'DEF' })
      .encrypt(kek);
    expect(deflateRawSync(Buffer.alloc(5_000_000)).length).toBeLessThan(10_000);
    const started = Date.now();
    const result = await decrypt(bomb, keyText);
    expect(result.status).toBe('unsupported');
    expect(result.reason).toContain('compression bomb');
    expect(Date.now() - started).toBeLessThan(2000);
    const small = await new CompactEncrypt(encoder.encode('hello '.repeat(100)))
      .setProtectedHeader({ alg: 'A256KW', enc: 'A256GCM', zip: 'DEF' })
      .encrypt(kek);
    expect((await decrypt(small, keyText)).plaintext).toBe('hello '.repeat(100));
  });

  it('a nested JWT is inspected, and verified with the inner key when given', async () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const inner = signWithNode(
      { alg: 'ES256', typ: 'JWT' },
      { sub: 'nested', exp: 4_000_000_000 },
      ec.privateKey,
    );
    const jwe = await new CompactEncrypt(encoder.encode(inner))
      .setProtectedHeader({ alg: 'A256KW', enc: 'A256GCM', cty: 'JWT' })
      .encrypt(kek);
    const withoutInnerKey = await decrypt(jwe, keyText);
    expect(withoutInnerKey.status).toBe('decrypted');
    expect(withoutInnerKey.nested?.token).toBe(inner);
    expect(withoutInnerKey.nested?.inspection.ok && withoutInnerKey.nested.inspection.payload).toEqual({
      sub: 'nested',
      exp: 4_000_000_000,
    });
    expect(withoutInnerKey.nested?.verification).toBeUndefined();
    const publicPem = ec.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const verified = await decrypt(jwe, keyText, { innerKey: publicPem });
    expect(verified.nested?.verification?.status).toBe('valid');
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    expect((await decrypt(jwe, keyText, { innerKey: other })).nested?.verification?.status).toBe(
      'invalid-signature',
    );
    // The profile applies to the inner token's claims.
    const late = await decrypt(jwe, keyText, { innerKey: publicPem, now: 4_000_000_001_000 });
    expect(late.nested?.verification?.status).toBe('expired');
  });

  it('never throws on garbage', async () => {
    for (const token of ['', 'a.b.c.d.e', '{"ciphertext":1}', `${base64url.encode('{"alg":"dir"}')}....`])
      expect(['malformed', 'unsupported', 'key-mismatch']).toContain((await decrypt(token, 'k')).status);
  });
});
