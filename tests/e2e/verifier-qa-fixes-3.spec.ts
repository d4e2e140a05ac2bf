import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { SignJWT } from 'jose';
import { collectProblems } from './support/page-problems';

/**
 * QA defects in the Verifier (third round), in the built site: a "Pretend now is" picked in one
 * time zone and opened from a share link in another, a long nonce on a phone, and the payload
 * panel's landmark name. Tokens are signed with jose.
 */
const secret = 'a-string-secret-at-least-256-bits-long';
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;
const idToken = (claims: Record<string, unknown>) =>
  new SignJWT({ sub: 'ada', exp: inAnHour(), ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(secret));

/** The share link of the Verifier's token, key and profile, as the Share dialog writes it. */
async function shareWithKey(page: Page): Promise<string> {
  await page.getByRole('tab', { name: 'Decoder' }).click();
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByTestId('share-include-key').check();
  await page.getByTestId('share-confirm-secret').check();
  await expect(page.getByRole('dialog').getByRole('status')).toContainText(
    'key and Verifier profile included',
  );
  return page.getByTestId('share-link').inputValue();
}

async function pageIn(browser: Browser, timezoneId: string) {
  return (await browser.newContext({ timezoneId })).newPage();
}

// Under the real clock the token is valid; at either end of time it is not, so the verdict shows
// which clock the receiver uses.
for (const [from, picked, to, shownYear, verdict] of [
  ['UTC', '9999-12-31T12:00:00', 'Pacific/Kiritimati', 10000, 'expired'],
  // Juneau kept its local mean time (+15:02:19) until 1867: year 1 there starts in year 0 in UTC.
  ['America/Juneau', '0001-01-01T00:00:00', 'UTC', 0, 'not-yet-valid'],
] as const)
  test(`"Pretend now is" ${picked} picked in ${from} opens from a share link in ${to}`, async ({
    browser,
  }) => {
    const sender = await pageIn(browser, from);
    const problems = collectProblems(sender);
    await sender.goto('/#tool=verifier');
    await sender.getByTestId('token-input').fill(await idToken({ nbf: inAnHour() - 7200 }));
    await sender.getByTestId('key-input').fill(secret);
    await sender.getByTestId('profile-now').fill(picked);
    await expect(sender.getByTestId('profile-now-hint')).toHaveText(
      'Checks exp and nbf as if it were this time.',
    );
    await expect(sender.getByTestId('verify-status')).toHaveAttribute('data-status', verdict);
    const link = await shareWithKey(sender);

    const receiver = await pageIn(browser, to);
    problems.push(...collectProblems(receiver));
    await receiver.goto(link);
    await receiver.getByRole('tab', { name: 'Verifier' }).click();
    // The time arrived: the same verdict, and no notice of "default settings instead".
    await expect(receiver.getByTestId('verify-status')).toHaveAttribute('data-status', verdict);
    await expect(receiver.getByTestId('profile-notice')).toHaveCount(0);
    // Here it is a year the field cannot show: the hint says the time instead of a blank field.
    await expect(receiver.getByTestId('profile-now-hint')).toContainText(
      `in your time zone that is year ${shownYear}, which this field cannot show`,
    );
    await expect(receiver.getByRole('button', { name: 'Real clock' })).toBeVisible();
    expect(problems).toEqual([]);
    await sender.context().close();
    await receiver.context().close();
  });

test('a 64-character nonce wraps inside the verdict on a 360 px screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  const nonce = Buffer.from(new Uint8Array(48).map((_, index) => index * 37)).toString('base64url');
  expect(nonce).toHaveLength(64);
  await page.goto('/#tool=verifier');
  await page.getByTestId('token-input').fill(await idToken({ nonce }));
  await page.getByTestId('key-input').fill(secret);
  await page.getByRole('textbox', { name: /^Expected nonce/ }).fill(`${nonce.slice(0, 63)}x`);
  await expect(page.getByTestId('verify-status')).toHaveAttribute('data-status', 'claim-mismatch');
  const line = page
    .getByRole('list', { name: 'Claim checks' })
    .getByRole('listitem')
    .filter({ hasText: 'nonce' });
  await expect(line).toContainText(nonce);
  const widths = await line.evaluate((element) => ({
    line: [element.scrollWidth, element.clientWidth],
    page: document.documentElement.scrollWidth,
  }));
  expect(widths.line[0]).toBeLessThanOrEqual(widths.line[1]!);
  expect(widths.page).toBeLessThanOrEqual(360);
});

test("the payload panel and its JSON are not two landmarks of one name (axe's landmark-unique)", async ({
  page,
}) => {
  await page.goto('/#tool=verifier');
  await page.getByTestId('token-input').fill(await idToken({ nonce: 'one' }));
  await page.getByTestId('key-input').fill(secret);
  const status = page.getByTestId('verify-status');
  for (const [nonce, verdict, panel] of [
    ['', 'valid', 'Verified payload'],
    ['another', 'claim-mismatch', 'Payload (signature good)'],
  ] as const) {
    await page.getByRole('textbox', { name: /^Expected nonce/ }).fill(nonce);
    await expect(status).toHaveAttribute('data-status', verdict);
    await expect(page.getByRole('region', { name: panel, exact: true })).toHaveCount(1);
    const results = await new AxeBuilder({ page }).withRules(['landmark-unique']).analyze();
    expect(results.violations.map((violation) => violation.nodes.map((node) => node.target))).toEqual([]);
  }
});
