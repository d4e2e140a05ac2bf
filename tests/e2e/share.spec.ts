import { expect, test, type Page } from '@playwright/test';

const b64url = (text: string) => Buffer.from(text).toString('base64url');
const fromB64url = (text: string) => Buffer.from(text, 'base64url').toString('utf8');
const exp = Math.floor(Date.now() / 1000) + 3600;
const claims = { sub: 'user-4711', email: 'ada@example.com', role: 'admin', exp };
const token = `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(JSON.stringify(claims))}.${b64url('real-signature-bytes')}`;

/** The token carried by a share link, read the way a browser reads the fragment. */
function tokenOf(link: string): string {
  const url = new URL(link);
  expect(url.search, 'nothing in the query string').toBe('');
  return new URLSearchParams(url.hash.slice(1)).get('token')!;
}

async function openShare(page: Page) {
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('dialog', { name: 'Share this token' })).toBeVisible();
  return page.getByTestId('share-link');
}

test('a share link carries the token in the fragment and opens it decoded', async ({ page, context }) => {
  await page.goto('/');
  await page.getByTestId('token-input').fill(token);
  const link = await (await openShare(page)).inputValue();
  expect(tokenOf(link)).toBe(token);
  // A live, signed token gets a warning before it is shared.
  await expect(page.getByRole('note')).toContainText('This token still works');

  const other = await context.newPage();
  const requested: string[] = [];
  other.on('request', (request) => requested.push(request.url()));
  await other.goto(link);
  await expect(other.getByTestId('payload-json')).toContainText('user-4711');
  await expect(other.getByTestId('token-input')).toHaveValue(token);
  // The fragment never reaches the server: no request carries the token or a claim.
  for (const url of requested) {
    expect(url).not.toContain(token.split('.')[1]);
    expect(url).not.toContain('user-4711');
  }
});

test('the signature can be removed and chosen claims redacted', async ({ page }) => {
  await page.goto(`/#token=${token}`);
  const linkField = await openShare(page);
  await page.getByTestId('share-strip').check();
  let shared = tokenOf(await linkField.inputValue());
  const [header, payload, signature] = shared.split('.');
  expect(signature).toBe('');
  expect(header).toBe(token.split('.')[0]);
  expect(payload).toBe(token.split('.')[1]);
  await expect(page.getByRole('note')).toHaveCount(0);

  await page.getByTestId('share-strip').uncheck();
  await page.getByRole('checkbox', { name: 'Redact email' }).check();
  await page.getByRole('checkbox', { name: 'Redact sub' }).check();
  shared = tokenOf(await linkField.inputValue());
  // Redacting changes the payload, so the (now wrong) signature goes too.
  expect(shared.split('.')[2]).toBe('');
  expect(JSON.parse(fromB64url(shared.split('.')[1]!))).toEqual({
    ...claims,
    sub: '[redacted]',
    email: '[redacted]',
  });

  // The redacted link opens and decodes.
  await page.goto(await linkField.inputValue());
  await page.reload();
  await expect(page.getByTestId('payload-json')).toContainText('"role": "admin"');
  await expect(page.getByTestId('payload-json')).not.toContainText('ada@example.com');
});

test('a secret goes into a link only after an explicit warning and opt-in', async ({ page }) => {
  const secret = 'my-hmac-secret+/=';
  await page.goto(`/#token=${token}&key=${encodeURIComponent(secret)}`);
  // The key is taken into the workspace and out of the address bar.
  await expect(page).not.toHaveURL(/key=/);
  const linkField = await openShare(page);
  expect(await linkField.inputValue()).not.toContain('key=');

  await page.getByTestId('share-include-key').check();
  const warning = page.getByRole('dialog').getByRole('alert');
  await expect(warning).toContainText('This secret signs tokens');
  // Ticking "include" alone is not enough.
  expect(await linkField.inputValue()).not.toContain('key=');

  await page.getByTestId('share-confirm-secret').check();
  const link = await linkField.inputValue();
  const fragment = new URLSearchParams(new URL(link).hash.slice(1));
  expect(fragment.get('key')).toBe(secret);
  expect(fragment.get('tool')).toBe('verifier');
  expect(new URL(link).search).toBe('');
});

