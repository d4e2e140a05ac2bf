/**
 * What a valid JSON text will not keep once it is parsed and signed, in a person's words:
 * member names that appear twice (JSON.parse keeps the last; RFC 7515 §4, RFC 8725 §3.9), and
 * numbers a double cannot hold as written (beyond its range JSON.stringify writes null; past
 * 2^53 an integer loses digits). The core's parser finds both; this only words them.
 */
import { formatJsonPath, parseJson, type JsonLossyNumber } from '../../core/token/json';

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
