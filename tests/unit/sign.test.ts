import { createHmac } from 'node:crypto';
import { compactDecrypt, importJWK, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { sign, SigningError } from '../../src/core/jws/sign';
import { generateKey, signingAlgorithms } from '../../src/core/keys/generate';
import { verify } from '../../src/core/jws/verify';
import { decrypt } from '../../src/core/jwe/decrypt';
import {
  contentEncryptionAlgorithms,
  encrypt,
  generateEncryptionKey,
  keyManagementAlgorithms,
} from '../../src/core/jwe/encrypt';

const now = Math.floor(Date.now() / 1000);
const payload = { sub: 'ada', iat: now, exp: now + 900 };

async function rejection(promise: Promise<unknown>): Promise<SigningError> {
  try {
    await promise;
  } catch (error) {
    return error as SigningError;
  }
  throw new Error('expected a rejection');
}

describe('sign -> the core verify, every algorithm, JWK and PEM keys', () => {
  for (const { alg } of signingAlgorithms) {
    for (const format of alg.startsWith('HS') ? (['jwk'] as const) : (['jwk', 'pem'] as const)) {
      it(`${alg} (${format})`, async () => {
        const { signingKey, verificationKey } = await generateKey(alg, format);
        const token = await sign({ alg, typ: 'JWT' }, payload, signingKey);
        const verdict = await verify(token, verificationKey);
        expect(verdict.status, verdict.reason).toBe('valid');
        expect(verdict.alg).toBe(alg);
        // A changed payload no longer verifies: the check is real.
        const [h, , s] = token.split('.');
        const forged = `${h}.${Buffer.from(JSON.stringify({ ...payload, sub: 'eve' })).toString('base64url')}.${s}`;
        expect((await verify(forged, verificationKey)).status).toBe('invalid-signature');
      });
    }
  }
});

describe('HMAC', () => {
  it('matches an independent HMAC-SHA256 (node:crypto) under the RFC 7515 A.1 key', async () => {
    const jwk: JWK = {
      // RFC 7515 appendix A.1.1, the HMAC key.
      kty: 'oct',
      k: 'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow',
    };
    const token = await sign(
      { typ: 'JWT', alg: 'HS256' },
      { iss: 'joe', exp: 1300819380 },
      JSON.stringify(jwk),
    );
    const [h, p, s] = token.split('.');
    const expected = createHmac('sha256', Buffer.from(jwk.k!, 'base64url'))
      .update(`${h}.${p}`)
      .digest('base64url');
    expect(s).toBe(expected);
  });

  it('refuses a secret shorter than the hash output, with the RFC 7518 §3.2 reason and the length needed', async () => {
    const error = await rejection(sign({ alg: 'HS256' }, payload, 'short-secret-20bytes'));
    expect(error).toBeInstanceOf(SigningError);
    expect(error.code).toBe('weak-secret');
    expect(error.message).toContain('RFC 7518 §3.2');
    expect(error.message).toContain('at least 256 bits (32 bytes)');
    expect(error.message).toContain('this one is 160 bits (20 bytes)');
    const hs512 = await rejection(sign({ alg: 'HS512' }, payload, 'x'.repeat(63)));
    expect(hs512.message).toContain('at least 512 bits (64 bytes)');
    expect(hs512.message).toContain('Add 1 more byte ');
  });

  it('accepts a secret exactly as long as the hash output, read as text or base64url', async () => {
    const text = 'a'.repeat(32);
    const token = await sign({ alg: 'HS256' }, payload, text);
    expect((await verify(token, text)).status).toBe('valid');
    const b64 = Buffer.alloc(48, 7).toString('base64url');
    const token384 = await sign({ alg: 'HS384' }, payload, b64, { secretEncoding: 'base64url' });
    expect((await verify(token384, b64, { secretEncoding: 'base64url' })).status).toBe('valid');
  });
});

describe('unencoded payload ("b64": false, RFC 7797)', () => {
  const secret = 'a-secret-that-is-32-bytes-long!!';
  const header = { alg: 'HS256', b64: false, crit: ['b64'] };

  it('carries the payload as it is, signed over BASE64URL(header) "." payload (RFC 7797 §3)', async () => {
    const claims = { sub: 'ada', n: 1 };
    const token = await sign(header, claims, secret);
    const [h, p, s] = token.split('.');
    expect(token.split('.')).toHaveLength(3);
    expect(JSON.parse(Buffer.from(h!, 'base64url').toString())).toEqual(header);
    expect(p).toBe('{"sub":"ada","n":1}');
    // Independent: node:crypto over the RFC 7797 signing input.
    expect(s).toBe(createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url'));
    // The core verify (jose's compactVerify underneath) accepts it.
    expect((await verify(token, secret)).status).toBe('valid');
  });

  it('refuses "b64": false without "crit": ["b64"] (RFC 7797 §6), and a payload with "." (§5.2)', async () => {
    const noCrit = await rejection(sign({ alg: 'HS256', b64: false }, { sub: 'a' }, secret));
    expect(noCrit.code).toBe('bad-header');
    expect(noCrit.message).toContain('"crit": ["b64"]');
    const dotted = await rejection(sign(header, { email: 'ada@example.com' }, secret));
    expect(dotted.code).toBe('bad-header');
    expect(dotted.message).toContain('RFC 7797 §5.2');
    expect(dotted.message).not.toMatch(/flattened|ERR_/);
  });
});

describe('refusals a person can act on', () => {
  it('names what is wrong with the header', async () => {
    expect((await rejection(sign({}, payload, 'k'))).message).toContain('needs an "alg"');
    expect((await rejection(sign({ alg: 'none' }, payload, 'k'))).message).toContain('unsigned');
    expect((await rejection(sign({ alg: 'HS999' }, payload, 'k'))).message).toContain(
      'not a signing algorithm',
    );
  });

  it('refuses a public key, a wrong key type and a secret for an asymmetric alg', async () => {
    const rsa = await generateKey('RS256', 'pem');
    const publicOnly = await rejection(sign({ alg: 'RS256' }, payload, rsa.verificationKey));
    expect(publicOnly.code).toBe('wrong-key');
    expect(publicOnly.message).toMatch(/public/i);
    const ec = await generateKey('ES256', 'pem');
    const wrongType = await rejection(sign({ alg: 'RS256' }, payload, ec.signingKey));
    expect(wrongType.message).toContain('RSA');
    const secret = await rejection(sign({ alg: 'ES256' }, payload, 'just some text'));
    expect(secret.message).toMatch(/secret/i);
    for (const error of [publicOnly, wrongType, secret]) expect(error.message).not.toMatch(/ERR_/);
  });
});

describe('encrypt', () => {
  // Chromium's WebCrypto lacks 192-bit AES; Node has it, so all are tried here.
  const pairs: [string, string][] = [];
  for (const alg of keyManagementAlgorithms) pairs.push([alg, alg === 'dir' ? 'A256GCM' : 'A128CBC-HS256']);
  for (const enc of contentEncryptionAlgorithms) pairs.push(['A256KW', enc]);

  for (const [alg, enc] of pairs) {
    it(`${alg} + ${enc}: jose decrypts with the generated key`, async () => {
      const { encryptionKey, decryptionKey } = await generateEncryptionKey(alg, enc);
      const jwe = await encrypt('{"sub":"ada"}', encryptionKey, { alg, enc });
      const key = decryptionKey.trim().startsWith('{')
        ? await importJWK(JSON.parse(decryptionKey) as JWK, alg)
        : new TextEncoder().encode(decryptionKey);
      const { plaintext, protectedHeader } = await compactDecrypt(jwe, key, {
        // jose leaves PBES2 off unless asked (its cost is set by the sender).
        keyManagementAlgorithms: [alg],
      });
      expect(new TextDecoder().decode(plaintext)).toBe('{"sub":"ada"}');
      expect(protectedHeader).toMatchObject({ alg, enc });
    });
  }

  it('nests a signed token (cty JWT) that the core decrypt opens', async () => {
    const signing = await generateKey('ES256');
    const inner = await sign({ alg: 'ES256' }, payload, signing.signingKey);
    const { encryptionKey, decryptionKey } = await generateEncryptionKey('RSA-OAEP-256', 'A256GCM');
    const jwe = await encrypt(inner, encryptionKey, { alg: 'RSA-OAEP-256', enc: 'A256GCM' });
    expect(JSON.parse(Buffer.from(jwe.split('.')[0]!, 'base64url').toString()).cty).toBe('JWT');
    const opened = await decrypt(jwe, decryptionKey);
    expect(opened.status).toBe('decrypted');
    expect(opened.plaintext).toBe(inner);
  });

  it('says how long a symmetric key must be', async () => {
    await expect(encrypt('x', '{"kty":"oct","k":"AAAA"}', { alg: 'A256KW', enc: 'A256GCM' })).rejects.toThrow(
      'exactly 256 bits (32 bytes); this one has 3 bytes',
    );
    await expect(encrypt('x', 'sixteen-bytes!!!', { alg: 'dir', enc: 'A256CBC-HS512' })).rejects.toThrow(
      '"dir" with A256CBC-HS512 needs a key of exactly 512 bits',
    );
    const ec = await generateKey('ES256');
    await expect(encrypt('x', ec.verificationKey, { alg: 'RSA-OAEP', enc: 'A256GCM' })).rejects.toThrow(
      'RSA-OAEP needs an RSA key; this one is EC P-256',
    );
  });
});
