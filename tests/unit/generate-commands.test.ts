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
    expect(hmac.command).toBe(
      `jwt encode --alg HS256 --kid 'k1' --no-iat --secret 's3cr'\\''et' '{"sub":"ada"}'`,
    );
    expect(hmac.note).toBe('');
    const bytes = jwtCliCommand({
      header: { alg: 'HS256' },
      payload: {},
      key: '{"kty":"oct"}',
      secretBytes: Uint8Array.from([0xfb, 0xff]),
    });
    expect(bytes.command).toContain(`--secret 'b64:+/8='`);
    const rsa = jwtCliCommand({ header: { alg: 'PS256', jku: 'x' }, payload: { sub: 'a' }, key: 'pem' });
    expect(rsa.command).toContain('--secret @private.pem');
    expect(rsa.note).toContain('"jku"');
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
