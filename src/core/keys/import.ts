/**
 * Turns whatever was pasted into a key that can verify, sign, decrypt or encrypt with one
 * algorithm. Detection says what the text is; this module says whether it fits the
 * algorithm and, when not, why, in the person's words. It never throws.
 *
 * jose refuses PKCS#1 and SEC1 PEMs, so they are wrapped into SPKI/PKCS#8 first (der.ts).
 * A private key verifies too: its public half is derived and used.
 */
import { exportJWK, importJWK, importPKCS8, importSPKI, type JWK } from 'jose';
import { decodeBase64url } from '../token/base64url';
import { type NobleCurve } from '../noble/curves';
import { algorithmsFor, keyFits, keyWords, requirementOf } from './algorithms';
import {
  DerError,
  childrenOf,
  contentOf,
  readDer,
  wrapPkcs1PrivateKey,
  wrapPkcs1PublicKey,
  wrapSec1PrivateKey,
  oids,
} from './der';
import {
  detectKeyFormat,
  jwkKeyType,
  rsaPssOnlyProblem,
  withArticle,
  type KeyDetection,
  type KeyType,
} from './detect';
import { pointProblem } from './ec-point';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Where a key came from. A key the token carries about itself is `token-header`. */
export type KeyProvenance = 'pasted' | 'generated' | 'fetched' | 'imported' | 'token-header';
export type KeyUse = 'verify' | 'sign' | 'decrypt' | 'encrypt';
export type SecretEncoding = 'utf8' | 'base64' | 'base64url';

export type UsableKey =
  | { library: 'jose'; key: CryptoKey | Uint8Array }
  | { library: 'noble'; curve: NobleCurve; publicKey: Uint8Array; secretKey?: Uint8Array };

export interface ImportedKey {
  usable: UsableKey;
  alg: string;
  kid?: string;
  /** Words for a person: "RSA 2048-bit, the public half of a PKCS#8 private key". */
  description: string;
  /** For a key set: the position (0-based) of the key used. */
  setIndex?: number;
}

export type KeyImportFailure = 'key-mismatch' | 'unsupported' | 'malformed';

export type KeyImport =
  | {
      ok: true;
      detection: KeyDetection;
      /** One key, or several from a key set that all fit (each is tried in turn). */
      candidates: ImportedKey[];
      /** For a key set: how the key was chosen. */
      selection?: string;
    }
  | { ok: false; detection: KeyDetection; status: KeyImportFailure; reason: string };

export interface KeyImportOptions {
  alg: string;
  use: KeyUse;
  /** The token's `kid`, to pick a key from a set (RFC 7515 §4.1.4). */
  kid?: string;
  /** How to read a secret's text; UTF-8 by default. */
  secretEncoding?: SecretEncoding;
}

const privateMembers = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;
const needsPrivate = (use: KeyUse) => use === 'sign' || use === 'decrypt';
const useWords: Record<KeyUse, string> = {
  verify: 'verify',
  sign: 'sign',
  decrypt: 'decrypt',
  encrypt: 'encrypt',
};

class ImportFailure extends Error {
  constructor(
    readonly status: KeyImportFailure,
    reason: string,
  ) {
    super(reason);
  }
}

/** The bytes of a secret under the chosen reading. */
export function secretBytes(text: string, encoding: SecretEncoding = 'utf8'): Uint8Array {
  if (encoding === 'utf8') return new TextEncoder().encode(text);
  const compact = text.replace(/\s+/g, '');
  const decoded = decodeBase64url(compact);
  if (!decoded.ok)
    throw new ImportFailure(
      'malformed',
      // The decoder takes both alphabets, so a character it refuses is in neither: name the chosen one.
      `The secret was to be read as ${encoding}, but it is not: ${decoded.message.replace(/base64url/g, encoding)}. Choose "text (UTF-8)" or fix the secret.`,
    );
  if (encoding === 'base64' && /[-_]/.test(compact))
    throw new ImportFailure('malformed', 'The secret has "-" or "_", which base64 lacks: choose base64url.');
  if (encoding === 'base64url' && /[+/]/.test(compact))
    throw new ImportFailure('malformed', 'The secret has "+" or "/", which base64url lacks: choose base64.');
  return decoded.bytes;
}

/**
 * One run of white space in words: "newline", "2 spaces", "invisible space (U+00A0)", or
 * "white space" for a mix.
 */
