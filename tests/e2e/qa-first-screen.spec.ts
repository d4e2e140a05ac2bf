import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type Route } from '@playwright/test';

/**
 * QA of the lazy first screen (the decoding code, the views of a decoded token, the key from a
 * link, the offline app and the network list all load after the first screen): what a person
 * typing early, a slow or failing network, a shared link and an embedding page do to it.
 * Each test drives the built site in Chromium; none may be skipped.
 */
const b64url = (text: string) => Buffer.from(text).toString('base64url');
const tokenWith = (claims: object) =>
  `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(JSON.stringify(claims))}.${b64url('signature-bytes')}`;
const decodedTokenChunk = /\/assets\/decoded-token-[^/]*\.js$/;
const profileFromLinkChunk = /\/assets\/profile-from-link-[^/]*\.js$/;
const networkLogChunk = /\/assets\/NetworkLog-[^/]*\.js$/;
const inspectWorker = /\/assets\/inspect\.worker-[^/]*\.js$/;

/** Holds every request for `pattern` until `release()`; requests after that go straight through. */
async function hold(page: Page, pattern: RegExp) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route: Route) => {
    await released;
    await route.continue();
  });
  return release;
}

/** Fails every request for `pattern` as a dropped connection does, until `restore()` is called. */
async function failRequests(page: Page, pattern: RegExp) {
  let failing = true;
  await page.route(pattern, (route: Route) =>
    failing ? route.abort('internetdisconnected') : route.continue(),
  );
  return () => (failing = false);
}

/** Uncaught exceptions and unhandled rejections (a failed request's console line is not one). */
function uncaught(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** The offline app has started (it loads after the load event): its listeners are in place. */
async function offlineAppStarted(page: Page) {
  await expect
    .poll(() => page.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration())))
    .toBe(true);
}

const status = (page: Page) => page.locator('#decode-status');

