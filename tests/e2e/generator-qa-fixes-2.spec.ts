import { generateKeyPairSync, verify as verifySignature } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { collectProblems } from './support/page-problems';

const headerOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString());

test('the signing key, its token and the JWE options survive a trip to the Verifier and back (QA repro)', async ({
  page,
}) => {
  const problems = collectProblems(page);
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  await page.goto('/#tool=generator');
  await page.getByTestId('gen-alg').selectOption('RS256');
  await page.getByTestId('gen-key').fill(pem);
  const token = (await page.getByTestId('generated-token').textContent())!;
  await page.getByTestId('jwe-alg').selectOption('A256KW');
  await page.getByTestId('jwe-key').fill('a-shared-key-typed-by-the-person');

  await page.getByRole('tab', { name: 'Verifier' }).click();
  await expect(page.getByTestId('gen-key')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Generator' }).click();

  await expect(page.getByTestId('gen-key')).toHaveValue(pem);
  await expect(page.getByTestId('generated-token')).toHaveText(token);
  await expect(page.getByText('Add a key to sign with RS256')).toHaveCount(0);
  await expect(page.getByTestId('jwe-alg')).toHaveValue('A256KW');
  await expect(page.getByTestId('jwe-key')).toHaveValue('a-shared-key-typed-by-the-person');
  // node:crypto checks the token with the public half of the key pasted.
  const [h, p, s] = token.split('.');
  expect(verifySignature('sha256', Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s!, 'base64url'))).toBe(
    true,
  );
  // Memory only: nothing of it in storage.
  const stored = await page.evaluate(() =>
    [localStorage, sessionStorage].flatMap((storage) =>
      Array.from({ length: storage.length }, (_, index) => storage.getItem(storage.key(index)!) ?? ''),
    ),
  );
  expect(stored.filter((value) => value.includes('PRIVATE KEY') || value.includes('a-shared-key'))).toEqual(
    [],
  );
  expect(problems).toEqual([]);
});

test('"Sign with it" puts the chosen key\'s kid in the header, replacing the one generated before', async ({
  page,
}) => {
  const problems = collectProblems(page);
  await page.goto('/#tool=generator');
  await page.getByTestId('gen-alg').selectOption('ES256');
  await page.getByTestId('gen-generate').click();
  const kidA = headerOf((await page.getByTestId('generated-token').textContent())!).kid;
  expect(kidA).toEqual(expect.any(String));

  await page.getByRole('tab', { name: 'Keys' }).click();
  await page.getByTestId('keys-alg').selectOption('ES256');
  await page.getByTestId('keys-generate').click();
  await expect(page.getByRole('button', { name: /^Sign with it: / })).toHaveCount(2);
  const signB = page.getByRole('button', { name: /^Sign with it: ES256-/ });
  const nameB = (await signB.getAttribute('aria-label'))!.replace('Sign with it: ', '');
  await signB.click();

  await expect(page.getByTestId('gen-key-note')).toContainText(`Signing with "${nameB}"`);
  await expect
    .poll(async () => headerOf((await page.getByTestId('generated-token').textContent()) ?? '..').kid)
    .not.toBe(kidA);
  // The key's name starts with the first 8 characters of its kid (the Keys tool names it so).
  const kidB = headerOf((await page.getByTestId('generated-token').textContent())!).kid as string;
  expect(nameB).toBe(`ES256-${kidB.slice(0, 8)}`);
  // And the Verifier, given the token with its key, says it is valid.
  await page.getByTestId('gen-open-verifier').click();
  await expect(page.getByTestId('verify-status')).toHaveAttribute('data-status', 'valid');
  expect(problems).toEqual([]);
});

test('Chromium: the 192-bit AES choices are listed, disabled, and the reason shows', async ({ page }) => {
  await page.goto('/#tool=generator');
  await expect(page.getByTestId('jwe-aes192-note')).toBeVisible();
  const option = page.getByTestId('jwe-alg').locator('option[value="A192KW"]');
  await expect(option).toBeDisabled();
  await expect(option).toHaveText('A192KW — not in this browser');
  await expect(page.getByTestId('jwe-enc').locator('option[value="A192GCM"]')).toBeDisabled();
  await expect(page.getByTestId('jwe-alg').locator('option[value="A256KW"]')).toBeEnabled();
});

test('a text secret with a trailing newline: the note says it is signed as typed', async ({ page }) => {
  await page.goto('/#tool=generator');
  await page.getByTestId('gen-key').fill('a-secret-that-is-32-bytes-long!!\n');
  await expect(page.getByTestId('gen-key-note')).toContainText(
    'It is signed as typed, including the trailing newline.',
  );
});
