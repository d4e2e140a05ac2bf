import { inspect, type Inspection } from '../../core';
import { inspectOffMainThread, offMainThreadThreshold } from './worker/inspect-client';

/**
 * The decoder's state: the text in the box and what it decodes to. Small tokens decode
 * synchronously on every keystroke; big ones in a worker, and a late answer for an older
 * text is dropped so a stale result is never shown.
 */
export class DecoderState {
  input = $state('');
  // Replaced whole, never mutated: raw state keeps a deeply nested payload free of proxies.
  inspection = $state.raw<Inspection | null>(null);
  busy = $state(false);
  #generation = 0;

  constructor(initial = '') {
    this.setInput(initial);
  }

  setInput(text: string) {
    this.input = text;
    const generation = ++this.#generation;
    if (text.trim() === '') {
      this.inspection = null;
      this.busy = false;
      return;
    }
    if (text.length < offMainThreadThreshold || typeof Worker === 'undefined') {
      this.inspection = inspect(text);
      this.busy = false;
      return;
    }
    this.busy = true;
    void inspectOffMainThread(text, Date.now()).then((inspection) => {
      if (generation !== this.#generation) return;
      this.inspection = inspection;
      this.busy = false;
    });
  }
}
