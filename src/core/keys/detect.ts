/**
 * Says what a pasted key is before anything tries to use it: an HMAC secret, a PEM of one
 * of six kinds, a JWK or a JWKS. Synchronous and pure, so the Verifier can label the key
 * field on every keystroke, and the import step reuses the parsed bytes.
 */
import type { JWK } from 'jose';
import { decodeBase64url } from '../token/base64url';
import { loneSurrogateProblem } from '../token/lone-surrogate';
import { bitLength } from './bit-length';
import {
  DerError,
  childrenOf,
  contentOf,
  curveByOid,
  oidOf,
  oids,
  okpByOid,
  readDer,
  type DerNode,
} from './der';

export type KeyFormat =
  | 'empty'
  | 'secret'
  | 'jwk'
  | 'jwks'
  | 'spki'
  | 'pkcs8'
  | 'pkcs1-public'
  | 'pkcs1-private'
  | 'sec1'
  | 'certificate'
  | 'invalid';

export type Curve = 'P-256' | 'P-384' | 'P-521' | 'secp256k1' | 'Ed25519' | 'Ed448' | 'X25519' | 'X448';

/** The kind of key inside, as far as the text tells without importing it. */
export interface KeyType {
  kty: 'oct' | 'RSA' | 'EC' | 'OKP';
  curve?: Curve;
  /** RSA modulus or secret length in bits. */
  bits?: number;
  /** True for private keys (whose public half can verify). A secret is both. */
  private: boolean;
  /** An RSA key marked id-RSASSA-PSS (RFC 4055 §1.2) rather than rsaEncryption. */
  rsaPssOnly?: boolean;
}

export type SecretLooksLike = 'base64' | 'base64url' | 'text';

export interface KeyDetection {
  format: KeyFormat;
  /** Words for a person: "PEM, PKCS#1 RSA public key (2048-bit)". */
  description: string;
  keyType?: KeyType;
  /** For `invalid`: what is wrong, in words a person can act on. */
  problem?: string;
  /** For `secret`: which reading the text looks meant for. */
  secretLooksLike?: SecretLooksLike;
  /** For PEM formats: the DER bytes of the block as given. */
  der?: Uint8Array;
  /** For certificates: the subjectPublicKeyInfo inside. */
  spki?: Uint8Array;
  jwk?: JWK;
  keys?: JWK[];
}

const pemFormats: Record<string, { format: KeyFormat; words: string }> = {
  'PUBLIC KEY': { format: 'spki', words: 'PEM, SPKI public key' },
  'PRIVATE KEY': { format: 'pkcs8', words: 'PEM, PKCS#8 private key' },
  'RSA PUBLIC KEY': { format: 'pkcs1-public', words: 'PEM, PKCS#1 RSA public key' },
  'RSA PRIVATE KEY': { format: 'pkcs1-private', words: 'PEM, PKCS#1 RSA private key' },
  'EC PRIVATE KEY': { format: 'sec1', words: 'PEM, SEC1 EC private key' },
  CERTIFICATE: { format: 'certificate', words: 'PEM, X.509 certificate' },
};

/**
 * Why an id-RSASSA-PSS key (RFC 4055 §1.2; `openssl genpkey -algorithm RSA-PSS` makes one)
 * cannot be used here: WebCrypto imports RSA keys only under rsaEncryption. One sentence
 * fragment shared by the Verifier, the Generator and the Keys tool.
 */
export const rsaPssOnlyProblem =
  'this RSA key is marked RSASSA-PSS only (OID 1.2.840.113549.1.1.10), which WebCrypto cannot import; re-export it as a plain rsaEncryption key, or generate one with `openssl genpkey -algorithm RSA`';

/** "a secret", "an RSA key", "an Ed25519 key": the article English wants before a word. */
export const withArticle = (words: string): string =>
  `${/^(?:[aeio]|RSA\b|EC\b|X\.?509|X25519|X448|HMAC|SEC1|SPKI)/i.test(words) ? 'an' : 'a'} ${words}`;

