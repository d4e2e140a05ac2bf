import { quote } from '../claims';
import type { SyncRule } from '../types';

/** Longer than any key ID a real issuer uses (thumbprints are 43 characters, UUIDs 36). */
const maxPlausibleKidLength = 256;

/** What each pattern says about a `kid` that is used to find a key in a file, a database or a shell. */
const patterns: { pattern: RegExp; meaning: string }[] = [
  { pattern: /(?:^|[\\/])\.\.(?:[\\/]|$)/, meaning: 'path traversal ("..")' },
  {
    pattern: /^(?:\/(?:dev|etc|proc|tmp|var|usr|home|root)\b|[a-z]:\\|~\/)/i,
    meaning: 'an absolute file path',
  },
  { pattern: /\0/, meaning: 'a NUL byte (truncates paths in C-based file APIs)' },
  { pattern: /^[a-z][a-z0-9+.-]*:\/\/|^(?:file|data|javascript|ldap|gopher):/i, meaning: 'a URL' },
  {
    pattern:
      /'|--|\/\*|\*\/|\bunion\b[\s\S]*\bselect\b|\bor\b\s+\S+\s*=|\b(?:select|insert|update|delete|drop)\b\s/i,
    meaning: 'SQL syntax (quotes, comments or keywords)',
  },
  { pattern: /[;|`&<>]|\$\(|\$\{|\r|\n/, meaning: 'shell metacharacters' },
];

// RFC 8725 §3.10: "kid" is attacker-controlled; key lookups must not become SQL, LDAP, path or command injection.
export const kidSuspicious: SyncRule = {
  id: 'kid-suspicious',
  severity: 'danger',
  check(token) {
    const kid = token.header.kid;
    if (kid === undefined) return [];
    const reasons: string[] = [];
    if (typeof kid !== 'string')
      reasons.push(
        `it is ${Array.isArray(kid) ? 'an array' : kid === null ? 'null' : `a ${typeof kid}`}, not a string`,
      );
    else {
      for (const { pattern, meaning } of patterns) if (pattern.test(kid)) reasons.push(meaning);
      if (kid.length > maxPlausibleKidLength)
        reasons.push(`it is ${kid.length.toLocaleString('en')} characters long`);
    }
    if (!reasons.length) return [];
    return [
      {
        rule: 'kid-suspicious',
        severity: 'danger',
        message: `The key ID ("kid": ${quote(kid)}) contains ${reasons.join(', ')}. Real key IDs are short opaque names; this looks like an injection attempt.`,
        why: 'A server that uses "kid" to read a key file or query a database can be made to use a key the attacker knows (an empty file like /dev/null, a row returned by injected SQL), or to run commands; then forged tokens verify.',
        fix: 'Treat "kid" as untrusted input: look it up in a fixed map of known keys (never a path, query or command), and reject a token whose "kid" is not in it.',
        reference: 'RFC 8725 §3.10, OWASP WSTG-SESS-10',
      },
    ];
  },
};
