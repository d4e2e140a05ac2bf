/**
 * Claim helpers: small edits to the payload JSON text. Each returns new text, or a reason why
 * it cannot (the payload must be a JSON object: RFC 7519 §7.2).
 */
import { base64url } from 'jose';
import { parseJson } from '../../core/token/json';
import { randomBytes } from '../../core/keys/generate';

export type ClaimEdit =
  | {
      ok: true;
      text: string;
      /** Set when only the changed members were edited in the text, so the rest stays as written. */
      inPlace?: boolean;
    }
  | { ok: false; reason: string };

/** A top-level member of a JSON object text: where its name starts and its value lies. */
interface MemberSpan {
  name: string;
  nameStart: number;
  valueStart: number;
  valueEnd: number;
}

const isSpace = (char: string | undefined) => char === ' ' || char === '\n' || char === '\r' || char === '\t';

/** The end (exclusive) of the string token whose opening quote is at `at`. */
function stringEnd(text: string, at: number): number {
  let i = at + 1;
  while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** The end (exclusive) of the value starting at `at`: a string, a container, or a literal. */
function valueEnd(text: string, at: number): number {
  if (text[at] === '"') return stringEnd(text, at);
  if (text[at] !== '{' && text[at] !== '[') {
    let i = at;
    while (i < text.length && !isSpace(text[i]) && !',}]'.includes(text[i]!)) i++;
    return i;
  }
  let depth = 0;
  let i = at;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"') {
      i = stringEnd(text, i);
      continue;
    }
    if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
    i++;
    if (depth === 0) return i;
  }
  return i;
}

/** The top-level members of a text that parseJson has accepted as an object. */
function topLevelMembers(text: string): { open: number; close: number; members: MemberSpan[] } {
  const skip = (at: number) => {
    while (isSpace(text[at])) at++;
    return at;
  };
  const open = skip(0);
  const members: MemberSpan[] = [];
  let i = skip(open + 1);
  while (text[i] !== '}') {
    const nameStart = i;
    const nameEnd = stringEnd(text, i);
    const name = JSON.parse(text.slice(nameStart, nameEnd)) as string;
    const valueStart = skip(skip(nameEnd) + 1); // past the ":"
    const end = valueEnd(text, valueStart);
    members.push({ name, nameStart, valueStart, valueEnd: end });
    i = skip(end);
    if (text[i] === ',') i = skip(i + 1);
  }
  return { open, close: i, members };
}

/**
 * Sets one top-level member by editing the text: its value replaced where it is (the last of
 * duplicates, the one JSON.parse keeps), or the member added after the last one, spaced like
 * the others. Nothing else in the text changes.
 */
export function setMemberInText(text: string, name: string, value: unknown): string {
  const { open, close, members } = topLevelMembers(text);
  const json = JSON.stringify(value);
  const existing = members.findLast((member) => member.name === name);
  if (existing) return text.slice(0, existing.valueStart) + json + text.slice(existing.valueEnd);
  const member = `${JSON.stringify(name)}: ${json}`;
  const last = members.at(-1);
  if (!last) return `${text.slice(0, open + 1)}\n  ${member}\n${text.slice(close)}`;
  // The white space the text already puts between members (after the comma), or before the first.
  const previous = members.at(-2);
  const separator = previous
    ? text.slice(previous.valueEnd, last.nameStart).replace(/^\s*,/, '')
    : text.slice(open + 1, last.nameStart);
  return `${text.slice(0, last.valueEnd)},${separator}${member}${text.slice(last.valueEnd)}`;
}

export function editClaims(text: string, change: (claims: Record<string, unknown>) => void): ClaimEdit {
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, reason: 'Fix the payload JSON first.' };
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value))
    return { ok: false, reason: 'A JWT payload must be a JSON object (RFC 7519 §7.2).' };
  const before = parsed.value as Record<string, unknown>;
  const claims = { ...before };
  change(claims);
  // A round trip through JSON.parse and JSON.stringify would rewrite what the parser could not
  // keep (a number past 2^53 or beyond a double, a repeated name): then only the claims that
  // changed are edited in the text, and the rest stays exactly as the person wrote it.
  if (parsed.duplicates.length === 0 && parsed.lossyNumbers.length === 0)
    return { ok: true, text: JSON.stringify(claims, null, 2) };
  if (Object.keys(before).some((name) => !Object.hasOwn(claims, name)))
    return {
      ok: false,
      reason:
        'The payload has values a rewrite would change (see the warnings under it): remove that claim in the editor.',
    };
  let edited = text;
  for (const [name, value] of Object.entries(claims))
    if (JSON.stringify(value) !== JSON.stringify(before[name]) || !Object.hasOwn(before, name))
      edited = setMemberInText(edited, name, value);
  return { ok: true, text: edited, inPlace: true };
}

/** 128 random bits, base64url: a `jti` no two tokens share by chance (RFC 7519 §4.1.7). */
export const randomJti = () => base64url.encode(randomBytes(16));

export const lifetimes = [
  { label: '5 min', seconds: 5 * 60 },
  { label: '15 min', seconds: 15 * 60 },
  { label: '1 h', seconds: 60 * 60 },
  { label: '1 day', seconds: 24 * 60 * 60 },
] as const;

/**
 * The latest NumericDate the decoder can show as a date: JavaScript's Date ends at
 * 8.64e15 ms (ECMA-262 §21.4.1.22), in the year 275760.
 */
export const latestNumericDate = 8.64e12;

/**
 * Seconds from now for a lifetime typed in minutes, or why it cannot be one: it must be at
 * least a second (a NumericDate counts seconds, RFC 7519 §2) and end before the year 275760.
 */
export function customLifetime(
  minutes: number,
  now: number,
): { ok: true; seconds: number; label: string } | { ok: false; reason: string } {
  if (!Number.isFinite(minutes) || minutes <= 0)
    return { ok: false, reason: 'Enter a number of minutes above zero.' };
  const seconds = Math.round(minutes * 60);
  if (seconds < 1)
    return {
      ok: false,
      reason: `${minutes} min is under a second, and exp counts whole seconds (RFC 7519 §2): enter more.`,
    };
  if (now + seconds > latestNumericDate)
    return {
      ok: false,
      reason: `${minutes} min ends after the year 275760, the last date a JavaScript Date (and the Decoder) can show: enter fewer.`,
    };
  const label =
    seconds % 60 === 0
      ? `${(seconds / 60).toLocaleString('en')} min`
      : `${seconds.toLocaleString('en')} s${seconds === minutes * 60 ? '' : ` (${minutes} min, rounded to the second)`}`;
  return { ok: true, seconds, label };
}

/**
 * The audiences typed in the aud field: one is a string, several (comma-separated) an array
 * (RFC 7519 §4.1.3). Empty entries are dropped; undefined when none is left.
 */
export function audiencesOf(text: string): string | string[] | undefined {
  const audiences = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (audiences.length === 0) return undefined;
  return text.includes(',') && audiences.length > 1 ? audiences : audiences[0];
}
