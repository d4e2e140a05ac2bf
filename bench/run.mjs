// `npm run bench`: builds the site and prints the figures of the budgets in DESIGN.md.
// Not a test: these machines are shared and noisy, so figures are printed, not asserted.
import { execSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { SourceMapConsumer } from 'source-map-js';

const root = new URL('..', import.meta.url).pathname;
const port = Number(process.env.BENCH_PORT ?? 4273);
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rows = [];
const report = (name, value, budget = '') => rows.push([name, value, budget]);

console.log('Building the site…');
execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });

// 1. Core decode time, in Node (the same code the page runs).
execSync('npx vite build --logLevel warn --config bench/core.config.mjs', { cwd: root, stdio: 'inherit' });
const { inspect } = await import('../dist-bench/core.js');
const b64 = (text) => Buffer.from(text).toString('base64url');
const typical = `${b64('{"alg":"RS256","typ":"JWT","kid":"2024-05"}')}.${b64(JSON.stringify({ iss: 'https://auth.example.com', sub: 'user-8731', aud: 'api', iat: 1763900000, exp: 1763900900, scope: 'read write', roles: ['admin'] }))}.${b64('s'.repeat(256))}`;
const huge = `${b64('{"alg":"HS256"}')}.${b64(JSON.stringify({ blob: 'x'.repeat(1024 * 1024) }))}.${b64('s'.repeat(32))}`;
function timeIt(fn, runs) {
  for (let i = 0; i < Math.min(runs, 50); i++) fn();
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}
report(
  'core: inspect() a typical token (median)',
  `${(timeIt(() => inspect(typical), 2000) * 1000).toFixed(1)} µs`,
  '< 1 ms',
);
report(
  'core: inspect() a 1 MB token (median)',
  `${timeIt(() => inspect(huge), 15).toFixed(1)} ms`,
  'in a worker above 64 KiB',
);

// 2. First-load JavaScript: what index.html pulls in before any interaction.
const server = spawn(
  `${root}node_modules/.bin/vite`,
  ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
  { cwd: root, stdio: 'ignore' },
);
try {
  await waitForServer(`http://127.0.0.1:${port}/`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
  });
  const page = await browser.newPage();
  // Scripts requested before the load event are the first screen; the service worker's
  // registration and what loads after the load event (the decoded-token chunk's prefetch) are
  // reported apart. By the page's own clock: a script a load handler requests starts after
  // loadEventStart, which Playwright's own 'load' notification can reach later than.
  const scriptsOfPage = () =>
    page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0];
      const scripts = performance.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.js'));
      const path = (entry) => new URL(entry.name).pathname;
      return {
        before: scripts.filter((entry) => entry.startTime < navigation.loadEventStart).map(path),
        after: scripts.filter((entry) => entry.startTime >= navigation.loadEventStart).map(path),
      };
    });
  await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'networkidle' });
  let listed = await scriptsOfPage();
  const scripts = new Set(listed.before);
  const afterLoad = new Set(listed.after);
  const gzipOf = (path) => gzipSync(readFileSync(`${root}dist${path}`), { level: 9 }).length;
  const sum = (paths) => [...paths].reduce((total, path) => total + gzipOf(path), 0);
  report(
    `first screen JavaScript before load, gzip (${scripts.size} files)`,
    kb(sum(scripts)),
    '≤ 25 KB (24.4 KiB)',
  );
  const svelteShare = shareOfSources(
    [...scripts].map((path) => `${root}dist${path}`),
    /node_modules\/svelte\//,
  );
  report(
    '  of which the Svelte runtime (its share of the minified bytes, by source map)',
    `${kb(sum(scripts) * svelteShare)} (${Math.round(svelteShare * 100)} %)`,
  );
  report(
    `JavaScript after load (decoded-token views, history, service worker), gzip (${afterLoad.size} files)`,
    kb(sum(afterLoad)),
  );

  // With a token in the fragment: the decoded-token, claim registry and audit chunks join.
  const navigationStart = Date.now();
  await page.goto(`http://127.0.0.1:${port}/#token=${typical}`, { waitUntil: 'networkidle' });
  await page.reload({ waitUntil: 'load' });
  await page.getByTestId('payload-json').waitFor();
  report(
    'navigation with #token= to decoded payload',
    `${Date.now() - navigationStart} ms (incl. one reload)`,
  );
  await page.waitForLoadState('networkidle');
  listed = await scriptsOfPage();
  report(
    `JavaScript with a #token= link, gzip (the page's ${listed.before.length + listed.after.length} files; workers' own imports apart)`,
    kb(sum(new Set([...listed.before, ...listed.after]))),
  );

  // 3. Longest main-thread task while the built page decodes a 1 MB token.
  await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'networkidle' });
  const longest = [];
  for (let run = 0; run < 5; run++) {
    await page.evaluate(() => {
      window.__tasks = [];
      new PerformanceObserver((list) =>
        list.getEntries().forEach((e) => window.__tasks.push(e.duration)),
      ).observe({ type: 'longtask' });
    });
    await page.getByTestId('token-input').evaluate((el, value) => {
      el.value = value;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, huge);
    await page.waitForFunction(() =>
      document.querySelector('[role=status]')?.textContent?.includes('bytes decoded'),
    );
    await page.waitForTimeout(300);
    longest.push(await page.evaluate(() => Math.max(0, ...window.__tasks)));
    await page.getByTestId('token-input').fill('');
  }
  report(
    'longest main-thread task, 1 MB token in the page (median of 5)',
    `${median(longest).toFixed(0)} ms`,
    '≤ 50 ms',
  );

  // Each tool adds its own figures: bench/parts/<area>.mjs exports `default async (bench) => {}`.
  const bench = {
    root,
    baseUrl: `http://127.0.0.1:${port}/`,
    browser,
    chromiumArgs,
    report,
    median,
    kb,
    gzipOf,
    timeIt,
  };
  // `npm run bench -- audit simulator` runs only the parts named (the shared figures always run).
  const onlyParts = process.argv.slice(2);
  for (const file of readdirSync(`${root}bench/parts`)
    .filter(
      (f) => f.endsWith('.mjs') && (onlyParts.length === 0 || onlyParts.includes(f.replace(/\.mjs$/, ''))),
    )
    .sort()) {
    console.log(`Running bench/parts/${file}…`);
    const part = await import(`./parts/${file}`);
    await part.default(bench);
  }
  await browser.close();
} finally {
  server.kill();
}

