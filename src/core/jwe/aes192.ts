/**
 * 192-bit AES, which Chromium's WebCrypto leaves out ("192-bit AES keys are not supported")
 * while Node and the JOSE RFCs have it. A JWE that needs it cannot be opened in such a
 * browser whatever the key, and jose reports a failed AES key unwrap as a failed decryption
 * (on purpose: RFC 7516 §11.5 wants no oracle), so the refusal is told from the algorithm,
 * not blamed on the key.
 */

/**
 * Whether `alg` or `enc` runs AES with a 192-bit key: A192KW and the ECDH-ES and PBES2 key
 * wraps built on it (RFC 7518 §4.4, §4.6, §4.8), A192GCMKW (§4.7), A192GCM (§5.3) and
 * A192CBC-HS384, whose encryption half is AES-192-CBC (§5.2.4).
 */
export function needsAes192(alg: string, enc: string): boolean {
  return runsAes192(alg) || runsAes192(enc);
}

/** The same for one algorithm name, either an "alg" or an "enc" (the Generator's choices). */
export function runsAes192(algorithm: string): boolean {
  return (
    /(?:^|\+)A192(?:GCM)?KW$/.test(algorithm) || algorithm === 'A192GCM' || algorithm === 'A192CBC-HS384'
  );
}

let probe: Promise<boolean> | undefined;

/** Whether this runtime's WebCrypto takes 192-bit AES keys (asked once, then remembered). */
export function runtimeHasAes192(): Promise<boolean> {
  const bytes = new Uint8Array(24);
  const takes = (name: string, usages: KeyUsage[]) =>
    crypto.subtle.importKey('raw', bytes, name, false, usages).then(
      () => true,
      () => false,
    );
  probe ??= Promise.all([
    takes('AES-KW', ['unwrapKey']),
    takes('AES-GCM', ['decrypt']),
    takes('AES-CBC', ['decrypt']),
  ]).then((answers) => answers.every(Boolean));
  return probe;
}

export interface Aes192Context {
  alg: string;
  enc: string;
  /** The answer of `runtimeHasAes192()`. */
  runtimeHasAes192: boolean;
}

/**
 * The reason a decryption that failed is this runtime's missing 192-bit AES, or undefined when
 * the failure is something else. Chromium names the missing support when it imports a 192-bit
 * content key ("dir" with A192GCM); behind a key wrap, jose hides it, so the algorithm and what
 * the runtime lacks decide.
 */
export function aes192Unsupported(error: unknown, context: Aes192Context): string | undefined {
  const { alg, enc } = context;
  if (!needsAes192(alg, enc)) return undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (context.runtimeHasAes192 && !/192-bit AES/i.test(message)) return undefined;
  const uses = [
    ...(/A192(?:GCM)?KW$/.test(alg) ? [`"alg": "${alg}"`] : []),
    ...(enc === 'A192GCM' || enc === 'A192CBC-HS384' ? [`"enc": "${enc}"`] : []),
  ].join(' and ');
  return `This token needs 192-bit AES (${uses}), which this browser's WebCrypto does not have, so it cannot be decrypted here and the key cannot be checked. The token and the key may well be fine: decrypt it with a library such as jose in Node.`;
}
