import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCertificate, readCertificateChain } from '../../src/core/keys/certificate';

/** A self-signed certificate made by the openssl CLI, as DER and as base64 (an x5c entry). */
function makeCertificate(name: string, keyOptions: string[], days: number) {
  const folder = mkdtempSync(join(tmpdir(), 'tokenscope-x5c-'));
  const certFile = join(folder, `${name}.crt`);
  execFileSync('openssl', [
    'req',
    '-x509',
    ...keyOptions,
    '-nodes',
    '-keyout',
    join(folder, `${name}.key`),
    '-out',
    certFile,
    '-outform',
    'DER',
    '-subj',
    '/C=DE/O=Tokenscope Test/CN=api.example.com',
    '-addext',
    'subjectAltName=DNS:api.example.com,DNS:www.example.com,email:ops@example.com,URI:https://example.com/',
    '-days',
    String(days),
  ]);
  const der = new Uint8Array(readFileSync(certFile));
  return { der, base64: Buffer.from(der).toString('base64'), node: new X509Certificate(der) };
}

// Node's own X.509 reader is the independent reference for every field.
const hexToBase64url = (hex: string) => Buffer.from(hex.replace(/:/g, ''), 'hex').toString('base64url');

describe('readCertificate', () => {
  for (const [name, keyOptions, days, expectedKey] of [
    ['rsa', ['-newkey', 'rsa:2048'], 30, 'RSA 2048 bits'],
    ['p384', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384'], 400, 'EC P-384'],
    // Valid past 2049: the end date is a GeneralizedTime, not a UTCTime.
    ['ed25519', ['-newkey', 'ed25519'], 10_000, 'Ed25519'],
  ] as const) {
    it(`reads what Node reads from a ${name} certificate made by openssl`, () => {
      const { der, node } = makeCertificate(name, [...keyOptions], days);
      const reading = readCertificate(der);
      if (!reading.ok) throw new Error(reading.message);
      const certificate = reading.certificate;
      expect(certificate.subject).toBe(node.subject.split('\n').join(', '));
      expect(certificate.issuer).toBe(node.issuer.split('\n').join(', '));
      expect(certificate.selfIssued).toBe(true);
      expect(certificate.serialNumber).toBe(node.serialNumber.toUpperCase());
      expect(certificate.notBefore).toBe(Date.parse(node.validFrom));
      expect(certificate.notAfter).toBe(Date.parse(node.validTo));
      expect(certificate.publicKey).toBe(expectedKey);
      expect(certificate.alternativeNames).toEqual(
        node.subjectAltName!.split(', ').map((entry) => entry.slice(entry.indexOf(':') + 1)),
      );
    });
  }

  it('names the signature algorithm as openssl does', () => {
    const { der } = makeCertificate('rsa-sig', ['-newkey', 'rsa:2048'], 1);
    const reading = readCertificate(der);
    // openssl req signs with SHA-256 by default: sha256WithRSAEncryption.
    expect(reading.ok && reading.certificate.signatureAlgorithm).toBe('RSA PKCS#1 v1.5 with SHA-256');
  });

  it('gives a reason for bytes that are not a certificate, and never throws', () => {
    const { der } = makeCertificate('cut', ['-newkey', 'ed25519'], 1);
    for (const [bytes, reason] of [
      [der.subarray(0, 40), 'shorter than its structure says'],
      [new Uint8Array([0x04, 0x02, 0x01, 0x02]), 'a certificate is a SEQUENCE'],
      [new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]), 'the signed part is missing'],
      [new Uint8Array(), 'ends in the middle'],
    ] as const) {
      const reading = readCertificate(bytes);
      expect(reading.ok).toBe(false);
      expect(!reading.ok && reading.message).toContain(reason);
    }
  });
});

