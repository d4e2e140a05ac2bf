/**
 * ES256K (RFC 8812 §3.1, secp256k1) and EdDSA with Ed448 (RFC 8037 §3.1): the two JWS
 * algorithms WebCrypto and jose lack. @noble/curves is loaded with import() the first time
 * such a token or key appears, so nobody else pays for it.
 */
import type { JWK } from 'jose';
import { encodeBase64url } from '../token/base64url';

export type NobleCurve = 'secp256k1' | 'ed448';

export interface NobleKeyPair {
  curve: NobleCurve;
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

async function secp256k1() {
  return (await import('@noble/curves/secp256k1.js')).secp256k1;
}
async function ed448() {
  return (await import('@noble/curves/ed448.js')).ed448;
}

/**
 * Signs the JWS signing input. ES256K: SHA-256, then ECDSA; the signature is R || S, 32
 * octets each (RFC 7518 §3.4), low-S as most secp256k1 verifiers expect. Ed448: 114 octets.
 */
export async function nobleSign(
  curve: NobleCurve,
  secretKey: Uint8Array,
  data: Uint8Array,
): Promise<Uint8Array> {
  if (curve === 'secp256k1') return (await secp256k1()).sign(data, secretKey, { prehash: true, lowS: true });
  return (await ed448()).sign(data, secretKey);
}

/** Checks a signature; false (never a throw) for a malformed signature or key. */
export async function nobleVerify(
  curve: NobleCurve,
  publicKey: Uint8Array,
  data: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  try {
    if (curve === 'secp256k1') {
      if (signature.length !== 64) return false;
      // RFC 8812 does not demand low-S, and OpenSSL-made signatures are often high-S.
      return (await secp256k1()).verify(signature, data, publicKey, { prehash: true, lowS: false });
    }
    if (signature.length !== 114) return false;
    return (await ed448()).verify(signature, data, publicKey);
  } catch {
    return false;
  }
}

/** The public key of a secret: uncompressed SEC1 point for secp256k1, 57 octets for Ed448. */
export async function noblePublicKey(curve: NobleCurve, secretKey: Uint8Array): Promise<Uint8Array> {
  if (curve === 'secp256k1') return (await secp256k1()).getPublicKey(secretKey, false);
  return (await ed448()).getPublicKey(secretKey);
}

/** A fresh key pair for ES256K or Ed448, as JWKs (RFC 8812 §3.1, RFC 8037 §2). */
export async function generateNobleKeyPair(curve: NobleCurve): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const pair = curve === 'secp256k1' ? (await secp256k1()).keygen() : (await ed448()).keygen();
  const publicKey = curve === 'secp256k1' ? await noblePublicKey(curve, pair.secretKey) : pair.publicKey;
  const publicJwk = nobleJwk(curve, publicKey);
  return { publicJwk, privateJwk: { ...publicJwk, d: encodeBase64url(pair.secretKey) } };
}

/** The public JWK of a noble key (the uncompressed point's X and Y for secp256k1). */
export function nobleJwk(curve: NobleCurve, publicKey: Uint8Array): JWK {
  if (curve === 'ed448') return { kty: 'OKP', crv: 'Ed448', x: encodeBase64url(publicKey) };
  return {
    kty: 'EC',
    crv: 'secp256k1',
    x: encodeBase64url(publicKey.subarray(1, 33)),
    y: encodeBase64url(publicKey.subarray(33, 65)),
  };
}
