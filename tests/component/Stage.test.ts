import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Stage from '../../src/features/simulator/Stage.svelte';
import { stageWidth } from '../../src/features/simulator/layout';
import { runScenario, scenarioIds } from '../../src/core';
import { flows } from '../../src/core/simulator/types';
import '../../src/ui/theme.css';

describe('Stage caption', () => {
  it('shows every message of every scenario whole, inside the picture and under the boxes', async () => {
    const runs = await Promise.all(scenarioIds.map((id) => runScenario(id, { seed: 1 })));
    let longest = '';
    for (const run of runs)
      for (const flow of flows) {
        const events = run.events.filter((event) => event.flow === flow);
        if (!events.length) continue;
        // As the simulator draws a lane: every actor of the flow in the whole run.
        const actors = [...new Set(events.flatMap((event) => [event.from, event.to]))];
        const { container, rerender, unmount } = render(Stage, {
          flow,
          actors,
          current: undefined,
          travelMs: 0,
        });
        const lowestBox = () =>
          Math.max(
            ...[...container.querySelectorAll<SVGRectElement>('.actor rect')].map(
              (rect) => rect.getBBox().y + rect.getBBox().height,
            ),
          );
        const height = container.querySelector('svg')!.viewBox.baseVal;
        for (const [index, event] of events.entries()) {
          await rerender({ flow, actors, current: { event, index }, travelMs: 0 });
          // The picture's name says what its caption shows, the size included.
          const name = container.querySelector('svg')!.getAttribute('aria-label')!;
          expect(name).toContain(event.label);
          if (event.bytes) expect(name).toContain(`${event.bytes} bytes`);
          const caption = container.querySelector<SVGTextElement>('text.caption');
          if (!caption) continue; // an event with no message to draw (an action of no actor)
          const where = `${run.id} / ${flow} / ${event.label}`;
          const lines = [...caption.querySelectorAll('tspan')].map((line) => line.textContent);
          expect(lines.join(' ').replace(/\u00a0/g, ' '), where).toContain(event.label);
          // A size never starts a line of its own: "· 440 B" stays with the word before it.
          expect(lines.at(-1), where).not.toMatch(/^(·|\d+\u00a0B)/);
          const box = caption.getBBox();
          expect(box.x, where).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width, where).toBeLessThanOrEqual(stageWidth);
          expect(box.y, where).toBeGreaterThan(lowestBox());
          expect(box.y + box.height, where).toBeLessThanOrEqual(height.height + 1);
          if (event.label.length > longest.length) longest = event.label;
        }
        unmount();
      }
    // The stage used to cut labels at 44 characters; the longest today is far longer.
    expect(longest.length).toBeGreaterThan(60);
  });
});
