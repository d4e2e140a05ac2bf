import { hmac } from '@noble/hashes/hmac.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { decodeBase64url } from '../token/base64url';
import type { DecodedToken } from '../token/types';
import { isHmacToken } from './claims';

/**
 * A synchronous HMAC (@noble/hashes) rather than WebCrypto: one importKey + sign round trip per
 * guess costs far more than the hashing itself, so this tries several times more secrets a second.
 */
const hashOf = { HS256: sha256, HS384: sha384, HS512: sha512 } as const;
type HmacAlgorithm = keyof typeof hashOf;

/** Beyond this, a search would hash gigabytes (one pass over the token per candidate). */
export const maxSearchInputBytes = 1024 * 1024;

/** Guesses between two looks at the cancel signal: about 10 to 20 ms of hashing, long enough
 * that the browser's 4 ms clamp on nested timers costs little, short enough to cancel at once. */
const batchSize = 2048;

/** Lets queued messages (a cancel) run between batches: a macrotask, not a microtask. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface SecretSearchOptions {
  signal?: AbortSignal;
  /** Called after every batch with the number of candidates tried so far. */
  onProgress?: (tried: number, total: number) => void;
}

export type SecretSearchResult =
  | { status: 'found'; secret: string; tried: number }
  | { status: 'not-found'; tried: number }
  | { status: 'cancelled'; tried: number }
  | { status: 'skipped'; reason: string }
  | { status: 'not-applicable' };

/** What an HMAC is computed over (RFC 7515 §5.1): the protected header, a dot, the payload as sent. */
export function signingInputOf(
  token: DecodedToken,
): { input: Uint8Array; signature: Uint8Array } | undefined {
  let protectedHeader: string;
  let payload: string;
  let signatureText: string;
  if (token.format === 'jws-compact') {
    const pieces = token.token.split('.');
    if (pieces.length !== 3) return undefined;
    [protectedHeader, payload, signatureText] = pieces as [string, string, string];
  } else if (token.format === 'jws-json') {
    const json = JSON.parse(token.token) as Record<string, unknown>;
    const first = (Array.isArray(json.signatures) ? json.signatures[0] : json) as Record<string, unknown>;
    if (typeof first?.protected !== 'string' || typeof first.signature !== 'string') return undefined;
    protectedHeader = first.protected;
    payload = typeof json.payload === 'string' ? json.payload : '';
    signatureText = first.signature;
  } else return undefined;
  const signature = decodeBase64url(signatureText);
  if (!signature.ok || signature.bytes.length === 0) return undefined;
  return { input: new TextEncoder().encode(`${protectedHeader}.${payload}`), signature: signature.bytes };
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether `secret` produced this HS256/384/512 token's signature. */
export async function signedWith(token: DecodedToken, secret: string | Uint8Array): Promise<boolean> {
  const signed = isHmacToken(token) ? signingInputOf(token) : undefined;
  if (!signed) return false;
  const bytes = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
  return equalBytes(hmac(hashOf[token.header.alg as HmacAlgorithm], bytes, signed.input), signed.signature);
}

/**
 * Tries each candidate as the HMAC secret of an HS256/384/512 token: the dictionary attack
 * anyone can run offline against a captured token (RFC 8725 §3.5). Never throws.
 */
export async function searchWeakSecret(
  token: DecodedToken,
  candidates: readonly string[],
  options: SecretSearchOptions = {},
): Promise<SecretSearchResult> {
  let signed: ReturnType<typeof signingInputOf>;
  try {
    signed = isHmacToken(token) ? signingInputOf(token) : undefined;
  } catch {
    signed = undefined;
  }
  if (!signed) return { status: 'not-applicable' };
  const { input, signature } = signed;
  if (input.length > maxSearchInputBytes)
    return {
      status: 'skipped',
      reason: `the token is ${(input.length / 1048576).toFixed(1)} MB, and every guess would hash all of it`,
    };
  const hash = hashOf[token.header.alg as HmacAlgorithm];
  // An HMAC is as long as its hash; a signature of another length cannot match any secret.
  if (signature.length !== hash.outputLen)
    return {
      status: 'skipped',
      reason: `the signature is ${signature.length} bytes, not the ${hash.outputLen} bytes every ${String(token.header.alg)} signature has, so no secret can produce it`,
    };
  const encoder = new TextEncoder();
  const total = candidates.length;
  for (let start = 0; start < total; start += batchSize) {
    if (start > 0) await yieldToEventLoop();
    if (options.signal?.aborted) return { status: 'cancelled', tried: start };
    const end = Math.min(start + batchSize, total);
    for (let i = start; i < end; i++) {
      const secret = candidates[i]!;
      if (equalBytes(hmac(hash, encoder.encode(secret), input), signature))
        return { status: 'found', secret, tried: i + 1 };
    }
    options.onProgress?.(end, total);
  }
  return { status: 'not-found', tried: total };
}
