/**
 * An invisible character inside base64url is named, not quoted: the Decoder's message says which
 * one it is, from the one list of names the Generator and the Verifier use too (invisible.ts).
 * The expected names are Unicode's (UnicodeData.txt, as Python's unicodedata.name gives them),
 * lowercased and with "zero-width" hyphenated as the rest of the app writes it.
 */
import { describe, expect, it } from 'vitest';
import { inspect } from '../../src/core';
import { decodeBase64url } from '../../src/core/token/base64url';

const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const header = b64url('{"alg":"HS256","typ":"JWT"}');
const payload = b64url('{"sub":"42","name":"Ada"}');
const signature = Buffer.from(Array.from({ length: 32 }, (_, i) => i)).toString('base64url');

const named: [string, string][] = [
  // The ones chat apps and editors leave in copied text.
  ['00AD', 'soft hyphen'],
  ['200B', 'zero-width space'],
  ['200C', 'zero-width non-joiner'],
  ['200D', 'zero-width joiner'],
  ['2060', 'word joiner'],
  // A byte order mark, and the bidi controls of "Trojan Source" (CVE-2021-42574).
  ['FEFF', 'zero-width no-break space'],
  ['061C', 'Arabic letter mark'],
  ['200F', 'right-to-left mark'],
  ['202E', 'right-to-left override'],
  ['2067', 'right-to-left isolate'],
];

const char = (hex: string) => String.fromCodePoint(parseInt(hex, 16));

describe('base64url: an invisible character is named', () => {
  it.each(named)('U+%s (%s) in the middle of base64url', (hex, name) => {
    expect(decodeBase64url(`eyJh${char(hex)}bGci`)).toEqual({
      ok: false,
      message: `invalid character at position 5: the invisible character U+${hex} (${name}) is not in the base64url alphabet`,
      position: 5,
    });
  });

  // Not U+FEFF: the Decoder drops a byte order mark, as white space around what was pasted.
  const inTokens = named.filter(([hex]) => hex !== 'FEFF');
  it.each(inTokens)("U+%s (%s) in a token's signature: the Decoder's message names it", (hex, name) => {
    const result = inspect(
      `${header}.${payload}.${signature.slice(0, 10)}${char(hex)}${signature.slice(10)}`,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'base64url', part: 3, position: 11 });
    expect(result.error.message).toContain(`the invisible character U+${hex} (${name})`);
  });

  it('an invisible character without a name still gives its code point, and is not quoted', () => {
    // U+2028 LINE SEPARATOR: invisible too, but not among the names.
    const result = decodeBase64url('eyJh\u2028bGci');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('the invisible character U+2028 is not in the base64url alphabet');
  });
});
