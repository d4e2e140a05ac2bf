import { describe, expect, it } from 'vitest';
import { invisibleCharacterWarnings, invisibleCharacters } from '../../src/features/generator/json-warnings';

describe('invisible and bidi control characters in the Generator editors', () => {
  it('name a right-to-left override and where it is (the "admin": true trick)', () => {
    const text = '{"admin": false, "note": "\u202e, eurt :\\"nimda\\""}';
    // The override is the 27th character of line 1 (counted by hand: `{"admin": false, "note": "` is 26).
    expect(text.indexOf('\u202e')).toBe(26);
    expect(invisibleCharacterWarnings(text)).toEqual([
      'Line 1, column 27: U+202E (right-to-left override), an invisible bidirectional control, makes the text after it display in another order than it is written; it is signed as it is.',
    ]);
  });

  it('cover every bidi control and the zero-width characters, on any line', () => {
    const bidi = [
      0x61c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
    ];
    const zeroWidth = [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff];
    for (const code of [...bidi, ...zeroWidth]) {
      const char = String.fromCodePoint(code);
      expect(char.match(invisibleCharacters)).toHaveLength(1);
      const [warning] = invisibleCharacterWarnings(`{\n  "a": "x${char}"\n}`);
      expect(warning).toMatch(
        new RegExp(`^Line 2, column 10: U\\+${code.toString(16).toUpperCase().padStart(4, '0')} \\(`),
      );
      expect(warning!.includes('bidirectional')).toBe(bidi.includes(code));
    }
  });

  it('count beyond five, and say nothing of ordinary text', () => {
    expect(invisibleCharacterWarnings('{"a": "plain ünïcödé 🔑"}')).toEqual([]);
    const many = invisibleCharacterWarnings(`"${'\u200b'.repeat(8)}"`);
    expect(many).toHaveLength(6);
    expect(many[5]).toBe('3 more invisible characters; each is marked in the editor.');
  });
});
