/**
 * Defects found by exploratory QA in the Verifier, each checked against node:crypto (an
 * implementation independent of jose and of the code under test) or against reasoning written
 * down beside the expectation.
 */
import { createDecipheriv, createHmac } from 'node:crypto';
import { CompactEncrypt, compactDecrypt, errors } from 'jose';
import { describe, expect, it } from 'vitest';
import { aes192Unsupported, needsAes192 } from '../../src/core/jwe/aes192';
import { decrypt } from '../../src/core/jwe/decrypt';
import { checkClaims } from '../../src/core/jws/claims';
import { sign } from '../../src/core/jws/sign';
import { verify } from '../../src/core/jws/verify';
import { importSigningKey, surroundingWhiteSpace } from '../../src/core/keys/import';
import { aes192Fixtures } from '../fixtures/aes192-tokens';
import { b64url, keyPair, nowSeconds, signWithNode } from './verify-helpers';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('a text secret is its bytes exactly as typed', () => {
  it('a secret that ends with a space verifies with that space, and not without it', async () => {
    const secret = 'secret ending with one space 0123456789abcdef ';
    const token = signWithNode({ alg: 'HS256' }, { sub: 'space' }, bytes(secret));
    const exact = await verify(token, secret);
    expect(exact.status).toBe('valid');
    expect(exact.key?.used).toContain('including the trailing space');
    // 46 characters, all ASCII: 368 bits, the space counted.
    expect(exact.key?.used).toMatch(/^368-bit secret/);
    expect((await verify(token, secret.trimEnd())).status).toBe('invalid-signature');
  });

  it('a newline the signer did not use makes the signature invalid, and the verdict says why', async () => {
    const token = signWithNode({ alg: 'HS256' }, { sub: 'ada' }, bytes('my-secret-value'));
    const pasted = await verify(token, 'my-secret-value\n');
    expect(pasted.status).toBe('invalid-signature');
    expect(pasted.reason).toContain(
      'Without the trailing newline it verifies: the key field has white space the signer did not use.',
    );
    expect((await verify(token, 'my-secret-value')).status).toBe('valid');
  });

  it('names leading and trailing white space alike', async () => {
    const token = signWithNode({ alg: 'HS256' }, {}, bytes('a-thirty-two-byte-secret-0123456'));
    const pasted = await verify(token, '  a-thirty-two-byte-secret-0123456\r\n');
    expect(pasted.status).toBe('invalid-signature');
    expect(pasted.reason).toContain('Without the leading 2 spaces and the trailing newline it verifies');
  });

  it('a secret signed with its newline verifies with it (no hint when nothing is wrong)', async () => {
    const secret = 'secret-ending-with-newline-0123456789abcdef\n';
    const token = signWithNode({ alg: 'HS256' }, {}, bytes(secret));
    expect((await verify(token, secret)).status).toBe('valid');
    expect((await verify(token, secret.trim())).status).toBe('invalid-signature');
  });

  it('base64 readings still skip white space around the text, as base64 decoders do', async () => {
    const key = Uint8Array.from({ length: 32 }, (_, i) => i * 7 + 1);
    const token = signWithNode({ alg: 'HS256' }, {}, key);
    const pasted = `\n ${Buffer.from(key).toString('base64')} \n`;
    expect((await verify(token, pasted, { secretEncoding: 'base64' })).status).toBe('valid');
  });

  it('signing uses the exact bytes too (the Generator relies on it)', async () => {
    const secret = 'a shared secret with a trailing space, 32+ bytes ';
    const token = await sign({ alg: 'HS256' }, { sub: 'ada' }, secret);
    const [header, payload, signature] = token.split('.');
    const expected = createHmac('sha256', bytes(secret)).update(`${header}.${payload}`).digest();
    expect(signature).toBe(b64url(expected));
    const imported = await importSigningKey(secret, 'HS256');
    expect(imported.ok && imported.candidates[0]!.description).toContain('including the trailing space');
  });

  it('a "dir" key one newline too long says that the newline is the difference', async () => {
    const key = 'sixteen-byte-key'; // 16 bytes: A128GCM's 128 bits (RFC 7518 §5.3)
    const jwe = await new CompactEncrypt(bytes('hi'))
      .setProtectedHeader({ alg: 'dir', enc: 'A128GCM' })
      .encrypt(bytes(key));
    const result = await decrypt(jwe, `${key}\n`);
    expect(result.status).toBe('key-mismatch');
    expect(result.reason).toContain('The key is 136 bits');
    expect(result.reason).toContain('Without the trailing newline it is 128 bits');
    expect((await decrypt(jwe, key)).status).toBe('decrypted');
  });

  it('words the white space', () => {
    expect(surroundingWhiteSpace('abc')).toBeUndefined();
    expect(surroundingWhiteSpace('abc\n')).toBe('the trailing newline');
    expect(surroundingWhiteSpace('abc\r\n\r\n')).toBe('the trailing 2 newlines');
    expect(surroundingWhiteSpace('\tabc ')).toBe('the leading tab and the trailing space');
    expect(surroundingWhiteSpace('abc \n')).toBe('the trailing white space');
    expect(surroundingWhiteSpace('a b')).toBeUndefined();
  });
});