describe('readCertificateChain', () => {
  it('says whether x5t and x5t#S256 are the thumbprints of the first certificate', async () => {
    const { base64, node } = makeCertificate('thumb', ['-newkey', 'ed25519'], 1);
    const sha256 = hexToBase64url(node.fingerprint256);
    const sha1 = hexToBase64url(node.fingerprint);
    const good = await readCertificateChain([base64], { 'x5t#S256': sha256, x5t: sha1 });
    expect(good.entries[0]?.sha256Thumbprint).toBe(sha256);
    expect(good.x5tS256Matches).toBe(true);
    expect(good.x5tMatches).toBe(true);
    const bad = await readCertificateChain([base64], { 'x5t#S256': sha1 });
    expect(bad.x5tS256Matches).toBe(false);
    expect(bad.x5tMatches).toBeUndefined();
  });

  it('reads a certificate written in base64url, and says RFC 7515 wants plain base64', async () => {
    const { base64, node } = makeCertificate('url-alphabet', ['-newkey', 'ed25519'], 1);
    const urlSafe = base64.replace(/\+/g, '-').replace(/\//g, '_');
    // Only a certificate whose base64 holds "+" or "/" differs in base64url; openssl's random
    // key and serial make one almost always, so the test checks it holds for this one.
    expect(urlSafe).not.toBe(base64);
    const chain = await readCertificateChain([base64, urlSafe]);
    expect(chain.entries[0]!.notes).toBeUndefined();
    expect(chain.entries[1]!.sha256Thumbprint).toBe(hexToBase64url(node.fingerprint256));
    expect(chain.entries[1]!.notes).toEqual([
      'Certificate 2 is not plain base64, as RFC 7515 §4.1.6 requires: it uses the base64url alphabet ("-", "_"). Other libraries may refuse it or misread it.',
    ]);
  });

  it('explains a chain that is not an array of base64 certificates', async () => {
    expect((await readCertificateChain('MIIB')).problem).toContain('non-empty array');
    expect((await readCertificateChain([])).problem).toContain('non-empty array');
    const chain = await readCertificateChain([42, 'not*base64', 'AAAA']);
    expect(chain.entries.map((entry) => entry.reading.ok)).toEqual([false, false, false]);
    expect(!chain.entries[0]!.reading.ok && chain.entries[0]!.reading.message).toBe(
      'Certificate 1 is a JSON number, not a base64 string.',
    );
    expect(!chain.entries[1]!.reading.ok && chain.entries[1]!.reading.message).toContain(
      'Certificate 2 is not base64',
    );
    expect(!chain.entries[2]!.reading.ok && chain.entries[2]!.reading.message).toContain(
      'not an X.509 certificate',
    );
  });
});

describe('readCertificate on hostile bytes', () => {
  const { der } = makeCertificate('fuzz', ['-newkey', 'rsa:2048'], 30);
  const expectSound = (bytes: Uint8Array) => {
    const reading = readCertificate(bytes);
    if (!reading.ok) {
      expect(reading.message).toMatch(/^This is not an X\.509 certificate: .{10,}\.$/);
      expect(reading.message).not.toMatch(/undefined|NaN|\[object/);
      return;
    }
    const { certificate } = reading;
    expect(Number.isFinite(certificate.notBefore) && Number.isFinite(certificate.notAfter)).toBe(true);
    expect(JSON.stringify(certificate)).not.toMatch(/undefined|NaN/);
  };

  it('never throws on a real certificate with bytes changed, cut or inserted (seeded, 4,000 cases)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: der.length - 1 }),
        fc.integer({ min: 0, max: 255 }),
        fc.constantFrom('change', 'cut', 'insert'),
        (at, value, how) => {
          const bytes =
            how === 'change'
              ? Uint8Array.from(der, (byte, index) => (index === at ? value : byte))
              : how === 'cut'
                ? der.subarray(0, at)
                : new Uint8Array([...der.subarray(0, at), value, ...der.subarray(at)]);
          expectSound(bytes);
        },
      ),
      { seed: 20261123, numRuns: 4_000 },
    );
  });

  it('never throws on arbitrary bytes (seeded, 2,000 cases)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => expectSound(bytes)),
      { seed: 20261123, numRuns: 2_000 },
    );
  });
});
