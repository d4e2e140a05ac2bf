/** UTF-8 decoding that reports the first bad byte, since TextDecoder's fatal mode does not say where. */

export type Utf8Result = { ok: true; text: string } | { ok: false; message: string; position: number };

const strictDecoder = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(bytes: Uint8Array): Utf8Result {
  try {
    return { ok: true, text: strictDecoder.decode(bytes) };
  } catch {
    const position = firstInvalidUtf8Byte(bytes);
    return {
      ok: false,
      message: `byte ${position + 1} (0x${(bytes[position] ?? 0).toString(16).padStart(2, '0')}) is not valid UTF-8`,
      position: position + 1,
    };
  }
}

/** Index of the first byte that breaks a well-formed UTF-8 sequence (RFC 3629 §4). */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f; // UTF-16 surrogates are not characters
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined) return i;
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (next < lo || next > hi) return i + k;
    }
    i += need + 1;
  }
  return bytes.length;
}