test.describe('typing before the decoding code has arrived', () => {
  test('several tokens typed while it loads: only the last one shows', async ({ page }) => {
    const release = await hold(page, decodedTokenChunk);
    await page.goto('/');
    const input = page.getByTestId('token-input');
    await input.fill(tokenWith({ sub: 'first' }));
    await input.fill('not a token at all');
    await input.fill(tokenWith({ sub: 'second' }));
    await input.fill(tokenWith({ sub: 'last' }));
    await expect(status(page)).toHaveText('Decoding…');
    release();
    await expect(page.getByTestId('payload-json')).toContainText('"sub": "last"');
    await expect(page.getByTestId('payload-json')).not.toContainText('second');
    await expect(page.getByTestId('decode-error')).toHaveCount(0);
  });

  test('a box cleared while it loads stays empty when it arrives', async ({ page }) => {
    const release = await hold(page, decodedTokenChunk);
    await page.goto('/');
    await page.getByTestId('token-input').fill(tokenWith({ sub: 'gone' }));
    await page.getByTestId('token-input').fill('');
    release();
    await page.waitForLoadState('load');
    await expect(status(page)).toHaveText('Paste a token to decode it.');
    await expect(page.getByTestId('payload-json')).toHaveCount(0);
  });

  test('a token over 64 KiB pasted before it arrives decodes (in the worker)', async ({ page }) => {
    const release = await hold(page, decodedTokenChunk);
    await page.goto('/');
    const big = tokenWith({ sub: 'big-one', padding: 'x'.repeat(70_000) });
    await page.getByTestId('token-input').fill(big);
    await expect(status(page)).toHaveText('Decoding…');
    release();
    await expect(status(page)).toContainText('Signed token (JWS, compact serialization) · HS256 · 3 parts');
    await expect(page.getByTestId('payload-json')).toContainText('"sub": "big-one"');
  });

  test('a token response and a cookie line pasted before it arrives are read', async ({ page }) => {
    const release = await hold(page, decodedTokenChunk);
    await page.goto('/');
    const token = tokenWith({ sub: 'from-a-cookie' });
    await page.getByTestId('token-input').fill(`Set-Cookie: session=${token}; Path=/; HttpOnly; Secure`);
    release();
    await expect(page.getByTestId('payload-json')).toContainText('"sub": "from-a-cookie"');
    const response = JSON.stringify({
      access_token: tokenWith({ sub: 'from-a-response' }),
      token_type: 'Bearer',
    });
    await page.getByTestId('token-input').fill(response);
    await expect(page.getByTestId('payload-json')).toContainText('"sub": "from-a-response"');
  });

  test('the status region says "Decoding…" once while it waits, then the result once', async ({ page }) => {
    const release = await hold(page, decodedTokenChunk);
    await page.goto('/');
    // Every text the live region takes from now on is what a screen reader may announce.
    await status(page).evaluate((element) => {
      const said: string[] = [];
      (window as unknown as { said: string[] }).said = said;
      new MutationObserver(() => said.push(element.textContent!.trim())).observe(element, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    });
    const input = page.getByTestId('token-input');
    const token = tokenWith({ sub: 'announced' });
    for (const length of [10, 30, token.length]) await input.fill(token.slice(0, length));
    release();
    await expect(page.getByTestId('payload-json')).toContainText('announced');
    const said = await page.evaluate(() => (window as unknown as { said: string[] }).said);
    expect(said).toEqual([
      'Decoding…',
      expect.stringMatching(/^Signed token \(JWS, compact serialization\)/),
    ]);
  });

  test('the theme changes before the decoding code arrives, and stays', async ({ page }) => {
    const release = await hold(page, decodedTokenChunk);
    await page.goto('/');
    await page.getByLabel('Theme').selectOption('dark');
    await page.getByTestId('token-input').fill(tokenWith({ sub: 'dark-reader' }));
    release();
    await expect(page.getByTestId('payload-json')).toContainText('dark-reader');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByLabel('Theme').selectOption('light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  });
});

test.describe('when the decoding code cannot load', () => {
  test('nothing is thrown uncaught (the prefetch after load, the history)', async ({ page }) => {
    const errors = uncaught(page);
    await failRequests(page, decodedTokenChunk);
    await page.goto('/');
    await page.waitForLoadState('load');
    await page.getByTestId('token-input').fill(tokenWith({ sub: 'offline' }));
    await expect(status(page)).toContainText('The decoder could not load');
    // The history and the prefetch load after the load event: give them the time to fail.
    await page.waitForTimeout(500);
    expect(errors).toEqual([]);
  });

  test('a dropped connection does not say Tokenscope was updated in another tab', async ({
    page,
    context,
  }) => {
    // The decoding code is on its way when the connection drops (the browser knows it is offline).
    let dropConnection = () => {};
    const dropped = new Promise<void>((resolve) => (dropConnection = resolve));
    await page.route(decodedTokenChunk, async (route: Route) => {
      await dropped;
      await route.abort('internetdisconnected');
    });
    await page.goto('/');
    await offlineAppStarted(page);
    await context.setOffline(true);
    dropConnection();
    await page.getByTestId('token-input').fill(tokenWith({ sub: 'offline' }));
    await expect(status(page)).toContainText('The decoder could not load');
    // Nothing was updated: the file did not arrive, for want of network.
    await expect(page.getByTestId('update-prompt')).toHaveCount(0);
  });

  test('the Compare button says why when its code cannot load', async ({ page }) => {
    await failRequests(page, decodedTokenChunk);
    await page.goto('/');
    await page.getByRole('button', { name: 'Compare claims with a second token' }).click();
    await expect(page.locator('.slot.compare').getByText(/could not load/)).toBeVisible();
  });

  test('the failure is said once, in the status, not again above the box', async ({ page }) => {
    await failRequests(page, decodedTokenChunk);
    await page.goto('/');
    await page.getByTestId('token-input').fill(tokenWith({ sub: 'offline' }));
    await expect(status(page)).toContainText('The decoder could not load');
    await expect(page.getByText(/could not load/)).toHaveCount(1);
    // The panel's header keeps its one line: its title is not squeezed by a message.
    const heading = page.locator('#encoded-heading');
    expect((await heading.boundingBox())!.height).toBeLessThan(30);
  });

  test('once it loads, the token decodes, its actions come back and the failure message goes', async ({
    page,
  }) => {
    const restore = await failRequests(page, decodedTokenChunk);
    await page.goto('/');
    const input = page.getByTestId('token-input');
    await input.fill(tokenWith({ sub: 'first-try' }));
    await expect(status(page)).toContainText('The decoder could not load');
    restore();
    // Typing on (not clearing the box) brings the decoder back.
    await input.fill(tokenWith({ sub: 'second-try' }));
    await expect(page.getByTestId('payload-json')).toContainText('second-try');
    await expect(status(page)).toContainText('Signed token (JWS, compact serialization)');
    await expect(page.getByRole('button', { name: 'Share' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Edit in Generator' })).toBeVisible();
    await expect(page.getByText(/could not load/)).toHaveCount(0);
  });
});

test.describe('a shared link with a key', () => {
  const linked = tokenWith({ sub: 'linked', exp: 4102444800 });
  const secret = 'a-shared-secret';

  test('the key and an invalid profile reach the Verifier, and the key leaves the address', async ({
    page,
  }) => {
    const profile = encodeURIComponent('{"clockTolerance":-5}');
    await page.goto(`/#tool=verifier&token=${linked}&key=${secret}&profile=${profile}`);
    await expect(page.getByTestId('key-input')).toHaveValue(secret);
    await expect(page).not.toHaveURL(/key=|profile=/);
    await expect(
      page.getByText('The Verifier profile in this link has "clockTolerance" set to -5'),
    ).toBeVisible();
    await expect(page.getByTestId('verify-status')).toHaveAttribute('data-status', 'invalid-signature');
  });

  test('a link opened in a running tab hands over its key, which leaves the address', async ({ page }) => {
    await page.goto('/');
    await page.waitForLoadState('load');
    await page.evaluate(
      ([token, key]) => (window.location.hash = `tool=verifier&token=${token}&key=${key}`),
      [linked, secret],
    );
    await expect(page.getByTestId('key-input')).toHaveValue(secret);
    await expect(page).not.toHaveURL(/key=/);
    await expect(page.getByRole('tab', { name: 'Verifier' })).toHaveAttribute('aria-selected', 'true');
  });

  // The key is taken at once; only the strict reading of a link's profile is a chunk of its own.
  const nonceProfile = (nonce: string) => encodeURIComponent(JSON.stringify({ nonce }));

  test('the key is not lost when the code that reads the link’s profile cannot load', async ({ page }) => {
    const errors = uncaught(page);
    await failRequests(page, profileFromLinkChunk);
    await page.goto(`/#tool=verifier&token=${linked}&key=${secret}&profile=${nonceProfile('n-0')}`);
    await expect(page).not.toHaveURL(/key=|profile=/);
    // The key left the address: it is in the key field, and the person is told the profile is not.
    await expect(page.getByTestId('key-input')).toHaveValue(secret);
    await expect(page.getByTestId('profile-notice')).toContainText('could not be read');
    await expect(page.getByTestId('profile-nonce')).toHaveValue('');
    expect(errors).toEqual([]);
  });

  test('a token typed while the link is still being read is not replaced by the link’s', async ({ page }) => {
    const release = await hold(page, profileFromLinkChunk);
    await page.goto(`/#token=${linked}&key=${secret}&profile=${nonceProfile('n-1')}`);
    await expect(page.getByTestId('payload-json')).toContainText('linked');
    const mine = tokenWith({ sub: 'typed-by-hand' });
    await page.getByTestId('token-input').fill(mine);
    release();
    await page.getByRole('tab', { name: 'Verifier', exact: true }).click();
    await expect(page.getByTestId('key-input')).toHaveValue(secret);
    await expect(page.getByTestId('profile-nonce')).toHaveValue('n-1');
    await page.getByRole('tab', { name: 'Decoder', exact: true }).click();
    await expect(page.getByTestId('token-input')).toHaveValue(mine);
    await expect(page.getByTestId('payload-json')).toContainText('typed-by-hand');
  });

  test('a second link opened while the first is still being read wins', async ({ page }) => {
    await page.goto('/');
    await page.waitForLoadState('load');
    const release = await hold(page, profileFromLinkChunk);
    await page.evaluate(
      ([token, key, profile]) => (window.location.hash = `token=${token}&key=${key}&profile=${profile}`),
      [linked, secret, nonceProfile('from-the-first-link')],
    );
    await expect(page).not.toHaveURL(/key=/);
    const second = tokenWith({ sub: 'second-link' });
    await page.evaluate((token) => (window.location.hash = `token=${token}&key=second-secret`), second);
    await expect(page).not.toHaveURL(/key=/);
    await expect(page.getByTestId('payload-json')).toContainText('second-link');
    // The first link's profile arrives last: it must not land on the second link's key.
    release();
    await page.getByRole('tab', { name: 'Verifier', exact: true }).click();
    await expect(page.getByTestId('key-input')).toHaveValue('second-secret');
    await page.waitForLoadState('networkidle');
    await expect(page.getByTestId('profile-nonce')).toHaveValue('');
    await page.getByRole('tab', { name: 'Decoder', exact: true }).click();
    await expect(page.getByTestId('token-input')).toHaveValue(second);
  });
});

test('while a large token decodes in the worker, the previous token’s views are not shown as its', async ({
  page,
}) => {
  const release = await hold(page, inspectWorker);
  await page.goto('/');
  const input = page.getByTestId('token-input');
  await input.fill(tokenWith({ sub: 'small-and-earlier' }));
  await expect(page.getByTestId('payload-json')).toContainText('small-and-earlier');
  await input.fill(tokenWith({ sub: 'large-and-later', padding: 'x'.repeat(70_000) }));
  await expect(status(page)).toHaveText('Decoding a large token off the main thread…');
  // The box holds the large token; the header, payload and "Edit in Generator" belong to the other.
  await expect(page.getByTestId('payload-json').filter({ hasText: 'small-and-earlier' })).toHaveCount(0);
  release();
  await expect(page.getByTestId('payload-json')).toContainText('large-and-later');
});

test.describe('history', () => {
  // The decoding code comes from the network, never from the service worker's cache.
  test.use({ serviceWorkers: 'block' });

  test('with history on, only tokens that decode are remembered, a reload’s too', async ({ page }) => {
    const stored = () =>
      page.evaluate(() =>
        (
          (
            JSON.parse(localStorage.getItem('tokenscope:history') ?? '{}') as {
              entries?: { token: string }[];
            }
          ).entries ?? []
        ).map((entry) => entry.token),
      );
    const damaged = 'eyJhbGciOiJIUzI1NiJ9.not!base64.x';
    await page.goto('/#tool=privacy');
    await page.getByRole('tab', { name: 'Decoder', exact: true }).click();
    await page.getByTestId('token-input').fill(damaged);
    await page.getByRole('tab', { name: 'Privacy', exact: true }).click();
    // Turned on with a damaged token in the box: nothing to remember.
    await page.getByTestId('history-toggle').check();
    await page.getByRole('tab', { name: 'Decoder', exact: true }).click();
    await page.waitForTimeout(2000);
    expect(await stored()).toEqual([]);
    const good = tokenWith({ sub: 'remembered' });
    await page.getByTestId('token-input').fill(good);
    await expect.poll(stored, { timeout: 5000 }).toEqual([good]);
    // A reload with a link, the decoding code slow: remembered once it has decoded.
    const release = await hold(page, decodedTokenChunk);
    const linked = tokenWith({ sub: 'linked-later' });
    await page.goto('/');
    await page.goto(`/#token=${linked}`);
    await page.reload();
    await expect(status(page)).toHaveText('Decoding…');
    await page.waitForTimeout(500);
    release();
    await expect.poll(stored, { timeout: 8000 }).toEqual([linked, good]);
  });
});

test.describe('the header', () => {
  test('the tabs follow the arrow keys, Home and End, with one selected tab in the tab order', async ({
    page,
  }) => {
    await page.goto('/');
    const tabs = page.getByRole('tablist').getByRole('tab');
    const names = await tabs.allInnerTexts();
    expect(names.length).toBeGreaterThan(3);
    await page.getByRole('tab', { name: names[0], exact: true }).focus();
    const expectSelected = async (name: string) => {
      const tab = page.getByRole('tab', { name, exact: true });
      await expect(tab).toBeFocused();
      await expect(tab).toHaveAttribute('aria-selected', 'true');
      await expect(tab).toHaveAttribute('tabindex', '0');
      await expect(page.locator('[role="tab"][aria-selected="true"]')).toHaveCount(1);
      await expect(page.locator('[role="tab"][tabindex="0"]')).toHaveCount(1);
    };
    await page.keyboard.press('ArrowRight');
    await expectSelected(names[1]!);
    await page.keyboard.press('End');
    await expectSelected(names.at(-1)!);
    await page.keyboard.press('ArrowRight');
    await expectSelected(names[0]!);
    await page.keyboard.press('ArrowLeft');
    await expectSelected(names.at(-1)!);
    await page.keyboard.press('Home');
    await expectSelected(names[0]!);
  });

  test('the network list opens and closes by keyboard, and focus comes back to its button', async ({
    page,
  }) => {
    await page.goto('/');
    const toggle = page.getByTestId('network-indicator');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const explain = page.getByRole('button', { name: 'How to check it yourself' });
    await expect(explain).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(explain).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('#network-log')).toHaveCount(0);
    await expect(toggle).toBeFocused();
  });

  test('a network list whose code cannot load says so in its box, and the header keeps its size', async ({
    page,
  }) => {
    await failRequests(page, networkLogChunk);
    await page.goto('/');
    const header = page.locator('header.bar');
    const closedHeight = (await header.boundingBox())!.height;
    await page.getByTestId('network-indicator').click();
    // Said in the list's own box (the region the button controls), over the page.
    const box = page.getByRole('region', { name: 'Network requests of this page' });
    await expect(box.getByText(/could not load/)).toBeVisible();
    // The list is a popover: open or failed, it lies over the page and never pushes it down.
    expect((await header.boundingBox())!.height).toBe(closedHeight);
  });

  test('an install offer made before the offline app has loaded is kept and works', async ({ page }) => {
    await page.addInitScript(() => {
      const state = { prompted: 0 };
      (window as unknown as { installState: typeof state }).installState = state;
      // Chromium may offer installation as soon as the page parses, long before the load event.
      document.addEventListener('DOMContentLoaded', () => {
        const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
          prompt: async () => void state.prompted++,
          userChoice: Promise.resolve({ outcome: 'accepted' }),
        });
        dispatchEvent(offer);
      });
    });
    await page.goto('/');
    const install = page.getByRole('button', { name: 'Install it as an app' });
    await expect(install).toBeVisible();
    await install.click();
    await expect
      .poll(() =>
        page.evaluate(
          () => (window as unknown as { installState: { prompted: number } }).installState.prompted,
        ),
      )
      .toBe(1);
    await expect(install).toHaveCount(0);
  });
});

test.describe('axe on the decoder', () => {
  const violations = async (page: Page) =>
    (
      await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze()
    ).violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`,
    );

  for (const theme of ['light', 'dark'] as const) {
    test(`a token, an error and the open network list pass axe in the ${theme} theme`, async ({ page }) => {
      test.setTimeout(60_000);
      await page.goto('/');
      await page.getByLabel('Theme').selectOption(theme);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await page.getByTestId('token-input').fill(tokenWith({ sub: 'axe', iat: 1700000000, exp: 4102444800 }));
      await expect(page.getByTestId('claims-table')).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await page.getByTestId('token-input').fill('eyJhbGciOiJIUzI1NiJ9.not!base64.x');
      await expect(page.getByTestId('decode-error')).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await page.getByTestId('network-indicator').click();
      await expect(page.locator('#network-log')).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  }
});

test('offline after a first visit, a link with a key and a profile still hands them over', async ({
  page,
  context,
}) => {
  test.setTimeout(60_000);
  await page.goto('/');
  await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('token-input')).toBeVisible();
  // A new page load (not a fragment change in this page), served by the service worker alone.
  await page.goto('about:blank');
  const token = tokenWith({ sub: 'offline-link', exp: 4102444800 });
  const profile = encodeURIComponent('{"issuer":"https://login.example"}');
  await page.goto(`/#tool=verifier&token=${token}&key=c2VjcmV0&profile=${profile}`);
  await expect(page.getByTestId('key-input')).toHaveValue('c2VjcmV0');
  await expect(page.getByLabel('Expected issuer (iss)')).toHaveValue('https://login.example');
  await expect(page).not.toHaveURL(/key=|profile=/);
});
