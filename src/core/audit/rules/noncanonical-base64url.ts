import type { SyncRule } from '../types';

// RFC 7515 §2: base64url without padding; other spellings make equal tokens compare unequal.
export const noncanonicalBase64url: SyncRule = {
  id: 'noncanonical-base64url',
  severity: 'warn',
  check(token) {
    return token.noncanonical.map(({ part, reason }) => ({
      rule: 'noncanonical-base64url' as const,
      severity: 'warn' as const,
      message: `The ${part} is not canonical base64url: ${reason}.`,
      why: 'Strict libraries reject it while lenient ones accept it, and several spellings of one token defeat a blocklist or cache keyed on the token text.',
      fix: 'Encode with base64url, no padding, and zero the unused bits of the last character.',
      reference: 'RFC 7515 §2, RFC 4648 §3.5',
    }));
  },
};
