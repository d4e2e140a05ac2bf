/**
 * "Copy as": the commands that reproduce a token elsewhere. Quoting is POSIX shell single
 * quotes, where nothing is special but the quote itself.
 */
import { signingAlgorithm } from '../../core/keys/generate';
import { codePointLabel, invisibleCharacterName } from './json-warnings';

export const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** The URL the commands use while the person has set no endpoint of their own. */
export const exampleEndpoint = 'https://api.example.com/resource';

/**
 * curl reads `[ ]` and `{ }` in a URL as a pattern (`{a,b}` sends two requests); `--globoff`
 * takes the URL as written. Added only when needed, so the usual command stays short.
 */
const curlGlobOff = (url: string) => (/[[\]{}]/.test(url) ? ' --globoff' : '');

export function curlCommand(token: string, url = exampleEndpoint): string {
  return `curl${curlGlobOff(url)} -H ${shellQuote(`Authorization: Bearer ${token}`)} ${shellQuote(url)}`;
}

/**
 * Characters a command line hides or changes: controls (a pasted tab starts completion, a
 * carriage return becomes a line feed), format characters (the bidi controls and zero-width
 * characters of json-warnings, which can make a command read in another order than it runs:
 * CVE-2021-42574) and the line and paragraph separators. The line feed is not among them: the
 * shell keeps it inside single quotes, while `$(printf …)` would drop one at the end.
 */
const hiddenInCommand = /[\0-\x09\x0b-\x1f\x7f-\x9f\p{Cf}\p{Zl}\p{Zp}]+/gu;
const encoder = new TextEncoder();

/** "U+202E right-to-left override", "U+0009". */
const nameOf = (code: number) => {
  const name = invisibleCharacterName(code);
  return name ? `${codePointLabel(code)} ${name}` : codePointLabel(code);
};

/**
 * One shell word for `text`: visible runs in single quotes, hidden runs as the octal escapes of
 * their UTF-8 bytes through POSIX printf, so the word reads as what it is and gives the same bytes.
 */
function visibleShellWord(text: string): { word: string; hidden: string[] } {
  let word = '';
  let last = 0;
  const hidden = new Set<string>();
  for (const match of text.matchAll(hiddenInCommand)) {
    if (match.index > last) word += shellQuote(text.slice(last, match.index));
    const octal = [...encoder.encode(match[0])].map((byte) => `\\${byte.toString(8).padStart(3, '0')}`);
    word += `"$(printf '${octal.join('')}')"`;
    for (const char of match[0]) hidden.add(nameOf(char.codePointAt(0)!));
    last = match.index + match[0].length;
  }
  if (last < text.length || !word) word += shellQuote(text.slice(last));
  return { word, hidden: [...hidden] };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The algorithms jwt-cli's `--alg` accepts (its `SupportedAlgorithms`, src/cli_config.rs in
 * mike-engel/jwt-cli), spelled as it parses them: clap upper-cases the names, so EdDSA is
 * "EDDSA". EdDSA there is Ed25519 only; the fully-specified "Ed25519" (RFC 9864) is not a value.
 */
