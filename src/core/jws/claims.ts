/**
 * The claim checks of RFC 7519 §4.1 under a person's profile, with the same boundaries as
 * jose's jwtVerify (exp: expired once `exp <= now - tolerance`; nbf: early while
 * `nbf > now + tolerance`; times in whole seconds), but each check is kept with its words so
 * the verdict can say "signature good, but expired 2 h ago".
 */
import { describeNumericDate, formatDistance } from '../token/time';

/**
 * The largest clock tolerance the Verifier's profile takes: leeway is for clocks that differ a
 * little (RFC 7519 §4.1.4 "usually no more than a few minutes"). A day is generous; checking a
 * token at another time is what "pretend now is" (the profile's `now`) is for.
 */
export const maxClockToleranceSeconds = 86_400;

// ECMA-262 §21.4.1.1: a JavaScript date reaches 8.64e15 ms either side of 1970.
const latestTimeValue = 8.64e15;

/**
 * Why a profile's clock cannot be used, or undefined. The Verifier's field, the workspace zip and
 * the share link refuse these already; verify() and decrypt() called directly are held to the
 * same: NaN fails every comparison (an expired token would never expire), 1e300 s of leeway
 * accepts every expired token, and a negative one shortens every token's life.
 */
export function clockProblem(profile: Pick<ClaimProfile, 'clockTolerance' | 'now'>): string | undefined {
  const shown = (value: unknown) =>
    typeof value === 'number' ? String(value) : `${JSON.stringify(value) ?? String(value)} (${typeof value})`;
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

const quoted = (values: string[]) => values.map((value) => `"${value}"`).join(' or ');

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
          'The payload is not a JSON claims set, so the issuer, audience, nonce and required claims cannot hold.',
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
        message: `"${name}" must be a NumericDate (a number of seconds), not ${JSON.stringify(claims[name])} (RFC 7519 §4.1)`,
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
        : `the issuer is ${claims.iss === undefined ? 'missing' : JSON.stringify(claims.iss)}, expected ${quoted(issuers)}${nearMiss(claims.iss, issuers)}`,
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
        : `the audience is ${aud === undefined ? 'missing' : JSON.stringify(aud)}, expected ${quoted(audiences)}${given.map((value) => nearMiss(value, audiences)).find(Boolean) ?? ''}`,
    });
  }
  if (nonce) checks.push(checkNonce(claims.nonce, nonce));
  for (const name of required) {
    const ok = name in claims;
    checks.push({
      claim: name,
      outcome: ok ? 'ok' : 'mismatch',
      message: ok ? `required claim "${name}" is present` : `the required claim "${name}" is missing`,
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
        : `the nonce is ${JSON.stringify(value)}, expected ${quoted([expected])}${hint}`,
  };
}

/**
 * Issuers, audiences and nonces are compared as exact strings (RFC 7519 §4.1.1, §4.1.3; OpenID
 * Connect Core §3.1.3.7): the classic miss is a trailing "/" (Auth0 writes one), a change of
 * case or a stray space. Says so, since the two strings look alike at a glance.
 */
function nearMiss(value: unknown, expected: string[]): string {
  if (typeof value !== 'string') return '';
  const bare = (text: string) => text.replace(/\/+$/, '');
  const unspaced = (text: string) => text.replace(/\s+/g, '');
  for (const wanted of expected) {
    if (unspaced(value) === unspaced(wanted))
      return ' (they differ only in white space, and the comparison is exact: spaces, tabs and line breaks count)';
    if (bare(value) === bare(wanted))
      return ` (they differ only by a trailing "/", and the comparison is exact: ${value.endsWith('/') ? 'the token has one, the expected value does not' : 'the expected value has one, the token does not'})`;
    if (value.toLowerCase() === wanted.toLowerCase())
      return ' (they differ only in upper and lower case: the comparison is exact)';
  }
  return '';
}

const millisecondEffects: Record<string, string> = {
  exp: 'the token effectively never expires',
  nbf: 'the token is not valid for thousands of years',
  iat: 'the token claims to be issued thousands of years from now',
};

/**
 * The time claims that look written in milliseconds (the Decoder's test, core/token/time.ts):
 * RFC 7519 §2 NumericDate counts seconds, so every verifier reads them as a date past the year
 * 5000, and an `exp` so read never comes. One sentence per claim, for the verdict's warnings.
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
