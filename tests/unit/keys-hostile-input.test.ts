/**
 * Hostile input found by exploratory QA in the key readers shared by the Keys tool and the
 * Verifier. Expected values are reasoned out beside each case (the bytes of a base64url
 * string, the bits of a number) or come from node:crypto, never from this code's output.
 */
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { verify } from '../../src/core/jws/verify';
import { detectKeyFormat } from '../../src/core/keys/detect';
import { bitLength } from '../../src/core/keys/bit-length';
import { describeJwk, readKey } from '../../src/core/keys/export';
import { importVerificationKey } from '../../src/core/keys/import';
import { algorithmCaseMatch } from '../../src/core/keys/algorithms';

/** readKey's answer as a reason, failing the test when it threw or read the key. */
async function reasonOf(text: string): Promise<string> {
  const reading = await readKey(text);
  expect(reading.ok).toBe(false);
  return reading.ok ? '' : reading.reason;
}

describe('readKey: a JWK member that is not a base64url string (QA 1)', () => {
  it('never throws, and names the member and what it holds', async () => {
    expect(await reasonOf('{"kty":"RSA","n":123,"e":"AQAB"}')).toContain('"n" is a number');
    expect(await reasonOf('{"kty":"RSA","n":[],"e":"AQAB"}')).toContain('"n" is an array');
    expect(await reasonOf('{"kty":"oct","k":[]}')).toContain('"k" is an array');
    // null is not the text "null" (which base64url-decodes to 3 bytes).
    expect(await reasonOf('{"kty":"OKP","crv":"Ed25519","x":null}')).toContain('"x" is null');
    expect(await reasonOf('{"kty":"RSA","n":"AQAB","e":"AQAB","d":{}}')).toContain('"d" is an object');
    expect(await reasonOf('{"kty":"RSA","n":"ab!c","e":"AQAB"}')).toMatch(/"n" is not base64url/);
    expect(await reasonOf('{"kty":"EC","crv":"P-256","x":"AAAA"}')).toContain('needs "x" and "y"');
  });

  it('a key set names the key that cannot be read', async () => {
    const reason = await reasonOf('{"keys":[{"kty":"RSA","n":[]}]}');
    expect(reason).toContain('Key 1 of the key set (JWKS)');
    expect(reason).toContain('"n" is an array');
    expect(reason).not.toContain('not correctly encoded');
  });

  it('gives the Verifier the same reason (one validation)', async () => {
    for (const text of [
      '{"kty":"RSA","n":123,"e":"AQAB"}',
      '{"kty":"oct","k":[]}',
      '{"kty":"OKP","crv":"Ed25519","x":null}',
    ]) {
      const detection = detectKeyFormat(text);
      expect(detection.format).toBe('invalid');
      expect(detection.problem).toBe(await reasonOf(text));
    }
    const imported = await importVerificationKey('{"keys":[{"kty":"RSA","n":[],"e":"AQAB"}]}', 'RS256');
    expect(imported.ok).toBe(false);
    if (!imported.ok) expect(imported.reason).toContain('"n" is an array');
  });

  it('never throws even for values no JWK holds', async () => {
    for (const text of [
      '{"kty":"RSA","n":{"toString":1},"e":"AQAB"}',
      '{"keys":[null,1,"x"]}',
      '{}',
      '{"kty":7}',
    ])
      await expect(readKey(text)).resolves.toMatchObject({ ok: false });
  });

  it('still reads a good JWK, and a key set picks its first readable private key on request', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const publicJwk = rsa.publicKey.export({ format: 'jwk' });
    const privateJwk = rsa.privateKey.export({ format: 'jwk' });
    await expect(readKey(JSON.stringify(publicJwk))).resolves.toMatchObject({
      ok: true,
      kind: 'public',
      source: 'jwk',
    });
    const set = JSON.stringify({ keys: [publicJwk, privateJwk] });
    await expect(readKey(set, { preferPrivate: true })).resolves.toMatchObject({ ok: true, kind: 'private' });
  });
});

