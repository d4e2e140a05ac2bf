/**
 * When the widget tells its parent its height (`tokenscope:resize`). The parent sizes its
 * iframe to every height it hears, so each message is a visible jump of the host page: a height
 * worth posting is one the content will keep.
 *
 * - Nothing is posted before the first content is laid out (`start`): the "Loading…" line is
 *   some 68 px, and the host page would jump down to it and back up.
 * - After a new token (`settle`), the tool's lazily loaded parts (the claims' meanings, the
 *   risks, the checks) arrive one by one over a few hundred milliseconds, each making the widget
 *   taller. The heights are held until none has changed for `quietMs`, then the last is posted:
 *   one message instead of one per part. A hold lasts at most `maxHoldMs` before it posts what
 *   it has (and holds again), so a widget that keeps changing is never left unreported.
 * - A part still at work marks itself `aria-busy` (the weak-secret search, while its progress
 *   row shows): while one does, the height is not settled either, within the same longest hold.
 * - Otherwise (a section opened, the theme changed) the height goes out as the ResizeObserver
 *   reports it, which is at most once per rendered frame.
 *
 * The height posted is always measured when it is posted, never an earlier reading: the final
 * height is never dropped, and a stale one never sent.
 */

export interface HeightTiming {
  /** How long the height must stay unchanged before a held height is posted. */
  quietMs: number;
  /** The longest a hold keeps the parent waiting. */
  maxHoldMs: number;
}

/** Lazy parts arrive within ~130 ms of each other on a laptop; twice that covers slower machines. */
export const defaultHeightTiming: HeightTiming = { quietMs: 200, maxHoldMs: 1000 };

export interface HeightClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: HeightClock = {
  now: () => performance.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface HeightReporterOptions {
  measure: () => number;
  post: (height: number) => void;
  /** Whether a part of the widget is still at work (its height about to change). */
  busy?: () => boolean;
  timing?: HeightTiming;
  clock?: HeightClock;
}

export class HeightReporter {
  #measure: () => number;
  #post: (height: number) => void;
  #busy: () => boolean;
  #timing: HeightTiming;
  #clock: HeightClock;
  #started = false;
  #lastPosted = -1;
  /** When the current hold began; undefined while heights go out as they come. */
  #holdStart: number | undefined;
  #lastChange = 0;
  #timer: unknown;

  constructor({ measure, post, busy, timing, clock }: HeightReporterOptions) {
    this.#measure = measure;
    this.#post = post;
    this.#busy = busy ?? (() => false);
    this.#timing = timing ?? defaultHeightTiming;
    this.#clock = clock ?? realClock;
  }

  /** The first content is in the page: its height goes out once its own lazy parts settle. */
  start() {
    if (this.#started) return;
    this.#started = true;
    this.settle();
  }

  /** A new token: hold the heights until its lazily loaded parts have arrived. */
  settle() {
    if (!this.#started) return;
    const now = this.#clock.now();
    // A token typed key by key keeps one hold going: the longest wait counts from its start.
    this.#holdStart ??= now;
    this.#lastChange = now;
    this.#schedule();
  }

  /** The widget's size changed (a ResizeObserver callback). */
  changed() {
    if (!this.#started) return;
    if (this.#holdStart === undefined) return this.#flush();
    this.#lastChange = this.#clock.now();
    this.#schedule();
  }

  stop() {
    this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #flush() {
    const height = this.#measure();
    if (height === this.#lastPosted) return;
    this.#lastPosted = height;
    this.#post(height);
  }

  #schedule() {
    const { quietMs, maxHoldMs } = this.#timing;
    const due = Math.min(this.#lastChange + quietMs, this.#holdStart! + maxHoldMs);
    this.stop();
    this.#timer = this.#clock.setTimeout(() => this.#check(), Math.max(0, due - this.#clock.now()));
  }

  #check() {
    this.#timer = undefined;
    const now = this.#clock.now();
    // A part at work counts as a change: its height is about to move.
    if (now - this.#lastChange >= this.#timing.quietMs && this.#busy()) this.#lastChange = now;
    const quiet = now - this.#lastChange >= this.#timing.quietMs;
    const overdue = now - this.#holdStart! >= this.#timing.maxHoldMs;
    if (!quiet && !overdue) return this.#schedule();
    this.#flush();
    // Still changing after the longest hold: what it has went out, and the next hold begins.
    this.#holdStart = quiet ? undefined : now;
    if (!quiet) this.#schedule();
  }
}
