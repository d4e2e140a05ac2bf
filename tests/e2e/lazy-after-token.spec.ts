/**
 * The built site: what a token loads. A plain token (a #token= link, or pasted) brings neither
 * the view of a pasted OAuth token response nor the key field's format detection and DER
 * reader; a pasted response brings the first, the first key text the second, and both work.
 */
import { createHash, createHmac } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { collectProblems } from './support/page-problems';

const now = () => Math.floor(Date.now() / 1000);
const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** HS256 by Node's own HMAC, not by the code under test. */
function hs256(payload: object, secret: string): string {
  const input = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(payload)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

/** The chunks in question, by the module that names them in the build. */
const chunks = {
  responseView: /\/ResponseTokens-[^/]*\.js$/,
  keyDetection: /\/detect-[^/]*\.js$/,
  derReader: /\/der-[^/]*\.js$/,
  keyFileReader: /\/key-file-[^/]*\.js$/,
};

/** Every script the page requests, as it requests it. */
function scriptsOf(page: Page): { requested: (chunk: RegExp) => boolean } {
  const scripts: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.js')) scripts.push(path);
  });
  return { requested: (chunk) => scripts.some((path) => chunk.test(path)) };
}

const secret = 'a-shared-secret-of-32-characters';
const detected = (page: Page) => page.locator('#decoder-key-detected');

test('a #token= link loads no response view and no key detection; the first key text loads the detection', async ({
  page,
}) => {
  const problems = collectProblems(page);
  const scripts = scriptsOf(page);
  await page.goto(`/#token=${hs256({ sub: 'ada', exp: now() + 600 }, secret)}`);
  await expect(page.getByTestId('payload-json')).toContainText('"sub": "ada"');
  const key = page.getByLabel('Key to verify with');
  await expect(key).toBeVisible();
  await expect(page.getByTestId('verify-status')).toHaveAttribute('data-status', 'idle');
  await expect(detected(page)).toContainText('Paste the key to verify the signature.');
  // Whatever a decoded token loads has loaded (the audit, the claims, the box).
  await page.waitForLoadState('networkidle');
  expect(scripts.requested(chunks.responseView)).toBe(false);
  expect(scripts.requested(chunks.keyDetection)).toBe(false);
  expect(scripts.requested(chunks.derReader)).toBe(false);

  await key.fill(secret);
  await expect(detected(page)).toContainText('Detected HMAC secret');
  await expect(page.getByTestId('verify-status')).toHaveAttribute('data-status', 'valid');
  expect(scripts.requested(chunks.keyDetection)).toBe(true);
  // A PEM is read by the DER reader, which came with the detection.
  await key.fill(
    '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----',
  );
  await expect(detected(page)).toContainText('damaged or truncated');
  await expect(key).toHaveAttribute('aria-invalid', 'true');
  expect(scripts.requested(chunks.derReader)).toBe(true);
  // A key file is read by code of its own, loaded when a file is opened.
  expect(scripts.requested(chunks.keyFileReader)).toBe(false);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open a key file…' }).click();
  await (await chooser).setFiles({ name: 'secret.txt', mimeType: 'text/plain', buffer: Buffer.from(secret) });
  await expect(key).toHaveValue(secret);
  await expect(detected(page)).toContainText('HMAC secret · imported');
  await expect(page.getByTestId('verify-status')).toHaveAttribute('data-status', 'valid');
  expect(scripts.requested(chunks.keyFileReader)).toBe(true);
  expect(scripts.requested(chunks.responseView)).toBe(false);
  expect(problems).toEqual([]);
});

test('a plain token loads no response view; a pasted token response does, and switching and at_hash work', async ({
  page,
}) => {
  const problems = collectProblems(page);
  const scripts = scriptsOf(page);
  const accessToken = hs256({ sub: 'ada', scope: 'read', exp: now() + 600 }, secret);
  // at_hash by Node's SHA-256: the left half, base64url (OpenID Connect Core 1.0 §3.1.3.6).
  const atHash = createHash('sha256')
    .update(accessToken, 'ascii')
    .digest()
    .subarray(0, 16)
    .toString('base64url');
  const idToken = hs256({ sub: 'ada', aud: 'app', nonce: 'n-1', at_hash: atHash, exp: now() + 600 }, secret);
  const input = page.getByTestId('token-input');

  await page.goto('/');
  await input.fill(hs256({ sub: 'someone' }, secret));
  await expect(page.getByTestId('payload-json')).toContainText('"sub": "someone"');
  await page.waitForLoadState('networkidle');
  expect(scripts.requested(chunks.responseView)).toBe(false);

  await input.fill(
    JSON.stringify(
      { access_token: accessToken, token_type: 'Bearer', expires_in: 600, id_token: idToken },
      null,
      2,
    ),
  );
  await expect(page.getByTestId('payload-json')).toContainText('"scope": "read"');
  await expect(page.getByTestId('token-response')).toContainText('Showing the access_token');
  await expect(page.getByTestId('at-hash')).toHaveAttribute('data-outcome', 'match');
  expect(scripts.requested(chunks.responseView)).toBe(true);

  // The box now holds the ID token alone; the view stays, with the way back.
  await page.getByRole('button', { name: 'Show the id_token' }).click();
  await expect(input).toHaveValue(idToken);
  await expect(page.getByTestId('payload-json')).toContainText('"nonce": "n-1"');
  await expect(page.getByTestId('token-response')).toContainText('Showing the id_token');
  await expect(page.getByRole('button', { name: 'Show the access_token' })).toBeFocused();
  await page.getByRole('button', { name: 'Show the access_token' }).click();
  await expect(page.getByTestId('payload-json')).toContainText('"scope": "read"');

  // Another token: the response is let go.
  await input.fill(hs256({ sub: 'someone-else' }, secret));
  await expect(page.getByTestId('payload-json')).toContainText('someone-else');
  await expect(page.getByTestId('token-response')).toHaveCount(0);
  // No key was typed: the detection never loaded.
  expect(scripts.requested(chunks.keyDetection)).toBe(false);
  expect(problems).toEqual([]);
});

test('a detection that cannot load says so, and the page keeps working', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route(chunks.keyDetection, (route) => route.abort());
  await page.goto(`/#token=${hs256({ sub: 'ada' }, secret)}`);
  const key = page.getByLabel('Key to verify with');
  await key.fill(secret);
  await expect(detected(page)).toContainText("The key's format could not be detected");
  await expect(detected(page)).toContainText('Reload the page');
  // The verdict needs the same code: its own message says it could not load.
  await expect(page.getByRole('alert').filter({ hasText: 'The check could not load' })).toBeVisible();
  await expect(key).toHaveValue(secret);
  // A key file's reader that cannot load says so too, and the key stays.
  await page.route(chunks.keyFileReader, (route) => route.abort());
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open a key file…' }).click();
  await (await chooser).setFiles({ name: 'other.txt', mimeType: 'text/plain', buffer: Buffer.from('other') });
  await expect(page.getByRole('alert').filter({ hasText: 'other.txt could not be read' })).toBeVisible();
  await expect(key).toHaveValue(secret);
  await page.getByTestId('token-input').fill(hs256({ sub: 'bob' }, secret));
  await expect(page.getByTestId('payload-json')).toContainText('"sub": "bob"');
  expect(errors).toEqual([]);
});
