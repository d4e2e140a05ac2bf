import { createHmac, randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';

/**
 * The weak-secret search of an HS256 token runs for a second or two, with a progress row while it
 * runs. What is below the Risks panel (Compare on a wide screen; Claims and Compare on a phone)
 * must not jump when the row comes and goes: it used to move down 54 px (72 px on a phone) when
 * the search started and back up 35 px when it ended.
 */
const b64url = (text: string) => Buffer.from(text).toString('base64url');
const signingInput = `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url('{"sub":"layout"}')}`;
// Signed with 32 random bytes, which no list holds: the search tries every candidate.
const token = `${signingInput}.${createHmac('sha256', randomBytes(32)).update(signingInput).digest('base64url')}`;

/**
 * Starts recording, every animation frame while the search block is on the page, where the
 * Compare panel's top is and which phase the search is in.
 */
async function recordComparePositions(page: Page) {
  await page.evaluate(() => {
    const seen: { y: number; phase: string }[] = [];
    (window as unknown as { comparePositions: typeof seen }).comparePositions = seen;
    const frame = () => {
      const phase = document.querySelector('[data-testid="secret-search"]')?.getAttribute('data-phase');
      const compare = document.querySelector('.slot.compare');
      if (phase && compare) seen.push({ y: compare.getBoundingClientRect().top + window.scrollY, phase });
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

const comparePositions = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { comparePositions: { y: number; phase: string }[] }).comparePositions,
  );

async function paste(page: Page, text: string) {
  await page.getByTestId('token-input').evaluate((element, value) => {
    (element as HTMLTextAreaElement).value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  }, text);
}

for (const width of [1280, 360]) {
  test(`at ${width} px, what is below the Risks panel stays put while the secret search runs and ends`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/');
    await expect(page.getByTestId('token-input')).toBeVisible();
    await recordComparePositions(page);
    await paste(page, token);
    const search = page.getByTestId('secret-search');
    await expect(search).toHaveAttribute('data-phase', 'done', { timeout: 30_000 });
    await page.waitForTimeout(500);

    const seen = await comparePositions(page);
    const phases = new Set(seen.map(({ phase }) => phase));
    expect(phases).toContain('running');
    expect(phases).toContain('done');
    // From the last frame before the search starts (the other panels' chunks have arrived by
    // then) to the last frame: one position.
    const fromStart = seen.slice(seen.findIndex(({ phase }) => phase === 'running') - 1);
    expect(fromStart[0]!.phase).toBe('waiting');
    expect([...new Set(fromStart.map(({ y }) => y))]).toHaveLength(1);

    await expect(search.getByRole('status')).toContainText(/No well-known secret matched: [\d,]+ tried/);
    // The progress row keeps its space unseen: not a bar or a button anyone can reach.
    await expect(search.getByRole('progressbar')).toHaveCount(0);
    await expect(search.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  });
}

test('cancelling the search and starting it again moves nothing below it either', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 900 });
  await page.goto('/');
  await paste(page, token);
  const search = page.getByTestId('secret-search');
  await expect(search).toHaveAttribute('data-phase', 'running', { timeout: 15_000 });
  await expect(search).toHaveAttribute('aria-busy', 'true');
  await expect(search.getByRole('progressbar', { name: 'Secrets tried' })).toBeVisible();
  // On the page, not in the viewport: a click scrolls the button into view.
  const compareY = () =>
    page.locator('.slot.compare').evaluate((compare) => compare.getBoundingClientRect().top + window.scrollY);
  const runningY = await compareY();

  await search.getByRole('button', { name: 'Cancel' }).click();
  await expect(search).toHaveAttribute('data-phase', 'cancelled');
  await expect(search).toHaveAttribute('aria-busy', 'false');
  await expect(search.getByRole('status')).toContainText('Secret search cancelled after');
  expect(await compareY()).toBe(runningY);

  await search.getByRole('button', { name: 'Search again' }).click();
  await expect(search).toHaveAttribute('data-phase', 'done', { timeout: 60_000 });
  expect(await compareY()).toBe(runningY);
});
