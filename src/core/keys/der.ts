/**
 * Just enough DER (ITU-T X.690) to recognise key files and re-wrap the two legacy formats
 * jose refuses: PKCS#1 RSA keys (RFC 8017 appendix A.1) and SEC1 EC private keys
 * (RFC 5915). A full ASN.1 library would weigh tens of kilobytes for four structures.
 */

export interface DerNode {
  tag: number;
  /** The whole element, tag and length included. */
  start: number;
  /** Where the contents begin and end in the source bytes. */
  contentStart: number;
  end: number;
  bytes: Uint8Array;
}

export class DerError extends Error {}

/** Reads one element at `offset`; throws DerError when the bytes are not DER. */
export function readDer(bytes: Uint8Array, offset = 0): DerNode {
  if (offset + 2 > bytes.length) throw new DerError('the key data ends in the middle of a structure');
  const tag = bytes[offset]!;
  let length = bytes[offset + 1]!;
  let contentStart = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new DerError('an unsupported length encoding');
    length = 0;
    for (let i = 0; i < count; i++) {
      const next = bytes[contentStart + i];
      if (next === undefined) throw new DerError('the key data ends in the middle of a length');
      length = length * 256 + next;
    }
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > bytes.length) throw new DerError('the key data is shorter than its structure says (truncated?)');
  return { tag, start: offset, contentStart, end, bytes };
}

/** The direct children of a constructed element (SEQUENCE, context tags). */
export function childrenOf(node: DerNode): DerNode[] {
  const children: DerNode[] = [];
  let offset = node.contentStart;
  while (offset < node.end) {
    const child = readDer(node.bytes, offset);
    children.push(child);
    offset = child.end;
  }
  return children;
}

export const contentOf = (node: DerNode): Uint8Array => node.bytes.subarray(node.contentStart, node.end);
export const wholeOf = (node: DerNode): Uint8Array => node.bytes.subarray(node.start, node.end);

/** Dotted OID text of an OBJECT IDENTIFIER element (X.690 §8.19). */
export function oidOf(node: DerNode): string {
  if (node.tag !== 0x06) throw new DerError('expected an object identifier');
  const content = contentOf(node);
  const first = content[0] ?? 0;
  const arcs = [Math.min(2, Math.floor(first / 40)), first - Math.min(2, Math.floor(first / 40)) * 40];
  let value = 0;
  for (let i = 1; i < content.length; i++) {
    value = value * 128 + (content[i]! & 0x7f);
    if (!(content[i]! & 0x80)) {
      arcs.push(value);
      value = 0;
    }
  }
  return arcs.join('.');
}

/** Encodes one element from its tag and contents. */
export function encodeDer(tag: number, ...contents: Uint8Array[]): Uint8Array {
  const length = contents.reduce((sum, part) => sum + part.length, 0);
  let header: number[];
  if (length < 0x80) header = [tag, length];
  else {
    const lengthBytes: number[] = [];
    for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) lengthBytes.unshift(rest % 256);
    header = [tag, 0x80 | lengthBytes.length, ...lengthBytes];
  }
  const out = new Uint8Array(header.length + length);
  out.set(header);
  let offset = header.length;
  for (const part of contents) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function encodeOid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(Number);
  const body: number[] = [arcs[0]! * 40 + arcs[1]!];
  for (const arc of arcs.slice(2)) {
    const groups: number[] = [];
    let rest = arc;
    do {
      groups.unshift(rest & 0x7f);
      rest = Math.floor(rest / 128);
    } while (rest > 0);
    for (let i = 0; i < groups.length - 1; i++) groups[i]! |= 0x80;
    body.push(...groups);
  }
  return encodeDer(0x06, new Uint8Array(body));
}

export const oids = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsaPss: '1.2.840.113549.1.1.10',
  ecPublicKey: '1.2.840.10045.2.1',
  p256: '1.2.840.10045.3.1.7',
  p384: '1.3.132.0.34',
  p521: '1.3.132.0.35',
  secp256k1: '1.3.132.0.10',
  x25519: '1.3.101.110',
  x448: '1.3.101.111',
  ed25519: '1.3.101.112',
  ed448: '1.3.101.113',
} as const;

/** The named curves of EC keys (RFC 5480), by the OID in their parameters. */
export const curveByOid: Record<string, 'P-256' | 'P-384' | 'P-521' | 'secp256k1'> = {
  [oids.p256]: 'P-256',
  [oids.p384]: 'P-384',
  [oids.p521]: 'P-521',
  [oids.secp256k1]: 'secp256k1',
};

/** The OKP key types (RFC 8410), by their algorithm OID. */
export const okpByOid: Record<string, 'Ed25519' | 'Ed448' | 'X25519' | 'X448'> = {
  [oids.ed25519]: 'Ed25519',
  [oids.ed448]: 'Ed448',
  [oids.x25519]: 'X25519',
  [oids.x448]: 'X448',
};

const nullParameters = new Uint8Array([0x05, 0x00]);

/** RFC 8017 A.1.1 RSAPublicKey → RFC 5280 SubjectPublicKeyInfo. */
export function wrapPkcs1PublicKey(pkcs1: Uint8Array): Uint8Array {
  const algorithm = encodeDer(0x30, encodeOid(oids.rsaEncryption), nullParameters);
  return encodeDer(0x30, algorithm, encodeDer(0x03, new Uint8Array([0]), pkcs1));
}

/** RFC 8017 A.1.2 RSAPrivateKey → RFC 5208 PrivateKeyInfo (version 0). */
export function wrapPkcs1PrivateKey(pkcs1: Uint8Array): Uint8Array {
  const algorithm = encodeDer(0x30, encodeOid(oids.rsaEncryption), nullParameters);
  return encodeDer(0x30, encodeDer(0x02, new Uint8Array([0])), algorithm, encodeDer(0x04, pkcs1));
}

/** The named curve of a SEC1 ECPrivateKey (RFC 5915 §3, its `[0] parameters`), if present. */
export function curveOfSec1(sec1: Uint8Array): string | undefined {
  const children = childrenOf(readDer(sec1));
  const parameters = children.find((child) => child.tag === 0xa0);
  if (!parameters) return undefined;
  return oidOf(readDer(parameters.bytes, parameters.contentStart));
}

/** RFC 5915 ECPrivateKey → RFC 5208 PrivateKeyInfo with id-ecPublicKey and its curve. */
export function wrapSec1PrivateKey(sec1: Uint8Array, curveOid: string): Uint8Array {
  const algorithm = encodeDer(0x30, encodeOid(oids.ecPublicKey), encodeOid(curveOid));
  return encodeDer(0x30, encodeDer(0x02, new Uint8Array([0])), algorithm, encodeDer(0x04, sec1));
}
