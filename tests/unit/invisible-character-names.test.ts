/**
 * The Toolbox's base64 and hex decoders name an invisible character the way the Decoder's
 * base64url does (one helper, describeCharacter in invisible.ts), instead of quoting it as an
 * empty-looking `""`; and U+FE0F and U+3164 now have names too.
 * The Unicode names below are Python's unicodedata.name (Unicode 14.0); the app writes them in
 * lower case, with proper nouns capitalised and "zero-width" hyphenated.
 */
import { describe, expect, it } from 'vitest';
import { decodeBase64, fromHex } from '../../src/core/toolbox/base64';
import { decodeBase64url } from '../../src/core/token/base64url';
import { invisibleCharacterName } from '../../src/core/token/invisible';
import { invisibleCharacterWarnings } from '../../src/features/generator/json-warnings';

const named: [hex: string, unicodeName: string, appName: string][] = [
  ['200B', 'ZERO WIDTH SPACE', 'zero-width space'],
  ['202E', 'RIGHT-TO-LEFT OVERRIDE', 'right-to-left override'],
  ['FE0F', 'VARIATION SELECTOR-16', 'variation selector-16'],
  ['3164', 'HANGUL FILLER', 'Hangul filler'],
];

const char = (hex: string) => String.fromCodePoint(parseInt(hex, 16));

describe("the app's names are Unicode's", () => {
  it.each(named)('U+%s is %s', (hex, unicodeName, appName) => {
    expect(appName.toUpperCase().replace('ZERO-WIDTH', 'ZERO WIDTH')).toBe(unicodeName);
    expect(invisibleCharacterName(parseInt(hex, 16))).toBe(appName);
  });
});

describe("the Toolbox's base64 names an invisible character, as base64url does", () => {
  it.each(named)('U+%s (%s) in base64', (hex, _, appName) => {
    expect(decodeBase64(`Zm9v${char(hex)}YmFy`)).toEqual({
      ok: false,
      message: `the invisible character U+${hex} (${appName}) at position 5 is not a base64 character`,
      position: 5,
    });
  });

  it.each(named)('U+%s (%s) in base64url, in the Toolbox and in a token', (hex, _, appName) => {
    expect(decodeBase64(`Zm9v${char(hex)}YmFy`, 'base64url')).toMatchObject({
      ok: false,
      message: `the invisible character U+${hex} (${appName}) at position 5 is not a base64url character`,
    });
    expect(decodeBase64url(`eyJh${char(hex)}bGci`)).toMatchObject({
      ok: false,
      message: `invalid character at position 5: the invisible character U+${hex} (${appName}) is not in the base64url alphabet`,
    });
  });

  it('U+200B in hex', () => {
    expect(fromHex('0a0b\u200b0c')).toEqual({
      ok: false,
      message: 'the invisible character U+200B (zero-width space) at position 5 is not a hex digit',
    });
  });

  it('an invisible character without a name still goes by its code point', () => {
    // U+2028 LINE SEPARATOR is white space to the decoder, skipped; U+E0041 TAG LATIN CAPITAL
    // LETTER A (Cf) is not.
    expect(decodeBase64('Zm9v\u{E0041}YmFy')).toMatchObject({
      message: 'the invisible character U+E0041 at position 5 is not a base64 character',
    });
  });

  it('a character that shows, a space and a control character read as before', () => {
    expect(decodeBase64('Zm9v%YmFy')).toMatchObject({
      message: '"%" at position 5 is not a base64 character',
    });
    expect(fromHex('0a g')).toMatchObject({ message: '"g" at position 4 is not a hex digit' });
    expect(decodeBase64('Zm9v\u001bYmFy')).toMatchObject({
      message: 'control character U+001B at position 5 is not a base64 character',
    });
  });
});

describe("the Generator's editor does not mark the new names", () => {
  it('U+FE0F after an emoji (❤️ is U+2764 U+FE0F) is no warning', () => {
    expect(invisibleCharacterWarnings('{"mood":"\u2764\uFE0F"}')).toEqual([]);
  });
});
