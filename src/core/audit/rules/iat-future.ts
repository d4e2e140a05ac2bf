import { isoTime, looksLikeMilliseconds, numericDateMs, readablePayload, span } from '../claims';
import type { SyncRule } from '../types';

/** Clocks drift; only a difference beyond this is worth a finding. */
export const iatLeewayMs = 60_000;

// RFC 7519 §4.1.6: "iat" is when the token was issued; a future one means a wrong clock or a forged token.
export const iatFuture: SyncRule = {
  id: 'iat-future',
  severity: 'warn',
  readsClock: true,
  check(token, { now }) {
    const payload = readablePayload(token);
    const iat = payload && numericDateMs(payload, 'iat');
    if (iat === undefined || iat <= now + iatLeewayMs) return [];
    const inMilliseconds = looksLikeMilliseconds(iat);
    return [
      {
        rule: 'iat-future',
        severity: 'warn',
        message: inMilliseconds
          ? `"iat" is ${payload!.iat}: read as seconds it lies beyond the year 9999, so it was probably written in milliseconds.`
          : `The token says it was issued ${span(iat - now)} in the future (iat ${isoTime(iat)}).`,
        why: 'Either the issuer\'s clock is wrong (then its "exp" and "nbf" are wrong too) or the token was minted by someone who chose the times, which a verifier checking "iat" would catch.',
        fix: inMilliseconds
          ? 'Write "iat" in seconds since 1970, as RFC 7519 §2 defines NumericDate.'
          : 'Synchronize the issuer\'s clock (NTP) and have verifiers reject an "iat" in the future beyond a small leeway.',
        reference: 'RFC 7519 §4.1.6',
      },
    ];
  },
};
