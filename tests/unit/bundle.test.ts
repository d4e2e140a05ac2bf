import { describe, expect, it } from 'vitest';
import {
  TextReader,
  TextWriter,
  Uint8ArrayReader,
  Uint8ArrayWriter,
  ZipReader,
  ZipWriter,
} from '@zip.js/zip.js';
import { exportWorkspace } from '../../src/core/bundle/export';
import { importWorkspace } from '../../src/core/bundle/import';
import type { Workspace } from '../../src/core/bundle/types';
import { createKey, generateKey } from '../../src/core/keys/generate';
import { sign } from '../../src/core/jws/sign';

async function sampleWorkspace(): Promise<Workspace> {
  const rsa = await createKey('RS256');
  const hmac = await createKey('HS256');
  const pair = await generateKey('ES256');
  const token = await sign({ alg: 'ES256' }, { sub: 'ada' }, pair.signingKey);
  return {
    token,
    key: pair.signingKey,
    keyOrigin: 'generated',
    profile: { algorithms: ['ES256'], issuer: 'https://issuer.example', clockTolerance: 30 },
    generator: { header: '{\n  "alg": "ES256"\n}', payload: '{\n  "sub": "ada"\n}' },
    keys: [
      {
        name: 'rsa signing',
        alg: 'RS256',
        kid: rsa.kid,
        publicJwk: rsa.publicJwk,
        privateJwk: rsa.privateJwk,
      },
      { name: 'hmac', alg: 'HS256', kid: hmac.kid, publicJwk: hmac.publicJwk, privateJwk: hmac.privateJwk },
    ],
  };
}

async function fileNames(zip: Uint8Array, password?: string): Promise<Map<string, string>> {
  const reader = new ZipReader(new Uint8ArrayReader(zip), password ? { password } : {});
  const files = new Map<string, string>();
  for (const entry of await reader.getEntries())
    if (!entry.directory)
      files.set(entry.filename, await entry.getData(new TextWriter(), password ? { password } : {}));
  await reader.close();
  return files;
}