describe('192-bit AES, which Chromium lacks', () => {
  it('knows which algorithms run AES with a 192-bit key (RFC 7518 §4.4–4.8, §5.2.4, §5.3)', () => {
    for (const [alg, enc] of [
      ['A192KW', 'A256GCM'],
      ['A192GCMKW', 'A128GCM'],
      ['ECDH-ES+A192KW', 'A128CBC-HS256'],
      ['PBES2-HS384+A192KW', 'A256GCM'],
      ['dir', 'A192GCM'],
      ['dir', 'A192CBC-HS384'],
      ['RSA-OAEP', 'A192GCM'],
    ])
      expect(needsAes192(alg!, enc!), `${alg} ${enc}`).toBe(true);
    for (const [alg, enc] of [
      ['A128KW', 'A256GCM'],
      ['A256GCMKW', 'A128GCM'],
      ['ECDH-ES+A256KW', 'A256GCM'],
      ['PBES2-HS256+A128KW', 'A128CBC-HS256'],
      ['dir', 'A256CBC-HS512'],
      ['ECDH-ES', 'A128GCM'],
    ])
      expect(needsAes192(alg!, enc!), `${alg} ${enc}`).toBe(false);
  });

  it('a failed unwrap in a runtime without AES-192 is "unsupported", never the key', () => {
    // jose reports every failed key unwrap as a failed decryption (RFC 7516 §11.5).
    const failed = new errors.JWEDecryptionFailed();
    const reason = aes192Unsupported(failed, {
      alg: 'ECDH-ES+A192KW',
      enc: 'A128CBC-HS256',
      runtimeHasAes192: false,
    });
    expect(reason).toContain('192-bit AES ("alg": "ECDH-ES+A192KW")');
    expect(reason).toContain("this browser's WebCrypto does not have");
    expect(reason).toContain('jose in Node');
    expect(
      aes192Unsupported(failed, { alg: 'dir', enc: 'A192CBC-HS384', runtimeHasAes192: false }),
    ).toContain('("enc": "A192CBC-HS384")');
  });

  it("Chromium's own refusal names it even when the probe was not asked", () => {
    const refusal = new DOMException('192-bit AES keys are not supported', 'OperationError');
    expect(aes192Unsupported(refusal, { alg: 'dir', enc: 'A192GCM', runtimeHasAes192: true })).toContain(
      '("enc": "A192GCM")',
    );
  });

  it('where the runtime has AES-192, or the token does not need it, a failure stays the key’s', () => {
    const failed = new errors.JWEDecryptionFailed();
    expect(aes192Unsupported(failed, { alg: 'A192KW', enc: 'A256GCM', runtimeHasAes192: true })).toBe(
      undefined,
    );
    expect(aes192Unsupported(failed, { alg: 'A128KW', enc: 'A256GCM', runtimeHasAes192: false })).toBe(
      undefined,
    );
  });

  it('the fixtures are sound: node:crypto alone opens A192KW and "dir" A192GCM', () => {
    const open = (token: string, cek: Buffer, cipher: 'aes-256-gcm' | 'aes-192-gcm') => {
      const [header, , iv, ciphertext, tag] = token.split('.');
      // RFC 7516 §5.2: the AAD is the ASCII of the encoded protected header.
      const decipher = createDecipheriv(cipher, cek, Buffer.from(iv!, 'base64url'));
      decipher.setAAD(Buffer.from(header!));
      decipher.setAuthTag(Buffer.from(tag!, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext!, 'base64url')), decipher.final()]);
    };
    const [kw, dir] = aes192Fixtures;
    // RFC 3394 key unwrap with the default IV, as RFC 7518 §4.4 prescribes.
    const unwrap = createDecipheriv(
      'id-aes192-wrap',
      Buffer.from(kw.key, 'base64url'),
      Buffer.from('A6A6A6A6A6A6A6A6', 'hex'),
    );
    const encryptedKey = Buffer.from(kw.token.split('.')[1]!, 'base64url');
    const cek = Buffer.concat([unwrap.update(encryptedKey), unwrap.final()]);
    expect(open(kw.token, cek, 'aes-256-gcm').length).toBeGreaterThan(0);
    expect(open(dir.token, Buffer.from(dir.key, 'base64url'), 'aes-192-gcm').length).toBeGreaterThan(0);
  });

  it('in Node (which has AES-192) every fixture decrypts, with jose and with decrypt()', async () => {
    for (const fixture of aes192Fixtures) {
      const result = await decrypt(fixture.token, fixture.key, { secretEncoding: fixture.secretEncoding });
      expect(result.status, `${fixture.name}: ${result.reason}`).toBe('decrypted');
    }
    const pbes2 = aes192Fixtures.find((fixture) => fixture.name.startsWith('PBES2'))!;
    const { plaintext } = await compactDecrypt(pbes2.token, bytes(pbes2.key), {
      keyManagementAlgorithms: ['PBES2-HS384+A192KW'],
    });
    expect(plaintext.length).toBeGreaterThan(0);
  });

  it('in Node a wrong A192KW key is still the key’s fault', async () => {
    const [kw] = aes192Fixtures;
    const wrong = Buffer.alloc(24, 7).toString('base64url');
    const result = await decrypt(kw.token, wrong, { secretEncoding: 'base64url' });
    expect(result.status).toBe('key-mismatch');
  });
});

