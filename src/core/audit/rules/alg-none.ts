import type { SyncRule } from '../types';

// RFC 8725 §3.1: a recipient must not accept "none" unless it asked for an unsecured token.
export const algNone: SyncRule = {
  id: 'alg-none',
  severity: 'danger',
  check(token) {
    const alg = token.header.alg;
    if (token.format.startsWith('jwe') || typeof alg !== 'string' || alg.toLowerCase() !== 'none') return [];
    return [
      {
        rule: 'alg-none',
        severity: 'danger',
        message: `The header says "alg": "${alg}": this token is not signed, so anyone can write one like it.`,
        why: 'Libraries that take the algorithm from the token have accepted "none" (and "None", "NONE") as valid, letting anyone forge any claims with an empty signature.',
        fix: 'Reject unsigned tokens: pass an explicit list of allowed algorithms to your verifier and never include "none".',
        reference: 'RFC 8725 §3.1, OWASP JWT Cheat Sheet "None Hashing Algorithm"',
      },
    ];
  },
};
