/**
 * How big a workspace zip may be. A zip's central directory declares each entry's unpacked size,
 * and a few hundred KB of deflated spaces can unpack to gigabytes (a "zip bomb"): so the import
 * refuses by the declared sizes before it unpacks anything, and still stops reading once the
 * actual output passes the cap (a declared size can lie).
 *
 * The caps leave room for what Tokenscope writes: a manifest holding a multi-megabyte token,
 * the same token again in token.jwt, and up to four files per saved key.
 */
export const importLimits = {
  /** The zip file itself. */
  zipBytes: 64 * 1024 * 1024,
  /** Files (entries) in the zip: an export writes about 8 plus 4 per key. */
  entries: 1000,
  /** tokenscope-workspace.json, unpacked: the only entry the import reads. */
  manifestBytes: 8 * 1024 * 1024,
  /** Any one entry, unpacked. */
  entryBytes: 8 * 1024 * 1024,
  /** All entries together, unpacked. */
  totalBytes: 32 * 1024 * 1024,
  /** Saved keys in the workspace: each one is a row in the Keys tool with its own PEM export. */
  keys: 200,
} as const;

/** "408.0 KiB", "400.0 MiB", "4.0 GiB": the units the export note uses. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** A count with thousands separators, fixed to English so messages read the same everywhere. */
export const formatCount = (count: number): string => count.toLocaleString('en-US');
