/**
 * verify(token, key, options): the signature and the claims under an explicit profile, as
 * one verdict a person can trust. Never throws: jose's error codes are mapped to statuses in
 * one table, and every failure says why in words.
 *
 * A green verdict needs both halves (DESIGN.md, "Verified means verified"); a key the
 * token supplies about itself (jwk, jku, x5u, x5c headers; RFC 8725 §3.10 for jku and x5u) never
 * gives one.
 */
import { errors, flattenedVerify, type FlattenedJWSInput } from 'jose';
import { inspect } from '../token/inspect';
import { decodeBase64url, encodeBase64url } from '../token/base64url';
import { algorithmCaseMatch, signatureAlgorithms } from '../keys/algorithms';
import { signingAlgorithm } from '../keys/generate';
import { detectKeyFormat, type KeyDetection, type KeyFormat } from '../keys/detect';
import {
  importVerificationKey,
  type ImportedKey,
  type KeyProvenance,
  type SecretEncoding,
} from '../keys/import';
import {
  checkClaims,
  claimStatus,
  millisecondClaimWarnings,
  profileProblem,
  type ClaimCheck,
} from './claims';
import { explainBadSignature } from './explain';
import { showJson } from '../token/invisible';

export type VerificationStatus =
  | 'valid'
  | 'invalid-signature'
  | 'expired'
  | 'not-yet-valid'
  | 'claim-mismatch'
  | 'key-mismatch'
  | 'unsupported'
  | 'malformed';

export interface VerifyOptions {
  /** Allowed algorithms; when absent, the token's alg must fit the key's type. */
  algorithms?: string[];
  issuer?: string | string[];
  audience?: string | string[];
  /** Claims that must be present (RFC 7519 leaves this to the application). */
  requiredClaims?: string[];
  /** The nonce the request sent: the token's `nonce` must be exactly it (OpenID Connect Core §3.1.3.7). */
  nonce?: string;
  /** Epoch milliseconds to treat as now ("pretend now is"); a time a Date can hold. */
  now?: number;
  /** Seconds of leeway for exp and nbf, from 0 to `maxClockToleranceSeconds` (a day). */
  clockTolerance?: number;
  /** How to read an HMAC secret's text; UTF-8 by default. */
  secretEncoding?: SecretEncoding;
  /** Where the key came from; `token-header` never yields `valid`. */
  keyOrigin?: KeyProvenance;
  /**
   * The content of a JWS that travels without it (detached content, RFC 7515 appendix F), as
   * text: what the empty payload part stands for.
   */
  detachedPayload?: string;
}

export interface VerificationKeyInfo {
  format: KeyFormat;
  /** What the key field holds: "PEM, SPKI public key (RSA 2048-bit)". */
  detected: string;
  /** The key that was used: "key 2 of 3 in the set (EC P-256, kid "b")". */
  used?: string;
  /** For a key set: how the key was chosen. */
  selection?: string;
  kid?: string;
  origin: KeyProvenance;
}

export interface Verification {
  status: VerificationStatus;
  /** One sentence for a person. */
  reason: string;
  alg?: string;
  kid?: string;
  /** `good` once the signature checked out (even when a claim then failed); `bad` when not. */
  signature?: 'good' | 'bad';
  /** Every claim check that applied, passed or failed. */
  claims: ClaimCheck[];
  /** "Why did it fail": the explanations that hold, most specific first. */
  explanations: string[];
  /** What weakens a verdict that holds: a valid signature made with a guessable secret. */
  warnings?: string[];
  /**
   * Which check refused, where the status alone would mislead: `algorithm-not-allowed` is a
   * `key-mismatch` in the fixed status list, but the key was never tried.
   */
  cause?: 'algorithm-not-allowed';
  key?: VerificationKeyInfo;
  header?: Record<string, unknown>;
  payload?: unknown;
}

/** jose's error codes (src/util/errors.ts) mapped to our statuses, in one place. */
const joseStatus: Record<string, VerificationStatus> = {
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'invalid-signature',
  ERR_JWS_INVALID: 'malformed',
  ERR_JOSE_NOT_SUPPORTED: 'unsupported',
  ERR_JOSE_ALG_NOT_ALLOWED: 'key-mismatch',
  ERR_JWT_EXPIRED: 'expired',
  ERR_JWT_CLAIM_VALIDATION_FAILED: 'claim-mismatch',
  ERR_JWT_INVALID: 'malformed',
  ERR_JWK_INVALID: 'key-mismatch',
  ERR_JWKS_NO_MATCHING_KEY: 'key-mismatch',
};

