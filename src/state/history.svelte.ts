/**
 * Recent tokens, only if the person turns history on. Kept in this browser's localStorage and
 * nowhere else; keys and secrets are never recorded (the caller hands over decoded tokens
 * only). Turning history off forgets every entry.
 */
import { inspect } from '../core/token/inspect';

export interface HistoryEntry {
  token: string;
  savedAt: number;
}

export const historyStorageKey = 'tokenscope:history';
export const historyLimit = 20;
/** Larger tokens are not remembered: a few megabyte tokens would fill the browser's storage. */
export const historyTokenLimit = 64 * 1024;

interface Stored {
  enabled: true;
  entries: HistoryEntry[];
}

function readStored(): Stored | null {
  try {
    const raw = localStorage.getItem(historyStorageKey);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Stored>;
    if (value.enabled !== true || !Array.isArray(value.entries)) return null;
    const entries = value.entries.filter(
      (entry): entry is HistoryEntry => typeof entry?.token === 'string' && typeof entry.savedAt === 'number',
    );
    return { enabled: true, entries: entries.slice(0, historyLimit) };
  } catch {
    return null;
  }
}

export class TokenHistory {
  enabled = $state(false);
  entries = $state<HistoryEntry[]>([]);
  /** Set when the browser refused to store (private mode, quota): shown, never thrown. */
  storageError = $state('');

  constructor() {
    if (typeof localStorage === 'undefined') return;
    const stored = readStored();
    if (stored) {
      this.enabled = true;
      this.entries = stored.entries;
    }
  }

  setEnabled(on: boolean) {
    this.enabled = on;
    this.entries = [];
    if (on) this.#save();
    else this.#forget();
  }

  /** Remembers a token that decodes; typing half a token leaves the list alone. */
  rememberIfDecodable(token: string) {
    if (token.trim() && inspect(token).ok) this.remember(token);
  }

  /** Adds a token at the top (moving it if already there). Does nothing while history is off. */
  remember(token: string, now = Date.now()) {
    const text = token.trim();
    if (!this.enabled || !text || text.length > historyTokenLimit) return;
    if (this.entries[0]?.token === text) return;
    this.entries = [{ token: text, savedAt: now }, ...this.entries.filter((e) => e.token !== text)].slice(
      0,
      historyLimit,
    );
    this.#save();
  }

  remove(token: string) {
    this.entries = this.entries.filter((entry) => entry.token !== token);
    this.#save();
  }

  clear() {
    this.entries = [];
    if (this.enabled) this.#save();
    else this.#forget();
  }

  /** When storage is full, the oldest entries give way, so the list shown is the list kept. */
  #save() {
    for (let keep = this.entries.length; keep >= 0; keep--) {
      try {
        const stored: Stored = { enabled: true, entries: this.entries.slice(0, keep) };
        localStorage.setItem(historyStorageKey, JSON.stringify(stored));
        if (keep < this.entries.length) this.entries = this.entries.slice(0, keep);
        this.storageError = '';
        return;
      } catch {
        // Full: try again with one entry fewer.
      }
    }
    this.storageError =
      'This browser refused to store the history (storage is disabled or full): it lasts until this tab closes.';
  }

  #forget() {
    try {
      localStorage.removeItem(historyStorageKey);
    } catch {
      // nothing was stored
    }
  }
}

export const tokenHistory = new TokenHistory();
