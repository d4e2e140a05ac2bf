/**
 * What an X.509 certificate (RFC 5280 §4.1) says about itself: whom it names, who issued it,
 * when it is valid and which key it carries. Read to explain an `x5c` header; it checks no
 * signature and trusts nothing (the Verifier never takes a token's own certificate as proof).
 */
import { decodeBase64, toHex } from '../toolbox/base64';
import { encodeBase64url } from '../token/base64url';
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

export interface CertificateSummary {
  /** The subject's name in certificate order, as `CN=example.com, O=Example`. */
  subject: string;
  issuer: string;
  /** The serial number in upper-case hexadecimal, as OpenSSL prints it without colons. */
  serialNumber: string;
  /** Validity, in milliseconds since the epoch. */
  notBefore: number;
  notAfter: number;
  /** Issuer and subject are the same name: a root or a self-made certificate. */
  selfIssued: boolean;
  /** `RSA 2048 bits`, `EC P-256`, `Ed25519`… */
  publicKey: string;
  /** How the issuer signed it, e.g. `RSA PKCS#1 v1.5 with SHA-256`. */
  signatureAlgorithm: string;
  /** DNS names, e-mail addresses and URIs of the subject alternative name extension. */
  alternativeNames: string[];
}

export type CertificateReading =
  { ok: true; certificate: CertificateSummary } | { ok: false; message: string };

const attributeNames: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
};

const signatureAlgorithms: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'RSA PKCS#1 v1.5 with SHA-1',
  '1.2.840.113549.1.1.11': 'RSA PKCS#1 v1.5 with SHA-256',
  '1.2.840.113549.1.1.12': 'RSA PKCS#1 v1.5 with SHA-384',
  '1.2.840.113549.1.1.13': 'RSA PKCS#1 v1.5 with SHA-512',
  [oids.rsaPss]: 'RSASSA-PSS',
  '1.2.840.10045.4.3.2': 'ECDSA with SHA-256',
  '1.2.840.10045.4.3.3': 'ECDSA with SHA-384',
  '1.2.840.10045.4.3.4': 'ECDSA with SHA-512',
  [oids.ed25519]: 'Ed25519',
  [oids.ed448]: 'Ed448',
};

const subjectAltName = '2.5.29.17';

/** Reads a DER certificate. A damaged one gets a reason, never an exception. */
export function readCertificate(der: Uint8Array): CertificateReading {
  try {
    return { ok: true, certificate: summarise(der) };
  } catch (error) {
    const reason = error instanceof DerError ? error.message : 'its structure is not a certificate';
    return { ok: false, message: `This is not an X.509 certificate: ${reason}.` };
  }
}

function summarise(der: Uint8Array): CertificateSummary {
  const certificate = expect(readDer(der), 0x30, 'a certificate is a SEQUENCE');
  const [tbs, algorithm] = childrenOf(certificate);
  const fields = childrenOf(expect(tbs, 0x30, 'the signed part is missing'));
  // The version is optional and comes first when present, as [0].
  const [serial, , issuer, validity, subject, publicKeyInfo, ...rest] =
    fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  const [notBefore, notAfter] = childrenOf(expect(validity, 0x30, 'the validity is missing'));
  const issuerName = nameOf(expect(issuer, 0x30, 'the issuer is missing'));
  const subjectName = nameOf(expect(subject, 0x30, 'the subject is missing'));
  const signatureOid = oidOf(
    expect(childrenOf(expect(algorithm, 0x30, 'no signature algorithm'))[0], 0x06, 'no signature algorithm'),
  );
  return {
    subject: subjectName,
    issuer: issuerName,
    serialNumber: toHex(contentOf(expect(serial, 0x02, 'the serial number is missing')))
      .replace(/^(00)+(?=.)/, '')
      .toUpperCase(),
    notBefore: timeOf(notBefore),
    notAfter: timeOf(notAfter),
    selfIssued: issuerName === subjectName,
    publicKey: publicKeyOf(expect(publicKeyInfo, 0x30, 'the public key is missing')),
    signatureAlgorithm: signatureAlgorithms[signatureOid] ?? `OID ${signatureOid}`,
    alternativeNames: alternativeNamesOf(rest.find((field) => field.tag === 0xa3)),
  };
}

