import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type Request } from '@playwright/test';
import { serveStatic } from './support/static-server';

// Every request must reach the network (and be seen here), not be answered by a service worker.
test.use({ serviceWorkers: 'block' });

const b64url = (text: string) => Buffer.from(text).toString('base64url');
const claimValues = ['privacy-subject-31337', 'secret-project-name', 'https://issuer.privacy.example'];
const header = { alg: 'HS256', typ: 'JWT', kid: 'kid-privacy-42' };
const payload = {
  sub: claimValues[0],
  project: claimValues[1],
  iss: claimValues[2],
  exp: Math.floor(Date.now() / 1000) + 600,
};
const secret = 'correct-horse-battery-staple-privacy';
const token = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${b64url('fake-signature-bytes')}`;
const sensitive = [token, ...token.split('.'), ...claimValues, header.kid, secret];

interface Recorded {
  url: string;
  body: string;
  headers: string;
}

function record(page: Page): Recorded[] {
  const seen: Recorded[] = [];
  page.context().on('request', (request: Request) => {
    seen.push({
      url: request.url(),
      body: request.postData() ?? '',
      headers: JSON.stringify(request.headers()),
    });
  });
  return seen;
}

/** Uses each tool in the navigation the way a person would, through DESIGN.md's test ids. */
async function useEveryTool(page: Page) {
  await page.getByTestId('token-input').fill(token);
  await expect(page.getByTestId('payload-json')).toContainText(claimValues[0]!);
  const names = await page.getByRole('tab').allTextContents();
  for (const name of names) {
    await page.getByRole('tab', { name, exact: true }).click();
    const panel = page.locator('#panel');
    await expect(panel.getByText('Loading…')).toHaveCount(0, { timeout: 15_000 });
    const keyInput = panel.getByTestId('key-input');
    if (await keyInput.isVisible()) {
      await keyInput.fill(secret);
      await expect(panel.getByTestId('verify-status').first()).toHaveAttribute('data-status', /.+/);
    }
    // Generate keys and sign, wherever a tool offers it.
    for (const button of await panel.getByRole('button', { name: /^(generate|sign)/i }).all()) {
      if (await button.isEnabled()) await button.click();
    }
    const step = panel.getByTestId('sim-step');
    if (await step.isVisible()) {
      await step.click();
      await step.click();
    }
  }
  await page.waitForTimeout(500);
}

test('no request leaves the site or carries a token, key or claim', async ({ page, baseURL }) => {
  const requests = record(page);
  await page.goto('/');
  await useEveryTool(page);
  // Reading the token from a link: the fragment is never sent.
  await page.goto(`/#token=${token}`);
  await expect(page.getByTestId('payload-json')).toContainText(claimValues[0]!);

  expect(requests.length).toBeGreaterThan(3);
  const origin = new URL(baseURL!).origin;
  for (const request of requests) {
    if (!request.url.startsWith('data:')) expect(new URL(request.url).origin, request.url).toBe(origin);
    for (const text of sensitive) {
      expect(request.url, `URL of ${request.url}`).not.toContain(text);
      expect(request.body, `body of ${request.url}`).not.toContain(text);
      expect(request.headers, `headers of ${request.url}`).not.toContain(text);
    }
  }

  // Nothing of it was stored either (history is off by default).
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  for (const text of sensitive) expect(storage).not.toContain(text);
});

test('the page cannot reach another origin: its CSP blocks it', async ({ page }) => {
  const elsewhere = await serveStatic('/nonexistent', { '/collect': 'ok' });
  try {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto('/');
    const attempts = await page.evaluate(async (target) => {
      const results: string[] = [];
      try {
        await fetch(`${target}/collect?via=fetch`, { mode: 'no-cors' });
        results.push('fetch went through');
      } catch {
        results.push('fetch blocked');
      }
      await new Promise<void>((resolve) => {
        const image = new Image();
        image.onload = image.onerror = () => resolve();
        image.src = `${target}/collect?via=img`;
      });
      results.push(
        navigator.sendBeacon(`${target}/collect?via=beacon`, 'x') ? 'beacon queued' : 'beacon refused',
      );
      await new Promise<void>((resolve) => {
        const script = document.createElement('script');
        script.onload = script.onerror = () => resolve();
        script.src = `${target}/collect?via=script`;
        document.head.append(script);
      });
      return results;
    }, elsewhere.url);
    expect(attempts[0]).toBe('fetch blocked');
    await page.waitForTimeout(500);
    expect(elsewhere.requests, 'the other origin heard nothing').toEqual([]);
    expect(violations.length).toBeGreaterThanOrEqual(3);
  } finally {
    await elsewhere.close();
  }
});

