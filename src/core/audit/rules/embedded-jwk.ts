import type { Finding, SyncRule } from '../types';

// RFC 7515 §4.1.3 and §4.1.6: "jwk" and "x5c" carry a key inside the token it is meant to verify.
// Trusting it is the "attacker-provided public key" attack (CVE-2018-0114, OWASP WSTG-SESS-10).
export const embeddedJwk: SyncRule = {
  id: 'embedded-jwk',
  severity: 'danger',
  check(token) {
    const findings: Finding[] = [];
    const { jwk, x5c } = token.header;
    if (jwk !== undefined) {
      const kty =
        typeof jwk === 'object' && jwk !== null && typeof (jwk as { kty?: unknown }).kty === 'string'
          ? ` (an ${(jwk as { kty: string }).kty} key)`
          : '';
      findings.push({
        rule: 'embedded-jwk',
        severity: 'danger',
        message: `The header carries its own public key in "jwk"${kty}. Anyone can make a key pair, sign a token and put the public half here.`,
        why: 'A verifier that checks the signature with the key the token supplies accepts any forged token: this is the "attacker-provided public key" attack (CVE-2018-0114).',
        fix: 'Verify only with keys configured for the issuer (or fetched from its known JWKS URL); ignore "jwk", or accept it only when its thumbprint (RFC 7638) is on an allow-list.',
        reference: 'RFC 7515 §4.1.3, CVE-2018-0114, OWASP WSTG-SESS-10',
      });
    }
    if (x5c !== undefined) {
      findings.push({
        rule: 'embedded-jwk',
        severity: 'warn',
        message:
          'The header carries a certificate chain in "x5c": the token supplies the key it should be checked with.',
        why: 'The chain is only worth something if the verifier validates it up to a trust anchor it already holds and checks the subject; otherwise a self-signed certificate forges any token.',
        fix: 'Validate "x5c" against a pinned root and the expected subject before using its key, or ignore it and verify with configured keys.',
        reference: 'RFC 7515 §4.1.6 (and RFC 5280 path validation)',
      });
    }
    return findings;
  },
};