const invalid = (problem: string, description = 'Not a usable key'): KeyDetection => ({
  format: 'invalid',
  description,
  problem,
});

/** Bits of a big-endian unsigned INTEGER, leading zero octets ignored. */
const integerBits = (node: DerNode): number => bitLength(contentOf(node));

/** Key type from an AlgorithmIdentifier and, for RSA, the key structure. */
function keyTypeOf(algorithm: DerNode, rsaKey: () => DerNode, isPrivate: boolean): KeyType {
  const [oidNode, parameters] = childrenOf(algorithm);
  const oid = oidOf(oidNode!);
  if (oid === oids.rsaEncryption || oid === oids.rsaPss) {
    const fields = childrenOf(rsaKey());
    const modulus = isPrivate ? fields[1] : fields[0];
    return {
      kty: 'RSA',
      bits: modulus ? integerBits(modulus) : undefined,
      private: isPrivate,
      ...(oid === oids.rsaPss ? { rsaPssOnly: true } : {}),
    };
  }
  if (oid === oids.ecPublicKey) {
    const curveOid = parameters?.tag === 0x06 ? oidOf(parameters) : '';
    const curve = curveByOid[curveOid];
    if (!curve)
      throw new DerError(`an elliptic curve this tool does not know (OID ${curveOid || 'missing'})`);
    return { kty: 'EC', curve, private: isPrivate };
  }
  const okp = okpByOid[oid];
  if (okp) return { kty: 'OKP', curve: okp, private: isPrivate };
  throw new DerError(`a key algorithm this tool does not know (OID ${oid})`);
}

/** RFC 5280 §4.1 SubjectPublicKeyInfo. */
function spkiType(der: Uint8Array): KeyType {
  const root = readDer(der);
  const [algorithm, bitString] = childrenOf(root);
  if (root.tag !== 0x30 || algorithm?.tag !== 0x30 || bitString?.tag !== 0x03)
    throw new DerError('the structure is not a SubjectPublicKeyInfo');
  return keyTypeOf(algorithm, () => readDer(der, bitString.contentStart + 1), false);
}

/** RFC 5208 §5 PrivateKeyInfo (RFC 5958 OneAsymmetricKey). */
function pkcs8Type(der: Uint8Array): KeyType {
  const root = readDer(der);
  const [version, algorithm, privateKey] = childrenOf(root);
  if (version?.tag !== 0x02 || algorithm?.tag !== 0x30 || privateKey?.tag !== 0x04)
    throw new DerError('the structure is not a PrivateKeyInfo');
  return keyTypeOf(algorithm, () => readDer(der, privateKey.contentStart), true);
}

/** The SubjectPublicKeyInfo inside an X.509 certificate (RFC 5280 §4.1). */
export function spkiOfCertificate(der: Uint8Array): Uint8Array {
  const [tbs] = childrenOf(readDer(der));
  if (tbs?.tag !== 0x30) throw new DerError('the structure is not a certificate');
  const fields = childrenOf(tbs);
  const spki = fields[fields[0]?.tag === 0xa0 ? 6 : 5];
  if (!spki || spki.tag !== 0x30) throw new DerError('the certificate has no public key where X.509 puts it');
  return der.slice(spki.start, spki.end);
}

function describeType(type: KeyType): string {
  if (type.kty === 'RSA')
    return `${type.bits ? `RSA ${type.bits}-bit` : 'RSA'}${type.rsaPssOnly ? ', RSASSA-PSS only' : ''}`;
  if (type.kty === 'oct') return type.bits !== undefined ? `${type.bits}-bit secret` : 'secret';
  return type.curve ?? type.kty;
}

function base64Body(text: string): Uint8Array | undefined {
  const compact = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(compact)) return undefined;
  const decoded = decodeBase64url(compact);
  return decoded.ok ? decoded.bytes : undefined;
}

