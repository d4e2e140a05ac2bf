/**
 * Characters that show nothing, or reorder what is around them, named as Unicode names them.
 * A bidi override in a string can make `"admin": false` display as `"admin": true` (CVE-2021-42574,
 * "Trojan Source"); a zero-width character makes two equal-looking names differ. The Generator's
 * editor marks them, the Verifier's messages name them when two values differ by one, and
 * describeCharacter names one found inside a token's or a key's base64url, or in the Toolbox's
 * base64 and hex.
 */
const invisibleNames: Record<number, string> = {
  0x00ad: 'soft hyphen',
  0x061c: 'Arabic letter mark',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0xfeff: 'zero-width no-break space',
};

/**
 * Named in messages but not marked in the Generator's editor: U+FE0F follows most emoji (❤️ is
 * U+2764 U+FE0F), where it is not worth a warning; a lone one, or a Hangul filler, inside base64url
 * or a key is.
 */
const alsoNamed: Record<number, string> = {
  0x3164: 'Hangul filler',
  0xfe0f: 'variation selector-16',
};

/** Every character in the first list, for the editor to show as a visible placeholder. */
export const invisibleCharacters = new RegExp(
  `[${Object.keys(invisibleNames)
    .map((code) => `\\u${Number(code).toString(16).padStart(4, '0')}`)
    .join('')}]`,
  'gu',
);

const allNames: Record<number, string> = { ...invisibleNames, ...alsoNamed };

/** "right-to-left override", or undefined for a character not in the lists. */
export const invisibleCharacterName = (code: number): string | undefined =>
  Object.hasOwn(allNames, code) ? allNames[code] : undefined;

/** "U+202E". */
export const codePointLabel = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * What a reader cannot see, or cannot tell from a plain space: controls, format characters (bidi
 * controls, zero-width characters, U+FEFF), default-ignorable ones (variation selectors, U+3164
 * HANGUL FILLER), line and paragraph separators, and every space but U+0020. Wider than the
 * named list above: a message must not hide a character just because it has no name here.
 */
const hiddenCharacters = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]|(?! )\p{Zs}/gu;

/**
 * A JSON value as JSON writes it (quotes and backslashes escaped), with every hidden character
 * written as a `\u` escape too: two values that differ by one show that they differ, and a bidi
 * override cannot reorder the sentence around it.
 */
export function showJson(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    // A BigInt: not JSON, but still worth showing.
  }
  return (text ?? String(value)).replace(hiddenCharacters, (char) =>
    char
      .split('')
      .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .join(''),
  );
}

/** The characters that show nothing at all: format characters and default-ignorable ones. */
const invisibleFormat = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/** The invisible characters of a text, each once, in the order they first appear. */
export function invisibleCodePoints(text: string): number[] {
  return [...new Set(Array.from(text.matchAll(invisibleFormat), (match) => match[0].codePointAt(0)!))];
}

/** The text as it looks: its invisible characters left out. */
export const withoutInvisible = (text: string) => text.replace(invisibleFormat, '');

/** "U+200B (zero-width space)", or "U+E0041" for a character without a name above. */
export function describeCodePoint(code: number): string {
  const name = invisibleCharacterName(code);
  return name ? `${codePointLabel(code)} (${name})` : codePointLabel(code);
}

/**
 * A character a decoder refuses, as a message shows it: `"%"`, "a space", "control character
 * U+001B", or "the invisible character U+200B (zero-width space)". Quoting an invisible character
 * would show the person nothing, so it goes by its code point (and its name, for the ones chat
 * apps, editors and "Trojan Source" bidi tricks leave in copied text). Invisible as counted above:
 * a format or default-ignorable character (a variation selector, U+3164 HANGUL FILLER), and here
 * also any space but U+0020.
 */
export function describeCharacter(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20 || code === 0x7f) return `control character ${codePointLabel(code)}`;
  if (char === ' ') return 'a space';
  if (withoutInvisible(char) === '' || /\p{Z}/u.test(char))
    return `the invisible character ${describeCodePoint(code)}`;
  return `"${char}"`;
}
