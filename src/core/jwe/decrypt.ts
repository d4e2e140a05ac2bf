/**
 * decrypt(token, key, options): opens a JWE (compact or JSON, RFC 7516) with whatever key
 * text was pasted, inflates `zip: DEF` under a size cap so a compression bomb cannot hang the
 * tab, and, when the plaintext is itself a JWT (RFC 7519 §5.2 `cty: JWT`), inspects it and
 * verifies it in place. Never throws.
 */
import { compactDecrypt, errors, flattenedDecrypt, type FlattenedJWE } from 'jose';
import { inspect } from '../token/inspect';
import type { Inspection } from '../token/types';
import { detectKeyFormat, type KeyDetection } from '../keys/detect';
import {
  importKey,
  secretBytes,
  surroundingWhiteSpace,
  type KeyProvenance,
  type SecretEncoding,
} from '../keys/import';
import { aes192Unsupported, needsAes192, runtimeHasAes192 } from './aes192';
import {
  optionsProblem,
  verify,
  type Verification,
  type VerificationStatus,
  type VerifyOptions,
} from '../jws/verify';
import { checkClaims, claimStatus, type ClaimCheck } from '../jws/claims';

export type DecryptionStatus = 'decrypted' | Exclude<VerificationStatus, 'valid'>;

export interface DecryptOptions extends VerifyOptions {
  /** The largest inflated `zip: DEF` plaintext accepted, in bytes (jose's default: 250,000). */
  maxDecompressedLength?: number;
  /** The key that verifies a nested (signed, then encrypted) token's inner JWS. */
  innerKey?: string;
  innerKeyOrigin?: KeyProvenance;
  /** How to read the inner key when it is a secret. */
  innerSecretEncoding?: SecretEncoding;
}

export interface Decryption {
  status: DecryptionStatus;
  reason: string;
  alg?: string;
  enc?: string;
  kid?: string;
  header?: Record<string, unknown>;
  /** The plaintext as text (UTF-8, with replacement characters for bytes that are not). */
  plaintext?: string;
  plaintextBytes?: number;
  /**
   * For an encrypted claims set (a JWT encrypted directly, RFC 7519 §5.2 / jose's jwtDecrypt):
   * every check of the profile, passed or failed, as the Verifier makes them for a signed one.
   */
  claims?: ClaimCheck[];
  /** For a nested JWT: the inner token, its inspection and (given `innerKey`) its verdict. */
  nested?: { token: string; inspection: Inspection; verification?: Verification };
  /**
   * Why a nested JWT's verdict is not the whole story, where the status alone would mislead:
   * `inner-token-unverified` is "decrypted" with no inner key (nothing vouches for the inner
   * token yet), `inner-token-failed` a failure status that is the inner token's, not the JWE's.
   */
  cause?: 'inner-token-unverified' | 'inner-token-failed';
  key?: { detected: string; used?: string; selection?: string; origin: KeyProvenance };
}

const defaultMaxDecompressed = 250_000;

/** jose's JWE error codes mapped to our statuses, in one place. */
const joseStatus: Record<string, DecryptionStatus> = {
  ERR_JWE_DECRYPTION_FAILED: 'key-mismatch',
  ERR_JWE_INVALID: 'malformed',
  ERR_JOSE_NOT_SUPPORTED: 'unsupported',
  ERR_JOSE_ALG_NOT_ALLOWED: 'key-mismatch',
  ERR_JWK_INVALID: 'key-mismatch',
};

function describeError(error: unknown, cap: number): { status: DecryptionStatus; reason: string } {
  if (error instanceof errors.JOSEError) {
    if (/exceeded the configured limit/.test(error.message))
      return {
        status: 'unsupported',
        reason: `The compressed plaintext inflates past ${cap.toLocaleString('en')} bytes, so it was not inflated (a compression bomb would freeze the tab).`,
      };
    if (error.code === 'ERR_JWE_DECRYPTION_FAILED')
      return {
        status: 'key-mismatch',
        reason:
          'Decryption failed: this is not the key the token was encrypted for, or the token was changed after encryption (the authentication tag does not match).',
      };
    const status = joseStatus[error.code] ?? 'malformed';
    return {
      status,
      reason:
        status === 'unsupported'
          ? `Not supported: ${error.message}.`
          : `The token is not a valid JWE: ${error.message}.`,
    };
  }
  const message = (error instanceof Error ? error.message : String(error)).trim().replace(/\.$/, '');
  if (/Invalid key size|length/i.test(message))
    return { status: 'key-mismatch', reason: `The key has the wrong length for this algorithm: ${message}.` };
  // Chromium's WebCrypto errors often carry no message: never show an empty reason.
  if (message === '')
    return {
      status: 'key-mismatch',
      reason:
        'The key cannot decrypt this token: WebCrypto refused it for this algorithm without saying why.',
    };
  return { status: 'key-mismatch', reason: `The key cannot decrypt this token: ${message}.` };
}