function whiteSpaceWords(run: string): string {
  const names: [RegExp, string, string][] = [
    [/^(\r?\n)+$/, 'newline', 'newlines'],
    [/^ +$/, 'space', 'spaces'],
    [/^\t+$/, 'tab', 'tabs'],
  ];
  for (const [pattern, one, many] of names) {
    if (!pattern.test(run)) continue;
    const count = one === 'newline' ? run.split('\n').length - 1 : run.length;
    return count === 1 ? one : `${count} ${many}`;
  }
  // One kind of other space (a no-break space pasted from a web page): named by code point.
  const first = run.codePointAt(0)!;
  const characters = [...run];
  if (characters.every((character) => character.codePointAt(0) === first)) {
    const code = `U+${first.toString(16).toUpperCase().padStart(4, '0')}`;
    return characters.length === 1
      ? `invisible space (${code})`
      : `${characters.length} invisible spaces (${code})`;
  }
  return 'white space';
}

/**
 * The white space around a text secret, in words ("the trailing newline", "the leading space
 * and the trailing 2 spaces"), or undefined when there is none.
 */
export function surroundingWhiteSpace(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  const leading = /^\s+/.exec(text)?.[0];
  const trailing = /\s+$/.exec(text)?.[0];
  const parts = [
    ...(leading ? [`the leading ${whiteSpaceWords(leading)}`] : []),
    ...(trailing ? [`the trailing ${whiteSpaceWords(trailing)}`] : []),
  ];
  return parts.length ? parts.join(' and ') : undefined;
}