/** Words for jose errors whose message is not meant for people. */
function joseReason(error: unknown): { status: VerificationStatus; reason: string } {
  if (error instanceof errors.JOSEError) {
    const status = joseStatus[error.code] ?? 'malformed';
    if (error.code === 'ERR_JOSE_NOT_SUPPORTED')
      return { status, reason: `This token uses something this tool cannot verify: ${error.message}.` };
    if (error.code === 'ERR_JWS_INVALID')
      return { status, reason: `The token's structure is not a valid JWS: ${error.message}.` };
    return { status, reason: error.message };
  }
  const message = (error instanceof Error ? error.message : String(error)).trim().replace(/\.$/, '');
  if (/modulusLength/.test(message))
    return { status: 'key-mismatch', reason: 'RSA keys shorter than 2048 bits are refused (RFC 7518 §3.3).' };
  // Chromium's WebCrypto errors often carry no message: never show an empty reason.
  return {
    status: 'key-mismatch',
    reason: `The key cannot verify this token: ${message || 'WebCrypto refused it for this algorithm without saying why'}.`,
  };
}

interface Signed {
  jws: FlattenedJWSInput;
  header: Record<string, unknown>;
}

/** Every signature of a JWS, compact or JSON (RFC 7515 §7), as flattened objects. */
function signaturesOf(token: string, detached?: string): Signed[] | string {
  // Detached content is encoded as it would stand in the token: base64url, unless "b64": false.
  const contentAsPayload = (header: Record<string, unknown>) =>
    detached === undefined
      ? undefined
      : header.b64 === false
        ? detached
        : encodeBase64url(new TextEncoder().encode(detached));
  const parse = (encoded: string | undefined) => {
    if (encoded === undefined || encoded === '') return {};
    const bytes = decodeBase64url(encoded);
    if (!bytes.ok) return {};
    try {
      return JSON.parse(new TextDecoder().decode(bytes.bytes)) as Record<string, unknown>;
    } catch {
      return {};
    }
  };
  if (!token.startsWith('{')) {
    const [protectedHeader = '', payload = '', signature = ''] = token.split('.');
    const header = parse(protectedHeader);
    const content = payload === '' ? (contentAsPayload(header) ?? '') : payload;
    return [{ jws: { protected: protectedHeader, payload: content, signature }, header }];
  }
  const json = JSON.parse(token) as Record<string, unknown>;
  if (typeof json.payload !== 'string' && detached === undefined)
    return 'This JWS travels without its content (detached content, RFC 7515 appendix F): give the content it signs to verify it.';
  const entries = Array.isArray(json.signatures) ? (json.signatures as Record<string, unknown>[]) : [json];
  return entries.map((entry) => {
    const header = {
      ...(entry.header as object),
      ...parse(typeof entry.protected === 'string' ? entry.protected : undefined),
    };
    const jws: FlattenedJWSInput = {
      payload: typeof json.payload === 'string' ? json.payload : contentAsPayload(header)!,
      signature: String(entry.signature ?? ''),
      ...(typeof entry.protected === 'string' ? { protected: entry.protected } : {}),
      ...(typeof entry.header === 'object' && entry.header
        ? { header: entry.header as FlattenedJWSInput['header'] }
        : {}),
    };
    return { jws, header };
  });
}

const embeddedKeyHeaders = ['jwk', 'jku', 'x5u', 'x5c'] as const;

/** Whether the pasted key is the very key (or certificate) the token embeds about itself. */
function isTokensOwnKey(header: Record<string, unknown>, detection: KeyDetection): boolean {
  const embedded = header.jwk as Record<string, unknown> | undefined;
  if (embedded && typeof embedded === 'object' && detection.format === 'jwk' && detection.jwk) {
    const members = ['kty', 'crv', 'x', 'y', 'n', 'e', 'k'] as const;
    if (members.every((name) => embedded[name] === (detection.jwk as Record<string, unknown>)[name]))
      return true;
  }
  const chain = header.x5c;
  if (
    Array.isArray(chain) &&
    typeof chain[0] === 'string' &&
    detection.format === 'certificate' &&
    detection.der
  ) {
    const first = decodeBase64url(chain[0].replace(/\s+/g, ''));
    if (
      first.ok &&
      first.bytes.length === detection.der.length &&
      first.bytes.every((b, i) => b === detection.der![i])
    )
      return true;
  }
  return false;
}

