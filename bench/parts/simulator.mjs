// The simulator's figures: how long each scenario's model takes to run (Node, the shipped core
// build, and in the page from picking it to the first step being ready), how long the lazy
// simulator chunk takes to load, and frame times while a scenario animates (DESIGN: 60 fps).
import { readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export default async function simulator(bench) {
  const { root, baseUrl, browser, report, median, kb, gzipOf } = bench;

  // 1. The model alone, in Node, from the same core the site ships (built by bench/run.mjs),
  // which also names the scenarios.
  const { runScenario, scenarioIds: scenarios } = await import(`${root}dist-bench/core.js`);
  for (const id of scenarios) {
    await runScenario(id);
    const samples = [];
    for (let i = 0; i < 7; i++) {
      const start = performance.now();
      await runScenario(id, { seed: i + 1 });
      samples.push(performance.now() - start);
    }
    report(`simulator: runScenario('${id}') in Node (median of 7)`, `${median(samples).toFixed(1)} ms`);
  }

  // 2. The lazy chunk: its size, and the time from asking for the tool to a ready scenario.
  const chunk = readdirSync(`${root}dist/assets`).find((file) => /^Simulator-.*\.js$/.test(file));
  if (chunk) report('simulator chunk, gzip', kb(gzipOf(`/assets/${chunk}`)));
  const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
  const loads = [];
  for (let i = 0; i < 5; i++) {
    await page.goto(baseUrl, { waitUntil: 'networkidle' });
    const start = Date.now();
    await page.evaluate(() => (location.hash = '#tool=simulator&scenario=login'));
    await page.getByTestId('sim-step').and(page.locator(':enabled')).waitFor();
    loads.push(Date.now() - start);
  }
  report('simulator: open the tool to a ready scenario (median of 5)', `${median(loads)} ms`);

  // 3. Each scenario in the page: pick it, until its first step can be taken.
  for (const id of scenarios) {
    const samples = [];
    for (let i = 0; i < 3; i++) {
      await page
        .getByTestId('sim-scenario')
        .selectOption(id === 'login' && i % 2 === 0 ? 'attacks' : 'login');
      await page.getByTestId('sim-step').and(page.locator(':enabled')).waitFor();
      const start = Date.now();
      await page.getByTestId('sim-scenario').selectOption(id);
      await page.getByTestId('sim-step').and(page.locator(':enabled')).waitFor();
      samples.push(Date.now() - start);
    }
    report(`simulator: pick '${id}' to ready, in the page (median of 3)`, `${median(samples)} ms`);
  }

  // 4. Frame times while a scenario animates at top speed (requestAnimationFrame deltas).
  await page.goto(`${baseUrl}#tool=simulator&scenario=scale-out`, { waitUntil: 'networkidle' });
  await page.getByTestId('sim-step').and(page.locator(':enabled')).waitFor();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('4');
  await page.getByTestId('sim-play').click();
  const frames = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const deltas = [];
        let last = performance.now();
        const end = last + 4000;
        const frame = (now) => {
          deltas.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(frame);
          else resolve(deltas.slice(1));
        };
        requestAnimationFrame(frame);
      }),
  );
  await page.getByTestId('sim-play').click();
  const sorted = [...frames].sort((a, b) => a - b);
  const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? 0;
  report(
    'simulator: frame time while animating (median / p95)',
    `${median(frames).toFixed(1)} / ${p95.toFixed(1)} ms`,
    '≤ 16.7 ms (60 fps)',
  );
  report(
    'simulator: frames per second while animating',
    `${(1000 / median(frames)).toFixed(0)} fps`,
    '60 fps',
  );
  await page.close();
}
