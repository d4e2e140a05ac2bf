import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../src/core/toolbox/base64';
import { secretStrength } from '../../src/core/toolbox/secret';

describe('base64 errors point at the right character and read well', () => {
  it.each([
    // input, 1-based position of the first "=" (counted by hand)
    ['QQ=a', 3],
    ['=QQ', 1],
    ['Q=Q=', 2],
    ['Zm9v YQ=x', 8],
  ])('%s: the "=" with data after it stands at position %i', (input, position) => {
    const result = decodeBase64(input);
    expect(result).toMatchObject({ ok: false, position });
    expect(!result.ok && result.message).toBe(
      `"=" padding may only stand at the end, but the "=" at position ${position} has data after it`,
    );
  });

  it('a single character: one sentence, in the singular', () => {
    const result = decodeBase64('Q');
    expect(!result.ok && result.message).toBe(
      'a single character cannot hold a byte (6 bits; a byte needs two characters)',
    );
    expect(!result.ok && result.message).not.toMatch(/1 characters|cannot be base64/);
  });

  it('five characters: one left over after a group of four', () => {
    const result = decodeBase64('Zm9vY');
    expect(!result.ok && result.message).toBe(
      '5 characters leave one over after the last full group of four, and one character cannot hold a byte (a character is missing or extra)',
    );
  });
});

describe('secretStrength names the largest HMAC algorithm a secret suits (RFC 7518 §3.2)', () => {
  it.each([
    // bytes × 8 = bits; HS256 needs 256, HS384 384, HS512 512
    [32 * 8, 'enough for HS256, short of the 384 bits HS384 needs'],
    [47 * 8, 'enough for HS256, short of the 384 bits HS384 needs'],
    [48 * 8, 'enough for HS384 and HS256, short of the 512 bits HS512 needs'],
    [63 * 8, 'enough for HS384 and HS256, short of the 512 bits HS512 needs'],
    [64 * 8, 'enough for HS512, HS384 and HS256'],
    [255, 'strong, but short of the 256 bits HS256 needs'],
    [128, 'strong, but short of the 256 bits HS256 needs'],
    [80, 'fair'],
    [79.9, 'weak'],
  ])('%d bits: %s', (bits, words) => {
    expect(secretStrength(bits)).toBe(words);
  });
});
