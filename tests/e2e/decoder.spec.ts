import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const b64url = (text: string) => Buffer.from(text).toString('base64url');
const token = (header: object, payload: object) =>
  `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${b64url('signature-bytes')}`;

test('a #token= link opens the decoder with that token decoded', async ({ page }) => {
  const exp = Math.floor(Date.now() / 1000) + 3600;
  await page.goto(`/#token=${token({ alg: 'HS256', typ: 'JWT' }, { sub: 'ada', exp })}`);
  await expect(page.getByTestId('payload-json')).toContainText('"sub": "ada"');
  await expect(page.getByTestId('claims-table')).toContainText('expires in 59 min');
  await expect(page.getByTestId('claims-table')).toContainText('Expiration time.');
});

test('the address stops carrying a linked token once it is replaced or cleared', async ({ page }) => {
  const linked = token({ alg: 'HS256' }, { sub: 'linked' });
  await page.goto(`/#token=${linked}`);
  await expect(page.getByTestId('payload-json')).toContainText('linked');
  await page.getByTestId('token-input').fill(token({ alg: 'HS256' }, { sub: 'typed' }));
  await page.getByRole('tab', { name: 'Verifier' }).click();
  await expect(page).toHaveURL(/#tool=verifier$/);
  await page.reload();
  await page.getByRole('tab', { name: 'Decoder' }).click();
  await expect(page.getByTestId('token-input')).toHaveValue('');
});

test('a "+" in a hand-made #token= link stays a "+"', async ({ page }) => {
  const standardBase64 = `${b64url('{"alg":"HS256"}')}.${b64url('{"sub":"1"}')}.ab+c/dEF`;
  await page.goto(`/#token=${standardBase64}`);
  await expect(page.getByTestId('token-input')).toHaveValue(standardBase64);
});

test('the skip link moves focus to the tool without leaving it', async ({ page }) => {
  await page.goto('/#tool=verifier');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the tool' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
  await expect(page).toHaveURL(/#tool=verifier$/);
  await expect(page.getByRole('tab', { name: 'Verifier' })).toHaveAttribute('aria-selected', 'true');
});

test('typing decodes on every keystroke and errors say where', async ({ page }) => {
  await page.goto('/');
  const input = page.getByTestId('token-input');
  await input.fill(`${b64url('{"alg":"ES256"}')}.eyJ!`);
  await expect(page.getByTestId('decode-error')).toContainText('this one has 2');
  await input.pressSequentially('.abc');
  await expect(page.getByTestId('decode-error')).toContainText('Part 2 (the payload) is not valid base64url');
  await expect(page.getByTestId('decode-error')).toContainText('position 4');
  // The character is marked in the part, and the part after it still shows.
  await expect(page.locator('ol.parts mark')).toHaveText('!');
  await expect(page.locator('ol.parts > li')).toHaveCount(3);
  await expect(page.getByTestId('header-json')).toContainText('ES256');
});

test('a script in a claim stays text, and the page keeps working', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto('/');
  const evil = '<img src=x onerror=alert(1)><script>alert(2)</script>javascript:alert(3)\u202Egnp.exe';
  await page.getByTestId('token-input').fill(token({ alg: 'HS256', kid: '<b>bold</b>' }, { name: evil }));
  await expect(page.getByTestId('payload-json')).toContainText('<img src=x onerror=alert(1)>');
  await expect(page.locator('[data-testid="payload-json"] img')).toHaveCount(0);
  await expect(page.locator('main b')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a right-to-left override cannot make a claim look like another', async ({ page }) => {
  await page.goto(
    `/#token=${token({ alg: 'HS256' }, { '\u202enimda_si': true, sub: 'admin\u202enimda-ton' })}`,
  );
  const table = page.getByTestId('claims-table');
  await expect(table).toContainText('\\u202enimda_si');
  await expect(table).toContainText('admin\\u202enimda-ton');
  await expect(page.getByTestId('payload-json')).toContainText('"\\u202enimda_si": true');
  await expect(page.getByText('holds bidirectional control characters')).toBeVisible();
});

test('a big second token is compared off the main thread, and a long list of changes is cut short', async ({
  page,
}) => {
  await page.goto(`/#token=${token({ alg: 'HS256' }, { sub: 'ada' })}`);
  await page.getByRole('button', { name: 'Compare claims with a second token' }).click();
  // 1,000 added claims of 80 characters: past the 64 KiB the worker takes over at.
  const claims = Object.fromEntries(
    Array.from({ length: 1000 }, (_, i) => [`claim${String(i).padStart(4, '0')}`, 'x'.repeat(80)]),
  );
  const big = token({ alg: 'HS256' }, { sub: 'ada', ...claims });
  expect(big.length).toBeGreaterThan(64 * 1024);
  await page.locator('#compare-input').fill(big);
  await expect(page.getByText('…and 800 more changes.')).toBeVisible();
  await expect(page.locator('.changes li')).toHaveCount(200);
});

test('a 1 MB token decodes off the main thread without a long task', async ({ page }) => {
  await page.goto('/');
  const big = token({ alg: 'HS256' }, { sub: '1', blob: 'x'.repeat(1024 * 1024) });
  await page.evaluate(() => {
    (window as unknown as { longTasks: number[] }).longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        (window as unknown as { longTasks: number[] }).longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  // Set the value and fire one input event, as a paste does.
  await page.getByTestId('token-input').evaluate((el, value) => {
    (el as HTMLTextAreaElement).value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, big);
  await expect(page.getByRole('status').first()).toContainText('bytes decoded', { timeout: 15_000 });
  await expect(page.getByTestId('payload-json')).toContainText('"sub": "1"');
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  // Budget is 50 ms on a quiet machine; CI machines are shared, so this only guards against a freeze.
  expect(Math.max(0, ...longTasks)).toBeLessThan(1000);
});

test('the chosen theme is remembered, and the menu shows it after a reload', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('Theme')).toHaveValue('system');
  await page.getByLabel('Theme').selectOption('dark');
  await page.reload();
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('tools and themes are reachable by keyboard', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByLabel('Theme').selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByRole('tab', { name: 'Decoder' }).focus();
  await expect(page.getByRole('tab', { name: 'Decoder' })).toHaveAttribute('aria-selected', 'true');
  const siteTitle = await page.title();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Verifier' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Verifier' })).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveTitle('Verifier · Tokenscope');
  await page.keyboard.press('End');
  await expect(page.getByRole('tab').last()).toBeFocused();
  await expect(page.getByRole('tab').last()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(page.getByRole('tab', { name: 'Decoder' })).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveTitle(siteTitle);
});

test('a token that does not decode marks the box invalid and points it at the reason', async ({ page }) => {
  await page.goto('/');
  const input = page.getByTestId('token-input');
  await input.fill('hello');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input).toHaveAttribute('aria-describedby', 'decode-status decode-error');
  await expect(page.locator('#decode-error')).toContainText('What is wrong');
  await input.fill(token({ alg: 'HS256' }, { sub: '1' }));
  await expect(input).toHaveAttribute('aria-invalid', 'false');
});

test('the built page carries a strict Content-Security-Policy and breaks none of it', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto('/');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("script-src 'self'");
  await page.getByRole('button', { name: 'Try an example' }).click();
  await expect(page.getByTestId('payload-json')).toContainText('Ada Lovelace');
  expect(violations).toEqual([]);
});

