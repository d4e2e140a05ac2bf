import { expect, test, type Page } from '@playwright/test';

/**
 * Keyboard, screen-reader and narrow-screen checks on the built site for the Toolbox, the
 * Generator and the Keys tool. What a screen reader gets is read from Chromium's own
 * accessibility tree (CDP), which is what assistive technology is handed.
 */

async function accessibleNode(page: Page, name: string) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: {
      name?: { value: string };
      description?: { value: string };
      properties?: { name: string; value: { value: unknown } }[];
    }[];
  };
  await cdp.detach();
  const node = nodes.find((entry) => entry.name?.value === name);
  return {
    description: node?.description?.value ?? '',
    invalid: node?.properties?.find((property) => property.name === 'invalid')?.value.value,
  };
}

for (const width of [320, 360]) {
  test(`Keys at ${width} px: nothing overflows, generated key names stay whole`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/#tool=keys');
    for (const alg of ['HS256', 'RS256']) {
      await page.getByTestId('keys-alg').selectOption(alg);
      await page.getByTestId('keys-generate').click();
      await expect(page.getByTestId('keys-note')).toContainText(`Generated "${alg}`, { timeout: 20_000 });
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    const select = await page.getByTestId('keys-alg').boundingBox();
    const panel = await page
      .locator('#keys-generate-heading')
      .locator('xpath=ancestor::section')
      .boundingBox();
    expect(select!.x + select!.width).toBeLessThanOrEqual(panel!.x + panel!.width);
    // Each name ("HS256-kPk4qYH4", "RS256-2048-bOoqpl8n") on one line, not a few letters a line.
    const lines = await page
      .getByTestId('keys-list')
      .locator('h3')
      .evaluateAll((headings) =>
        headings.map(
          (heading) =>
            heading.getBoundingClientRect().height / parseFloat(getComputedStyle(heading).lineHeight),
        ),
      );
    expect(lines).toHaveLength(2);
    for (const count of lines) expect(count).toBeLessThan(1.5);
  });
}

test('Toolbox radios: each fieldset is its own group for the arrow keys', async ({ page }) => {
  await page.goto('/#tool=toolbox');
  await page.getByRole('radio', { name: 'Encode' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('radio', { name: 'Decode' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Decode' })).toBeFocused();
  await expect(page.getByRole('radio', { name: 'a password' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'base64url' })).toBeFocused();
});

test("the payload editor's error reaches the screen reader as its description", async ({ page }) => {
  await page.goto('/#tool=generator');
  const content = page.getByTestId('gen-payload-editor').locator('.cm-content');
  await content.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('{"sub": ,');
  await expect(page.getByTestId('gen-payload-status')).toContainText('Line 1, column 9');
  await expect
    .poll(() => accessibleNode(page, 'Payload JSON'))
    .toMatchObject({ invalid: 'true', description: expect.stringContaining('Line 1, column 9') });
  await page.keyboard.press('Control+a');
  await page.keyboard.type('{"sub": 1}');
  await expect.poll(async () => (await accessibleNode(page, 'Payload JSON')).invalid).not.toBe('true');
  expect((await accessibleNode(page, 'Payload JSON')).description).toContain('Valid JSON');
});

test('Generator at 320 px: the Encrypt panel’s choices (some marked "not in this browser") fit the page', async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 900 });
  await page.goto('/#tool=generator');
  await expect(page.getByRole('option', { name: /A192KW — not in this browser/ }).first()).toBeAttached();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test('a button that sends the person to another tool moves focus there, and a dismissed notice leaves it in the profile', async ({
  page,
}) => {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const token = `${part({ alg: 'HS256' })}.${part({ sub: 'ada' })}.c2ln`;
  await page.goto(`/#token=${token}`);
  await page.getByRole('button', { name: 'Edit in Generator' }).click();
  await expect(page.getByTestId('gen-payload-editor')).toBeVisible();
  await expect(page.locator('#main')).toBeFocused();

  await page.goto(
    `/#tool=verifier&token=${token}&key=secret&profile=${encodeURIComponent('{"clockTolerance":-5}')}`,
  );
  await page.getByTestId('profile-notice').getByRole('button', { name: 'Dismiss' }).press('Enter');
  await expect(page.getByTestId('profile-notice')).toHaveCount(0);
  expect(await page.evaluate(() => document.activeElement?.closest('.slot.profile') !== null)).toBe(true);
});