const jwtCliAlgorithms: Record<string, string> = {
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

/**
 * Why jwt-cli would not take a text secret as the bytes it is, or '' when it would. jwt-cli
 * (src/translators/encode.rs, `encoding_key_from_secret`) reads `--secret @name` as the file
 * "name" and `--secret b64:…` as standard base64; any other text is its UTF-8 bytes, unless it
 * starts with "-" (src/cli_config.rs gives --secret no allow_hyphen_values). A NUL cannot
 * pass through a command line at all, and white space at the ends or a line break inside is
 * easily lost when a command is copied into a terminal or a script.
 */
function jwtCliTextProblem(secret: string): string {
  if (secret.startsWith('@')) return 'jwt-cli reads a secret that starts with "@" as a file name';
  if (secret.startsWith('b64:')) return 'jwt-cli reads a secret that starts with "b64:" as base64';
  // The option parser (clap) would take it for an option; "b64:…" never starts with "-".
  if (secret.startsWith('-')) return 'jwt-cli would read a secret that starts with "-" as an option';
  if (/^\s|\s$/u.test(secret)) return 'the white space at its ends would be easily lost in a terminal';
  // Printable ASCII only: control characters, line breaks and invisible or bidi characters
  // would not survive a command line (or would hide in it).
  if (/[^\x20-\x7e]/.test(secret)) return 'it has characters beyond printable ASCII';
  return '';
}

export type JwtCliCommand = { ok: true; command: string; note: string } | { ok: false; reason: string };

/**
 * A `jwt encode` command (jwt-cli) for an equivalent token: same alg, kid and claims.
 * jwt-cli adds `iat` unless told not to, takes secrets as text or `b64:`, and keys from a file.
 */
export function jwtCliCommand(options: {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  key: string;
  secretBytes?: Uint8Array;
}): JwtCliCommand {
  const alg = String(options.header.alg ?? '');
  const cliAlg = Object.hasOwn(jwtCliAlgorithms, alg) ? jwtCliAlgorithms[alg] : undefined;
  if (!cliAlg)
    return {
      ok: false,
      reason: `jwt-cli has no ${alg || 'such'} algorithm: it signs only with ${Object.keys(jwtCliAlgorithms).join(', ')}.${alg === 'Ed25519' ? ' Its EdDSA makes the same Ed25519 signature under the header "alg": "EdDSA".' : ''}`,
    };
  const family = signingAlgorithm(alg)?.family;
  const parts = ['jwt encode', `--alg ${cliAlg}`];
  let note = '';
  const kid = options.header.kid;
  if (typeof kid === 'string') {
    // A NUL ends a command-line argument, and an unpaired surrogate has no UTF-8 bytes.
    const impossible = /\0|\p{Cs}/u.exec(kid);
    if (impossible)
      return {
        ok: false,
        reason: `jwt-cli cannot be given this kid: it holds ${impossible[0] === '\0' ? 'a NUL character (U+0000), which no command line can carry' : `an unpaired surrogate (${codePointLabel(impossible[0].charCodeAt(0))}), which is not text`}.`,
      };
    const { word, hidden } = visibleShellWord(kid);
    // Joined with "=": clap takes a separate value that starts with "-" for an option (jwt-cli's
    // --kid has no allow_hyphen_values), and refuses the command.
    parts.push(`--kid=${word}`);
    if (hidden.length)
      note += `The kid has characters a terminal would hide or change (${hidden.slice(0, 5).join(', ')}${hidden.length > 5 ? ', …' : ''}): they are written as printf octal escapes, which give the same bytes. `;
    if (kid.includes('\n')) note += 'The kid has a line break, kept inside its quotes. ';
  }
  parts.push('--no-iat');
  if (family === 'hmac') {
    // The bytes signed: those given, or the text exactly as typed (UTF-8, nothing trimmed).
    const textProblem = options.secretBytes ? '' : jwtCliTextProblem(options.key);
    const bytes = options.secretBytes ?? (textProblem ? new TextEncoder().encode(options.key) : undefined);
    parts.push(`--secret ${shellQuote(bytes ? `b64:${toBase64(bytes)}` : options.key)}`);
    if (textProblem) note += `The secret is given as its UTF-8 bytes in base64 ("b64:"): ${textProblem}. `;
  } else {
    parts.push('--secret @private.pem');
    note += 'Save the signing key as private.pem (PKCS#8 PEM; the Keys tool converts a JWK). ';
  }
  // Invisible and bidi control characters can only sit inside JSON strings here (JSON.stringify
  // already escapes the controls): written as \u escapes they mean the same to jwt-cli's JSON
  // parser, and cannot reorder the command shown. Each UTF-16 unit is escaped, so a character
  // beyond U+FFFF (the tag characters) becomes its surrogate pair, as JSON writes it.
  const claims = JSON.stringify(options.payload).replace(/[\p{Cf}\p{Zl}\p{Zp}]/gu, (char) =>
    char
      .split('')
      .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .join(''),
  );
  parts.push(shellQuote(claims));
  const extra = Object.keys(options.header).filter((name) => !['alg', 'kid', 'typ'].includes(name));
  if (extra.length)
    note += `jwt-cli cannot set the header's ${extra.map((name) => `"${name}"`).join(', ')}. `;
  if (family === 'ec' || alg.startsWith('PS'))
    note += 'ECDSA and RSA-PSS signatures differ on every signing; the claims are the same.';
  return { ok: true, command: parts.join(' '), note: note.trim() };
}
