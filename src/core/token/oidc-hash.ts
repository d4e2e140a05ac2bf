/**
 * OpenID Connect's token hashes: an ID token's `at_hash` (OpenID Connect Core 1.0 §3.1.3.6,
 * §3.2.2.9) and `c_hash` (§3.3.2.11) are "the base64url encoding of the left-most half of the
 * hash of the octets of the ASCII representation" of the access token or code, with the hash
 * of the ID token's JOSE header `alg`. A client that checks it knows the access token came
 * with this ID token and was not swapped in from another response.
 */
import { encodeBase64url } from './base64url';
import { inspect } from './inspect';

/** The hash an ID token's `alg` calls for; SHAKE256 with a 114-byte output is Ed448's. */
export type OidcHashName = 'SHA-256' | 'SHA-384' | 'SHA-512' | 'SHAKE256';

export interface OidcHashAlgorithm {
  hash: OidcHashName;
  /** Said beside the result when the choice is an assumption (EdDSA names no curve). */
  assumption?: string;
}

/**
 * The hash for an ID token's `alg`, or undefined when it has none (`none`, an unknown or an
 * encryption algorithm). HS/RS/PS/ES name their hash in their number (RFC 7518 §3.1); ES256K
 * uses SHA-256 (RFC 8812 §3.2). For EdDSA the curve decides (OpenID Connect Core 1.0 errata
 * set 2, issue #1125): SHA-512 for Ed25519, SHAKE256 (114 bytes) for Ed448; the header does
 * not say which curve signed, and Ed25519 is the one in use almost everywhere.
 * `Ed25519` and `Ed448` are the fully specified names of RFC 9864.
 */
export function oidcHashAlgorithm(alg: string): OidcHashAlgorithm | undefined {
  const sized = /^(?:HS|RS|PS|ES)(256|384|512)$/.exec(alg);
  if (sized) return { hash: `SHA-${sized[1]}` as OidcHashName };
  if (alg === 'ES256K') return { hash: 'SHA-256' };
  if (alg === 'Ed25519') return { hash: 'SHA-512' };
  if (alg === 'Ed448') return { hash: 'SHAKE256' };
  if (alg === 'EdDSA')
    return {
      hash: 'SHA-512',
      assumption:
        'EdDSA names no curve: hashed with SHA-512, as for Ed25519 (an Ed448 key would need SHAKE256)',
    };
  return undefined;
}

async function digest(hash: OidcHashName, bytes: Uint8Array): Promise<Uint8Array> {
  // WebCrypto has no SHAKE; @noble/hashes is loaded only for an Ed448 ID token.
  if (hash === 'SHAKE256') return (await import('@noble/hashes/sha3.js')).shake256(bytes, { dkLen: 114 });
  return new Uint8Array(await crypto.subtle.digest(hash, bytes as Uint8Array<ArrayBuffer>));
}

/**
 * The `at_hash` (or `c_hash`) an ID token signed with `alg` carries for `value`: the left-most
 * half of its hash, base64url. Undefined when `alg` has no hash to use.
 */
export async function oidcTokenHash(value: string, alg: string): Promise<string | undefined> {
  const algorithm = oidcHashAlgorithm(alg);
  if (!algorithm) return undefined;
  // Access tokens are ASCII (RFC 6749 §A.12), where UTF-8 and ASCII bytes are the same.
  const hashed = await digest(algorithm.hash, new TextEncoder().encode(value));
  return encodeBase64url(hashed.subarray(0, hashed.length / 2));
}

export type AtHashOutcome = 'match' | 'mismatch' | 'missing' | 'unchecked';

export interface AtHashCheck {
  /**
   * `match`, `mismatch`; `missing` when the ID token has no `at_hash` (optional when the access
   * token comes from the token endpoint, §3.1.3.6); `unchecked` when it cannot be computed.
   */
  outcome: AtHashOutcome;
  message: string;
  /** The ID token's `alg` and the hash it calls for, when known. */
  alg?: string;
  hash?: OidcHashName;
  /** What the ID token says, and what the access token hashes to. */
  claimed?: string;
  computed?: string;
}

/**
 * Checks an ID token's `at_hash` against an access token, as a client does on receiving both
 * (OpenID Connect Core 1.0 §3.1.3.8, §3.2.2.9). The ID token is only decoded here, not
 * verified: a forged ID token can carry any `at_hash`. Never throws.
 */
export async function checkAtHash(idToken: string, accessToken: string): Promise<AtHashCheck> {
  const inspection = inspect(idToken);
  const header = inspection.header ?? {};
  const payload = inspection.payload;
  if (!inspection.ok || typeof payload !== 'object' || payload === null || Array.isArray(payload))
    return {
      outcome: 'unchecked',
      message: 'The at_hash could not be checked: the id_token does not decode to a claims set.',
    };
  const alg = typeof header.alg === 'string' ? header.alg : undefined;
  const claimed = (payload as Record<string, unknown>).at_hash;
  if (claimed === undefined)
    return {
      outcome: 'missing',
      alg,
      message:
        'The id_token has no at_hash, so nothing in it ties it to this access_token. That is allowed when both come from the token endpoint (OpenID Connect Core 1.0 §3.1.3.6).',
    };
  if (typeof claimed !== 'string')
    return {
      outcome: 'mismatch',
      alg,
      message: `The id_token's at_hash is ${JSON.stringify(claimed)}, not a string: it cannot match any access_token (OpenID Connect Core 1.0 §3.1.3.6).`,
    };
  const algorithm = alg === undefined ? undefined : oidcHashAlgorithm(alg);
  if (!alg || !algorithm)
    return {
      outcome: 'unchecked',
      alg,
      claimed,
      message: `The at_hash could not be checked: the id_token's alg ${alg === undefined ? 'is missing' : `"${alg}" names no hash`}, and at_hash uses the hash of the alg (OpenID Connect Core 1.0 §3.1.3.6).`,
    };
  const computed = (await oidcTokenHash(accessToken, alg))!;
  const how = `${algorithm.hash === 'SHAKE256' ? 'SHAKE256, 114 bytes' : algorithm.hash} of the access_token, left half${algorithm.assumption ? `; ${algorithm.assumption}` : ''}`;
  if (computed === claimed)
    return {
      outcome: 'match',
      alg,
      hash: algorithm.hash,
      claimed,
      computed,
      message: `The id_token's at_hash matches this access_token (${how}). That ties them together only if the id_token's signature holds.`,
    };
  return {
    outcome: 'mismatch',
    alg,
    hash: algorithm.hash,
    claimed,
    computed,
    message: `The id_token's at_hash does not match this access_token: it says "${claimed}", the access_token hashes to "${computed}" (${how}). They were not issued together, or one was changed; a client must not use this access_token with this id_token (OpenID Connect Core 1.0 §3.2.2.9).`,
  };
}