function expect(node: DerNode | undefined, tag: number, problem: string): DerNode {
  if (!node || node.tag !== tag) throw new DerError(problem);
  return node;
}

/** RFC 5280 §4.1.2.4: a SEQUENCE of SETs of (type, value) pairs. */
function nameOf(name: DerNode): string {
  return childrenOf(name)
    .flatMap((set) => childrenOf(set))
    .map((pair) => {
      const [type, value] = childrenOf(pair);
      const oid = oidOf(expect(type, 0x06, 'a name attribute has no type'));
      return `${attributeNames[oid] ?? oid}=${stringOf(expect(value, value?.tag ?? -1, 'a name attribute has no value'))}`;
    })
    .join(', ');
}

function stringOf(node: DerNode): string {
  const bytes = contentOf(node);
  // BMPString is UTF-16BE; T61String is read as Latin-1, as OpenSSL does.
  if (node.tag === 0x1e)
    return String.fromCharCode(
      ...Array.from({ length: bytes.length >> 1 }, (_, i) => (bytes[2 * i]! << 8) | bytes[2 * i + 1]!),
    );
  if (node.tag === 0x14) return String.fromCharCode(...bytes);
  return new TextDecoder().decode(bytes);
}

/** UTCTime (years 1950–2049) or GeneralizedTime, in UTC (RFC 5280 §4.1.2.5). */
function timeOf(node: DerNode | undefined): number {
  if (!node || (node.tag !== 0x17 && node.tag !== 0x18)) throw new DerError('a validity date is missing');
  const text = new TextDecoder().decode(contentOf(node));
  const match = (
    node.tag === 0x17
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/
      : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/
  ).exec(text);
  if (!match) {
    // Quoted only when it is short printable text; damaged bytes would garble the message.
    const shown = /^[\x20-\x7e]{1,20}$/.test(text) ? ` "${text}"` : '';
    throw new DerError(`a validity date${shown} is not in the form RFC 5280 requires`);
  }
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const fullYear = node.tag === 0x17 ? (year >= 50 ? 1900 + year : 2000 + year) : year;
  return Date.UTC(fullYear, month - 1, day, hour, minute, second);
}

function publicKeyOf(info: DerNode): string {
  const [algorithm, key] = childrenOf(info);
  const [oidNode, parameters] = childrenOf(expect(algorithm, 0x30, 'the key has no algorithm'));
  const oid = oidOf(expect(oidNode, 0x06, 'the key has no algorithm'));
  if (oid === oids.rsaEncryption || oid === oids.rsaPss) {
    // The BIT STRING's first byte counts unused bits; RSAPublicKey follows (RFC 8017 A.1.1).
    const bits = contentOf(expect(key, 0x03, 'the RSA key is missing'));
    const [modulus] = childrenOf(readDer(bits, 1));
    const digits = contentOf(expect(modulus, 0x02, 'the RSA modulus is missing'));
    const first = digits.findIndex((byte) => byte !== 0);
    const size = first === -1 ? 0 : (digits.length - first) * 8 - Math.clz32(digits[first]!) + 24;
    return `${oid === oids.rsaPss ? 'RSA-PSS' : 'RSA'} ${size} bits`;
  }
  if (oid === oids.ecPublicKey) {
    const curve = parameters?.tag === 0x06 ? oidOf(parameters) : '';
    return `EC ${curveByOid[curve] ?? (curve ? `curve ${curve}` : 'with explicit parameters')}`;
  }
  return okpByOid[oid] ?? `OID ${oid}`;
}

