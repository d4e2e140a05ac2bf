import { describe, expect, it } from 'vitest';
import { captionCentre, captionLines, stageWidth } from '../../src/features/simulator/layout';

describe('the stage caption', () => {
  it('keeps a short label on one line', () => {
    expect(captionLines('POST /login · 120 B')).toEqual(['POST /login · 120 B']);
  });

  it('breaks a long label between words into two lines of at most 48 characters', () => {
    const label = 'copies the session ID (a support ticket’s HAR log, Cookie header included)';
    const lines = captionLines(label);
    expect(lines).toEqual(['copies the session ID (a support ticket’s HAR', 'log, Cookie header included)']);
    expect(lines.join(' ')).toBe(label);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(48);
  });

  it('ends with an ellipsis what two lines cannot hold, and cuts a word with no space to break at', () => {
    const lines = captionLines(`${'word '.repeat(30)}end`);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(lines[1]!.length).toBeLessThanOrEqual(48);
    expect(captionLines('x'.repeat(60))).toEqual(['x'.repeat(48), 'x'.repeat(12)]);
  });

  it('centres under the message, moved inwards to stay inside the picture', () => {
    const lines = ['a'.repeat(40)];
    expect(captionCentre(317, lines)).toBe(317);
    const atLeft = captionCentre(10, lines);
    const atRight = captionCentre(630, lines);
    expect(atLeft).toBeGreaterThan(10);
    expect(atRight).toBeLessThan(630);
    // Symmetric: as far from the left edge as from the right one.
    expect(atLeft).toBeCloseTo(stageWidth - atRight);
  });
});