function toPem(label: string, der: Uint8Array): string {
  let binary = '';
  for (const byte of der) binary += String.fromCharCode(byte);
  const body = btoa(binary).replace(/.{64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`;
}

/** A token to verify or decrypt names its algorithm; when signing or encrypting, the person chose it. */
const algorithmSubject = (alg: string, use: KeyUse) =>
  use === 'verify' || use === 'decrypt' ? `The token says ${alg}` : `The algorithm is ${alg}`;

/** Says the key does not fit the algorithm, in the words of the purpose (verify a token, sign one). */
function mismatch(alg: string, type: KeyType, what: string, use: KeyUse): ImportFailure {
  const requirement = requirementOf(alg)!;
  const fits = use === 'verify' || (use === 'sign' && type.private) ? algorithmsFor(type) : [];
  const hint = fits.length ? ` This key could ${useWords[use]} ${fits.join(', ')}.` : '';
  // RFC 8725 §2.1: a public key accepted as an HMAC secret is the classic forgery. When
  // signing, the person holds the private key: they picked the wrong algorithm, nothing worse.
  const advice =
    requirement.kty !== 'oct' || type.kty === 'oct'
      ? ''
      : use === 'verify'
        ? ' Accepting a public key as an HMAC secret is how "algorithm confusion" forgeries pass (RFC 8725 §2.1).'
        : use === 'sign'
          ? ` To sign ${alg}, paste a shared secret instead${type.private ? '; to sign with this private key, choose one of the algorithms it fits' : ': a public key cannot sign at all'}.`
          : '';
  return new ImportFailure(
    'key-mismatch',
    `${algorithmSubject(alg, use)}, which needs ${requirement.words}, but the key is ${what} (${keyWords(type)}).${hint}${advice}`,
  );
}

function bitStringContent(der: Uint8Array): Uint8Array {
  const [, bitString] = childrenOf(readDer(der));
  return contentOf(bitString!).subarray(1);
}

/** The `privateKey` octets of an RFC 5915 ECPrivateKey. */
function sec1Secret(sec1: Uint8Array): Uint8Array {
  const [, secret] = childrenOf(readDer(sec1));
  if (secret?.tag !== 0x04) throw new DerError('the EC private key has no private key octets');
  return contentOf(secret).slice();
}

/** The inner private key of a PKCS#8 structure. */
function pkcs8Inner(der: Uint8Array): Uint8Array {
  const [, , privateKey] = childrenOf(readDer(der));
  return contentOf(privateKey!);
}

async function nobleKey(
  curve: NobleCurve,
  parts: { publicKey?: Uint8Array; secretKey?: Uint8Array },
): Promise<UsableKey> {
  const { noblePublicKey } = await import('../noble/curves');
  const publicKey = parts.publicKey ?? (await noblePublicKey(curve, parts.secretKey!));
  return { library: 'noble', curve, publicKey, secretKey: parts.secretKey };
}

const nobleCurveOf = (type: KeyType): NobleCurve | undefined =>
  type.curve === 'secp256k1' ? 'secp256k1' : type.curve === 'Ed448' ? 'ed448' : undefined;

function checkJwkMembers(jwk: JWK, alg: string, use: KeyUse): void {
  // RFC 7517 §4.4: a key that names its algorithm is meant for that one only.
  if (typeof jwk.alg === 'string' && jwk.alg !== alg)
    throw new ImportFailure(
      'key-mismatch',
      `${algorithmSubject(alg, use)}, but the JWK is marked for "alg": "${jwk.alg}".`,
    );
  const wanted = use === 'verify' || use === 'sign' ? 'sig' : 'enc';
  if (typeof jwk.use === 'string' && jwk.use !== wanted)
    throw new ImportFailure(
      'key-mismatch',
      `The JWK is marked "use": "${jwk.use}", so it is not for ${use === 'verify' || use === 'sign' ? 'signatures' : 'encryption'}.`,
    );
}

function decodeMember(jwk: JWK, name: 'x' | 'y' | 'd'): Uint8Array {
  const value = jwk[name];
  const decoded = typeof value === 'string' ? decodeBase64url(value) : undefined;
  if (!decoded?.ok) throw new ImportFailure('malformed', `The JWK's "${name}" is missing or not base64url.`);
  return decoded.bytes;
}

async function fromJwk(jwk: JWK, type: KeyType, options: KeyImportOptions): Promise<UsableKey> {
  const { alg, use } = options;
  checkJwkMembers(jwk, alg, use);
  const requirement = requirementOf(alg)!;
  if (!keyFits(requirement, type)) throw mismatch(alg, type, 'a JWK', use);
  if (needsPrivate(use) && !type.private)
    throw new ImportFailure(
      'key-mismatch',
      `This is a public key: it cannot ${useWords[use]}. Paste the private key.`,
    );
  const curve = nobleCurveOf(type);
  if (curve) {
    const secretKey = needsPrivate(use) && jwk.d ? decodeMember(jwk, 'd') : undefined;
    const x = decodeMember(jwk, 'x');
    const publicKey = curve === 'ed448' ? x : new Uint8Array([4, ...x, ...decodeMember(jwk, 'y')]);
    return nobleKey(curve, { publicKey, secretKey });
  }
  if (type.kty === 'oct') return { library: 'jose', key: decodeMember({ d: jwk.k } as JWK, 'd') };
  // WebCrypto refuses a point off the curve with an empty DataError: say what is wrong first.
  if (type.kty === 'EC') {
    const problem = pointProblem(type.curve!, decodeMember(jwk, 'x'), decodeMember(jwk, 'y'));
    if (problem) throw new ImportFailure('malformed', problem);
  }
  // Membership checks are done above; WebCrypto would also refuse a usage the JWK's
  // key_ops leave out, with a message nobody could act on.
  const clean: JWK = { ...jwk };
  delete clean.alg;
  delete clean.use;
  delete clean.key_ops;
  delete clean.ext;
  if (!needsPrivate(use))
    for (const member of privateMembers) delete (clean as Record<string, unknown>)[member];
  return { library: 'jose', key: (await importJWK(clean, joseAlg(alg, type))) as CryptoKey };
}

/** jose names Ed25519 keys for EdDSA by the algorithm "EdDSA" or "Ed25519" alike. */
const joseAlg = (alg: string, type: KeyType) =>
  alg === 'EdDSA' && type.curve === 'Ed25519' ? 'Ed25519' : alg;

async function fromPem(
  detection: KeyDetection,
  options: KeyImportOptions,
): Promise<{ usable: UsableKey; words: string }> {
  const { alg, use } = options;
  const type = detection.keyType!;
  const der = detection.der!;
  const requirement = requirementOf(alg)!;
  const what = detection.description.replace(/ \(.*\)$/, '');
  if (!keyFits(requirement, type)) throw mismatch(alg, type, withArticle(what), use);
  if (type.rsaPssOnly) throw new ImportFailure('unsupported', `${capitalised(rsaPssOnlyProblem)}.`);
  if (needsPrivate(use) && !type.private)
    throw new ImportFailure(
      'key-mismatch',
      `This is a public key${detection.format === 'certificate' ? ' (in a certificate)' : ''}: it cannot ${useWords[use]}. Paste the private key.`,
    );

  // A private key that only verifies lends its public half, said alike for WebCrypto and noble.
  const privateWords = needsPrivate(use) ? what : `the public half of a ${what}`;
  const curve = nobleCurveOf(type);
  if (curve) {
    switch (detection.format) {
      case 'spki':
        return { usable: await nobleKey(curve, { publicKey: bitStringContent(der) }), words: what };
      case 'certificate':
        return {
          usable: await nobleKey(curve, { publicKey: bitStringContent(detection.spki!) }),
          words: what,
        };
      case 'sec1':
        return { usable: await nobleKey(curve, { secretKey: sec1Secret(der) }), words: privateWords };
      default: {
        const inner = pkcs8Inner(der);
        // RFC 8410 §7: an Ed448 private key is an OCTET STRING inside the octets.
        const secretKey = curve === 'ed448' ? contentOf(readDer(inner)).slice() : sec1Secret(inner);
        return { usable: await nobleKey(curve, { secretKey }), words: privateWords };
      }
    }
  }

  let spki: Uint8Array | undefined;
  let pkcs8: Uint8Array | undefined;
  switch (detection.format) {
    case 'spki':
      spki = der;
      break;
    case 'certificate':
      spki = detection.spki;
      break;
    case 'pkcs1-public':
      spki = wrapPkcs1PublicKey(der);
      break;
    case 'pkcs8':
      pkcs8 = der;
      break;
    case 'pkcs1-private':
      pkcs8 = wrapPkcs1PrivateKey(der);
      break;
    case 'sec1': {
      const curveOid = { 'P-256': oids.p256, 'P-384': oids.p384, 'P-521': oids.p521 }[type.curve as 'P-256'];
      pkcs8 = wrapSec1PrivateKey(der, curveOid);
      break;
    }
  }
  const importAlg = joseAlg(alg, type);
  if (spki)
    return {
      usable: { library: 'jose', key: await importSPKI(toPem('PUBLIC KEY', spki), importAlg) },
      words: what,
    };
  if (needsPrivate(use))
    return {
      usable: { library: 'jose', key: await importPKCS8(toPem('PRIVATE KEY', pkcs8!), importAlg) },
      words: what,
    };
  // WebCrypto verifies only with a public key: derive it from the private one.
  const privateKey = await importPKCS8(toPem('PRIVATE KEY', pkcs8!), importAlg, { extractable: true });
  const jwk = await exportJWK(privateKey);
  for (const member of privateMembers) delete (jwk as Record<string, unknown>)[member];
  return {
    usable: { library: 'jose', key: (await importJWK(jwk, importAlg)) as CryptoKey },
    words: privateWords,
  };
}

function describeKeyType(type: KeyType): string {
  if (type.kty === 'RSA') return type.bits ? `RSA ${type.bits}-bit` : 'RSA';
  if (type.kty === 'oct') return type.bits ? `${type.bits}-bit secret` : 'secret';
  return type.curve ?? type.kty;
}

/** "the set's kids: "a", "b"", or which keys have none. */
function setKids(keys: JWK[]): string {
  const kids = keys.flatMap((key) => (typeof key.kid === 'string' ? [`"${key.kid}"`] : []));
  const count = `${keys.length} key${keys.length === 1 ? '' : 's'}`;
  if (kids.length === 0)
    return keys.length === 1 ? "the set's only key has no kid" : `none of the set's ${count} has a kid`;
  const missing = keys.length - kids.length;
  return `the set's kids: ${kids.join(', ')}${missing ? `; ${missing} of its ${count} ${missing === 1 ? 'has' : 'have'} none` : ''}`;
}

/** RFC 7517 §5 key sets: choose by `kid`, then by `alg`, `kty`/`crv` and `use`. */
async function fromKeySet(
  keys: JWK[],
  options: KeyImportOptions,
): Promise<{ candidates: ImportedKey[]; selection: string }> {
  const { alg, kid, use } = options;
  const requirement = requirementOf(alg)!;
  const listed = keys.map((key, index) => ({ key, index }));
  let pool = listed;
  if (kid !== undefined) {
    pool = listed.filter(({ key }) => key.kid === kid);
    if (pool.length === 0) {
      throw new ImportFailure(
        'key-mismatch',
        `The token's kid "${kid}" matches no key in the set (${setKids(keys)}). The key may have been rotated out, or the token comes from another issuer.`,
      );
    }
  }
  const wanted = use === 'verify' || use === 'sign' ? 'sig' : 'enc';
  const reasons: string[] = [];
  const fitting = pool.filter(({ key, index }) => {
    const type = jwkKeyType(key);
    const name = `key ${index + 1}${typeof key.kid === 'string' ? ` ("${key.kid}")` : ''}`;
    if (typeof type === 'string') return reasons.push(`${name}: ${type}`) && false;
    if (!keyFits(requirement, type)) return reasons.push(`${name} is ${keyWords(type)}`) && false;
    if (typeof key.alg === 'string' && key.alg !== alg)
      return reasons.push(`${name} is for ${key.alg}`) && false;
    if (typeof key.use === 'string' && key.use !== wanted)
      return reasons.push(`${name} has "use": "${key.use}"`) && false;
    return true;
  });
  if (fitting.length === 0)
    throw new ImportFailure(
      'key-mismatch',
      `No key in the set fits ${alg}, which needs ${requirement.words}${kid !== undefined ? ` with kid "${kid}"` : ''}: ${reasons.join('; ')}.`,
    );
  const candidates: ImportedKey[] = [];
  for (const { key, index } of fitting) {
    const type = jwkKeyType(key) as KeyType;
    let usable: UsableKey;
    try {
      usable = await fromJwk(key, type, options);
    } catch (error) {
      const why =
        error instanceof ImportFailure
          ? error.message
          : describeImportError(error, { format: 'jwk', description: 'JWK', keyType: type });
      throw new ImportFailure(
        error instanceof ImportFailure ? error.status : 'key-mismatch',
        `Key ${index + 1} of the set: ${why}`,
      );
    }
    candidates.push({
      usable,
      alg,
      kid: typeof key.kid === 'string' ? key.kid : undefined,
      description: `key ${index + 1} of ${keys.length} in the set (${describeKeyType(type)}${typeof key.kid === 'string' ? `, kid "${key.kid}"` : ''})`,
      setIndex: index,
    });
  }
  const selection =
    kid !== undefined
      ? `chosen by the token's kid "${kid}"`
      : `the token has no kid, so every key that fits ${alg} is tried (${candidates.length} of ${keys.length})`;
  return { candidates, selection };
}

/**
 * Maps a library's refusal to words; jose's TypeErrors carry no code. WebCrypto refuses key
 * bytes it cannot use with an error whose message is empty in Chromium, so that case is
 * named from what was being imported: the reason is never empty.
 */
function describeImportError(error: unknown, detection: KeyDetection): string {
  const message = (error instanceof Error ? error.message : String(error)).replace(/^[A-Z_]+: /, '').trim();
  if (/modulusLength/.test(message))
    return 'RSA keys shorter than 2048 bits are refused (RFC 7518 §3.3 requires at least 2048).';
  if (/curve|namedCurve/i.test(message)) return "The key's curve does not match the algorithm.";
  const type = detection.keyType;
  // Chromium says nothing ("" from a DataError or OperationError); Node says "Invalid keyData".
  const refused = message === '' || /^Invalid keyData$/i.test(message);
  if (refused && type) {
    const source = detection.format === 'jwk' || detection.format === 'jwks' ? 'JWK' : 'PEM';
    const what =
      type.kty === 'RSA'
        ? source === 'JWK'
          ? 'its "n" and "e" (or the private members) do not form a valid RSA key'
          : 'its RSA numbers do not form a valid key'
        : type.kty === 'oct'
          ? 'the secret is empty or has an unusable length'
          : `its bytes are not a valid ${type.curve ?? type.kty} key${type.private ? ' (or the private part does not belong to the public one)' : ''}`;
    return `WebCrypto refused this ${describeKeyType(type)} ${source === 'JWK' ? 'JWK' : 'key'}: ${what}. A value was changed or cut short: copy the key again from its source.`;
  }
  if (message === '') return 'The key could not be imported: WebCrypto refused it without saying why.';
  return `The key could not be imported: ${message.replace(/\.$/, '')}.`;
}

async function importUncached(text: string, options: KeyImportOptions): Promise<KeyImport> {
  const detection = detectKeyFormat(text);
  const { alg, use } = options;
  try {
    const requirement = requirementOf(alg);
    if (!requirement)
      throw new ImportFailure(
        'unsupported',
        `"${alg}" is not an algorithm this tool can ${useWords[use]} with.`,
      );
    switch (detection.format) {
      case 'empty':
        throw new ImportFailure(
          'key-mismatch',
          `No key yet: paste ${requirement.words} to ${useWords[use]} ${alg}.`,
        );
      case 'invalid':
        throw new ImportFailure('malformed', detection.problem ?? 'The key could not be read.');
      case 'secret': {
        if (requirement.kty !== 'oct')
          throw new ImportFailure(
            'key-mismatch',
            `The token says ${alg}, which needs ${requirement.words}, but the key field holds text, which reads as an HMAC secret. Paste a PEM or a JWK.`,
          );
        const encoding = alg.startsWith('PBES2') ? 'utf8' : (options.secretEncoding ?? 'utf8');
        // A text secret is its bytes exactly as typed, as jose, Node and every server read it: a
        // trailing space or newline is part of the secret (base64 readings skip white space).
        const bytes = secretBytes(text, encoding);
        const spaces = encoding === 'utf8' ? surroundingWhiteSpace(text) : undefined;
        const reading =
          encoding === 'utf8' ? `text (UTF-8${spaces ? `, including ${spaces}` : ''})` : encoding;
        return {
          ok: true,
          detection,
          candidates: [
            {
              usable: { library: 'jose', key: bytes },
              alg,
              description: `${bytes.length * 8}-bit secret read as ${reading}`,
            },
          ],
        };
      }
      case 'jwk': {
        const jwk = detection.jwk!;
        const type = detection.keyType!;
        const usable = await fromJwk(jwk, type, options);
        const half =
          type.kty !== 'oct' && type.private && !needsPrivate(use)
            ? 'the public half of a private JWK'
            : 'JWK';
        return {
          ok: true,
          detection,
          candidates: [
            {
              usable,
              alg,
              kid: typeof jwk.kid === 'string' ? jwk.kid : undefined,
              description: `${half} (${describeKeyType(type)})`,
            },
          ],
        };
      }
      case 'jwks': {
        const { candidates, selection } = await fromKeySet(detection.keys!, options);
        return { ok: true, detection, candidates, selection };
      }
      default: {
        const { usable, words } = await fromPem(detection, options);
        return {
          ok: true,
          detection,
          candidates: [{ usable, alg, description: `${words} (${describeKeyType(detection.keyType!)})` }],
        };
      }
    }
  } catch (error) {
    if (error instanceof ImportFailure)
      return { ok: false, detection, status: error.status, reason: error.message };
    if (error instanceof DerError)
      return { ok: false, detection, status: 'malformed', reason: `The key is damaged: ${error.message}.` };
    return { ok: false, detection, status: 'key-mismatch', reason: describeImportError(error, detection) };
  }
}

// Imports are memoised per text and purpose, so typing elsewhere (the token, the profile)
// does not re-import an RSA key on every keystroke. Held in memory only, a few entries.
const cache = new Map<string, Promise<KeyImport>>();
const cacheSize = 12;

/** Imports a pasted key for one algorithm and purpose. Never throws. */
export function importKey(text: string, options: KeyImportOptions): Promise<KeyImport> {
  const id = JSON.stringify([
    options.alg,
    options.use,
    options.kid ?? null,
    options.secretEncoding ?? 'utf8',
    text,
  ]);
  const known = cache.get(id);
  if (known) return known;
  const pending = importUncached(text, options);
  cache.set(id, pending);
  if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
  return pending;
}

/** A key that verifies `alg` signatures (a private key gives its public half). */
export const importVerificationKey = (
  text: string,
  alg: string,
  options: { kid?: string; secretEncoding?: SecretEncoding } = {},
) => importKey(text, { ...options, alg, use: 'verify' });

/** A key that signs with `alg` (a private key, or a secret). */
export const importSigningKey = (
  text: string,
  alg: string,
  options: { kid?: string; secretEncoding?: SecretEncoding } = {},
) => importKey(text, { ...options, alg, use: 'sign' });
