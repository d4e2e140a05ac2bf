import type { Inspection } from '../../core';

type Decoding = typeof import('./decoding');
let decoding: Decoding | undefined;
/**
 * The decoding code is not on the first screen (the box and its status are): it loads with
 * the first token, or after the load event (`Decoder.svelte` prefetches it), whichever comes
 * first. Once loaded, a keystroke decodes synchronously again.
 */
export const loadDecoding = (): Promise<Decoding> =>
  import('./decoding').then((module) => (decoding = module));

/**
 * The decoder's state: the text in the box and what it decodes to. Small tokens decode
 * synchronously on every keystroke; big ones in a worker, and a late answer for an older
 * text is dropped so a stale result is never shown.
 */
export class DecoderState {
  input = $state('');
  // Replaced whole, never mutated: raw state keeps a deeply nested payload free of proxies.
  inspection = $state.raw<Inspection | null>(null);
  /** The status line for the inspection ('' for none), from the decoding code. */
  summary = $derived(this.inspection && decoding ? decoding.summarize(this.inspection) : '');
  /** What the decoder is waiting for, if anything: its own code, or the worker's answer. */
  waitingFor = $state<'' | 'decoder' | 'worker'>('');
  /** Set when the decoding code could not load (say, offline before the first visit finished). */
  loadError = $state('');
  #generation = 0;

  constructor(initial = '') {
    this.setInput(initial);
  }

  setInput(text: string) {
    this.input = text;
    const generation = ++this.#generation;
    if (text.trim() === '') {
      this.inspection = null;
      this.waitingFor = '';
      this.loadError = '';
      return;
    }
    if (decoding) {
      this.#decode(decoding, text, generation);
      return;
    }
    this.waitingFor = 'decoder';
    loadDecoding().then(
      (loaded) => {
        this.loadError = '';
        if (generation === this.#generation) this.#decode(loaded, text, generation);
      },
      (error: Error) => {
        if (generation !== this.#generation) return;
        this.waitingFor = '';
        this.loadError = error.message;
      },
    );
  }

  #decode(
    { inspect, inspectOffMainThread, offMainThreadThreshold }: Decoding,
    text: string,
    generation: number,
  ) {
    if (text.length < offMainThreadThreshold || typeof Worker === 'undefined') {
      this.inspection = inspect(text);
      this.waitingFor = '';
      return;
    }
    // Meanwhile no other token's result is shown as this one's.
    this.inspection = null;
    this.waitingFor = 'worker';
    void inspectOffMainThread(text, Date.now()).then((inspection) => {
      if (generation !== this.#generation) return;
      this.inspection = inspection;
      this.waitingFor = '';
    });
  }
}
