/**
 * "Copy as an openssl command", run for real: every script is written by the core for a token
 * jose (or, for ES256K and Ed448, which jose lacks, the core's noble signer) made, saved in a temp
 * folder with the key files a person would save, and run by dash with the system's OpenSSL 3.
 * Deterministic signatures (HMAC, RSA PKCS#1 v1.5, EdDSA) must come out byte for byte as jose's;
 * randomised ones (RSA-PSS, ECDSA) must verify with jose's compactVerify (or the core's verify for
 * ES256K). The verifying scripts must say "Verified OK" and exit 0 for the token, and
 * "Verification failure" and exit 1 once the token is tampered with. A few are also run by bash
 * and zsh, saved and pasted into an interactive shell, which must still be there afterwards.
 */
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CompactSign,
  compactVerify,
  exportJWK,
  exportPKCS8,
  generateKeyPair,
  importPKCS8,
  importSPKI,
  type CryptoKey,
} from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { signatureAlgorithms } from '../../src/core/keys/algorithms';
import { generateKey } from '../../src/core/keys/generate';
import { sign } from '../../src/core/jws/sign';
import { verify } from '../../src/core/jws/verify';
import {
  opensslAlgorithms,
  opensslSignCommand,
  opensslSignScript,
  opensslVerifyCommand,
  opensslVerifyScript,
} from '../../src/core/jws/openssl-command';
import {
  fileShells,
  hasZsh,
  installed,
  interactiveShells,
  pasteIntoZshTerminal,
  runShell,
} from './support/shells';

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A fresh folder holding `files`, as a person would save them next to the script. */
function folderWith(files: Record<string, string> = {}): string {
  const folder = mkdtempSync(join(tmpdir(), 'openssl-command-'));
  folders.push(folder);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

/** Runs a script with dash (Debian's /bin/sh, a strict POSIX shell) in `folder`. */
function runScript(script: string, folder = folderWith()) {
  writeFileSync(join(folder, 'command.sh'), script);
  const result = spawnSync('dash', ['command.sh'], { cwd: folder, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function scriptOf(command: { ok: boolean; command?: string; reason?: string }): string {
  if (!command.ok) throw new Error(`no command: ${command.reason}`);
  return command.command!;
}

const payload = { sub: 'ada', iss: 'https://issuer.example', iat: 1700000000 };
const encoder = new TextEncoder();
const b64url = (text: string) => Buffer.from(text).toString('base64url');

/** The payload replaced by other claims: still a well-formed token, with a signature that no longer fits. */
function tampered(token: string): string {
  const [header, , signature] = token.split('.');
  return `${header}.${b64url(JSON.stringify({ ...payload, sub: 'eve' }))}.${signature}`;
}

// One key per family, made by Node's crypto (independent of the core), shared by its algorithms.
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ecKeys: Record<string, ReturnType<typeof generateKeyPairSync>> = {
  ES256: generateKeyPairSync('ec', { namedCurve: 'P-256' }),
  ES384: generateKeyPairSync('ec', { namedCurve: 'P-384' }),
  ES512: generateKeyPairSync('ec', { namedCurve: 'P-521' }),
};
const ed25519 = generateKeyPairSync('ed25519');

interface JoseCase {
  privatePem: string;
  publicPem: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

/** The PKCS#8 and SPKI PEMs of the key for `alg`, and jose's keys from them. */
async function joseKeys(alg: string): Promise<JoseCase> {
  const pair = alg.startsWith('ES') ? ecKeys[alg]! : alg.startsWith('Ed') ? ed25519 : rsa;
  const privatePem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const publicPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const joseAlg = alg === 'EdDSA' ? 'Ed25519' : alg;
  return {
    privatePem,
    publicPem,
    privateKey: await importPKCS8(privatePem, joseAlg, { extractable: true }),
    publicKey: await importSPKI(publicPem, joseAlg),
  };
}

const deterministic = (alg: string) => /^(HS|RS|Ed)/.test(alg);

describe('the scripts cover every signature algorithm the tool knows', () => {
  it('lists each one of algorithms.ts', () => {
    expect(opensslAlgorithms.sort()).toEqual(Object.keys(signatureAlgorithms).sort());
  });
});

describe('signing with openssl gives the Generator’s token (jose as the reference)', () => {
  const secretAlgs = ['HS256', 'HS384', 'HS512'];
  for (const alg of secretAlgs) {
    it(`${alg}: byte for byte, the secret as hex`, async () => {
      const secret = crypto.getRandomValues(new Uint8Array(64));
      const header = { alg, typ: 'JWT', kid: 'k1' };
      const token = await new CompactSign(encoder.encode(JSON.stringify(payload)))
        .setProtectedHeader(header)
        .sign(secret);
      const script = scriptOf(opensslSignScript(token, secret));
      const run = runScript(script);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(`${token}\n`);
      // An independent HMAC (node:crypto) agrees on the signature.
      const [h, p] = token.split('.');
      expect(run.stdout.trim().split('.')[2]).toBe(
        createHmac(`sha${alg.slice(2)}`, secret)
          .update(`${h}.${p}`)
          .digest('base64url'),
      );
    });
  }

  const keyAlgs = [
    'RS256',
    'RS384',
    'RS512',
    'PS256',
    'PS384',
    'PS512',
    'ES256',
    'ES384',
    'ES512',
    'EdDSA',
    'Ed25519',
  ];
  for (const alg of keyAlgs) {
    it(`${alg}: ${deterministic(alg) ? 'byte for byte' : 'verifies with jose'}, the key read from private.pem`, async () => {
      const keys = await joseKeys(alg);
      const token = await new CompactSign(encoder.encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg, typ: 'JWT' })
        .sign(keys.privateKey);
      const command = opensslSignScript(token);
      const script = scriptOf(command);
      expect(script).not.toContain('PRIVATE KEY');
      const run = runScript(script, folderWith({ 'private.pem': keys.privatePem }));
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const output = run.stdout.trim();
      if (deterministic(alg)) expect(output).toBe(token);
      else {
        // The same signing input, a fresh signature that jose accepts.
        expect(output.slice(0, output.lastIndexOf('.'))).toBe(token.slice(0, token.lastIndexOf('.')));
        const verified = await compactVerify(output, keys.publicKey, { algorithms: [alg] });
        expect(new TextDecoder().decode(verified.payload)).toBe(JSON.stringify(payload));
      }
    });
  }

  // jose has neither ES256K nor Ed448: the core signs them with @noble/curves, and openssl reads
  // the PKCS#8 PEM the core writes for them.
  it('ES256K: verifies with the core’s (noble) verify', async () => {
    const { signingKey, verificationKey } = await generateKey('ES256K', 'pem');
    const token = await sign({ alg: 'ES256K' }, payload, signingKey);
    const run = runScript(scriptOf(opensslSignScript(token)), folderWith({ 'private.pem': signingKey }));
    expect(run.stderr).toBe('');
    const output = run.stdout.trim();
    expect(output).not.toBe(token);
    expect((await verify(output, verificationKey)).status).toBe('valid');
    expect((await verify(tampered(output), verificationKey)).status).toBe('invalid-signature');
  });

  it('Ed448: byte for byte as the core’s (noble) signature', async () => {
    const { signingKey } = await generateKey('Ed448', 'pem');
    const token = await sign({ alg: 'Ed448' }, payload, signingKey);
    const run = runScript(scriptOf(opensslSignScript(token)), folderWith({ 'private.pem': signingKey }));
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`${token}\n`);
  });

  it('says what to do when private.pem is missing, and exits 2', async () => {
    const keys = await joseKeys('RS256');
    const token = await new CompactSign(encoder.encode('{}'))
      .setProtectedHeader({ alg: 'RS256' })
      .sign(keys.privateKey);
    const run = runScript(scriptOf(opensslSignScript(token)));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('private.pem');
  });

  it('says so when private.pem is a key of another curve, instead of printing a token', async () => {
    const keys = await joseKeys('ES256');
    const token = await new CompactSign(encoder.encode('{}'))
      .setProtectedHeader({ alg: 'ES256' })
      .sign(keys.privateKey);
    const other = ecKeys.ES512!.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const run = runScript(scriptOf(opensslSignScript(token)), folderWith({ 'private.pem': other }));
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('ES256');
  });
});

describe('the Generator’s command from the key as pasted (the core’s own importer)', () => {
  const hostileSecrets = [
    `it's "quoted" and $(touch pwned) and \`touch pwned\` and $HOME; ok`,
    'line one of the secret\nline two of the secret\n',
    ' spaces around the secret, kept as typed ',
    'ünïcödé ‮ bidi ⁦ and an emoji 🔑 to fill 32 bytes',
  ];
  for (const secret of hostileSecrets) {
    it(`a text secret survives the shell exactly: ${JSON.stringify(secret.slice(0, 24))}…`, async () => {
      const token = await sign({ alg: 'HS256' }, payload, secret);
      const command = await opensslSignCommand(token, secret);
      const folder = folderWith();
      const run = runScript(scriptOf(command), folder);
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(`${token}\n`);
      expect(existsSync(join(folder, 'pwned'))).toBe(false);
      // The script shows hex, never the secret's text.
      expect(scriptOf(command)).toContain(Buffer.from(secret).toString('hex'));
    });
  }

  it('a base64 secret of bytes that are not UTF-8 is signed with those bytes', async () => {
    const bytes = Uint8Array.from([0xff, 0x00, 0xfe, 0x27, 0x22, 0x0a, 0x80, ...new Array(41).fill(0xc3)]);
    const text = Buffer.from(bytes).toString('base64');
    const token = await sign({ alg: 'HS384' }, payload, text, { secretEncoding: 'base64' });
    const reference = await new CompactSign(encoder.encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: 'HS384' })
      .sign(bytes);
    expect(token).toBe(reference);
    const run = runScript(scriptOf(await opensslSignCommand(token, text, { secretEncoding: 'base64' })));
    expect(run.stdout).toBe(`${reference}\n`);
  });

  it('an oct JWK gives its "k" bytes', async () => {
    const { signingKey } = await generateKey('HS512');
    const token = await sign({ alg: 'HS512' }, payload, signingKey);
    const run = runScript(scriptOf(await opensslSignCommand(token, signingKey)));
    expect(run.stdout).toBe(`${token}\n`);
  });

  it('a kid with bidi characters is signed as the Generator encoded it, never re-encoded', async () => {
    const kid = 'admin\u202e\u2066txt.exe\u2069\u200b';
    const keys = await joseKeys('EdDSA');
    const header = { alg: 'EdDSA', kid };
    const token = await sign(header, payload, keys.privatePem);
    const reference = await new CompactSign(encoder.encode(JSON.stringify(payload)))
      .setProtectedHeader(header)
      .sign(keys.privateKey);
    expect(token).toBe(reference);
    const script = scriptOf(await opensslSignCommand(token, keys.privatePem));
    expect(script).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b]/);
    const run = runScript(script, folderWith({ 'private.pem': keys.privatePem }));
    expect(run.stdout).toBe(`${reference}\n`);
  });

  it('an unencoded payload (RFC 7797) with quotes, "$(…)" and a bidi character is signed as it travels', async () => {
    const header = { alg: 'HS256', b64: false, crit: ['b64'] };
    // No white space: the Verifier drops it from a pasted token (line breaks from copying), and
    // its command reads the token as the Verifier does.
    const content = { note: `it's"$(touch\tpwned)"\`x\`\u202e%s%d\\end'` };
    const secret = 'a secret of more than thirty-two bytes!';
    const token = await sign(header, content, secret);
    expect(token.split('.')[1]).toBe(JSON.stringify(content));
    const script = scriptOf(await opensslSignCommand(token, secret));
    expect(script).not.toContain('\u202e');
    const folder = folderWith();
    const run = runScript(script, folder);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`${token}\n`);
    expect(existsSync(join(folder, 'pwned'))).toBe(false);
    // And the Verifier's script checks it the same way.
    const check = runScript(scriptOf(await opensslVerifyCommand(token, secret)));
    expect([check.status, check.stdout]).toEqual([0, 'Verified OK\n']);
  });

  it('gives a reason, not a broken command, where there is nothing to sign', async () => {
    const unsigned = `${b64url('{"alg":"none"}')}.${b64url('{}')}.`;
    const none = opensslSignScript(unsigned);
    expect(none.ok).toBe(false);
    expect(!none.ok && none.reason).toContain('unsigned');
    const unknown = opensslSignScript(`${b64url('{"alg":"HS999"}')}.${b64url('{}')}.c2ln`);
    expect(!unknown.ok && unknown.reason).toContain('"HS999"');
    const jwe = opensslSignScript('a.b.c.d.e');
    expect(!jwe.ok && jwe.reason).toContain('JWE');
    const weak = await opensslSignCommand(`${b64url('{"alg":"HS256"}')}.${b64url('{}')}.c2ln`, '');
    expect(weak.ok).toBe(false);
  });
});

