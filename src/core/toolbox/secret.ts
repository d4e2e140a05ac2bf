import { encodeBase64, toHex } from './base64';

export interface CharacterSets {
  lower: boolean;
  upper: boolean;
  digits: boolean;
  symbols: boolean;
  /** Leave out look-alikes (0/O, 1/l/I, |) for secrets a person reads aloud or types. */
  avoidAmbiguous?: boolean;
}

const sets = {
  lower: 'abcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digits: '0123456789',
  symbols: '!#$%&()*+,-./:;<=>?@[]^_{|}~',
};
const ambiguous = /[0O1lI|]/g;

export function alphabetFor(choice: CharacterSets): string {
  let alphabet = '';
  for (const name of ['lower', 'upper', 'digits', 'symbols'] as const)
    if (choice[name]) alphabet += sets[name];
  return choice.avoidAmbiguous ? alphabet.replace(ambiguous, '') : alphabet;
}

/** A uniformly random index below `n` from `crypto.getRandomValues`, by rejection (no modulo bias). */
function randomIndex(n: number): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const word = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(word);
    if (word[0]! < limit) return word[0]! % n;
  }
}

export interface GeneratedPassword {
  password: string;
  /** log2(alphabet size) × length: the entropy of a uniformly random choice. */
  entropyBits: number;
  alphabetSize: number;
}

export function generatePassword(length: number, choice: CharacterSets): GeneratedPassword {
  if (!Number.isInteger(length) || length < 1 || length > 1024)
    throw new RangeError('The length must be a whole number from 1 to 1024.');
  const alphabet = alphabetFor(choice);
  if (!alphabet) throw new RangeError('Choose at least one set of characters.');
  let password = '';
  for (let i = 0; i < length; i++) password += alphabet[randomIndex(alphabet.length)];
  return { password, entropyBits: length * Math.log2(alphabet.length), alphabetSize: alphabet.length };
}

export interface GeneratedSecretBytes {
  hex: string;
  base64: string;
  base64url: string;
  entropyBits: number;
}

export function generateSecretBytes(length: number): GeneratedSecretBytes {
  if (!Number.isInteger(length) || length < 1 || length > 4096)
    throw new RangeError('The size must be a whole number of bytes from 1 to 4096.');
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return {
    hex: toHex(bytes),
    base64: encodeBase64(bytes, 'base64'),
    base64url: encodeBase64(bytes, 'base64url'),
    entropyBits: length * 8,
  };
}

/**
 * How strong a secret of `bits` bits of entropy is, and the largest HMAC algorithm it suits.
 * RFC 7518 §3.2: an HS256/HS384/HS512 key must be at least as long as the hash output (256,
 * 384, 512 bits); a random secret's entropy is the honest measure of that length.
 */
export function secretStrength(bits: number): string {
  if (bits >= 512) return 'enough for HS512, HS384 and HS256';
  if (bits >= 384) return 'enough for HS384 and HS256, short of the 512 bits HS512 needs';
  if (bits >= 256) return 'enough for HS256, short of the 384 bits HS384 needs';
  if (bits >= 128) return 'strong, but short of the 256 bits HS256 needs';
  if (bits >= 80) return 'fair';
  return 'weak';
}
