/**
 * When the widget posts its height (src/embed/height.ts), on a clock the test moves by hand:
 * nothing before the first content, one height per settled token, the last height always.
 */
import { describe, expect, it } from 'vitest';
import { HeightReporter, type HeightClock } from '../../src/embed/height';

/** A clock whose timers run only when the test advances it. */
function manualClock() {
  let time = 0;
  let timers: { at: number; run: () => void; id: number }[] = [];
  let nextId = 1;
  const clock: HeightClock = {
    now: () => time,
    setTimeout: (run, ms) => {
      const id = nextId++;
      timers.push({ at: time + ms, run, id });
      return id;
    },
    clearTimeout: (id) => {
      timers = timers.filter((timer) => timer.id !== id);
    },
  };
  const advance = (ms: number) => {
    const end = time + ms;
    for (;;) {
      const due = timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      timers = timers.filter((timer) => timer !== due);
      time = due.at;
      due.run();
    }
    time = end;
  };
  return { clock, advance };
}

function widget(timing = { quietMs: 200, maxHoldMs: 1000 }) {
  const { clock, advance } = manualClock();
  let height = 68;
  const posted: { at: number; height: number }[] = [];
  const state = { busy: false };
  const reporter = new HeightReporter({
    measure: () => height,
    post: (value) => posted.push({ at: clock.now(), height: value }),
    busy: () => state.busy,
    timing,
    clock,
  });
  /** The content becomes `value` px tall, and the ResizeObserver says so. */
  const grow = (value: number) => {
    height = value;
    reporter.changed();
  };
  return { reporter, advance, grow, posted, state };
}

describe('HeightReporter', () => {
  it('posts nothing before the first content, then its height once it has settled', () => {
    const { reporter, advance, grow, posted } = widget();
    grow(68); // "Loading…"
    advance(500);
    expect(posted).toEqual([]);
    grow(409);
    reporter.start();
    advance(199);
    expect(posted).toEqual([]);
    advance(1);
    expect(posted).toEqual([{ at: 700, height: 409 }]);
  });

  it('after a new token, the parts arriving one by one make one message: the last height', () => {
    const { reporter, advance, grow, posted } = widget();
    reporter.start();
    advance(300);
    posted.length = 0;
    reporter.settle();
    // The heights measured in the built widget after set-token: 486, 751, 994, 1100 within ~130 ms.
    for (const [after, value] of [
      [30, 486],
      [35, 751],
      [25, 994],
      [40, 1100],
    ] as const) {
      advance(after);
      grow(value);
    }
    advance(199);
    expect(posted).toEqual([]);
    advance(1);
    expect(posted).toEqual([{ at: 300 + 130 + 200, height: 1100 }]);
    advance(5000);
    expect(posted).toHaveLength(1);
  });

  it('a token that changes nothing posts nothing; outside a hold each change goes out at once', () => {
    const { reporter, advance, grow, posted } = widget();
    grow(400);
    reporter.start();
    advance(200);
    reporter.settle();
    advance(1000);
    expect(posted.map((message) => message.height)).toEqual([400]);
    grow(520); // a section opened
    expect(posted.map((message) => message.height)).toEqual([400, 520]);
    grow(520);
    expect(posted).toHaveLength(2);
  });

  it('a widget that never stops changing is reported at least once per longest hold, and its last height too', () => {
    const { reporter, advance, grow, posted } = widget();
    reporter.start();
    advance(200);
    posted.length = 0;
    reporter.settle();
    let height = 100;
    for (let step = 0; step < 25; step++) {
      advance(100);
      grow((height += 10));
    }
    // 2.5 s of changes 100 ms apart: one message per second of it, then the last once quiet.
    expect(posted.map((message) => message.at)).toEqual([1200, 2200]);
    advance(200);
    expect(posted.at(-1)).toEqual({ at: 2900, height: 350 });
  });

  it('typing a token key by key keeps one hold: the longest wait counts from the first key', () => {
    const { reporter, advance, grow, posted } = widget();
    reporter.start();
    advance(200);
    posted.length = 0;
    for (let key = 0; key < 15; key++) {
      reporter.settle();
      grow(500 + key);
      advance(100);
    }
    // Keys at 200, 300, … 1600 ms: at 1200 the longest hold is up, and the height of the 10th
    // key goes out; the last key's follows once the typing stops.
    expect(posted).toEqual([{ at: 1200, height: 509 }]);
    advance(100);
    expect(posted).toEqual([
      { at: 1200, height: 509 },
      { at: 1800, height: 514 },
    ]);
  });

  it('waits while a part is at work (aria-busy), then posts the height it settles at, once', () => {
    const { reporter, advance, grow, posted, state } = widget();
    reporter.start();
    advance(200);
    posted.length = 0;
    reporter.settle();
    advance(100);
    grow(1100); // the decoded token's parts
    state.busy = true; // the secret search starts: its progress row
    advance(150);
    grow(1150);
    advance(300);
    expect(posted).toEqual([]);
    state.busy = false; // done: the row goes
    grow(1100);
    advance(200);
    expect(posted).toEqual([{ at: 200 + 100 + 150 + 300 + 200, height: 1100 }]);
  });

  it('a part that stays busy cannot hold the height past the longest hold', () => {
    const { reporter, advance, grow, posted, state } = widget();
    reporter.start();
    advance(200);
    posted.length = 0;
    reporter.settle();
    grow(900);
    state.busy = true;
    advance(1000);
    expect(posted).toEqual([{ at: 1200, height: 900 }]);
  });
});
