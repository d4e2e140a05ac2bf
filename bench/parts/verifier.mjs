// The Verifier's budget (DESIGN.md): the verdict within 10 ms of the last keystroke in the key
// field for HS256, RS256, ES256 (and EdDSA), against what jose alone takes in the same page
// to import the same key text and verify the same token. The ratio is the figure.
import { generateKeyPairSync, createHmac, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';

const runs = 15;
const b64url = (data) => Buffer.from(data).toString('base64url');

function token(alg, key) {
  const input = `${b64url(JSON.stringify({ alg, typ: 'JWT' }))}.${b64url(JSON.stringify({ sub: 'bench', exp: Math.floor(Date.now() / 1000) + 3600 }))}`;
  const data = Buffer.from(input);
  if (alg === 'HS256') return `${input}.${b64url(createHmac('sha256', key).update(data).digest())}`;
  if (alg === 'ES256') return `${input}.${b64url(sign('sha256', data, { key, dsaEncoding: 'ieee-p1363' }))}`;
  if (alg === 'EdDSA') return `${input}.${b64url(sign(null, data, key))}`;
  return `${input}.${b64url(sign('sha256', data, key))}`;
}

function cases() {
  const secret = 'a-shared-secret-of-reasonable-length-0123456789';
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ed = generateKeyPairSync('ed25519');
  const spki = (pair) => pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  // Each run needs a key text of its own, so no run reuses an imported key: a PEM takes white
  // space around it, a secret is its exact bytes (so each run has its own secret and token).
  const pem = (alg, privateKey, publicPem) => (run) => ({
    token: token(alg, privateKey),
    key: `${publicPem}${' '.repeat(run + 1)}`,
  });
  return [
    {
      alg: 'HS256',
      run: (run) => ({ token: token('HS256', `${secret}-${run}`), key: `${secret}-${run}` }),
    },
    { alg: 'RS256', run: pem('RS256', rsa.privateKey, spki(rsa)) },
    { alg: 'ES256', run: pem('ES256', ec.privateKey, spki(ec)) },
    { alg: 'EdDSA', run: pem('EdDSA', ed.privateKey, spki(ed)) },
  ];
}

export default async function verifier(bench) {
  const { root, baseUrl, browser, report, median } = bench;
  const page = await browser.newPage();
  // jose itself, served same-origin for the comparison (the page's CSP allows 'self' scripts).
  await page.route(`${baseUrl.replace(/\/$/, '')}/__bench_jose/**`, (route) => {
    const path = new URL(route.request().url()).pathname.replace('/__bench_jose/', '');
    route.fulfill({
      contentType: 'text/javascript',
      body: readFileSync(`${root}node_modules/jose/dist/webapi/${path}`),
    });
  });
  await page.goto(`${baseUrl}#tool=verifier`, { waitUntil: 'networkidle' });
  await page.getByTestId('key-input').waitFor();

  for (const { alg, run: runCase } of cases()) {
    const runsOf = Array.from({ length: runs }, (_, run) => runCase(run));
    const ours = [];
    for (const { token: jwt, key: text } of runsOf) {
      if ((await page.getByTestId('token-input').inputValue()) !== jwt)
        await page.getByTestId('token-input').fill(jwt);
      ours.push(
        await page.evaluate(
          ([full]) =>
            new Promise((resolve, reject) => {
              const field = document.querySelector('[data-testid="key-input"]');
              const status = document.querySelector('[data-testid="verify-status"]');
              field.value = full.slice(0, -1) + 'x';
              field.dispatchEvent(new Event('input', { bubbles: true }));
              setTimeout(() => {
                let start = 0;
                const observer = new MutationObserver(() => {
                  if (status.dataset.status === 'valid') {
                    observer.disconnect();
                    resolve(performance.now() - start);
                  }
                });
                observer.observe(status, { attributes: true, attributeFilter: ['data-status'] });
                start = performance.now();
                field.value = full; // the last keystroke
                field.dispatchEvent(new Event('input', { bubbles: true }));
                setTimeout(() => reject(new Error(`no verdict: ${status.dataset.status}`)), 5000);
              }, 50);
            }),
          [text],
        ),
      );
    }
    const joseAlone = [];
    for (const { token: jwt, key: keyText } of runsOf) {
      joseAlone.push(
        await page.evaluate(
          async ([algorithm, keyText, compact]) => {
            const jose = await import('/__bench_jose/index.js');
            const start = performance.now();
            const key =
              algorithm === 'HS256'
                ? new TextEncoder().encode(keyText)
                : await jose.importSPKI(keyText.trim(), algorithm === 'EdDSA' ? 'Ed25519' : algorithm);
            await jose.compactVerify(compact, key);
            return performance.now() - start;
          },
          [alg, keyText, jwt],
        ),
      );
    }
    const oursMedian = median(ours);
    const joseMedian = median(joseAlone);
    report(
      `verifier: last key keystroke → verdict, ${alg} (median of ${runs})`,
      `${oursMedian.toFixed(2)} ms`,
      '≤ 10 ms',
    );
    report(`verifier: jose alone, import + verify, ${alg}`, `${joseMedian.toFixed(2)} ms`);
    report(
      `verifier: ratio to jose alone, ${alg}`,
      `${(oursMedian / Math.max(joseMedian, 0.01)).toFixed(1)}×`,
    );
  }
  await page.close();
}