// RFC 7518 §5.2.3–5.2.5 and §5.3: the content encryption key length of each "enc", which
// "dir" (§4.5) takes as the shared key itself.
const contentKeyBits: Record<string, number> = {
  A128GCM: 128,
  A192GCM: 192,
  A256GCM: 256,
  'A128CBC-HS256': 256,
  'A192CBC-HS384': 384,
  'A256CBC-HS512': 512,
};

const encodingWords: Record<SecretEncoding, string> = {
  utf8: 'text (UTF-8)',
  base64: 'base64',
  base64url: 'base64url',
};

/**
 * A shared key of the wrong length, said before jose calls it a broken token ("Invalid
 * Content Encryption Key length"): the token is fine, the key is not. When another reading
 * of the same text has the right length, or the text looks encoded, the reason says so.
 */
function keyLengthProblem(
  alg: string,
  enc: string,
  key: Uint8Array,
  keyText: string,
  detection: KeyDetection,
  encoding: SecretEncoding,
): string | undefined {
  // RFC 7518 §4.4 and §4.7: AES key wrap keys are as long as their name says.
  const wrapBits = /^A(128|192|256)(?:GCM)?KW$/.exec(alg)?.[1];
  const expected = alg === 'dir' ? contentKeyBits[enc] : wrapBits ? Number(wrapBits) : undefined;
  if (expected === undefined || key.length * 8 === expected) return undefined;
  const purpose = alg === 'dir' ? `"dir" with ${enc}` : alg;
  let reason = `The key is ${key.length * 8} bits, but ${purpose} needs exactly ${expected} bits: this is not the right key, or it is read the wrong way.`;
  if (detection.format !== 'secret') return reason;
  // A text secret counts its white space too (import.ts): a pasted newline makes it one byte long.
  const spaces = encoding === 'utf8' ? surroundingWhiteSpace(keyText) : undefined;
  if (spaces && new TextEncoder().encode(keyText.trim()).length * 8 === expected)
    return `${reason} Without ${spaces} it is ${expected} bits: the key field has white space the key does not have. Remove it.`;
  for (const other of ['base64url', 'base64', 'utf8'] as const) {
    if (other === encoding) continue;
    let bytes: Uint8Array;
    try {
      bytes = secretBytes(keyText, other);
    } catch {
      continue;
    }
    if (bytes.length * 8 === expected)
      return `${reason} Read as ${encodingWords[other]}, the secret is ${expected} bits: choose "${encodingWords[other]}".`;
  }
  const looks = detection.secretLooksLike;
  if (encoding === 'utf8' && looks && looks !== 'text')
    reason += ` The secret looks ${looks}-encoded: if it is random bytes encoded, choose "${looks}".`;
  return reason;
}

/** The JWE as flattened objects, one per recipient (RFC 7516 §7.2). */
function recipientsOf(token: string): FlattenedJWE[] {
  const json = JSON.parse(token) as Record<string, unknown> & { recipients?: Record<string, unknown>[] };
  const shared = { ...json } as Record<string, unknown>;
  delete shared.recipients;
  const recipients = Array.isArray(json.recipients) ? json.recipients : [{}];
  return recipients.map((recipient) => ({ ...shared, ...recipient }) as unknown as FlattenedJWE);
}

/** A compact JWS (three base64url parts) in the plaintext makes it a nested token. */
const looksLikeCompactJws = (text: string) =>
  /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/.test(text.trim());

/** Decrypts a JWE with whatever key text was pasted. Never throws. */
export async function decrypt(token: string, key: string, options: DecryptOptions = {}): Promise<Decryption> {
  try {
    return await decryptUnsafe(token, key, options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      status: 'malformed',
      reason: `The token could not be decrypted: ${message.trim().replace(/\.$/, '') || 'the decryption stopped without a reason'}.`,
    };
  }
}