describe('verifying with openssl agrees with jose', () => {
  for (const alg of Object.keys(signatureAlgorithms)) {
    it(`${alg}: "Verified OK" for the token, "Verification failure" once tampered`, async () => {
      let token: string;
      let key: string;
      if (alg.startsWith('HS')) {
        key = Buffer.from(crypto.getRandomValues(new Uint8Array(64))).toString('base64url');
        token = await new CompactSign(encoder.encode(JSON.stringify(payload)))
          .setProtectedHeader({ alg })
          .sign(Buffer.from(key, 'base64url'));
      } else if (alg === 'ES256K' || alg === 'Ed448') {
        const pair = await generateKey(alg, 'pem');
        token = await sign({ alg }, payload, pair.signingKey);
        key = pair.verificationKey;
      } else {
        const keys = await joseKeys(alg);
        token = await new CompactSign(encoder.encode(JSON.stringify(payload)))
          .setProtectedHeader({ alg })
          .sign(keys.privateKey);
        key = keys.publicPem;
      }
      const options = alg.startsWith('HS') ? { secretEncoding: 'base64url' as const } : {};
      const good = runScript(scriptOf(await opensslVerifyCommand(token, key, options)));
      expect(good.stderr).toBe('');
      expect([good.status, good.stdout]).toEqual([0, 'Verified OK\n']);
      const bad = runScript(scriptOf(await opensslVerifyCommand(tampered(token), key, options)));
      expect([bad.status, bad.stdout]).toEqual([1, 'Verification failure\n']);
      // A signature from another token (the right length, the wrong bytes) fails too.
      const [h, p] = token.split('.');
      const other = token.split('.')[2]!.split('').reverse().join('');
      const swapped = runScript(scriptOf(await opensslVerifyCommand(`${h}.${p}.${other}`, key, options)));
      expect(swapped.status).toBe(1);
    });
  }

  it('takes a JWK, a private key (writing only its public half) or a certificate’s key', async () => {
    const keys = await joseKeys('ES384');
    const token = await new CompactSign(encoder.encode('{"a":1}'))
      .setProtectedHeader({ alg: 'ES384' })
      .sign(keys.privateKey);
    const privateJwk = JSON.stringify(await exportJWK(keys.privateKey));
    // A certificate for the key, made by openssl itself.
    const folder = folderWith({ 'private.pem': keys.privatePem });
    const made = spawnSync(
      'openssl',
      ['req', '-x509', '-new', '-key', 'private.pem', '-subj', '/CN=openssl-command test', '-days', '1'],
      { cwd: folder, encoding: 'utf8' },
    );
    expect(made.stdout).toContain('BEGIN CERTIFICATE');
    for (const key of [
      JSON.stringify(await exportJWK(keys.publicKey)),
      privateJwk,
      keys.privatePem,
      made.stdout,
    ]) {
      const script = scriptOf(await opensslVerifyCommand(token, key));
      expect(script).not.toContain('PRIVATE');
      expect(script).not.toContain('CERTIFICATE');
      expect(script).toContain(keys.publicPem.trim());
      expect(script).not.toContain(JSON.parse(privateJwk).d);
      expect(runScript(script).stdout).toBe('Verified OK\n');
    }
  });

  it('takes the key a JWKS names by the token’s kid, and tries every fitting key when there is no kid', async () => {
    const [one, two] = await Promise.all([generateKeyPair('RS256'), generateKeyPair('RS256')]);
    const jwks = JSON.stringify({
      keys: [
        { ...(await exportJWK(one.publicKey)), kid: 'one' },
        { ...(await exportJWK(two.publicKey)), kid: 'two' },
      ],
    });
    const named = await new CompactSign(encoder.encode('{}'))
      .setProtectedHeader({ alg: 'RS256', kid: 'two' })
      .sign(two.privateKey);
    const namedScript = scriptOf(await opensslVerifyCommand(named, jwks));
    expect(namedScript.match(/BEGIN PUBLIC KEY/g)).toHaveLength(1);
    expect(runScript(namedScript).stdout).toBe('Verified OK\n');
    const anonymous = await new CompactSign(encoder.encode('{}'))
      .setProtectedHeader({ alg: 'RS256' })
      .sign(two.privateKey);
    const command = await opensslVerifyCommand(anonymous, jwks);
    expect(scriptOf(command).match(/BEGIN PUBLIC KEY/g)).toHaveLength(2);
    expect(command.ok && command.note).toContain('2 keys');
    expect(runScript(scriptOf(command)).stdout).toBe('Verified OK\n');
    // Signed by neither key of the set.
    const third = await generateKeyPair('RS256');
    const stranger = await new CompactSign(encoder.encode('{}'))
      .setProtectedHeader({ alg: 'RS256' })
      .sign(third.privateKey);
    expect(runScript(scriptOf(await opensslVerifyCommand(stranger, jwks))).status).toBe(1);
  });

  it('reads the token as the Verifier does ("Bearer " and white space dropped)', async () => {
    const secret = 'a secret of more than thirty-two bytes!';
    const token = await sign({ alg: 'HS256' }, payload, secret);
    const run = runScript(scriptOf(await opensslVerifyCommand(`  Bearer ${token}\n`, secret)));
    expect(run.stdout).toBe('Verified OK\n');
  });

  it('gives the importer’s reason when the key does not fit, and one for tokens it cannot take', async () => {
    const keys = await joseKeys('RS256');
    const token = await new CompactSign(encoder.encode('{}'))
      .setProtectedHeader({ alg: 'ES256' })
      .sign((await joseKeys('ES256')).privateKey);
    const mismatch = await opensslVerifyCommand(token, keys.publicPem);
    expect(!mismatch.ok && mismatch.reason).toContain('ES256');
    const json = await opensslVerifyCommand(
      JSON.stringify({ payload: 'e30', protected: b64url('{"alg":"HS256"}'), signature: 'AA' }),
      'x'.repeat(32),
    );
    expect(!json.ok && json.reason).toContain('JSON serialization');
    expect(opensslVerifyScript(token, { secrets: [] }).ok).toBe(false);
  });
});

