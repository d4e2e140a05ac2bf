/**
 * A default-ignorable character inside base64url (a variation selector, a Hangul filler) shows
 * nothing, like a format character: the message names it by code point instead of quoting an
 * empty-looking `""`. None of these is a format character (Cf) or a space (Z), which was all
 * base64url.ts counted as invisible before.
 * Names and categories as Python's unicodedata gives them (Unicode 14.0); each is
 * Default_Ignorable_Code_Point in Perl's Unicode tables (`"\x{FE0F}" =~ /\p{DI}/`).
 */
import { describe, expect, it } from 'vitest';
import { inspect } from '../../src/core';
import { decodeBase64url } from '../../src/core/token/base64url';

const defaultIgnorable: [hex: string, unicodeName: string, category: string][] = [
  ['FE0F', 'VARIATION SELECTOR-16', 'Mn'],
  ['FE00', 'VARIATION SELECTOR-1', 'Mn'],
  ['E0100', 'VARIATION SELECTOR-17', 'Mn'],
  ['180B', 'MONGOLIAN FREE VARIATION SELECTOR ONE', 'Mn'],
  ['034F', 'COMBINING GRAPHEME JOINER', 'Mn'],
  ['17B4', 'KHMER VOWEL INHERENT AQ', 'Mn'],
  ['3164', 'HANGUL FILLER', 'Lo'],
  ['115F', 'HANGUL CHOSEONG FILLER', 'Lo'],
  ['FFA0', 'HALFWIDTH HANGUL FILLER', 'Lo'],
];

const char = (hex: string) => String.fromCodePoint(parseInt(hex, 16));
/** Two of them have names in invisible.ts (Unicode's, in the app's lower case). */
const appNames: Record<string, string> = { FE0F: 'variation selector-16', '3164': 'Hangul filler' };
const label = (hex: string) => (appNames[hex] ? `U+${hex} (${appNames[hex]})` : `U+${hex}`);
const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('base64url: a default-ignorable character is named by its code point, not quoted', () => {
  it.each(defaultIgnorable)('U+%s (%s, %s) in the middle of base64url', (hex) => {
    expect(decodeBase64url(`eyJh${char(hex)}bGci`)).toEqual({
      ok: false,
      message: `invalid character at position 5: the invisible character ${label(hex)} is not in the base64url alphabet`,
      position: 5,
    });
  });

  it.each(defaultIgnorable)("U+%s (%s) in a token's payload: the Decoder's message names it", (hex) => {
    const payload = b64url('{"sub":"42"}');
    const result = inspect(
      `${b64url('{"alg":"HS256"}')}.${payload.slice(0, 4)}${char(hex)}${payload.slice(4)}.c2ln`,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'base64url', part: 2, position: 5 });
    expect(result.error.message).toContain(`the invisible character ${label(hex)} is not`);
  });

  // Not default-ignorable: a character that shows is quoted as it was.
  it.each([
    ['20AC', 'EURO SIGN', 'Sc'],
    ['00E9', 'LATIN SMALL LETTER E WITH ACUTE', 'Ll'],
  ])('U+%s (%s, %s) is still quoted', (hex) => {
    expect(decodeBase64url(`eyJh${char(hex)}bGci`)).toMatchObject({
      ok: false,
      message: `invalid character at position 5: "${char(hex)}" is not in the base64url alphabet`,
    });
  });
});
