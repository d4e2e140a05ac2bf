/**
 * QA's Verifier defects, on the built site in Chromium: a text secret is used byte for byte
 * (and a stray newline is named), a JWE that needs 192-bit AES is "not supported" rather than
 * blamed on the key, and the clock tolerance is named when it is what lets a token through.
 */
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { aes192Fixtures } from '../fixtures/aes192-tokens';

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');
const hs256 = (payload: object, secret: string) => {
  const input = `${b64url(JSON.stringify({ alg: 'HS256' }))}.${b64url(JSON.stringify(payload))}`;
  return `${input}.${b64url(createHmac('sha256', secret).update(input).digest())}`;
};

test('a secret with a trailing space verifies; a stray newline is named', async ({ page }) => {
  const secret = 'secret ending with one space 0123456789abcdef ';
  await page.goto('/#tool=verifier');
  await page.getByTestId('token-input').fill(hs256({ sub: 'space' }, secret));
  await page.getByTestId('key-input').fill(secret);
  const status = page.getByTestId('verify-status');
  await expect(status).toHaveAttribute('data-status', 'valid');

  await page.getByTestId('token-input').fill(hs256({ sub: 'ada' }, 'my-secret-value'));
  await page.getByTestId('key-input').fill('my-secret-value\n');
  await expect(status).toHaveAttribute('data-status', 'invalid-signature');
  await expect(status).toContainText('Without the trailing newline it verifies');
});

test('a correct A192KW token and key: "Not supported", naming the browser', async ({ page }) => {
  const [kw] = aes192Fixtures;
  await page.goto('/#tool=verifier');
  await page.getByTestId('token-input').fill(kw.token);
  await page.getByTestId('key-input').fill(kw.key);
  await page.getByRole('radio', { name: 'Base64url' }).check();
  const status = page.getByTestId('verify-status');
  await expect(status).toHaveAttribute('data-status', 'unsupported');
  await expect(status).toContainText('Not supported');
  await expect(status).toContainText('192-bit AES ("alg": "A192KW"), which this browser\'s WebCrypto');
});

test('exp 30 s past with 60 s of tolerance says the tolerance accepts it', async ({ page }) => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const exp = Math.floor(Date.now() / 1000) + 3600;
  const input = `${b64url(JSON.stringify({ alg: 'RS256' }))}.${b64url(JSON.stringify({ exp }))}`;
  const token = `${input}.${b64url(sign('sha256', Buffer.from(input), privateKey))}`;
  await page.goto('/#tool=verifier');
  await page.getByTestId('token-input').fill(token);
  await page.getByTestId('key-input').fill(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  await page.getByTestId('profile-tolerance').fill('60');
  // "Pretend now is" takes local time to the second: exp + 30 s.
  const local = new Date((exp + 30) * 1000 - new Date().getTimezoneOffset() * 60_000)
    .toISOString()
    .slice(0, 19);
  await page.getByTestId('profile-now').fill(local);
  await expect(page.getByTestId('verify-status')).toHaveAttribute('data-status', 'valid');
  await expect(page.getByRole('list', { name: 'Claim checks' })).toContainText(
    'expired 30 s ago, accepted within the 60 s clock tolerance',
  );
});
