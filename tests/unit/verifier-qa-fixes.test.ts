/**
 * Verifier defects found by exploratory QA: a "dir" JWE key of the wrong length blamed on the
 * token, a short HMAC secret given a plain green verdict, one audience only. Tokens are made
 * with node:crypto keys and jose's encrypt/sign; the expected numbers come from RFC 7518.
 */
import { randomBytes } from 'node:crypto';
import { CompactEncrypt, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { decrypt } from '../../src/core/jwe/decrypt';
import { verify } from '../../src/core/jws/verify';
import { optionsOf } from '../../src/features/verifier/verifier.svelte';

const encryptDir = (key: Uint8Array, enc: string) =>
  new CompactEncrypt(new TextEncoder().encode('hello')).setProtectedHeader({ alg: 'dir', enc }).encrypt(key);

describe('"dir" JWE with a key of the wrong length (defect 2)', () => {
  it('the right key as base64url text read as UTF-8: a key-length reason and the reading that fits', async () => {
    const key = randomBytes(32);
    const token = await encryptDir(key, 'A256GCM');
    const text = key.toString('base64url');
    // 43 characters read as UTF-8 are 344 bits; RFC 7518 §5.3: A256GCM takes a 256-bit key.
    expect(text.length * 8).toBe(344);
    const result = await decrypt(token, text);
    expect(result.status).toBe('key-mismatch');
    expect(result.reason).toContain('The key is 344 bits, but "dir" with A256GCM needs exactly 256 bits');
    expect(result.reason).toContain('Read as base64url, the secret is 256 bits: choose "base64url"');
    expect(result.reason).not.toMatch(/not a valid JWE/);
    // And the hint is right: read that way, it decrypts.
    const fixed = await decrypt(token, text, { secretEncoding: 'base64url' });
    expect(fixed).toMatchObject({ status: 'decrypted', plaintext: 'hello' });
  });

  it('a 5-character key, and the CBC-HMAC lengths (RFC 7518 §5.2.3–5.2.5)', async () => {
    const token = await encryptDir(randomBytes(32), 'A256GCM');
    const short = await decrypt(token, 'abcde');
    expect(short.status).toBe('key-mismatch');
    expect(short.reason).toMatch(/^The key is 40 bits, but "dir" with A256GCM needs exactly 256 bits/);
    const cbc = await encryptDir(randomBytes(64), 'A256CBC-HS512');
    expect((await decrypt(cbc, 'x'.repeat(32))).reason).toContain(
      'The key is 256 bits, but "dir" with A256CBC-HS512 needs exactly 512 bits',
    );
  });

  it('an AES key wrap key of the wrong length says so too', async () => {
    const token = await new CompactEncrypt(new TextEncoder().encode('hi'))
      .setProtectedHeader({ alg: 'A128KW', enc: 'A128GCM' })
      .encrypt(randomBytes(16));
    const result = await decrypt(token, 'short');
    expect(result).toMatchObject({ status: 'key-mismatch' });
    expect(result.reason).toMatch(/^The key is 40 bits, but A128KW needs exactly 128 bits/);
  });
});

describe('a short HMAC secret (suggestion 11a, RFC 7518 §3.2)', () => {
  it('stays valid, with a visible warning', async () => {
    const token = await new SignJWT({ sub: 'a' })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('secret'));
    const verdict = await verify(token, 'secret');
    expect(verdict.status).toBe('valid');
    expect(verdict.warnings).toHaveLength(1);
    // "secret" is 6 bytes = 48 bits; HS256 asks for 256.
    expect(verdict.warnings![0]).toContain('The secret is only 48 bits; HS256 needs at least 256');
  });

  it('no warning at the hash size', async () => {
    const secret = 'k'.repeat(48);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS384' })
      .sign(new TextEncoder().encode(secret));
    const verdict = await verify(token, secret);
    expect(verdict.status).toBe('valid');
    expect(verdict.warnings).toBeUndefined();
  });
});

describe('several expected audiences (suggestion 11b)', () => {
  it('commas make a list, and any one of them matches (RFC 7519 §4.1.3)', async () => {
    expect(optionsOf({ audience: ' api , web,' }).audience).toEqual(['api', 'web']);
    expect(optionsOf({ audience: 'api' }).audience).toBe('api');
    expect(optionsOf({ audience: ' ' }).audience).toBeUndefined();
    const secret = 'k'.repeat(32);
    const token = await new SignJWT({ aud: 'web' })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(secret));
    expect((await verify(token, secret, optionsOf({ audience: 'api, web' }))).status).toBe('valid');
    expect((await verify(token, secret, optionsOf({ audience: 'api, admin' }))).status).toBe(
      'claim-mismatch',
    );
  });
});
