/**
 * `encrypt(plaintext, key, { alg, enc })`: a compact JWE (RFC 7516 §7.1) with any key management
 * and content encryption algorithm jose supports. When the plaintext is itself a signed token,
 * `cty: "JWT"` marks the result as a nested JWT (RFC 7519 §5.2). Failures reject with an
 * `EncryptionError` a person can act on.
 */
import { CompactEncrypt, base64url, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { describeJwk, publicJwkOf, readKey } from '../keys/export';
import { randomBytes } from '../keys/generate';

export const keyManagementAlgorithms = [
  'RSA-OAEP',
  'RSA-OAEP-256',
  'RSA-OAEP-384',
  'RSA-OAEP-512',
  'ECDH-ES',
  'ECDH-ES+A128KW',
  'ECDH-ES+A192KW',
  'ECDH-ES+A256KW',
  'A128KW',
  'A192KW',
  'A256KW',
  'A128GCMKW',
  'A192GCMKW',
  'A256GCMKW',
  'dir',
  'PBES2-HS256+A128KW',
  'PBES2-HS384+A192KW',
  'PBES2-HS512+A256KW',
] as const;

export const contentEncryptionAlgorithms = [
  'A128GCM',
  'A192GCM',
  'A256GCM',
  'A128CBC-HS256',
  'A192CBC-HS384',
  'A256CBC-HS512',
] as const;

export type KeyManagementAlgorithm = (typeof keyManagementAlgorithms)[number];
export type ContentEncryptionAlgorithm = (typeof contentEncryptionAlgorithms)[number];

export class EncryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EncryptionError';
  }
}

/** RFC 7518 §5: the content encryption key size of each `enc`, in bytes. */
const cekBytes: Record<ContentEncryptionAlgorithm, number> = {
  A128GCM: 16,
  A192GCM: 24,
  A256GCM: 32,
  'A128CBC-HS256': 32,
  'A192CBC-HS384': 48,
  'A256CBC-HS512': 64,
};

/** The key-wrapping key size of the AES key wrap algorithms (RFC 7518 §4.4, §4.7), in bytes. */
function wrapKeyBytes(alg: string): number | undefined {
  const match = /^A(128|192|256)(GCM)?KW$/.exec(alg);
  return match ? Number(match[1]) / 8 : undefined;
}

/** How many bytes the symmetric key of `alg` (with `enc`) must have, or undefined if not symmetric. */
export function symmetricKeyBytes(alg: string, enc: string): number | undefined {
  if (alg === 'dir') return cekBytes[enc as ContentEncryptionAlgorithm];
  return wrapKeyBytes(alg);
}

export interface EncryptOptions {
  alg: string;
  enc: string;
  /** Sets `kid` in the protected header. */
  kid?: string;
  /** Overrides the content type; by default `JWT` when the plaintext is a compact JWS. */
  cty?: string;
}

const looksLikeCompactJws = (text: string) => /^[\w-]+\.[\w-]*\.[\w-]*$/.test(text.trim());

async function secretFor(alg: string, enc: string, key: string): Promise<Uint8Array> {
  const trimmed = key.trim();
  let bytes: Uint8Array;
  if (trimmed.startsWith('{')) {
    const reading = await readKey(trimmed);
    if (!reading.ok) throw new EncryptionError(reading.reason);
    if (reading.jwk.kty !== 'oct' || typeof reading.jwk.k !== 'string')
      throw new EncryptionError(
        `${alg} needs a symmetric key (an "oct" JWK); this one is ${describeJwk(reading.jwk)}.`,
      );
    bytes = base64url.decode(reading.jwk.k);
  } else {
    bytes = new TextEncoder().encode(key);
  }
  if (alg.startsWith('PBES2')) {
    if (bytes.length === 0) throw new EncryptionError('PBES2 needs a password.');
    return bytes;
  }
  const needed = symmetricKeyBytes(alg, enc)!;
  if (bytes.length !== needed)
    throw new EncryptionError(
      `${alg === 'dir' ? `"dir" with ${enc}` : alg} needs a key of exactly ${needed * 8} bits (${needed} bytes); this one has ${bytes.length} bytes. Generate one.`,
    );
  return bytes;
}

