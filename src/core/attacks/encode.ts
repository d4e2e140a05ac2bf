import { base64url } from 'jose';

/** `BASE64URL(UTF8(JSON(header))) . BASE64URL(UTF8(JSON(payload)))`, the JWS signing input (RFC 7515 §5.1). */
export function signingInput(header: object, payload: object): string {
  return `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(payload))}`;
}

/**
 * HMAC-SHA-256 over the signing input. Through @noble/hashes, not WebCrypto: the presets need
 * keys WebCrypto refuses (an empty key for the kid traversal, whose target file is empty).
 */
export async function hmacSha256(key: Uint8Array, input: string): Promise<string> {
  const [{ hmac }, { sha256 }] = await Promise.all([
    import('@noble/hashes/hmac.js'),
    import('@noble/hashes/sha2.js'),
  ]);
  return base64url.encode(hmac(sha256, key, new TextEncoder().encode(input)));
}
