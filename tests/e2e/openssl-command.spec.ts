/**
 * "Copy as an openssl command" in the built site: the scripts are copied from the page (the
 * clipboard and the text shown alike) and run with dash and the system's OpenSSL 3. The
 * Generator's prints the token on the page (HMAC: byte for byte) or a fresh one that jose
 * verifies (ECDSA); the Verifier's prints "Verified OK" for the token and "Verification failure"
 * once the token is tampered with in the page.
 */
import { spawnSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { compactVerify, importJWK, type JWK } from 'jose';
import { collectProblems } from './support/page-problems';

function runWithDash(script: string, files: Record<string, string> = {}) {
  const directory = mkdtempSync(join(tmpdir(), 'openssl-command-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(directory, name), text);
    writeFileSync(join(directory, 'command.sh'), script);
    const run = spawnSync('dash', ['command.sh'], {
      cwd: directory,
      encoding: 'utf8',
      env: { PATH: '/usr/bin:/bin' },
    });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Presses the copy button and returns what reached the clipboard, checked against the text shown. */
async function copyScript(page: Page, testid: string): Promise<string> {
  const shown = (await page.getByTestId(testid).textContent())!;
  const button = page.getByRole('button', { name: 'Copy the openssl script' });
  await button.click();
  await expect(button).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(shown);
  return copied;
}

/** WCAG 2.2 A and AA rules over the opened scripts (as tests/e2e/a11y.spec.ts checks each tool). */
async function violations(page: Page, selector: string) {
  const results = await new AxeBuilder({ page })
    .include(selector)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations.map((violation) => `${violation.id}: ${violation.help}`);
}

test.beforeEach(async ({ context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
});

test('Generator → Copy as a command → openssl: the HMAC script prints the same token', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto('/#tool=generator');
  const secret = `it's "quoted", $(touch pwned) and \`x\`: 32 bytes or more`;
  await page.getByTestId('gen-key').fill(secret);
  const token = (await page.getByTestId('generated-token').textContent())!;
  await page.getByText('Copy as a command').click();
  await expect(page.getByTestId('gen-openssl')).toContainText('hexkey');
  for (const theme of ['light', 'dark'] as const) {
    await page.getByLabel('Theme').selectOption(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    expect(await violations(page, 'details.copy-as')).toEqual([]);
  }
  const run = runWithDash(await copyScript(page, 'gen-openssl'));
  expect(run.stderr).toBe('');
  expect(run.stdout).toBe(`${token}\n`);
  expect(problems).toEqual([]);
});

test('Generator → ES256 with a generated key → the openssl script signs again, and jose verifies it', async ({
  page,
}) => {
  const problems = collectProblems(page);
  await page.goto('/#tool=generator');
  await page.getByTestId('gen-alg').selectOption('ES256');
  await page.getByTestId('gen-generate').click();
  const token = (await page.getByTestId('generated-token').textContent({ timeout: 15_000 }))!;
  const jwk = JSON.parse(await page.getByTestId('gen-key').inputValue()) as JWK;
  await page.getByText('Copy as a command').click();
  await expect(page.getByTestId('gen-openssl')).toContainText('private.pem');
  const script = await copyScript(page, 'gen-openssl');
  expect(script).not.toContain(jwk.d!);
  // The person saves the key as PKCS#8 PEM, as the note asks.
  const privatePem = createPrivateKey({ key: jwk as never, format: 'jwk' }).export({
    type: 'pkcs8',
    format: 'pem',
  });
  const run = runWithDash(script, { 'private.pem': privatePem.toString() });
  expect(run.stderr).toBe('');
  const output = run.stdout.trim();
  expect(output.slice(0, output.lastIndexOf('.'))).toBe(token.slice(0, token.lastIndexOf('.')));
  const { d: _d, ...publicJwk } = jwk;
  await compactVerify(output, await importJWK(publicJwk, 'ES256'));
  expect(problems).toEqual([]);
});

test('Verifier → Copy as an openssl command: "Verified OK", then "Verification failure" for a changed token', async ({
  page,
}) => {
  const problems = collectProblems(page);
  // A token and key from the Generator, opened in the Verifier with its public key.
  await page.goto('/#tool=generator');
  await page.getByTestId('gen-alg').selectOption('RS256');
  await page.getByTestId('gen-generate').click();
  await page.getByTestId('generated-token').waitFor({ timeout: 30_000 });
  await page.getByTestId('gen-open-verifier').click();
  await expect(page.getByTestId('verify-status')).toHaveAttribute('data-status', 'valid', {
    timeout: 15_000,
  });
  await page.getByText('Copy as an openssl command').click();
  await expect(page.getByTestId('verify-openssl')).toContainText('BEGIN PUBLIC KEY');
  const good = runWithDash(await copyScript(page, 'verify-openssl'));
  expect([good.status, good.stdout, good.stderr]).toEqual([0, 'Verified OK\n', '']);
  for (const theme of ['light', 'dark'] as const) {
    await page.getByLabel('Theme').selectOption(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    expect(await violations(page, '.slot.verdict')).toEqual([]);
  }

  // The payload replaced by other claims: the verdict and the script both refuse it.
  const field = page.getByTestId('token-input');
  const [header, , signature] = (await field.inputValue()).split('.');
  const changed = `${header}.${Buffer.from('{"sub":"eve"}').toString('base64url')}.${signature}`;
  await field.fill(changed);
  await expect(page.getByTestId('verify-status')).not.toHaveAttribute('data-status', 'valid');
  await expect(page.getByTestId('verify-openssl')).toContainText(changed);
  const bad = runWithDash(await copyScript(page, 'verify-openssl'));
  expect([bad.status, bad.stdout]).toEqual([1, 'Verification failure\n']);
  expect(problems).toEqual([]);
});