describe('RSA key size: the bit length of the modulus (QA 2)', () => {
  it('counts bits, not bytes × 8', () => {
    // 0x010001 = 65537 lies between 2^16 and 2^17: 17 bits.
    expect(bitLength(Uint8Array.from([1, 0, 1]))).toBe(17);
    // Leading zero octets carry no bits (a DER INTEGER's sign octet).
    expect(bitLength(Uint8Array.from([0, 0xff]))).toBe(8);
    expect(bitLength(Uint8Array.from([0x80, 0]))).toBe(16);
    expect(bitLength(Uint8Array.from([0]))).toBe(0);
    expect(bitLength(new Uint8Array())).toBe(0);
  });

  it('the Keys tool and the Verifier say the same size', () => {
    // "AQAB" is the bytes 01 00 01.
    const jwk = { kty: 'RSA', n: 'AQAB', e: 'AQAB' };
    expect(describeJwk(jwk)).toBe('RSA 17-bit');
    expect(detectKeyFormat(JSON.stringify(jwk)).description).toBe('JWK, RSA 17-bit public');
    const real = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });
    expect(describeJwk(real)).toBe('RSA 2048-bit');
  });

  it('describeJwk never throws on a JWK it cannot read', () => {
    expect(describeJwk({ kty: 'RSA', n: 123 } as never)).toBe('RSA (unreadable)');
    expect(describeJwk({ kty: 'oct', k: '!!' })).toBe('oct (unreadable)');
  });
});

describe('allowed algorithms are case-sensitive (QA 5)', () => {
  it('suggests the algorithm a case-insensitive match names', () => {
    expect(algorithmCaseMatch('hs256')).toBe('HS256');
    expect(algorithmCaseMatch('eddsa')).toBe('EdDSA');
    expect(algorithmCaseMatch('HS256')).toBeUndefined();
    expect(algorithmCaseMatch('HS257')).toBeUndefined();
  });

  it('the verdict says the algorithm is not allowed, and what was meant', async () => {
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).sign(new Uint8Array(32));
    const verdict = await verify(token, 'A'.repeat(43), { algorithms: ['hs256'] });
    expect(verdict.status).toBe('key-mismatch');
    expect(verdict.cause).toBe('algorithm-not-allowed');
    expect(verdict.reason).toContain('does not allow');
    expect(verdict.reason).toContain('did you mean HS256?');
    expect(verdict.reason).toContain('RFC 7515 §4.1.1');
    // A key that does not fit is still "key-mismatch" with no such cause.
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const other = await verify(token, rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString());
    expect(other.status).toBe('key-mismatch');
    expect(other.cause).toBeUndefined();
  });
});

describe('a secret with an unpaired surrogate (QA 6)', () => {
  it('the detection says where it is and what UTF-8 makes of it', () => {
    const detection = detectKeyFormat('\uD800secret');
    expect(detection.format).toBe('secret');
    expect(detection.problem).toContain('unpaired surrogate (U+D800) at position 1');
    expect(detection.problem).toContain('U+FFFD');
    // A low surrogate alone, later in the text (1-based position 4).
    expect(detectKeyFormat('abc\uDC01').problem).toContain('(U+DC01) at position 4');
    // A proper pair (U+1F600) is well formed.
    expect(detectKeyFormat('key\uD83D\uDE00key').problem).toBeUndefined();
  });

  it('the verdict carries the warning, since the key used is not the key typed', async () => {
    // TextEncoder (like Node's Buffer) writes ef bf bd for a lone surrogate, so a signer in
    // JavaScript with this "secret" signed with these bytes: the signature verifies, with a warning.
    const replaced = Buffer.from('\uD800secret', 'utf8');
    expect([...replaced.subarray(0, 3)]).toEqual([0xef, 0xbf, 0xbd]);
    const token = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).sign(replaced);
    const verdict = await verify(token, '\uD800secret');
    expect(verdict.status).toBe('valid');
    expect(verdict.warnings?.join(' ')).toContain('unpaired surrogate (U+D800) at position 1');
    const bad = await verify(token, '\uD800secreT');
    expect(bad.status).toBe('invalid-signature');
    expect(bad.explanations.join(' ')).toContain('unpaired surrogate');
  });
});
