import type { DecodedToken } from '../token/types';
import { algNone } from './rules/alg-none';
import { duplicateKey } from './rules/duplicate-key';
import { noncanonicalBase64url } from './rules/noncanonical-base64url';
import { bySeverity, type AuditContext, type Finding, type SyncRule } from './types';

/** The rules that need nothing but the decoded token and a clock; they run on every keystroke. */
export const syncRules: SyncRule[] = [algNone, duplicateKey, noncanonicalBase64url];

export function runSyncRules(token: DecodedToken, context: AuditContext & { now: number }): Finding[] {
  return syncRules.flatMap((rule) => rule.check(token, context)).sort(bySeverity);
}
