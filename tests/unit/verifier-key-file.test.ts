/**
 * Reading an opened key file (QA 3). The UTF-16 bytes are built by Node's Buffer (a second
 * encoder), the byte-order marks are those of the Unicode Standard §23.8.
 */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyFileText } from '../../src/features/verifier/key-file';

const pem = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
const bytes = (buffer: Buffer) => new Uint8Array(buffer);

describe('keyFileText', () => {
  it('reads UTF-8 and ASCII as they are, and drops a UTF-8 byte-order mark', () => {
    expect(keyFileText('a.pem', bytes(Buffer.from(pem)))).toEqual({ ok: true, text: pem });
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(pem)]);
    expect(keyFileText('a.pem', bytes(withBom))).toEqual({ ok: true, text: pem });
  });

  it('reads UTF-16 LE and BE with a byte-order mark (PowerShell `>` writes LE)', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(pem, 'utf16le')]);
    expect(keyFileText('ps.pem', bytes(le))).toEqual({ ok: true, text: pem });
    const be = Buffer.from(pem, 'utf16le').swap16();
    expect(keyFileText('be.pem', bytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be])))).toEqual({
      ok: true,
      text: pem,
    });
    // Without a mark, every other byte zero still says UTF-16.
    expect(keyFileText('nobom.pem', bytes(Buffer.from(pem, 'utf16le')))).toEqual({ ok: true, text: pem });
  });

  it('says an empty file is empty', () => {
    expect(keyFileText('key.pem', new Uint8Array())).toEqual({
      ok: false,
      problem: 'The file is empty: key.pem holds no key.',
    });
    const blank = keyFileText('key.pem', bytes(Buffer.from('\r\n  \n')));
    expect(blank.ok).toBe(false);
    if (!blank.ok) expect(blank.problem).toContain('The file is empty');
  });

  it('calls DER binary, and damaged UTF-16 damaged', () => {
    const der = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' });
    const binary = keyFileText('key.der', bytes(der));
    expect(binary.ok).toBe(false);
    if (!binary.ok) expect(binary.problem).toContain('binary (DER?)');
    // A lone high surrogate (D800) followed by "A": not UTF-16.
    const damaged = keyFileText('bad.pem', Uint8Array.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]));
    expect(damaged.ok).toBe(false);
    if (!damaged.ok) expect(damaged.problem).toContain('UTF-16 LE text, but damaged');
  });
});
