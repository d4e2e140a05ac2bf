/**
 * Whether a JWK's (x, y) is a point on its curve. WebCrypto refuses a point off the
 * curve with a DataError that, in Chromium, has no message at all; checking the curve
 * equation first lets the reason say what is wrong. A few BigInt operations, no library.
 */

/**
 * y² = x³ + ax + b (mod p): the short Weierstrass form of FIPS 186-4 §D.1.2 (a = −3 on the
 * NIST curves) and SEC 2 §2.4.1 (secp256k1: a = 0, b = 7).
 */
const curves: Record<string, { bytes: number; p: bigint; a: bigint; b: bigint }> = {
  'P-256': {
    bytes: 32,
    a: -3n,
    p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
  },
  'P-384': {
    bytes: 48,
    a: -3n,
    p: 2n ** 384n - 2n ** 128n - 2n ** 96n + 2n ** 32n - 1n,
    b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
  },
  'P-521': {
    bytes: 66,
    a: -3n,
    p: 2n ** 521n - 1n,
    b: 0x51953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00n,
  },
  secp256k1: { bytes: 32, p: 2n ** 256n - 2n ** 32n - 977n, a: 0n, b: 7n },
};

/** The length in bytes of a coordinate (and of "d") on an EC curve, or undefined. */
export const coordinateBytes = (curve: string): number | undefined =>
  Object.hasOwn(curves, curve) ? curves[curve]!.bytes : undefined;

/** "1 byte", "31 bytes". */
export const byteCount = (count: number) => `${count} byte${count === 1 ? '' : 's'}`;

/** Big-endian bytes as one unsigned integer (JWK members, RFC 7518 §2 Base64urlUInt). */
export const toBigInt = (bytes: Uint8Array) =>
  bytes.reduce((value, byte) => (value << 8n) | BigInt(byte), 0n);

/**
 * Why (x, y) is not a public key on `curve`, or undefined when it is (or the curve is not a
 * Weierstrass one this module knows). RFC 7518 §6.2.1.2: x and y are the full coordinate length.
 */
export function pointProblem(curve: string, x: Uint8Array, y: Uint8Array): string | undefined {
  const spec = curves[curve];
  if (!spec) return undefined;
  for (const [name, bytes] of [
    ['x', x],
    ['y', y],
  ] as const)
    if (bytes.length !== spec.bytes)
      return `The JWK's "${name}" is ${byteCount(bytes.length)}, but a ${curve} coordinate is ${spec.bytes} bytes (RFC 7518 §6.2.1.2): it was cut short or belongs to another curve.`;
  const { p, a, b } = spec;
  const X = toBigInt(x);
  const Y = toBigInt(y);
  if (X >= p || Y >= p || (Y * Y - (X * X * X + a * X + b)) % p !== 0n)
    return `The JWK's "x" and "y" are not a point on the ${curve} curve, so they are not a public key: a value was changed or made up. Copy the key again from its source.`;
  return undefined;
}
