/**
 * The last second a four-digit year holds, 9999-12-31T23:59:59Z. Some issuers write it for
 * "never expires" (.NET's DateTime.MaxValue), so a NumericDate up to it is read as seconds; past
 * it the issuer almost surely wrote milliseconds (every moment since 12 January 1978 is, in
 * milliseconds).
 */
const lastSecondOfYear9999 = 253_402_300_799;

/** A NumericDate (RFC 7519 §2 counts seconds) that is probably milliseconds. */
export const looksLikeMilliseconds = (seconds: number): boolean => seconds > lastSecondOfYear9999;
