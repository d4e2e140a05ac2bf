import { formatMarker, formatVersion, manifestName, type ImportResult, type Workspace } from './types';
import { loadZip } from './zip';

const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);

/** Checks the manifest's shape: an import restores only what has the right types. */
function workspaceFrom(value: unknown): Workspace | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const source = value as Record<string, unknown>;
  const generator = (source.generator ?? {}) as Record<string, unknown>;
  const keys = Array.isArray(source.keys) ? source.keys : [];
  return {
    token: text(source.token),
    key: text(source.key),
    keyOrigin: text(source.keyOrigin, 'imported'),
    profile:
      typeof source.profile === 'object' && source.profile !== null
        ? (source.profile as Record<string, unknown>)
        : {},
    generator: { header: text(generator.header), payload: text(generator.payload) },
    keys: keys.filter(
      (key): key is Workspace['keys'][number] =>
        typeof key === 'object' &&
        key !== null &&
        typeof key.name === 'string' &&
        typeof key.publicJwk === 'object',
    ),
  };
}

function failure(error: unknown): ImportResult {
  const message = error instanceof Error ? error.message : String(error);
  if (/Invalid password|Invalid authentication code/i.test(message))
    return {
      ok: false,
      code: 'wrong-password',
      reason: 'The password is wrong: the zip could not be decrypted. Nothing was changed.',
    };
  if (/encrypted entry/i.test(message))
    return {
      ok: false,
      code: 'password-needed',
      reason: 'This zip is encrypted: enter its password and import again. Nothing was changed.',
    };
  return {
    ok: false,
    code: 'damaged',
    reason: `This file is not a readable zip (it may be damaged or cut short): ${message.replace(/\.$/, '')}. Nothing was changed.`,
  };
}

/**
 * Reads a workspace zip. Never throws: a wrong password, a zip that is not a Tokenscope workspace
 * or a damaged file each come back as a reason, and the caller changes nothing.
 */
export async function importWorkspace(
  bytes: Uint8Array,
  options: { password?: string } = {},
): Promise<ImportResult> {
  try {
    const zip = await loadZip();
    const reader = new zip.ZipReader(
      new zip.Uint8ArrayReader(bytes),
      options.password ? { password: options.password } : {},
    );
    try {
      const entries = await reader.getEntries();
      const manifest = entries.find((entry) => entry.filename === manifestName);
      if (!manifest || manifest.directory)
        return {
          ok: false,
          code: 'not-ours',
          reason: `This zip is not a Tokenscope workspace: it has no ${manifestName}. Nothing was changed.`,
        };
      if (manifest.encrypted && !options.password)
        return {
          ok: false,
          code: 'password-needed',
          reason: 'This zip is encrypted: enter its password and import again. Nothing was changed.',
        };
      const json = await manifest.getData!(
        new zip.TextWriter(),
        options.password ? { password: options.password } : {},
      );
      let parsed: {
        format?: unknown;
        version?: unknown;
        workspace?: unknown;
        includesPrivateKeys?: unknown;
        exportedAt?: unknown;
      };
      try {
        parsed = JSON.parse(json);
      } catch {
        return {
          ok: false,
          code: 'damaged',
          reason: `${manifestName} in this zip is not valid JSON. Nothing was changed.`,
        };
      }
      if (parsed.format !== formatMarker)
        return {
          ok: false,
          code: 'not-ours',
          reason: `This zip's ${manifestName} is not a Tokenscope workspace. Nothing was changed.`,
        };
      if (typeof parsed.version !== 'number' || parsed.version > formatVersion)
        return {
          ok: false,
          code: 'newer-version',
          reason:
            'This workspace was written by a newer Tokenscope; reload the page to update, then import again. Nothing was changed.',
        };
      const workspace = workspaceFrom(parsed.workspace);
      if (!workspace)
        return {
          ok: false,
          code: 'damaged',
          reason: 'The workspace in this zip is incomplete. Nothing was changed.',
        };
      return {
        ok: true,
        workspace,
        includesPrivateKeys: parsed.includesPrivateKeys === true,
        exportedAt: typeof parsed.exportedAt === 'string' ? parsed.exportedAt : undefined,
      };
    } finally {
      await reader.close();
    }
  } catch (error) {
    return failure(error);
  }
}
