import { expect, test, type Page } from '@playwright/test';
import { serveStatic, type StaticServer } from './support/static-server';

const b64url = (text: string) => Buffer.from(text).toString('base64url');
const claimValue = 'embedded-grace-hopper';
const token = `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(JSON.stringify({ sub: claimValue, role: 'admiral' }))}.${b64url('signature')}`;

/** A docs page on another origin (another port of 127.0.0.1), framing the widget as the snippet says. */
function hostPage(widgetSrc: string): string {
  return `<!doctype html><html><head><title>Docs page</title></head><body>
<h1>Some documentation</h1>
<iframe id="widget" src="${widgetSrc}" title="Tokenscope" width="100%" height="300"
  sandbox="allow-scripts allow-same-origin" allow="clipboard-write" referrerpolicy="no-referrer" style="border: 0"></iframe>
<script>
  window.received = [];
  const frame = document.getElementById('widget');
  window.addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow) return;
    window.received.push({ origin: event.origin, data: event.data });
    if (event.data && event.data.type === 'tokenscope:resize') frame.style.height = event.data.height + 'px';
  });
  window.send = (message) => frame.contentWindow.postMessage(message, '*');
</script></body></html>`;
}

interface Received {
  origin: string;
  data: { type: string; height?: number; token?: string };
}
const received = (page: Page) =>
  page.evaluate(() => (window as unknown as { received: Received[] }).received);

let docs: StaticServer;
test.beforeAll(async () => {
  docs = await serveStatic('/nonexistent', {});
});
test.afterAll(async () => {
  await docs?.close();
});

async function openHost(page: Page, baseURL: string, fragment: string) {
  await docs.close();
  docs = await serveStatic('/nonexistent', { '/': hostPage(`${baseURL}embed.html#${fragment}`) });
  expect(new URL(docs.url).origin).not.toBe(new URL(baseURL).origin);
  await page.goto(`${docs.url}/`);
  return page.frameLocator('#widget');
}

