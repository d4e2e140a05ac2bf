import { looksLikeMilliseconds, numericDateMs, readablePayload, span } from '../claims';
import type { SyncRule } from '../types';

/** An access token living longer than this is flagged (OWASP: keep access tokens short-lived). */
export const maxAccessTokenLifetimeMs = 24 * 3600 * 1000;

// OWASP JWT cheat sheet ("Token Sidejacking", "Token Lifetime"): long-lived access tokens widen every theft.
export const longLifetime: SyncRule = {
  id: 'long-lifetime',
  severity: 'warn',
  readsClock: true,
  check(token, { now }) {
    const payload = readablePayload(token);
    const exp = payload && numericDateMs(payload, 'exp');
    if (!payload || exp === undefined) return [];
    const reference = 'OWASP JWT Cheat Sheet "No Built-In Token Revocation by the User", RFC 7519 §4.1.4';
    if (looksLikeMilliseconds(exp)) {
      return [
        {
          rule: 'long-lifetime',
          severity: 'warn',
          message: `"exp" is ${payload.exp}, which read as seconds lies beyond the year 5000: it was probably written in milliseconds, so the token effectively never expires.`,
          why: 'Verifiers read "exp" as seconds (RFC 7519 §2), so this token outlives every key rotation, and a stolen copy stays usable.',
          fix: 'Write NumericDate claims in seconds: Math.floor(Date.now() / 1000) + lifetime.',
          reference,
        },
      ];
    }
    const issued = numericDateMs(payload, 'iat') ?? numericDateMs(payload, 'nbf');
    const lifetime = issued !== undefined && !looksLikeMilliseconds(issued) ? exp - issued : undefined;
    const measured = lifetime ?? exp - now;
    if (measured <= maxAccessTokenLifetimeMs) return [];
    return [
      {
        rule: 'long-lifetime',
        severity: 'warn',
        message:
          lifetime !== undefined
            ? `The token lives for ${span(lifetime)} (from "${payload.iat !== undefined ? 'iat' : 'nbf'}" to "exp"); an access token should live minutes, not more than a day.`
            : `The token stays valid for another ${span(measured)}; an access token should live minutes, not more than a day.`,
        why: 'A JWT cannot be revoked without extra server state, so whoever steals it (from a log, a browser extension, a proxy) can use it for its whole lifetime.',
        fix: 'Give access tokens a lifetime of 5 to 60 minutes and keep sessions alive with rotating refresh tokens. If this is a refresh token, make sure APIs refuse it as an access token (e.g. a distinct "typ").',
        reference,
      },
    ];
  },
};
