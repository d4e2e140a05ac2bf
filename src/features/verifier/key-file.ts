/**
 * The text of an opened key file. Key files are text (PEM, JWK), but not always UTF-8:
 * Windows PowerShell's `>` and `Out-File` write UTF-16 LE with a byte-order mark, so a PEM
 * saved that way is read as UTF-16 rather than refused as binary.
 */
export type KeyFileText = { ok: true; text: string } | { ok: false; problem: string };

type Encoding = 'utf-16le' | 'utf-16be' | 'utf-8';

/**
 * The encoding a byte-order mark names (the Unicode Standard, §23.8). Without one, ASCII text
 * in UTF-16 still shows itself: every other byte is zero, which no DER key starts with.
 */
function encodingOf(bytes: Uint8Array): Encoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = bytes.subarray(0, 64);
  if (head.length >= 4 && head.length % 2 === 0) {
    const zeroAt = (parity: number) => head.every((byte, i) => (i % 2 === parity) === (byte === 0));
    if (zeroAt(1)) return 'utf-16le';
    if (zeroAt(0)) return 'utf-16be';
  }
  return 'utf-8';
}

const encodingWords: Record<Encoding, string> = {
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'utf-8': 'UTF-8',
};

/** Reads a key file's bytes as text, or says why it is not a key file. Never throws. */
export function keyFileText(name: string, bytes: Uint8Array): KeyFileText {
  if (bytes.length === 0) return { ok: false, problem: `The file is empty: ${name} holds no key.` };
  const encoding = encodingOf(bytes);
  let text: string;
  try {
    // The decoder drops the byte-order mark itself. UTF-16 must decode cleanly; UTF-8 is read
    // leniently, as a PEM may carry a stray Latin-1 byte in a comment line around the key.
    text = new TextDecoder(encoding, { fatal: encoding !== 'utf-8' }).decode(bytes);
  } catch {
    return {
      ok: false,
      problem: `${name} is ${encodingWords[encoding]} text, but damaged: some of its bytes are not ${encodingWords[encoding]}. Save it again as UTF-8 or ASCII (in PowerShell: Set-Content -Encoding ascii).`,
    };
  }
  if ((text.includes('\uFFFD') || text.includes('\u0000')) && !text.includes('-----BEGIN'))
    return {
      ok: false,
      problem: `${name} is binary (DER?). Convert it to PEM, e.g. openssl pkey -inform DER -in key.der`,
    };
  if (text.trim() === '') return { ok: false, problem: `The file is empty: ${name} holds only blank lines.` };
  return { ok: true, text };
}
