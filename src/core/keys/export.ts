/**
 * Key conversion: PEM (SPKI, PKCS#8, and the older PKCS#1 / SEC1 forms) <-> JWK, the public
 * half of a private key, and JWKS wrapping. WebCrypto does the work for the keys it knows;
 * secp256k1 and Ed448 (which WebCrypto lacks) are encoded with a few lines of DER here, and
 * `@noble/curves` is imported only when such a key appears.
 */
import { base64url, exportJWK, exportPKCS8, exportSPKI, importJWK, importPKCS8, importSPKI } from 'jose';
import type { JWK } from 'jose';
import {
  generateNobleKeyPair,
  nobleJwk as noblePublicJwk,
  noblePublicKey,
  type NobleCurve,
} from '../noble/curves';
import {
  curveByOid,
  childrenOf,
  contentOf,
  curveOfSec1,
  encodeDer,
  encodeOid,
  oidOf,
  oids,
  readDer,
  wrapPkcs1PrivateKey,
  wrapPkcs1PublicKey,
  wrapSec1PrivateKey,
  type DerNode,
} from './der';
import { detectJsonKey, detectKeyFormat, jwkKeyType, rsaPssOnlyProblem } from './detect';
import { jwkValueProblem } from './jwk-check';

export type KeyKind = 'private' | 'public' | 'secret';

export type KeyReading =
  { ok: true; jwk: JWK; kind: KeyKind; source: KeySource } | { ok: false; reason: string };

export type KeySource = 'jwk' | 'jwks' | 'spki' | 'pkcs8' | 'pkcs1' | 'sec1' | 'x509';

// ---- PEM ----

export function toPem(label: string, der: Uint8Array): string {
  let body = '';
  let binary = '';
  for (const byte of der) binary += String.fromCharCode(byte);
  const b64 = btoa(binary);
  for (let i = 0; i < b64.length; i += 64) body += `${b64.slice(i, i + 64)}\n`;
  return `-----BEGIN ${label}-----\n${body}-----END ${label}-----\n`;
}

// ---- the public half ----

const privateMembers = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'priv'];

/** The public half of a JWK: every private member dropped (RFC 7517 §4, RFC 7518 §6). */
export function publicJwkOf(jwk: JWK): JWK {
  const copy: Record<string, unknown> = { ...jwk };
  for (const name of privateMembers) delete copy[name];
  delete copy.ext;
  delete copy.key_ops;
  return copy as JWK;
}

export function kindOfJwk(jwk: JWK): KeyKind {
  if (jwk.kty === 'oct') return 'secret';
  return jwk.d ? 'private' : 'public';
}

/**
 * "RSA 2048-bit", "EC P-256", "OKP Ed25519", "secret 256-bit". Never throws: the sizes come
 * from the Verifier's own reading of the JWK (the bit length of an RSA modulus, not its bytes).
 */
export function describeJwk(jwk: JWK): string {
  const type = jwkKeyType(jwk);
  if (typeof type === 'string')
    return typeof jwk.kty === 'string' ? `${jwk.kty} (unreadable)` : 'unknown key type';
  if (type.kty === 'RSA') return `RSA ${type.bits}-bit`;
  if (type.kty === 'oct') return `secret ${type.bits}-bit`;
  return `${type.kty} ${type.curve}`;
}

// ---- the curves WebCrypto lacks: secp256k1 and Ed448 (DER by hand) ----

const nobleCurveOf = (jwk: JWK): NobleCurve | undefined =>
  jwk.kty === 'EC' && jwk.crv === 'secp256k1'
    ? 'secp256k1'
    : jwk.kty === 'OKP' && jwk.crv === 'Ed448'
      ? 'ed448'
      : undefined;

/** A JWK for a secp256k1 or Ed448 key from its raw private key, or its public key alone. */
async function nobleJwk(curve: NobleCurve, secret: Uint8Array | undefined, pub?: Uint8Array): Promise<JWK> {
  const jwk = noblePublicJwk(curve, pub ?? (await noblePublicKey(curve, secret!)));
  return secret ? { ...jwk, d: base64url.encode(secret) } : jwk;
}

/** A fresh secp256k1 or Ed448 private JWK. */
export async function generateNobleJwk(curve: NobleCurve): Promise<JWK> {
  return (await generateNobleKeyPair(curve)).privateJwk;
}

const bytesOf = (...values: number[]) => Uint8Array.from(values);

