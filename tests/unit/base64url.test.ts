import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url } from '../../src/core/token/base64url';

describe('base64url', () => {
  it('round-trips every length from 0 to 64 bytes against Node', () => {
    for (let length = 0; length <= 64; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length) & 0xff);
      const text = Buffer.from(bytes).toString('base64url');
      expect(encodeBase64url(bytes)).toBe(text);
      const decoded = decodeBase64url(text);
      expect(decoded.ok && Buffer.from(decoded.bytes).equals(Buffer.from(bytes))).toBe(true);
      expect(decoded.ok && decoded.noncanonical).toEqual([]);
    }
  });

  it('accepts the standard alphabet and padding, and reports both', () => {
    const standard = Buffer.from([0xfb, 0xff]).toString('base64'); // "+/8="
    const decoded = decodeBase64url(standard);
    expect(decoded.ok && Array.from(decoded.bytes)).toEqual([0xfb, 0xff]);
    expect(decoded.ok && decoded.noncanonical.join(' ')).toMatch(
      /padding.*standard base64|standard base64.*padding/s,
    );
  });

  it('reports non-zero unused bits in the last character', () => {
    // "QQ" is the canonical "A"; "QR" decodes to the same byte with a stray bit.
    const decoded = decodeBase64url('QR');
    expect(decoded.ok && Array.from(decoded.bytes)).toEqual([0x41]);
    expect(decoded.ok && decoded.noncanonical.join(' ')).toContain('non-zero unused bits');
  });
});
