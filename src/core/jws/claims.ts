/**
 * The claim checks of RFC 7519 §4.1 under a person's profile, with the same boundaries as
 * jose's jwtVerify (exp: expired once `exp <= now - tolerance`; nbf: early while
 * `nbf > now + tolerance`; times in whole seconds), but each check is kept with its words so
 * the verdict can say "signature good, but expired 2 h ago".
 */
import { describeNumericDate, formatDistance } from '../token/time';
import { describeCodePoint, invisibleCodePoints, showJson, withoutInvisible } from '../token/invisible';

/**
 * The largest clock tolerance the Verifier's profile takes: leeway is for clocks that differ a
 * little (RFC 7519 §4.1.4 "usually no more than a few minutes"). A day is generous; checking a
 * token at another time is what "pretend now is" (the profile's `now`) is for.
 */
export const maxClockToleranceSeconds = 86_400;

// ECMA-262 §21.4.1.1: a JavaScript date reaches 8.64e15 ms either side of 1970.
const latestTimeValue = 8.64e15;

const dayMs = 86_400_000;

/**
 * The instants the Verifier's "Pretend now is" field can give: years 1 to 9999 of local time, in
 * any time zone. No zone is a day from UTC (ECMA-262's offsets stop at ±23:59; the widest on
 * record is Manila's local mean time until 1844, -15:56:08), so a day either side of those years
 * in UTC holds them all: a time picked in Kiritimati still reads in Honolulu. The workspace zip
 * and the share link accept exactly these; verify() and decrypt() take any time a date can hold.
 */
export const pretendNowRange = {
  earliest: Date.parse('0001-01-01T00:00:00Z') - dayMs,
  latest: Date.parse('9999-12-31T23:59:59.999Z') + dayMs,
} as const;

/** A value a caller passed, for a message: `30`, or `"30" (string)` when its type is the problem. */
function shownOption(value: unknown, withType = typeof value !== 'number'): string {
  // String(): JSON writes NaN and Infinity as null. A function's source is cut short.
  const full = typeof value === 'number' ? String(value) : showJson(value);
  const text = full.length > 80 ? `${full.slice(0, 79)}…` : full;
  if (!withType || value === null) return text;
  return `${text} (${Array.isArray(value) ? 'list' : typeof value})`;
}

/**
 * Why a profile's clock cannot be used, or undefined. The Verifier's field, the workspace zip and
 * the share link refuse these already; verify() and decrypt() called directly are held to the
 * same: NaN fails every comparison (an expired token would never expire), 1e300 s of leeway
 * accepts every expired token, and a negative one shortens every token's life.
 */
export function clockProblem(profile: Pick<ClaimProfile, 'clockTolerance' | 'now'>): string | undefined {
  const shown = (value: unknown) => shownOption(value);
  const tolerance: unknown = profile.clockTolerance;
  if (
    tolerance !== undefined &&
    !(typeof tolerance === 'number' && tolerance >= 0 && tolerance <= maxClockToleranceSeconds)
  )
    return `The clock tolerance is ${shown(tolerance)}; it must be a number of seconds from 0 to ${maxClockToleranceSeconds.toLocaleString('en')} (a day): leeway is for clocks a little apart (RFC 7519 §4.1.4). To check a token at another time, set "now".`;
  const now: unknown = profile.now;
  if (now !== undefined && !(typeof now === 'number' && Math.abs(now) <= latestTimeValue))
    return `"now" is ${shown(now)}; it must be a time in milliseconds since 1970 that a date can hold (at most ${latestTimeValue.toExponential()} either side).`;
  return undefined;
}

/**
 * Why a profile cannot be checked as given, or undefined: its clock (above), or an expected value
 * of the wrong type. A caller of verify() or decrypt() may pass anything; `nonce: 5` must not
 * crash the check ("text.replace is not a function") nor, worse, match a token whose nonce is 5
 * (OpenID Connect Core §2 makes the nonce a string; RFC 7519 §4.1.1 and §4.1.3 make iss and aud
 * StringOrURI values).
 */