function nobleToPem(curve: NobleCurve, jwk: JWK): { publicPem: string; privatePem?: string } {
  const algorithm =
    curve === 'ed448'
      ? encodeDer(0x30, encodeOid(oids.ed448))
      : encodeDer(0x30, encodeOid(oids.ecPublicKey), encodeOid(oids.secp256k1));
  const point =
    curve === 'ed448'
      ? base64url.decode(jwk.x!)
      : Uint8Array.from([4, ...base64url.decode(jwk.x!), ...base64url.decode(jwk.y!)]);
  const spki = encodeDer(0x30, algorithm, encodeDer(0x03, bytesOf(0), point));
  const publicPem = toPem('PUBLIC KEY', spki);
  if (!jwk.d) return { publicPem };
  const d = base64url.decode(jwk.d);
  // RFC 8410 §7 (Ed448: CurvePrivateKey is an OCTET STRING) and RFC 5915 §3 (ECPrivateKey).
  const inner =
    curve === 'ed448'
      ? encodeDer(0x04, d)
      : encodeDer(
          0x30,
          encodeDer(0x02, bytesOf(1)),
          encodeDer(0x04, d),
          encodeDer(0xa1, encodeDer(0x03, bytesOf(0), point)),
        );
  const pkcs8 = encodeDer(0x30, encodeDer(0x02, bytesOf(0)), algorithm, encodeDer(0x04, inner));
  return { publicPem, privatePem: toPem('PRIVATE KEY', pkcs8) };
}

// ---- JWK -> PEM ----

