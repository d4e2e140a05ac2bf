import type { Finding, Inspection } from '../../core';
import { runAllSyncRules } from '../../core/audit/all-rules';

export { referenceLinks } from './references';

/**
 * Every synchronous rule for the decoded token, run on each keystroke once this chunk has
 * loaded. It is a chunk of its own so the decoder's first screen does not carry the rules.
 */
export function keystrokeFindings(
  inspection: Extract<Inspection, { ok: true }>,
  key: string,
  now: number,
): Finding[] {
  const { ok: _ok, findings: _findings, ...decoded } = inspection;
  return runAllSyncRules(decoded, { now, key: key || undefined });
}
