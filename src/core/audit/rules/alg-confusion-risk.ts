import { isHmacToken } from '../claims';
import type { Finding, SyncRule } from '../types';

const publicPem = /-----BEGIN (?:PUBLIC KEY|RSA PUBLIC KEY|CERTIFICATE|EC PUBLIC KEY)-----/;
const asymmetricKty = new Set(['RSA', 'EC', 'OKP']);

/** The asymmetric key types in a pasted JWK or JWKS, or none when it is neither. */
function asymmetricKeyTypes(key: string): string[] {
  const text = key.trim();
  if (!text.startsWith('{')) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const record = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  const keys = Array.isArray(record.keys) ? record.keys : [record];
  const types = keys
    .map((k) => (typeof k === 'object' && k !== null ? (k as Record<string, unknown>).kty : undefined))
    .filter((kty): kty is string => typeof kty === 'string' && asymmetricKty.has(kty));
  return [...new Set(types)];
}

// RFC 8725 §2.1 and §3.1: a verifier that takes the algorithm from the token can be tricked into
// using an RSA/EC public key as an HMAC secret (the RS256 → HS256 "key confusion" attack).
export const algConfusionRisk: SyncRule = {
  id: 'alg-confusion-risk',
  severity: 'danger',
  check(token, { key }) {
    if (!key || !isHmacToken(token)) return [];
    const alg = token.header.alg as string;
    const base = {
      rule: 'alg-confusion-risk' as const,
      severity: 'danger' as const,
      why: `The public key is public: anyone can compute an HMAC with it. A verifier that lets the token choose "alg" will check an ${alg} signature made with the RSA/EC public key and accept a forged token.`,
      fix: "Pin the algorithm per key: a verifier configured with a public key must accept only RS*/PS*/ES*/EdDSA, and an HMAC secret must be a random value that is never a public key (pass an explicit algorithms list to jose's jwtVerify).",
      reference: 'RFC 8725 §2.1, §3.1, OWASP WSTG-SESS-10',
    };
    const findings: Finding[] = [];
    if (publicPem.test(key))
      findings.push({
        ...base,
        message: `This ${alg} (HMAC) token is checked against a PEM public key used as the secret. Signing with a public key as an HMAC secret is the classic key-confusion forgery.`,
      });
    const types = asymmetricKeyTypes(key);
    if (types.length)
      findings.push({
        ...base,
        message: `This token uses ${alg} (a shared secret), but the key set for its issuer holds ${types.join('/')} public keys. An issuer that publishes asymmetric keys does not sign with HMAC: this token may be forged with a public key as the secret.`,
      });
    return findings;
  },
};
