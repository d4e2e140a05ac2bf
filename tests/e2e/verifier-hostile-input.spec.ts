/**
 * Hostile input found by exploratory QA, on the built site: key files chosen through the real
 * file chooser (UTF-16 with a byte-order mark, empty), and a "Pretend now is" year the field
 * accepts but no date can hold.
 */
import { generateKeyPairSync } from 'node:crypto';
import { expect, test } from '@playwright/test';

test('a PowerShell-saved (UTF-16 LE) PEM is read, and an empty file says so', async ({ page }) => {
  const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    .publicKey.export({ type: 'spki', format: 'pem' })
    .toString()
    .replace(/\n/g, '\r\n');
  await page.goto('/#tool=verifier');
  const chooser = page.locator('.key-field input[type=file]').first();
  await chooser.setInputFiles({
    name: 'public.pem',
    mimeType: 'application/x-pem-file',
    // Node's encoder writes the UTF-16 LE bytes; FF FE is the byte-order mark PowerShell puts first.
    buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(pem, 'utf16le')]),
  });
  const detected = page.locator('#verifier-key-detected');
  await expect(detected).toContainText('PEM, SPKI public key (P-256)');
  await expect(detected).toContainText('· imported');
  // A textarea's value has its line breaks normalised to LF (HTML §4.10.11).
  const shown = pem.replace(/\r\n/g, '\n');
  await expect(page.getByTestId('key-input')).toHaveValue(shown);

  await chooser.setInputFiles({ name: 'empty.pem', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
  await expect(page.getByRole('alert')).toContainText('The file is empty: empty.pem holds no key.');
  await expect(page.getByTestId('key-input')).toHaveValue(shown);
});

test('"Pretend now is" in year 275760 is out of range, and a negative tolerance is refused', async ({
  page,
}) => {
  await page.goto('/#tool=verifier');
  await page.getByTestId('profile-now').fill('275760-01-01T00:00');
  await expect(page.getByTestId('profile-now-hint')).toContainText('Year 275760 is out of range');
  await page.getByTestId('profile-tolerance').fill('-5');
  await expect(page.locator('#profile-tolerance-hint')).toContainText('cannot be negative');
});