export function profileProblem(profile: ClaimProfile): string | undefined {
  const isText = (value: unknown) => typeof value === 'string';
  const isTextOrList = (value: unknown) => isText(value) || (Array.isArray(value) && value.every(isText));
  const wrong: [keyof ClaimProfile, (value: unknown) => boolean, string, string][] = [
    ['issuer', isTextOrList, 'The expected issuer', 'text, or a list of texts any one of which may match'],
    [
      'audience',
      isTextOrList,
      'The expected audience',
      'text, or a list of texts any one of which may match',
    ],
    [
      'nonce',
      isText,
      'The expected nonce',
      'text: the nonce the login request sent (OpenID Connect Core §3.1.3.7)',
    ],
    [
      'requiredClaims',
      (value) => Array.isArray(value) && value.every(isText),
      'The list of required claims',
      'a list of claim names, such as ["exp", "sub"]',
    ],
  ];
  for (const [member, fits, what, expected] of wrong) {
    const value: unknown = profile[member];
    if (value !== undefined && !fits(value))
      return `${what} is ${shownOption(value, true)}; it must be ${expected}. Nothing was checked.`;
  }
  return clockProblem(profile);
}

/** The verdict a failed claim check gives a token, signed or encrypted. */
export const claimStatus = {
  expired: 'expired',
  'not-yet-valid': 'not-yet-valid',
  mismatch: 'claim-mismatch',
} as const;

export interface ClaimProfile {
  issuer?: string | string[];
  audience?: string | string[];
  requiredClaims?: string[];
  /**
   * The nonce the relying party sent with its authentication request; the ID token must carry
   * exactly it (OpenID Connect Core §3.1.3.7 step 11, §15.5.2). Absent or empty: not checked.
   */
  nonce?: string;
  /** Epoch milliseconds; the real clock when absent. */
  now?: number;
  /** Seconds of leeway for exp and nbf. */
  clockTolerance?: number;
}

export type ClaimOutcome = 'ok' | 'expired' | 'not-yet-valid' | 'mismatch';

export interface ClaimCheck {
  claim: string;
  outcome: ClaimOutcome;
  message: string;
}

const list = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : (Array.isArray(value) ? value : [value]).filter((item) => item !== '');

/**
 * Values as JSON writes them, hidden characters escaped: a nonce `\u202e321cba` must not reorder
 * the sentence, and `a"b` must not read as two values.
 */
const quoted = (values: string[]) => values.map(showJson).join(' or ');

/** Checks a payload against a profile; every applicable check is reported, passed or not. */
export function checkClaims(payload: unknown, profile: ClaimProfile = {}): ClaimCheck[] {
  const checks: ClaimCheck[] = [];
  const issuers = list(profile.issuer);
  const audiences = list(profile.audience);
  const required = (profile.requiredClaims ?? []).filter((name) => name !== '');
  const nonce = profile.nonce ?? '';
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    if (issuers.length || audiences.length || nonce || required.length)
      checks.push({
        claim: 'payload',
        outcome: 'mismatch',
        message:
          // Lower case: the verdict's reason goes on from "Signature good, but …".
          'the payload is not a JSON claims set, so the issuer, audience, nonce and required claims cannot hold.',
      });
    return checks;
  }
  const claims = payload as Record<string, unknown>;
  const nowMs = profile.now ?? Date.now();
  const now = Math.floor(nowMs / 1000);
  const tolerance = Math.max(0, profile.clockTolerance ?? 0);
  const leeway = tolerance ? ` (with ${tolerance} s of clock tolerance)` : '';
  const saved = `accepted within the ${tolerance} s clock tolerance`;

  for (const name of ['exp', 'nbf', 'iat'] as const) {
    if (name in claims && (typeof claims[name] !== 'number' || !Number.isFinite(claims[name])))
      checks.push({
        claim: name,
        outcome: 'mismatch',
        message: `${showJson(name)} must be a NumericDate (a number of seconds), not ${showJson(claims[name])} (RFC 7519 §4.1)`,
      });
  }
  const exp = claims.exp;
  if (typeof exp === 'number' && Number.isFinite(exp)) {
    // RFC 7519 §4.1.4: the token must not be accepted on or after exp.
    if (exp <= now - tolerance)
      checks.push({
        claim: 'exp',
        outcome: 'expired',
        message: `expired ${formatDistance((now - exp) * 1000)} ago${leeway}`,
      });
    else
      checks.push({
        claim: 'exp',
        outcome: 'ok',
        // Past exp but inside the leeway: the tolerance is what lets it through, so say so.
        message:
          exp <= now
            ? `expired ${formatDistance((now - exp) * 1000)} ago, ${saved}`
            : `expires in ${formatDistance((exp - now) * 1000)}`,
      });
  }
  const nbf = claims.nbf;
  if (typeof nbf === 'number' && Number.isFinite(nbf)) {
    // RFC 7519 §4.1.5: not accepted before nbf.
    if (nbf > now + tolerance)
      checks.push({
        claim: 'nbf',
        outcome: 'not-yet-valid',
        message: `not valid for another ${formatDistance((nbf - now) * 1000)}${leeway}`,
      });
    else
      checks.push({
        claim: 'nbf',
        outcome: 'ok',
        message:
          nbf > now
            ? `valid in ${formatDistance((nbf - now) * 1000)}, ${saved}`
            : 'already valid (nbf has passed)',
      });
  }
  if (issuers.length) {
    const ok = typeof claims.iss === 'string' && issuers.includes(claims.iss);
    checks.push({
      claim: 'iss',
      outcome: ok ? 'ok' : 'mismatch',
      message: ok
        ? `issuer is ${quoted([claims.iss as string])}`
        : `the issuer is ${claims.iss === undefined ? 'missing' : showJson(claims.iss)}, expected ${quoted(issuers)}${nearMiss(claims.iss, issuers)}`,
    });
  }
  if (audiences.length) {
    const aud = claims.aud;
    const given =
      typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter((a) => typeof a === 'string') : [];
    // RFC 7519 §4.1.3: the token is for us when one of its audiences is ours.
    const ok = given.some((value) => audiences.includes(value));
    checks.push({
      claim: 'aud',
      outcome: ok ? 'ok' : 'mismatch',
      message: ok
        ? `audience includes ${quoted(given.filter((value) => audiences.includes(value)))}`
        : `the audience is ${aud === undefined ? 'missing' : showJson(aud)}, expected ${quoted(audiences)}${given.map((value) => nearMiss(value, audiences)).find(Boolean) ?? ''}`,
    });
  }
  if (nonce) checks.push(checkNonce(claims.nonce, nonce));
  for (const name of required) {
    const ok = name in claims;
    checks.push({
      claim: name,
      outcome: ok ? 'ok' : 'mismatch',
      message: ok
        ? `required claim ${showJson(name)} is present`
        : `the required claim ${showJson(name)} is missing`,
    });
  }
  return checks;
}

