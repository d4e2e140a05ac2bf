/**
 * Base64 (RFC 4648 §4) and base64url (§5) encoding and decoding of text and bytes, with errors
 * that say where the input goes wrong. Byte loops rather than `Uint8Array.fromBase64`, which
 * Node 20 lacks.
 */

import { describeCharacter } from '../token/invisible';

export type Base64Variant = 'base64' | 'base64url';

export type BytesResult =
  { ok: true; bytes: Uint8Array; notes: string[] } | { ok: false; message: string; position?: number };

const standard = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const urlSafe = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export function encodeBase64(bytes: Uint8Array, variant: Base64Variant = 'base64'): string {
  const alphabet = variant === 'base64' ? standard : urlSafe;
  const pad = variant === 'base64';
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += alphabet[n >> 18]! + alphabet[(n >> 12) & 63]! + alphabet[(n >> 6) & 63]! + alphabet[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += alphabet[n >> 18]! + alphabet[(n >> 12) & 63]! + (pad ? '==' : '');
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += alphabet[n >> 18]! + alphabet[(n >> 12) & 63]! + alphabet[(n >> 6) & 63]! + (pad ? '=' : '');
  }
  return out;
}

export function encodeText(text: string, variant: Base64Variant = 'base64'): string {
  return encodeBase64(new TextEncoder().encode(text), variant);
}

/**
 * Decodes either alphabet (the variant only changes what is noted as unusual). Whitespace and
 * line breaks, common in pasted PEM bodies, are skipped; padding is optional.
 */
export function decodeBase64(text: string, variant: Base64Variant = 'base64'): BytesResult {
  const notes: string[] = [];
  const values: number[] = [];
  let padding = 0;
  /** Where the first "=" stands (1-based), so an error can point at the "=" itself. */
  let firstPad = 0;
  let sawStandard = false;
  let sawUrlSafe = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (/\s/.test(char)) continue;
    if (char === '=') {
      if (!padding) firstPad = i + 1;
      padding++;
      continue;
    }
    if (padding > 0)
      return {
        ok: false,
        message: `"=" padding may only stand at the end, but the "=" at position ${firstPad} has data after it`,
        position: firstPad,
      };
    let value = urlSafe.indexOf(char);
    if (value < 0) value = standard.indexOf(char);
    if (value < 0) {
      return {
        ok: false,
        message: `${describeCharacter(String.fromCodePoint(text.codePointAt(i)!))} at position ${i + 1} is not a ${variant} character`,
        position: i + 1,
      };
    }
    if (char === '+' || char === '/') sawStandard = true;
    else if (char === '-' || char === '_') sawUrlSafe = true;
    values.push(value);
  }
  if (values.length % 4 === 1)
    return {
      ok: false,
      // Each group of four characters holds 3 bytes; a last group of 2 or 3 holds 1 or 2 bytes,
      // but a single character holds only 6 bits: no byte (RFC 4648 §4).
      message:
        values.length === 1
          ? 'a single character cannot hold a byte (6 bits; a byte needs two characters)'
          : `${values.length} characters leave one over after the last full group of four, and one character cannot hold a byte (a character is missing or extra)`,
    };
  if (padding > 2 || (padding > 0 && (values.length + padding) % 4 !== 0))
    return { ok: false, message: 'the "=" padding does not fit the length' };
  if (sawStandard && sawUrlSafe)
    notes.push(
      'It mixes both alphabets ("+" or "/" of base64 with "-" or "_" of base64url): no encoder writes that, so the text was probably edited or pieced together.',
    );
  else if (variant === 'base64' ? sawUrlSafe : sawStandard)
    notes.push(
      variant === 'base64'
        ? 'It uses the base64url alphabet ("-", "_").'
        : 'It uses the standard base64 alphabet ("+", "/").',
    );
  if (padding && variant === 'base64url')
    notes.push('It has "=" padding, which base64url usually leaves out.');
  const bytes = new Uint8Array(Math.floor((values.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let out = 0;
  for (const value of values) {
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (buffer >> bits) & 0xff;
    }
  }
  if (bits > 0 && (buffer & ((1 << bits) - 1)) !== 0)
    notes.push('Its last character carries stray low bits (not canonical).');
  return { ok: true, bytes, notes };
}

/** Strict UTF-8 decoding: bytes that are not text say so rather than turning into U+FFFD. */
export function bytesToText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, message: 'The bytes are not valid UTF-8 text; see the hex view.' };
  }
}

export function toHex(bytes: Uint8Array, separator = ''): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join(separator);
}

export function fromHex(text: string): BytesResult {
  const prefix = /^\s*0x/i.exec(text)?.[0] ?? '';
  const digits: number[] = [];
  // Positions as a person counts them: one per character, an emoji included.
  let position = [...prefix].length;
  for (const char of text.slice(prefix.length)) {
    position++;
    if (char === ':' || /\s/.test(char)) continue;
    const digit = parseInt(char, 16);
    if (Number.isNaN(digit) || char.length > 1)
      return { ok: false, message: `${describeCharacter(char)} at position ${position} is not a hex digit` };
    digits.push(digit);
  }
  if (digits.length % 2)
    return { ok: false, message: `hex needs an even number of digits; this has ${digits.length}` };
  const bytes = new Uint8Array(digits.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (digits[2 * i]! << 4) | digits[2 * i + 1]!;
  return { ok: true, bytes, notes: [] };
}
