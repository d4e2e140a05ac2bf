import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { curlCommand, jwtCliCommand, shellQuote } from '../../src/features/generator/commands';
import { editClaims, randomJti } from '../../src/features/generator/claims';

describe('"Copy as" commands', () => {
  it('quotes any text so a real shell gives it back unchanged', () => {
    for (const text of [`it's`, `a "b" $HOME \`x\` \\ ;|&`, `line\nbreak`, `''`]) {
      expect(execFileSync('sh', ['-c', `printf %s ${shellQuote(text)}`]).toString()).toBe(text);
    }
  });

  it('builds a curl command with the Authorization: Bearer header', () => {
    const words = execFileSync('sh', ['-c', `for w in ${curlCommand('a.b.c').slice(5)}; do echo "$w"; done`])
      .toString()
      .trim()
      .split('\n');
    expect(words).toEqual(['-H', 'Authorization: Bearer a.b.c', 'https://api.example.com/resource']);
  });

  it('builds a jwt-cli command with alg, kid, the secret and the claims', () => {
    const hmac = jwtCliCommand({
      header: { alg: 'HS256', kid: 'k1', typ: 'JWT' },
      payload: { sub: 'ada' },
      key: "s3cr'et",
    });
    expect(hmac).toEqual({
      ok: true,
      command: `jwt encode --alg HS256 --kid='k1' --no-iat --secret 's3cr'\\''et' '{"sub":"ada"}'`,
      note: '',
    });
    const bytes = jwtCliCommand({
      header: { alg: 'HS256' },
      payload: {},
      key: '{"kty":"oct"}',
      secretBytes: Uint8Array.from([0xfb, 0xff]),
    });
    expect(bytes.ok && bytes.command).toContain(`--secret 'b64:+/8='`);
    const rsa = jwtCliCommand({ header: { alg: 'PS256', jku: 'x' }, payload: { sub: 'a' }, key: 'pem' });
    expect(rsa.ok && rsa.command).toContain('--secret @private.pem');
    expect(rsa.ok && rsa.note).toContain('"jku"');
  });

  // jwt-cli's SupportedAlgorithms (src/cli_config.rs in mike-engel/jwt-cli): HS256/384/512,
  // RS256/384/512, PS256/384/512, ES256, ES384 and EdDSA, which clap parses upper-cased ("EDDSA",
  // as its own tests pass it: `-A EDDSA`).
  it('writes --alg as jwt-cli parses it, for every algorithm jwt-cli has', () => {
    const expected: Record<string, string> = {
      HS256: 'HS256',
      HS384: 'HS384',
      HS512: 'HS512',
      RS256: 'RS256',
      RS384: 'RS384',
      RS512: 'RS512',
      PS256: 'PS256',
      PS384: 'PS384',
      PS512: 'PS512',
      ES256: 'ES256',
      ES384: 'ES384',
      EdDSA: 'EDDSA',
    };
    for (const [alg, cliAlg] of Object.entries(expected)) {
      const result = jwtCliCommand({ header: { alg }, payload: { sub: 'a' }, key: 'k' });
      expect(result.ok, alg).toBe(true);
      expect(result.ok && result.command.split(' ').slice(0, 4).join(' ')).toBe(`jwt encode --alg ${cliAlg}`);
    }
  });

  // jwt-cli's option parser (clap, src/cli_config.rs) gives no option allow_hyphen_values: a value
  // that starts with "-" as a separate argument is taken for an option, and the command refused.
  it('gives jwt-cli no separate value that starts with "-": the kid joined by "=", the secret in base64', () => {
    const secret = '-a-secret-that-starts-with-a-hyphen!';
    const result = jwtCliCommand({
      header: { alg: 'HS256', kid: '-k1' },
      payload: { sub: 'a' },
      key: secret,
    });
    if (!result.ok) throw new Error(result.reason);
    const script = `jwt() { for a in "$@"; do printf '%s\\0' "$a"; done; }; ${result.command}`;
    const args = execFileSync('sh', ['-c', script]).toString('utf8').split('\0').slice(0, -1);
    expect(args).toEqual([
      'encode',
      '--alg',
      'HS256',
      '--kid=-k1',
      '--no-iat',
      '--secret',
      `b64:${Buffer.from(secret, 'utf8').toString('base64')}`,
      '{"sub":"a"}',
    ]);
    expect(result.note).toContain('The secret is given as its UTF-8 bytes in base64');
    expect(result.note).toContain('starts with "-" as an option');
  });

  it('says plainly that jwt-cli has no such algorithm instead of printing a command it cannot run', () => {
    for (const alg of ['ES512', 'ES256K', 'Ed25519', 'Ed448', 'RS1', 'none', 'eddsa', 'toString', '']) {
      const result = jwtCliCommand({ header: { alg }, payload: { sub: 'a' }, key: 'k' });
      expect(result.ok, alg).toBe(false);
      expect(!result.ok && result.reason, alg).toMatch(
        /^jwt-cli has no .* algorithm: it signs only with HS256, /,
      );
      expect(JSON.stringify(result)).not.toContain('jwt encode');
    }
    const ed25519 = jwtCliCommand({ header: { alg: 'Ed25519' }, payload: {}, key: 'k' });
    expect(!ed25519.ok && ed25519.reason).toContain('jwt-cli has no Ed25519 algorithm');
    expect(!ed25519.ok && ed25519.reason).toContain('"alg": "EdDSA"');
  });
});

describe('claim helpers', () => {
  it('edit the payload object and keep the other claims', () => {
    const edit = editClaims('{"sub":"ada","n":1}', (claims) => (claims.exp = 10));
    expect(edit.ok && JSON.parse(edit.text)).toEqual({ sub: 'ada', n: 1, exp: 10 });
  });

  it('refuse invalid JSON and payloads that are not objects (RFC 7519 §7.2)', () => {
    expect(editClaims('{"sub":', () => {})).toEqual({ ok: false, reason: 'Fix the payload JSON first.' });
    expect(editClaims('[1]', () => {})).toMatchObject({
      ok: false,
      reason: expect.stringContaining('RFC 7519 §7.2'),
    });
  });

  it('make 128-bit random jtis', () => {
    const jti = randomJti();
    expect(Buffer.from(jti, 'base64url')).toHaveLength(16);
    expect(randomJti()).not.toBe(jti);
  });
});
