/**
 * Text that is turned into bytes as UTF-8 (a secret, an HMAC key or message, text to encode).
 * UTF-8 has no form for half of a UTF-16 surrogate pair: TextEncoder, like Node's Buffer,
 * writes U+FFFD in its place. Such text arrives from a cut emoji or a damaged copy; the bytes
 * used are then not the text typed, so it is said. With the "u" flag a proper pair is one code
 * point, so only a lone surrogate matches. Kept apart from utf8.ts, which the first screen loads.
 */
export function loneSurrogateProblem(text: string, subject: string): string | undefined {
  const match = /\p{Cs}/u.exec(text);
  if (!match) return undefined;
  const code = match[0].charCodeAt(0).toString(16).toUpperCase();
  return `The ${subject} contains an unpaired surrogate (U+${code}) at position ${match.index + 1}: half of a UTF-16 character pair, not a character. As UTF-8 it becomes U+FFFD (the bytes ef bf bd), so the bytes used are not the ${subject} typed.`;
}