function detectPem(text: string): KeyDetection {
  // openssl ecparam -genkey prints an EC PARAMETERS block first; a chain has several
  // certificates. The first key-bearing block is the one that counts.
  const all = [...text.matchAll(/-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)(?:-----END ([A-Z0-9 ]+)-----|$)/g)];
  const blocks = all.filter((block) => block[1] !== 'EC PARAMETERS');
  const block = blocks[0];
  if (!block && all.length)
    return invalid(
      'This is only an "EC PARAMETERS" block (the name of a curve), not a key: paste the "EC PRIVATE KEY" block that openssl writes after it too.',
      'PEM, EC parameters',
    );
  if (!block) return invalid('It has a PEM END line but no BEGIN line: part of the key is missing.');
  const [, label = '', body = '', endLabel] = block;
  if (label === 'ENCRYPTED PRIVATE KEY')
    return invalid(
      'This private key is encrypted with a passphrase. Decrypt it first, for example with `openssl pkcs8 -in key.pem -out plain.pem`.',
      'PEM, encrypted private key',
    );
  if (label === 'OPENSSH PRIVATE KEY')
    return invalid(
      'OpenSSH private keys are not PEM keys. Convert it with `ssh-keygen -p -m PKCS8 -f key`.',
      'OpenSSH private key',
    );
  const kind = pemFormats[label];
  if (!kind) return invalid(`"${label}" is not a key or certificate block this tool reads.`, `PEM, ${label}`);
  if (endLabel === undefined)
    return invalid(
      `The PEM has a BEGIN line but no "-----END ${label}-----" line: it looks truncated.`,
      kind.words,
    );
  if (endLabel !== label)
    return invalid(`The PEM begins with "${label}" but ends with "${endLabel}".`, kind.words);
  const der = base64Body(body);
  if (!der) return invalid('The PEM body is not valid base64: a character was changed or lost.', kind.words);
  try {
    const root = readDer(der);
    if (root.end !== der.length) throw new DerError('there are stray bytes after the key');
    let keyType: KeyType;
    let spki: Uint8Array | undefined;
    switch (kind.format) {
      case 'spki':
        keyType = spkiType(der);
        break;
      case 'pkcs8':
        keyType = pkcs8Type(der);
        break;
      case 'pkcs1-public':
        keyType = { kty: 'RSA', bits: integerBits(childrenOf(root)[0]!), private: false };
        break;
      case 'pkcs1-private':
        keyType = { kty: 'RSA', bits: integerBits(childrenOf(root)[1]!), private: true };
        break;
      case 'sec1': {
        const parameters = childrenOf(root).find((child) => child.tag === 0xa0);
        const curveOid = parameters ? oidOf(readDer(der, parameters.contentStart)) : '';
        const curve = curveByOid[curveOid];
        if (!curve) throw new DerError('the EC private key does not name a curve this tool knows');
        keyType = { kty: 'EC', curve, private: true };
        break;
      }
      default:
        spki = spkiOfCertificate(der);
        keyType = spkiType(spki);
    }
    return {
      format: kind.format,
      description: `${kind.words} (${describeType(keyType)})`,
      keyType,
      der,
      spki,
    };
  } catch (error) {
    const why = error instanceof DerError ? error.message : 'its structure could not be read';
    return invalid(`The PEM body is damaged or truncated: ${why}.`, kind.words);
  }
}

const jwkCurves = new Set<string>([
  'P-256',
  'P-384',
  'P-521',
  'secp256k1',
  'Ed25519',
  'Ed448',
  'X25519',
  'X448',
]);

/**
 * The base64url members of each key type (RFC 7518 §6.2–6.4, RFC 8037 §2): those a public
 * key needs, then the private ones. `oth` (other RSA primes) is an array and not checked here.
 */
const jwkMembers: Record<string, { needed: string[]; need: string; optional: string[] }> = {
  oct: { needed: ['k'], need: 'an "oct" JWK needs its secret in "k"', optional: [] },
  RSA: {
    needed: ['n', 'e'],
    need: 'an RSA JWK needs "n" and "e"',
    optional: ['d', 'p', 'q', 'dp', 'dq', 'qi'],
  },
  EC: { needed: ['x', 'y'], need: 'an EC JWK needs "x" and "y"', optional: ['d'] },
  OKP: { needed: ['x'], need: 'an OKP JWK needs "x"', optional: ['d'] },
};

