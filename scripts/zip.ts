/**
 * A minimal, dependency-free ZIP writer (PKWARE APPNOTE 6.3.x subset) built on node:zlib.
 *
 * Supports what a Teams app package needs: a handful of small files at the archive root,
 * compressed with raw DEFLATE (method 8) or stored (method 0) when compression does not help.
 * No ZIP64, no encryption, no data descriptors: sizes and CRC-32 are known up front and
 * written in the local headers. File names are flagged as UTF-8 (general purpose bit 11).
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Path inside the archive, with forward slashes, no leading slash. */
  name: string;
  data: Buffer;
}

export interface ZipOptions {
  /**
   * Modification time stamped on every entry. Defaults to 1980-01-01 00:00 (the DOS epoch)
   * so that the same inputs always give byte-identical archives.
   */
  mtime?: Date;
}

const LOCAL_FILE_HEADER_SIG = 0x04034b50;
const CENTRAL_DIR_HEADER_SIG = 0x02014b50;
const END_OF_CENTRAL_DIR_SIG = 0x06054b50;
const VERSION_NEEDED = 20; // 2.0: deflate
const VERSION_MADE_BY = (3 << 8) | 20; // host 3 = Unix, spec 2.0
const FLAG_UTF8 = 1 << 11;
const METHOD_STORE = 0;
const METHOD_DEFLATE = 8;
const MAX_UINT16 = 0xffff;
const MAX_UINT32 = 0xffffffff;

/** Encodes a date as MS-DOS date and time words (local-time independent: uses UTC fields). */
export function toDosDateTime(date: Date): { time: number; date: number } {
  const year = date.getUTCFullYear();
  if (year < 1980 || year > 2107) throw new RangeError(`ZIP timestamps must be between 1980 and 2107, got ${year}`);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

function checkName(name: string): Buffer {
  if (name === '' || name.startsWith('/') || name.includes('\\') || name.split('/').includes('..')) {
    throw new Error(`Invalid ZIP entry name: "${name}"`);
  }
  const bytes = Buffer.from(name, 'utf8');
  if (bytes.length > MAX_UINT16) throw new Error(`ZIP entry name too long: "${name.slice(0, 40)}…"`);
  return bytes;
}

/** Builds a complete ZIP archive in memory. Entry order is preserved; duplicate names are rejected. */
export function createZip(entries: readonly ZipEntry[], options: ZipOptions = {}): Buffer {
  if (entries.length > MAX_UINT16) throw new Error('Too many ZIP entries (ZIP64 is not supported)');
  const { time, date } = toDosDateTime(options.mtime ?? new Date(Date.UTC(1980, 0, 1)));
  const seen = new Set<string>();
  const localParts: Buffer[] = [];
  const centralParts: Buffer[] = [];
  let offset = 0;

  for (const entry of entries) {
    if (seen.has(entry.name)) throw new Error(`Duplicate ZIP entry name: "${entry.name}"`);
    seen.add(entry.name);
    const name = checkName(entry.name);
    const crc = crc32(entry.data) >>> 0;
    const deflated = deflateRawSync(entry.data, { level: 9 });
    const useDeflate = deflated.length < entry.data.length;
    const method = useDeflate ? METHOD_DEFLATE : METHOD_STORE;
    const payload = useDeflate ? deflated : entry.data;
    if (entry.data.length > MAX_UINT32 || payload.length > MAX_UINT32 || offset > MAX_UINT32) {
      throw new Error('ZIP entry too large (ZIP64 is not supported)');
    }

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_FILE_HEADER_SIG, 0);
    local.writeUInt16LE(VERSION_NEEDED, 4);
    local.writeUInt16LE(FLAG_UTF8, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(payload.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // extra field length
    localParts.push(local, name, payload);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_DIR_HEADER_SIG, 0);
    central.writeUInt16LE(VERSION_MADE_BY, 4);
    central.writeUInt16LE(VERSION_NEEDED, 6);
    central.writeUInt16LE(FLAG_UTF8, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(payload.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(0, 30); // extra field length
    central.writeUInt16LE(0, 32); // comment length
    central.writeUInt16LE(0, 34); // disk number start
    central.writeUInt16LE(0, 36); // internal attributes
    central.writeUInt32LE(((0o100644 << 16) >>> 0), 38); // external attributes: regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    centralParts.push(central, name);

    offset += local.length + name.length + payload.length;
  }

  const centralDir = Buffer.concat(centralParts);
  if (offset > MAX_UINT32 || centralDir.length > MAX_UINT32) throw new Error('ZIP archive too large (ZIP64 is not supported)');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIR_SIG, 0);
  end.writeUInt16LE(0, 4); // this disk
  end.writeUInt16LE(0, 6); // disk with central directory
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20); // comment length
  return Buffer.concat([...localParts, centralDir, end]);
}