describe('claim lines when the clock tolerance is what saves the token', () => {
  it('exp 30 s past, 60 s of tolerance: valid, and the line says it expired', async () => {
    const pair = keyPair('rsa');
    const exp = nowSeconds() + 3600;
    const token = signWithNode({ alg: 'RS256' }, { exp }, pair.privateKey);
    const publicPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const result = await verify(token, publicPem, { now: (exp + 30) * 1000, clockTolerance: 60 });
    expect(result.status).toBe('valid');
    expect(result.claims).toEqual([
      { claim: 'exp', outcome: 'ok', message: 'expired 30 s ago, accepted within the 60 s clock tolerance' },
    ]);
  });

  it('nbf 30 s ahead, 60 s of tolerance: valid, and the line says when it becomes valid', async () => {
    const now = nowSeconds();
    const token = signWithNode(
      { alg: 'HS256' },
      { nbf: now + 30 },
      bytes('a-thirty-two-byte-secret-0123456'),
    );
    const result = await verify(token, 'a-thirty-two-byte-secret-0123456', {
      now: now * 1000,
      clockTolerance: 60,
    });
    expect(result.status).toBe('valid');
    expect(result.claims).toEqual([
      { claim: 'nbf', outcome: 'ok', message: 'valid in 30 s, accepted within the 60 s clock tolerance' },
    ]);
  });

  it('without the tolerance mattering, the lines are as before', () => {
    const now = 1_800_000_000;
    expect(checkClaims({ exp: now + 3600, nbf: now - 10 }, { now: now * 1000, clockTolerance: 60 })).toEqual([
      { claim: 'exp', outcome: 'ok', message: 'expires in 1 h' },
      { claim: 'nbf', outcome: 'ok', message: 'already valid (nbf has passed)' },
    ]);
    // RFC 7519 §4.1.4: on exp itself the token is expired; the tolerance decides.
    expect(checkClaims({ exp: now }, { now: now * 1000 })[0]!.outcome).toBe('expired');
    expect(checkClaims({ exp: now }, { now: now * 1000, clockTolerance: 5 })[0]!.message).toBe(
      'expired less than a second ago, accepted within the 5 s clock tolerance',
    );
  });
});

