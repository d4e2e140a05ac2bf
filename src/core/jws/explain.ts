/**
 * "Why did it fail?": after a bad signature, the cheap explanations are tried and the ones
 * that hold are said in the person's terms. Each costs at most one more verification or one
 * RSA public operation, so it runs on every keystroke too.
 */
import { exportJWK } from 'jose';
import { decodeBase64url } from '../token/base64url';
import { bitLength } from '../keys/bit-length';
import type { KeyDetection } from '../keys/detect';
import { surroundingWhiteSpace, type ImportedKey, type SecretEncoding } from '../keys/import';

export interface FailureContext {
  alg: string;
  kid?: string;
  signingInput: Uint8Array;
  signature: Uint8Array;
  detection: KeyDetection;
  secretEncoding: SecretEncoding;
  candidates: ImportedKey[];
  /** The key field's text, exactly as pasted. */
  keyText: string;
  /** Verifies the same token with the key text (or the text given) read another way. */
  verifiesWithEncoding: (encoding: SecretEncoding, keyText?: string) => Promise<boolean>;
}

// RFC 7518 §3.2–3.5, RFC 8037 §3.1, RFC 8812 §3.1: the signature octets each alg produces.
const fixedLengths: Record<string, number> = {
  HS256: 32,
  HS384: 48,
  HS512: 64,
  ES256: 64,
  ES384: 96,
  ES512: 132,
  ES256K: 64,
  Ed25519: 64,
};

const encodingWords: Record<SecretEncoding, string> = {
  utf8: 'text (UTF-8)',
  base64: 'base64',
  base64url: 'base64url',
};

const hashOf: Record<string, string> = { '256': 'SHA-256', '384': 'SHA-384', '512': 'SHA-512' };

// RFC 8017 §9.2 note 1: the DER prefix of DigestInfo for each hash.
const digestInfoPrefix: Record<string, string> = {
  'SHA-256': '3031300d060960864801650304020105000420',
  'SHA-384': '3041300d060960864801650304020205000430',
  'SHA-512': '3051300d060960864801650304020305000440',
};

const hex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
const toBigInt = (bytes: Uint8Array) => (bytes.length ? BigInt(`0x${hex(bytes)}`) : 0n);

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

/**
 * Opens an RSA signature with the public key (s^e mod n, RFC 8017 §5.2.2) and reads what
 * was signed. A well-formed encoding over another hash means this key signed a different
 * header or payload; garbage means another key (or a damaged signature).
 */
async function explainRsa(context: FailureContext, key: CryptoKey): Promise<string | undefined> {
  const jwk = await exportJWK(key);
  const n = decodeBase64url(jwk.n ?? '');
  const e = decodeBase64url(jwk.e ?? '');
  if (!n.ok || !e.ok) return undefined;
  const modulusBytes = n.bytes.length - (n.bytes[0] === 0 ? 1 : 0);
  if (context.signature.length !== modulusBytes)
    return `The signature is ${context.signature.length} bytes, but this ${bitLength(n.bytes)}-bit RSA key makes ${modulusBytes}-byte signatures: the signature was cut or comes from another key.`;
  const s = toBigInt(context.signature);
  const modulus = toBigInt(n.bytes);
  if (s >= modulus) return "The signature is larger than the key's modulus: it was not made by this key.";
  const encoded = modPow(s, toBigInt(e.bytes), modulus)
    .toString(16)
    .padStart(modulusBytes * 2, '0');
  const hash = hashOf[context.alg.slice(2)]!;
  const changed =
    'This key did make the signature, but over a different header or payload: the token was modified after signing.';
  const notThisKey =
    'The signature was not made by this key (or it was damaged): it does not open under this public key.';
  if (context.alg.startsWith('RS')) {
    // EMSA-PKCS1-v1_5 (RFC 8017 §9.2): 00 01 FF…FF 00 DigestInfo.
    const match = /^0001(ff)+00(.*)$/.exec(encoded);
    if (!match || !match[2]!.startsWith(digestInfoPrefix[hash]!)) return notThisKey;
    return changed;
  }
  // EMSA-PSS (RFC 8017 §9.1): the encoded message ends in 0xbc.
  return encoded.endsWith('bc') ? changed : notThisKey;
}

/** The explanations that hold for this failure, most specific first. */
export async function explainBadSignature(context: FailureContext): Promise<string[]> {
  const reasons: string[] = [];
  const { alg, signature, detection } = context;
  if (signature.length === 0) return ['The token has no signature: its third part is empty.'];

  const expected = fixedLengths[alg];
  if (expected !== undefined && signature.length !== expected) {
    const der = alg.startsWith('ES') && signature[0] === 0x30;
    reasons.push(
      der
        ? `The signature is ${signature.length} bytes of DER (ASN.1); JWS wants the raw ${expected}-byte R || S form (RFC 7518 §3.4). The signer used the wrong encoding.`
        : `The signature is ${signature.length} bytes, but ${alg} signatures are ${expected} bytes: it was cut or made with another algorithm.`,
    );
  }

  if (detection.format === 'secret') {
    // A text secret is used byte for byte, white space included; a pasted secret often picks up
    // a newline or a space the signer never had.
    const spaces = context.secretEncoding === 'utf8' ? surroundingWhiteSpace(context.keyText) : undefined;
    if (spaces && (await context.verifiesWithEncoding('utf8', context.keyText.trim()))) {
      reasons.unshift(
        `Without ${spaces} it verifies: the key field has white space the signer did not use. Remove it (a text secret is used byte for byte).`,
      );
      return reasons;
    }
    for (const encoding of ['utf8', 'base64', 'base64url'] as const) {
      if (encoding === context.secretEncoding) continue;
      if (await context.verifiesWithEncoding(encoding)) {
        reasons.unshift(
          `The secret was read as ${encodingWords[context.secretEncoding]}, but read as ${encodingWords[encoding]} it verifies: choose "${encodingWords[encoding]}".`,
        );
        return reasons;
      }
    }
  }

  if (detection.format === 'jwk' && context.kid !== undefined) {
    const keyKid = detection.jwk?.kid;
    if (typeof keyKid === 'string' && keyKid !== context.kid)
      reasons.push(
        `The token's kid is "${context.kid}" but the key's kid is "${keyKid}": this is probably not the signer's key.`,
      );
  }

  const first = context.candidates[0]?.usable;
  if (
    (alg.startsWith('RS') || alg.startsWith('PS')) &&
    first?.library === 'jose' &&
    !(first.key instanceof Uint8Array)
  ) {
    const rsa = await explainRsa(context, first.key).catch(() => undefined);
    if (rsa) reasons.push(rsa);
  } else if (alg.startsWith('HS')) {
    reasons.push(
      "With a shared secret, a wrong secret and a token changed after signing look the same: check that this is the issuer's secret, and that nobody edited the header or payload.",
    );
  } else {
    reasons.push(
      "Either the token was changed after it was signed, or this public key is not the signer's: an ECDSA or EdDSA signature cannot tell which.",
    );
  }
  return reasons;
}