test.describe('the first screen is in the HTML', () => {
  test.use({ javaScriptEnabled: false, colorScheme: 'dark' });

  test('it paints without JavaScript, in the system theme', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('tab', { name: 'Decoder' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('token-input')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'What Tokenscope shows' })).toBeVisible();
    // The dark palette applies before any script could set data-theme.
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(11, 16, 32)');
  });
});

test('the first screen loads only the runtime it uses; the tools bring the rest when opened', async ({
  page,
}) => {
  // The Svelte runtime's bindings, keyed blocks and spread props are a chunk of their own
  // (vite.config.ts, toolOnlyRuntime): the decoder's first screen must not pull it in.
  await page.goto('/', { waitUntil: 'load' });
  const beforeLoad = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime < navigation.loadEventStart && entry.name.endsWith('.js'))
      .map((entry) => new URL(entry.name).pathname);
  });
  expect(beforeLoad.length).toBeGreaterThan(0);
  expect(
    beforeLoad.filter((path) => !/^\/assets\/(main|first-screen|rolldown-runtime)-[\w-]+\.js$/.test(path)),
  ).toEqual([]);

  // It comes after the load event, with the first lazily loaded view or tool.
  await page.getByRole('tab', { name: 'Generator' }).click();
  await expect(page.getByRole('heading', { name: 'Signed token' })).toBeVisible();
  const toolRuntimeAfterLoad = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return performance
      .getEntriesByType('resource')
      .some(
        (entry) => /\/assets\/tool-runtime-/.test(entry.name) && entry.startTime >= navigation.loadEventStart,
      );
  });
  expect(toolRuntimeAfterLoad).toBe(true);
});

test('a token pasted before the scripts run is kept and decoded when they do', async ({ page }) => {
  // Hold the entry script back, as a slow network would, and paste into the painted box.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/main-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/', { waitUntil: 'commit' });
  await page.getByTestId('token-input').fill(token({ alg: 'HS256' }, { sub: 'early' }));
  release();
  await expect(page.getByTestId('payload-json')).toContainText('"sub": "early"');
  await expect(page.getByTestId('token-input')).toHaveValue(/^eyJ/);
});

test('the certificates of an x5c header are explained, with their thumbprint checked', async ({ page }) => {
  const folder = mkdtempSync(join(tmpdir(), 'tokenscope-e2e-x5c-'));
  const certFile = join(folder, 'signer.der');
  execFileSync('openssl', [
    'req',
    '-x509',
    ...['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'],
    ...['-keyout', join(folder, 'signer.key'), '-out', certFile, '-outform', 'DER'],
    ...['-subj', '/O=Tokenscope Test/CN=signer.example.com', '-days', '30'],
  ]);
  const der = readFileSync(certFile);
  const wrongThumbprint = createHash('sha256').update('another certificate').digest('base64url');
  await page.goto(
    `/#token=${token({ alg: 'ES256', x5c: [der.toString('base64')], 'x5t#S256': wrongThumbprint }, { sub: 'ada' })}`,
  );
  const chain = page.getByTestId('certificate-chain');
  await expect(chain).toContainText('O=Tokenscope Test, CN=signer.example.com');
  await expect(chain).toContainText('itself (self-issued)');
  await expect(chain).toContainText('EC P-256, signed with ECDSA with SHA-256');
  await expect(chain).toContainText(/valid for another 2\d days/);
  await expect(chain).toContainText(createHash('sha256').update(der).digest('base64url'));
  await expect(chain).toContainText('does not match "x5t#S256"');
});
