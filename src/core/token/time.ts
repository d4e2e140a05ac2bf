/** NumericDate (RFC 7519 §2) helpers: seconds since the epoch, shown to people. */
import { looksLikeMilliseconds } from './numeric-date';

export interface TimeDescription {
  /** The moment in epoch milliseconds, as the token means it (seconds × 1000). */
  epochMs: number;
  iso: string;
  /** Signed difference from now in milliseconds (positive: in the future). */
  fromNowMs: number;
  /** "14 min", "2 h", "3 days". */
  distance: string;
  /** The value is probably milliseconds: a NumericDate in seconds would be past the year 9999. */
  looksLikeMilliseconds: boolean;
}

const maxDateMs = 8.64e15;

export function describeNumericDate(value: unknown, now: number): TimeDescription | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const epochMs = value * 1000;
  const inMilliseconds = looksLikeMilliseconds(value);
  if (Math.abs(epochMs) > maxDateMs) {
    return {
      epochMs,
      iso: 'out of range',
      fromNowMs: epochMs - now,
      distance: 'beyond any date',
      looksLikeMilliseconds: inMilliseconds,
    };
  }
  const fromNowMs = epochMs - now;
  return {
    epochMs,
    iso: new Date(epochMs).toISOString(),
    fromNowMs,
    distance: formatDistance(fromNowMs),
    looksLikeMilliseconds: inMilliseconds,
  };
}

const units: [number, string, string][] = [
  [365.25 * 24 * 3600e3, 'year', 'years'],
  [30 * 24 * 3600e3, 'month', 'months'],
  [24 * 3600e3, 'day', 'days'],
  [3600e3, 'h', 'h'],
  [60e3, 'min', 'min'],
  [1e3, 's', 's'],
];

/** The largest whole unit of a duration: 14 min, 2 h, 3 days. */
export function formatDistance(ms: number): string {
  const abs = Math.abs(ms);
  for (const [size, one, many] of units) {
    if (abs >= size) {
      const count = Math.floor(abs / size);
      return `${count} ${count === 1 ? one : many}`;
    }
  }
  return 'less than a second';
}

/** "expires in 14 min", "expired 2 h ago", and the like, for each time claim. */
export function relativePhrase(claim: string, fromNowMs: number): string {
  const distance = formatDistance(fromNowMs);
  const future = fromNowMs > 0;
  switch (claim) {
    case 'exp':
      return future ? `expires in ${distance}` : `expired ${distance} ago`;
    case 'nbf':
      return future ? `not valid for another ${distance}` : `valid since ${distance} ago`;
    case 'iat':
      return future ? `issued ${distance} in the future` : `issued ${distance} ago`;
    case 'auth_time':
      return future ? `authenticated ${distance} in the future` : `authenticated ${distance} ago`;
    case 'updated_at':
      return future ? `updated ${distance} in the future` : `updated ${distance} ago`;
    default:
      return future ? `in ${distance}` : `${distance} ago`;
  }
}
