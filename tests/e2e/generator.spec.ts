import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** Collects CSP violations and uncaught errors: the Generator must work under the strict CSP. */
async function watch(page: Page) {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
    ),
  );
  return problems;
}

test('generate a key pair, sign with exp 15 min ahead, verify, and carry it all in a zip to a fresh page', async ({
  page,
  browser,
}) => {
  const problems = await watch(page);
  await page.goto('/#tool=generator');
  await page.getByTestId('gen-alg').selectOption('ES256');
  await page.getByTestId('gen-generate').click();
  await expect(page.getByTestId('gen-key-note')).toContainText('kid set to its RFC 7638 thumbprint');
  await page.getByRole('button', { name: '15 min' }).click();
  const token = page.getByTestId('generated-token');
  await expect(token).toBeVisible();
  const text = (await token.textContent())!;
  const payload = JSON.parse(Buffer.from(text.split('.')[1]!, 'base64url').toString());
  const now = Math.floor(Date.now() / 1000);
  expect(payload.exp - now).toBeGreaterThan(14 * 60);
  expect(payload.exp - now).toBeLessThanOrEqual(15 * 60);

  await page.getByTestId('gen-open-verifier').click();
  await expect(page.getByTestId('verify-status')).toHaveAttribute('data-status', 'valid');

  // Export the workspace with the private keys, encrypted.
  await page.getByRole('tab', { name: 'Toolbox' }).click();
  await page.getByTestId('zip-include-private').check();
  await page.getByTestId('zip-export-password').fill('correct horse battery');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('zip-export').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^tokenscope-workspace-.*\.zip$/);
  const zipPath = await download.path();
  await expect(page.getByTestId('zip-export-note')).toContainText('encrypted with AES-256');
  expect(problems).toEqual([]);

  // A fresh page (new context: nothing shared) imports it.
  const fresh = await (await browser.newContext()).newPage();
  const freshProblems = await watch(fresh);
  await fresh.goto('/#tool=toolbox');
  await fresh.getByTestId('zip-import-password').fill('wrong');
  await fresh.getByTestId('zip-import').setInputFiles(zipPath);
  await expect(fresh.getByTestId('zip-import-note')).toContainText('password is wrong');
  await fresh.getByTestId('zip-import-password').fill('correct horse battery');
  await fresh.getByTestId('zip-import').setInputFiles(zipPath);
  await expect(fresh.getByTestId('zip-import-note')).toContainText('Restored');
  await fresh.getByRole('tab', { name: 'Verifier' }).click();
  await expect(fresh.getByTestId('verify-status')).toHaveAttribute('data-status', 'valid');
  await fresh.getByRole('tab', { name: 'Keys' }).click();
  await expect(fresh.getByTestId('keys-list')).toContainText('ES256');
  await fresh.getByRole('tab', { name: 'Generator' }).click();
  await expect(fresh.getByTestId('gen-payload-status')).toContainText('Valid JSON');
  expect(freshProblems).toEqual([]);
});

test('the Generator loads only when opened, CodeMirror works under the CSP, and zip.js waits for the zip', async ({
  page,
}) => {
  const problems = await watch(page);
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto('/');
  await expect(page.getByTestId('token-input')).toBeVisible();
  expect(scripts.some((path) => /Generator|zip-native|KeyWorkbench|Toolbox/.test(path))).toBe(false);
  await page.goto('/#tool=generator');
  await page.reload();
  const editor = page.getByTestId('gen-payload-editor').locator('.cm-content');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.type(', "x": ');
  await expect(page.getByTestId('gen-payload-status')).toContainText(/Line \d+, column \d+/);
  await expect(page.getByTestId('gen-problem')).toContainText('payload is not valid JSON');
  await page.keyboard.type('1');
  await expect(page.getByTestId('gen-payload-status')).toContainText('Valid JSON');
  await expect(editor).toContainText('"x": 1');
  // Undo (the editor's own small history) takes the edit back.
  await page.keyboard.press('ControlOrMeta+z');
  await expect(editor).not.toContainText('"x": 1');
  expect(scripts.some((path) => /zip-native/.test(path))).toBe(false);
  expect(problems).toEqual([]);
});

test('a key made in the Keys tool signs in the Generator, and the three tools pass axe in both themes', async ({
  page,
}) => {
  const problems = await watch(page);
  await page.goto('/#tool=keys');
  await page.getByTestId('keys-alg').selectOption('ES256K');
  await page.getByTestId('keys-generate').click();
  await expect(page.getByTestId('keys-note')).toContainText('Generated');
  await page.getByRole('button', { name: 'Sign with it' }).click();
  const token = page.getByTestId('generated-token');
  await expect(token).toBeVisible();
  const header = JSON.parse(Buffer.from((await token.textContent())!.split('.')[0]!, 'base64url').toString());
  expect(header.alg).toBe('ES256K');
  expect(header.kid).toMatch(/^[\w-]{43}$/);

  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    for (const tool of ['generator', 'keys', 'toolbox']) {
      await page
        .getByRole('tab', { name: tool === 'keys' ? 'Keys' : tool[0]!.toUpperCase() + tool.slice(1) })
        .click();
      await expect(page.locator('#panel section').first()).toBeVisible();
      const { violations } = await new AxeBuilder({ page }).include('#panel').analyze();
      expect(violations.map((violation) => `${theme} ${tool}: ${violation.id}`)).toEqual([]);
    }
  }
  expect(problems).toEqual([]);
});
