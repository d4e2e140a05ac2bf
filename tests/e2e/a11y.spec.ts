import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/**
 * axe-core over every tool the navigation offers, in the light and the dark theme. The list of
 * tools is read from the page, so a tool added later is checked without touching this file.
 */

const b64url = (text: string) => Buffer.from(text).toString('base64url');
const now = Math.floor(Date.now() / 1000);
// A token that fills every panel of the decoder, findings included.
const token = [
  b64url(
    JSON.stringify({
      alg: 'HS256',
      typ: 'JWT',
      kid: '../../dev/null',
      jku: 'https://evil.example/jwks.json',
    }),
  ),
  b64url(
    JSON.stringify({
      iss: 'https://login.example.com',
      sub: '42',
      email: 'ada@example.com',
      iat: now,
      exp: now + 90 * 86400,
    }),
  ),
  b64url('not-a-real-signature-but-32-byte'),
].join('.');

/** WCAG 2.2 A and AA rules (axe's best-practice extras, like one <h1> per page, are left to review). */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
  }));
}

async function openTool(page: Page, name: string) {
  await page.getByRole('tab', { name, exact: true }).click();
  await expect(page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).not.toContainText('Loading…', { timeout: 20_000 });
  // let lazy chunks and transitions settle (not "networkidle": the service worker precaches meanwhile)
  await page.waitForTimeout(500);
}

for (const theme of ['light', 'dark'] as const) {
  test(`every tool passes axe in the ${theme} theme`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`/#token=${token}`);
    await page.getByLabel('Theme').selectOption(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const tabs = await page.getByRole('tablist').getByRole('tab').allInnerTexts();
    // The tools of DESIGN.md are all in the navigation.
    for (const tool of ['Decoder', 'Verifier', 'Generator', 'Toolbox', 'Simulator'])
      expect(tabs).toContain(tool);
    const found: Record<string, unknown[]> = {};
    const check = async (name: string) => {
      const list = await violations(page);
      if (list.length) found[name] = list;
    };
    // The decoder first, filled: findings (one expanded, with its links) and the secret search.
    await expect(page.getByTestId('finding').first()).toBeVisible();
    await page.getByTestId('finding').first().locator('summary').click();
    await expect(page.getByTestId('secret-search')).toHaveAttribute('data-phase', 'done', {
      timeout: 30_000,
    });
    await check('Decoder');
    // An encrypted token brings the JWE part colours and the "encrypted payload" note.
    const jwe = [
      b64url('{"alg":"dir","enc":"A128GCM"}'),
      '',
      'AAAAAAAAAAAAAAAA',
      'AAAA',
      'AAAAAAAAAAAAAAAAAAAAAA',
    ].join('.');
    await page.getByTestId('token-input').fill(jwe);
    await expect(page.getByText(/The payload is encrypted/)).toBeVisible();
    await check('Decoder (JWE)');
    for (const name of tabs.filter((tab) => tab !== 'Decoder')) {
      await openTool(page, name);
      await check(name);
    }
    expect(found).toEqual({});
  });
}
