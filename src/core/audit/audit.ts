import { inspect } from '../token/inspect';
import type { DecodedToken } from '../token/types';
import { runAllSyncRules } from './all-rules';
import { checkWeakSecret, type WeakSecretOptions } from './rules/weak-secret';
import type { SecretSearchResult } from './secret-search';
import { bySeverity, type AuditContext, type Finding } from './types';

export interface AuditReport {
  findings: Finding[];
  /** What the weak-secret search did: found a secret, tried them all, was cancelled, or did not apply. */
  search: SecretSearchResult;
}

/**
 * The full audit: every synchronous rule (with the verifying key, when given) plus the slow
 * ones (the weak-secret search). The worker calls this with progress, cancel and extra
 * candidates; `audit` is the plain contract of DESIGN.md. Never throws.
 */
export async function auditWithOptions(
  token: string,
  context: AuditContext = {},
  options: WeakSecretOptions = {},
): Promise<AuditReport> {
  const now = typeof context.now === 'number' && Number.isFinite(context.now) ? context.now : Date.now();
  const key = typeof context.key === 'string' && context.key !== '' ? context.key : undefined;
  const inspection = inspect(String(token ?? ''), { now });
  if (!inspection.ok) return { findings: inspection.findings, search: { status: 'not-applicable' } };
  const { ok: _ok, findings: _findings, ...decoded } = inspection;
  const fast = runAllSyncRules(decoded satisfies DecodedToken, { now, key });
  try {
    const slow = await checkWeakSecret(decoded, { now, key }, options);
    return { findings: [...fast, ...slow.findings].sort(bySeverity), search: slow.search };
  } catch {
    // WebCrypto refused something unexpected; the fast findings still stand.
    return { findings: fast, search: { status: 'not-applicable' } };
  }
}

/** Every audit finding for a token, most severe first (DESIGN.md contract). Never throws. */
export async function audit(token: string, context?: AuditContext): Promise<Finding[]> {
  return (await auditWithOptions(token, context)).findings;
}
