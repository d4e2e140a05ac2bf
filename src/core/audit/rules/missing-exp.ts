import { readablePayload } from '../claims';
import type { SyncRule } from '../types';

// RFC 7519 §4.1.4 and the OWASP JWT cheat sheet: a bearer token without exp works forever.
export const missingExp: SyncRule = {
  id: 'missing-exp',
  severity: 'warn',
  check(token) {
    const payload = readablePayload(token);
    if (!payload) return [];
    const exp = payload.exp;
    if (typeof exp === 'number' && Number.isFinite(exp)) return [];
    const what =
      typeof exp === 'number'
        ? 'a number too large for any date (it overflows to Infinity)'
        : typeof exp === 'string'
          ? 'a string'
          : `a ${exp === null ? 'null' : typeof exp}`;
    return [
      {
        rule: 'missing-exp',
        severity: 'warn',
        message:
          exp !== undefined
            ? `The "exp" claim is ${what}, not a NumericDate (seconds since 1970), so verifiers cannot enforce it.`
            : 'The token has no "exp" claim: it never expires.',
        why: 'A token without an expiry is valid until the signing key changes; a leaked or stolen copy works forever, and JWTs cannot be revoked without a server-side list.',
        fix: 'Issue short-lived tokens: set "exp" (as a number of seconds) to minutes for access tokens, and use refresh tokens for longer sessions.',
        reference: 'RFC 7519 §4.1.4, OWASP JWT Cheat Sheet "No Built-In Token Revocation by the User"',
      },
    ];
  },
};
