import type { NameInfo } from './registry';
import { escapeBidiControls } from './json';
import { describeNumericDate, relativePhrase } from './time';

export interface ClaimRow {
  section: 'header' | 'payload';
  name: string;
  /** Registry entry, or undefined for a custom (private) name. */
  info?: NameInfo;
  value: unknown;
  /** The value as one line of text. */
  display: string;
  time?: {
    iso: string;
    epochMs: number;
    relative: string;
    looksLikeMilliseconds: boolean;
  };
}

/** Above this many rows the table shows a count instead of the rest: no one reads 10,000 claims. */
export const claimRowLimit = 500;

/** The NumericDate claims (RFC 7519 §2); kept here so the registry's prose can load lazily. */
export const timeClaims = new Set(['exp', 'nbf', 'iat', 'auth_time', 'updated_at', 'toe']);

/** RFC 7519 §4.1's claims, known before the registry's prose has loaded. */
const registeredClaims = new Set(['iss', 'sub', 'aud', 'jti', ...timeClaims]);

/** Name -> meaning tables; `registry.ts` has the full ones. */
export interface NameRegistries {
  claimRegistry: Record<string, NameInfo>;
  headerRegistry: Record<string, NameInfo>;
}

/** Longer values are cut for the table; the JSON view has them whole. */
const displayLimit = 240;

/** JSON.stringify recurses; a claim nested thousands of levels deep must not break the table. */
function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return '(nested too deeply to show)';
  }
}

function displayValue(value: unknown): string {
  const text = escapeBidiControls(typeof value === 'string' ? value : safeStringify(value));
  return text.length > displayLimit ? `${text.slice(0, displayLimit)}…` : text;
}

function rowsOf(
  section: ClaimRow['section'],
  object: unknown,
  now: number,
  registries?: NameRegistries,
): ClaimRow[] {
  if (typeof object !== 'object' || object === null || Array.isArray(object)) return [];
  const registry = (section === 'header' ? registries?.headerRegistry : registries?.claimRegistry) ?? {};
  // Keys, not entries: a payload of 50,000 claims must not become 50,000 pairs every second.
  const record = object as Record<string, unknown>;
  // Past the limit, the registered claims still get their rows (an "exp" at place 600 keeps its
  // live time), after the first others.
  const names = Object.keys(record);
  const kept =
    names.length <= claimRowLimit
      ? names
      : names.filter(
          (name, index) =>
            index < claimRowLimit || Object.hasOwn(registry, name) || registeredClaims.has(name),
        );
  return kept.map((name) => {
    const value = record[name];
    const row: ClaimRow = {
      section,
      name,
      info: Object.hasOwn(registry, name) ? registry[name] : undefined,
      value,
      display: displayValue(value),
    };
    if (section === 'payload' && timeClaims.has(name)) {
      const time = describeNumericDate(value, now);
      if (time) {
        row.time = {
          iso: time.iso,
          epochMs: time.epochMs,
          relative: relativePhrase(name, time.fromNowMs),
          looksLikeMilliseconds: time.looksLikeMilliseconds,
        };
      }
    }
    return row;
  });
}

/**
 * Every header parameter and claim, named and explained (when the registries are given),
 * with times made human.
 */
export function describeClaims(
  header: unknown,
  payload: unknown,
  now: number,
  registries?: NameRegistries,
): ClaimRow[] {
  return [...rowsOf('header', header, now, registries), ...rowsOf('payload', payload, now, registries)];
}
