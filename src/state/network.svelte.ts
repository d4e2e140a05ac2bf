/**
 * Every network request the app makes, with its URL, so a visitor can see for themselves that
 * nothing carries a token. The browser's Resource Timing entries list each file this page
 * fetched (scripts, styles, icons, workers, frames); requests made inside the JWKS helper
 * frame are invisible to this page, so the helper's caller reports them here itself.
 */

export interface NetworkRequest {
  url: string;
  /** `script`, `link`, `img`, `fetch`, `iframe`… as the browser reports it, or `jwks`. */
  kind: string;
  /** Milliseconds since the page started. */
  at: number;
  sameOrigin: boolean;
}

/** Enough for a long session; older entries drop off, the totals keep counting. */
const keep = 300;

class NetworkLog {
  // Replaced whole on every request (see #add), never mutated.
  requests = $state.raw<NetworkRequest[]>([]);
  total = $state(0);
  offSite = $state(0);
  #started = false;

  /** Begins observing; earlier requests of this page are included (`buffered`). */
  start() {
    if (this.#started || typeof PerformanceObserver === 'undefined') return;
    this.#started = true;
    const navigation = performance.getEntriesByType('navigation')[0];
    if (navigation) this.#add(stripFragment(location.href), 'document', 0);
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as PerformanceResourceTiming[])
          this.#add(entry.name, entry.initiatorType || 'other', entry.startTime);
      }).observe({ type: 'resource', buffered: true });
    } catch {
      // Resource Timing unavailable: the log stays empty rather than wrong.
    }
  }

  /** For requests this page cannot observe itself (the JWKS helper frame's fetch). */
  report(url: string, kind = 'jwks') {
    this.#add(url, kind, performance.now());
  }

  #add(url: string, kind: string, at: number) {
    const sameOrigin = isSameOrigin(url);
    this.total += 1;
    if (!sameOrigin) this.offSite += 1;
    const next = [...this.requests, { url, kind, at, sameOrigin }];
    this.requests = next.length > keep ? next.slice(next.length - keep) : next;
  }
}

function isSameOrigin(url: string): boolean {
  try {
    const parsed = new URL(url, location.href);
    // data: and blob: URLs never touch the network.
    return parsed.origin === location.origin || parsed.protocol === 'data:' || parsed.protocol === 'blob:';
  } catch {
    return false;
  }
}

function stripFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

export const networkLog = new NetworkLog();

/** Call this next to every request the app makes that the page cannot observe (JWKS helper). */
export function reportNetworkRequest(url: string, kind = 'jwks') {
  networkLog.report(url, kind);
}
