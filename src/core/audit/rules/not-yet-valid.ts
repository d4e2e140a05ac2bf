import { isoTime, looksLikeMilliseconds, numericDateMs, readablePayload, span } from '../claims';
import type { SyncRule } from '../types';

// RFC 7519 §4.1.5: the token must not be accepted before its "nbf" time.
export const notYetValid: SyncRule = {
  id: 'not-yet-valid',
  severity: 'warn',
  readsClock: true,
  check(token, { now }) {
    const payload = readablePayload(token);
    const nbf = payload && numericDateMs(payload, 'nbf');
    if (nbf === undefined || looksLikeMilliseconds(nbf) || now >= nbf) return [];
    return [
      {
        rule: 'not-yet-valid',
        severity: 'warn',
        message: `The token is not valid for another ${span(nbf - now)} (nbf ${isoTime(nbf)}).`,
        why: 'Verifiers reject it until then; if one accepts it, it ignores "nbf", and a token minted for later works early.',
        fix: 'Check the issuer\'s clock (or yours); verifiers should enforce "nbf" with a small leeway for clock skew.',
        reference: 'RFC 7519 §4.1.5',
      },
    ];
  },
};