async function publicKeyFor(alg: string, key: string): Promise<CryptoKey> {
  const reading = await readKey(key);
  if (!reading.ok)
    throw new EncryptionError(
      reading.reason.startsWith('This is not a JWK')
        ? `${alg} needs a public key as a JWK or a PEM.`
        : reading.reason,
    );
  const jwk = reading.jwk;
  const wantsRsa = alg.startsWith('RSA-OAEP');
  const fits = wantsRsa
    ? jwk.kty === 'RSA'
    : (jwk.kty === 'EC' && ['P-256', 'P-384', 'P-521'].includes(jwk.crv ?? '')) ||
      (jwk.kty === 'OKP' && jwk.crv === 'X25519');
  if (!fits)
    throw new EncryptionError(
      `${alg} needs ${wantsRsa ? 'an RSA key' : 'an EC P-256/384/521 or X25519 key'}; this one is ${describeJwk(jwk)}.`,
    );
  // The recipient's public half is all encryption needs, whichever half was pasted.
  const { alg: _alg, use: _use, kid: _kid, ...material } = publicJwkOf(jwk);
  return (await importJWK(material as JWK, alg)) as CryptoKey;
}

export async function encrypt(plaintext: string, key: string, options: EncryptOptions): Promise<string> {
  const { alg, enc } = options;
  if (!(keyManagementAlgorithms as readonly string[]).includes(alg))
    throw new EncryptionError(
      `"${alg}" is not a key management algorithm; use one of ${keyManagementAlgorithms.join(', ')}.`,
    );
  if (!(contentEncryptionAlgorithms as readonly string[]).includes(enc))
    throw new EncryptionError(
      `"${enc}" is not a content encryption algorithm; use one of ${contentEncryptionAlgorithms.join(', ')}.`,
    );
  const symmetric = alg === 'dir' || alg.startsWith('PBES2') || wrapKeyBytes(alg) !== undefined;
  const encryptionKey = symmetric ? await secretFor(alg, enc, key) : await publicKeyFor(alg, key);
  const cty = options.cty ?? (looksLikeCompactJws(plaintext) ? 'JWT' : undefined);
  const header = { alg, enc, ...(options.kid ? { kid: options.kid } : {}), ...(cty ? { cty } : {}) };
  try {
    return await new CompactEncrypt(new TextEncoder().encode(plaintext))
      .setProtectedHeader(header)
      .encrypt(encryptionKey);
  } catch (error) {
    const message = (error as Error).message;
    if (
      /192/.test(alg + enc) &&
      /not supported|Unrecognized|NotSupported/i.test(message + (error as Error).name)
    )
      throw new EncryptionError(
        "This browser's WebCrypto has no 192-bit AES; choose a 128- or 256-bit algorithm.",
      );
    throw new EncryptionError(`The token could not be encrypted with ${alg} / ${enc}: ${message}.`);
  }
}

/**
 * A fresh key for `alg`/`enc`: for RSA-OAEP and ECDH-ES a key pair (encrypt with the public JWK,
 * decrypt with the private one), for the symmetric algorithms one `oct` JWK (or a password for
 * PBES2) that does both.
 */
export async function generateEncryptionKey(
  alg: string,
  enc: string,
): Promise<{ encryptionKey: string; decryptionKey: string }> {
  if (alg.startsWith('RSA-OAEP') || alg.startsWith('ECDH-ES')) {
    const { privateKey } = await generateKeyPair(alg, { extractable: true });
    const jwk = await exportJWK(privateKey);
    delete jwk.ext;
    delete jwk.key_ops;
    const privateJwk = { ...jwk, alg, use: 'enc' };
    return {
      encryptionKey: JSON.stringify(publicJwkOf(privateJwk), null, 2),
      decryptionKey: JSON.stringify(privateJwk, null, 2),
    };
  }
  if (alg.startsWith('PBES2')) {
    const password = base64url.encode(randomBytes(18));
    return { encryptionKey: password, decryptionKey: password };
  }
  const bytes = symmetricKeyBytes(alg, enc);
  if (!bytes) throw new EncryptionError(`"${alg}" is not a key management algorithm.`);
  const jwk = JSON.stringify(
    { kty: 'oct', k: base64url.encode(randomBytes(bytes)), alg, use: 'enc' },
    null,
    2,
  );
  return { encryptionKey: jwk, decryptionKey: jwk };
}
