/**
 * Key generation for every JWS algorithm Tokenscope signs with: WebCrypto (through jose) for
 * RSA, P-256/384/521 and Ed25519; `@noble/curves`, imported on first use, for secp256k1 (ES256K)
 * and Ed448, which WebCrypto lacks. Every key gets its RFC 7638 thumbprint as `kid`.
 */
import { base64url, exportJWK, generateKeyPair, type JWK } from 'jose';
import { generateNobleJwk, jwkToPem, publicJwkOf } from './export';
import { jwkThumbprint } from './thumbprint';

export type KeyFamily = 'hmac' | 'rsa' | 'ec' | 'okp';

export interface SigningAlgorithm {
  alg: string;
  family: KeyFamily;
  /** What a person reads in a picker. */
  label: string;
  /** HMAC: the hash output in bits, which is also the minimum key size (RFC 7518 §3.2). */
  hashBits?: number;
  /** EC/OKP: the JWK `crv` the key must have. */
  curve?: string;
  /** Signed through @noble/curves rather than WebCrypto. */
  noble?: boolean;
}

export const signingAlgorithms: readonly SigningAlgorithm[] = [
  { alg: 'HS256', family: 'hmac', label: 'HS256 · HMAC with SHA-256', hashBits: 256 },
  { alg: 'HS384', family: 'hmac', label: 'HS384 · HMAC with SHA-384', hashBits: 384 },
  { alg: 'HS512', family: 'hmac', label: 'HS512 · HMAC with SHA-512', hashBits: 512 },
  { alg: 'RS256', family: 'rsa', label: 'RS256 · RSA PKCS#1 v1.5 with SHA-256' },
  { alg: 'RS384', family: 'rsa', label: 'RS384 · RSA PKCS#1 v1.5 with SHA-384' },
  { alg: 'RS512', family: 'rsa', label: 'RS512 · RSA PKCS#1 v1.5 with SHA-512' },
  { alg: 'PS256', family: 'rsa', label: 'PS256 · RSA-PSS with SHA-256' },
  { alg: 'PS384', family: 'rsa', label: 'PS384 · RSA-PSS with SHA-384' },
  { alg: 'PS512', family: 'rsa', label: 'PS512 · RSA-PSS with SHA-512' },
  { alg: 'ES256', family: 'ec', label: 'ES256 · ECDSA P-256 with SHA-256', curve: 'P-256' },
  { alg: 'ES384', family: 'ec', label: 'ES384 · ECDSA P-384 with SHA-384', curve: 'P-384' },
  { alg: 'ES512', family: 'ec', label: 'ES512 · ECDSA P-521 with SHA-512', curve: 'P-521' },
  {
    alg: 'ES256K',
    family: 'ec',
    label: 'ES256K · ECDSA secp256k1 with SHA-256',
    curve: 'secp256k1',
    noble: true,
  },
  { alg: 'EdDSA', family: 'okp', label: 'EdDSA · Ed25519 (RFC 8037)', curve: 'Ed25519' },
  { alg: 'Ed25519', family: 'okp', label: 'Ed25519 · fully specified (RFC 9864)', curve: 'Ed25519' },
  { alg: 'Ed448', family: 'okp', label: 'Ed448 · fully specified (RFC 9864)', curve: 'Ed448', noble: true },
];

export function signingAlgorithm(alg: string): SigningAlgorithm | undefined {
  return signingAlgorithms.find((entry) => entry.alg === alg);
}

/** The RSA sizes offered: 2048 is the RFC 7518 §3.3 minimum; 4096 takes seconds to generate. */
export const rsaModulusLengths = [2048, 3072, 4096] as const;
export type RsaModulusLength = (typeof rsaModulusLengths)[number];

export interface GeneratedKey {
  alg: string;
  /** RFC 7638 thumbprint, used as `kid`. */
  kid: string;
  /** For HMAC, the secret itself (an `oct` JWK). */
  privateJwk: JWK;
  /** For HMAC, the same secret: there is no public half. */
  publicJwk: JWK;
  /** Bits of randomness behind the key (HMAC) or its size (RSA). */
  bits?: number;
}

/** Random bytes from the platform's CSPRNG (WebCrypto `getRandomValues`). */
export function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  // getRandomValues fills at most 65536 bytes per call.
  for (let at = 0; at < length; at += 65536)
    crypto.getRandomValues(bytes.subarray(at, Math.min(length, at + 65536)));
  return bytes;
}

async function keyPairJwk(alg: string, modulusLength?: number): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true, modulusLength });
  const jwk = await exportJWK(privateKey);
  delete jwk.ext;
  delete jwk.key_ops;
  return jwk;
}

/**
 * A new key for `alg`, as JWKs with `alg`, `use` and a thumbprint `kid`. HMAC secrets are as long
 * as the hash output, the minimum RFC 7518 §3.2 allows and all the strength the MAC can use.
 */
export async function createKey(
  alg: string,
  options: { modulusLength?: RsaModulusLength } = {},
): Promise<GeneratedKey> {
  const info = signingAlgorithm(alg);
  if (!info) throw new Error(`"${alg}" is not a signing algorithm this tool generates keys for.`);
  let jwk: JWK;
  let bits: number | undefined;
  if (info.family === 'hmac') {
    bits = info.hashBits!;
    jwk = { kty: 'oct', k: base64url.encode(randomBytes(bits / 8)) };
  } else if (info.noble) {
    jwk = await generateNobleJwk(info.curve === 'Ed448' ? 'ed448' : 'secp256k1');
  } else if (info.family === 'rsa') {
    bits = options.modulusLength ?? 2048;
    if (![2048, 3072, 4096].includes(bits)) throw new Error('RSA keys are 2048, 3072 or 4096 bits long.');
    jwk = await keyPairJwk(alg, bits);
  } else {
    jwk = await keyPairJwk(alg === 'EdDSA' ? 'Ed25519' : alg);
  }
  const kid = await jwkThumbprint(jwk);
  // kty first, as people expect to read a JWK.
  const privateJwk: JWK = { kty: jwk.kty, ...jwk, alg, use: 'sig', kid };
  const publicJwk = info.family === 'hmac' ? privateJwk : publicJwkOf(privateJwk);
  return { alg, kid, privateJwk, publicJwk, bits };
}

/**
 * The DESIGN.md contract: a signing key and a verification key as strings that `sign` and
 * `verify` accept as they are. HMAC gives the same `oct` JWK twice, whatever the format.
 */
export async function generateKey(
  alg: string,
  format: 'jwk' | 'pem' = 'jwk',
  options: { modulusLength?: RsaModulusLength } = {},
): Promise<{ signingKey: string; verificationKey: string }> {
  const key = await createKey(alg, options);
  if (format === 'jwk' || key.privateJwk.kty === 'oct') {
    return {
      signingKey: JSON.stringify(key.privateJwk, null, 2),
      verificationKey: JSON.stringify(key.publicJwk, null, 2),
    };
  }
  const { privatePem, publicPem } = await jwkToPem(key.privateJwk);
  return { signingKey: privatePem!, verificationKey: publicPem };
}