async function decryptUnsafe(token: string, keyText: string, options: DecryptOptions): Promise<Decryption> {
  const origin = options.keyOrigin ?? 'pasted';
  // As verify() does: a profile no claim check could be trusted under is refused up front.
  const problem = optionsProblem(options);
  if (problem) return { status: 'unsupported', reason: problem };
  const inspection = inspect(token, { now: options.now });
  if (!inspection.ok)
    return { status: 'malformed', reason: inspection.error.message, header: inspection.header };
  if (!inspection.format.startsWith('jwe'))
    return {
      status: 'unsupported',
      reason: 'This is a signed token (JWS), not an encrypted one: it is verified, not decrypted.',
      header: inspection.header,
    };
  const header = inspection.header;
  const alg = typeof header.alg === 'string' ? header.alg : undefined;
  const enc = typeof header.enc === 'string' ? header.enc : undefined;
  const kid = typeof header.kid === 'string' ? header.kid : undefined;
  const detection = detectKeyFormat(keyText);
  const keyInfo: Decryption['key'] = { detected: detection.description, origin };
  const base = { alg, enc, kid, header, key: keyInfo };
  if (!alg || !enc)
    return {
      ...base,
      status: 'malformed',
      reason: 'A JWE header needs both "alg" and "enc" (RFC 7516 §4.1).',
    };
  if (alg === 'RSA1_5')
    return {
      ...base,
      status: 'unsupported',
      reason:
        'RSA1_5 key encryption is not supported: it is open to padding-oracle attacks (RFC 8725 §3.2), and jose no longer implements it.',
    };

  const imported = await importKey(keyText, {
    alg,
    use: 'decrypt',
    kid,
    secretEncoding: options.secretEncoding,
  });
  if (!imported.ok) return { ...base, status: imported.status, reason: imported.reason };
  keyInfo.selection = imported.selection;
  const only = imported.candidates.length === 1 ? imported.candidates[0]!.usable : undefined;
  if (only?.library === 'jose' && only.key instanceof Uint8Array) {
    const problem = keyLengthProblem(
      alg,
      enc,
      only.key,
      keyText,
      detection,
      options.secretEncoding ?? 'utf8',
    );
    if (problem) return { ...base, status: 'key-mismatch', reason: problem };
  }
  const cap = options.maxDecompressedLength ?? defaultMaxDecompressed;
  // jose refuses PBES2 unless it is named (a password-derived key is costly to derive, and
  // p2c is attacker-chosen: jose caps it at 10,000 iterations). The token's own alg is named
  // here only after the key was imported for it.
  const decryptOptions = {
    maxDecompressedLength: cap,
    keyManagementAlgorithms: [alg],
    contentEncryptionAlgorithms: [enc],
  };
  // Asked only for a token that needs 192-bit AES: a runtime without it fails every key.
  const aes192 = { alg, enc, runtimeHasAes192: !needsAes192(alg, enc) || (await runtimeHasAes192()) };
  const describe = (error: unknown): { status: DecryptionStatus; reason: string } => {
    const described = describeError(error, cap);
    const missing = described.status === 'key-mismatch' ? aes192Unsupported(error, aes192) : undefined;
    return missing ? { status: 'unsupported', reason: missing } : described;
  };
  let failure: { status: DecryptionStatus; reason: string } | undefined;
  for (const candidate of imported.candidates) {
    if (candidate.usable.library !== 'jose') continue;
    const material = candidate.usable.key;
    try {
      let plaintextBytes: Uint8Array | undefined;
      if (inspection.format === 'jwe-compact') {
        plaintextBytes = (await compactDecrypt(inspection.token, material, decryptOptions)).plaintext;
      } else {
        for (const recipient of recipientsOf(inspection.token)) {
          try {
            plaintextBytes = (await flattenedDecrypt(recipient, material, decryptOptions)).plaintext;
            break;
          } catch (error) {
            failure = describe(error);
          }
        }
        if (!plaintextBytes) continue;
      }
      keyInfo.used = candidate.description;
      const plaintext = new TextDecoder().decode(plaintextBytes);
      const result: Decryption = {
        ...base,
        status: 'decrypted',
        reason: `Decrypted with ${candidate.description} (${alg}, ${enc}).`,
        plaintext,
        plaintextBytes: plaintextBytes.length,
      };
      const cty = typeof header.cty === 'string' ? header.cty.toUpperCase() : '';
      if (cty === 'JWT' || looksLikeCompactJws(plaintext))
        return await checkNestedToken(result, plaintext.trim(), options);
      return checkDecryptedClaims(result, plaintext, options);
    } catch (error) {
      failure = describe(error);
    }
  }
  return { ...base, ...(failure ?? { status: 'key-mismatch', reason: 'No key could decrypt this token.' }) };
}