test('a public key is offered without the warning', async ({ page }) => {
  const publicJwk = JSON.stringify({
    kty: 'EC',
    crv: 'P-256',
    x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
    y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
  });
  // A link opened in a tab where Tokenscope already runs (only the fragment changes).
  await page.goto('/#tool=privacy');
  await page.goto(`/#token=${token}&key=${encodeURIComponent(publicJwk)}`);
  await expect(page).not.toHaveURL(/key=/);
  const linkField = await openShare(page);
  await expect(page.getByText('a public key: safe to share')).toBeVisible();
  await page.getByTestId('share-include-key').check();
  await expect(page.getByRole('dialog').getByRole('alert')).toHaveCount(0);
  expect(new URLSearchParams(new URL(await linkField.inputValue()).hash.slice(1)).get('key')).toBe(publicJwk);
});

test('a link with a base64 secret carries the Verifier profile, and opens as Valid elsewhere', async ({
  page,
  browser,
}) => {
  // HS256 under 32 bytes that are not text: the secret only works read as base64.
  const bytes = new Uint8Array(32).map((_, i) => (i * 53 + 7) & 0xff);
  const encoded = Buffer.from(bytes).toString('base64');
  const { SignJWT } = await import('jose');
  const signed = await new SignJWT({ sub: 'ada', exp })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer('https://issuer.example')
    .sign(bytes);
  await page.goto('/#tool=verifier');
  await page.getByTestId('token-input').fill(signed);
  await page.getByTestId('key-input').fill(encoded);
  await page.getByLabel('Base64', { exact: true }).check();
  await expect(page.getByTestId('verify-status')).toHaveAttribute('data-status', 'valid');

  await page.getByRole('tab', { name: 'Decoder' }).click();
  const linkField = await openShare(page);
  await page.getByTestId('share-include-key').check();
  await page.getByTestId('share-confirm-secret').check();
  await expect(page.getByRole('dialog').getByRole('status')).toContainText(
    'key and Verifier profile included',
  );
  const link = await linkField.inputValue();

  // Someone else, in a browser of their own, opens the link.
  const elsewhere = await (await browser.newContext()).newPage();
  await elsewhere.goto(link);
  await expect(elsewhere.getByTestId('verify-status')).toHaveAttribute('data-status', 'valid');
  await expect(elsewhere.getByLabel('Base64', { exact: true })).toBeChecked();
  // The key and the profile leave the address bar; the token stays.
  await expect(elsewhere).not.toHaveURL(/key=|profile=/);
  await elsewhere.context().close();
});

test('a link with a key sets the whole Verifier profile, even in a tab that had another', async ({
  page,
}) => {
  const { SignJWT } = await import('jose');
  const secret = 'a-string-secret-at-least-256-bits-long';
  const signed = await new SignJWT({ sub: 'ada', exp })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(secret));
  // This tab checks with its own profile: base64 secrets, an issuer, a tolerance.
  const own = JSON.stringify({
    secretEncoding: 'base64',
    issuer: 'https://iss.example',
    clockTolerance: 300,
  });
  await page.goto(`/#tool=verifier&token=${signed}&key=c2VjcmV0&profile=${encodeURIComponent(own)}`);
  await expect(page.getByLabel('Base64', { exact: true })).toBeChecked();

  // A link whose sender used the defaults (a text secret, no profile in the link) opens here.
  await page.goto(`/#tool=verifier&token=${signed}&key=${secret}`);
  await expect(page.getByTestId('verify-status')).toHaveAttribute('data-status', 'valid');
  await expect(page.getByLabel('Base64', { exact: true })).not.toBeChecked();

  // A profile the Verifier would refuse is not used, and the page says so.
  await page.goto(
    `/#tool=verifier&token=${signed}&key=${secret}&profile=${encodeURIComponent('{"clockTolerance":-5}')}`,
  );
  await expect(page.getByTestId('profile-notice')).toContainText(
    'The Verifier profile in this link has "clockTolerance" set to -5',
  );
  await expect(page.getByTestId('verify-status')).toHaveAttribute('data-status', 'valid');
  await page.getByTestId('profile-notice').getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('profile-notice')).toHaveCount(0);
});
