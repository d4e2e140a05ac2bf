/**
 * The attack presets against the person's own endpoint, in the built site: an RS256 key is
 * generated, a local server's URL typed in, the script copied from the page (clipboard and shown
 * text alike) and run with sh and curl against that server, once verifying correctly and once
 * naively, then pasted into an interactive bash. The page itself never requests the endpoint.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { importJWK, jwtVerify, type JWK } from 'jose';
import { collectProblems } from './support/page-problems';

/** A resource server on 127.0.0.1: correct (the public key, RS256 only, exp checked) or naive. */
async function startEndpoint() {
  const state = {
    mode: 'correct' as 'correct' | 'naive',
    key: undefined as CryptoKey | Uint8Array | undefined,
    seen: [] as string[],
  };
  const server = createServer((request, response) => {
    state.seen.push(`${request.method} ${request.url}`);
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
    const verdict =
      state.mode === 'naive'
        ? Promise.resolve(token.split('.').length === 3 ? 200 : 401)
        : jwtVerify(token, state.key!, { algorithms: ['RS256'] }).then(
            () => 200,
            () => 401,
          );
    void verdict.then((status) => {
      response.writeHead(status);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { state, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function runWithSh(script: string): Promise<{ code: number; stdout: string }> {
  const directory = mkdtempSync(join(tmpdir(), 'attack-endpoint-'));
  const file = join(directory, 'attack.sh');
  writeFileSync(file, script);
  return new Promise((resolve) =>
    execFile('sh', [file], { cwd: directory, env: { PATH: '/usr/bin:/bin' } }, (error, stdout) => {
      rmSync(directory, { recursive: true, force: true });
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout });
    }),
  );
}

/** The script pasted into an interactive bash, then the person's own next command. */
function pasteIntoBash(script: string): Promise<string> {
  const directory = mkdtempSync(join(tmpdir(), 'attack-endpoint-'));
  return new Promise((resolve) => {
    const child = spawn('bash', ['--norc', '--noprofile', '-i'], {
      cwd: directory,
      env: { PATH: '/usr/bin:/bin', HOME: directory, TERM: 'dumb' },
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('close', () => {
      rmSync(directory, { recursive: true, force: true });
      resolve(stdout);
    });
    child.stdin.end(`${script}\necho "script status: $?"\necho still-here\n`);
  });
}

const resultLines = (stdout: string) => stdout.split('\n').filter((line) => /^(PASS|FAIL) /.test(line));

test('Generator → Attack presets → your endpoint → copy the script → run it with sh', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const endpoint = await startEndpoint();
  try {
    const problems = collectProblems(page);
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
      ),
    );
    const pageRequests: string[] = [];
    page.on('request', (request) => pageRequests.push(request.url()));
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });

    await page.goto('/#tool=generator');
    await expect(page.getByText('save it as a file and run')).toContainText('sh attack.sh');
    await page.getByTestId('gen-alg').selectOption('RS256');
    await page.getByTestId('gen-generate').click();
    const token = (await page.getByTestId('generated-token').textContent({ timeout: 30_000 }))!;
    // The server's key: the public half of the JWK the Generator signs with.
    const { d, p, q, dp, dq, qi, ...publicJwk } = JSON.parse(
      await page.getByTestId('gen-key').inputValue(),
    ) as JWK;
    expect(d && p && q && dp && dq && qi).toBeTruthy();
    endpoint.state.key = (await importJWK(publicJwk, 'RS256')) as CryptoKey;

    const url = `http://127.0.0.1:${endpoint.port}/api/me`;
    const field = page.getByLabel('Your endpoint');
    const said = page.getByTestId('attack-endpoint-said');
    await field.fill('javascript:alert(1)');
    await field.press('Tab');
    await expect(page.getByTestId('attack-endpoint-status')).toContainText('A javascript: URL runs code');
    await expect(said).toContainText('A javascript: URL runs code');
    // Retyped key by key: the message shown follows, the live region waits for the field to be left.
    await field.fill('');
    await field.pressSequentially('http://127.0.0.1:0/');
    await expect(page.getByTestId('attack-endpoint-status')).toContainText(
      'The port "0" is not a port number',
    );
    await expect(said).toContainText('A javascript: URL runs code');
    // A rewritten URL says what curl is given.
    await field.fill(`http://127.0.0.1:${endpoint.port}/api/x/%2e%2e/me`);
    await field.press('Tab');
    await expect(page.getByTestId('attack-endpoint-note')).toHaveText(`curl will be given ${url}`);
    await expect(said).toHaveText(
      `Endpoint set: the commands and the script send the tokens to it. curl will be given ${url}`,
    );
    await field.fill(url);
    await field.press('Tab');
    await expect(page.getByTestId('attack-endpoint-status')).toHaveText('');
    await expect(page.getByText('Tokenscope never sends a request to it')).toBeVisible();

    await page.getByText(/^Show the script/).click();
    const shown = (await page.getByTestId('attack-script').textContent())!;
    expect(shown).toContain(`url='${url}'`);
    expect(shown).toContain(`'${token}'`);
    await page.getByRole('button', { name: 'Copy all as a shell script' }).click();
    await expect(page.getByRole('button', { name: 'Copy all as a shell script' })).toHaveText('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(shown);

    // Nothing so far has reached the endpoint: the page only wrote its URL into text.
    expect(endpoint.state.seen).toEqual([]);
    expect(pageRequests.filter((request) => request.includes(`:${endpoint.port}`))).toEqual([]);

    const correct = await runWithSh(copied);
    expect(resultLines(correct.stdout)).toEqual([
      'PASS  200  valid token, signed with your key',
      'PASS  401  "alg": "none", signature removed',
      'PASS  401  RS/HS key confusion',
      ...[1, 2, 3, 4, 5, 6, 7].map((number) => `PASS  401  RS/HS key confusion, variant ${number}`),
      'PASS  401  Embedded "jwk" header with an attacker key',
      'PASS  401  "kid" with a path traversal',
      'PASS  401  Expired token',
      'PASS  401  Payload changed after signing',
    ]);
    expect(correct.code).toBe(0);
    expect(endpoint.state.seen).toEqual(Array(14).fill('GET /api/me'));

    endpoint.state.mode = 'naive';
    const naive = await runWithSh(copied);
    expect(resultLines(naive.stdout)).toContain('FAIL  200  "alg": "none", signature removed: expected 401');
    expect(naive.code).toBe(1);
    // Pasted into a terminal instead, the failing script ends its subshell, not the person's shell.
    const pasted = await pasteIntoBash(copied);
    expect(resultLines(pasted)).toContain('FAIL  200  "alg": "none", signature removed: expected 401');
    expect(pasted).toContain('script status: 1\nstill-here\n');

    // The Generator's own curl command goes to the same endpoint.
    await page.getByText('Copy as a command').click();
    await expect(page.getByTestId('gen-curl')).toHaveText(
      `curl -H 'Authorization: Bearer ${token}' '${url}'`,
    );
    expect(problems).toEqual([]);
  } finally {
    await endpoint.close();
  }
});
