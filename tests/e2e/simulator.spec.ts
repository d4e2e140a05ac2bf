import { expect, test } from '@playwright/test';

const scenarios = [
  'login',
  'logout-revocation',
  'expiry-refresh',
  'stolen-credential',
  'scale-out',
  'microservices',
  'cross-domain',
  'blocklist',
  'hybrid',
  'attacks',
];

test('#scenario= with #tool=simulator opens that scenario; stepping shows both flows', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/#tool=simulator&scenario=logout-revocation');
  await expect(page.getByTestId('sim-scenario')).toHaveValue('logout-revocation');
  await expect(page.getByTestId('sim-event')).toHaveCount(0);
  for (let i = 0; i < 6; i++) await page.getByTestId('sim-step').click();
  await expect(page.getByTestId('sim-event')).toHaveCount(6);
  await expect(page.locator('[data-testid="sim-event"][data-flow="session"]').first()).toBeVisible();
  await expect(page.locator('[data-testid="sim-event"][data-flow="jwt"]').first()).toBeVisible();
  // The step is in the fragment, so it can be linked to.
  await expect(page).toHaveURL(/step=6/);
  await page.getByTestId('sim-reset').click();
  await expect(page.getByTestId('sim-event')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('every scenario opens at a linked step; the revoked session is refused while the JWT is accepted', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  for (const id of scenarios) {
    // A step past the end opens the scenario played to its end.
    await page.goto(`/#tool=simulator&scenario=${id}&step=100000`);
    await expect(page.getByTestId('sim-scenario')).toHaveValue(id);
    await expect(page.getByTestId('sim-step')).toBeDisabled();
    expect(await page.getByTestId('sim-event').count(), id).toBeGreaterThan(5);
    await expect(page.locator('[data-testid="sim-event"][data-flow="session"]').first()).toBeAttached();
    await expect(page.locator('[data-testid="sim-event"][data-flow="jwt"]').first()).toBeAttached();
    if (id === 'logout-revocation') {
      const attackerAnswers = (flow: string) =>
        page.locator(`[data-testid="sim-event"][data-flow="${flow}"]`).filter({ hasText: '→ attacker' });
      await expect(attackerAnswers('session').filter({ hasText: '✓ accepted' })).toHaveCount(0);
      await expect(attackerAnswers('session').filter({ hasText: '✗ rejected' })).toHaveCount(4);
      await expect(attackerAnswers('jwt').filter({ hasText: '✓ accepted' })).toHaveCount(3);
      await expect(attackerAnswers('jwt').filter({ hasText: '✗ rejected' })).toHaveCount(1);
    }
  }
  // The picker switches scenarios too, and a step back works from the end.
  await page.getByTestId('sim-scenario').selectOption('login');
  await expect(page.getByTestId('sim-event')).toHaveCount(0);
  await page.getByTestId('sim-step').click();
  await page.getByTestId('sim-step').click();
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(page.getByTestId('sim-event')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('play animates with CSS transforms and honours reduced motion', async ({ page }) => {
  await page.goto('/#tool=simulator&scenario=microservices');
  await page.getByTestId('sim-play').click();
  await expect(page.getByTestId('sim-play')).toContainText('Pause');
  await expect(page.locator('.packet').first()).toBeAttached({ timeout: 5000 });
  const animation = await page
    .locator('.packet')
    .first()
    .evaluate((el) => getComputedStyle(el).animationName);
  expect(animation).toContain('travel');
  await page.getByTestId('sim-play').click();
  await expect(page.getByTestId('sim-play')).toContainText('Play');

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.reload();
  await page.getByTestId('sim-step').click();
  await page.getByTestId('sim-step').click();
  const still = await page
    .locator('.packet, .pulse')
    .first()
    .evaluate((el) => getComputedStyle(el).animationName);
  expect(still).toBe('none');
});

test('a simulated token opens in the Decoder and verifies with the simulation key', async ({ page }) => {
  await page.goto('/#tool=simulator&scenario=login');
  for (let i = 0; i < 6; i++) await page.getByTestId('sim-step').click();
  await page.getByRole('button', { name: 'Open this access token in the Decoder' }).first().click();
  await expect(page.getByTestId('payload-json')).toContainText('"sub": "user-8731"');
  await expect(page.getByTestId('header-json')).toContainText('"alg": "HS256"');
  // With the simulation's key and clock, the Verifier finds it valid.
  await page.getByRole('tab', { name: 'Verifier' }).click();
  await expect(page.getByTestId('verify-status')).toHaveAttribute('data-status', 'valid');
});

test('works at 360 px and in the dark theme without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/#tool=simulator&scenario=scale-out');
  for (let i = 0; i < 10; i++) await page.getByTestId('sim-step').click();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the whole run downloads as an SVG sequence diagram in the theme, and each step as a picture', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/#tool=simulator&scenario=logout-revocation');
  await expect(page.getByTestId('sim-scenario')).toHaveValue('logout-revocation');
  const [whole] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download JWT' }).click(),
  ]);
  expect(whole.suggestedFilename()).toBe('tokenscope-logout-revocation-jwt.svg');
  const svg = await (
    await whole.createReadStream()
  )
    .toArray()
    .then((chunks) => Buffer.concat(chunks).toString());
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svg).toContain('(JWT)</title>');
  expect(svg).toContain('>auth-server</text>');
  // The JWT is still accepted after the logout: the diagram says so.
  expect(svg).toMatch(/>accepted<\/tspan>/);
  // The dark theme's surface, resolved to a colour a file can carry (not a light-dark() token).
  expect(svg).toContain('fill="rgb(18, 26, 46)"');

  const [step] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download SVG (this step)' }).click(),
  ]);
  const picture = await (
    await step.createReadStream()
  )
    .toArray()
    .then((chunks) => Buffer.concat(chunks).toString());
  expect(picture).toContain('fill="rgb(18, 26, 46)"');
  expect(picture).not.toContain('light-dark');
});

test('cross-domain: one preflight per origin, the partner’s own token, CORS in the table', async ({
  page,
}) => {
  await page.goto('/#tool=simulator&scenario=cross-domain&step=100000');
  const jwt = page.locator('[data-testid="sim-event"][data-flow="jwt"]');
  // The Fetch standard's preflight cache: app.example.com's second call reuses the first answer.
  await expect(jwt.filter({ hasText: 'OPTIONS preflight' })).toHaveCount(2);
  await expect(jwt.filter({ hasText: 'reuse cached preflight' })).toHaveCount(1);
  // The partner redeems its own authorization code; Ada's localStorage token is not its to use.
  await expect(jwt.filter({ hasText: 'partner-page → auth-server' })).toHaveCount(1);
  const table = page.getByRole('table');
  await expect(table.getByRole('row', { name: /^Cross-domain/ })).toContainText(
    'anywhere whose CORS policy allows it',
  );
  await expect(table.getByRole('row', { name: /^Cross-domain/ })).toContainText(
    '3/3 calls to api.example.com accepted (+2 CORS preflights)',
  );
  await expect(table.getByRole('row', { name: /^State storage/ })).toContainText(
    'cookie for example.com and its subdomains',
  );
  await page.goto('/#tool=simulator&scenario=attacks&step=100000');
  await expect(page.getByRole('table').getByRole('row', { name: /^Scalability/ })).toContainText(
    'not exercised here (see scale-out)',
  );
});
