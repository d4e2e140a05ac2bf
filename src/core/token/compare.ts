/** What changed between two tokens' claims: the question "why does this one fail and that one not?". */

export type ClaimChange =
  | { kind: 'added'; name: string; after: unknown }
  | { kind: 'removed'; name: string; before: unknown }
  | { kind: 'changed'; name: string; before: unknown; after: unknown };

export interface TokenComparison {
  header: ClaimChange[];
  /**
   * Undefined when either payload holds no claims to compare: an encrypted JWE's, or one that
   * is not a JSON object (detached, or plain text). Its claims were not removed, only unseen.
   */
  payload: ClaimChange[] | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const asRecord = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return false; // too deep to compare as text: report it as changed rather than break
  }
}

export function compareObjects(beforeValue: unknown, afterValue: unknown): ClaimChange[] {
  const before = asRecord(beforeValue);
  const after = asRecord(afterValue);
  const changes: ClaimChange[] = [];
  for (const name of Object.keys(before)) {
    if (!(name in after)) changes.push({ kind: 'removed', name, before: before[name] });
    else if (!same(before[name], after[name]))
      changes.push({ kind: 'changed', name, before: before[name], after: after[name] });
  }
  for (const name of Object.keys(after))
    if (!(name in before)) changes.push({ kind: 'added', name, after: after[name] });
  return changes;
}

export function compareTokens(
  a: { header?: unknown; payload?: unknown },
  b: { header?: unknown; payload?: unknown },
): TokenComparison {
  return {
    header: compareObjects(a.header, b.header),
    payload: isRecord(a.payload) && isRecord(b.payload) ? compareObjects(a.payload, b.payload) : undefined,
  };
}
