/**
 * "Copy as → jwt-cli" gives jwt-cli the bytes that were signed. The command is run through a
 * real shell with `jwt` replaced by a function that prints its arguments, and the --secret
 * argument is read the way jwt-cli reads it (mike-engel/jwt-cli src/translators/encode.rs,
 * `encoding_key_from_secret`: "@name" is a file, "b64:…" is standard base64, anything else is
 * its UTF-8 bytes). Those bytes must verify the signature the core's sign() made, checked with
 * node:crypto's HMAC, a second implementation.
 */
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { jwtCliCommand } from '../../src/features/generator/commands';
import { sign } from '../../src/core/jws/sign';

/** The arguments a shell hands to `jwt`, one per line (NUL-separated to keep newlines). */
function argumentsOf(command: string): string[] {
  const script = `jwt() { for a in "$@"; do printf '%s\\0' "$a"; done; }; ${command}`;
  return execFileSync('sh', ['-c', script]).toString('utf8').split('\0').slice(0, -1);
}

/** The key bytes jwt-cli would sign with, or why it would not read them as given. */
function jwtCliKey(secretArgument: string): Buffer | 'file' {
  if (secretArgument.startsWith('@')) return 'file';
  if (secretArgument.startsWith('b64:')) {
    const body = secretArgument.slice(4);
    // Rust's base64 STANDARD engine: the standard alphabet, with canonical padding.
    expect(body).toMatch(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/);
    return Buffer.from(body, 'base64');
  }
  return Buffer.from(secretArgument, 'utf8');
}

async function check(secret: string) {
  const header = { alg: 'HS256' };
  const payload = { sub: 'ada' };
  const token = await sign(header, payload, secret, { secretEncoding: 'utf8' });
  const result = jwtCliCommand({ header, payload, key: secret });
  if (!result.ok) throw new Error(result.reason);
  const args = argumentsOf(result.command);
  const secretArgument = args[args.indexOf('--secret') + 1]!;
  const key = jwtCliKey(secretArgument);
  expect(key).not.toBe('file');
  const [h, p, s] = token.split('.');
  const expected = createHmac('sha256', key as Buffer)
    .update(`${h}.${p}`)
    .digest('base64url');
  expect(s).toBe(expected);
  return { secretArgument, note: result.note };
}

describe('jwt-cli command: the secret it signs with is the one signed here', () => {
  it('gives a secret starting with "@" as base64, since jwt-cli would read a file', async () => {
    const { secretArgument, note } = await check('@my-long-enough-secret-for-hs256!!');
    expect(secretArgument).toBe(
      `b64:${Buffer.from('@my-long-enough-secret-for-hs256!!').toString('base64')}`,
    );
    expect(note).toContain('starts with "@" as a file name');
  });

  it('gives a secret starting with "b64:" as base64 of its own bytes', async () => {
    const secret = 'b64:c2VjcmV0-but-really-a-text-secret-here';
    const { secretArgument, note } = await check(secret);
    expect(secretArgument).toBe(`b64:${Buffer.from(secret).toString('base64')}`);
    expect(note).toContain('"b64:" as base64');
  });

  it('keeps white space at the ends, a newline inside and non-ASCII exactly (as base64)', async () => {
    for (const secret of [
      ' padded secret with spaces around it!! ',
      'secret-with-a-trailing-newline-0123456789\n',
      'line one of a secret\nline two of a secret',
      'ünïcödé-secret-🔑-long-enough-for-hs256',
    ]) {
      const { secretArgument, note } = await check(secret);
      expect(secretArgument.startsWith('b64:')).toBe(true);
      expect(note).toMatch(/^The secret is given as its UTF-8 bytes in base64/);
    }
  });

  it('leaves a plain printable secret as it is, quoted for the shell', async () => {
    const secret = `it's a 'quoted' secret with $HOME and \`cmd\` !!`;
    const { secretArgument, note } = await check(secret);
    expect(secretArgument).toBe(secret);
    expect(note).toBe('');
  });
});

describe('jwt-cli command: the claims argument', () => {
  it('writes bidi and zero-width characters as \\u escapes that parse back to the same claims', () => {
    const payload = { admin: false, note: '\u202e, eurt :"nimda"', z: 'a\u200bb' };
    const result = jwtCliCommand({ header: { alg: 'HS256' }, payload, key: 'plain-secret' });
    if (!result.ok) throw new Error(result.reason);
    expect(result.command).not.toMatch(/[\u202e\u200b]/);
    const args = argumentsOf(result.command);
    expect(args.at(-1)).toBe('{"admin":false,"note":"\\u202e, eurt :\\"nimda\\"","z":"a\\u200bb"}');
    expect(JSON.parse(args.at(-1)!)).toEqual(payload);
  });
});
