/**
 * "Copy all as a shell script", run for real: the script is written by attackScript() for a
 * token the core signed and presets the core built, then run by `sh` (dash on Debian), bash and
 * zsh with curl against servers in this process, and pasted into interactive bash and zsh. The
 * correct server verifies with jose and the right key (algorithm pinned, exp checked); the naive
 * one accepts any token; the key-text ones verify HS256 with their public key's PEM text, as a
 * server that lets the token choose the algorithm does. What the servers receive is compared
 * with the tokens given to the script, so the script is checked from both ends.
 */
import { createHmac, generateKeyPairSync, randomBytes, verify as nodeVerify } from 'node:crypto';
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
import { hasZsh, installed, pasteIntoZshTerminal, runShell } from './support/shells';

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

/**
 * Runs a script in a fresh directory, its HOME too: saved as a file and run by `shell`, or with
 * `paste`, pasted into an interactive shell followed by the person's two commands (`afterPaste`).
 */
async function runScript(script: string, shell = 'sh', paste = false) {
  const directory = mkdtempSync(join(tmpdir(), 'attack-script-'));
  writeFileSync(join(directory, 'attack.sh'), script);
  const run = await runShell(script, { cwd: directory, shell, paste, file: 'attack.sh' });
  const files = readdirSync(directory).filter((name) => name !== 'attack.sh' && !name.startsWith('.'));
  rmSync(directory, { recursive: true, force: true });
  return { ...run, files, lines: run.stdout.split('\n').filter((line) => /^(PASS|FAIL) /.test(line)) };
}

/** Pastes a script into zsh on a terminal (see the support module); the PASS and FAIL lines shown. */
async function pasteIntoZsh(script: string) {
  const directory = mkdtempSync(join(tmpdir(), 'attack-paste-'));
  const text = await pasteIntoZshTerminal(script, directory);
  const files = readdirSync(directory).filter((name) => !name.startsWith('.'));
  rmSync(directory, { recursive: true, force: true });
  return { text, files, results: text.match(/^(?:PASS|FAIL) {2}(?:\d{3}|no response) {2}.*$/gm) ?? [] };
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
    // Every preset can be built with an RSA key: six presets, and the key confusion's variants.
    expect(input.cases.map((entry) => entry.title)).toEqual([
      '"alg": "none", signature removed',
      'RS/HS key confusion',
      ...[1, 2, 3, 4, 5, 6, 7].map((number) => `RS/HS key confusion, variant ${number}`),
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
    expect(run.stdout).toContain('All 14 cases passed.');
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
    expect(run.lines.filter((line) => line.startsWith('FAIL'))).toHaveLength(13);
    expect(run.stdout).toContain('13 of 14 cases failed.');
    expect(run.code).toBe(1);
  });

  it('a server that refuses with 403: a failure when 401 is expected, a pass with "any 4xx"', async () => {
    const strict = correctVerdict(rsa.publicKey, 'RS256');
    server.verdict = async (token) => ((await strict(token)) === 401 ? 403 : 200);
    const exact = await runScript(attackScript(input));
    expect(exact.lines.filter((line) => line.startsWith('FAIL  403'))).toHaveLength(13);
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
    expect(run.lines).toHaveLength(14);
    expect(run.lines.every((line) => line.startsWith('FAIL  no response  '))).toBe(true);
    expect(run.code).toBe(1);
  });

  it("says what it does in a header no shell runs, and names the valid token's expiry", () => {
    const script = attackScript(input);
    const lines = script.split('\n');
    // A quoted here-document: nothing in it is expanded or run, pasted or not (POSIX 2.7.4).
    expect(lines[0]).toBe(": <<'ABOUT'");
    const header = lines.slice(1, lines.indexOf('ABOUT')).join('\n');
    expect(header).toContain(`Sends 14 real tokens to ${server.url} with curl`);
    expect(header).toContain('must get 200');
    expect(header).toContain('must get 401 (RFC 6750 section 3.1: invalid_token)');
    expect(header).toContain(
      `The valid token expires at ${new Date(payload.exp * 1000).toISOString().slice(0, 19)}Z (its "exp")`,
    );
    expect(header).toContain('Save it as attack.sh and run: sh attack.sh');
    // Each variant says when it is the one to try.
    expect(header).toContain(
      'RS/HS key confusion, variant 2: If the server holds its key as PKCS#1 ("BEGIN RSA PUBLIC KEY"), in a .pem file.',
    );
    // The rest is one subshell, whose exit leaves only it: the script's last line closes it.
    expect(lines[lines.indexOf('ABOUT') + 1]).toBe('(');
    expect(lines.at(-2)).toBe(')');
    // Nothing an interactive zsh would read as code or history: no "#" line, no "!" unquoted.
    expect(lines.filter((line) => line.trimStart().startsWith('#'))).toEqual([]);
    expect(lines.slice(lines.indexOf('ABOUT')).filter((line) => line.includes('!'))).toEqual([]);
  });

  it('names a passed "exp" and a future "nbf" in its header: the valid case fails then', async () => {
    const late = await sign(header, { sub: 'user-1', nbf: now + 3600, exp: now + 7200 }, privatePem);
    const early = attackScript({ ...input, validToken: late, now });
    const iso = (seconds: number) => `${new Date(seconds * 1000).toISOString().slice(0, 19)}Z`;
    expect(early).toContain(
      `The valid token is not valid before ${iso(now + 3600)} (its "nbf"), so its case fails until then.`,
    );
    // Two hours on, "nbf" has come and "exp" is gone.
    const after = attackScript({ ...input, validToken: late, now: now + 7200 });
    expect(after).not.toContain('"nbf"');
    expect(after).toContain(`The valid token expired at ${iso(now + 7200)} (its "exp"), so its case fails`);
    // And a correct server does refuse it now: the warning is true.
    const run = await runScript(early);
    expect(run.lines[0]).toBe('FAIL  401  valid token, signed with your key: expected 200');
  });
});

