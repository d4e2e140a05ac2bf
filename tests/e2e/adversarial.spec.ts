import { createHmac } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';

/**
 * What an attacker (or a clumsy paste) can put in the token box: huge, deep, malformed and
 * hostile input. The page says what is wrong, renders every string as inert text, keeps its
 * main thread free, and the other tools keep working afterwards.
 */

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');
const jws = (header: object | string, payload: object | string) =>
  [
    b64url(typeof header === 'string' ? header : JSON.stringify(header)),
    b64url(typeof payload === 'string' ? payload : JSON.stringify(payload)),
    b64url(Buffer.alloc(32, 1)),
  ].join('.');

/** Collects uncaught errors, dialogs (an executed alert()) and long main-thread tasks. */
async function watch(page: Page) {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto('/');
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) =>
      list.getEntries().forEach((entry) => w.longTasks.push(entry.duration)),
    ).observe({
      type: 'longtask',
    });
  });
  return {
    problems,
    longestTask: () =>
      page.evaluate(() => Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks)),
    resetTasks: () => page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = [])),
  };
}

/** Puts text in the token box the way a paste does: one value, one input event. */
async function paste(page: Page, text: string) {
  await page.getByTestId('token-input').evaluate((element, value) => {
    (element as HTMLTextAreaElement).value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

/**
 * Puts text in the box without the input event: laying out megabytes in a textarea is the
 * browser's own cost, paid by any paste, so it is measured apart from decoding.
 */
async function setValue(page: Page, text: string) {
  await page.getByTestId('token-input').evaluate((element, value) => {
    (element as HTMLTextAreaElement).value = value;
  }, text);
  await page.waitForTimeout(300);
}

/** The decoder still decodes a small token, and another tool still opens and renders. */
async function expectStillWorking(page: Page) {
  await paste(page, jws({ alg: 'HS256' }, { sub: 'still-working' }));
  await expect(page.getByTestId('payload-json')).toContainText('"sub": "still-working"', { timeout: 15_000 });
  await page.getByRole('tab', { name: 'Toolbox' }).click();
  await expect(page.getByRole('tabpanel')).not.toContainText('Loading…', { timeout: 15_000 });
  await expect(page.getByRole('tabpanel').getByRole('textbox').first()).toBeVisible();
  await page.getByRole('tab', { name: 'Decoder' }).click();
  await expect(page.getByTestId('payload-json')).toContainText('still-working');
}

// Budget of the issue is 200 ms; shared CI machines are noisy, so only a clear freeze fails.
const taskBudgetMs = Number(process.env.LONG_TASK_BUDGET_MS ?? 200);

test('a 1 MB token decodes with no main-thread task over the budget', async ({ page }) => {
  const { problems, longestTask, resetTasks } = await watch(page);
  await setValue(page, jws({ alg: 'HS256' }, { sub: 'big', blob: 'x'.repeat(1024 * 1024) }));
  const pasteTask = await longestTask();
  await resetTasks();
  await page.getByTestId('token-input').dispatchEvent('input');
  await expect(page.getByRole('status').first()).toContainText('bytes decoded', { timeout: 20_000 });
  await expect(page.getByTestId('payload-json')).toContainText('"sub": "big"');
  // the weak-secret search skips a token this big instead of hashing it 90,000 times
  await expect(page.getByTestId('secret-search')).toHaveAttribute('data-phase', 'done', { timeout: 20_000 });
  const longest = await longestTask();
  test.info().annotations.push({
    type: 'longest task, 1 MB',
    description: `${longest.toFixed(0)} ms decoding and auditing (${pasteTask.toFixed(0)} ms for the textarea itself)`,
  });
  expect(longest).toBeLessThan(taskBudgetMs);
  await expectStillWorking(page);
  expect(problems).toEqual([]);
});

test('a 10 MB token is decoded or refused with a reason, and the page stays usable', async ({ page }) => {
  test.setTimeout(90_000);
  const { problems, longestTask, resetTasks } = await watch(page);
  const big = jws({ alg: 'HS256' }, { sub: 'huge', blob: 'y'.repeat(10 * 1024 * 1024) });
  await setValue(page, big);
  const pasteTask = await longestTask();
  await resetTasks();
  await page.getByTestId('token-input').dispatchEvent('input');
  await expect(page.getByRole('status').first()).toContainText(/bytes decoded|could not/, {
    timeout: 60_000,
  });
  await expect(page.getByTestId('secret-search')).toHaveAttribute('data-phase', 'done', { timeout: 30_000 });
  const longest = await longestTask();
  test.info().annotations.push({
    type: 'longest task, 10 MB',
    description: `${longest.toFixed(0)} ms decoding and auditing (${pasteTask.toFixed(0)} ms for the textarea itself)`,
  });
  // 200 ms is the budget for 1 MB; at 10 MB the structured clone of the decoded parts alone
  // is ~100 ms on this machine, so this guards against a freeze, not a budget.
  expect(longest).toBeLessThan(Math.max(taskBudgetMs, 1000));
  await expectStillWorking(page);
  expect(problems).toEqual([]);
});

test('10,000 levels of nested JSON decode without a stack overflow', async ({ page }) => {
  const { problems } = await watch(page);
  const deep = `{"sub":"deep","n":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
  await paste(page, jws({ alg: 'HS256' }, deep));
  await expect(page.getByTestId('payload-json')).toContainText('"sub": "deep"', { timeout: 15_000 });
  const deepHeader = `{"alg":"HS256","x":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`;
  await paste(page, jws(deepHeader, { sub: 'deep-header' }));
  await expect(page.getByTestId('header-json')).toContainText('HS256', { timeout: 15_000 });
  await expectStillWorking(page);
  expect(problems).toEqual([]);
});

test('huge and odd numbers are shown, not mangled into errors', async ({ page }) => {
  const { problems } = await watch(page);
  await paste(
    page,
    jws(
      { alg: 'HS256' },
      '{"sub":"n","exp":1e308,"iat":-1e308,"nbf":1e400,"big":123456789012345678901234567890}',
    ),
  );
  await expect(page.getByTestId('payload-json')).toContainText('"sub": "n"');
  await expect(page.getByTestId('claims-table')).toBeVisible();
  await expect(page.getByTestId('finding').first()).toBeVisible();
  expect(problems).toEqual([]);
});

test('invalid UTF-8, lone surrogates and NUL bytes get a precise message or escaped text', async ({
  page,
}) => {
  const { problems } = await watch(page);
  const invalidUtf8 = [
    b64url('{"alg":"HS256"}'),
    b64url(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
    'AAAA',
  ].join('.');
  await paste(page, invalidUtf8);
  await expect(page.getByTestId('decode-error')).toContainText(
    'Part 2 (the payload) decodes to bytes that are not UTF-8',
  );
  await expect(page.getByTestId('header-json')).toContainText('HS256');

  await paste(page, jws({ alg: 'HS256', kid: 'a\u0000b' }, '{"sub":"\\ud800 lone","nul":"x\\u0000y"}'));
  await expect(page.getByTestId('payload-json')).toContainText('"sub":');
  await expect(page.locator('[data-testid=finding][data-rule=kid-suspicious]')).toContainText('"a\\u0000b"');

  await paste(page, `${b64url('{"alg":"HS256"}')}.ab\u0000c.AAAA`);
  await expect(page.getByTestId('decode-error')).toContainText('control character U+0000');
  await expectStillWorking(page);
  expect(problems).toEqual([]);
});

test('10,000 parts get a part-count message, quickly', async ({ page }) => {
  const { problems, longestTask } = await watch(page);
  await paste(page, Array.from({ length: 10_000 }, () => 'eyJhIjoxfQ').join('.'));
  await expect(page.getByTestId('decode-error')).toContainText('this one has 10000');
  expect(await longestTask()).toBeLessThan(taskBudgetMs);
  expect(problems).toEqual([]);
});

test('HTML, script, javascript: URLs and bidi controls stay inert and visible everywhere', async ({
  page,
}) => {
  const { problems } = await watch(page);
  const html = '<img src=x onerror=alert(1)>';
  const script = '<script>alert(2)</script>';
  const url = 'javascript:alert(3)';
  const bidi = 'invoice\u202Egnp.exe';
  await paste(
    page,
    jws(
      { alg: 'HS256', kid: `${html}${script}`, jku: url, x5u: `https://evil.example/${html}` },
      { sub: bidi, name: html, website: url, password: script, [html]: 'key with markup' },
    ),
  );
  await expect(page.getByTestId('payload-json')).toContainText(html);
  await expect(page.getByTestId('header-json')).toContainText(script);
  await expect(page.getByTestId('claims-table')).toContainText(url);
  // Findings quote hostile values as JSON, so the bidi override is shown escaped, not applied.
  const kidFinding = page.locator('[data-testid=finding][data-rule=kid-suspicious]');
  await expect(kidFinding).toContainText(html);
  await expect(page.locator('[data-testid=finding][data-rule=jku-header]')).toContainText(
    '"javascript:alert(3)"',
  );
  await expect(page.locator('[data-testid=finding][data-rule=sensitive-data]').first()).toBeVisible();
  // Nothing became markup: no images, scripts or javascript: links were created from the token.
  await expect(page.locator('main img, main script, main iframe')).toHaveCount(0);
  await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
  // An error message that quotes the input is text too.
  await paste(page, `${b64url('{"alg":"HS256"}')}.<script>alert(4)</script>.AAAA`);
  await expect(page.getByTestId('decode-error')).toContainText('"<" is not in the base64url alphabet');
  await expect(page.locator('main script')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('the weak-secret search shows progress, can be cancelled and restarted', async ({ page }) => {
  const { problems } = await watch(page);
  // A signature no secret produces: the search runs through every candidate.
  const now = Math.floor(Date.now() / 1000);
  await paste(page, jws({ alg: 'HS256' }, { sub: 'x', iat: now, exp: now + 600 }));
  const search = page.getByTestId('secret-search');
  await expect(search).toHaveAttribute('data-phase', 'running');
  await search.getByRole('button', { name: 'Cancel' }).click();
  await expect(search).toHaveAttribute('data-phase', 'cancelled');
  await expect(search).toContainText('Secret search cancelled after');
  await search.getByRole('button', { name: 'Search again' }).click();
  await expect(search).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
  await expect(search).toContainText(/No well-known secret matched: [\d,]+ tried/);
  expect(problems).toEqual([]);
});

test('a token signed with a sample secret is caught by the worker, and says which', async ({ page }) => {
  const { problems } = await watch(page);
  const input = `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url('{"sub":"x"}')}`;
  await paste(page, `${input}.${createHmac('sha256', 'keyboard cat').update(input).digest('base64url')}`);
  const finding = page.locator('[data-testid=finding][data-rule=weak-secret]');
  await expect(finding).toContainText('"keyboard cat"', { timeout: 30_000 });
  await expect(finding).toHaveAttribute('data-severity', 'danger');
  await expect(page.getByTestId('finding').first()).toHaveAttribute('data-rule', 'weak-secret');
  await finding.locator('summary').click();
  await expect(finding).toContainText('How to fix:');
  await expect(finding.getByRole('link', { name: 'RFC 8725 §3.5' })).toHaveAttribute(
    'href',
    'https://www.rfc-editor.org/rfc/rfc8725#section-3.5',
  );
  expect(problems).toEqual([]);
});