/** The extension [3] holds a SEQUENCE of (id, critical?, OCTET STRING value). */
function alternativeNamesOf(extensions: DerNode | undefined): string[] {
  if (!extensions) return [];
  const list = childrenOf(extensions)[0];
  for (const extension of list ? childrenOf(list) : []) {
    const parts = childrenOf(extension);
    if (parts[0]?.tag !== 0x06 || oidOf(parts[0]) !== subjectAltName) continue;
    const value = parts[parts.length - 1];
    const names = childrenOf(readDer(contentOf(expect(value, 0x04, 'the alternative names are damaged'))));
    // [1] rfc822Name, [2] dNSName, [6] URI: text; IP addresses and other kinds are left out.
    return names
      .filter((name) => [0x81, 0x82, 0x86].includes(name.tag))
      .map((name) => new TextDecoder().decode(contentOf(name)));
  }
  return [];
}

export interface ChainEntry {
  reading: CertificateReading;
  /** base64url SHA-256 and SHA-1 of the certificate: what `x5t#S256` and `x5t` should hold. */
  sha256Thumbprint?: string;
  sha1Thumbprint?: string;
  /** How the entry departs from RFC 7515 §4.1.6 while still being readable. */
  notes?: string[];
}

export interface CertificateChain {
  entries: ChainEntry[];
  /** Set when `x5c` is not an array of strings at all. */
  problem?: string;
  /** Whether the header's `x5t` / `x5t#S256` match the first certificate (undefined: absent). */
  x5tMatches?: boolean;
  x5tS256Matches?: boolean;
}

/**
 * Reads an `x5c` header (RFC 7515 §4.1.6: an array of base64, not base64url, DER
 * certificates, the signer's first) and says whether `x5t`/`x5t#S256` match its first one.
 */
export async function readCertificateChain(
  x5c: unknown,
  header: { x5t?: unknown; 'x5t#S256'?: unknown } = {},
): Promise<CertificateChain> {
  if (!Array.isArray(x5c) || x5c.length === 0)
    return { entries: [], problem: '"x5c" must be a non-empty array of base64 certificates.' };
  const entries = await Promise.all(
    x5c.map(async (item, index): Promise<ChainEntry> => {
      if (typeof item !== 'string')
        return {
          reading: {
            ok: false,
            message: `Certificate ${index + 1} is ${item === null ? 'null' : `a JSON ${Array.isArray(item) ? 'array' : typeof item}`}, not a base64 string.`,
          },
        };
      const decoded = decodeBase64(item.replace(/\s+/g, ''), 'base64');
      if (!decoded.ok)
        return {
          reading: { ok: false, message: `Certificate ${index + 1} is not base64: ${decoded.message}.` },
        };
      const der = new Uint8Array(decoded.bytes);
      const [sha256, sha1] = await Promise.all([digest('SHA-256', der), digest('SHA-1', der)]);
      // Read anyway, so the person sees which certificate it is; a strict base64 decoder
      // (Go's, .NET's) refuses "-" and "_", and a lenient one drops them, so it is said.
      const notes = decoded.notes.map(
        (note) =>
          `Certificate ${index + 1} is not plain base64, as RFC 7515 §4.1.6 requires: ${note.charAt(0).toLowerCase()}${note.slice(1)} Other libraries may refuse it or misread it.`,
      );
      return {
        reading: readCertificate(der),
        sha256Thumbprint: sha256,
        sha1Thumbprint: sha1,
        ...(notes.length ? { notes } : {}),
      };
    }),
  );
  const first = entries[0];
  const matches = (claimed: unknown, actual?: string) =>
    claimed === undefined ? undefined : claimed === actual;
  return {
    entries,
    x5tMatches: matches(header.x5t, first?.sha1Thumbprint),
    x5tS256Matches: matches(header['x5t#S256'], first?.sha256Thumbprint),
  };
}

async function digest(algorithm: 'SHA-256' | 'SHA-1', bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return encodeBase64url(new Uint8Array(await crypto.subtle.digest(algorithm, bytes)));
}
