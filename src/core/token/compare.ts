/** What changed between two tokens' claims: the question "why does this one fail and that one not?". */

export type ClaimChange =
  | { kind: 'added'; name: string; after: unknown }
  | { kind: 'removed'; name: string; before: unknown }
  | { kind: 'changed'; name: string; before: unknown; after: unknown };

export interface TokenComparison {
  header: ClaimChange[];
  payload: ClaimChange[];
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

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
  return { header: compareObjects(a.header, b.header), payload: compareObjects(a.payload, b.payload) };
}
