import type { AuditReport } from '../../../core/audit/audit';

/** Messages from the page to the audit worker. */
export type AuditRequest =
  | { type: 'audit'; id: number; token: string; key: string; now: number; searchSecrets: boolean }
  | { type: 'cancel'; id: number };

/** Messages from the audit worker to the page. */
export type AuditResponse =
  | { type: 'progress'; id: number; tried: number; total: number }
  | { type: 'done'; id: number; report: AuditReport };