describe('workspace zip', () => {
  it('export -> import gives the same workspace (private keys ticked, no password)', async () => {
    const workspace = await sampleWorkspace();
    const zip = await exportWorkspace(workspace, { includePrivateKeys: true });
    const result = await importWorkspace(zip);
    expect(result).toMatchObject({ ok: true, includesPrivateKeys: true });
    if (result.ok) expect(result.workspace).toEqual(workspace);
  });

  it('imports the same zip from a file (Blob), read in slices', async () => {
    const workspace = await sampleWorkspace();
    const zip = await exportWorkspace(workspace, { includePrivateKeys: true, password: 'pw' });
    const result = await importWorkspace(new Blob([new Uint8Array(zip)]), { password: 'pw' });
    expect(result.ok && result.workspace).toEqual(workspace);
  });

  it('export -> import gives the same workspace with an AES-256 password', async () => {
    const workspace = await sampleWorkspace();
    const zip = await exportWorkspace(workspace, { includePrivateKeys: true, password: 'correct horse' });
    const result = await importWorkspace(zip, { password: 'correct horse' });
    expect(result.ok && result.workspace).toEqual(workspace);
    // Every entry is AES-encrypted (WinZip AE, strength 3 = 256 bits).
    const reader = new ZipReader(new Uint8ArrayReader(zip));
    const entries = await reader.getEntries();
    expect(entries.length).toBeGreaterThan(5);
    for (const entry of entries) expect(entry.encrypted).toBe(true);
    await reader.close();
    // No plain text of the key leaks into the archive bytes.
    const raw = Buffer.from(zip).toString('latin1');
    expect(raw).not.toContain(workspace.token.slice(0, 30));
  });

  it('leaves private keys and secrets out unless the box is ticked', async () => {
    const workspace = await sampleWorkspace();
    const zip = await exportWorkspace(workspace);
    const files = await fileNames(zip);
    expect([...files.keys()].some((name) => name.includes('private'))).toBe(false);
    expect(files.has('key.txt')).toBe(false);
    for (const [, text] of files) expect(text).not.toContain(workspace.keys[0]!.privateJwk!.d);
    expect(files.get('README.txt')).toContain('Private keys and secrets were left out');
    const result = await importWorkspace(zip);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.workspace.key).toBe('');
    expect(result.workspace.keys.map((key) => key.name)).toEqual(['rsa signing']);
    expect(result.workspace.keys[0]!.privateJwk).toBeUndefined();
    expect(result.workspace.token).toBe(workspace.token);
  });

  it('carries a README that names each file, PEM and JWK keys and a JWKS', async () => {
    const files = await fileNames(
      await exportWorkspace(await sampleWorkspace(), { includePrivateKeys: true }),
    );
    expect([...files.keys()].sort()).toEqual(
      [
        'README.txt',
        'tokenscope-workspace.json',
        'token.jwt',
        'generator/header.json',
        'generator/payload.json',
        'verify-profile.json',
        'key.txt',
        'keys/rsa-signing.public.jwk.json',
        'keys/rsa-signing.public.pem',
        'keys/rsa-signing.private.jwk.json',
        'keys/rsa-signing.private.pem',
        'keys/hmac.private.jwk.json',
        'keys/jwks.json',
      ].sort(),
    );
    const readme = files.get('README.txt')!;
    for (const name of files.keys()) if (name !== 'README.txt') expect(readme).toContain(name);
    expect(readme).toContain('PRIVATE KEYS ARE INCLUDED');
    expect(files.get('keys/rsa-signing.public.pem')).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(JSON.parse(files.get('keys/jwks.json')!).keys).toHaveLength(1);
  });

  it('a wrong or missing password, a foreign zip and a damaged file each give a clear reason', async () => {
    const zip = await exportWorkspace(await sampleWorkspace(), { password: 'right' });
    expect(await importWorkspace(zip, { password: 'wrong' })).toMatchObject({
      ok: false,
      code: 'wrong-password',
      reason: expect.stringContaining('password is wrong'),
    });
    expect(await importWorkspace(zip)).toMatchObject({ ok: false, code: 'password-needed' });

    const foreign = new ZipWriter(new Uint8ArrayWriter());
    await foreign.add('notes.txt', new TextReader('hello'));
    expect(await importWorkspace(await foreign.close())).toMatchObject({
      ok: false,
      code: 'not-ours',
      reason: expect.stringContaining('not a Tokenscope workspace'),
    });

    const plain = await exportWorkspace(await sampleWorkspace());
    expect(await importWorkspace(plain.slice(0, plain.length - 30))).toMatchObject({
      ok: false,
      code: 'damaged',
    });
    expect(await importWorkspace(new TextEncoder().encode('not a zip at all'))).toMatchObject({
      ok: false,
      code: 'damaged',
      reason: expect.stringContaining('Nothing was changed'),
    });
  });

  it('says an empty file is empty', async () => {
    for (const empty of [new Uint8Array(0), new Blob([])])
      expect(await importWorkspace(empty)).toEqual({
        ok: false,
        code: 'damaged',
        reason: 'This file is empty (0 bytes), so it is not a workspace zip. Nothing was changed.',
      });
  });

  it('refuses a manifest from the future and one that is not ours', async () => {
    for (const [manifest, code] of [
      [{ format: 'tokenscope-workspace', version: 99, workspace: {} }, 'newer-version'],
      [{ format: 'something-else', version: 1 }, 'not-ours'],
      // Versions Tokenscope never writes: not a newer Tokenscope, not ours.
      [{ format: 'tokenscope-workspace', version: -7.5, workspace: {} }, 'not-ours'],
      [{ format: 'tokenscope-workspace', version: 1.5, workspace: {} }, 'not-ours'],
      [{ format: 'tokenscope-workspace', version: '1', workspace: {} }, 'not-ours'],
    ] as const) {
      const writer = new ZipWriter(new Uint8ArrayWriter());
      await writer.add('tokenscope-workspace.json', new TextReader(JSON.stringify(manifest)));
      expect(await importWorkspace(await writer.close())).toMatchObject({ ok: false, code });
    }
  });
});