async function checkSignature(
  signed: Signed,
  alg: string,
  candidate: ImportedKey,
): Promise<{ ok: true; payload: Uint8Array } | { ok: false; status: VerificationStatus; reason: string }> {
  const usable = candidate.usable;
  if (usable.library === 'noble') {
    const { nobleVerify } = await import('../noble/curves');
    const encoder = new TextEncoder();
    const signingInput = encoder.encode(`${signed.jws.protected ?? ''}.${signed.jws.payload}`);
    const signature = decodeBase64url(signed.jws.signature);
    if (!signature.ok)
      return {
        ok: false,
        status: 'malformed',
        reason: `The signature is not base64url: ${signature.message}.`,
      };
    const good = await nobleVerify(usable.curve, usable.publicKey, signingInput, signature.bytes);
    if (!good)
      return { ok: false, status: 'invalid-signature', reason: 'The signature does not match this key.' };
    const payload = decodeBase64url(String(signed.jws.payload));
    return { ok: true, payload: payload.ok ? payload.bytes : new Uint8Array() };
  }
  try {
    const result = await flattenedVerify(signed.jws, usable.key, { algorithms: [alg] });
    return { ok: true, payload: result.payload };
  } catch (error) {
    return { ok: false, ...joseReason(error) };
  }
}

function parsePayload(bytes: Uint8Array): unknown {
  const text = new TextDecoder().decode(bytes);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * RFC 7518 §3.2: "A key of the same size as the hash output (for instance, 256 bits for
 * "HS256") or larger MUST be used." A shorter secret still verifies, but it can be guessed,
 * and then anyone can sign: the verdict stays valid and says so beside it.
 */
function shortSecretWarning(alg: string, candidate: ImportedKey): string | undefined {
  const usable = candidate.usable;
  // The same minimum signing enforces (hmacSecretProblem): the hash size of the algorithm.
  const needed = signingAlgorithm(alg)?.hashBits;
  if (!needed || usable.library !== 'jose' || !(usable.key instanceof Uint8Array)) return undefined;
  const bits = usable.key.length * 8;
  if (bits >= needed) return undefined;
  return `The secret is only ${bits} bits; ${alg} needs at least ${needed} (RFC 7518 §3.2). The signature is valid, but a short secret can be guessed, and whoever guesses it can sign tokens that pass here. Use ${needed / 8} or more random bytes.`;
}

/**
 * A lone JWK whose kid is not the token's: the signature checks out here, but a server that
 * picks its key by kid (RFC 7515 §4.1.4) would never reach this key.
 */
function kidWarning(
  kid: string | undefined,
  detection: KeyDetection,
  candidate: ImportedKey,
): string | undefined {
  if (detection.format !== 'jwk' || kid === undefined || candidate.kid === undefined || candidate.kid === kid)
    return undefined;
  return `The token names kid "${kid}"; the key's kid is "${candidate.kid}". A server that picks keys by kid would not use this key.`;
}

/** Why the options cannot be used as given (profileProblem, and the algorithm list), or undefined. */
export function optionsProblem(options: VerifyOptions): string | undefined {
  const algorithms: unknown = options.algorithms;
  if (
    algorithms !== undefined &&
    !(Array.isArray(algorithms) && algorithms.every((alg) => typeof alg === 'string'))
  )
    return `The allowed algorithms are ${showJson(algorithms)}; they must be a list of algorithm names, such as ["RS256"]. Nothing was checked.`;
  return profileProblem(options);
}

/** Verifies a token with whatever key text was pasted, under a profile. Never throws. */
export async function verify(token: string, key: string, options: VerifyOptions = {}): Promise<Verification> {
  try {
    return await verifyUnsafe(token, key, options);
  } catch (error) {
    return {
      status: 'malformed',
      reason: `The token could not be verified: ${(error instanceof Error ? error.message : String(error)).trim().replace(/\.$/, '') || 'the check stopped without a reason'}.`,
      claims: [],
      explanations: [],
    };
  }
}

