/**
 * The built site: the Decoder's verify box (the Verifier's key and verdict under the payload),
 * a pasted OAuth token response with its at_hash, and the order of the panels on a phone.
 */
import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { SignJWT } from 'jose';
import examples from '../fixtures/oidc-at-hash.json' with { type: 'json' };
import { collectProblems } from './support/page-problems';

const now = () => Math.floor(Date.now() / 1000);
const box = (page: Page) => page.locator('section[aria-labelledby="decoder-verify-heading"]');

test("OpenID Connect Core's example response: at_hash matches, its key verifies, the Verifier agrees", async ({
  page,
}) => {
  const problems = collectProblems(page);
  const { accessToken, idToken, signerJwk } = examples.appendixA3;
  // The at_hash the example's ID token carries, by Node's own SHA-256 (left half, base64url).
  const expected = createHash('sha256')
    .update(accessToken, 'ascii')
    .digest()
    .subarray(0, 16)
    .toString('base64url');
  await page.goto('/');
  await page
    .getByTestId('token-input')
    .fill(JSON.stringify({ access_token: accessToken, token_type: 'Bearer', id_token: idToken }, null, 2));
  await expect(page.getByTestId('payload-json')).toContainText(`"at_hash": "${expected}"`);
  await expect(page.getByTestId('at-hash')).toHaveAttribute('data-outcome', 'match');

  // The key of Appendix A.7 signed it in 2011: the signature holds, the token has long expired.
  await page.getByLabel('Key to verify with').fill(JSON.stringify(signerJwk));
  const status = page.getByTestId('verify-status');
  await expect(status).toHaveAttribute('data-status', 'expired');
  await expect(status).toContainText('Expired');
  await expect(status).toContainText('Signature good');

  // Same key, same verdict in the Verifier; a key changed there is the Decoder's too.
  await box(page).getByRole('button', { name: 'Open in the Verifier' }).click();
  await expect(page).toHaveURL(/#tool=verifier$/);
  await expect(page.getByTestId('verify-status')).toHaveAttribute('data-status', 'expired');
  await expect(page.getByTestId('key-input')).toHaveValue(JSON.stringify(signerJwk));
  await page.getByTestId('key-input').fill('not-the-key');
  await page.getByRole('tab', { name: 'Decoder' }).click();
  await expect(page.getByLabel('Key to verify with')).toHaveValue('not-the-key');
  await expect(page.getByTestId('verify-status')).toHaveAttribute('data-status', 'key-mismatch');
  expect(problems).toEqual([]);
});

test('the box loads with a token, and jose only with a key; the first screen loads neither', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('.js')) scripts.push(path);
  });
  const secret = 'a-shared-secret-of-32-characters';
  const token = await new SignJWT({ sub: 'ada', exp: now() + 600 })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(secret));
  await page.goto('/');
  await page.waitForLoadState('load');
  await expect(page.getByTestId('token-input')).toBeVisible();
  expect(scripts.filter((path) => /\/(VerifyBox|KeyField|verifier\.svelte)-/.test(path))).toEqual([]);

  await page.getByTestId('token-input').fill(token);
  await expect(page.getByLabel('Key to verify with')).toBeVisible();
  expect(scripts.some((path) => /\/VerifyBox-/.test(path))).toBe(true);
  expect(scripts.some((path) => /\/verifier\.svelte-/.test(path))).toBe(false);
  await expect(page.getByTestId('verify-status')).toHaveAttribute('data-status', 'idle');

  await page.getByLabel('Key to verify with').fill(secret);
  await expect(page.getByTestId('verify-status')).toHaveAttribute('data-status', 'valid');
  expect(scripts.some((path) => /\/verifier\.svelte-/.test(path))).toBe(true);
});

test('on a wide screen the box sits under the payload, which stays in view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const token = await new SignJWT({ sub: 'ada', name: 'Ada Lovelace', exp: now() + 600 })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode('secret-secret-secret-secret-1234'));
  await page.goto(`/#token=${token}`);
  await expect(box(page)).toBeVisible();
  const payload = (await page.locator('.slot.payload section').first().boundingBox())!;
  const verify = (await box(page).boundingBox())!;
  expect(payload.y + payload.height).toBeLessThanOrEqual(900);
  expect(verify.y).toBeGreaterThan(payload.y + payload.height);
  expect(verify.x).toBe(payload.x);
});

test('on a phone: the token and its parts, then header, payload, the verify box, risks', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const token = await new SignJWT({ sub: 'ada', exp: now() + 600 })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode('secret-secret-secret-secret-1234'));
  await page.goto(`/#token=${token}`);
  await expect(box(page)).toBeVisible();
  await expect(page.locator('ol.parts > li')).toHaveCount(3);
  const top = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
  const parts = await top('ol.parts');
  const header = await top('.slot.header');
  const payload = await top('.slot.payload section');
  const verify = (await box(page).boundingBox())!;
  const risks = await top('.slot.risks');
  expect(parts.y + parts.height).toBeLessThan(header.y);
  expect(header.y).toBeLessThan(payload.y);
  expect(payload.y + payload.height).toBeLessThan(verify.y);
  expect(verify.y + verify.height).toBeLessThan(risks.y);
});

test('the embed widget has no verify box', async ({ page }) => {
  const token = await new SignJWT({ sub: 'ada' })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode('secret-secret-secret-secret-1234'));
  await page.goto(`/embed.html#tool=decoder&token=${token}`);
  await expect(page.getByTestId('payload-json')).toContainText('"sub": "ada"');
  await page.waitForTimeout(500);
  await expect(page.getByTestId('key-input')).toHaveCount(0);
});
