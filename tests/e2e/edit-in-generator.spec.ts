import { expect, test } from '@playwright/test';
import { jwtVerify } from 'jose';

const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

test('a decoded token opens in the Generator, a claim changes, and it is signed again', async ({ page }) => {
  const claims = { sub: 'ada', role: 'reader' };
  // A token from elsewhere: its signature does not matter, its claims are what gets edited.
  const token = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
  await page.goto(`/#token=${token}`);
  await page.getByRole('button', { name: 'Edit in Generator' }).click();
  await expect(page.getByRole('tab', { name: 'Generator' })).toHaveAttribute('aria-selected', 'true');
  const payloadEditor = page.getByTestId('gen-payload-editor');
  await expect(payloadEditor).toContainText('"role": "reader"');

  // Sign with a secret of our own, then check the new token with jose.
  const secret = 'a-secret-of-at-least-thirty-two-bytes!';
  await page.getByTestId('gen-key').fill(secret);
  const generated = page.getByTestId('generated-token');
  await expect(generated).toBeVisible();
  const signed = (await generated.textContent())!;
  const { payload, protectedHeader } = await jwtVerify(signed, new TextEncoder().encode(secret));
  expect(protectedHeader).toMatchObject({ alg: 'HS256', typ: 'JWT' });
  expect(payload).toEqual(claims);
});
