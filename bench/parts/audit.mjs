// The audit's figures: how many secrets per second the weak-secret search tries in its Web Worker
// (in the built page, real Chromium), and how long `audit()` takes for a typical token (Node,
// the shipped core). Printed, never asserted: these machines are shared and noisy.
import { createHmac } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const b64url = (data) => Buffer.from(data).toString('base64url');
const nowSeconds = Math.floor(Date.now() / 1000);
const claims = {
  iss: 'https://auth.example.com',
  sub: 'user-8731',
  aud: 'api',
  iat: nowSeconds,
  exp: nowSeconds + 900,
  scope: 'read write',
  roles: ['admin'],
};

/** A typical HS256 access token, signed with a random secret no list holds (the search runs to the end). */
function hs256Token(secret) {
  const input = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

const rs256Token = `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: '2024-05' }))}.${b64url(JSON.stringify(claims))}.${b64url('s'.repeat(256))}`;

export default async function auditBench(bench) {
  const { root, baseUrl, browser, report, median } = bench;
  const timeAsync = async (fn, runs) => {
    for (let i = 0; i < 5; i++) await fn();
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await fn();
      samples.push(performance.now() - start);
    }
    return median(samples);
  };

  // 1. audit() in Node, on the core as built for the bench.
  const { audit } = await import(`${root}dist-bench/core.js`);
  const secret = `bench-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
  const hs = hs256Token(secret);
  report(
    'audit: typical RS256 token, all rules (median)',
    `${(await timeAsync(() => audit(rs256Token), 200)).toFixed(2)} ms`,
  );
  report(
    'audit: typical HS256 token, built-in secret list (median)',
    `${(await timeAsync(() => audit(hs), 30)).toFixed(1)} ms`,
  );

  // 2. The weak-secret search in the page's own audit worker: secrets per second.
  const worker = readdirSync(`${root}dist/assets`).find((file) => /^audit\.worker-.*\.js$/.test(file));
  if (!worker) {
    report('weak-secret search rate in the worker', 'no audit worker in dist/assets');
    return;
  }
  const page = await browser.newPage();
  try {
    await page.goto(baseUrl, { waitUntil: 'load' });
    const runs = [];
    for (let run = 0; run < 3; run++) {
      runs.push(
        await page.evaluate(
          ([url, token]) =>
            new Promise((resolve) => {
              const start = performance.now();
              const auditWorker = new Worker(url, { type: 'module' });
              let first;
              auditWorker.onmessage = ({ data }) => {
                if (data.type === 'progress') {
                  first ??= { at: performance.now(), tried: data.tried };
                  return;
                }
                const end = performance.now();
                auditWorker.terminate();
                const tried = data.report.search.tried ?? 0;
                resolve({
                  tried,
                  loadMs: (first?.at ?? end) - start,
                  perSecond: first ? ((tried - first.tried) / (end - first.at)) * 1000 : 0,
                  totalMs: end - start,
                });
              };
              auditWorker.postMessage({
                type: 'audit',
                id: 1,
                token,
                key: '',
                now: Date.now(),
                searchSecrets: true,
              });
            }),
          [`/assets/${worker}`, hs],
        ),
      );
    }
    const best = runs.map((r) => r.perSecond);
    report(
      `weak-secret search in the worker (${runs[0].tried.toLocaleString('en')} secrets, median of 3)`,
      `${Math.round(median(best)).toLocaleString('en')} /s`,
    );
    report(
      'weak-secret search: word lists load + whole search (median)',
      `${median(runs.map((r) => r.loadMs)).toFixed(0)} + ${median(runs.map((r) => r.totalMs)).toFixed(0)} ms`,
    );
  } finally {
    await page.close();
  }
}
