/**
 * How the decoder turns text into an Inspection: `inspect()` on the main thread for a typical
 * token, in a Web Worker above a size threshold. It travels with the decoded-token views
 * (vite.config.ts), after the first screen: `DecoderState` loads it with the first token.
 */
import type { Inspection, TokenFormat } from '../../core';

export { inspect } from '../../core/token/inspect';
export { inspectOffMainThread, offMainThreadThreshold } from './worker/inspect-client';

const formatNames: Record<TokenFormat, string> = {
  'jws-compact': 'Signed token (JWS, compact serialization)',
  'jwe-compact': 'Encrypted token (JWE, compact serialization)',
  'jws-json': 'Signed token (JWS, JSON serialization)',
  'jwe-json': 'Encrypted token (JWE, JSON serialization)',
};

/** The decode status line: what the token is, or that it is damaged (the report says how). */
export function summarize(result: Inspection): string {
  if (!result.ok) return 'This token could not be fully decoded; what did decode is shown below.';
  const alg = typeof result.header.alg === 'string' ? ` · ${result.header.alg}` : '';
  const bytes = result.parts.reduce((sum, part) => sum + part.bytes, 0);
  return `${formatNames[result.format]}${alg} · ${result.parts.length} parts, ${bytes.toLocaleString()} bytes decoded`;
}
