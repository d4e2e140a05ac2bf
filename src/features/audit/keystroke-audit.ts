import type { DecodedToken, Finding, Inspection } from '../../core';
import { runRules } from '../../core/audit/rules';
import { clockRules, timelessRules } from '../../core/audit/all-rules';

export { referenceLinks } from './references';

/*
 * Every synchronous rule for the decoded token, run on each keystroke once this chunk has
 * loaded. It is a chunk of its own so the decoder's first screen does not carry the rules.
 * The rules come in two halves, so the once-a-second clock re-runs only those that read it:
 * on a payload of 50,000 claims the others take a tenth of a second.
 */

function decodedOf(inspection: Extract<Inspection, { ok: true }>): DecodedToken {
  const { ok: _ok, findings: _findings, ...decoded } = inspection;
  return decoded;
}

/** The findings that depend on the token and the key only. */
export function timelessFindings(inspection: Extract<Inspection, { ok: true }>, key: string): Finding[] {
  return runRules(timelessRules, decodedOf(inspection), { now: Date.now(), key: key || undefined });
}

/** The findings that change as time passes: expired, not yet valid, issued in the future. */
export function clockFindings(inspection: Extract<Inspection, { ok: true }>, now: number): Finding[] {
  return runRules(clockRules, decodedOf(inspection), { now });
}
