/**
 * "Copy all as a shell script", run for real: the script is written by attackScript() for a
 * token the core signed and presets the core built, then run by `sh` (dash on Debian) with curl
 * against two servers in this process. The correct one verifies with jose and the right key
 * (algorithm pinned, exp checked); the naive one accepts any token. What the servers receive is
 * compared with the tokens given to the script, so the script is checked from both ends.
 */
import { execFile } from 'node:child_process';
import { createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attackPresets } from '../../src/core/attacks/index';
import { sign } from '../../src/core/jws/sign';
import {
  attackScript,
  collectAttackCases,
  type AttackScriptInput,
} from '../../src/features/generator/attack-script';
import { curlCommand } from '../../src/features/generator/commands';
import { checkEndpoint, commandUrl } from '../../src/features/generator/endpoint-url';

type Verdict = (token: string) => Promise<number>;

interface TestServer {
  url: string;
  /** Each request's path and Authorization header, in order. */
  seen: { path: string; authorization: string }[];
  verdict: Verdict;
  close(): Promise<void>;
}

async function startServer(verdict: Verdict): Promise<TestServer> {
  const state = { seen: [] as TestServer['seen'], verdict };
  const server: Server = createServer((request, response) => {
    const authorization = request.headers.authorization ?? '';
    state.seen.push({ path: request.url ?? '', authorization });
    const token = /^Bearer (.+)$/.exec(authorization)?.[1] ?? '';
    void state.verdict(token).then((status) => {
      response.writeHead(
        status,
        status === 401 ? { 'WWW-Authenticate': 'Bearer error="invalid_token"' } : {},
      );
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/api/resource`,
    get seen() {
      return state.seen;
    },
    get verdict() {
      return state.verdict;
    },
    set verdict(next) {
      state.verdict = next;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  } as TestServer;
}

/** A correct resource server: one key, one algorithm, exp checked (jose's defaults). */
const correctVerdict =
  (key: Parameters<typeof jwtVerify>[1], alg: string): Verdict =>
  async (token) => {
    try {
      await jwtVerify(token, key, { algorithms: [alg] });
      return 200;
    } catch {
      return 401;
    }
  };

/** A naive server: anything that looks like a token is let in, "alg": "none" included. */
const naiveVerdict: Verdict = async (token) => (token.split('.').length === 3 ? 200 : 401);

/** Runs a script with sh in a fresh directory; resolves with its exit code and output. */
async function runScript(script: string) {
  const directory = mkdtempSync(join(tmpdir(), 'attack-script-'));
  const file = join(directory, 'attack.sh');
  writeFileSync(file, script);
  const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile(
      'sh',
      [file],
      { cwd: directory, env: { PATH: '/usr/bin:/bin' }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
  const files = readdirSync(directory).filter((name) => name !== 'attack.sh');
  rmSync(directory, { recursive: true, force: true });
  return { ...run, files, lines: run.stdout.split('\n').filter((line) => /^(PASS|FAIL) /.test(line)) };
}

const now = Math.floor(Date.now() / 1000);
const header = { alg: 'RS256', typ: 'JWT' };
const payload = { sub: 'user-1', iat: now, exp: now + 600 };

// An RSA key pair made by node:crypto, not by the code under test.
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privatePem = rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const publicPem = rsa.publicKey.export({ type: 'spki', format: 'pem' }) as string;

describe('the attack script, run with sh and curl against real servers', () => {
  let server: TestServer;
  let input: AttackScriptInput;

  beforeAll(async () => {
    server = await startServer(correctVerdict(rsa.publicKey, 'RS256'));
    const validToken = await sign(header, payload, privatePem);
    const { cases, leftOut } = await collectAttackCases(attackPresets, () => ({
      header,
      payload,
      signingKey: privatePem,
      publicKey: publicPem,
    }));
    input = { url: server.url, validToken, cases, leftOut };
  });
  afterAll(() => server.close());

  it('against a correct server: every case passes and the script exits 0', async () => {
    server.verdict = correctVerdict(rsa.publicKey, 'RS256');
    server.seen.length = 0;
    // Every preset can be built with an RSA key: six presets, and the key confusion's variant.
    expect(input.cases.map((entry) => entry.title)).toEqual([
      '"alg": "none", signature removed',
      'RS/HS key confusion',
      'RS/HS key confusion, variant 1',
      'Embedded "jwk" header with an attacker key',
      '"kid" with a path traversal',
      'Expired token',
      'Payload changed after signing',
    ]);
    expect(input.leftOut).toEqual([]);
    const run = await runScript(attackScript(input));
    expect(run.stderr).toBe('');
    expect(run.lines).toEqual([
      'PASS  200  valid token, signed with your key',
      ...input.cases.map((entry) => `PASS  401  ${entry.title}`),
    ]);
    expect(run.stdout).toContain('All 8 cases passed.');
    expect(run.code).toBe(0);
    // The server got each token once, in order, at the URL given, as a Bearer token.
    expect(server.seen).toEqual(
      [input.validToken, ...input.cases.map((entry) => entry.token)].map((token) => ({
        path: '/api/resource',
        authorization: `Bearer ${token}`,
      })),
    );
  });

  it('against a naive server: the alg-none case fails and the exit code is non-zero', async () => {
    server.verdict = naiveVerdict;
    const run = await runScript(attackScript(input));
    expect(run.lines[0]).toBe('PASS  200  valid token, signed with your key');
    expect(run.lines).toContain('FAIL  200  "alg": "none", signature removed: expected 401');
    expect(run.lines.filter((line) => line.startsWith('FAIL'))).toHaveLength(7);
    expect(run.stdout).toContain('7 of 8 cases failed.');
    expect(run.code).toBe(1);
  });

  it('a server that refuses with 403: a failure when 401 is expected, a pass with "any 4xx"', async () => {
    const strict = correctVerdict(rsa.publicKey, 'RS256');
    server.verdict = async (token) => ((await strict(token)) === 401 ? 403 : 200);
    const exact = await runScript(attackScript(input));
    expect(exact.lines.filter((line) => line.startsWith('FAIL  403'))).toHaveLength(7);
    expect(exact.code).toBe(1);
    const any = await runScript(attackScript({ ...input, expectRejected: '4xx' }));
    expect(any.lines.every((line) => line.startsWith('PASS'))).toBe(true);
    expect(any.lines).toContain('PASS  403  Expired token');
    expect(any.code).toBe(0);
  });

  it('the valid token must get 200, or any 2xx when chosen', async () => {
    const strict = correctVerdict(rsa.publicKey, 'RS256');
    server.verdict = async (token) => ((await strict(token)) === 200 ? 204 : 401);
    const exact = await runScript(attackScript(input));
    expect(exact.lines[0]).toBe('FAIL  204  valid token, signed with your key: expected 200');
    expect(exact.code).toBe(1);
    const any = await runScript(attackScript({ ...input, expectValid: '2xx' }));
    expect(any.lines[0]).toBe('PASS  204  valid token, signed with your key');
    expect(any.code).toBe(0);
  });

  it('no server listening: every case fails with "no response"', async () => {
    const gone = await startServer(naiveVerdict);
    await gone.close();
    const run = await runScript(attackScript({ ...input, url: gone.url }));
    expect(run.lines).toHaveLength(8);
    expect(run.lines.every((line) => line.startsWith('FAIL  no response  '))).toBe(true);
    expect(run.code).toBe(1);
  });

  it("says what it does in a comment header, and names the valid token's expiry", () => {
    const script = attackScript(input);
    const header = script.split('\n\n')[0]!;
    expect(header.startsWith('#!/bin/sh\n')).toBe(true);
    expect(header).toContain(`Sends 8 real tokens to ${server.url} with curl`);
    expect(header).toContain('must get 200');
    expect(header).toContain('must get 401 (RFC 6750 section 3.1: invalid_token)');
    expect(header).toContain(
      `The valid token expires at ${new Date(payload.exp * 1000).toISOString().slice(0, 19)}Z (its "exp")`,
    );
    // Every line of the header is a comment.
    expect(header.split('\n').every((line) => line.startsWith('#'))).toBe(true);
  });
});

describe('the attack script with an HMAC secret', () => {
  it('leaves out the key confusion with a comment saying why, and runs the rest', async () => {
    // A secret given in base64, as the Generator's "Read text as: base64" reads it.
    const secret = randomBytes(32);
    const hsHeader = { alg: 'HS256', typ: 'JWT' };
    const signingKey = secret.toString('base64');
    const validToken = await sign(hsHeader, payload, signingKey, { secretEncoding: 'base64' });
    const { cases, leftOut } = await collectAttackCases(attackPresets, () => ({
      header: hsHeader,
      payload,
      signingKey,
      secretEncoding: 'base64',
    }));
    expect(leftOut).toEqual([
      { title: 'RS/HS key confusion', reason: "Paste or generate the server's RSA public key first." },
    ]);
    expect(cases.map((entry) => entry.title)).not.toContain('RS/HS key confusion');
    const server = await startServer(correctVerdict(new Uint8Array(secret), 'HS256'));
    try {
      const script = attackScript({ url: server.url, validToken, cases, leftOut });
      expect(script).toContain(
        "# Left out: RS/HS key confusion: Paste or generate the server's RSA public key first.",
      );
      const run = await runScript(script);
      expect(run.lines).toHaveLength(6);
      expect(run.lines.every((line) => line.startsWith('PASS'))).toBe(true);
      expect(run.code).toBe(0);

      // A server that checks the signature but not "exp": only the expired case gets through,
      // which shows the expired token is signed with the person's own (base64) secret.
      server.verdict = async (token) => {
        const [h, p, s] = token.split('.');
        const good = createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url');
        return JSON.parse(Buffer.from(h!, 'base64url').toString()).alg === 'HS256' && s === good ? 200 : 401;
      };
      const noExp = await runScript(script);
      expect(noExp.lines.filter((line) => line.startsWith('FAIL'))).toEqual([
        'FAIL  200  Expired token: expected 401',
      ]);
      expect(noExp.code).toBe(1);
    } finally {
      await server.close();
    }
  });
});

describe('hostile text in the script is quoted: the shell runs nothing of it', () => {
  it('a URL, titles, reasons and tokens with quotes, $(…), backticks and line breaks', async () => {
    const server = await startServer(async () => 401);
    try {
      const base = server.url.replace('/api/resource', '');
      // Each of these, were the shell to read it as code, would make a file in its directory.
      const path =
        "/it's/$(touch$IFS'pwned1')/;touch$IFS'pwned2'?q=$(touch${IFS}pwned3)&r=`touch${IFS}pwned4`";
      // The URL as the endpoint field passes it on: checked, and still the same text.
      expect(checkEndpoint(`${base}${path}`)).toEqual({ status: 'ok', url: `${base}${path}`, warnings: [] });
      const token = 'a\'$(touch pwned5)\'`touch pwned6`"$(touch pwned7)"';
      const script = attackScript({
        url: `${base}${path}`,
        validToken: "v'$(touch pwned8)'",
        cases: [{ title: "it's\ntouch pwned9 # $(touch pwned10)", token, when: 'next\ntouch pwned11' }],
        leftOut: [{ title: 'x\r\ntouch pwned12', reason: 'because\n`touch pwned13`\u2028touch pwned14' }],
      });
      const run = await runScript(script);
      expect(run.files).toEqual([]);
      expect(run.lines).toEqual([
        'FAIL  401  valid token, signed with your key: expected 200',
        "PASS  401  it's\ntouch pwned9 # $(touch pwned10)".split('\n')[0]!,
      ]);
      // curl sent both tokens exactly, to the path exactly as written.
      expect(server.seen).toEqual([
        { path, authorization: "Bearer v'$(touch pwned8)'" },
        { path, authorization: `Bearer ${token}` },
      ]);
    } finally {
      await server.close();
    }
  });
});

describe("each preset's own curl command", () => {
  it('sends one request to the URL as written, even with curl pattern characters in it', async () => {
    const server = await startServer(async () => 401);
    try {
      // curl would read {b,c} and [1-2] as patterns and send four requests (its "globbing").
      const path = '/a{b,c}/[1-2]?k=`touch${IFS}pwned`';
      const command = curlCommand('x.y.z', server.url.replace('/api/resource', path));
      const run = await runScript(`${command} --silent --output /dev/null\n`);
      expect(run.files).toEqual([]);
      expect(server.seen).toEqual([{ path, authorization: 'Bearer x.y.z' }]);
    } finally {
      await server.close();
    }
  });
});

describe('the endpoint field: http(s) only, each refusal with its reason', () => {
  const reasonOf = (text: string) => {
    const checked = checkEndpoint(text);
    return checked.status === 'invalid' ? checked.reason : `not refused: ${JSON.stringify(checked)}`;
  };

  it('an empty field is no endpoint, and the commands keep the example URL', () => {
    expect(checkEndpoint('')).toEqual({ status: 'empty' });
    expect(checkEndpoint(' \n\t')).toEqual({ status: 'empty' });
    expect(commandUrl('')).toBe('https://api.example.com/resource');
    expect(commandUrl('javascript:alert(1)')).toBe('https://api.example.com/resource');
    expect(commandUrl('https://api.test/x')).toBe('https://api.test/x');
  });

  it('a missing scheme: says so and shows the URL with https:// in front', () => {
    for (const [text, suggested] of [
      ['api.example.com/resource', 'https://api.example.com/resource'],
      ['localhost:8080/api', 'https://localhost:8080/api'],
      ['127.0.0.1:3000', 'https://127.0.0.1:3000'],
      ['//api.example.com/x', 'https://api.example.com/x'],
    ]) {
      const reason = reasonOf(text!);
      expect(reason, text).toMatch(/^The URL has no scheme: start it with https:\/\//);
      expect(reason, text).toContain(`as in ${suggested}.`);
    }
  });

  it('a javascript: URL, and every other scheme, by name', () => {
    expect(reasonOf('javascript:alert(document.cookie)')).toMatch(/^A javascript: URL runs code/);
    expect(reasonOf('JaVaScRiPt:alert(1)')).toMatch(/^A javascript: URL runs code/);
    expect(reasonOf('ftp://files.example.com/')).toContain('this URL starts with "ftp:"');
    expect(reasonOf('file:///etc/passwd')).toContain('this URL starts with "file:"');
    expect(reasonOf('data:text/html,<script>')).toContain('this URL starts with "data:"');
  });

  it('white space and invisible characters inside: which one, and where', () => {
    const spaced = 'https://api.example.com/my resource';
    expect(reasonOf(spaced)).toBe(
      `The URL has a space at character ${spaced.indexOf(' ') + 1}: remove it (a space inside a path is written %20).`,
    );
    expect(reasonOf('https://api.example.com/a\tb')).toContain('white space (U+0009, a tab) at character 26');
    expect(reasonOf('https://api.example.com/a\nb')).toContain('white space (U+000A) at character 26');
    expect(reasonOf('https://api.example.com/\u202eab')).toContain(
      'an invisible character (U+202E right-to-left override) at character 25',
    );
    expect(reasonOf('https://exa\u200bmple.com/')).toContain(
      'an invisible character (U+200B zero-width space) at character 12',
    );
  });

  it('hosts and ports the URL parser refuses', () => {
    expect(reasonOf('https://')).toBe('The URL has no host name after its scheme.');
    expect(reasonOf('https://api.example.com:99999/')).toMatch(/^The port "99999" is not a port number/);
    expect(reasonOf('https://[::1/')).toMatch(/^This is not a URL curl could reach/);
  });

  it('white space at the ends is dropped, and a URL is written as the browser reads it', () => {
    expect(checkEndpoint('  https://api.example.com/x \n')).toEqual({
      status: 'ok',
      url: 'https://api.example.com/x',
      warnings: [],
    });
    // RFC 3492 punycode of "bücher", and UTF-8 percent-encoding of "ä" (RFC 3986 §2.5).
    expect(checkEndpoint('https://bücher.example/ä')).toEqual({
      status: 'ok',
      url: 'https://xn--bcher-kva.example/%C3%A4',
      warnings: [],
    });
  });

  it('warns about credentials in the URL and about http:// beyond this machine', () => {
    const credentials = checkEndpoint('https://user:pass@api.example.com/x');
    expect(credentials.status).toBe('ok');
    expect(credentials.status === 'ok' && credentials.warnings).toEqual([
      expect.stringContaining('user name or password in it ("user:pass@")'),
    ]);
    const plain = checkEndpoint('http://api.example.com/x');
    expect(plain.status === 'ok' && plain.warnings).toEqual([
      expect.stringContaining('http:// sends the tokens unencrypted'),
    ]);
    for (const local of ['http://localhost:3000/x', 'http://127.0.0.1:8080', 'http://[::1]:8080/'])
      expect(checkEndpoint(local), local).toMatchObject({ status: 'ok', warnings: [] });
  });
});
