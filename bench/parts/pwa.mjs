// Lighthouse on the built site, and the size of what the service worker precaches.
// Lighthouse is not a dependency (its lock breaks `npm ci` here): it runs through npx.
import { execFile } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

const run = promisify(execFile);

/** One Lighthouse run; returns the scores (0–100) by category and the failing audits. */
async function lighthouse(url, chromiumArgs, extra = []) {
  const { stdout } = await run(
    'npx',
    [
      '--yes',
      'lighthouse@12',
      url,
      '--quiet',
      `--chrome-flags=${['--headless=new', ...chromiumArgs].join(' ')}`,
      '--only-categories=performance,accessibility,best-practices,seo',
      '--output=json',
      '--output-path=stdout',
      ...extra,
    ],
    {
      env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  const result = JSON.parse(stdout);
  const scores = Object.fromEntries(
    Object.entries(result.categories).map(([id, category]) => [id, Math.round(category.score * 100)]),
  );
  const failing = Object.values(result.categories)
    .flatMap((category) => category.auditRefs.map((ref) => result.audits[ref.id]))
    .filter(
      (audit) => audit && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative',
    )
    .map((audit) => `${audit.id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
  return { scores, failing: [...new Set(failing)] };
}

/** The files `sw.js` precaches, read from its manifest, with their sizes on disk. */
function precacheSize(root) {
  const sw = readFileSync(`${root}dist/sw.js`, 'utf8');
  const urls = [...sw.matchAll(/url:"([^"]+)"/g)].map((match) => match[1]);
  let raw = 0;
  let gzip = 0;
  for (const url of urls) {
    const path = `${root}dist/${url.replace(/^\//, '')}`;
    raw += statSync(path).size;
    gzip += gzipSync(readFileSync(path), { level: 9 }).length;
  }
  return { count: urls.length, raw, gzip };
}

/** Gzip bytes of the JavaScript a page loads before it settles, in a fresh context. */
async function firstLoadScripts(browser, root, url) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const paths = new Set();
  page.on('requestfinished', (request) => {
    if (request.resourceType() === 'script') paths.add(new URL(request.url()).pathname);
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await context.close();
  let gzip = 0;
  for (const path of paths) gzip += gzipSync(readFileSync(`${root}dist${path}`), { level: 9 }).length;
  return { files: paths.size, gzip };
}

export default async function pwa(bench) {
  const { root, baseUrl, browser, chromiumArgs, report, kb } = bench;
  const precache = precacheSize(root);
  report(`PWA precache (${precache.count} files)`, kb(precache.raw), `${kb(precache.gzip)} gzip`);

  const site = await firstLoadScripts(browser, root, baseUrl);
  const widget = await firstLoadScripts(browser, root, `${baseUrl}embed.html#tool=decoder`);
  report(
    `embed.html#tool=decoder JavaScript, gzip (${widget.files} files)`,
    kb(widget.gzip),
    `≤ site's ${kb(site.gzip)}`,
  );

  for (const [label, url, extra] of [
    ['mobile', baseUrl, []],
    ['desktop', baseUrl, ['--preset=desktop']],
  ]) {
    try {
      const { scores, failing } = await lighthouse(url, chromiumArgs, extra);
      for (const [category, score] of Object.entries(scores))
        report(`Lighthouse ${label}: ${category}`, String(score), category === 'seo' ? '' : '100');
      if (failing.length) report(`Lighthouse ${label}: audits below 100`, failing.join(', '));
    } catch (error) {
      report(`Lighthouse ${label}`, 'did not run', String(error.message ?? error).split('\n')[0]);
    }
  }
}
