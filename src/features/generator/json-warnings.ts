/**
 * What a JSON text will not keep once it is parsed and signed, or does not show as it is, in a
 * person's words: invisible and bidi control characters (below, with the editor's placeholders),
 * member names that appear twice (JSON.parse keeps the last; RFC 7515 §4, RFC 8725 §3.9), and
 * numbers a double cannot hold as written (beyond its range JSON.stringify writes null; past
 * 2^53 an integer loses digits). The core's parser finds the last two; this only words them.
 */
import { escapeBidiControls, formatJsonPath, parseJson, type JsonLossyNumber } from '../../core/token/json';
import { codePointLabel, invisibleCharacterName, invisibleCharacters } from '../../core/token/invisible';

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

// The names live in the core, since the Verifier's messages use them too; the Generator's modules
// still import them from here.
export { codePointLabel, invisibleCharacterName, invisibleCharacters };

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
    const what = `${codePointLabel(code)} (${invisibleCharacterName(code)})`;
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
