/**
 * "Copy as → jwt-cli" with a kid that holds characters a terminal would hide or reorder (bidi
 * controls, zero-width and tag characters) or change (a tab, a carriage return). The command must
 * read as what it does, and still give jwt-cli the kid's exact bytes. It is run through a real
 * shell (dash) with `jwt` replaced by a function that prints its arguments byte for byte, and the
 * --kid argument is compared with Node's UTF-8 encoding of the kid. The kid is joined to its
 * option ("--kid=…"): jwt-cli's option parser, clap, takes a separate argument that starts with
 * "-" for an option and refuses the command (src/cli_config.rs gives --kid no allow_hyphen_values).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jwtCliCommand } from '../../src/features/generator/commands';

/**
 * The arguments a shell hands to `jwt`, as bytes (NUL-separated, so line breaks survive). Run in
 * an empty directory, which must stay empty: a kid read as code would make a file there.
 */
function argumentsOf(command: string): Buffer[] {
  const script = `jwt() { for a in "$@"; do printf '%s\\0' "$a"; done; }; ${command}`;
  const directory = mkdtempSync(join(tmpdir(), 'jwt-cli-kid-'));
  const out = execFileSync('sh', ['-c', script], { cwd: directory, env: { PATH: '/usr/bin:/bin' } });
  const made = readdirSync(directory);
  rmSync(directory, { recursive: true, force: true });
  expect(made).toEqual([]);
  const args: Buffer[] = [];
  for (let start = 0, end; (end = out.indexOf(0, start)) !== -1; start = end + 1)
    args.push(out.subarray(start, end));
  return args;
}

function commandFor(kid: string) {
  const result = jwtCliCommand({ header: { alg: 'HS256', kid }, payload: { sub: 'a' }, key: 'plain-secret' });
  if (!result.ok) throw new Error(result.reason);
  const args = argumentsOf(result.command);
  const kidOption = Buffer.from('--kid=');
  // One argument holds the option and its value; no other argument names --kid.
  const joined = args.filter((arg) => arg.subarray(0, 5).toString() === '--kid' || arg.toString() === '-k');
  expect(joined).toHaveLength(1);
  expect(joined[0]!.subarray(0, kidOption.length).equals(kidOption)).toBe(true);
  return { ...result, args, kidArgument: joined[0]!.subarray(kidOption.length) };
}

// Characters that show nothing or reorder the text around them (Unicode general category Cf),
// the line and paragraph separators, and controls other than the line feed.
const hiddenInCommand = /[\0-\x09\x0b-\x1f\x7f-\x9f\p{Cf}\p{Zl}\p{Zp}]/u;

describe('jwt-cli command: a kid with invisible or control characters', () => {
  it('writes them as printf escapes that give jwt-cli the same bytes', () => {
    for (const kid of [
      'key-1\u202e2-yek', // right-to-left override: "key-1" then the rest shown reversed
      '\u2066admin\u2069', // isolates at both ends
      'a\u200bb\u200dc', // zero-width space and joiner
      'tag\u{e0041}\u{e0042}', // tag characters beyond U+FFFF (4 UTF-8 bytes each)
      'tab\there', // a pasted tab starts completion in a terminal
      'cr\rlf', // a pasted carriage return becomes a line feed
      "bidi\u202e and a 'quote' with $(touch pwned) and `touch pwned`",
    ]) {
      const { command, note, kidArgument } = commandFor(kid);
      expect(kidArgument.equals(Buffer.from(kid, 'utf8')), JSON.stringify(kid)).toBe(true);
      expect(command, JSON.stringify(kid)).not.toMatch(hiddenInCommand);
      expect(note, JSON.stringify(kid)).toMatch(
        /^The kid has characters a terminal would hide or change \(U\+[0-9A-F]{4}/,
      );
      expect(note).toContain('printf octal escapes, which give the same bytes');
    }
  });

  it('names the characters, as the editor does', () => {
    const { note, command } = commandFor('a\u202eb\u200bc');
    expect(note).toContain('U+202E right-to-left override, U+200B zero-width space');
    // U+202E is E2 80 AE in UTF-8 (RFC 3629), 342 200 256 in octal.
    expect(command).toContain(`--kid='a'"$(printf '\\342\\200\\256')"'b'"$(printf '\\342\\200\\213')"'c'`);
  });

  it('keeps a line feed inside the quotes (the shell keeps it there) and says so', () => {
    const { note, kidArgument } = commandFor('line\nbreak\n');
    expect(kidArgument.toString()).toBe('line\nbreak\n');
    expect(note).toContain('The kid has a line break, kept inside its quotes.');
  });

  it('leaves a printable kid as it was', () => {
    const { command, note } = commandFor("it's-key-1");
    expect(command).toContain(`--kid='it'\\''s-key-1' --no-iat`);
    expect(note).toBe('');
  });

  it('joins a kid that starts with "-" to its option, so it is not read as one', () => {
    for (const kid of ['-x', '--no-iat', '-', '--', '-k\u202eevil']) {
      const { args, kidArgument } = commandFor(kid);
      expect(kidArgument.equals(Buffer.from(kid, 'utf8')), JSON.stringify(kid)).toBe(true);
      // Every other argument is the one jwt-cli expects: the kid took no option's place.
      expect(args.map((arg) => arg.toString()).filter((arg) => !arg.startsWith('--kid='))).toEqual([
        'encode',
        '--alg',
        'HS256',
        '--no-iat',
        '--secret',
        'plain-secret',
        '{"sub":"a"}',
      ]);
    }
  });

  it('says plainly when no command line can carry the kid', () => {
    for (const [kid, why] of [
      ['a\0b', 'a NUL character (U+0000)'],
      ['a\ud800b', 'an unpaired surrogate (U+D800)'],
    ]) {
      const result = jwtCliCommand({ header: { alg: 'HS256', kid }, payload: {}, key: 'plain-secret' });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.reason).toContain(`jwt-cli cannot be given this kid: it holds ${why}`);
    }
  });

  it('escapes format characters beyond U+FFFF in the claims as JSON writes them', () => {
    const payload = { note: 'tag\u{e0041}', line: 'a\u2028b' };
    const result = jwtCliCommand({ header: { alg: 'HS256' }, payload, key: 'plain-secret' });
    if (!result.ok) throw new Error(result.reason);
    expect(result.command).not.toMatch(hiddenInCommand);
    const claims = argumentsOf(result.command).at(-1)!.toString();
    expect(claims).toBe('{"note":"tag\\udb40\\udc41","line":"a\\u2028b"}');
    expect(JSON.parse(claims)).toEqual(payload);
  });
});