// Every other chunk loads on demand; the parts above name the big ones.
const lazyChunks = readdirSync(`${root}dist/assets`).filter(
  (f) => f.endsWith('.js') && !f.startsWith('index-'),
);
const lazyBytes = lazyChunks.reduce(
  (sum, file) => sum + gzipSync(readFileSync(`${root}dist/assets/${file}`), { level: 9 }).length,
  0,
);
report(`all JavaScript chunks together (${lazyChunks.length} files), gzip`, kb(lazyBytes));

const width = Math.max(...rows.map(([name]) => name.length));
console.log('\nTokenscope bench');
for (const [name, value, budget] of rows)
  console.log(`${name.padEnd(width)}  ${String(value).padStart(14)}  ${budget}`);

/**
 * The share of built files' bytes that comes from sources matching `pattern`, read from their
 * source maps: each generated byte belongs to the source of the mapping it follows.
 */
function shareOfSources(files, pattern) {
  let matching = 0;
  let total = 0;
  // A file without a map (Rolldown's tiny runtime) counts as neither.
  for (const file of files.filter((file) => existsSync(`${file}.map`))) {
    const lines = readFileSync(file, 'utf8').split('\n');
    const map = new SourceMapConsumer(JSON.parse(readFileSync(`${file}.map`, 'utf8')));
    const mappings = [];
    map.eachMapping((mapping) => mappings.push(mapping), null, SourceMapConsumer.GENERATED_ORDER);
    mappings.forEach((mapping, index) => {
      const next = mappings[index + 1];
      const line = lines[mapping.generatedLine - 1] ?? '';
      const end = next?.generatedLine === mapping.generatedLine ? next.generatedColumn : line.length;
      const bytes = end - mapping.generatedColumn;
      total += bytes;
      if (mapping.source && pattern.test(mapping.source)) matching += bytes;
    });
  }
  return total ? matching / total : 0;
}

async function waitForServer(url) {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`preview server did not start at ${url}`);
}