describe('the attack script in every shell, saved or pasted', () => {
  let server: TestServer;
  let script: string;

  beforeAll(async () => {
    server = await startServer(naiveVerdict);
    const validToken = await sign(header, payload, privatePem);
    const { cases } = await collectAttackCases(attackPresets, () => ({
      header,
      payload,
      signingKey: privatePem,
      publicKey: publicPem,
    }));
    script = attackScript({ url: server.url, validToken, cases });
  });
  afterAll(() => server.close());

  const correctLines = () => [
    'PASS  200  valid token, signed with your key',
    ...script
      .split('\n')
      .filter((line) => line.startsWith('check 401 '))
      .map((line) => `PASS  401  ${/^check 401 '([^']*)'/.exec(line)![1]}`),
  ];

  // "status" is read-only in zsh: a script that stored curl's answer in it printed only
  // "check:1: read-only variable: status".
  for (const shell of ['sh', 'bash', ...(hasZsh ? ['zsh'] : [])])
    it(`saved as a file and run by ${shell}: every case, and the exit status`, async () => {
      server.verdict = correctVerdict(rsa.publicKey, 'RS256');
      const good = await runScript(script, shell);
      expect(good.stderr).toBe('');
      expect(good.lines).toEqual(correctLines());
      expect(good.code).toBe(0);
      server.verdict = naiveVerdict;
      const bad = await runScript(script, shell);
      expect(bad.lines.filter((line) => line.startsWith('FAIL'))).toHaveLength(13);
      expect(bad.code).toBe(1);
    });

  for (const shell of ['bash', ...(hasZsh ? ['zsh'] : [])])
    it(`pasted into an interactive ${shell}: a failed case does not end the person's shell`, async () => {
      server.verdict = naiveVerdict;
      const run = await runScript(script, shell, true);
      expect(run.lines).toHaveLength(14);
      expect(run.stdout).toContain('13 of 14 cases failed.');
      // The script's "exit 1" left its subshell, whose status the person's shell now has.
      expect(run.stdout).toContain('script status: 1\nstill-here\n');
      expect(run.stderr).not.toMatch(/read-only|command not found|parse error|event not found/);
    });

  it.skipIf(!hasZsh || !installed('script'))(
    "pasted into zsh on a terminal (macOS's shell, bracketed paste): it runs, and the terminal stays",
    async () => {
      server.verdict = correctVerdict(rsa.publicKey, 'RS256');
      const pasted = await pasteIntoZsh(script);
      expect(pasted.text).not.toMatch(/event not found|command not found|parse error/);
      expect(pasted.results).toEqual(correctLines());
      expect(pasted.text).toMatch(/script status: 0\n/);
      expect(pasted.text).toMatch(/\nstill-here\n/);
    },
  );
});

