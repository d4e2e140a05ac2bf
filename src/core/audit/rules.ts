import type { DecodedToken } from '../token/types';
import { algNone } from './rules/alg-none';
import { duplicateKey } from './rules/duplicate-key';
import { noncanonicalBase64url } from './rules/noncanonical-base64url';
import { bySeverity, type AuditContext, type Finding, type SyncRule } from './types';

/**
 * The structural rules that run inside `inspect()`: they read only the token's bytes and JSON,
 * and they ship in the decoder's first bundle. The other synchronous rules (claims, headers,
 * key context) are in `all-rules.ts`, which `audit()` runs and the decoder loads on first use.
 */
export const syncRules: SyncRule[] = [algNone, duplicateKey, noncanonicalBase64url];

/** Runs rules, most severe findings first; a failing rule must not take the decoder down with it. */
export function runRules(
  rules: readonly SyncRule[],
  token: DecodedToken,
  context: AuditContext & { now: number },
): Finding[] {
  const findings = rules.flatMap((rule) => {
    try {
      return rule.check(token, context);
    } catch {
      return [];
    }
  });
  return findings.sort(bySeverity);
}

export function runSyncRules(token: DecodedToken, context: AuditContext & { now: number }): Finding[] {
  return runRules(syncRules, token, context);
}
