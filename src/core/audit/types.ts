import type { DecodedToken } from '../token/types';

export type Severity = 'info' | 'warn' | 'danger';

export type RuleId =
  | 'alg-none'
  | 'weak-secret'
  | 'expired'
  | 'not-yet-valid'
  | 'missing-exp'
  | 'long-lifetime'
  | 'iat-future'
  | 'embedded-jwk'
  | 'jku-header'
  | 'x5u-header'
  | 'kid-suspicious'
  | 'crit-unknown'
  | 'duplicate-key'
  | 'noncanonical-base64url'
  | 'sensitive-data'
  | 'alg-confusion-risk';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** What is wrong, about this token. */
  message: string;
  /** Why it matters: the attack it enables, in a sentence or two. */
  why?: string;
  /** What to do about it. */
  fix: string;
  /** Where the rule comes from, e.g. "RFC 8725 §3.1". */
  reference?: string;
}

export interface AuditContext {
  /** The key or secret the person verifies with, as pasted. */
  key?: string;
  /** Epoch milliseconds; defaults to the real clock. */
  now?: number;
}

/** One rule, one file: a pure function from a decoded token to its findings. */
export interface SyncRule {
  id: RuleId;
  severity: Severity;
  /** Its findings change with `now` alone: a ticking clock re-runs only these rules. */
  readsClock?: true;
  check(token: DecodedToken, context: Required<Pick<AuditContext, 'now'>> & AuditContext): Finding[];
}

export const severityRank: Record<Severity, number> = { danger: 0, warn: 1, info: 2 };

export function bySeverity(a: Finding, b: Finding): number {
  return severityRank[a.severity] - severityRank[b.severity];
}
