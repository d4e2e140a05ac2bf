import { createHmac } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { collectProblems } from './support/page-problems';

/** Replaces the text of a CodeMirror editor by a paste, as a person would. */
async function paste(page: Page, id: string, text: string) {
  const content = page.getByTestId(`${id}-editor`).locator('.cm-content');
  await content.click();
  await page.keyboard.press('Control+a');
  await content.evaluate((element, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

test('a right-to-left override in the payload is drawn as a box and named under the editor (QA repro)', async ({
  page,
}) => {
  const problems = collectProblems(page);
  await page.goto('/#tool=generator');
  const secret = '@a-secret-that-jwt-cli-would-read-as-a-file!!';
  await page.getByTestId('gen-key').fill(secret);
  await paste(page, 'gen-payload', '{"admin": false, "note": "\u202e, eurt :\\"nimda\\""}');
  const status = page.getByTestId('gen-payload-status');
  await expect(status).toContainText('Line 1, column 27: U+202E (right-to-left override)');
  await expect(status).not.toContainText('Valid JSON');
  const mark = page.getByTestId('gen-payload-editor').locator('.cm-invisible-char');
  await expect(mark).toHaveText('U+202E');
  // The editor's visible text has no override left to reorder it: "false" reads as written.
  const shown = await page.getByTestId('gen-payload-editor').locator('.cm-content').innerText();
  expect(shown).toBe('{"admin": false, "note": "U+202E, eurt :\\"nimda\\""}');

  // jwt-cli gets the secret's bytes in base64, which node:crypto checks against the token.
  await page.getByText('Copy as a command').click();
  const command = (await page.getByTestId('gen-jwt-cli').textContent())!;
  const b64 = /--secret 'b64:([A-Za-z0-9+/=]+)'/.exec(command)![1]!;
  expect(Buffer.from(b64, 'base64').toString('utf8')).toBe(secret);
  const token = (await page.getByTestId('generated-token').textContent())!;
  const [h, p, s] = token.split('.');
  expect(createHmac('sha256', Buffer.from(b64, 'base64')).update(`${h}.${p}`).digest('base64url')).toBe(s);
  expect(command).not.toContain('\u202e');
  expect(problems).toEqual([]);
});

test('Keys refuses an EC JWK of 1-byte coordinates, and "iat = now" keeps a lossy payload as written', async ({
  page,
}) => {
  const problems = collectProblems(page);
  await page.goto('/#tool=keys');
  await page.getByTestId('keys-paste').fill('{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}');
  await expect(page.getByRole('alert')).toContainText('"x" is 1 byte, but a P-256 coordinate is 32 bytes');
  await expect(page.getByRole('button', { name: 'Keep in the key list' })).toHaveCount(0);
  await expect(page.getByTestId('key-thumbprint')).toHaveCount(0);

  await page.goto('/#tool=generator');
  const lossy = '{"n": 12345678901234567890, "a": 1, "a": 2, "f": 1e400}';
  await paste(page, 'gen-payload', lossy);
  await page.getByRole('button', { name: 'iat = now' }).click();
  const text = await page.getByTestId('gen-payload-editor').locator('.cm-content').innerText();
  expect(text).toMatch(/^\{"n": 12345678901234567890, "a": 1, "a": 2, "f": 1e400, "iat": \d+\}$/);
  expect(problems).toEqual([]);
});
