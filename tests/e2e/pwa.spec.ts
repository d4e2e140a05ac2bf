import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serveStatic } from './support/static-server';

const b64url = (text: string) => Buffer.from(text).toString('base64url');
const exp = Math.floor(Date.now() / 1000) + 3600;
const token = `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(JSON.stringify({ sub: 'offline-ada', exp }))}.${b64url('sig')}`;

/** Copies the site under test: the worker, its Workbox runtime, and every file it precaches. */
async function copySite(baseURL: string, directory: string) {
  const sw = await (await fetch(new URL('sw.js', baseURL))).text();
  const files = new Set([
    'sw.js',
    ...[...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!.replace(/^\//, '')),
  ]);
  for (const match of sw.matchAll(/"\.\/(workbox-[0-9a-f]+)"/g)) files.add(`${match[1]!}.js`);
  for (const file of files) {
    const response = await fetch(new URL(file, baseURL));
    expect(response.status, file).toBe(200);
    mkdirSync(dirname(join(directory, file)), { recursive: true });
    writeFileSync(join(directory, file), Buffer.from(await response.arrayBuffer()));
  }
}

/** Waits until the service worker is active: its install step precached every file. */
async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.state;
  });
}

test('the manifest makes the app installable, with maskable icons', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifest = (await (await request.get(href!)).json()) as {
    display: string;
    start_url: string;
    icons: { src: string; sizes: string; purpose: string; type: string }[];
  };
  expect(manifest.display).toBe('standalone');
  expect(manifest.start_url).toBe('/');
  const sizes = (purpose: string) => manifest.icons.filter((i) => i.purpose === purpose).map((i) => i.sizes);
  expect(sizes('any')).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(sizes('maskable')).toContain('512x512');
  for (const icon of manifest.icons.filter((i) => i.type === 'image/png')) {
    const response = await request.get(icon.src);
    expect(response.status(), icon.src).toBe(200);
    const png = await response.body();
    // PNG width and height are big-endian at bytes 16..23 (the IHDR chunk).
    const [width, height] = icon.sizes.split('x').map(Number);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)], icon.src).toEqual([width, height]);
  }
});

test('after the first visit every tool works with the network off', async ({ page, context }) => {
  test.setTimeout(90_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await waitForServiceWorker(page);

  await context.setOffline(true);
  const failed: string[] = [];
  page.on('requestfailed', (request) => failed.push(request.url()));
  await page.reload();
  expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

  // Decode.
  await page.getByTestId('token-input').fill(token);
  await expect(page.getByTestId('payload-json')).toContainText('offline-ada');
  // A lazily loaded part of the decoder, and the share dialog's chunk.
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByTestId('share-link')).toHaveValue(/#token=/);
  await page.keyboard.press('Escape');

  // Every tool in the navigation, whoever built it: it must load from the cache and show content.
  const tabs = page.getByRole('tab');
  const names = await tabs.allTextContents();
  expect(names.length).toBeGreaterThan(1);
  for (const name of names) {
    await page.getByRole('tab', { name, exact: true }).click();
    const panel = page.locator('#panel');
    await expect(panel.getByText('Loading…')).toHaveCount(0, { timeout: 15_000 });
    await expect(panel.getByText('could not load')).toHaveCount(0);
    expect((await panel.innerText()).trim().length, `${name} shows something`).toBeGreaterThan(20);
    await useTool(page);
  }

  expect(failed, 'every file came from the offline cache').toEqual([]);
  expect(errors).toEqual([]);
});

/** Drives a tool through the test ids DESIGN.md fixes, when the open tool has them. */
async function useTool(page: Page) {
  const panel = page.locator('#panel');
  const keyInput = panel.getByTestId('key-input');
  if (await keyInput.isVisible()) {
    await keyInput.fill('not-the-secret');
    await expect(panel.getByTestId('verify-status').first()).toHaveAttribute('data-status', /.+/);
  }
  // Generate keys and sign, wherever a tool offers it: the chunks for that load now, offline.
  for (const button of await panel.getByRole('button', { name: /^(generate|sign)/i }).all()) {
    if (await button.isEnabled()) await button.click();
  }
  // The workspace zip: zip.js loads from the cache, the export downloads, and it imports back.
  const zipExport = panel.getByTestId('zip-export');
  if (await zipExport.isVisible()) {
    const [download] = await Promise.all([page.waitForEvent('download'), zipExport.click()]);
    await panel.getByTestId('zip-import').setInputFiles((await download.path())!);
    await expect(panel.getByTestId('zip-import-note')).toContainText('Restored');
  }
  const play = panel.getByTestId('sim-play');
  if (await play.isVisible()) {
    const step = panel.getByTestId('sim-step');
    if (await step.isVisible()) await step.click();
    else await play.click();
    await expect(panel.getByTestId('sim-event').first()).toBeVisible({ timeout: 10_000 });
  }
}

test('a new version waits for the person, then reloads into it', async ({ page, baseURL }) => {
  test.setTimeout(60_000);
  // A private copy of the built site, so "deploying" a new version touches nothing shared.
  const site = mkdtempSync(join(tmpdir(), 'tokenscope-site-'));
  await copySite(baseURL!, site);
  const server = await serveStatic(site);
  try {
    await page.goto(`${server.url}/`);
    await waitForServiceWorker(page);
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toContain('/sw.js');

    // Deploy a new version: the same worker, one byte different.
    appendFileSync(join(site, 'sw.js'), '\n// next version\n');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

    const prompt = page.getByTestId('update-prompt');
    await expect(prompt).toContainText('A new version of Tokenscope is ready', { timeout: 20_000 });
    // Until the person agrees, the old worker still serves the page: no mixed versions.
    const before = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return { waiting: registration?.waiting?.state, controller: navigator.serviceWorker.controller?.state };
    });
    expect(before).toEqual({ waiting: 'installed', controller: 'activated' });

    await page.getByTestId('token-input').fill(token);
    await Promise.all([
      page.waitForEvent('load'),
      prompt.getByRole('button', { name: 'Reload to update' }).click(),
    ]);
    await expect(page.getByTestId('payload-json')).toContainText('offline-ada');
    await expect(page.getByTestId('update-prompt')).toHaveCount(0);
    // The reload follows `controllerchange`, which comes as the new worker starts activating;
    // its activation (clearing the old caches) may finish after the page is back.
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          return {
            waiting: registration?.waiting ?? null,
            controller: navigator.serviceWorker.controller?.state,
          };
        }),
      )
      .toEqual({ waiting: null, controller: 'activated' });
  } finally {
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
});
