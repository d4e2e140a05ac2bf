/**
 * `sign(header, payload, key)`: a compact JWS (RFC 7515 §7.1) from a header object, a payload
 * (object or text) and a key as a person pastes it: whatever `verify` accepts (a JWK, a JWKS,
 * a PEM, or an HMAC secret), read by the same importer.
 * WebCrypto (through jose) signs what it can; ES256K and Ed448 go through `@noble/curves`,
 * imported only when such a token is signed. Failures reject with a `SigningError` whose
 * message a person can act on, never a jose error code.
 */
import { CompactSign, FlattenedSign, base64url } from 'jose';
import { importSigningKey, type SecretEncoding } from '../keys/import';
import { signingAlgorithm, signingAlgorithms } from '../keys/generate';
import { nobleSign } from '../noble/curves';

export type SigningErrorCode = 'bad-header' | 'unsupported-alg' | 'weak-secret' | 'wrong-key' | 'bad-key';

export class SigningError extends Error {
  readonly code: SigningErrorCode;
  constructor(code: SigningErrorCode, message: string) {
    super(message);
    this.name = 'SigningError';
    this.code = code;
  }
}

export interface SignOptions {
  /** How a plain-text HMAC secret is read; JWK secrets carry their own bytes. */
  secretEncoding?: SecretEncoding;
}

const encoder = /* @__PURE__ */ new TextEncoder();

/**
 * RFC 7518 §3.2: "A key of the same size as the hash output (for instance, 256 bits for
 * "HS256") or larger MUST be used with this algorithm." Returns the reason a secret is refused.
 */
export function hmacSecretProblem(alg: string, secret: Uint8Array): string | undefined {
  const bits = signingAlgorithm(alg)?.hashBits;
  if (!bits || secret.length * 8 >= bits) return undefined;
  const needed = bits / 8;
  return (
    `${alg} needs a secret of at least ${bits} bits (${needed} bytes), the size of its hash output ` +
    `(RFC 7518 §3.2); this one is ${secret.length * 8} bits (${secret.length} bytes). ` +
    `Add ${needed - secret.length} more byte${needed - secret.length === 1 ? '' : 's'} or generate a secret.`
  );
}

const knownAlgs = () => signingAlgorithms.map((entry) => entry.alg).join(', ');

export async function sign(
  header: Record<string, unknown>,
  payload: object | string,
  key: string,
  options: SignOptions = {},
): Promise<string> {
  if (typeof header !== 'object' || header === null || Array.isArray(header))
    throw new SigningError('bad-header', 'The header must be a JSON object.');
  const alg = header.alg;
  if (typeof alg !== 'string' || !alg)
    throw new SigningError(
      'bad-header',
      'The header needs an "alg" naming the signing algorithm (RFC 7515 §4.1.1).',
    );
  if (alg === 'none')
    throw new SigningError(
      'unsupported-alg',
      '"alg": "none" means an unsigned token; use the "alg: none" attack preset to make one on purpose.',
    );
  const info = signingAlgorithm(alg);
  if (!info)
    throw new SigningError(
      'unsupported-alg',
      `"${alg}" is not a signing algorithm; use one of ${knownAlgs()}.`,
    );
  if (header.b64 === false && info.noble)
    throw new SigningError('bad-header', `Unencoded payloads ("b64": false) are not supported with ${alg}.`);

  const payloadText = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const payloadBytes = encoder.encode(payloadText);
  const unencoded = header.b64 === false;
  if (unencoded) {
    // RFC 7797 §6: "b64" must be listed in "crit", or a verifier that does not know RFC 7797
    // ignores it and reads the payload as base64url.
    if (!Array.isArray(header.crit) || !header.crit.includes('b64'))
      throw new SigningError(
        'bad-header',
        '"b64": false needs "crit": ["b64"] beside it (RFC 7797 §6), so that a verifier which does not understand it refuses the token instead of misreading it.',
      );
    // RFC 7797 §5.2: the compact form separates its parts with ".", so an unencoded payload
    // cannot contain one.
    if (payloadText.includes('.'))
      throw new SigningError(
        'bad-header',
        'With "b64": false the payload travels unencoded, and a compact token cannot carry one that contains "." (RFC 7797 §5.2). Remove every "." from the claims (in texts such as e-mail addresses, and in decimal numbers), or drop "b64" and "crit" from the header.',
      );
  }

  // The Verifier's importer reads every key format `verify` accepts and names mismatches.
  const imported = await importSigningKey(key, alg, { secretEncoding: options.secretEncoding });
  if (!imported.ok)
    throw new SigningError(imported.status === 'key-mismatch' ? 'wrong-key' : 'bad-key', imported.reason);
  const { usable } = imported.candidates[0]!;
  if (usable.library === 'noble') {
    if (!usable.secretKey)
      throw new SigningError(
        'wrong-key',
        `This is a public key: it can verify ${alg} tokens but not sign them.`,
      );
    // The signing input (RFC 7515 §5.1): ASCII(BASE64URL(header) || '.' || BASE64URL(payload)).
    const input = `${base64url.encode(JSON.stringify(header))}.${base64url.encode(payloadBytes)}`;
    const signature = await nobleSign(usable.curve, usable.secretKey, encoder.encode(input));
    return `${input}.${base64url.encode(signature)}`;
  }
  const signingKey = usable.key;
  if (ArrayBuffer.isView(signingKey)) {
    if (signingKey.length === 0)
      throw new SigningError('weak-secret', `${alg} needs a secret; none was given.`);
    const problem = hmacSecretProblem(alg, signingKey);
    if (problem) throw new SigningError('weak-secret', problem);
  } else if (signingKey.type !== 'private') {
    throw new SigningError(
      'wrong-key',
      `This is a public key: it can verify ${alg} tokens but not sign them. Paste the private key (PKCS#8 PEM or a JWK with "d").`,
    );
  }

  try {
    if (unencoded) {
      // jose signs unencoded payloads only in its flattened form, and leaves the payload out of
      // the result (it may be detached); the compact form puts it back between the dots.
      const jws = await new FlattenedSign(payloadBytes)
        .setProtectedHeader(header as { alg: string })
        .sign(signingKey);
      return `${jws.protected}.${payloadText}.${jws.signature}`;
    }
    return await new CompactSign(payloadBytes).setProtectedHeader(header as { alg: string }).sign(signingKey);
  } catch (error) {
    const message = (error as Error).message;
    throw new SigningError(
      'bad-key',
      /modulusLength|2048/.test(message)
        ? `${alg} needs an RSA key of at least 2048 bits (RFC 7518 §3.3).`
        : `The token could not be signed with ${alg}: ${message}.`,
    );
  }
}
