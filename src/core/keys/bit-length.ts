/**
 * The size of an RSA key is the bit length of its modulus (RFC 8017 §2: "k" is its length
 * in octets, but a key is named by the bits of n): 0x010001 is a 17-bit number, not 24.
 * One function, so the Keys tool and the Verifier name every key alike.
 */
export function bitLength(bigEndian: Uint8Array): number {
  let i = 0;
  // Leading zero octets (a DER INTEGER's sign octet, a padded JWK "n") carry no bits.
  while (i < bigEndian.length && bigEndian[i] === 0) i++;
  if (i === bigEndian.length) return 0;
  return (bigEndian.length - i - 1) * 8 + (32 - Math.clz32(bigEndian[i]!));
}