/** r and s of a JWS ECDSA signature (RFC 7518 §3.4), each `size` bytes. */
function rAndS(token: string, size: number) {
  const bytes = Buffer.from(token.split('.')[2]!, 'base64url');
  return { r: bytes.subarray(0, size), s: bytes.subarray(size) };
}

describe('ECDSA numbers with leading zero bytes (DER drops them, a JWS keeps them)', () => {
  // r or s below 2^248 happens once in 256 signatures per value for P-256: loop until it does.
  async function tokenWhere(alg: 'ES256' | 'ES512', size: number, wanted: (r: Buffer, s: Buffer) => boolean) {
    const keys = await joseKeys(alg);
    for (let attempt = 0; attempt < 20000; attempt++) {
      const token = await new CompactSign(encoder.encode(`{"n":${attempt}}`))
        .setProtectedHeader({ alg })
        .sign(keys.privateKey);
      const { r, s } = rAndS(token, size);
      if (wanted(r, s)) return { token, keys };
    }
    throw new Error('no such signature in 20000 attempts');
  }

  for (const [label, wanted] of [
    ['r starts with a zero byte', (r: Buffer) => r[0] === 0],
    ['s starts with a zero byte', (_r: Buffer, s: Buffer) => s[0] === 0],
  ] as const) {
    it(`the Verifier's script reads ES256 where ${label}`, async () => {
      const { token, keys } = await tokenWhere('ES256', 32, wanted);
      const run = runScript(scriptOf(await opensslVerifyCommand(token, keys.publicPem)));
      expect([run.status, run.stdout]).toEqual([0, 'Verified OK\n']);
      expect(runScript(scriptOf(await opensslVerifyCommand(tampered(token), keys.publicPem))).status).toBe(1);
    });
  }

  it('the Verifier’s script reads ES512 (66-byte values) where r starts with two zero bytes', async () => {
    // P-521 values have 521 bits: the first byte is 0 or 1, and a zero second byte is 1 in 256.
    const { token, keys } = await tokenWhere('ES512', 66, (r) => r[0] === 0 && r[1] === 0);
    const run = runScript(scriptOf(await opensslVerifyCommand(token, keys.publicPem)));
    expect([run.status, run.stdout]).toEqual([0, 'Verified OK\n']);
  });

  it('the Generator’s script pads r and s that openssl wrote short (ES256 and ES512)', async () => {
    for (const [alg, size] of [
      ['ES256', 32],
      ['ES512', 66],
    ] as const) {
      const keys = await joseKeys(alg);
      const token = await new CompactSign(encoder.encode('{}'))
        .setProtectedHeader({ alg })
        .sign(keys.privateKey);
      const folder = folderWith({ 'private.pem': keys.privatePem });
      writeFileSync(join(folder, 'command.sh'), scriptOf(opensslSignScript(token)));
      // Many signings in one shell run, until both a short r and a short s have come out.
      const seen = { r: false, s: false };
      for (let batch = 0; batch < 20 && !(seen.r && seen.s); batch++) {
        const run = spawnSync(
          'dash',
          ['-c', 'i=0; while [ $i -lt 150 ]; do dash command.sh || exit 1; i=$((i + 1)); done'],
          {
            cwd: folder,
            encoding: 'utf8',
            maxBuffer: 1 << 24,
          },
        );
        expect(run.status, run.stderr).toBe(0);
        for (const output of run.stdout.trim().split('\n')) {
          const { r, s } = rAndS(output, size);
          expect(r.length + s.length).toBe(size * 2);
          const shortR = r[0] === 0;
          const shortS = s[0] === 0;
          if ((shortR && !seen.r) || (shortS && !seen.s)) {
            await compactVerify(output, keys.publicKey, { algorithms: [alg] });
            seen.r ||= shortR;
            seen.s ||= shortS;
          }
        }
      }
      expect(seen).toEqual({ r: true, s: true });
    }
  }, 120_000);
});

