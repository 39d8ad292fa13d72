/**
 * ZIP archives for the Teams app package, written with fflate.
 *
 * What is ours: the entry-name rules (archive-root paths, no `..`, no duplicates) and a fixed
 * timestamp, so that the same inputs always give byte-identical archives.
 */
import { deflateSync, zipSync, type Zippable } from 'fflate';

export interface ZipEntry {
  /** Path inside the archive, with forward slashes, no leading slash. */
  name: string;
  data: Buffer;
}

export interface ZipOptions {
  /**
   * Modification time stamped on every entry. Defaults to 1980-01-01 00:00 on the local clock (the
   * DOS epoch: ZIP stores local wall-clock fields), so archives are reproducible in any time zone.
   */
  mtime?: Date;
}

function checkName(name: string): void {
  if (name === '' || name.startsWith('/') || name.includes('\\') || name.split('/').includes('..')) {
    throw new Error(`Invalid ZIP entry name: "${name}"`);
  }
}

/** Builds a complete ZIP archive in memory. Entry order is preserved; duplicate names are rejected. */
export function createZip(entries: readonly ZipEntry[], options: ZipOptions = {}): Buffer {
  const mtime = options.mtime ?? new Date(1980, 0, 1);
  const files: Zippable = {};
  for (const entry of entries) {
    checkName(entry.name);
    if (Object.hasOwn(files, entry.name)) throw new Error(`Duplicate ZIP entry name: "${entry.name}"`);
    const data = new Uint8Array(entry.data);
    // Stored (level 0) when deflating would not make the entry smaller, e.g. the PNG icons.
    const level = deflateSync(data, { level: 9 }).length < data.length ? 9 : 0;
    // Unix host, regular file rw-r--r--, as unzip tools expect.
    files[entry.name] = [data, { level, mtime, os: 3, attrs: (0o100644 << 16) >>> 0 }];
  }
  return Buffer.from(zipSync(files));
}
