/**
 * The Keys tool's "Convert a key" reads JWKs through readKey: values that cannot be a key are
 * refused with a reason, weak keys are warned about. Valid keys come from node:crypto, a
 * second implementation, so a refusal of them would be our bug.
 */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { jwkToPem, readKey } from '../../src/core/keys/export';
import { jwkValueProblem, jwkWarnings } from '../../src/core/keys/jwk-check';
import type { JWK } from 'jose';

const nodeJwk = (type: 'ec' | 'ed25519' | 'x25519' | 'ed448' | 'rsa', options: object = {}) =>
  generateKeyPairSync(type as 'ec', options as { namedCurve: string }).privateKey.export({
    format: 'jwk',
  }) as JWK;

describe('readKey refuses JWK values that cannot be a key', () => {
  it('an EC point of 1-byte coordinates', async () => {
    const reading = await readKey('{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}');
    expect(reading.ok).toBe(false);
    expect(!reading.ok && reading.reason).toContain('"x" is 1 byte, but a P-256 coordinate is 32 bytes');
  });

  it('an EC point off the curve, and a secp256k1 one', async () => {
    const good = nodeJwk('ec', { namedCurve: 'P-256' });
    const moved = { ...good, d: undefined, y: good.x };
    const reading = await readKey(JSON.stringify(moved));
    expect(!reading.ok && reading.reason).toContain('not a point on the P-256 curve');
    const k1 = nodeJwk('ec', { namedCurve: 'secp256k1' });
    expect(jwkValueProblem(k1)).toBeUndefined();
    expect(jwkValueProblem({ ...k1, y: k1.x })).toContain('not a point on the secp256k1 curve');
  });

  it('a private "d" that does not belong to the public point (WebCrypto refuses it)', async () => {
    const one = nodeJwk('ec', { namedCurve: 'P-256' });
    const other = nodeJwk('ec', { namedCurve: 'P-256' });
    const reading = await readKey(JSON.stringify({ ...one, d: other.d }));
    expect(reading.ok).toBe(false);
    expect(!reading.ok && reading.reason).toContain('private members do not belong with its public ones');
    expect((await readKey(JSON.stringify(one))).ok).toBe(true);
  });

  it('an RSA "n" equal to "e", an even modulus, an even exponent', async () => {
    const reading = await readKey('{"kty":"RSA","n":"AQAB","e":"AQAB"}');
    expect(!reading.ok && reading.reason).toContain('"e" (65537) is not an RSA public exponent');
    const rsa = nodeJwk('rsa', { modulusLength: 2048 });
    expect(jwkValueProblem({ kty: 'RSA', n: 'AQAC', e: 'Aw' })).toContain('even number');
    expect(jwkValueProblem({ kty: 'RSA', n: rsa.n, e: 'AQAA' })).toContain('"e" (65536)');
    expect(jwkValueProblem(rsa)).toBeUndefined();
  });

  it('an empty secret, and OKP keys of the wrong length', async () => {
    const reading = await readKey('{"kty":"oct","k":""}');
    expect(!reading.ok && reading.reason).toContain('"k" is empty');
    const ed = nodeJwk('ed25519');
    expect(jwkValueProblem(ed)).toBeUndefined();
    expect(jwkValueProblem(nodeJwk('ed448'))).toBeUndefined();
    expect(jwkValueProblem(nodeJwk('x25519'))).toBeUndefined();
    expect(jwkValueProblem({ ...ed, x: 'AAAA' })).toContain('"x" is 3 bytes, but an Ed25519 key is 32 bytes');
  });

  it('names the key set when the chosen key of a JWKS is bad', async () => {
    const reading = await readKey('{"keys":[{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}]}');
    expect(!reading.ok && reading.reason).toMatch(/^In the key set \(JWKS\): /);
  });
});

describe('weak keys are warned about', () => {
  it('RSA under 2048 bits', () => {
    const small = nodeJwk('rsa', { modulusLength: 1024 });
    expect(jwkWarnings(small)).toEqual([expect.stringContaining('only 1024 bits')]);
    expect(jwkWarnings(nodeJwk('rsa', { modulusLength: 2048 }))).toEqual([]);
  });

  it('a secret under the hash length (RFC 7518 §3.2)', () => {
    // 31 bytes of 0x61 ("a"), base64url by hand: "YWFh" is "aaa".
    const k31 = Buffer.alloc(31, 0x61).toString('base64url');
    expect(jwkWarnings({ kty: 'oct', k: k31 })).toEqual([
      expect.stringContaining('only 248 bits: HS256 needs at least 256'),
    ]);
    const k32 = Buffer.alloc(32, 0x61).toString('base64url');
    expect(jwkWarnings({ kty: 'oct', k: k32 })).toEqual([]);
    expect(jwkWarnings({ kty: 'oct', k: k32, alg: 'HS512' })).toEqual([
      expect.stringContaining('HS512 needs at least 512'),
    ]);
  });
});

describe('a key kept in the session that cannot be a key', () => {
  it('is refused by the PEM conversion in our words, not WebCrypto’s', async () => {
    await expect(jwkToPem({ kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' })).rejects.toThrow(
      'The JWK\'s "x" is 1 byte, but a P-256 coordinate is 32 bytes',
    );
    await expect(jwkToPem({ kty: 'RSA', n: 'AQAB', e: 'AQAB' })).rejects.toThrow(
      'is not an RSA public exponent for this "n"',
    );
  });
});