/** "a number (123)", "an array", "null": what a member holds instead of a string. */
function valueWords(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return `a number (${String(value)})`;
  if (typeof value === 'boolean') return `the boolean ${String(value)}`;
  return typeof value;
}

/**
 * Why a JWK's members cannot be read, or undefined when each is a base64url string. A value
 * of another JSON type is never coerced: `"x": null` is not the text "null".
 */
function memberProblem(jwk: Record<string, unknown>, kty: string): string | undefined {
  const { needed, need, optional } = jwkMembers[kty]!;
  // A member of the wrong type is the more specific news than a missing one.
  for (const name of [...needed, ...optional]) {
    const value = jwk[name];
    if (value === undefined) continue;
    if (typeof value !== 'string')
      return `its "${name}" is ${valueWords(value)}, not a base64url string (RFC 7518 §6)`;
    const decoded = decodeBase64url(value);
    if (!decoded.ok) return `its "${name}" is not base64url: ${decoded.message}`;
  }
  return needed.some((name) => jwk[name] === undefined) ? need : undefined;
}

/**
 * Key type of a JWK (RFC 7517 §4, RFC 7518 §6), or why it is not one. The one check of a
 * JWK's members: the Verifier, the Keys tool and the Generator all read JWKs through it.
 */
export function jwkKeyType(jwk: JWK): KeyType | string {
  const members = jwk as Record<string, unknown>;
  const kty = jwk.kty;
  if (typeof kty !== 'string' || !(kty in jwkMembers))
    return `"kty": ${JSON.stringify(kty) ?? 'missing'} is not a key type of RFC 7518 §6`;
  if ((kty === 'EC' || kty === 'OKP') && (typeof jwk.crv !== 'string' || !jwkCurves.has(jwk.crv)))
    return `the curve ${JSON.stringify(jwk.crv) ?? 'missing'} is not one this tool knows`;
  const problem = memberProblem(members, kty);
  if (problem) return problem;
  const bytesOf = (name: string) => {
    const decoded = decodeBase64url(members[name] as string);
    return decoded.ok ? decoded.bytes : new Uint8Array();
  };
  const isPrivate = typeof jwk.d === 'string';
  switch (kty) {
    case 'oct':
      return { kty: 'oct', bits: bytesOf('k').length * 8, private: true };
    case 'RSA':
      return { kty: 'RSA', bits: bitLength(bytesOf('n')), private: isPrivate };
    default:
      return { kty: kty as 'EC' | 'OKP', curve: jwk.crv as Curve, private: isPrivate };
  }
}

function describeJwk(jwk: JWK, type: KeyType): string {
  const kid = typeof jwk.kid === 'string' ? `, kid "${jwk.kid}"` : '';
  const half = type.kty === 'oct' ? '' : type.private ? ' private' : ' public';
  return `${describeType(type)}${half}${kid}`;
}

