import { gzipSync } from 'node:zlib';
import { expect, test, type Route } from '@playwright/test';

/**
 * The decoder's first screen is the box and its status (DESIGN.md: at most 25 KB of
 * JavaScript, gzip). What decodes a token and what shows it is one chunk, `decoded-token`,
 * fetched after the load event or with the first token, whichever comes first.
 */
const b64url = (text: string) => Buffer.from(text).toString('base64url');
const typical = `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url('{"sub":"ada","name":"Ada Lovelace"}')}.${b64url('signature-bytes')}`;
const decodedTokenChunk = /\/assets\/decoded-token-[^/]*\.js$/;

test('the first screen loads at most 25 KB of JavaScript (gzip), and no decoding code before load', async ({
  page,
  request,
}) => {
  const html = await (await request.get('/')).text();
  const scripts = [...new Set(html.match(/\/assets\/[^"]+\.js/g))];
  expect(scripts.length).toBeGreaterThan(0);
  let total = 0;
  for (const path of scripts) total += gzipSync(await (await request.get(path)).body(), { level: 9 }).length;
  // The bench (`npm run bench`) prints the same figure; this keeps it from creeping past the budget.
  expect(total).toBeLessThanOrEqual(25_000);
  expect(scripts.some((path) => decodedTokenChunk.test(path))).toBe(false);

  await page.goto('/');
  await expect(page.getByRole('status').first()).toHaveText('Paste a token to decode it.');
  // By the page's own clock: a script requested by a load-event handler starts after loadEventStart.
  const beforeLoad = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.endsWith('.js') && entry.startTime < navigation.loadEventStart)
      .map((entry) => new URL(entry.name).pathname);
  });
  expect(beforeLoad.length).toBeGreaterThan(0);
  expect(beforeLoad.filter((path) => decodedTokenChunk.test(path))).toEqual([]);
});

test('a token pasted before the decoding code arrives waits for it, and says so', async ({ page }) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(decodedTokenChunk, async (route: Route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  await page.getByTestId('token-input').fill(typical);
  const status = page.getByRole('status').first();
  await expect(status).toHaveText('Decoding…');
  // Busy meanwhile: assistive technology waits for the result, and so does the embed's height.
  const busy = page.locator('[aria-busy="true"]');
  await expect(busy).toHaveCount(1);
  release();
  await expect(status).toContainText('Signed token (JWS, compact serialization) · HS256 · 3 parts');
  await expect(busy).toHaveCount(0);
  await expect(page.getByTestId('payload-json')).toContainText('"name": "Ada Lovelace"');
});

test('when the decoding code cannot load, the status says so and the box keeps working', async ({ page }) => {
  await page.route(decodedTokenChunk, (route: Route) => route.abort('internetdisconnected'));
  await page.goto('/');
  const input = page.getByTestId('token-input');
  await input.fill(typical);
  const status = page.getByRole('status').first();
  await expect(status).toContainText('The decoder could not load');
  await expect(status).toContainText('Reload the page to try again.');
  await input.fill('');
  await expect(status).toHaveText('Paste a token to decode it.');
});
