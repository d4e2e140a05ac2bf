import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import Stage from '../../src/features/simulator/Stage.svelte';
import { stageWidth } from '../../src/features/simulator/layout';
import { runScenario, scenarioIds } from '../../src/core';
import '../../src/ui/theme.css';

describe('Stage caption', () => {
  it('shows the longest label of any scenario whole, inside the picture and under the boxes', async () => {
    const events = (await Promise.all(scenarioIds.map((id) => runScenario(id, { seed: 1 })))).flatMap(
      (run) => run.events,
    );
    const longest = events.reduce((a, b) => (b.label.length > a.label.length ? b : a));
    // The stage used to cut labels at 44 characters; the longest today is far longer.
    expect(longest.label.length).toBeGreaterThan(60);
    const actors = [...new Set(events.filter((e) => e.flow === longest.flow).flatMap((e) => [e.from, e.to]))];
    const { container } = render(Stage, {
      flow: longest.flow,
      actors,
      current: { event: longest, index: 0 },
      travelMs: 0,
    });
    const lines = [...container.querySelectorAll<SVGTSpanElement>('text.caption tspan')];
    expect(lines).toHaveLength(2);
    expect(lines.map((line) => line.textContent).join(' ')).toContain(longest.label);
    expect(container.querySelector('text.caption')!.textContent).not.toContain('…');
    // In the stage's own units (its viewBox): inside the picture, and below every box.
    const caption = container.querySelector<SVGTextElement>('text.caption')!.getBBox();
    expect(caption.x).toBeGreaterThanOrEqual(0);
    expect(caption.x + caption.width).toBeLessThanOrEqual(stageWidth);
    const lowestBox = Math.max(
      ...[...container.querySelectorAll<SVGRectElement>('.actor rect')].map(
        (rect) => rect.getBBox().y + rect.getBBox().height,
      ),
    );
    expect(caption.y).toBeGreaterThan(lowestBox);
    const viewBoxHeight = container.querySelector('svg')!.viewBox.baseVal.height;
    expect(caption.y + caption.height).toBeLessThanOrEqual(viewBoxHeight + 1);
  });
});
