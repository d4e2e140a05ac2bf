import type { FileEntry } from '@zip.js/zip.js';
import { CappedTextWriter, OutputTooLarge } from './capped-writer';
import { formatBytes, formatCount, importLimits } from './limits';
import { readWorkspace } from './read-workspace';
import { formatMarker, formatVersion, manifestName, type ImportResult } from './types';
import { loadZip } from './zip';

const tooLarge = (why: string): ImportResult => ({
  ok: false,
  code: 'too-large',
  reason: `${why} Nothing was changed.`,
});

/** A name from the zip, shortened for a message: it is whatever the file says. */
const shortName = (name: string) => JSON.stringify(name.length > 60 ? `${name.slice(0, 57)}...` : name);

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
  const tooBig = [error, (error as { cause?: unknown } | undefined)?.cause].find(
    (candidate) => candidate instanceof OutputTooLarge,
  );
  if (tooBig)
    return tooLarge(
      `${manifestName} in this zip unpacks to more than ${formatBytes(tooBig.limit)}, more than its header records; the zip is damaged or built to exhaust memory, so reading stopped.`,
    );
  if (/Unsafe filename/i.test(message))
    return {
      ok: false,
      code: 'damaged',
      reason:
        'This zip has a file whose name leads outside the zip (such as "../"), which no Tokenscope workspace has; it was not opened. Nothing was changed.',
    };
  // zip.js stops an entry that unpacks to more (or less) than its header declares.
  if (/Invalid uncompressed size/i.test(message))
    return {
      ok: false,
      code: 'damaged',
      reason: `${manifestName} in this zip does not unpack to the size its header records: the zip is damaged or was tampered with. Nothing was changed.`,
    };
  return {
    ok: false,
    code: 'damaged',
    reason: `This file is not a readable zip (it may be damaged or cut short): ${message.replace(/\.$/, '')}. Nothing was changed.`,
  };
}

/**
 * Reads a workspace zip. Never throws: a wrong password, a zip that is not a Tokenscope workspace
 * or a damaged file each come back as a reason, and the caller changes nothing. A file (Blob) is
 * read in slices as zip.js needs them, so an oversized one is refused without being loaded.
 */
export async function importWorkspace(
  file: Uint8Array | Blob,
  options: { password?: string } = {},
): Promise<ImportResult> {
  const size = file instanceof Blob ? file.size : file.length;
  if (size > importLimits.zipBytes)
    return tooLarge(
      `This file is ${formatBytes(size)}; a workspace zip is at most ${formatBytes(importLimits.zipBytes)}.`,
    );
  if (size === 0)
    return {
      ok: false,
      code: 'damaged',
      reason: 'This file is empty (0 bytes), so it is not a workspace zip. Nothing was changed.',
    };
  try {
    const zip = await loadZip();
    const reader = new zip.ZipReader(
      file instanceof Blob ? new zip.BlobReader(file) : new zip.Uint8ArrayReader(file),
      options.password ? { password: options.password } : {},
    );
    try {
      // Entry by entry, so a zip claiming 60,000 files is refused after the first one is read.
      let declaredEntries = 0;
      let entries = 0;
      let totalBytes = 0;
      let manifest: FileEntry | undefined;
      const generator = reader.getEntriesGenerator({
        onprogress: async (_index: number, total: number) => void (declaredEntries = total),
      });
      for await (const entry of generator) {
        entries++;
        const count = Math.max(entries, declaredEntries);
        if (count > importLimits.entries)
          return tooLarge(
            `This zip holds ${formatCount(count)} files; a workspace zip has at most ${formatCount(importLimits.entries)}, so it was not opened.`,
          );
        const size = entry.uncompressedSize;
        if (entry.filename === manifestName && !entry.directory) {
          if (size > importLimits.manifestBytes)
            return tooLarge(
              `${manifestName} in this zip would unpack to ${formatBytes(size)}; a workspace manifest is at most ${formatBytes(importLimits.manifestBytes)}, so it was not unpacked.`,
            );
          manifest ??= entry;
        }
        if (size > importLimits.entryBytes)
          return tooLarge(
            `The file ${shortName(entry.filename)} in this zip would unpack to ${formatBytes(size)}; no file in a workspace zip is over ${formatBytes(importLimits.entryBytes)}, so the zip was not opened.`,
          );
        totalBytes += size;
        if (totalBytes > importLimits.totalBytes)
          return tooLarge(
            `The files in this zip would unpack to more than ${formatBytes(importLimits.totalBytes)} in all; a workspace zip is smaller, so it was not opened.`,
          );
      }
      if (!manifest)
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
      // Unpacked into a writer that stops at the cap, whatever size the header declared.
      const text = new CappedTextWriter(importLimits.manifestBytes);
      await manifest.getData(text, options.password ? { password: options.password } : {});
      let json: unknown;
      try {
        json = JSON.parse(text.text());
      } catch {
        return {
          ok: false,
          code: 'damaged',
          reason: `${manifestName} in this zip is not valid JSON. Nothing was changed.`,
        };
      }
      if (typeof json !== 'object' || json === null || Array.isArray(json))
        return {
          ok: false,
          code: 'not-ours',
          reason: `This zip's ${manifestName} is not a Tokenscope workspace (it holds no JSON object). Nothing was changed.`,
        };
      const parsed = json as Record<string, unknown>;
      if (parsed.format !== formatMarker)
        return {
          ok: false,
          code: 'not-ours',
          reason: `This zip's ${manifestName} is not a Tokenscope workspace. Nothing was changed.`,
        };
      // Versions are whole numbers from 1; anything else was not written by Tokenscope.
      if (!Number.isInteger(parsed.version) || (parsed.version as number) < 1)
        return {
          ok: false,
          code: 'not-ours',
          reason: `This zip's ${manifestName} has no version Tokenscope writes ("version" must be a whole number from 1). Nothing was changed.`,
        };
      if ((parsed.version as number) > formatVersion)
        return {
          ok: false,
          code: 'newer-version',
          reason:
            'This workspace was written by a newer Tokenscope; reload the page to update, then import again. Nothing was changed.',
        };
      const reading = readWorkspace(parsed.workspace);
      if (!reading.ok) return { ok: false, code: 'invalid', reason: reading.reason };
      return {
        ok: true,
        workspace: reading.workspace,
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