test('the network indicator lists every request with its URL, all on this site', async ({
  page,
  baseURL,
}) => {
  const requests = record(page);
  await page.goto('/');
  const indicator = page.getByTestId('network-indicator');
  await expect(indicator).toContainText('all to this site');
  await expect(indicator).toHaveAttribute('data-offsite', '0');
  await indicator.click();
  const log = page.getByRole('region', { name: 'Network requests of this page' });
  // Every script the browser fetched is listed by its URL.
  const scripts = requests.filter((r) => r.url.endsWith('.js')).map((r) => r.url);
  expect(scripts.length).toBeGreaterThan(0);
  for (const url of scripts) await expect(log).toContainText(url);
  await expect(log).toContainText(new URL(baseURL!).origin);
  await page.keyboard.press('Escape');
  await expect(log).toHaveCount(0);
});

test('history is off by default, opt-in, never holds keys, and clears', async ({ page }) => {
  await page.goto(`/#token=${token}&key=${secret}`);
  await expect(page.getByTestId('payload-json')).toContainText(claimValues[0]!);
  await page.waitForTimeout(1800);
  expect(await page.evaluate(() => localStorage.getItem('tokenscope:history'))).toBeNull();

  await page.getByRole('tab', { name: 'Privacy' }).click();
  await expect(page.getByTestId('csp-directives')).toContainText("connect-src 'self'");
  await page.getByTestId('history-toggle').check();
  await expect(page.getByTestId('history-list')).toContainText(`sub ${claimValues[0]}`);
  // Two tokens of one subject tell apart by their ends.
  await expect(page.getByTestId('history-list')).toContainText(`…${token.slice(-8)}`);
  const stored = await page.evaluate(() => localStorage.getItem('tokenscope:history'));
  expect(stored).toContain(token);
  expect(stored).not.toContain(secret);

  // A later token is added once the person stops typing.
  const second = `${b64url('{"alg":"ES256"}')}.${b64url('{"sub":"second-person"}')}.${b64url('sig')}`;
  await page.getByRole('tab', { name: 'Decoder' }).click();
  await page.getByTestId('token-input').fill(second);
  await page.getByRole('tab', { name: 'Privacy' }).click();
  await expect(page.getByTestId('history-list')).toContainText('sub second-person', { timeout: 5000 });
  await expect(page.getByTestId('history-list').getByRole('listitem')).toHaveCount(2);

  // It survives a reload, then "Clear all" empties it.
  await page.reload();
  await page.getByRole('tab', { name: 'Privacy' }).click();
  await expect(page.getByTestId('history-list').getByRole('listitem')).toHaveCount(2);
  await page.getByTestId('history-clear').click();
  await expect(page.getByTestId('history-list')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('tokenscope:history'))).not.toContain(token);
  await page.getByTestId('history-toggle').uncheck();
  expect(await page.evaluate(() => localStorage.getItem('tokenscope:history'))).toBeNull();
});

for (const theme of ['light', 'dark'] as const) {
  test(`the privacy and embed pages, the share dialog and the widget pass axe (${theme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: theme });
    const violations = async (where: string) =>
      (await new AxeBuilder({ page }).analyze()).violations.map(
        (v) => `${where}: ${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      );
    const found: string[] = [];
    await page.goto('/#tool=privacy');
    await expect(page.getByTestId('csp-directives')).toBeVisible();
    await page.getByTestId('network-indicator').click();
    found.push(...(await violations('privacy')));
    await page.keyboard.press('Escape');
    await page.goto('/#tool=embed');
    await expect(page.getByTestId('embed-preview')).toBeVisible();
    await expect(page.frameLocator('[data-testid="embed-preview"]').getByTestId('token-input')).toBeVisible();
    found.push(...(await violations('embed builder')));
    await page.goto(`/#token=${token}&key=${secret}`);
    await page.getByRole('button', { name: 'Share' }).click();
    await page.getByTestId('share-include-key').check();
    found.push(...(await violations('share dialog')));
    await page.goto(`/embed.html#tool=decoder&theme=${theme}&token=${token}`);
    await expect(page.getByTestId('payload-json')).toBeVisible();
    found.push(...(await violations('widget')));
    expect(found).toEqual([]);
  });
}
