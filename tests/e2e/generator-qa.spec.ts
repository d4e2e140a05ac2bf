import { expect, test, type Page } from '@playwright/test';
import { collectProblems } from './support/page-problems';

/** Uncaught errors and console errors: the page must keep working through every edit. */
async function replacePayload(page: Page, text: string) {
  await page.getByTestId('gen-payload-editor').locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
}

test('first load: the missing key is a hint, not an alert', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto('/#tool=generator');
  await expect(page.getByTestId('gen-hint')).toContainText('Add a key to sign with HS256');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a payload that is not a JSON object: no uncaught error, the reason shows, the old token goes', async ({
  page,
}) => {
  const problems = collectProblems(page);
  await page.goto('/#tool=generator');
  await page.getByTestId('gen-key').fill('a-secret-that-is-32-bytes-long!!');
  await expect(page.getByTestId('generated-token')).toBeVisible();
  for (const payload of ['"just a string"', '[1,2]', '42', 'null', '']) {
    await replacePayload(page, payload);
    await expect(page.getByTestId('gen-problem')).toContainText(
      payload ? 'A JWT payload must be a JSON object' : 'payload is not valid JSON',
    );
    await expect(page.getByTestId('generated-token')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Copy the token' })).toHaveCount(0);
    await replacePayload(page, '{"sub":"ada"}');
    await expect(page.getByTestId('generated-token')).toBeVisible();
  }
  expect(problems).toEqual([]);
});