/** Reads JSON key text: a JWK, or a JWKS (RFC 7517 §5). Never throws. */
export function detectJsonKey(text: string): KeyDetection {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return invalid(
      `It starts like JSON but does not parse: ${error instanceof Error ? error.message : 'invalid JSON'}.`,
      'JSON',
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return invalid('A JWK is a JSON object and a JWKS is an object with "keys".', 'JSON');
  const object = value as Record<string, unknown>;
  if (Array.isArray(object.keys)) {
    const keys = object.keys.filter((key): key is JWK => typeof key === 'object' && key !== null);
    if (keys.length === 0) return invalid('The key set has no keys.', 'JWKS');
    const kinds = keys.map((key) => {
      const type = jwkKeyType(key);
      return typeof type === 'string' ? 'unreadable key' : describeJwk(key, type);
    });
    return {
      format: 'jwks',
      description: `JWKS with ${keys.length} key${keys.length === 1 ? '' : 's'}: ${kinds.join('; ')}`,
      keys,
    };
  }
  if (typeof object.kty !== 'string')
    return invalid('This JSON has neither "kty" (a JWK) nor "keys" (a JWKS).', 'JSON');
  const jwk = object as JWK;
  const type = jwkKeyType(jwk);
  if (typeof type === 'string') return invalid(`This JWK cannot be used: ${type}.`, 'JWK');
  return { format: 'jwk', description: `JWK, ${describeJwk(jwk, type)}`, keyType: type, jwk };
}

/** Which reading a secret looks meant for (a hint only: the person chooses). */
export function secretLooksLike(text: string): SecretLooksLike {
  if (text.length < 16 || text.length % 4 === 1) return 'text';
  const mixed = /[0-9]/.test(text) && /[a-z]/.test(text) && /[A-Z]/.test(text);
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(text) && (/[+/=]/.test(text) || (mixed && text.length % 4 === 0)))
    return 'base64';
  if (/^[A-Za-z0-9_-]+$/.test(text) && (/[_-]/.test(text) ? mixed : mixed && text.length >= 22))
    return 'base64url';
  return 'text';
}

/** A base64 DER key with its PEM lines lost: say so rather than treat it as a secret. */
function headerlessPem(text: string): KeyDetection | undefined {
  // The shortest key structure, an Ed25519 SPKI, is 44 bytes (60 characters of base64).
  if (text.length < 56) return undefined;
  const der = base64Body(text);
  if (!der || der[0] !== 0x30) return undefined;
  for (const [reader, label, what] of [
    [spkiType, 'PUBLIC KEY', 'key'],
    [pkcs8Type, 'PRIVATE KEY', 'key'],
    [(certificate: Uint8Array) => spkiType(spkiOfCertificate(certificate)), 'CERTIFICATE', 'certificate'],
  ] as const) {
    try {
      if (readDer(der).end !== der.length) return undefined;
      const type = reader(der);
      const inside =
        what === 'key'
          ? `${withArticle(describeType(type))} key`
          : `an X.509 certificate (${describeType(type)} key)`;
      return invalid(
        `This is ${inside} in base64 without its PEM lines. Add "-----BEGIN ${label}-----" before it and "-----END ${label}-----" after it.`,
        'PEM body without BEGIN/END lines',
      );
    } catch {
      // not this structure; try the next
    }
  }
  return undefined;
}

/** Detects the format of whatever was pasted into a key field. Never throws. */
export function detectKeyFormat(input: string): KeyDetection {
  const text = input.trim();
  if (text === '') return { format: 'empty', description: 'No key yet' };
  // A PEM kept in an env file or a JSON string arrives with its line breaks as literal "\n".
  if (text.includes('-----BEGIN ') || text.includes('-----END '))
    return detectPem(text.replace(/\\r\\n|\\n/g, '\n'));
  if (text.startsWith('{')) return detectJsonKey(text);
  const openSsh = /^(ssh-rsa|ssh-ed25519|ssh-dss|ecdsa-sha2-nistp\d+|sk-\S+) AAAA/.exec(text);
  if (openSsh)
    return invalid(
      `This is an OpenSSH public key (${openSsh[1]}), not a PEM or a JWK. Convert it with \`ssh-keygen -e -m PKCS8 -f key.pub\`, which prints a "BEGIN PUBLIC KEY" PEM.`,
      'OpenSSH public key',
    );
  const bare = headerlessPem(text);
  if (bare) return bare;
  const looksLike = secretLooksLike(text);
  const surrogate = loneSurrogateProblem(text, 'secret');
  return {
    format: 'secret',
    description: 'HMAC secret',
    keyType: { kty: 'oct', private: true },
    secretLooksLike: looksLike,
    ...(surrogate
      ? { problem: `${surrogate} Copy the secret again from its source, or give its bytes as base64.` }
      : {}),
  };
}