describe('the scripts in every shell, saved or pasted into a terminal', () => {
  /** Runs `script` saved as a file by `shell`, or pasted; its own TMPDIR, to see it tidies up. */
  async function inShell(script: string, shell: string, paste: boolean, files: Record<string, string> = {}) {
    const folder = folderWith(files);
    const temporary = mkdtempSync(join(tmpdir(), 'openssl-tmp-'));
    folders.push(temporary);
    writeFileSync(join(folder, 'command.sh'), script);
    const run = await runShell(script, {
      cwd: folder,
      shell,
      paste,
      file: 'command.sh',
      env: { TMPDIR: temporary },
    });
    expect(readdirSync(temporary), 'the work folder is removed').toEqual([]);
    return run;
  }

  /** Pasted: the script's lines, then the status the person's shell got, and it is still there. */
  function expectPasted(run: { stdout: string; stderr: string }, output: string, status: number) {
    expect(run.stdout).toContain(`${output}script status: ${status}\nstill-here\n`);
    expect(run.stderr).not.toMatch(
      /event not found|command not found|parse error|read-only|unbound|bad pattern/,
    );
  }

  const secret = crypto.getRandomValues(new Uint8Array(32));
  const cases = [
    { alg: 'HS256', random: false },
    { alg: 'ES256', random: true },
    { alg: 'EdDSA', random: false },
  ];
  for (const { alg, random } of cases) {
    it(`${alg} signing: the token (${random ? 'a fresh one jose verifies' : 'byte for byte'}) from sh, bash and zsh, saved or pasted`, async () => {
      const keys = alg === 'HS256' ? undefined : await joseKeys(alg);
      const token = await new CompactSign(encoder.encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg, typ: 'JWT' })
        .sign(keys ? keys.privateKey : secret);
      const script = scriptOf(opensslSignScript(token, keys ? undefined : secret));
      const files: Record<string, string> = keys ? { 'private.pem': keys.privatePem } : {};
      const check = async (output: string) => {
        if (!random) return expect(output).toBe(token);
        expect(output.slice(0, output.lastIndexOf('.'))).toBe(token.slice(0, token.lastIndexOf('.')));
        await compactVerify(output, keys!.publicKey, { algorithms: [alg] });
      };
      for (const shell of fileShells) {
        const run = await inShell(script, shell, false, files);
        expect([run.code, run.stderr], shell).toEqual([0, '']);
        await check(run.stdout.trim());
      }
      for (const shell of interactiveShells) {
        const run = await inShell(script, shell, true, files);
        const printed = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/m.exec(run.stdout)?.[0] ?? '';
        expectPasted(run, `${printed}\n`, 0);
        await check(printed);
      }
    });
  }

  it('verifying: "Verified OK" (0) and, once tampered, "Verification failure" (1), and the shell stays', async () => {
    const keys = await joseKeys('ES384');
    const token = await new CompactSign(encoder.encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: 'ES384' })
      .sign(keys.privateKey);
    for (const [given, output, status] of [
      [token, 'Verified OK\n', 0],
      [tampered(token), 'Verification failure\n', 1],
    ] as const) {
      const script = scriptOf(await opensslVerifyCommand(given, keys.publicPem));
      for (const shell of fileShells) {
        const run = await inShell(script, shell, false);
        expect([run.code, run.stdout, run.stderr], shell).toEqual([status, output, '']);
      }
      for (const shell of interactiveShells) expectPasted(await inShell(script, shell, true), output, status);
    }
  });

  it.skipIf(!hasZsh || !installed('script'))(
    "pasted into zsh on a terminal (macOS's shell): a failed verification leaves the terminal there",
    async () => {
      const keys = await joseKeys('RS256');
      const token = await new CompactSign(encoder.encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: 'RS256' })
        .sign(keys.privateKey);
      const shown = await pasteIntoZshTerminal(
        scriptOf(await opensslVerifyCommand(tampered(token), keys.publicPem)),
        folderWith(),
      );
      expect(shown).not.toMatch(/event not found|command not found|parse error/);
      expect(shown).toMatch(/\nVerification failure\n/);
      expect(shown).toMatch(/script status: 1\n/);
      expect(shown).toMatch(/\nstill-here\n/);
    },
  );

  it('an unencoded payload with "!" and "$(…)" is signed as it travels when pasted into zsh', async () => {
    const header = { alg: 'HS256', b64: false, crit: ['b64'] };
    const content = { note: `it's!!"$(touch\tpwned)"!$\`x\`` };
    const key = 'a secret of more than thirty-two bytes!';
    const token = await sign(header, content, key);
    const script = scriptOf(await opensslSignCommand(token, key));
    for (const shell of interactiveShells) {
      const folder = folderWith();
      const run = await runShell(script, { cwd: folder, shell, paste: true });
      expectPasted(run, `${token}\n`, 0);
      expect(existsSync(join(folder, 'pwned'))).toBe(false);
    }
  });

  it('has no "#" line, no "!" and no shebang: a header no shell runs, then one subshell', async () => {
    const keys = await joseKeys('ES256');
    const token = await new CompactSign(encoder.encode('{}'))
      .setProtectedHeader({ alg: 'ES256' })
      .sign(keys.privateKey);
    const hmac = await sign({ alg: 'HS256' }, payload, 'a secret of more than thirty-two bytes');
    for (const script of [
      scriptOf(opensslSignScript(token)),
      scriptOf(await opensslVerifyCommand(token, keys.publicPem)),
      scriptOf(opensslSignScript(hmac, encoder.encode('x'.repeat(64)))),
      scriptOf(await opensslVerifyCommand(hmac, 'a secret of more than thirty-two bytes')),
    ]) {
      const lines = script.split('\n');
      expect(lines[0]).toBe(": <<'ABOUT'");
      const end = lines.indexOf('ABOUT');
      expect(lines.slice(1, end).join(' ')).toMatch(/paste it into a terminal/);
      expect(lines[end + 1]).toBe('(');
      expect(lines.at(-2)).toBe(')');
      expect(lines.filter((line) => line.trimStart().startsWith('#'))).toEqual([]);
      expect(lines.slice(end).filter((line) => line.includes('!'))).toEqual([]);
    }
  });
});
