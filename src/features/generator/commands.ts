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
  if (family === 'ec' || alg.startsWith('PS'))
    note += 'ECDSA and RSA-PSS signatures differ on every signing; the claims are the same.';
  return { ok: true, command: parts.join(' '), note: note.trim() };
}