/**
 * A nested JWT (RFC 7519 §5.2: signed, then encrypted) is only as good as its inner token:
 * decrypting proves nothing about who wrote it (anyone may encrypt to a public key), so the inner
 * signature and the profile's claims (its nonce, issuer, audience, times) decide the verdict.
 * Without the signer's key nothing vouches for it: "decrypted", and the reason says what is
 * unchecked. With it, the inner verdict is the verdict: a nonce that fails inside fails the whole.
 */
async function checkNestedToken(
  result: Decryption,
  innerToken: string,
  options: DecryptOptions,
): Promise<Decryption> {
  const nested: NonNullable<Decryption['nested']> = {
    token: innerToken,
    inspection: inspect(innerToken, { now: options.now }),
  };
  const decrypted = `${result.reason} The plaintext is a signed token itself (nested JWT)`;
  if (options.innerKey === undefined || options.innerKey.trim() === '')
    return {
      ...result,
      nested,
      cause: 'inner-token-unverified',
      reason: `${decrypted}, and it is not verified: its signature and its claims (${uncheckedClaims(options)}) are unchecked until you give its signer's key.`,
    };
  const verification = await verify(innerToken, options.innerKey, {
    ...options,
    secretEncoding: options.innerSecretEncoding ?? 'utf8',
    keyOrigin: options.innerKeyOrigin ?? 'pasted',
  });
  nested.verification = verification;
  if (verification.status === 'valid')
    return {
      ...result,
      nested,
      reason: `${decrypted}; its signer's key verifies it. ${verification.reason}`,
    };
  return {
    ...result,
    nested,
    status: verification.status,
    cause: 'inner-token-failed',
    reason: `Decrypted, but the inner token (nested JWT) does not pass. ${verification.reason}`,
  };
}

/** What the profile would check of a nested token: "exp and nbf, the expected nonce". */
function uncheckedClaims(options: DecryptOptions): string {
  const expectations: [string, string | string[] | undefined][] = [
    ['nonce', options.nonce],
    ['issuer', options.issuer],
    ['audience', options.audience],
    ['required claims', options.requiredClaims],
  ];
  const expected = expectations.flatMap(([name, value]) =>
    (Array.isArray(value) ? value.length : value) ? [`the expected ${name}`] : [],
  );
  return ['exp and nbf', ...expected].join(', ');
}

/**
 * A plaintext that is a JSON object is a claims set: the profile applies to it as to a signed
 * token's (exp, nbf, iss, aud, nonce, required claims), or a green "Decrypted" would vouch for an
 * expired token from the wrong issuer. Any other plaintext cannot hold the issuer, audience,
 * nonce or required claims the profile expects: the same claim mismatch verify() gives a signed
 * one. The plaintext stays in the result either way.
 */
function checkDecryptedClaims(result: Decryption, plaintext: string, options: DecryptOptions): Decryption {
  let payload: unknown;
  try {
    payload = JSON.parse(plaintext);
  } catch {
    payload = plaintext;
  }
  const claims = checkClaims(payload, options);
  const isClaimsSet = typeof payload === 'object' && payload !== null && !Array.isArray(payload);
  // Text with nothing expected of it: nothing to check, and nothing to say.
  if (!isClaimsSet && !claims.length) return result;
  const failed = claims.find((check) => check.outcome !== 'ok');
  if (!failed) return { ...result, claims, reason: `${result.reason} The claims hold under your profile.` };
  return {
    ...result,
    claims,
    status: claimStatus[failed.outcome as keyof typeof claimStatus],
    reason: `Decrypted, but ${failed.message.replace(/\.$/, '')}.`,
  };
}
