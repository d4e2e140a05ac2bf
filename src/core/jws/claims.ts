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
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    if (issuers.length || audiences.length || required.length)
      checks.push({
        claim: 'payload',
        outcome: 'mismatch',
        message:
          'The payload is not a JSON claims set, so the issuer, audience and required claims cannot hold.',
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
 * Issuers and audiences are compared as exact strings (RFC 7519 §4.1.1, §4.1.3): the classic
 * miss is a trailing "/" (Auth0 writes one) or a change of case. Says so, since the two strings
 * look alike at a glance.
 */
function nearMiss(value: unknown, expected: string[]): string {
  if (typeof value !== 'string') return '';
  const bare = (text: string) => text.replace(/\/+$/, '');
  for (const wanted of expected) {
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
