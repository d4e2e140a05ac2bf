import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { CompactEncrypt, SignJWT, exportJWK, generateKeyPair, base64url } from 'jose';

const now = () => Math.floor(Date.now() / 1000);
const secret = 'correct horse battery staple';

async function openVerifier(page: Page) {
  await page.goto('/#tool=verifier');
  await expect(page.getByTestId('key-input')).toBeVisible();
}

test('paste a token, paste its secret, see the verdict change with every keystroke', async ({ page }) => {
  const token = await new SignJWT({ sub: 'ada', exp: now() + 3600 })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(secret));
  await openVerifier(page);
  await page.getByTestId('token-input').fill(token);
  const status = page.getByTestId('verify-status');
  await expect(status).toHaveAttribute('data-status', 'idle');
  await expect(status).toContainText('Now paste the key');
  await page.getByTestId('key-input').fill(secret.slice(0, -1));
  await expect(status).toHaveAttribute('data-status', 'invalid-signature');
  await page.getByTestId('key-input').press('End');
  await page.getByTestId('key-input').pressSequentially('e');
  await expect(status).toHaveAttribute('data-status', 'valid');
  await expect(status).toContainText('Valid');
  await expect(page.getByText('Detected HMAC secret')).toBeVisible();
  // Deleting the last character takes the green verdict away at once.
  await page.getByTestId('key-input').press('Backspace');
  await expect(status).toHaveAttribute('data-status', 'invalid-signature');
});

test('a base64 secret read as text fails, and the page says which reading verifies', async ({ page }) => {
  const bytes = new Uint8Array(32).map((_, i) => (i * 37 + 11) & 0xff);
  const encoded = Buffer.from(bytes).toString('base64');
  const token = await new SignJWT({ sub: 'ada' }).setProtectedHeader({ alg: 'HS384' }).sign(bytes);
  await openVerifier(page);
  await page.getByTestId('token-input').fill(token);
  await page.getByTestId('key-input').fill(encoded);
  const status = page.getByTestId('verify-status');
  await expect(status).toHaveAttribute('data-status', 'invalid-signature');
  await expect(page.getByText('read as base64 it verifies').first()).toBeVisible();
  await page.getByLabel('Base64', { exact: true }).check();
  await expect(status).toHaveAttribute('data-status', 'valid');
});

test('RS256 with a PEM public key; expired says the signature is good', async ({ page }) => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const token = await new SignJWT({ sub: 'ada', exp: now() - 7200 })
    .setProtectedHeader({ alg: 'RS256' })
    .sign(privateKey);
  await openVerifier(page);
  await page.getByTestId('token-input').fill(token);
  await page.getByTestId('key-input').fill(pem);
  const status = page.getByTestId('verify-status');
  await expect(status).toHaveAttribute('data-status', 'expired');
  await expect(status).toContainText('Signature good, but expired 2 h ago');
  await expect(page.locator('#verifier-key-detected')).toContainText('PEM, SPKI public key (RSA 2048-bit)');
  // "Pretend now is" an hour before expiry: valid.
  const before = new Date((now() - 7200 - 3600) * 1000);
  const local = new Date(before.getTime() - before.getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
  await page.getByTestId('profile-now').fill(local);
  await expect(status).toHaveAttribute('data-status', 'valid');
});

test('a JWE decrypts, and its nested token verifies with the signer key', async ({ page }) => {
  const signer = await generateKeyPair('ES256', { extractable: true });
  const inner = await new SignJWT({ sub: 'nested' })
    .setProtectedHeader({ alg: 'ES256' })
    .sign(signer.privateKey);
  const cek = new Uint8Array(32).map((_, i) => i + 1);
  const jwe = await new CompactEncrypt(new TextEncoder().encode(inner))
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', cty: 'JWT' })
    .encrypt(cek);
  await openVerifier(page);
  await page.getByTestId('token-input').fill(jwe);
  await page.getByTestId('key-input').fill(JSON.stringify({ kty: 'oct', k: base64url.encode(cek) }));
  await expect(page.getByTestId('verify-status')).toHaveAttribute('data-status', 'decrypted');
  await expect(page.getByTestId('plaintext')).toContainText(inner);
  await page.getByTestId('inner-key-input').fill(JSON.stringify(await exportJWK(signer.publicKey)));
  await expect(page.getByTestId('inner-verify-status')).toHaveAttribute('data-status', 'valid');
});

