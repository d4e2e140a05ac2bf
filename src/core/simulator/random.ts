/**
 * A seeded generator so a scenario replays byte for byte. Session IDs still have the
 * length and entropy of real ones (32 random bytes, OWASP asks for at least 64 bits of
 * entropy); only their source is reproducible. Not for real secrets.
 */
export class SeededRandom {
  #state: Uint32Array;

  constructor(seed: number) {
    // splitmix32 spreads any seed, even 0, over the four words of sfc32's state.
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.#state = new Uint32Array([next(), next(), next(), next()]);
  }

  /** sfc32: small, fast, passes PractRand; a 32-bit word. */
  nextUint32(): number {
    const st = this.#state;
    const t = (((st[0]! + st[1]!) >>> 0) + st[3]!) >>> 0;
    st[3] = (st[3]! + 1) >>> 0;
    st[0] = st[1]! ^ (st[1]! >>> 9);
    st[1] = (st[2]! + (st[2]! << 3)) >>> 0;
    st[2] = ((st[2]! << 21) | (st[2]! >>> 11)) >>> 0;
    st[2] = (st[2]! + t) >>> 0;
    return t;
  }

  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i += 4) {
      const word = this.nextUint32();
      for (let j = 0; j < 4 && i + j < length; j++) out[i + j] = (word >>> (8 * j)) & 0xff;
    }
    return out;
  }

  /** A base64url identifier of `byteLength` random bytes (32 bytes: 43 characters, 256 bits). */
  id(byteLength = 32): string {
    return toBase64url(this.bytes(byteLength));
  }
}

export function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