/**
 * OpenID Connect Core §3.1.3.7 step 11: when the request sent a nonce, the ID token's `nonce`
 * must be that very string (§15.5.2: it is what ties the token to this session, so a token
 * replayed from another login fails). Compared as sent, white space and all.
 */
function checkNonce(value: unknown, expected: string): ClaimCheck {
  if (value === expected) return { claim: 'nonce', outcome: 'ok', message: `nonce is ${quoted([value])}` };
  // A number that reads like the nonce still fails: OpenID Connect §2 makes the nonce a string.
  const kind =
    value === null
      ? 'null'
      : Array.isArray(value)
        ? 'a list'
        : typeof value === 'object'
          ? 'an object'
          : `a ${typeof value}`;
  const hint =
    typeof value === 'string' ? nearMiss(value, [expected]) : ` (a nonce is text; this one is ${kind})`;
  return {
    claim: 'nonce',
    outcome: 'mismatch',
    message:
      value === undefined
        ? `the token has no nonce, expected ${quoted([expected])}: a token without the nonce your request sent may be replayed from another login (OpenID Connect Core §3.1.3.7)`
        : `the nonce is ${showJson(value)}, expected ${quoted([expected])}${hint}`,
  };
}

/**
 * Issuers, audiences and nonces are compared as exact strings (RFC 7519 §4.1.1, §4.1.3; OpenID
 * Connect Core §3.1.3.7): the classic miss is a trailing "/" (Auth0 writes one), a change of
 * case or a stray space; a pasted value may also carry a character nobody can see, or the same
 * accented letter composed another way. Says so, since the two strings look alike at a glance.
 */
function nearMiss(value: unknown, expected: string[]): string {
  if (typeof value !== 'string') return '';
  for (const wanted of expected) {
    // What shows of each, compared again: "café" plus a zero-width space against "café" decomposed.
    const visible = [withoutInvisible(value), withoutInvisible(wanted)] as const;
    const hint = [
      invisibleDifference(value, wanted),
      visible[0] === visible[1] ? undefined : lookAlikeDifference(...visible),
    ].filter(Boolean);
    if (hint.length) return ` (${hint.join('; ')})`;
  }
  return '';
}