test.describe('JWKS fetch from a server on this machine', () => {
  let server: Server;
  let origin = '';
  const seen: { url: string; headers: IncomingMessage['headers'] }[] = [];
  let jwks: unknown;

  test.beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push({ url: request.url ?? '', headers: request.headers });
      response.setHeader('Access-Control-Allow-Origin', '*');
      response.setHeader('Content-Type', 'application/json');
      // A short delay, so the in-flight indicator can be seen.
      setTimeout(() => {
        if (request.url === '/.well-known/openid-configuration')
          response.end(JSON.stringify({ issuer: origin, jwks_uri: `${origin}/keys.json` }));
        else if (request.url === '/keys.json') response.end(JSON.stringify(jwks));
        else {
          response.statusCode = 404;
          response.end('{}');
        }
      }, 400);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('discovery from iss, then the key set; the key is chosen by kid and labelled fetched', async ({
    page,
  }) => {
    const first = await generateKeyPair('ES256', { extractable: true });
    const second = await generateKeyPair('ES256', { extractable: true });
    jwks = {
      keys: [
        { ...(await exportJWK(first.publicKey)), kid: 'one', alg: 'ES256', use: 'sig' },
        { ...(await exportJWK(second.publicKey)), kid: 'two', alg: 'ES256', use: 'sig' },
      ],
    };
    const token = await new SignJWT({ sub: 'ada', iss: origin })
      .setProtectedHeader({ alg: 'ES256', kid: 'two' })
      .sign(second.privateKey);
    await openVerifier(page);
    await page.getByTestId('token-input').fill(token);
    expect(seen).toEqual([]);
    await page.getByText('Fetch the key set (JWKS) from a URL').click();
    await page.getByTestId('jwks-discover').click();
    await expect(page.getByTestId('jwks-url')).toHaveValue(`${origin}/.well-known/openid-configuration`);
    expect(seen).toEqual([]); // showing the URL requests nothing
    await page.getByTestId('jwks-fetch').click();
    await expect(page.getByTestId('jwks-in-flight')).toBeVisible();
    await expect(page.getByTestId('jwks-url')).toHaveValue(`${origin}/keys.json`);
    await page.getByTestId('jwks-fetch').click();
    await expect(page.getByTestId('jwks-in-flight')).toBeVisible();
    const status = page.getByTestId('verify-status');
    await expect(status).toHaveAttribute('data-status', 'valid');
    await expect(status).toContainText('kid two');
    await expect(page.getByText('key fetched on request')).toBeVisible();
    await expect(page.getByText('chosen by the token\'s kid "two"')).toBeVisible();
    expect(seen.map((request) => request.url)).toEqual(['/.well-known/openid-configuration', '/keys.json']);
    for (const request of seen) {
      expect(JSON.stringify(request)).not.toContain(token.split('.')[1]);
      expect(request.headers.cookie).toBeUndefined();
      expect(request.headers.authorization).toBeUndefined();
    }
  });

  test("the main page itself cannot reach the server: its CSP keeps connect-src 'self'", async ({ page }) => {
    await openVerifier(page);
    const before = seen.length;
    const outcome = await page.evaluate(async (url) => {
      try {
        await fetch(url);
        return 'fetched';
      } catch {
        return 'blocked';
      }
    }, `${origin}/keys.json`);
    expect(outcome).toBe('blocked');
    expect(seen.length).toBe(before);
  });
});