test('a page on another origin drives the widget by messages and follows its height', async ({
  page,
  baseURL,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const widget = await openHost(page, baseURL!, 'tool=decoder&theme=light');
  await expect(widget.getByTestId('token-input')).toBeVisible();
  await expect
    .poll(async () => (await received(page)).filter((m) => m.data.type === 'tokenscope:ready').length)
    .toBe(1);
  const widgetOrigin = new URL(baseURL!).origin;
  expect((await received(page)).every((m) => m.origin === widgetOrigin)).toBe(true);
  await expect(widget.locator('html')).toHaveAttribute('data-theme', 'light');

  // The first resize message may trail the ready message: wait for it rather than race it.
  const tallestSoFar = async () =>
    Math.max(
      ...(await received(page)).filter((m) => m.data.type === 'tokenscope:resize').map((m) => m.data.height!),
    );
  await expect.poll(tallestSoFar).toBeGreaterThan(50);
  const heightBefore = await tallestSoFar();

  await page.evaluate(
    (value) =>
      (window as unknown as { send: (m: unknown) => void }).send({
        type: 'tokenscope:set-token',
        token: value,
      }),
    token,
  );
  await expect(widget.getByTestId('payload-json')).toContainText(claimValue);
  // The decoded token makes the widget taller, and it says so.
  await expect
    .poll(async () =>
      Math.max(
        ...(await received(page))
          .filter((m) => m.data.type === 'tokenscope:resize')
          .map((m) => m.data.height!),
      ),
    )
    .toBeGreaterThan(heightBefore + 100);
  // The host followed the height: the frame shows everything without scrolling. Parts of the
  // view load after the token (the claims' meanings, the risks), so the widget may grow again
  // and send another height: the frame must settle on the last one.
  await expect
    .poll(async () => {
      const last = (await received(page)).filter((m) => m.data.type === 'tokenscope:resize').at(-1)!.data
        .height!;
      const frame = await page.locator('#widget').evaluate((el) => el.getBoundingClientRect().height);
      const scroll = await widget.locator('html').evaluate((el) => el.scrollHeight - el.clientHeight);
      return { followsLast: frame === last, scrollsAtMost1px: scroll <= 1 };
    })
    .toEqual({ followsLast: true, scrollsAtMost1px: true });

  await page.evaluate(() =>
    (window as unknown as { send: (m: unknown) => void }).send({
      type: 'tokenscope:set-theme',
      theme: 'dark',
    }),
  );
  await expect(widget.locator('html')).toHaveAttribute('data-theme', 'dark');
  // Unknown or malformed messages are ignored, and the widget keeps working; the integrator's
  // console hears why (never the token).
  const warnings: string[] = [];
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  await page.evaluate(() => {
    const send = (window as unknown as { send: (m: unknown) => void }).send;
    send({ type: 'tokenscope:set-theme', theme: '<script>' });
    send({ type: 'tokenscope:set-token', token: 42 });
    send('tokenscope:set-token');
    send(null);
  });
  await expect(widget.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(widget.getByTestId('payload-json')).toContainText(claimValue);
  await expect
    .poll(() => warnings)
    .toEqual([
      'Tokenscope widget: "tokenscope:set-theme" takes "light", "dark" or "auto"; it was "<script>".',
      'Tokenscope widget: "tokenscope:set-token" needs "token" as a string; it was number.',
    ]);

  // The person edits the token inside the widget: without #emit=token nothing of it is posted.
  await widget.getByTestId('token-input').fill(`${token}x`);
  await page.waitForTimeout(300);
  const everything = JSON.stringify(await received(page));
  expect(everything).not.toContain(claimValue);
  expect(everything).not.toContain(token.split('.')[1]);
  expect(everything).not.toContain('admiral');
  expect(new Set((await received(page)).map((m) => m.data.type))).toEqual(
    new Set(['tokenscope:ready', 'tokenscope:resize']),
  );
  expect(violations).toEqual([]);
});

test('with #emit=token the widget sends the edited token to its parent only', async ({ page, baseURL }) => {
  const widget = await openHost(page, baseURL!, `tool=decoder&theme=dark&emit=token&token=${token}`);
  await expect(widget.getByTestId('payload-json')).toContainText(claimValue);
  await expect(widget.locator('html')).toHaveAttribute('data-theme', 'dark');
  // The token from the src is not echoed back.
  expect((await received(page)).some((m) => m.data.type === 'tokenscope:token')).toBe(false);
  const edited = `${token.split('.').slice(0, 2).join('.')}.ZWRpdGVk`;
  await widget.getByTestId('token-input').fill(edited);
  await expect
    .poll(async () =>
      (await received(page)).filter((m) => m.data.type === 'tokenscope:token').map((m) => m.data.token),
    )
    .toContain(edited);
});

test('a scenario alone picks the simulator, and an unknown tool says what exists', async ({
  page,
  baseURL,
}) => {
  let widget = await openHost(page, baseURL!, 'scenario=login&theme=dark');
  await expect
    .poll(async () => (await received(page)).find((m) => m.data.type === 'tokenscope:ready')?.data)
    .toEqual({ type: 'tokenscope:ready', tool: 'simulator', scenario: 'login' });
  await expect(widget.getByText('Loading…')).toHaveCount(0, { timeout: 15_000 });

  widget = await openHost(page, baseURL!, 'scenario=logn');
  await expect(widget.getByTestId('sim-unknown-scenario')).toContainText('no scenario called “logn”');

  widget = await openHost(page, baseURL!, 'tool=nonsense');
  await expect(widget.getByRole('alert')).toContainText(
    'Use one of: decoder, verifier, generator, toolbox, simulator',
  );
  await expect
    .poll(async () => (await received(page)).filter((m) => m.data.type === 'tokenscope:ready').length)
    .toBe(1);
});

test('the decoder widget loads no more JavaScript than the decoder page', async ({ browser, baseURL }) => {
  // Each page in a fresh context: no HTTP cache, no service worker, every script crosses the network.
  async function scriptBytes(url: string) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const sizes = new Map<string, number>();
    page.on('requestfinished', async (request) => {
      if (request.resourceType() === 'script')
        sizes.set(request.url(), (await request.sizes()).responseBodySize);
    });
    await page.goto(url, { waitUntil: 'networkidle' });
    await expect(page.getByTestId('token-input')).toBeVisible();
    await context.close();
    return [...sizes.values()].reduce((a, b) => a + b, 0);
  }
  const embed = await scriptBytes(`${baseURL}embed.html#tool=decoder`);
  const site = await scriptBytes(`${baseURL}`);
  expect(embed).toBeGreaterThan(10_000);
  expect(embed).toBeLessThanOrEqual(site);
});

test('on the site, a #scenario= link alone opens the simulator on that scenario', async ({ page }) => {
  await page.goto('/#scenario=blocklist');
  await expect(page.getByRole('tab', { name: 'Simulator' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('sim-scenario')).toHaveValue('blocklist');
});

test('with #emit=token and no token, the widget sends nothing until the reader types', async ({
  page,
  baseURL,
}) => {
  const widget = await openHost(page, baseURL!, 'tool=decoder&emit=token');
  await expect
    .poll(async () => (await received(page)).some((m) => m.data.type === 'tokenscope:ready'))
    .toBe(true);
  await expect(widget.getByTestId('token-input')).toBeVisible();
  expect((await received(page)).filter((m) => m.data.type === 'tokenscope:token')).toEqual([]);
});

test('the embed builder’s preview follows every option, and the snippet drops what no longer applies', async ({
  page,
}) => {
  await page.goto(`/#token=${token}`);
  await page.getByRole('tab', { name: 'Embed' }).click();
  const preview = page.frameLocator('[data-testid="embed-preview"]');
  await expect(preview.getByTestId('token-input')).toBeVisible();
  await page.getByTestId('embed-theme').selectOption('dark');
  await expect(preview.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByLabel('Start with the current token').check();
  await expect(preview.getByTestId('payload-json')).toContainText(claimValue);
  await page.getByTestId('embed-tool').selectOption('verifier');
  await expect(preview.locator('h1')).toContainText('verifier', { ignoreCase: true });

  await page.getByTestId('embed-tool').selectOption('decoder');
  await page.getByLabel(/Send the token to my page/).check();
  await expect(page.getByTestId('embed-snippet')).toContainText('emit=token');
  await page.getByTestId('embed-tool').selectOption('simulator');
  await expect(page.getByTestId('embed-snippet')).not.toContainText('emit=token');
  await expect(page.getByTestId('embed-snippet')).toContainText('referrerpolicy="no-referrer"');
});
