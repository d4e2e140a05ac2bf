/**
 * What the shared member check (`jwkKeyType` in detect.ts: the types and base64url of each
 * member) leaves open about a JWK: whether its numbers can be a key at all, and whether the key
 * is too weak to use. Each reason is a whole sentence a person can act on.
 */
import type { JWK } from 'jose';
import { decodeBase64url } from '../token/base64url';
import { bitLength } from './bit-length';
import { jwkKeyType } from './detect';
import { byteCount, coordinateBytes, pointProblem, toBigInt } from './ec-point';

/** RFC 8037 §2 (and RFC 8032 §5.1.5, §5.2.5; RFC 7748 §5): the key length of each OKP curve. */
const okpBytes: Record<string, number> = { Ed25519: 32, Ed448: 57, X25519: 32, X448: 56 };

const bytesOf = (jwk: JWK, name: string): Uint8Array => {
  const value = (jwk as Record<string, unknown>)[name];
  if (typeof value !== 'string') return new Uint8Array();
  const decoded = decodeBase64url(value);
  return decoded.ok ? decoded.bytes : new Uint8Array();
};

/**
 * Why a JWK that passed the member check still cannot be a key, or undefined. Checked without
 * a library: lengths fixed by the curve, the point on the curve, RSA's public exponent, an
 * empty secret. WebCrypto's own import (done by the caller) catches what is left.
 */
export function jwkValueProblem(jwk: JWK): string | undefined {
  const type = jwkKeyType(jwk);
  if (typeof type === 'string') return `This JWK cannot be used: ${type}.`;
  switch (type.kty) {
    case 'oct':
      return type.bits === 0
        ? 'The JWK\'s "k" is empty: a secret of no bytes is no key at all. Put the secret, base64url-encoded, in "k".'
        : undefined;
    case 'EC': {
      const problem = pointProblem(type.curve!, bytesOf(jwk, 'x'), bytesOf(jwk, 'y'));
      if (problem) return problem;
      const bytes = coordinateBytes(type.curve!);
      const d = bytesOf(jwk, 'd');
      // RFC 7518 §6.2.2.1: "d" is as long as a coordinate, leading zeros kept.
      if (type.private && bytes !== undefined && d.length !== bytes)
        return `The JWK's "d" is ${byteCount(d.length)}, but a ${type.curve} private key is ${bytes} bytes (RFC 7518 §6.2.2.1): it was cut short or belongs to another curve.`;
      return undefined;
    }
    case 'OKP': {
      const bytes = okpBytes[type.curve!]!;
      for (const name of type.private ? ['x', 'd'] : ['x']) {
        const length = bytesOf(jwk, name).length;
        if (length !== bytes)
          return `The JWK's "${name}" is ${byteCount(length)}, but an ${type.curve} key is ${bytes} bytes (RFC 8037 §2): it was cut short or belongs to another curve.`;
      }
      return undefined;
    }
    case 'RSA': {
      // RFC 8017 §3.1: n is a product of odd primes, and 3 ≤ e ≤ n − 1 with e odd.
      const n = toBigInt(bytesOf(jwk, 'n'));
      const e = toBigInt(bytesOf(jwk, 'e'));
      if (n % 2n === 0n)
        return 'The JWK\'s "n" is an even number, so it is not an RSA modulus (a product of two odd primes, RFC 8017 §3.1): a value was changed or made up.';
      if (e < 3n || e % 2n === 0n || e >= n)
        return `The JWK's "e" (${e > 2n ** 64n ? 'a very large number' : e.toString()}) is not an RSA public exponent for this "n": it must be odd, at least 3 and smaller than the modulus (RFC 8017 §3.1). Were "n" and "e" swapped or cut short?`;
      return undefined;
    }
  }
}

/** RFC 7518 §3.2: an HMAC key at least as long as the hash output. */
const hmacBits: Record<string, number> = { HS256: 256, HS384: 384, HS512: 512 };

/** Why a usable key is weak, or nothing: short RSA moduli and short HMAC secrets. */
export function jwkWarnings(jwk: JWK): string[] {
  const type = jwkKeyType(jwk);
  if (typeof type === 'string' || type.bits === undefined) return [];
  if (type.kty === 'RSA' && type.bits < 2048)
    return [
      `This RSA key is only ${type.bits} bits: RFC 7518 (§3.3, §3.5, §4.2) requires 2048 or more, and jose and most libraries refuse a smaller key. A key this short can be factored, and then anyone can sign with it.`,
    ];
  if (type.kty === 'oct' && type.bits > 0) {
    const alg = typeof jwk.alg === 'string' && Object.hasOwn(hmacBits, jwk.alg) ? jwk.alg : 'HS256';
    const needed = hmacBits[alg]!;
    if (type.bits < needed)
      return [
        `This secret is only ${type.bits} bits: ${alg} needs at least ${needed} (RFC 7518 §3.2, a key as long as the hash output), and a short secret can be guessed from one token offline.`,
      ];
  }
  return [];
}