async function verifyUnsafe(token: string, key: string, options: VerifyOptions): Promise<Verification> {
  const origin = options.keyOrigin ?? 'pasted';
  const secretEncoding = options.secretEncoding ?? 'utf8';
  const base = { claims: [] as ClaimCheck[], explanations: [] as string[] };
  // Checked before anything else: under such a clock, or with an expected nonce that is not
  // text, no claim check could be trusted.
  const problem = optionsProblem(options);
  if (problem) return { ...base, status: 'unsupported', reason: problem };
  const inspection = inspect(token, { now: options.now });
  if (!inspection.ok)
    return { ...base, status: 'malformed', reason: inspection.error.message, header: inspection.header };
  if (inspection.format.startsWith('jwe'))
    return {
      ...base,
      status: 'unsupported',
      reason: 'This is an encrypted token (JWE): it is decrypted, not verified. Give its decryption key.',
      alg: typeof inspection.header.alg === 'string' ? inspection.header.alg : undefined,
      header: inspection.header,
    };

  const all = signaturesOf(inspection.token, options.detachedPayload);
  if (typeof all === 'string')
    return { ...base, status: 'unsupported', reason: all, header: inspection.header };
  const detection = detectKeyFormat(key);
  let last: Verification | undefined;
  // A JWS JSON with several signatures is valid when one of them verifies with this key.
  for (const signed of all) {
    const verdict = await verifySignature(signed, key, detection, options, origin, secretEncoding);
    if (verdict.signature === 'good') return verdict;
    if (!last || (last.status === 'key-mismatch' && verdict.status !== 'key-mismatch')) last = verdict;
  }
  return last!;
}

