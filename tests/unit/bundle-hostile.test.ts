/**
 * Hostile workspace zips, built here with zip.js: manifests with wrongly typed fields, zip bombs
 * (by declared size, by a size that lies, by entry count) and the cases that already worked.
 */
import { describe, expect, it } from 'vitest';
import { TextReader, Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';
import { CappedTextWriter, OutputTooLarge } from '../../src/core/bundle/capped-writer';
import { exportWorkspace } from '../../src/core/bundle/export';
import { importWorkspace } from '../../src/core/bundle/import';
import { importLimits } from '../../src/core/bundle/limits';
import type { Workspace } from '../../src/core/bundle/types';

const MiB = 1024 * 1024;

type Content = string | Uint8Array;

async function zipOf(files: [string, Content][], password?: string): Promise<Uint8Array> {
  const writer = new ZipWriter(new Uint8ArrayWriter(), password ? { password } : {});
  for (const [name, content] of files)
    await writer.add(
      name,
      typeof content === 'string' ? new TextReader(content) : new Uint8ArrayReader(content),
    );
  return writer.close();
}

/** A workspace as Tokenscope writes it, every member present and of the right type. */
const validWorkspace = (): Record<string, unknown> => ({
  token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZGEifQ.c2lnbmF0dXJl',
  key: 'a shared secret',
  keyOrigin: 'pasted',
  profile: {},
  generator: { header: '{"alg":"HS256"}', payload: '{"sub":"ada"}' },
  keys: [],
});

const manifest = (workspace: unknown) =>
  JSON.stringify({ format: 'tokenscope-workspace', version: 1, workspace, includesPrivateKeys: false });

const importManifest = async (workspace: unknown) =>
  importWorkspace(await zipOf([['tokenscope-workspace.json', manifest(workspace)]]));

// An RSA public key's members are base64url text; these are short but well formed.
const rsaPublic = { kty: 'RSA', n: 'sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri', e: 'AQAB' };

describe('a manifest with wrongly typed fields is refused, naming the field', () => {
  // [what, the workspace with one field changed, words the reason must hold]
  const cases: [string, (workspace: Record<string, unknown>) => unknown, string][] = [
    ['workspace as a list', () => [[[]]], '"workspace" as a list'],
    ['workspace empty', () => ({}), 'has no "token"'],
    ['token as a number', (w) => ({ ...w, token: 7 }), '"token" as a number'],
    ['key as null', (w) => ({ ...w, key: null }), '"key" as null'],
    ['profile as a string', (w) => ({ ...w, profile: 'strict' }), '"profile" as a string'],
    [
      'algorithms as a string',
      (w) => ({ ...w, profile: { algorithms: 'HS256' } }),
      'has "profile.algorithms" as a string; it must be a list of algorithm names.',
    ],
    [
      'an algorithm as a number',
      (w) => ({ ...w, profile: { algorithms: ['HS256', 256] } }),
      '"profile.algorithms[1]" as a number',
    ],
    [
      'requiredClaims as a string',
      (w) => ({ ...w, profile: { requiredClaims: 'sub' } }),
      '"profile.requiredClaims" as a string; it must be a list of claim names',
    ],
    [
      'now as a word',
      (w) => ({ ...w, profile: { now: 'tomorrow' } }),
      '"profile.now" as a string; it must be a time in milliseconds since 1970',
    ],
    // 8.64e15 ms is the last instant a JavaScript Date holds (ECMA-262 §21.4.1.22); past it,
    // new Date(now).toISOString() throws "Invalid time value".
    ['now past Date range', (w) => ({ ...w, profile: { now: 8.64e15 + 1 } }), '"profile.now" set to'],
    ['now absurd', (w) => ({ ...w, profile: { now: 1e300 } }), '"profile.now" set to 1e+300'],
    ['issuer as a number', (w) => ({ ...w, profile: { issuer: 42 } }), '"profile.issuer" as a number'],
    [
      'audience as an object',
      (w) => ({ ...w, profile: { audience: { a: 1 } } }),
      '"profile.audience" as an object',
    ],
    [
      'clockTolerance negative',
      (w) => ({ ...w, profile: { clockTolerance: -5 } }),
      '"profile.clockTolerance" set to -5; it must be a number of seconds from 0 to 86400 (a day)',
    ],
    [
      'clockTolerance as text',
      (w) => ({ ...w, profile: { clockTolerance: 'abc' } }),
      '"profile.clockTolerance" as a string',
    ],
    [
      'secretEncoding unknown',
      (w) => ({ ...w, profile: { secretEncoding: '<b>x</b>' } }),
      '"profile.secretEncoding" set to an unknown encoding; it must be "utf8", "base64" or "base64url"',
    ],
    ['generator missing', (w) => ({ ...w, generator: undefined }), 'has no "generator"'],
    [
      'generator payload as an object',
      (w) => ({ ...w, generator: { header: '{}', payload: { sub: 1 } } }),
      '"generator.payload" as an object',
    ],
    ['keys as an object', (w) => ({ ...w, keys: {} }), '"keys" as an object'],
    [
      'publicJwk null',
      (w) => ({ ...w, keys: [{ name: 'x', publicJwk: null }] }),
      '"keys[0].publicJwk" as null; it must be a JWK',
    ],
    [
      'publicJwk a list',
      (w) => ({ ...w, keys: [{ name: 'x', publicJwk: [] }] }),
      '"keys[0].publicJwk" as a list',
    ],
    [
      'RSA modulus as a number',
      (w) => ({ ...w, keys: [{ name: 'n', publicJwk: { kty: 'RSA', n: 123 } }] }),
      '"keys[0].publicJwk.n" as a number; it must be base64url text',
    ],
    [
      'RSA key without e',
      (w) => ({ ...w, keys: [{ name: 'n', publicJwk: { kty: 'RSA', n: rsaPublic.n } }] }),
      'has no "keys[0].publicJwk.e"',
    ],
    [
      'modulus not base64url',
      (w) => ({ ...w, keys: [{ name: 'n', publicJwk: { ...rsaPublic, n: 'ab+/' } }] }),
      '"keys[0].publicJwk.n" set to text that is not base64url',
    ],
    [
      'unknown key type',
      (w) => ({ ...w, keys: [{ name: 'k', publicJwk: { kty: 'DSA' } }] }),
      '"keys[0].publicJwk.kty" set to a key type Tokenscope does not use',
    ],
    [
      'EC key without crv',
      (w) => ({ ...w, keys: [{ name: 'k', publicJwk: { kty: 'EC', x: 'AA', y: 'AA' } }] }),
      'has no "keys[0].publicJwk.crv"',
    ],
    [
      'kid as a number',
      (w) => ({ ...w, keys: [{ name: 'k', publicJwk: { ...rsaPublic, kid: 1 } }] }),
      '"keys[0].publicJwk.kid" as a number',
    ],
    [
      'name as a number',
      (w) => ({ ...w, keys: [{ name: 5, publicJwk: rsaPublic }] }),
      '"keys[0].name" as a number',
    ],
    [
      'second key broken',
      (w) => ({
        ...w,
        keys: [
          { name: 'ok', publicJwk: rsaPublic },
          { name: 'bad', publicJwk: { kty: 'oct' } },
        ],
      }),
      'has no "keys[1].publicJwk.k"',
    ],
    [
      'halves of different keys',
      (w) => ({
        ...w,
        keys: [
          {
            name: 'k',
            publicJwk: rsaPublic,
            privateJwk: { kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA', d: 'AA' },
          },
        ],
      }),
      '"keys[0].privateJwk" of type "EC" but "keys[0].publicJwk" of type "RSA"',
    ],
    [
      'private half without d',
      (w) => ({ ...w, keys: [{ name: 'k', publicJwk: rsaPublic, privateJwk: rsaPublic }] }),
      'has no "keys[0].privateJwk.d"',
    ],
    [
      'too many keys',
      (w) => ({
        ...w,
        keys: Array.from({ length: importLimits.keys + 1 }, (_, i) => ({
          name: `k${i}`,
          publicJwk: rsaPublic,
        })),
      }),
      `holds ${importLimits.keys + 1} keys; Tokenscope imports at most ${importLimits.keys}`,
    ],
  ];

  it.each(cases)('%s', async (_what, change, words) => {
    const result = await importManifest(change(validWorkspace()));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('invalid');
    expect(result.reason).toContain(words);
    expect(result.reason).toMatch(/^The workspace in this zip .* Nothing was changed\.$/);
  });

  it('never echoes the text of an unknown value', async () => {
    const result = await importManifest({ ...validWorkspace(), profile: { secretEncoding: '<b>x</b>' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).not.toContain('<b>');
  });

  it('a clock tolerance of 1e400 (Infinity once parsed, which would accept any expired token) is refused', async () => {
    // JSON.stringify cannot write Infinity, so the manifest text is edited by hand, as an attacker would.
    const text = manifest({ ...validWorkspace(), profile: { clockTolerance: 60 } }).replace(
      '"clockTolerance":60',
      '"clockTolerance":1e400',
    );
    expect(text).toContain('1e400');
    const result = await importWorkspace(await zipOf([['tokenscope-workspace.json', text]]));
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.reason).toContain(
        '"profile.clockTolerance" set to Infinity; it must be a number of seconds from 0 to 86400 (a day)',
      );
  });

  it('a clock tolerance over a day (1e300 accepted every expired token) is refused', async () => {
    const result = await importManifest({ ...validWorkspace(), profile: { clockTolerance: 1e300 } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('"profile.clockTolerance" set to 1e+300');
    // A day itself is still a tolerance.
    expect((await importManifest({ ...validWorkspace(), profile: { clockTolerance: 86_400 } })).ok).toBe(
      true,
    );
  });

  it('a manifest holding JSON null is not a workspace (not a crash inside the reader)', async () => {
    const result = await importWorkspace(await zipOf([['tokenscope-workspace.json', 'null']]));
    expect(result).toMatchObject({ ok: false, code: 'not-ours' });
    if (!result.ok) expect(result.reason).not.toContain('Cannot read');
  });
});

describe('a well-formed manifest still restores, every profile member kept', () => {
  it('restores each field as written and leaves out members Tokenscope does not know', async () => {
    const profile = {
      algorithms: ['RS256', 'ES256'],
      issuer: 'https://issuer.example',
      audience: 'api, web',
      requiredClaims: ['exp', 'sub'],
      clockTolerance: 30,
      now: Date.UTC(2030, 0, 1),
      secretEncoding: 'base64url',
    };
    const key = {
      name: 'signing',
      alg: 'RS256',
      kid: 'k1',
      publicJwk: { ...rsaPublic, use: 'sig', key_ops: ['verify'], ext: true },
      privateJwk: { ...rsaPublic, d: 'AQID' },
    };
    const result = await importManifest({
      ...validWorkspace(),
      profile: { ...profile, injected: '<script>' },
      keys: [key],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.workspace.profile).toEqual(profile);
    expect(result.workspace.keys).toEqual([key]);
    expect(result.workspace.token).toBe(validWorkspace().token);
    // keyOrigin may be absent (hand-made manifests leave it out); it reads as "imported".
    const { keyOrigin: _left, ...withoutOrigin } = validWorkspace();
    const again = await importManifest(withoutOrigin);
    expect(again.ok && again.workspace.keyOrigin).toBe('imported');
  });

  it('the limits of each range are accepted: tolerance 0, now at year 1 and year 9999', async () => {
    const profiles: { clockTolerance?: number; now?: number }[] = [
      { clockTolerance: 0 },
      { now: Date.parse('0001-01-02T00:00:00Z') },
      { now: Date.parse('9999-12-31T00:00:00Z') },
    ];
    for (const profile of profiles) {
      const result = await importManifest({ ...validWorkspace(), profile });
      expect(result.ok && result.workspace.profile).toEqual(profile);
      // What the Verifier's date field does with it (local time, up to 14 h off UTC) must not throw.
      const { now } = profile;
      if (now !== undefined) expect(() => new Date(now - 14 * 3600_000).toISOString()).not.toThrow();
    }
  });
});

describe('zip bombs are refused before anything is unpacked', () => {
  it('a manifest declaring more than the cap (valid JSON padded with spaces, like z_bomb.zip)', async () => {
    const padded = manifest(validWorkspace()) + ' '.repeat(2 * importLimits.manifestBytes);
    const zip = await zipOf([['tokenscope-workspace.json', padded]]);
    // Spaces deflate about 1000:1, so the zip is tiny and the text huge.
    expect(zip.length).toBeLessThan(importLimits.manifestBytes / 100);
    const result = await importWorkspace(zip);
    expect(result).toMatchObject({ ok: false, code: 'too-large' });
    if (!result.ok)
      expect(result.reason).toBe(
        'tokenscope-workspace.json in this zip would unpack to 16.0 MiB; a workspace manifest is at most 8.0 MiB, so it was not unpacked. Nothing was changed.',
      );
  });

  it('any other entry above the cap, and entries that add up past the total cap', async () => {
    const big = await zipOf([
      ['tokenscope-workspace.json', manifest(validWorkspace())],
      ['big.bin', new Uint8Array(importLimits.entryBytes + MiB)],
    ]);
    const result = await importWorkspace(big);
    expect(result).toMatchObject({ ok: false, code: 'too-large' });
    if (!result.ok) expect(result.reason).toContain('The file "big.bin" in this zip would unpack to 9.0 MiB');

    const parts = Math.ceil(importLimits.totalBytes / importLimits.entryBytes) + 1;
    const many = await zipOf([
      ['tokenscope-workspace.json', manifest(validWorkspace())],
      ...Array.from({ length: parts }, (_, i): [string, Content] => [
        `part-${i}.bin`,
        new Uint8Array(importLimits.entryBytes),
      ]),
    ]);
    const total = await importWorkspace(many);
    expect(total).toMatchObject({ ok: false, code: 'too-large' });
    if (!total.ok) expect(total.reason).toContain('would unpack to more than 32.0 MiB in all');
  }, 60_000);

  it('more entries than a workspace has (like the 60,000-entry z_many.zip)', async () => {
    const files: [string, Content][] = Array.from({ length: importLimits.entries }, (_, i) => [
      `d/${i}.txt`,
      '',
    ]);
    files.push(['tokenscope-workspace.json', manifest(validWorkspace())]);
    const result = await importWorkspace(await zipOf(files));
    expect(result).toMatchObject({ ok: false, code: 'too-large' });
    if (!result.ok)
      expect(result.reason).toContain('This zip holds 1,001 files; a workspace zip has at most 1,000');
  }, 60_000);

  it('a file larger than any workspace zip is refused without being read', async () => {
    const result = await importWorkspace(new Uint8Array(importLimits.zipBytes + 1));
    expect(result).toMatchObject({ ok: false, code: 'too-large' });
    if (!result.ok) expect(result.reason).toContain('a workspace zip is at most 64.0 MiB');
  });

  it('a declared size that lies: reading stops, and the import is refused', async () => {
    const text = manifest(validWorkspace()) + ' '.repeat(2 * MiB);
    const writer = new ZipWriter(new Uint8ArrayWriter(), { dataDescriptor: false });
    await writer.add('tokenscope-workspace.json', new TextReader(text));
    const zip = await writer.close();
    // Rewrite the uncompressed size (APPNOTE 4.3.7 local header +22, 4.3.12 central header +24)
    // to 1000 bytes: the entry now claims to be small.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint32(22, true)).toBe(new TextEncoder().encode(text).length);
    view.setUint32(22, 1000, true);
    let central = zip.length - 22;
    while (view.getUint32(central, true) !== 0x02014b50) central--;
    view.setUint32(central + 24, 1000, true);
    const result = await importWorkspace(zip);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(['damaged', 'too-large']).toContain(result.code);
      expect(result.reason).toMatch(/size its header records|more than its header records/);
      expect(result.reason).toContain('Nothing was changed.');
    }
  });

  it('the capped writer errors the stream once the output passes its limit', async () => {
    const capped = new CappedTextWriter(10);
    const writer = capped.writable.getWriter();
    await writer.write(new TextEncoder().encode('\uFEFF{"a":'));
    await writer.write(new TextEncoder().encode('1}'));
    expect(capped.text()).toBe('{"a":1}');
    await expect(writer.write(new Uint8Array(5))).rejects.toBeInstanceOf(OutputTooLarge);
    // Nothing more is kept once the cap is passed.
    expect(capped.text()).toBe('');
  });
});

describe('what already worked keeps working', () => {
  it('an encrypted export imports with its password and is refused with a wrong one', async () => {
    const workspace = validWorkspace() as unknown as Workspace;
    const zip = await exportWorkspace(workspace, { password: 'pw', includePrivateKeys: true });
    const result = await importWorkspace(zip, { password: 'pw' });
    expect(result.ok && result.workspace).toEqual(workspace);
    expect(await importWorkspace(zip, { password: 'nope' })).toMatchObject({ code: 'wrong-password' });
    expect(await importWorkspace(zip)).toMatchObject({ code: 'password-needed' });
  });

  it('a zip with a name leading outside it (../) is refused with a reason', async () => {
    const zip = await zipOf([
      ['../../etc/passwd', 'x'],
      ['tokenscope-workspace.json', manifest(validWorkspace())],
    ]);
    const result = await importWorkspace(zip);
    expect(result).toMatchObject({ ok: false, code: 'damaged' });
    if (!result.ok) expect(result.reason).toContain('leads outside the zip');
  });

  it('text that is not a zip is refused as damaged', async () => {
    expect(await importWorkspace(new TextEncoder().encode('PK but not really'))).toMatchObject({
      ok: false,
      code: 'damaged',
    });
  });
});

describe('importWorkspace reads a file as a Blob', () => {
  it('refuses an oversized file by its size, before reading any of it', async () => {
    const huge = new Blob([new Uint8Array(16)]);
    Object.defineProperty(huge, 'size', { value: 65 * 1024 * 1024 });
    let sliced = false;
    huge.slice = () => {
      sliced = true;
      return new Blob();
    };
    const result = await importWorkspace(huge);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain('at most 64.0 MiB');
    expect(sliced).toBe(false);
  });
});
