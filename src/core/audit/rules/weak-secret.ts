import { decodeBase64url } from '../../token/base64url';
import type { DecodedToken } from '../../token/types';
import { hmacKeyBytes, isHmacToken, quote } from '../claims';
import {
  searchWeakSecret,
  signedWith,
  type SecretSearchOptions,
  type SecretSearchResult,
} from '../secret-search';
import type { AuditContext, Finding } from '../types';
import { wellKnownSecrets } from '../weak-secrets';

/** A strength estimate for a human-chosen secret (the worker fills it in with zxcvbn). */
export interface SecretRating {
  /** log10 of the estimated number of guesses. */
  guessesLog10: number;
  /** 0 (too guessable) to 4 (very unguessable), zxcvbn's scale. */
  score: number;
}

export interface WeakSecretOptions extends SecretSearchOptions {
  /** The secrets to try; defaults to the built-in list of well-known secrets. */
  candidates?: readonly string[];
  rateSecret?: (secret: string) => Promise<SecretRating | undefined> | SecretRating | undefined;
}

const reference = 'RFC 8725 §3.5, RFC 7518 §3.2, OWASP JWT Cheat Sheet "Weak Token Secret"';
const why =
  'Anyone holding one token can try secrets offline, as fast as their hardware allows, without touching your server; once a guess reproduces the signature they can sign any claims they like.';
const fix =
  'Rotate the secret now: generate at least as many random bytes as the hash output (32 for HS256) with a CSPRNG, keep it out of source code, and invalidate tokens signed with the old one. Prefer an asymmetric algorithm (ES256, EdDSA) when several services verify.';

/** The verifying secret's bytes, when the pasted key is an HMAC secret (text or an "oct" JWK). */
export function secretBytesOf(key: string): { bytes: Uint8Array; text?: string } | undefined {
  const trimmed = key.trim();
  if (trimmed.startsWith('-----BEGIN')) return undefined;
  if (trimmed.startsWith('{')) {
    try {
      const parsed = JSON.parse(trimmed) as Record<string, unknown>;
      const jwk = (Array.isArray(parsed.keys) ? parsed.keys.find((k) => k?.kty === 'oct') : parsed) as
        Record<string, unknown> | undefined;
      if (jwk?.kty !== 'oct' || typeof jwk.k !== 'string') return undefined;
      const decoded = decodeBase64url(jwk.k);
      return decoded.ok ? { bytes: decoded.bytes } : undefined;
    } catch {
      // not JSON: a secret that happens to start with "{"
    }
  }
  return { bytes: new TextEncoder().encode(key), text: key };
}

/** Findings about the secret the person verifies with: well known, too short, or guessable. */
async function judgeGivenSecret(
  token: DecodedToken,
  key: string,
  options: WeakSecretOptions,
): Promise<Finding[]> {
  const secret = secretBytesOf(key);
  if (!secret) return [];
  const alg = token.header.alg as string;
  const minimum = hmacKeyBytes[alg]!;
  const verifies = await signedWith(token, secret.bytes).catch(() => false);
  const whose = verifies ? 'The secret that verifies this token' : 'The secret you entered';
  if (secret.text !== undefined && wellKnownSecrets.includes(secret.text))
    return [
      {
        rule: 'weak-secret',
        severity: 'danger',
        message: `${whose} is ${quote(secret.text)}, a well-known sample or default secret that attackers try first.`,
        why,
        fix,
        reference,
      },
    ];
  const findings: Finding[] = [];
  if (secret.bytes.length < minimum)
    findings.push({
      rule: 'weak-secret',
      severity: 'danger',
      message: `${whose} is ${secret.bytes.length} byte${secret.bytes.length === 1 ? '' : 's'} long; ${alg} needs a key of at least ${minimum} bytes (${minimum * 8} bits).`,
      why,
      fix,
      reference,
    });
  const rating = secret.text !== undefined ? await options.rateSecret?.(secret.text) : undefined;
  if (rating && rating.score < 3)
    findings.push({
      rule: 'weak-secret',
      severity: rating.score < 2 ? 'danger' : 'warn',
      message: `${whose} looks human-chosen: a strength estimate (zxcvbn) puts it at about 10^${Math.round(rating.guessesLog10)} guesses, which offline cracking gets through quickly.`,
      why,
      fix,
      reference,
    });
  return findings;
}

/**
 * RFC 8725 §3.5: HMAC keys must have enough entropy. Tries the well-known secrets (and
 * whatever candidates the caller adds) against the signature, and judges the verifying secret.
 */
export async function checkWeakSecret(
  token: DecodedToken,
  context: AuditContext,
  options: WeakSecretOptions = {},
): Promise<{ findings: Finding[]; search: SecretSearchResult }> {
  if (!isHmacToken(token)) return { findings: [], search: { status: 'not-applicable' } };
  const search = await searchWeakSecret(token, options.candidates ?? wellKnownSecrets, options);
  if (search.status === 'found') {
    const shown = search.secret === '' ? 'an empty string' : quote(search.secret);
    return {
      findings: [
        {
          rule: 'weak-secret',
          severity: 'danger',
          message: `This token is signed with the secret ${shown}, a well-known or dictionary secret (guess number ${search.tried.toLocaleString('en')} of the list). Anyone can forge tokens this server accepts.`,
          why,
          fix,
          reference,
        },
      ],
      search,
    };
  }
  const findings = context.key ? await judgeGivenSecret(token, context.key, options) : [];
  return { findings, search };
}