describe('time claims in milliseconds', () => {
  const secret = 'secretsecretsecretsecretsecretsecret';

  it('a valid token whose exp is in milliseconds carries a warning', async () => {
    const token = signWithNode({ alg: 'HS256' }, { exp: 1795478466000 }, bytes(secret));
    const result = await verify(token, secret);
    expect(result.status).toBe('valid');
    // 1795478466000 s / 31,556,952 s per Gregorian year ≈ 56,896 years after 1970: year 58866.
    expect(result.warnings).toEqual([
      '"exp" is 1795478466000, which looks like milliseconds: NumericDate counts seconds (RFC 7519 §2), so it reads as the year 58866 and the token effectively never expires. The issuer should write seconds: Math.floor(Date.now() / 1000).',
    ]);
  });

  it('an nbf in milliseconds explains a "not yet valid" verdict', async () => {
    const token = signWithNode({ alg: 'HS256' }, { nbf: Date.now() }, bytes(secret));
    const result = await verify(token, secret);
    expect(result.status).toBe('not-yet-valid');
    expect(result.warnings?.[0]).toMatch(/^"nbf" is \d+, which looks like milliseconds/);
  });

  it('times in seconds carry no such warning', async () => {
    const token = signWithNode(
      { alg: 'HS256' },
      { exp: nowSeconds() + 60, iat: nowSeconds() },
      bytes(secret),
    );
    const result = await verify(token, secret);
    expect(result.status).toBe('valid');
    expect(result.warnings).toBeUndefined();
  });
});

it('a string exp ends its reason with one period', async () => {
  const secret = 'secretsecretsecretsecretsecretsecret';
  const token = signWithNode({ alg: 'HS256' }, { exp: '1795485666' }, bytes(secret));
  const result = await verify(token, secret);
  expect(result.status).toBe('claim-mismatch');
  expect(result.reason).toBe(
    'Signature good, but "exp" must be a NumericDate (a number of seconds), not "1795485666" (RFC 7519 §4.1).',
  );
});

describe('a private PEM that verifies is named as its public half, whatever the library', () => {
  for (const [alg, kind] of [
    ['ES256K', 'secp256k1'],
    ['EdDSA', 'ed448'],
    ['ES256', 'P-256'],
    ['EdDSA', 'ed25519'],
  ] as const) {
    it(`${alg} (${kind})`, async () => {
      const pair = keyPair(kind);
      const token = signWithNode({ alg }, { sub: 'ada' }, pair.privateKey);
      const pkcs8 = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      const result = await verify(token, pkcs8);
      expect(result.status).toBe('valid');
      expect(result.key?.used).toMatch(/^the public half of a PEM, PKCS#8 private key \(/);
      // The key is named once, on the verdict's "Signature good with …" line, not in the reason too.
      expect(result.reason).toBe('Signature verified, and the claims hold under your profile.');
      if (kind === 'secp256k1') {
        const sec1 = pair.privateKey.export({ type: 'sec1', format: 'pem' }).toString();
        expect((await verify(token, sec1)).key?.used).toMatch(/^the public half of a PEM, SEC1/);
      }
      // Signing uses the private key itself: no "public half" there.
      const signing = await importSigningKey(pkcs8, alg);
      expect(signing.ok && signing.candidates[0]!.description).toMatch(/^PEM, PKCS#8 private key/);
    });
  }
});

describe("a lone JWK whose kid is not the token's", () => {
  const pair = keyPair('P-256');
  const jwk = pair.publicKey.export({ format: 'jwk' });

  it('verifies, with a warning naming both kids', async () => {
    const token = signWithNode({ alg: 'ES256', kid: 'key-2025' }, { sub: 'ada' }, pair.privateKey);
    const result = await verify(token, JSON.stringify({ ...jwk, kid: 'key-2024' }));
    expect(result.status).toBe('valid');
    expect(result.warnings).toEqual([
      'The token names kid "key-2025"; the key\'s kid is "key-2024". A server that picks keys by kid would not use this key.',
    ]);
  });

  it('no warning when the kids agree, or when the key names none', async () => {
    const token = signWithNode({ alg: 'ES256', kid: 'key-2025' }, { sub: 'ada' }, pair.privateKey);
    expect((await verify(token, JSON.stringify({ ...jwk, kid: 'key-2025' }))).warnings).toBeUndefined();
    expect((await verify(token, JSON.stringify(jwk))).warnings).toBeUndefined();
  });
});
