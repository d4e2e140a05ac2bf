import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { jwtVerify, importJWK } from 'jose';
import Simulator from '../../src/features/simulator/Simulator.svelte';
import { runScenario, scenarioIds } from '../../src/core';
import { urlState } from '../../src/state/url.svelte';
import { workspace } from '../../src/state/workspace.svelte';
import { stepPicture } from '../../src/features/simulator/step-svg';
// The theme's tokens, so the stage's colours resolve here as on the page.
import '../../src/ui/theme.css';

const events = () => screen.queryAllByTestId('sim-event');

async function open(scenario: string) {
  urlState.update({ tool: 'simulator', scenario, step: undefined });
  const onOpenTool = vi.fn();
  render(Simulator, { onOpenTool });
  await waitFor(() => expect((screen.getByTestId('sim-scenario') as HTMLSelectElement).value).toBe(scenario));
  // The playground starts empty: nothing to step through until the person acts.
  if (scenario !== 'playground')
    await waitFor(() => expect(screen.getByTestId('sim-step').hasAttribute('disabled')).toBe(false));
  else await screen.findByRole('button', { name: 'Log in' });
  return onOpenTool;
}

async function stepToEnd() {
  const step = screen.getByTestId('sim-step');
  let guard = 0;
  while (!step.hasAttribute('disabled') && guard++ < 1000) await fireEvent.click(step);
}

