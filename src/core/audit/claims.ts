import { quoteJson } from '../token/json';
import { looksLikeMilliseconds as inMilliseconds } from '../token/numeric-date';
import type { DecodedToken } from '../token/types';

/**
 * What the audit rules read from a payload. A payload is only readable in a JWS; a JWE's
 * payload is ciphertext, and a JWS payload may be plain text (RFC 7515 allows any bytes).
 */
export function readablePayload(token: DecodedToken): Record<string, unknown> | undefined {
  if (token.format.startsWith('jwe')) return undefined;
  const payload = token.payload;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return undefined;
  return payload as Record<string, unknown>;
}

/** A NumericDate (RFC 7519 §2) as epoch milliseconds, or undefined when the claim is absent or not one. */
export function numericDateMs(payload: Record<string, unknown>, claim: string): number | undefined {
  const value = payload[claim];
  return typeof value === 'number' && Number.isFinite(value) ? value * 1000 : undefined;
}

/** A NumericDate, given here as epoch milliseconds, that the issuer probably wrote in milliseconds. */
export const looksLikeMilliseconds = (epochMs: number): boolean => inMilliseconds(epochMs / 1000);

/** Quotes a value from the token for a message: JSON-escaped (control and bidi characters visible), and short. */
export function quote(value: unknown, max = 60): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    // JSON.stringify recurses: a value nested thousands of levels deep overflows the stack.
    text = Array.isArray(value) ? '[…nested too deeply to quote…]' : '{…nested too deeply to quote…}';
  }
  return quoteJson(text.length > max ? `${text.slice(0, max)}…` : text);
}

/** The HMAC algorithms of RFC 7518 §3.2, with the minimum key size they ask for. */
export const hmacKeyBytes: Record<string, number> = { HS256: 32, HS384: 48, HS512: 64 };

export function isHmacToken(token: DecodedToken): boolean {
  return (
    token.format.startsWith('jws') && typeof token.header.alg === 'string' && token.header.alg in hmacKeyBytes
  );
}

/** The largest instant a JavaScript Date holds (ECMA-262 §21.4.1.22): ±100,000,000 days. */
const maxDateMs = 8.64e15;

/** An ISO 8601 time, or a plain phrase when the NumericDate is beyond what a Date can hold. */
export function isoTime(epochMs: number): string {
  if (Math.abs(epochMs) <= maxDateMs) return new Date(epochMs).toISOString();
  return epochMs > 0 ? 'a date beyond year 275760' : 'a date before year -271821';
}

/** A human time span: "3 days", "2 hours". */
export function span(ms: number): string {
  const abs = Math.abs(ms);
  if (!(abs < maxDateMs)) return 'longer than any calendar date';
  const units: [number, string][] = [
    [365.25 * 86_400_000, 'year'],
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1000, 'second'],
  ];
  for (const [size, name] of units) {
    if (abs >= size) {
      const count = Math.floor(abs / size);
      return `${count.toLocaleString('en')} ${name}${count === 1 ? '' : 's'}`;
    }
  }
  return 'less than a second';
}
