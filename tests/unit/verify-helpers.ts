/**
 * Test helpers: tokens signed with node:crypto, an implementation independent of jose and of
 * the code under test, and keys exported in every format node:crypto knows.
 */
import { constants, createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

export const b64url = (data: string | Uint8Array) => Buffer.from(data).toString('base64url');

const hashOf = (alg: string) => `sha${alg.slice(-3)}`;

/** Signs header.payload as JWS compact with node:crypto (RFC 7515 §5.1). */
export function signWithNode(
  header: Record<string, unknown>,
  payload: unknown,
  key: KeyObject | Uint8Array,
): string {
  const alg = String(header.alg);
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const input = `${b64url(JSON.stringify(header))}.${b64url(body)}`;
  const data = Buffer.from(input);
  let signature: Buffer;
  if (alg.startsWith('HS'))
    signature = createHmac(hashOf(alg), key as Uint8Array)
      .update(data)
      .digest();
  else if (alg.startsWith('RS')) signature = sign(hashOf(alg), data, key as KeyObject);
  else if (alg.startsWith('PS'))
    signature = sign(hashOf(alg), data, {
      key: key as KeyObject,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: Number(alg.slice(-3)) / 8,
    });
  else if (alg === 'ES256K')
    signature = sign('sha256', data, { key: key as KeyObject, dsaEncoding: 'ieee-p1363' });
  else if (alg.startsWith('ES'))
    signature = sign(hashOf(alg), data, { key: key as KeyObject, dsaEncoding: 'ieee-p1363' });
  else signature = sign(null, data, key as KeyObject); // EdDSA, Ed25519: no prehash (RFC 8037 §3.1)
  return `${input}.${b64url(signature)}`;
}

export type KeyKind = 'rsa' | 'P-256' | 'P-384' | 'P-521' | 'secp256k1' | 'ed25519' | 'ed448';

export function keyPair(kind: KeyKind) {
  if (kind === 'rsa') return generateKeyPairSync('rsa', { modulusLength: 2048 });
  if (kind === 'ed25519') return generateKeyPairSync('ed25519');
  if (kind === 'ed448') return generateKeyPairSync('ed448');
  return generateKeyPairSync('ec', { namedCurve: kind === 'secp256k1' ? 'secp256k1' : kind });
}

/** The key texts a person could paste for this pair: every format node:crypto writes. */
export function keyTexts(
  kind: KeyKind,
  pair: { publicKey: KeyObject; privateKey: KeyObject },
): Record<string, string> {
  const texts: Record<string, string> = {
    'SPKI PEM': pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    'PKCS#8 PEM': pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    'public JWK': JSON.stringify(pair.publicKey.export({ format: 'jwk' })),
    'private JWK': JSON.stringify(pair.privateKey.export({ format: 'jwk' })),
    JWKS: JSON.stringify({ keys: [{ ...pair.publicKey.export({ format: 'jwk' }), kid: 'k1' }] }),
  };
  if (kind === 'rsa') {
    texts['PKCS#1 public PEM'] = pair.publicKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    texts['PKCS#1 private PEM'] = pair.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  }
  if (kind.startsWith('P-') || kind === 'secp256k1')
    texts['SEC1 PEM'] = pair.privateKey.export({ type: 'sec1', format: 'pem' }).toString();
  return texts;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);
