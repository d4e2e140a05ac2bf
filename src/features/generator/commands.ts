/**
 * "Copy as": the commands that reproduce a token elsewhere. Quoting is POSIX shell single
 * quotes, where nothing is special but the quote itself.
 */
import { signingAlgorithm } from '../../core/keys/generate';

export const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export function curlCommand(token: string, url = 'https://api.example.com/resource'): string {
  return `curl -H ${shellQuote(`Authorization: Bearer ${token}`)} ${shellQuote(url)}`;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * A `jwt encode` command (jwt-cli) for an equivalent token: same alg, kid and claims.
 * jwt-cli adds `iat` unless told not to, takes secrets as text or `b64:`, and keys from a file.
 */
export function jwtCliCommand(options: {
  header: Record<string, unknown>;
  payload: unknown;
  key: string;
  secretBytes?: Uint8Array;
}): { command: string; note: string } {
  const alg = String(options.header.alg ?? '');
  const family = signingAlgorithm(alg)?.family;
  const parts = ['jwt encode', `--alg ${alg}`];
  if (typeof options.header.kid === 'string') parts.push(`--kid ${shellQuote(options.header.kid)}`);
  parts.push('--no-iat');
  let note = '';
  if (family === 'hmac') {
    parts.push(
      `--secret ${shellQuote(options.secretBytes ? `b64:${toBase64(options.secretBytes)}` : options.key)}`,
    );
  } else {
    parts.push('--secret @private.pem');
    note = 'Save the signing key as private.pem (PKCS#8 PEM; the Keys tool converts a JWK). ';
  }
  parts.push(shellQuote(JSON.stringify(options.payload)));
  const extra = Object.keys(options.header).filter((name) => !['alg', 'kid', 'typ'].includes(name));
  if (extra.length)
    note += `jwt-cli cannot set the header's ${extra.map((name) => `"${name}"`).join(', ')}. `;
  if (family !== 'hmac')
    note += 'ECDSA and RSA-PSS signatures differ on every signing; the claims are the same.';
  return { command: parts.join(' '), note: note.trim() };
}
