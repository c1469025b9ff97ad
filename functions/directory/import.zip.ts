/**
 * The ZIP container of an uploaded XLSX, read from the bytes in memory: the
 * central directory tells each part's name and sizes, and a part is inflated as
 * a stream (Node's zlib), so its content is never held whole and its size is
 * checked twice: the size the directory declares before inflating anything, and
 * the bytes actually produced while inflating (a directory can lie).
 */
import { createInflateRaw } from 'node:zlib';
import { ValidationError } from '#domain/shared/errors.ts';

/** One file inside the archive, as its central directory entry describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused. */
  method: number;
  flags: number;
  compressedSize: number;
  /** Uncompressed size as declared. */
  size: number;
  localOffset: number;
}

/** The message every unreadable file gets, whatever the fault (kept from the exceljs reader). */
const unreadableMessage = '无法读取该 Excel 文件，文件可能已损坏或设置了密码';

/** The file is damaged, encrypted or not a workbook. */
export const unreadable = () => new ValidationError([], 'IMPORT.UNREADABLE', unreadableMessage);

/** A part of the workbook is larger unpacked than an import may be (a "zip bomb", or simply too much). */
export const tooLargeUnpacked = (what: string, limitBytes: number) =>
  new ValidationError(
    [],
    'IMPORT.TOO_LARGE_UNPACKED',
    `文件解压后过大（${what}超过 ${Math.round(limitBytes / 1024 / 1024)} MB 的上限），请删去不需要的内容或分成几个文件导入`,
  );

/** More entries than any workbook has: the directory is not worth reading. */
const maxEntries = 10_000;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A 64-bit field as a number: beyond 2^53 the file cannot be ours to read anyway. */
function u64(dv: DataView, at: number): number {
  const v = dv.getBigUint64(at, true);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw unreadable();
  return Number(v);
}

/** Where the central directory is and how many entries it has (ZIP64 included). */
function directoryOf(dv: DataView): { offset: number; count: number } {
  const len = dv.byteLength;
  // The end record is 22 bytes plus a comment of at most 65,535: search backwards.
  for (let at = len - 22; at >= 0 && at >= len - 22 - 0xffff; at--) {
    if (dv.getUint32(at, true) !== EOCD) continue;
    let count = dv.getUint16(at + 10, true);
    let offset = dv.getUint32(at + 16, true);
    if (
      (count === 0xffff || offset === 0xffffffff) &&
      at >= 20 &&
      dv.getUint32(at - 20, true) === ZIP64_LOCATOR
    ) {
      const z = u64(dv, at - 12);
      if (z + 56 > len || dv.getUint32(z, true) !== ZIP64_EOCD) throw unreadable();
      count = u64(dv, z + 32);
      offset = u64(dv, z + 48);
    }
    return { offset, count };
  }
  throw unreadable();
}

/**
 * The archive's entries by lower-case name (OPC part names are case-insensitive),
 * without a leading slash. Throws `IMPORT.UNREADABLE` for anything that is not a
 * well-formed ZIP.
 */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const dv = view(bytes);
  if (dv.byteLength < 22) throw unreadable();
  const { offset, count } = directoryOf(dv);
  if (count > maxEntries) throw unreadable();
  const entries = new Map<string, ZipEntry>();
  const utf8 = new TextDecoder('utf-8');
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > dv.byteLength || dv.getUint32(at, true) !== CENTRAL) throw unreadable();
    const nameLen = dv.getUint16(at + 28, true);
    const extraLen = dv.getUint16(at + 30, true);
    const commentLen = dv.getUint16(at + 32, true);
    const end = at + 46 + nameLen + extraLen + commentLen;
    if (end > dv.byteLength) throw unreadable();
    let compressedSize = dv.getUint32(at + 20, true);
    let size = dv.getUint32(at + 24, true);
    let localOffset = dv.getUint32(at + 42, true);
    // ZIP64: the real values sit in extra field 0x0001, in this order, for each field saturated here.
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      let x = at + 46 + nameLen;
      const xEnd = x + extraLen;
      while (x + 4 <= xEnd) {
        const id = dv.getUint16(x, true);
        const n = dv.getUint16(x + 2, true);
        if (id === 0x0001) {
          let f = x + 4;
          const take = () => {
            if (f + 8 > x + 4 + n) throw unreadable();
            const v = u64(dv, f);
            f += 8;
            return v;
          };
          if (size === 0xffffffff) size = take();
          if (compressedSize === 0xffffffff) compressedSize = take();
          if (localOffset === 0xffffffff) localOffset = take();
          break;
        }
        x += 4 + n;
      }
    }
    const name = utf8.decode(bytes.subarray(at + 46, at + 46 + nameLen)).replace(/^\/+/, '');
    entries.set(name.toLowerCase(), {
      name,
      method: dv.getUint16(at + 10, true),
      flags: dv.getUint16(at + 8, true),
      compressedSize,
      size,
      localOffset,
    });
    at = end;
  }
  return entries;
}

/**
 * The content of `entry` as a stream of chunks, at most `limitBytes` in all:
 * refused with `IMPORT.TOO_LARGE_UNPACKED` before inflating when its declared size
 * is over the limit, and `IMPORT.UNREADABLE` the moment it inflates to more than
 * it declared. Stop iterating at any time: the inflater is destroyed with it.
 */
export async function* entryChunks(
  bytes: Uint8Array,
  entry: ZipEntry,
  limitBytes: number,
  what: string,
): AsyncGenerator<Buffer> {
  if (entry.flags & 0x1) throw unreadable(); // encrypted
  if (entry.method !== 0 && entry.method !== 8) throw unreadable();
  if (entry.size > limitBytes) throw tooLargeUnpacked(what, limitBytes);
  const dv = view(bytes);
  const at = entry.localOffset;
  if (at + 30 > dv.byteLength || dv.getUint32(at, true) !== LOCAL) throw unreadable();
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > dv.byteLength) throw unreadable();
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw unreadable();
    const step = 64 * 1024;
    for (let i = 0; i < data.length; i += step)
      yield Buffer.from(data.buffer, data.byteOffset + i, Math.min(step, data.length - i));
    return;
  }
  const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
  let total = 0;
  try {
    inflater.end(data);
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > entry.size) throw unreadable();
      yield chunk;
    }
  } catch (e) {
    if (e instanceof ValidationError) throw e;
    throw unreadable(); // zlib: not deflate data
  } finally {
    inflater.destroy();
  }
  if (total !== entry.size) throw unreadable();
}