async function verifySignature(
  signed: Signed,
  keyText: string,
  detection: KeyDetection,
  options: VerifyOptions,
  origin: KeyProvenance,
  secretEncoding: SecretEncoding,
): Promise<Verification> {
  const header = signed.header;
  const alg = typeof header.alg === 'string' ? header.alg : undefined;
  const kid = typeof header.kid === 'string' ? header.kid : undefined;
  const keyInfo: VerificationKeyInfo = { format: detection.format, detected: detection.description, origin };
  const base = { claims: [] as ClaimCheck[], explanations: [] as string[], alg, kid, header, key: keyInfo };
  const embedded = embeddedKeyHeaders.filter((name) => name in header);
  const embeddedNote = embedded.length
    ? `The token names its own key (${embedded.join(', ')} header). That key is never used: anyone can sign a token and attach their own key (RFC 7515 §4.1.3, CVE-2018-0114).`
    : undefined;
  if (embeddedNote) base.explanations.push(embeddedNote);
  // A lone surrogate in a text secret (detect.ts): the bytes used are not the text typed.
  const secretNote =
    detection.format === 'secret' && secretEncoding === 'utf8' ? detection.problem : undefined;
  if (secretNote) base.explanations.push(secretNote);

  if (alg === undefined)
    return {
      ...base,
      status: 'malformed',
      reason: 'The header has no "alg": nobody can tell how it was signed.',
    };
  if (alg === 'none')
    return {
      ...base,
      status: 'invalid-signature',
      reason:
        'The token says "alg": "none": it is unsigned, so nothing vouches for it. A verifier must reject it (RFC 8725 §3.1).',
    };
  if (!signatureAlgorithms[alg])
    return {
      ...base,
      status: 'unsupported',
      reason: `"${alg}" is not a JWS signature algorithm this tool knows.`,
    };
  const allowed = (options.algorithms ?? []).filter((name) => name !== '');
  if (allowed.length && !allowed.includes(alg)) {
    const meant = allowed.find((name) => algorithmCaseMatch(name) === alg);
    const hint = meant
      ? ` Algorithm names are case-sensitive (RFC 7515 §4.1.1): "${meant}" is not ${alg}; did you mean ${alg}?`
      : '';
    return {
      ...base,
      status: 'key-mismatch',
      cause: 'algorithm-not-allowed',
      reason: `The token says ${alg}, which your profile does not allow (allowed: ${allowed.join(', ')}).${hint}`,
    };
  }

  const imported = await importVerificationKey(keyText, alg, { kid, secretEncoding });
  if (!imported.ok) {
    const explanations = [...base.explanations];
    if (detection.format === 'invalid' && detection.problem && detection.problem !== imported.reason)
      explanations.unshift(detection.problem);
    return { ...base, explanations, status: imported.status, reason: imported.reason };
  }
  keyInfo.selection = imported.selection;
  const ownKey = origin === 'token-header' || isTokensOwnKey(header, detection);

  let failure: { status: VerificationStatus; reason: string } | undefined;
  for (const candidate of imported.candidates) {
    const checked = await checkSignature(signed, alg, candidate);
    if (!checked.ok) {
      if (!failure || failure.status !== 'invalid-signature') failure = checked;
      continue;
    }
    keyInfo.used = candidate.description;
    keyInfo.kid = candidate.kid;
    const payload = parsePayload(checked.payload);
    const claims = checkClaims(payload, options);
    const verdict = { ...base, signature: 'good' as const, payload, claims };
    if (ownKey)
      return {
        ...verdict,
        status: 'key-mismatch',
        reason:
          "The signature matches, but only the key the token carries about itself. That proves nothing: anyone can sign a token and embed their own key. Paste the issuer's key.",
      };
    // A time claim in milliseconds explains a verdict either way: "valid for 56838 years", or
    // "not valid for another 56838 years".
    const inMilliseconds = millisecondClaimWarnings(payload, options.now);
    const failed = claims.find((check) => check.outcome !== 'ok');
    if (failed)
      return {
        ...verdict,
        status: claimStatus[failed.outcome as keyof typeof claimStatus],
        // A claim's message may end a sentence of its own: one period, not two.
        reason: `Signature good, but ${failed.message.replace(/\.$/, '')}.`,
        ...(inMilliseconds.length ? { warnings: inMilliseconds } : {}),
      };
    const what =
      typeof payload === 'object' && payload !== null
        ? 'and the claims hold under your profile'
        : 'the payload is not a JWT claims set, so there are no claims to check';
    const warnings = [
      shortSecretWarning(alg, candidate),
      secretNote,
      kidWarning(kid, detection, candidate),
      ...inMilliseconds,
    ].filter((warning): warning is string => warning !== undefined);
    return {
      ...verdict,
      // A valid verdict has nothing to explain: the secret's note stands as a warning.
      explanations: verdict.explanations.filter((explanation) => explanation !== secretNote),
      status: 'valid',
      // Which key did it is the verdict's next line ("Signature good with …"): not said twice.
      reason: `Signature verified, ${what}.`,
      ...(warnings.length ? { warnings } : {}),
    };
  }

  if (failure!.status !== 'invalid-signature') return { ...base, ...failure! };
  const signature = decodeBase64url(signed.jws.signature);
  const explanations = await explainBadSignature({
    alg,
    kid,
    signingInput: new TextEncoder().encode(`${signed.jws.protected ?? ''}.${signed.jws.payload}`),
    signature: signature.ok ? signature.bytes : new Uint8Array(),
    detection,
    secretEncoding,
    candidates: imported.candidates,
    keyText,
    verifiesWithEncoding: async (encoding, text = keyText) => {
      const other = await importVerificationKey(text, alg, { kid, secretEncoding: encoding });
      if (!other.ok) return false;
      for (const candidate of other.candidates)
        if ((await checkSignature(signed, alg, candidate)).ok) return true;
      return false;
    },
  });
  const tried =
    imported.candidates.length > 1
      ? `any of the ${imported.candidates.length} keys that fit`
      : `this key (${imported.candidates[0]!.description})`;
  return {
    ...base,
    status: 'invalid-signature',
    signature: 'bad',
    explanations: [
      ...explanations,
      ...(signed.jws.payload === '' && options.detachedPayload === undefined
        ? [
            'The token carries no payload: if its content travels apart from it (detached content, RFC 7515 appendix F), paste that content to verify against it.',
          ]
        : []),
      ...base.explanations,
    ],
    reason: `The signature does not match ${tried}. ${explanations[0] ?? ''}`.trim(),
  };
}
