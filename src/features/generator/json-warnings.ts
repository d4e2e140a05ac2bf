/**
 * What a JSON text will not keep once it is parsed and signed, or does not show as it is, in a
 * person's words: invisible and bidi control characters (below, with the editor's placeholders),
 * member names that appear twice (JSON.parse keeps the last; RFC 7515 §4, RFC 8725 §3.9), and
 * numbers a double cannot hold as written (beyond its range JSON.stringify writes null; past
 * 2^53 an integer loses digits). The core's parser finds the last two; this only words them.
 */
import { escapeBidiControls, formatJsonPath, parseJson, type JsonLossyNumber } from '../../core/token/json';

/** Long literals are cut so one warning stays one line. */
const shorten = (text: string) => (text.length > 40 ? `${text.slice(0, 37)}…` : text);

/** What happens to a number that is not kept as written. */
function numberChange({ literal, value }: JsonLossyNumber): string {
  const written = JSON.stringify(value);
  if (!Number.isFinite(value))
    return `${shorten(literal)} is beyond the range of a double (about ±1.8e308): it will be signed as null`;
  if (value === 0) return `${shorten(literal)} is too small for a double: it will be signed as 0`;
  if (/^-?\d+$/.test(literal) && !Number.isSafeInteger(value))
    return `${shorten(literal)} is an integer beyond 2^53, where doubles skip integers: it will be signed as ${written}`;
  return `${shorten(literal)} has more digits than a double keeps (about 17): it will be signed as ${written}`;
}

/** Warnings for a JSON text, each a full sentence naming the member (`"n"`, `"a"."b"`, `"list"[2]`). */
export function jsonWarnings(text: string): string[] {
  const parsed = parseJson(text);
  if (!parsed.ok) return [];
  return [
    ...parsed.duplicates.map(
      ({ path, name }) =>
        `${JSON.stringify(name)} appears twice ${path.length ? `in ${formatJsonPath(path)}` : 'at the top level'}; only the last one counts.`,
    ),
    ...parsed.lossyNumbers.map(
      (lossy) => `${lossy.path.length ? formatJsonPath(lossy.path) : 'The value'}: ${numberChange(lossy)}.`,
    ),
  ];
}

/**
 * Characters that show nothing, or reorder what is around them, named as Unicode names them.
 * A bidi override in a string can make `"admin": false` display as `"admin": true` (CVE-2021-42574,
 * "Trojan Source"); a zero-width character makes two equal-looking names differ.
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

/** Every character above, for the editor to show as a visible placeholder. */
export const invisibleCharacters = new RegExp(
  `[${Object.keys(invisibleNames)
    .map((code) => `\\u${Number(code).toString(16).padStart(4, '0')}`)
    .join('')}]`,
  'gu',
);

/** "right-to-left override", or undefined for a character not in the list. */
export const invisibleCharacterName = (code: number): string | undefined =>
  Object.hasOwn(invisibleNames, code) ? invisibleNames[code] : undefined;

/** "U+202E". */
export const codePointLabel = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** At most this many are listed one by one; the rest are counted. */
const maxListed = 5;

/**
 * One warning per invisible or bidi control character in the text, with its line and column,
 * valid JSON or not: the editor shows each as a placeholder, and this says what it is.
 */
export function invisibleCharacterWarnings(text: string): string[] {
  const found: { code: number; line: number; column: number }[] = [];
  let total = 0;
  for (const match of text.matchAll(invisibleCharacters)) {
    total++;
    if (found.length === maxListed) continue;
    const before = text.slice(0, match.index);
    found.push({
      code: match[0].codePointAt(0)!,
      line: before.split('\n').length,
      column: match.index - before.lastIndexOf('\n'),
    });
  }
  const warnings = found.map(({ code, line, column }) => {
    const what = `${codePointLabel(code)} (${invisibleNames[code]})`;
    // The core's own list of bidi controls decides which reorder text.
    const reorders = escapeBidiControls(String.fromCodePoint(code)) !== String.fromCodePoint(code);
    return reorders
      ? `Line ${line}, column ${column}: ${what}, an invisible bidirectional control, makes the text after it display in another order than it is written; it is signed as it is.`
      : `Line ${line}, column ${column}: ${what} is invisible; it is signed as it is.`;
  });
  if (total > found.length)
    warnings.push(`${total - found.length} more invisible characters; each is marked in the editor.`);
  return warnings;
}