/** Which side has characters that show nothing, named: the escapes alone do not say what they are. */
function invisibleDifference(value: string, wanted: string): string | undefined {
  const named = (text: string) => {
    const codes = invisibleCodePoints(text);
    const listed = codes.slice(0, 3).map(describeCodePoint);
    if (codes.length > 3) listed.push(`${codes.length - 3} more`);
    const last = listed.pop();
    return last ? `an invisible ${listed.length ? `${listed.join(', ')} and ${last}` : last}` : undefined;
  };
  const sides = [
    ...(named(value) ? [`the token's has ${named(value)}`] : []),
    ...(named(wanted) ? [`the expected one has ${named(wanted)}`] : []),
  ];
  if (!sides.length) return undefined;
  const only = withoutInvisible(value) === withoutInvisible(wanted);
  return `${only ? 'they differ only in invisible characters, and the comparison is exact: ' : ''}${sides.join(', ')}`;
}

interface LookAlike {
  /** What the two values differ in, said alone: "they differ only in white space, and …". */
  alone: string;
  /** The same, as one of several: "white space". */
  part: string;
  /** Makes a value as it would be without the difference. */
  undo: (text: string) => string;
}

/**
 * Differences a reader does not see in the two values as shown: Unicode form, white space, a
 * trailing "/", case. Several may add up ("café" decomposed, with a space): each one needed is named.
 */
function lookAlikeDifference(value: string, wanted: string): string | undefined {
  const form = (text: string) =>
    text === text.normalize('NFC') ? 'NFC' : text === text.normalize('NFD') ? 'NFD' : 'neither NFC nor NFD';
  const forms = `Unicode normalisation (the token's is ${form(value)}, the expected one ${form(wanted)})`;
  const slash = value.endsWith('/')
    ? 'the token has one, the expected value does not'
    : 'the expected value has one, the token does not';
  const differences: LookAlike[] = [
    // RFC 7519 §7.3 compares claims by the rules of RFC 7515 §5.3, which forbid normalising: "é" as
    // one code point and as "e" with a combining accent are two values, though they look the same.
    {
      alone: `they differ only in ${forms}; the comparison is exact (RFC 7519 §7.3 and RFC 7515 §5.3 forbid normalising)`,
      part: forms,
      undo: (text) => text.normalize('NFC'),
    },
    {
      alone:
        'they differ only in white space, and the comparison is exact: spaces, tabs and line breaks count',
      part: 'white space',
      undo: (text) => text.replace(/\s+/g, ''),
    },
    {
      alone: `they differ only by a trailing "/", and the comparison is exact: ${slash}`,
      part: `a trailing "/" (${slash})`,
      undo: (text) => text.replace(/\/+$/, ''),
    },
    {
      alone: 'they differ only in upper and lower case: the comparison is exact',
      part: 'upper and lower case',
      undo: (text) => text.toLowerCase(),
    },
  ];
  const undoAll = (text: string, except?: LookAlike) =>
    differences.reduce(
      (result, difference) => (difference === except ? result : difference.undo(result)),
      text,
    );
  if (undoAll(value) !== undoAll(wanted)) return undefined;
  // A difference counts when the values still differ with every other one undone.
  const needed = differences.filter(
    (difference) => undoAll(value, difference) !== undoAll(wanted, difference),
  );
  if (needed.length <= 1) return needed[0]?.alone;
  return `they differ only in ${needed.map((difference) => difference.part).join(' and ')}, and the comparison is exact`;
}

const millisecondEffects: Record<string, string> = {
  exp: 'the token effectively never expires',
  nbf: 'the token is not valid for thousands of years',
  iat: 'the token claims to be issued thousands of years from now',
};

/**
 * The time claims that look written in milliseconds (the Decoder's test, core/token/time.ts):
 * RFC 7519 §2 NumericDate counts seconds, so every verifier reads them as a date past the year
 * 9999, and an `exp` so read never comes. One sentence per claim, for the verdict's warnings.
 */
export function millisecondClaimWarnings(payload: unknown, now: number = Date.now()): string[] {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return [];
  const claims = payload as Record<string, unknown>;
  return (['exp', 'nbf', 'iat'] as const).flatMap((name) => {
    const time = describeNumericDate(claims[name], now);
    if (!time?.looksLikeMilliseconds) return [];
    const year = time.iso === 'out of range' ? '275,760 or later' : new Date(time.epochMs).getUTCFullYear();
    return [
      `"${name}" is ${String(claims[name])}, which looks like milliseconds: NumericDate counts seconds (RFC 7519 §2), so it reads as the year ${year} and ${millisecondEffects[name]}. The issuer should write seconds: Math.floor(Date.now() / 1000).`,
    ];
  });
}
