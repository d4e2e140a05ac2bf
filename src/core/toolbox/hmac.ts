import { hmac } from '@noble/hashes/hmac.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { encodeBase64, toHex } from './base64';

export type HmacHash = 'SHA-256' | 'SHA-384' | 'SHA-512';

export interface HmacDigest {
  hex: string;
  base64: string;
  base64url: string;
}

const hashes = { 'SHA-256': sha256, 'SHA-384': sha384, 'SHA-512': sha512 } as const;

/**
 * HMAC (RFC 2104) of a message under a key. @noble/hashes rather than WebCrypto: it is
 * synchronous (the digest follows every keystroke) and accepts an empty key, which WebCrypto refuses.
 */
export function hmacDigest(message: Uint8Array, key: Uint8Array, hash: HmacHash = 'SHA-256'): HmacDigest {
  const mac = hmac(hashes[hash], key, message);
  return { hex: toHex(mac), base64: encodeBase64(mac, 'base64'), base64url: encodeBase64(mac, 'base64url') };
}
