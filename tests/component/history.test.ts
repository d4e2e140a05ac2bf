import { afterEach, describe, expect, it, vi } from 'vitest';
import { TokenHistory, historyStorageKey, historyTokenLimit } from '../../src/state/history.svelte';

const token = (n: number, size = 100) => `eyJ${String(n).padStart(4, '0')}.${'a'.repeat(size)}.sig`;
const stored = () =>
  JSON.parse(localStorage.getItem(historyStorageKey) ?? 'null')?.entries?.map(
    (e: { token: string }) => e.token,
  );

describe('TokenHistory', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    localStorage.clear();
  });

  it('does not remember a token over the size limit', () => {
    const history = new TokenHistory();
    history.setEnabled(true);
    history.remember(token(1, historyTokenLimit));
    expect(history.entries).toEqual([]);
    history.remember(token(2));
    expect(stored()).toEqual([token(2)]);
  });

  it('lets the oldest entries go when storage is full, so the list shown is the list kept', () => {
    const history = new TokenHistory();
    history.setEnabled(true);
    for (let n = 1; n <= 3; n++) history.remember(token(n, 1000), n);
    // From now on the storage takes at most about two entries' worth of text.
    const setItem = Storage.prototype.setItem;
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, key, value) {
      if (value.length > 2200) throw new DOMException('full', 'QuotaExceededError');
      setItem.call(this, key, value);
    });
    history.remember(token(4, 1000), 4);
    expect(history.entries.map((e) => e.token)).toEqual([token(4, 1000), token(3, 1000)]);
    expect(stored()).toEqual([token(4, 1000), token(3, 1000)]);
    expect(history.storageError).toBe('');
  });

  it('keeps the list for this tab and says so when storage refuses everything', () => {
    const history = new TokenHistory();
    history.setEnabled(true);
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('disabled', 'SecurityError');
    });
    history.remember(token(1));
    expect(history.entries.map((e) => e.token)).toEqual([token(1)]);
    expect(history.storageError).toContain('until this tab closes');
  });
});
