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
          message: `"exp" is ${payload.exp}, which read as seconds lies beyond the year 9999: it was probably written in milliseconds, so the token effectively never expires.`,
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
    const lives =
      lifetime !== undefined
        ? `The token lives for ${span(lifetime)} (from "${payload.iat !== undefined ? 'iat' : 'nbf'}" to "exp")`
        : `The token stays valid for another ${span(measured)}`;
    // A token that says it is a refresh token is meant to live long: the risk is an API that
    // takes it as an access token, not its lifetime.
    const refreshMark = refreshTokenMark(payload);
    if (refreshMark)
      return [
        {
          rule: 'long-lifetime',
          severity: 'info',
          message: `${lives}. It says it is a refresh token (${refreshMark}): a long life is usual for one, as long as no API accepts it as an access token.`,
          why: 'A refresh token is only for the token endpoint. An API that accepts it as an access token gives whoever steals it access for its whole lifetime.',
          fix: 'Keep refresh tokens out of API calls: APIs should check "typ" (RFC 9068 "at+jwt") or an audience the refresh token does not carry. Rotate refresh tokens on use and revoke the family on reuse.',
          reference,
        },
      ];
    return [
      {
        rule: 'long-lifetime',
        severity: 'warn',
        message: `${lives}; an access token should live minutes, not more than a day.`,
        why: 'A JWT cannot be revoked without extra server state, so whoever steals it (from a log, a browser extension, a proxy) can use it for its whole lifetime.',
        fix: 'Give access tokens a lifetime of 5 to 60 minutes and keep sessions alive with rotating refresh tokens. If this is a refresh token, make sure APIs refuse it as an access token (e.g. a distinct "typ").',
        reference,
      },
    ];
  },
};

/** Where a payload says it is a refresh token ("typ": "Refresh", "token_use": "refresh"…), in words. */
function refreshTokenMark(payload: Record<string, unknown>): string | undefined {
  for (const name of ['typ', 'token_use', 'token_type'])
    if (typeof payload[name] === 'string' && /refresh/i.test(payload[name]))
      return `"${name}": ${JSON.stringify(payload[name])}`;
  return undefined;
}
