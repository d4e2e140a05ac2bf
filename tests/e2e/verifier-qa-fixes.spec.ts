/**
 * Defects found by exploratory QA, checked on the built site: the "Pretend now is" field fits
 * the Profile panel, the Keys tool reads openssl's EC key file, and a "dir" JWE key of the
 * wrong length is blamed on the key, not the token.
 */
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { CompactEncrypt, base64url } from 'jose';

for (const width of [1360, 1440, 360])
  test(`the "Pretend now is" field and its button stay inside the Profile panel at ${width} px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 1000 });
    await page.goto('/#tool=verifier');
    const now = page.getByTestId('profile-now');
    await now.fill('2026-11-23T12:00:00');
    const button = page.getByRole('button', { name: 'Real clock' });
    await expect(button).toBeVisible();
    const panel = page.locator('section', { has: page.locator('#verifier-profile-heading') });
    const box = (await panel.boundingBox())!;
    for (const control of [now, button]) {
      const inner = (await control.boundingBox())!;
      expect(inner.x).toBeGreaterThanOrEqual(box.x);
      expect(inner.x + inner.width).toBeLessThanOrEqual(box.x + box.width);
    }
    // The date field is wide enough for its whole value (its scroll width is not clipped).
    expect(await now.evaluate((input) => input.scrollWidth <= input.clientWidth + 1)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });

test('Keys → Convert reads openssl ecparam -genkey output (EC PARAMETERS, then the key)', async ({
  page,
}) => {
  // `openssl ecparam -name secp384r1 -genkey` (a throwaway key made for this test).
  const file = `-----BEGIN EC PARAMETERS-----
BgUrgQQAIg==
-----END EC PARAMETERS-----
-----BEGIN EC PRIVATE KEY-----
MIGkAgEBBDDK95sibvfh1btCcM0IlSb4V3aRhI01DwVTrDhKD8aXO8O6ShQXhdi3
M+u4zoYg/FGgBwYFK4EEACKhZANiAAR6yRp54FaibBfNfL1thKNPiNmSIZiAUA8Q
p3//3Wm8sVDsLRI16fmefmyZG7b++fvPiJ6qiCpp5ODfb2eB/hGNqpvzVpYD85AR
JEo6OPktd6LALwOnPhXw0Zwcw+9qLpU=
-----END EC PRIVATE KEY-----`;
  await page.goto('/#tool=keys');
  await page.getByTestId('keys-paste').fill(file);
  await expect(page.getByText('Read as a SEC1', { exact: false })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByText('EC P-384', { exact: true })).toBeVisible();
});

test('a "dir" JWE with the right key read as text: the reason is the key length and the reading that fits', async ({
  page,
}) => {
  const key = randomBytes(32);
  const token = await new CompactEncrypt(new TextEncoder().encode('{"sub":"ada"}'))
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .encrypt(key);
  await page.goto('/#tool=verifier');
  await page.getByTestId('token-input').fill(token);
  await page.getByTestId('key-input').fill(base64url.encode(key));
  const status = page.getByTestId('verify-status');
  await expect(status).toHaveAttribute('data-status', 'key-mismatch');
  await expect(status).toContainText('The key is 344 bits, but "dir" with A256GCM needs exactly 256 bits');
  await expect(status).toContainText('choose "base64url"');
  await page.getByLabel('Base64url').check();
  await expect(status).toHaveAttribute('data-status', 'decrypted');
});
