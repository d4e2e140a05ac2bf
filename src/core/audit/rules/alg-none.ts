import type { SyncRule } from '../types';

// RFC 8725 §3.1: a recipient must not accept "none" unless it asked for an unsecured token.
export const algNone: SyncRule = {
  id: 'alg-none',
  severity: 'danger',
  check(token) {
    const alg = token.header.alg;
    if (token.format.startsWith('jwe') || typeof alg !== 'string') return [];
    if (alg.toLowerCase() !== 'none') {
      const signature = token.parts.find((part) => part.name === 'signature');
      if (signature?.bytes !== 0) return [];
      // The same attack with the algorithm left in place: the signature stripped off.
      return [
        {
          rule: 'alg-none',
          severity: 'danger',
          message: `The signature is empty although the header says "alg": "${alg}": in effect an unsigned token.`,
          why: 'Stripping the signature is the "none" attack without changing the header; verifiers that skip the check for an empty signature have accepted forged claims this way.',
          fix: 'Make sure your verifier rejects a token whose signature is empty or does not verify, whatever its header says.',
          reference: 'RFC 8725 §3.1, RFC 7515 §5.2',
        },
      ];
    }
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
