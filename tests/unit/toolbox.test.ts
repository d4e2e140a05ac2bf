import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bytesToText,
  decodeBase64,
  encodeBase64,
  encodeText,
  fromHex,
  toHex,
} from '../../src/core/toolbox/base64';
import { hmacDigest } from '../../src/core/toolbox/hmac';
import { alphabetFor, generatePassword, generateSecretBytes } from '../../src/core/toolbox/secret';

describe('base64 and base64url', () => {
  it('matches the RFC 4648 §10 test vectors', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [text, encoded] of vectors) {
      expect(encodeText(text)).toBe(encoded);
      expect(encodeText(text, 'base64url')).toBe(encoded.replace(/=+$/, ''));
      const decoded = decodeBase64(encoded);
      expect(decoded.ok && new TextDecoder().decode(decoded.bytes)).toBe(text);
    }
  });

  it('agrees with Node on any bytes, both alphabets', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const buffer = Buffer.from(bytes);
        expect(encodeBase64(bytes)).toBe(buffer.toString('base64'));
        expect(encodeBase64(bytes, 'base64url')).toBe(buffer.toString('base64url'));
        const back = decodeBase64(buffer.toString('base64url'), 'base64url');
        expect(back.ok && Buffer.from(back.bytes).equals(buffer)).toBe(true);
      }),
      { numRuns: 500, seed: 4 },
    );
  });

  it('says where the input goes wrong', () => {
    expect(decodeBase64('Zm9v*YmFy')).toEqual({
      ok: false,
      message: '"*" at position 5 is not a base64 character',
      position: 5,
    });
    expect(decodeBase64('Zm9vY')).toMatchObject({
      ok: false,
      message: expect.stringContaining('5 characters'),
    });
    expect(decodeBase64('Zm=9v')).toMatchObject({
      ok: false,
      message: expect.stringContaining('only stand at the end'),
    });
    expect(decodeBase64('Zm 9v\nYg==')).toMatchObject({ ok: true });
    expect(decodeBase64('-_8', 'base64')).toMatchObject({
      ok: true,
      notes: [expect.stringContaining('base64url alphabet')],
    });
    // "-_+/" is 0xfb 0xff 0xbf in either reading ("-" and "+" are 62, "_" and "/" are 63).
    for (const variant of ['base64', 'base64url'] as const)
      expect(decodeBase64('-_+/', variant)).toEqual({
        ok: true,
        bytes: Uint8Array.from([0xfb, 0xff, 0xbf]),
        notes: [expect.stringContaining('It mixes both alphabets')],
      });
  });

  it('shows bytes that are not UTF-8 as such, and reads hex', () => {
    expect(bytesToText(Uint8Array.from([0xff, 0xfe]))).toMatchObject({ ok: false });
    expect(bytesToText(new TextEncoder().encode('héllo'))).toEqual({ ok: true, text: 'héllo' });
    expect(toHex(Uint8Array.from([0, 15, 255]), ' ')).toBe('00 0f ff');
    expect(fromHex('0x00:0f:FF')).toMatchObject({ ok: true, bytes: Uint8Array.from([0, 15, 255]) });
    expect(fromHex('abc')).toMatchObject({ ok: false, message: expect.stringContaining('even number') });
    expect(fromHex('zz')).toMatchObject({ ok: false, message: '"z" at position 1 is not a hex digit' });
    // An emoji is one character to a person (and not half of one in the message).
    expect(fromHex('de ad 😀 be ef')).toMatchObject({
      ok: false,
      message: '"😀" at position 7 is not a hex digit',
    });
    expect(fromHex('0xdead g')).toMatchObject({ ok: false, message: '"g" at position 8 is not a hex digit' });
  });
});

describe('HMAC digest', () => {
  it('matches RFC 4231 test case 2', () => {
    // RFC 4231 §4.3: key "Jefe", data "what do ya want for nothing?".
    const digest = hmacDigest(
      new TextEncoder().encode('what do ya want for nothing?'),
      new TextEncoder().encode('Jefe'),
    );
    expect(digest.hex).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('agrees with node:crypto for every hash and output encoding, empty key included', () => {
    for (const [hash, node] of [
      ['SHA-256', 'sha256'],
      ['SHA-384', 'sha384'],
      ['SHA-512', 'sha512'],
    ] as const) {
      for (const key of ['', 'secret', 'k'.repeat(200)]) {
        const expected = createHmac(node, key).update('message');
        const digest = hmacDigest(new TextEncoder().encode('message'), new TextEncoder().encode(key), hash);
        const bytes = expected.digest();
        expect(digest).toEqual({
          hex: bytes.toString('hex'),
          base64: bytes.toString('base64'),
          base64url: bytes.toString('base64url'),
        });
      }
    }
  });
});

describe('secret generator', () => {
  it('uses only the chosen characters and reports log2(alphabet) × length bits', () => {
    const result = generatePassword(32, { lower: true, upper: false, digits: true, symbols: false });
    expect(result.password).toMatch(/^[a-z0-9]{32}$/);
    expect(result.alphabetSize).toBe(36);
    expect(result.entropyBits).toBeCloseTo(32 * Math.log2(36), 6);
    const plain = generatePassword(20, {
      lower: true,
      upper: true,
      digits: true,
      symbols: false,
      avoidAmbiguous: true,
    });
    expect(plain.password).not.toMatch(/[0O1lI]/);
    expect(
      alphabetFor({ lower: false, upper: false, digits: true, symbols: false, avoidAmbiguous: true }),
    ).toBe('23456789');
  });

  it('spreads its choices evenly (no modulo bias a chi-squared test would see)', () => {
    const counts = new Map<string, number>();
    const sample = generatePassword(1000, {
      lower: false,
      upper: false,
      digits: true,
      symbols: false,
    }).password;
    for (const char of sample) counts.set(char, (counts.get(char) ?? 0) + 1);
    const chi = [...counts.values()].reduce((sum, n) => sum + (n - 100) ** 2 / 100, 0);
    // 9 degrees of freedom: chi² > 42 has probability under 2e-6 for a fair source, while a
    // generator stuck on a subset of digits scores in the hundreds.
    expect(chi).toBeLessThan(42);
    expect(counts.size).toBe(10);
  });

  it('refuses impossible requests with a reason', () => {
    expect(() => generatePassword(0, { lower: true, upper: false, digits: false, symbols: false })).toThrow(
      'from 1 to 1024',
    );
    expect(() => generatePassword(8, { lower: false, upper: false, digits: false, symbols: false })).toThrow(
      'at least one set',
    );
    expect(() => generateSecretBytes(0)).toThrow('from 1 to 4096');
  });

  it('makes random bytes in three encodings of the same value', () => {
    const secret = generateSecretBytes(32);
    expect(secret.entropyBits).toBe(256);
    expect(Buffer.from(secret.hex, 'hex').toString('base64')).toBe(secret.base64);
    expect(Buffer.from(secret.base64, 'base64').toString('base64url')).toBe(secret.base64url);
    expect(generateSecretBytes(32).hex).not.toBe(secret.hex);
  });
});
