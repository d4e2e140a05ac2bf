// Takes a screenshot of a page: node scripts/screenshot.mjs URL OUT.png [light|dark] [width] [height]
import { chromium } from '@playwright/test';
const [, , url, out, theme = 'light', width = '1360', height = '1000'] = process.argv;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const page = await browser.newPage({ viewport: { width: +width, height: +height }, colorScheme: theme });
await page.goto(url, { waitUntil: 'networkidle' });
await page.waitForTimeout(500);
await page.screenshot({ path: out, fullPage: false });
await browser.close();