describe('Simulator', () => {
  it('says so when a link names a scenario that does not exist, and puts the address back', async () => {
    await open('blocklist');
    expect(screen.queryByTestId('sim-unknown-scenario')).toBeNull();
    urlState.current = { ...urlState.current, scenario: 'bogus' };
    expect((await screen.findByTestId('sim-unknown-scenario')).textContent).toContain('“bogus”');
    await waitFor(() => expect(urlState.current.scenario).toBe('blocklist'));
    // Picking a scenario ends the message for good.
    await fireEvent.change(screen.getByTestId('sim-scenario'), { target: { value: 'login' } });
    await waitFor(() => expect(screen.queryByTestId('sim-unknown-scenario')).toBeNull());
  });

  it.each(scenarioIds)('%s: steps to the end, showing every event of the model', async (id) => {
    await open(id);
    expect(events()).toHaveLength(0);
    await stepToEnd();
    const model = await runScenario(id, { seed: 1 });
    expect(events()).toHaveLength(model.events.length);
    expect(events().map((el) => el.dataset.flow)).toEqual(model.events.map((e) => e.flow));
    expect(
      events()
        .filter((el) => el.dataset.outcome)
        .map((el) => el.dataset.outcome),
    ).toEqual(model.events.filter((e) => e.outcome).map((e) => e.outcome));
  });

  it('steps back and forth, resets, and narrates each step in a live region', async () => {
    await open('login');
    const step = screen.getByTestId('sim-step');
    await fireEvent.click(step);
    await fireEvent.click(step);
    await fireEvent.click(step);
    expect(events()).toHaveLength(3);
    const live = document.querySelector('[aria-live="polite"].narration')!;
    const model = await runScenario('login', { seed: 1 });
    expect(live.textContent).toContain(model.events[2]!.narration);
    await fireEvent.click(screen.getByRole('button', { name: 'Step back' }));
    expect(events()).toHaveLength(2);
    expect(live.textContent).toContain(model.events[1]!.narration);
    await fireEvent.click(screen.getByTestId('sim-reset'));
    expect(events()).toHaveLength(0);
    expect(urlState.current.step).toBeUndefined();
  });

  it('shows one flow at a time when asked', async () => {
    await open('login');
    await stepToEnd();
    await fireEvent.change(screen.getByRole('combobox', { name: 'Show' }), { target: { value: 'jwt' } });
    expect(events().length).toBeGreaterThan(0);
    expect(events().every((el) => el.dataset.flow === 'jwt')).toBe(true);
  });

  it('plays by itself and stops at the end', async () => {
    await open('cross-domain');
    await fireEvent.change(screen.getByRole('combobox', { name: 'Speed' }), { target: { value: '4' } });
    await fireEvent.click(screen.getByTestId('sim-play'));
    expect(screen.getByTestId('sim-play').textContent).toContain('Pause');
    const model = await runScenario('cross-domain', { seed: 1 });
    await waitFor(() => expect(events()).toHaveLength(model.events.length), { timeout: 30_000 });
    await waitFor(() => expect(screen.getByTestId('sim-play').textContent).toContain('Play'));
  }, 40_000);

  it('opens a simulated token in the Decoder with the simulation key, and it verifies', async () => {
    const onOpenTool = await open('login');
    await stepToEnd();
    const button = screen.getAllByRole('button', { name: 'Open this access token in the Decoder' })[0]!;
    await fireEvent.click(button);
    expect(onOpenTool).toHaveBeenCalledWith('decoder');
    expect(workspace.token.split('.')).toHaveLength(3);
    const key = await importJWK(JSON.parse(workspace.key) as object, 'HS256');
    // The scenario's clock starts at 2026-01-15 02:00 UTC and login + 3 requests take seconds;
    // the Verifier is handed that simulated time, so it judges the token as the servers did.
    const start = Date.UTC(2026, 0, 15, 2, 0);
    expect(workspace.profile.now).toBeGreaterThanOrEqual(start);
    expect(workspace.profile.now).toBeLessThan(start + 60_000);
    const { payload } = await jwtVerify(workspace.token, key, {
      currentDate: new Date(workspace.profile.now!),
    });
    expect(payload.sub).toBe('user-8731');
  });

  it('fills the comparison table from the run and exports Mermaid', async () => {
    await open('blocklist');
    const table = screen.getByRole('table');
    const model = await runScenario('blocklist', { seed: 1 });
    expect(table.textContent).toContain(`credential ${model.summary.jwt.credentialBytes} B`);
    expect(table.textContent).toContain('Lookups per request');
    expect(document.querySelector('pre')!.textContent).toMatch(/^sequenceDiagram/);
  });

  it('opens at the step named in the fragment', async () => {
    urlState.update({ tool: 'simulator', scenario: 'hybrid', step: '5' });
    render(Simulator);
    await waitFor(() => expect(events()).toHaveLength(5));
  });

  it('lets a person drive the playground', async () => {
    await open('playground');
    await fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(events().length).toBeGreaterThan(0));
    await stepToEnd();
    await fireEvent.click(screen.getByRole('button', { name: 'Take store down' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(screen.getByTestId('sim-play').textContent).toContain('Pause'));
    await fireEvent.click(screen.getByTestId('sim-play'));
    await stepToEnd();
    const outcomes = events().filter((el) => el.dataset.outcome);
    const last = (flow: string) => outcomes.filter((el) => el.dataset.flow === flow).at(-1)!.dataset.outcome;
    expect(last('session')).toBe('rejected');
    expect(last('jwt')).toBe('accepted');
  });

  it('keeps the focus on a playback button at either end, and the arrow keys step from there', async () => {
    await open('login');
    const step = screen.getByTestId('sim-step') as HTMLButtonElement;
    const back = screen.getByRole('button', { name: 'Step back' }) as HTMLButtonElement;
    await userEvent.click(step);
    expect(events()).toHaveLength(1);
    expect(document.activeElement).toBe(step);
    // With the focus on Step, the arrows still step both ways.
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => expect(events()).toHaveLength(2));
    await userEvent.keyboard('{ArrowLeft}');
    await waitFor(() => expect(events()).toHaveLength(1));
    // Space presses the focused button (one more step), it does not start playing.
    await userEvent.keyboard(' ');
    await waitFor(() => expect(events()).toHaveLength(2));
    expect(screen.getByTestId('sim-play').textContent).toContain('Play');
    const total = (await runScenario('login', { seed: 1 })).events.length;
    while (!step.disabled) await userEvent.keyboard('{ArrowRight}');
    expect(events()).toHaveLength(total);
    // Step disabled under the focus: the focus moved to Back, not to <body>.
    await waitFor(() => expect(document.activeElement).toBe(back));
    await userEvent.keyboard('{ArrowLeft}');
    await waitFor(() => expect(events()).toHaveLength(total - 1));
    // And from the start: Back disables, the focus goes to Step.
    while (!back.disabled) await userEvent.keyboard('{ArrowLeft}');
    expect(events()).toHaveLength(0);
    await waitFor(() => expect(document.activeElement).toBe(step));
    // In a select the arrows belong to the select.
    (screen.getByRole('combobox', { name: 'Speed' }) as HTMLSelectElement).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(events()).toHaveLength(0);
  });

  it('exports this step as the page draws it: no dot over a name, coloured wire, page background', async () => {
    urlState.update({ tool: 'simulator', scenario: 'stolen-credential', step: '20' });
    render(Simulator);
    await waitFor(() => expect(events()).toHaveLength(20));
    const svgs = [...document.querySelectorAll<SVGSVGElement>('svg.stage')];
    const text = stepPicture(svgs, {
      background: 'rgb(1, 2, 3)',
      text: 'rgb(4, 5, 6)',
      headings: { session: 'Sessions', jwt: 'JWT' },
    });
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    // No stylesheet that could repaint what the page hides.
    expect(doc.querySelector('style')).toBeNull();
    expect(text).not.toContain('light-dark');
    expect(text).not.toContain('var(--');
    // The background is the page's, and no rule overrides it.
    expect(doc.querySelector('svg > rect')!.getAttribute('fill')).toBe('rgb(1, 2, 3)');
    // The travelling dot fades as it lands on the page: the file leaves it out.
    expect(doc.querySelectorAll('circle:not([opacity="0.8"])')).toHaveLength(0);
    // Step 20 is the exfiltration (browser → attacker), an attack: the wire is the danger colour.
    const danger = getComputedStyle(document.querySelector('.wire.attack')!).stroke;
    const wires = [...doc.querySelectorAll('line')].filter(
      (line) => line.getAttribute('stroke-dasharray') !== 'none',
    );
    expect(wires.map((line) => line.getAttribute('stroke'))).toContain(danger);
    // Each actor box keeps the fill the page gives its role (the attacker's is the danger background).
    const pageAttacker = getComputedStyle(document.querySelector('.actor.attacker rect')!).fill;
    const fills = [...doc.querySelectorAll('rect')].map((rect) => rect.getAttribute('fill'));
    expect(fills).toContain(pageAttacker);
    expect(new Set(fills).size).toBeGreaterThan(2);
  });

  it('stacks the comparison table on a narrow screen, so no column is cut off', async () => {
    await page.viewport(360, 800);
    try {
      await open('expiry-refresh');
      const table = screen.getByRole('table');
      const wrap = table.parentElement!;
      expect(wrap.scrollWidth).toBeLessThanOrEqual(wrap.clientWidth);
      const jwtCell = table.querySelector('tbody tr td[data-label="JWT"]')!;
      expect(getComputedStyle(jwtCell, '::before').content).toBe('"JWT: "');
      expect(jwtCell.getBoundingClientRect().right).toBeLessThanOrEqual(
        wrap.getBoundingClientRect().right + 1,
      );
    } finally {
      await page.viewport(1280, 800);
    }
  });
});