/** The jose algorithm to import a key under; the algorithm only fixes WebCrypto's key usage. */
function importAlgFor(jwk: JWK): string | undefined {
  if (jwk.kty === 'RSA')
    return jwk.alg?.startsWith('PS') ? jwk.alg : jwk.alg?.startsWith('RSA-OAEP') ? jwk.alg : 'RS256';
  if (jwk.kty === 'EC')
    return jwk.alg?.startsWith('ECDH')
      ? jwk.alg
      : { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' }[jwk.crv ?? ''];
  if (jwk.kty === 'OKP')
    return jwk.crv === 'Ed25519' ? 'Ed25519' : jwk.crv === 'X25519' ? 'ECDH-ES' : undefined;
  return undefined;
}

/** PEM encodings of a JWK: SPKI for the public half, PKCS#8 when the JWK is private. */
export async function jwkToPem(jwk: JWK): Promise<{ publicPem: string; privatePem?: string }> {
  if (jwk.kty === 'oct')
    throw new Error('A secret (oct) key has no PEM form: PEM carries public and private keys.');
  const noble = nobleCurveOf(jwk);
  if (noble) return nobleToPem(noble, jwk);
  const alg = importAlgFor(jwk);
  if (!alg) throw new Error(`Keys of type ${describeJwk(jwk)} cannot be converted to PEM here.`);
  // A key kept in the session from elsewhere (an imported zip) may not be a key at all: say
  // why in our words, not WebCrypto's (Chromium's DataError has no message).
  const problem = jwkValueProblem(jwk) ?? (await webCryptoProblem(jwk));
  if (problem) throw new Error(problem);
  const publicKey = await importJWK(publicJwkOf(jwk), alg, { extractable: true });
  const publicPem = await exportSPKI(publicKey as CryptoKey);
  if (!jwk.d) return { publicPem };
  const privateKey = await importJWK({ ...jwk, key_ops: undefined, ext: true }, alg, { extractable: true });
  return { publicPem, privatePem: await exportPKCS8(privateKey as CryptoKey) };
}

// ---- PEM -> JWK ----

async function exportedJwk(key: CryptoKey): Promise<JWK> {
  const jwk = await exportJWK(key);
  delete jwk.ext;
  delete jwk.key_ops;
  return jwk;
}

function algorithmOf(algorithmNode: DerNode): { algorithm: string; parameter?: string } {
  const [algorithm, parameter] = childrenOf(algorithmNode);
  if (!algorithm || algorithm.tag !== 0x06) throw new Error('the algorithm identifier is missing');
  return { algorithm: oidOf(algorithm), parameter: parameter?.tag === 0x06 ? oidOf(parameter) : undefined };
}

function webCryptoAlgFor(algorithm: string, parameter?: string): string {
  switch (algorithm) {
    case oids.rsaEncryption:
      return 'RS256';
    case oids.rsaPss:
      throw new Error(rsaPssOnlyProblem);
    case oids.ecPublicKey: {
      const curve = curveByOid[parameter ?? ''];
      if (!curve) throw new Error('the EC key is on a curve this tool does not support');
      return ({ 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512', secp256k1: 'ES256K' } as const)[curve];
    }
    case oids.ed25519:
      return 'Ed25519';
    case oids.x25519:
      return 'ECDH-ES';
    default:
      throw new Error('the key uses an algorithm this tool does not support');
  }
}

async function spkiToJwk(der: Uint8Array): Promise<JWK> {
  const [algorithmNode, bits] = childrenOf(readDer(der));
  if (!algorithmNode || !bits || bits.tag !== 0x03)
    throw new Error('this is not a SubjectPublicKeyInfo structure');
  const { algorithm, parameter } = algorithmOf(algorithmNode);
  const point = contentOf(bits).slice(1);
  if (algorithm === oids.ed448) return nobleJwk('ed448', undefined, point);
  if (algorithm === oids.ecPublicKey && parameter === oids.secp256k1) {
    if (point[0] !== 4)
      throw new Error('compressed secp256k1 points are not supported; export the key uncompressed');
    return nobleJwk('secp256k1', undefined, point);
  }
  const alg = webCryptoAlgFor(algorithm, parameter);
  return exportedJwk(await importSPKI(toPem('PUBLIC KEY', der), alg, { extractable: true }));
}

async function pkcs8ToJwk(der: Uint8Array): Promise<JWK> {
  const [, algorithmNode, octets] = childrenOf(readDer(der));
  if (!algorithmNode || !octets || octets.tag !== 0x04)
    throw new Error('this is not a PKCS#8 PrivateKeyInfo structure');
  const { algorithm, parameter } = algorithmOf(algorithmNode);
  const inner = contentOf(octets);
  if (algorithm === oids.ed448) return nobleJwk('ed448', contentOf(readDer(inner)).slice());
  if (algorithm === oids.ecPublicKey && parameter === oids.secp256k1) return sec1ToJwk(inner, 'secp256k1');
  const alg = webCryptoAlgFor(algorithm, parameter);
  return exportedJwk(await importPKCS8(toPem('PRIVATE KEY', der), alg, { extractable: true }));
}

/** RFC 5915 ECPrivateKey (the body of `BEGIN EC PRIVATE KEY`). */
async function sec1ToJwk(der: Uint8Array, knownCurve?: string): Promise<JWK> {
  const [, secret] = childrenOf(readDer(der));
  if (!secret || secret.tag !== 0x04) throw new Error('this is not an EC private key structure');
  const curveOid = knownCurve === 'secp256k1' ? oids.secp256k1 : curveOfSec1(der);
  const curve = curveByOid[curveOid ?? ''];
  if (!curve) throw new Error('the EC private key does not name a curve this tool supports');
  if (curve === 'secp256k1') return nobleJwk('secp256k1', contentOf(secret).slice());
  return pkcs8ToJwk(wrapSec1PrivateKey(der, curveOid!));
}

/**
 * Reads a PEM block of any common label into a JWK. The PEM is parsed by the Verifier's own
 * detector, so both tools read the same files (openssl's "EC PARAMETERS" block before an EC
 * key, a chain of certificates) and give the same reasons when they cannot.
 */
export async function pemToJwk(text: string): Promise<{ jwk: JWK; source: KeySource }> {
  const detection = detectKeyFormat(text);
  const der = detection.der!;
  switch (detection.format) {
    case 'spki':
      return { jwk: await spkiToJwk(der), source: 'spki' };
    case 'pkcs8':
      return { jwk: await pkcs8ToJwk(der), source: 'pkcs8' };
    case 'pkcs1-public': // PKCS#1 (RFC 8017 §A.1.1): wrapped in SPKI
      return { jwk: await spkiToJwk(wrapPkcs1PublicKey(der)), source: 'pkcs1' };
    case 'pkcs1-private': // PKCS#1 (RFC 8017 §A.1.2): wrapped in PKCS#8
      return { jwk: await pkcs8ToJwk(wrapPkcs1PrivateKey(der)), source: 'pkcs1' };
    case 'sec1':
      return { jwk: await sec1ToJwk(der), source: 'sec1' };
    case 'certificate':
      return { jwk: await spkiToJwk(detection.spki!), source: 'x509' };
    case 'invalid':
      throw new PemProblem(detection.problem ?? 'The PEM could not be read.');
    default:
      throw new PemProblem('This is not a PEM block.');
  }
}

/** A reason that is already a whole sentence for a person (the detector's words). */
class PemProblem extends Error {}

/**
 * A JWK or JWKS through the Verifier's detector, so both tools accept and refuse the same
 * JSON with the same reasons. From a set, the first key (or, on request, the first private
 * key or secret) is taken, and it must be readable itself.
 */
function readJsonKey(text: string, preferPrivate: boolean): KeyReading {
  const detection = detectJsonKey(text);
  if (detection.format === 'invalid')
    return { ok: false, reason: detection.problem ?? 'The JSON is not a JWK or a JWKS.' };
  if (detection.format === 'jwk') {
    const jwk = detection.jwk!;
    return { ok: true, jwk, kind: kindOfJwk(jwk), source: 'jwk' };
  }
  const keys = detection.keys!;
  const types = keys.map((key) => jwkKeyType(key));
  const privateIndex = preferPrivate
    ? types.findIndex((type) => typeof type !== 'string' && type.private)
    : -1;
  const index = Math.max(privateIndex, 0);
  const type = types[index]!;
  if (typeof type === 'string')
    return { ok: false, reason: `Key ${index + 1} of the key set (JWKS) cannot be used: ${type}.` };
  return { ok: true, jwk: keys[index]!, kind: kindOfJwk(keys[index]!), source: 'jwks' };
}

/**
 * Why WebCrypto will not take a JWK whose members all look right (say, a private "d" that does
 * not belong with "x" and "y"), in our words: Chromium's DataError has no message of its own.
 * Keys WebCrypto lacks (secp256k1, Ed448, X448) and secrets are checked by jwkValueProblem only.
 */
async function webCryptoProblem(jwk: JWK): Promise<string | undefined> {
  const alg = jwk.kty === 'oct' || nobleCurveOf(jwk) ? undefined : importAlgFor(jwk);
  if (!alg) return undefined;
  const { alg: _alg, use: _use, key_ops: _keyOps, ext: _ext, ...clean } = jwk;
  try {
    await importJWK(clean, alg);
    return undefined;
  } catch {
    return jwk.d
      ? `This ${describeJwk(jwk)} private key was refused by the browser's WebCrypto: its private members do not belong with its public ones, or do not form a key. Copy the key again from its source.`
      : `This ${describeJwk(jwk)} public key was refused by the browser's WebCrypto: its values do not form a key. Copy the key again from its source.`;
  }
}

/** A JWK read from JSON, refused when its values cannot be a key (not only its members' types). */
async function readCheckedJsonKey(text: string, preferPrivate: boolean): Promise<KeyReading> {
  const reading = readJsonKey(text, preferPrivate);
  if (!reading.ok) return reading;
  const problem = jwkValueProblem(reading.jwk) ?? (await webCryptoProblem(reading.jwk));
  if (!problem) return reading;
  return { ok: false, reason: reading.source === 'jwks' ? `In the key set (JWKS): ${problem}` : problem };
}

async function readKeyText(text: string, options: { preferPrivate?: boolean }): Promise<KeyReading> {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, reason: 'No key given.' };
  if (trimmed.startsWith('{')) return readCheckedJsonKey(trimmed, options.preferPrivate ?? false);
  if (trimmed.includes('-----BEGIN') || trimmed.includes('-----END')) {
    try {
      const { jwk, source } = await pemToJwk(trimmed);
      return { ok: true, jwk, kind: kindOfJwk(jwk), source };
    } catch (error) {
      if (error instanceof PemProblem) return { ok: false, reason: error.message };
      // WebCrypto's DataError for damaged key bytes has no message of its own.
      const why = (error as Error).message || 'the key data is damaged or cut short';
      return { ok: false, reason: `The PEM key could not be read: ${why.replace(/\.$/, '')}.` };
    }
  }
  // A PEM body without its lines, an OpenSSH public key: the detector says which and what to do.
  const detection = detectKeyFormat(trimmed);
  if (detection.format === 'invalid' && detection.problem) return { ok: false, reason: detection.problem };
  if (/^[A-Za-z0-9+/=\s]{200,}$/.test(trimmed))
    return {
      ok: false,
      reason:
        'This looks like a PEM body without its "-----BEGIN …-----" and "-----END …-----" lines; paste them too.',
    };
  return {
    ok: false,
    reason: 'This is not a JWK or a PEM key; as plain text it can only be an HMAC secret.',
  };
}

/**
 * Reads pasted key text (JWK, JWKS, or PEM) into a JWK, never throwing: a failure comes back as
 * a reason a person can act on. Plain text is not a key here: it is an HMAC secret.
 */
export async function readKey(text: string, options: { preferPrivate?: boolean } = {}): Promise<KeyReading> {
  try {
    return await readKeyText(text, options);
  } catch (error) {
    const why = (error instanceof Error ? error.message : String(error)).trim().replace(/\.$/, '');
    return { ok: false, reason: `The key could not be read: ${why || 'it stopped without a reason'}.` };
  }
}

/** A JWKS (RFC 7517 §5) of the public halves, ready to publish: secrets never go in. */
export function toJwks(keys: JWK[]): string {
  return JSON.stringify({ keys: keys.filter((key) => key.kty !== 'oct').map(publicJwkOf) }, null, 2);
}
