/**
 * Base64url decoding that says where and why it fails, and notes what was forgiven.
 * jose's decoder only says "invalid"; a person needs the character position.
 */

import { describeCharacter } from './invisible';

export type Base64urlResult =
  { ok: true; bytes: Uint8Array; noncanonical: string[] } | { ok: false; message: string; position?: number };

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const valueOf = new Int16Array(128).fill(-1);
for (let i = 0; i < alphabet.length; i++) valueOf[alphabet.charCodeAt(i)] = i;

/**
 * Decodes base64url (RFC 4648 §5) leniently: the standard alphabet's `+` and `/` and
 * trailing `=` padding are accepted but reported, because real tokens copied out of
 * other tools carry them (RFC 7515 §2 forbids both).
 */
export function decodeBase64url(text: string): Base64urlResult {
  const noncanonical: string[] = [];
  let end = text.length;
  while (end > 0 && text[end - 1] === '=') end--;
  if (end < text.length) noncanonical.push('it ends with "=" padding, which base64url in JOSE leaves out');

  const length = end;

  const bytes = new Uint8Array(Math.floor((length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let out = 0;
  let sawStandard = false;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    let value = code < 128 ? (valueOf[code] ?? -1) : -1;
    if (value < 0 && (code === 0x2b || code === 0x2f)) {
      value = code === 0x2b ? 62 : 63;
      sawStandard = true;
    }
    if (value < 0) {
      const char = String.fromCodePoint(text.codePointAt(i) ?? code);
      const why =
        char === '='
          ? '"=" padding may only stand at the end'
          : `${describeCharacter(char)} is not in the base64url alphabet`;
      return { ok: false, message: `invalid character at position ${i + 1}: ${why}`, position: i + 1 };
    }
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (buffer >> bits) & 0xff;
    }
    buffer &= 0xff; // only the bits not yet emitted matter
  }
  // Checked after the characters: a stray character is the likelier cause, and more precise.
  if (length % 4 === 1) {
    return {
      ok: false,
      message: `its length (${length} characters) is impossible for base64url: one character too many or too few`,
      position: length,
    };
  }
  if (sawStandard) noncanonical.push('it uses "+" or "/" from standard base64 instead of "-" and "_"');
  if (bits > 0 && (buffer & ((1 << bits) - 1)) !== 0) {
    noncanonical.push(
      'its last character has non-zero unused bits, so other strings decode to the same bytes',
    );
  }
  return { ok: true, bytes: bytes.subarray(0, out), noncanonical };
}

export function encodeBase64url(bytes: Uint8Array): string {
  let text = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    text += alphabet[n >> 18]! + alphabet[(n >> 12) & 63]! + alphabet[(n >> 6) & 63]! + alphabet[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    text += alphabet[n >> 18]! + alphabet[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    text += alphabet[n >> 18]! + alphabet[(n >> 12) & 63]! + alphabet[(n >> 6) & 63]!;
  }
  return text;
}
