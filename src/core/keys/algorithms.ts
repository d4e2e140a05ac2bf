/**
 * Which key each JWS and JWE algorithm needs (RFC 7518 §3 and §4, RFC 8037, RFC 8812), so
 * a mismatch is named before any library is asked, and a key set can be filtered.
 */
import type { Curve, KeyType } from './detect';

export interface KeyRequirement {
  kty: KeyType['kty'];
  curves?: Curve[];
  /** Where this algorithm runs: jose on WebCrypto, or @noble/curves loaded on demand. */
  library: 'jose' | 'noble';
  /** Words for a person: "an RSA key", "an EC P-256 key". */
  words: string;
}

const rsa: KeyRequirement = { kty: 'RSA', library: 'jose', words: 'an RSA key' };
const hmac: KeyRequirement = { kty: 'oct', library: 'jose', words: 'a shared secret' };
const ec = (curve: Curve): KeyRequirement => ({
  kty: 'EC',
  curves: [curve],
  library: curve === 'secp256k1' ? 'noble' : 'jose',
  words: `an EC ${curve} key`,
});

export const signatureAlgorithms: Record<string, KeyRequirement> = {
  HS256: hmac,
  HS384: hmac,
  HS512: hmac,
  RS256: rsa,
  RS384: rsa,
  RS512: rsa,
  PS256: rsa,
  PS384: rsa,
  PS512: rsa,
  ES256: ec('P-256'),
  ES384: ec('P-384'),
  ES512: ec('P-521'),
  ES256K: ec('secp256k1'),
  // RFC 8037 §3.1: EdDSA covers Ed25519 and Ed448; the curve comes from the key.
  EdDSA: { kty: 'OKP', curves: ['Ed25519', 'Ed448'], library: 'jose', words: 'an Ed25519 or Ed448 key' },
  Ed25519: { kty: 'OKP', curves: ['Ed25519'], library: 'jose', words: 'an Ed25519 key' },
  Ed448: { kty: 'OKP', curves: ['Ed448'], library: 'noble', words: 'an Ed448 key' },
};

/** The key management algorithms of RFC 7518 §4 that jose implements. */
export const keyManagementAlgorithms: Record<string, KeyRequirement> = {
  dir: { ...hmac, words: 'a shared secret of the content encryption key length' },
  A128KW: { ...hmac, words: 'a 128-bit secret' },
  A192KW: { ...hmac, words: 'a 192-bit secret' },
  A256KW: { ...hmac, words: 'a 256-bit secret' },
  A128GCMKW: { ...hmac, words: 'a 128-bit secret' },
  A192GCMKW: { ...hmac, words: 'a 192-bit secret' },
  A256GCMKW: { ...hmac, words: 'a 256-bit secret' },
  'PBES2-HS256+A128KW': { ...hmac, words: 'a password' },
  'PBES2-HS384+A192KW': { ...hmac, words: 'a password' },
  'PBES2-HS512+A256KW': { ...hmac, words: 'a password' },
  'RSA-OAEP': rsa,
  'RSA-OAEP-256': rsa,
  'RSA-OAEP-384': rsa,
  'RSA-OAEP-512': rsa,
  ...Object.fromEntries(
    ['ECDH-ES', 'ECDH-ES+A128KW', 'ECDH-ES+A192KW', 'ECDH-ES+A256KW'].map((alg) => [
      alg,
      {
        kty: 'EC',
        curves: ['P-256', 'P-384', 'P-521', 'X25519'],
        library: 'jose',
        words: 'an EC (P-256, P-384, P-521) or X25519 key',
      } satisfies KeyRequirement,
    ]),
  ),
};

export const requirementOf = (alg: string): KeyRequirement | undefined =>
  signatureAlgorithms[alg] ?? keyManagementAlgorithms[alg];

/** Whether a key of this type can serve this algorithm (X25519 keys are "OKP" in JWK). */
export function keyFits(requirement: KeyRequirement, type: KeyType): boolean {
  if (requirement.curves?.includes('X25519') && type.kty === 'OKP') return type.curve === 'X25519';
  if (requirement.kty !== type.kty) return false;
  return !requirement.curves || (type.curve !== undefined && requirement.curves.includes(type.curve));
}

/** Words for a key type: "an RSA key", "an EC P-384 key", "a shared secret". */
export function keyWords(type: KeyType): string {
  if (type.kty === 'oct') return 'a shared secret';
  if (type.kty === 'RSA') return 'an RSA key';
  return type.kty === 'EC' ? `an EC ${type.curve ?? ''} key` : `an ${type.curve ?? 'OKP'} key`;
}

/** The signature algorithms a key of this type could verify, for "did you mean" hints. */
export function algorithmsFor(type: KeyType): string[] {
  return Object.entries(signatureAlgorithms)
    .filter(([alg, requirement]) => alg !== 'Ed25519' && alg !== 'Ed448' && keyFits(requirement, type))
    .map(([alg]) => alg);
}

/**
 * The algorithm a name means when only its case is wrong ("hs256" → "HS256"), for a "did you
 * mean" hint. Names are compared case-sensitively (RFC 7515 §4.1.1), so "hs256" is never HS256.
 */
export function algorithmCaseMatch(name: string): string | undefined {
  if (requirementOf(name)) return undefined;
  const lower = name.toLowerCase();
  return [...Object.keys(signatureAlgorithms), ...Object.keys(keyManagementAlgorithms)].find(
    (alg) => alg.toLowerCase() === lower,
  );
}
