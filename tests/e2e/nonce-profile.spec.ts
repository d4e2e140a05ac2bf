import { expect, test } from '@playwright/test';
import { SignJWT } from 'jose';

/**
 * The expected nonce in the built site: an OpenID ID token checked against the nonce its login
 * request sent (OpenID Connect Core §3.1.3.7 step 11), set by hand and carried by a share link.
 */
const secret = 'a-string-secret-at-least-256-bits-long';
// The example nonce of OpenID Connect Core §3.1.2.1.
const sent = 'n-0S6_WzA2Mj';

test('a relying party checks the nonce it sent: typed in the profile, then carried by a link', async ({
  page,
}) => {
  const idToken = await new SignJWT({
    iss: 'https://server.example.com',
    sub: '24400320',
    aud: 's6BhdRkqt3',
    nonce: sent,
    exp: Math.floor(Date.now() / 1000) + 3600,
  })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(secret));
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto('/#tool=verifier');
  await page.getByTestId('token-input').fill(idToken);
  await page.getByTestId('key-input').fill(secret);
  const status = page.getByTestId('verify-status');
  await expect(status).toHaveAttribute('data-status', 'valid');

  const nonce = page.getByRole('textbox', { name: /^Expected nonce/ });
  await nonce.fill(sent);
  await expect(status).toHaveAttribute('data-status', 'valid');
  const claims = page.getByRole('list', { name: 'Claim checks' });
  await expect(claims.getByRole('listitem').filter({ hasText: 'nonce' })).toHaveText(
    new RegExp(`nonce\\s+nonce is "${sent}"`),
  );

  // The nonce of another login: the signature holds, the token is not for this session.
  await nonce.fill('nonce-of-another-login');
  await expect(status).toHaveAttribute('data-status', 'claim-mismatch');
  await expect(status).toContainText(
    `Signature good, but the nonce is "${sent}", expected "nonce-of-another-login".`,
  );
  await expect(claims.getByRole('listitem').filter({ hasText: 'nonce' })).toContainText('(fails)');

  // A link with the key carries the profile, nonce included; the page that opens it checks it.
  const profile = encodeURIComponent(JSON.stringify({ nonce: sent.toLowerCase() }));
  await page.goto(`/#tool=verifier&token=${idToken}&key=${secret}&profile=${profile}`);
  await expect(page.getByRole('textbox', { name: /^Expected nonce/ })).toHaveValue(sent.toLowerCase());
  await expect(status).toHaveAttribute('data-status', 'claim-mismatch');
  await expect(status).toContainText('they differ only in upper and lower case');

  // A hand-edited link whose nonce is not text is refused, and the page says why.
  await page.goto(
    `/#tool=verifier&token=${idToken}&key=${secret}&profile=${encodeURIComponent('{"nonce":12345}')}`,
  );
  await expect(page.getByTestId('profile-notice')).toContainText(
    'The Verifier profile in this link has "nonce" as a number; it must be the expected nonce as text',
  );
  await expect(page.getByRole('textbox', { name: /^Expected nonce/ })).toHaveValue('');
  await expect(status).toHaveAttribute('data-status', 'valid');
  expect(errors).toEqual([]);
});
