import { isoTime, looksLikeMilliseconds, numericDateMs, readablePayload, span } from '../claims';
import type { SyncRule } from '../types';

// RFC 7519 §4.1.4: the token must not be accepted on or after its "exp" time.
export const expired: SyncRule = {
  id: 'expired',
  severity: 'warn',
  readsClock: true,
  check(token, { now }) {
    const payload = readablePayload(token);
    const exp = payload && numericDateMs(payload, 'exp');
    if (exp === undefined || looksLikeMilliseconds(exp) || now < exp) return [];
    return [
      {
        rule: 'expired',
        severity: 'warn',
        message: `The token expired ${span(now - exp)} ago (exp ${isoTime(exp)}).`,
        why: 'A server that still accepts it has no working expiry check, and a stolen copy stays usable forever.',
        fix: 'Get a fresh token (refresh it or log in again); make sure every verifier checks "exp", with at most a minute or two of clock leeway.',
        reference: 'RFC 7519 §4.1.4',
      },
    ];
  },
};
