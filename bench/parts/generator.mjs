// Key generation time per algorithm in the built page (WebCrypto and @noble/curves, as a person
// gets them), and the gzip size of the chunks the Generator, noble and zip.js load on demand.

/** [alg, RSA bits, runs] */
const algorithms = [
  ['HS256', undefined, 5],
  ['RS256', 2048, 5],
  ['RS256', 3072, 3],
  ['RS256', 4096, 3],
  ['ES256', undefined, 5],
  ['ES384', undefined, 5],
  ['ES512', undefined, 5],
  ['ES256K', undefined, 5],
  ['EdDSA', undefined, 5],
  ['Ed448', undefined, 5],
];

export default async function generator(bench) {
  const { baseUrl, browser, report, kb, median, gzipOf } = bench;
  const page = await browser.newPage();
  const scripts = new Set();
  page.on('requestfinished', (request) => {
    if (request.resourceType() === 'script') scripts.add(new URL(request.url()).pathname);
  });
  try {
    await page.goto(baseUrl, { waitUntil: 'networkidle' });
    const firstScreen = new Set(scripts);
    const loadedSince = (before) => [...scripts].filter((path) => !before.has(path));
    const sizeOf = (paths) => paths.reduce((sum, path) => sum + gzipOf(path), 0);

    // The Generator tool (CodeMirror, signing, attacks) when first opened.
    await page.getByRole('tab', { name: 'Generator' }).click();
    await page.getByTestId('gen-payload-editor').waitFor();
    await page.waitForLoadState('networkidle');
    const generatorChunks = loadedSince(firstScreen);
    report(`lazy: Generator tool, gzip (${generatorChunks.length} files)`, kb(sizeOf(generatorChunks)));

    // The Keys tool, then each algorithm: the time the page reports from click to key.
    let before = new Set(scripts);
    await page.getByRole('tab', { name: 'Keys' }).click();
    await page.getByTestId('keys-alg').waitFor();
    await page.waitForLoadState('networkidle');
    report('lazy: Keys tool, gzip', kb(sizeOf(loadedSince(before))));
    before = new Set(scripts);
    for (const [alg, bits, runs] of algorithms) {
      const times = [];
      for (let run = 0; run < runs; run++) {
        await page.getByTestId('keys-alg').selectOption(alg);
        if (bits) await page.getByTestId('keys-bits').selectOption(String(bits));
        const count = await page
          .getByTestId('keys-list')
          .locator(':scope > li')
          .count()
          .catch(() => 0);
        const started = await page.evaluate(() => performance.now());
        await page.getByTestId('keys-generate').click();
        await page.getByTestId('keys-list').locator(':scope > li').nth(count).waitFor({ timeout: 60_000 });
        times.push((await page.evaluate(() => performance.now())) - started);
      }
      report(
        `generate ${alg}${bits ? ` ${bits}` : ''} key, click to listed in the page (median of ${runs})`,
        `${median(times).toFixed(1)} ms`,
      );
    }
    const nobleChunks = loadedSince(before);
    report(
      `lazy: @noble/curves for ES256K + Ed448, gzip (${nobleChunks.length} files)`,
      kb(sizeOf(nobleChunks)),
    );

    // zip.js, loaded by the first export.
    await page.getByRole('tab', { name: 'Toolbox' }).click();
    await page.getByTestId('zip-export').waitFor();
    await page.waitForLoadState('networkidle');
    before = new Set(scripts);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('zip-export').click(),
    ]);
    await download.path();
    const zipChunks = loadedSince(before);
    report(`lazy: workspace zip (zip.js), gzip (${zipChunks.length} files)`, kb(sizeOf(zipChunks)));
  } finally {
    await page.close();
  }
}