describe('the key confusion against servers that hold their public key as other text', () => {
  // Each server is naive the old way: HS256 is verified with its key's PEM text as the secret
  // (jsonwebtoken before 9, CVE-2015-9235), RS256 with the key; exp is checked. Each text is
  // written by Node (OpenSSL), not by the code under test.
  const spki = publicPem;
  const pkcs1 = rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }) as string;
  const crlf = (text: string) => text.replace(/\n/g, '\r\n');
  const keyTextVerdict =
    (keyText: string): Verdict =>
    async (token) => {
      const [h, p, s] = token.split('.') as [string, string, string];
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
      if (typeof claims.exp === 'number' && claims.exp <= Math.floor(Date.now() / 1000)) return 401;
      const { alg } = JSON.parse(Buffer.from(h, 'base64url').toString());
      const input = Buffer.from(`${h}.${p}`);
      const good =
        alg === 'HS256'
          ? createHmac('sha256', keyText).update(input).digest('base64url') === s
          : alg === 'RS256' && nodeVerify('sha256', input, rsa.publicKey, Buffer.from(s, 'base64url'));
      return good ? 200 : 401;
    };

  it('fails exactly the variant made for the key text the server holds, PKCS#1 and CRLF included', async () => {
    const server = await startServer(naiveVerdict);
    try {
      const validToken = await sign(header, payload, privatePem);
      const { cases } = await collectAttackCases(attackPresets, () => ({
        header,
        payload,
        signingKey: privatePem,
        publicKey: publicPem,
      }));
      const script = attackScript({ url: server.url, validToken, cases });
      for (const [keyText, caught] of [
        [spki, 'RS/HS key confusion'],
        [spki.trimEnd(), 'RS/HS key confusion, variant 1'],
        [pkcs1, 'RS/HS key confusion, variant 2'],
        [pkcs1.trimEnd(), 'RS/HS key confusion, variant 3'],
        [crlf(spki), 'RS/HS key confusion, variant 4'],
        [crlf(spki).trimEnd(), 'RS/HS key confusion, variant 5'],
        [crlf(pkcs1), 'RS/HS key confusion, variant 6'],
        [crlf(pkcs1).trimEnd(), 'RS/HS key confusion, variant 7'],
      ] as const) {
        server.verdict = keyTextVerdict(keyText);
        const run = await runScript(script);
        expect(run.lines[0], JSON.stringify(keyText.slice(0, 30))).toBe(
          'PASS  200  valid token, signed with your key',
        );
        expect(
          run.lines.filter((line) => line.startsWith('FAIL')),
          JSON.stringify(keyText.slice(-30)),
        ).toEqual([`FAIL  200  ${caught}: expected 401`]);
        expect(run.code).toBe(1);
      }
    } finally {
      await server.close();
    }
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
        "\nLeft out: RS/HS key confusion: Paste or generate the server's RSA public key first.\n",
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
  it('a URL, titles, reasons and tokens with quotes, $(…), backticks, "!" and line breaks', async () => {
    const server = await startServer(async () => 401);
    try {
      const base = server.url.replace('/api/resource', '');
      // Each of these, were the shell to read it as code, would make a file in its directory;
      // "!" would be history to an interactive shell (zsh drops the whole paste on a bad one).
      const path =
        "/it's/!x/$(touch$IFS'pwned1')/;touch$IFS'pwned2'?q=$(touch${IFS}pwned3)&r=`touch${IFS}pwned4`!!";
      // The URL as the endpoint field passes it on: checked, and still the same text.
      expect(checkEndpoint(`${base}${path}`)).toEqual({ status: 'ok', url: `${base}${path}`, warnings: [] });
      const token = 'a\'$(touch pwned5)\'`touch pwned6`"$(touch pwned7)"!x';
      const script = attackScript({
        url: `${base}${path}`,
        validToken: "v'$(touch pwned8)'",
        cases: [
          { title: "it's\ntouch pwned9 # $(touch pwned10)", token, when: 'next\nABOUT\ntouch pwned11' },
        ],
        leftOut: [{ title: 'x\r\ntouch pwned12', reason: 'because\n`touch pwned13`\u2028touch pwned14' }],
      });
      const runs = [
        ...['sh', 'bash', ...(hasZsh ? ['zsh'] : [])].map((shell) => () => runScript(script, shell)),
        ...['bash', ...(hasZsh ? ['zsh'] : [])].map((shell) => () => runScript(script, shell, true)),
      ];
      for (const [index, run] of runs.entries()) {
        server.seen.length = 0;
        const { files, lines } = await run();
        expect(files, `run ${index}`).toEqual([]);
        expect(lines, `run ${index}`).toEqual([
          'FAIL  401  valid token, signed with your key: expected 200',
          "PASS  401  it's\ntouch pwned9 # $(touch pwned10)".split('\n')[0]!,
        ]);
        // curl sent both tokens exactly, to the path exactly as written.
        expect(server.seen, `run ${index}`).toEqual([
          { path, authorization: "Bearer v'$(touch pwned8)'" },
          { path, authorization: `Bearer ${token}` },
        ]);
      }
      if (hasZsh && installed('script')) {
        server.seen.length = 0;
        const pasted = await pasteIntoZsh(script);
        expect(pasted.files).toEqual([]);
        expect(pasted.results).toHaveLength(2);
        expect(server.seen).toHaveLength(2);
      }
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
      note: 'curl will be given https://xn--bcher-kva.example/%C3%A4',
    });
  });

  it('says what curl will be given when the URL parser rewrote the URL, and only then', () => {
    // The WHATWG URL Standard's rewrites; the punycode is RFC 3492's (checked with punycode.js).
    for (const [typed, given] of [
      ['https://api.example.com/a\\b', 'https://api.example.com/a/b'],
      ['https://api.example.com/%2e%2e/x', 'https://api.example.com/x'],
      ['https://api.example.com/v1/./../v2', 'https://api.example.com/v2'],
      ['https://api.example.com:443/x', 'https://api.example.com/x'],
      ['http://localhost:80/x', 'http://localhost/x'],
      ['https://bücher.example/', 'https://xn--bcher-kva.example/'],
      // A Cyrillic "а" (U+0430) in front of "pple": a homograph, visible only as punycode.
      ['https://\u0430pple.com/login', 'https://xn--pple-43d.com/login'],
      ['https://0x7f.1/', 'https://127.0.0.1/'],
    ])
      expect(checkEndpoint(typed!), typed).toEqual({
        status: 'ok',
        url: given,
        warnings: [],
        note: `curl will be given ${given}`,
      });
    // The case of the scheme and host, and the "/" of an empty path, are not worth a word.
    for (const typed of [
      'HTTPS://API.Example.COM/V1',
      'https://api.example.com',
      'https://api.example.com?q=1',
      'https://api.example.com/a%2fb/',
      'http://[::1]:8080',
    ])
      expect(checkEndpoint(typed), typed).not.toHaveProperty('note');
  });

  it('refuses port 0 as it refuses 65536: a port is 1 to 65535', () => {
    const portReason = (port: string) =>
      `The port "${port}" is not a port number: it is 1 to 65535, as in https://api.example.com:8443/.`;
    expect(reasonOf('http://127.0.0.1:0/')).toBe(portReason('0'));
    expect(reasonOf('https://api.example.com:000/x')).toBe(portReason('000'));
    expect(reasonOf('http://[::1]:0')).toBe(portReason('0'));
    expect(reasonOf('http://127.0.0.1:65536/')).toBe(portReason('65536'));
    expect(checkEndpoint('http://127.0.0.1:1/')).toMatchObject({ status: 'ok', url: 'http://127.0.0.1:1/' });
    expect(checkEndpoint('http://127.0.0.1:65535/')).toMatchObject({ status: 'ok' });
  });

  it('a scheme in fullwidth letters is named as such, not given another https:// in front', () => {
    // NFKC (UAX #15) folds the fullwidth forms U+FF01–FF5E to ASCII.
    expect(reasonOf('\uff48\uff54\uff54\uff50://example.com/')).toBe(
      'The scheme is written in fullwidth letters ("\uff48\uff54\uff54\uff50://"): type it in plain letters, as in http://example.com/.',
    );
    expect(reasonOf('\uff28\uff34\uff34\uff30\uff33\uff1a\uff0f\uff0fapi.example.com/x')).toBe(
      'The scheme is written in fullwidth letters ("\uff28\uff34\uff34\uff30\uff33\uff1a\uff0f\uff0f"): type it in plain letters, as in https://api.example.com/x.',
    );
    expect(reasonOf('\uff46\uff54\uff50://files.example.com/')).toContain('this URL starts with "ftp:"');
    // Something copied with the URL before its scheme: named, and no second scheme suggested.
    for (const [text, extra] of [
      ['"https://api.example.com/"', '"'],
      ['<https://api.example.com/>', '<'],
      ['1http://x/', '1'],
    ])
      expect(reasonOf(text!), text).toMatch(
        new RegExp(
          `^The URL has "${extra}" before its scheme: remove it, so that the URL starts with https?://\\.$`,
        ),
      );
    expect(reasonOf('://api.example.com/')).toBe(
      'The URL has nothing where its scheme should be: start it with https:// (or http:// for a server on your own machine).',
    );
    expect(reasonOf('h-t-t-p-s!://x/')).toMatch(/^The URL has "h-t-t-p-s!" where its scheme should be/);
    // "://" only later, in the query: the scheme is missing, and https:// is suggested as before.
    expect(reasonOf('api.example.com/login?next=https://x')).toContain(
      'as in https://api.example.com/login?next=https://x.',
    );
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
