import { jwkToPem, readKey, toJwks } from '../keys/export';
import {
  formatMarker,
  formatVersion,
  manifestName,
  type ExportOptions,
  type Workspace,
  type WorkspaceKey,
} from './types';
import { loadZip } from './zip';

/** Whether the shared key text is private material (a private key or an HMAC secret). */
async function isPrivateKeyText(text: string): Promise<boolean> {
  if (!text.trim()) return false;
  const reading = await readKey(text);
  // Plain text that is not a key is an HMAC secret: private.
  return !reading.ok || reading.kind !== 'public';
}

const safeName = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'key';

function readme(workspace: Workspace, files: string[], options: ExportOptions, leftOut: string[]): string {
  const lines = [
    'Tokenscope workspace',
    '====================',
    '',
    `Exported ${(options.date ?? new Date()).toISOString()} from Tokenscope, a browser-only JWT workbench.`,
    options.password ? 'Every file in this zip is encrypted with AES-256 under the password you chose.' : '',
    '',
    'Files',
    '-----',
    ...files.map((file) => `${file.padEnd(40)} ${describeFile(file)}`),
    '',
    options.includePrivateKeys
      ? 'PRIVATE KEYS ARE INCLUDED. Anyone with this zip can sign tokens as you: keep it secret.'
      : 'Private keys and secrets were left out (the box to include them was not ticked).',
    ...leftOut.map((what) => `Left out: ${what}.`),
    '',
    `Import: open Tokenscope, Toolbox > Workspace, and choose this zip. ${manifestName} is what the import reads;`,
    'the other files are the same data in the usual formats, for other tools.',
    '',
  ];
  void workspace;
  return lines.filter((line, index, all) => line !== '' || all[index - 1] !== '').join('\n');
}

function describeFile(file: string): string {
  if (file === manifestName) return 'the whole workspace as JSON (what Tokenscope imports)';
  if (file === 'token.jwt') return 'the token';
  if (file === 'generator/header.json') return "the Generator's header JSON";
  if (file === 'generator/payload.json') return "the Generator's payload JSON";
  if (file === 'verify-profile.json')
    return 'the verification profile (algorithms, issuer, audience, nonce, clock)';
  if (file === 'key.txt') return 'the key shared between the tools, as pasted or generated';
  if (file === 'keys/jwks.json') return 'every public key as a JWKS, ready to publish';
  if (file.endsWith('.public.pem')) return 'public key, PEM (SPKI)';
  if (file.endsWith('.public.jwk.json')) return 'public key, JWK';
  if (file.endsWith('.private.pem')) return 'PRIVATE key, PEM (PKCS#8)';
  if (file.endsWith('.private.jwk.json')) return 'PRIVATE key or secret, JWK';
  return '';
}

/**
 * The workspace as a zip: a manifest Tokenscope reads back, the same data in the usual formats
 * (PEM, JWK, JWKS) for other tools, and a README that names each file.
 */
export async function exportWorkspace(
  workspace: Workspace,
  options: ExportOptions = {},
): Promise<Uint8Array> {
  const includePrivate = options.includePrivateKeys === true;
  const leftOut: string[] = [];
  const files = new Map<string, string>();

  const keyIsPrivate = await isPrivateKeyText(workspace.key);
  const sharedKey = keyIsPrivate && !includePrivate ? '' : workspace.key;
  if (workspace.key.trim() && !sharedKey) leftOut.push('the shared key (it is a private key or a secret)');

  const keys: WorkspaceKey[] = [];
  for (const key of workspace.keys) {
    const secret = key.publicJwk.kty === 'oct';
    if (secret && !includePrivate) {
      leftOut.push(`the secret "${key.name}"`);
      continue;
    }
    keys.push(includePrivate ? key : { ...key, privateJwk: undefined });
  }

  const manifest = {
    format: formatMarker,
    version: formatVersion,
    exportedAt: (options.date ?? new Date()).toISOString(),
    includesPrivateKeys: includePrivate,
    workspace: { ...workspace, key: sharedKey, keyOrigin: sharedKey ? workspace.keyOrigin : 'pasted', keys },
  };
  files.set(manifestName, JSON.stringify(manifest, null, 2));
  if (workspace.token) files.set('token.jwt', `${workspace.token}\n`);
  files.set('generator/header.json', workspace.generator.header);
  files.set('generator/payload.json', workspace.generator.payload);
  files.set('verify-profile.json', JSON.stringify(workspace.profile, null, 2));
  if (sharedKey.trim()) files.set('key.txt', sharedKey);
  const used = new Set<string>();
  for (const key of keys) {
    let base = `keys/${safeName(key.name)}`;
    for (let n = 2; used.has(base); n++) base = `keys/${safeName(key.name)}-${n}`;
    used.add(base);
    const pems =
      key.publicJwk.kty === 'oct'
        ? undefined
        : await jwkToPem(key.privateJwk ?? key.publicJwk).catch(() => undefined);
    if (key.publicJwk.kty !== 'oct')
      files.set(`${base}.public.jwk.json`, JSON.stringify(key.publicJwk, null, 2));
    if (pems) files.set(`${base}.public.pem`, pems.publicPem);
    if (key.privateJwk) files.set(`${base}.private.jwk.json`, JSON.stringify(key.privateJwk, null, 2));
    if (key.privateJwk && pems?.privatePem) files.set(`${base}.private.pem`, pems.privatePem);
  }
  if (keys.some((key) => key.publicJwk.kty !== 'oct'))
    files.set('keys/jwks.json', toJwks(keys.map((key) => key.publicJwk)));

  const names = ['README.txt', ...files.keys()];
  files.set('README.txt', readme(workspace, names, options, leftOut));

  const zip = await loadZip();
  const writer = new zip.ZipWriter(new zip.Uint8ArrayWriter(), {
    ...(options.password ? { password: options.password, encryptionStrength: 3 as const } : {}),
    lastModDate: options.date,
  });
  for (const name of names) await writer.add(name, new zip.TextReader(files.get(name)!));
  return writer.close();
}
