import { createInflateRaw } from "node:zlib";
import { SheetLimitError, unreadable } from "./sheet-errors.ts";
import { msg } from "../i18n/messages.ts";
import { bytesText } from "./read-limits.ts";

/**
 * Issue 15 item 3: the zip container of an XLSX, read from the uploaded bytes without inflating
 * anything up front. The central directory says where each part is; a part is inflated only when
 * the reader asks for it, streamed in 64 KB pieces to a callback, and every piece is counted
 * before it is handed on:
 *  - a part whose declared size would take the file over the inflated-bytes limit is refused
 *    before a byte of it is inflated;
 *  - a part that inflates to more than it declares is refused at that piece (a lying zip bomb
 *    stops after a few KB): as the declared sizes were checked against the limit, this also stops
 *    the total as soon as it would exceed the limit; the running total is checked too.
 * A part that inflates more than IMPORT_MAX_INFLATE_RATIO times its compressed size is refused as
 * soon as that shows (after its first 8 MB), so an honest bomb under the byte limit costs no more
 * than that either. Nothing is kept but the piece being parsed. Stored (0) and deflated (8) parts
 * only, as Excel and every XLSX writer use; ZIP64 sizes are understood; encrypted parts are refused.
 */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** A workbook of more parts than this is no spreadsheet to import (Excel writes a dozen). */
export const MAX_ZIP_ENTRIES = 10_000;
/** Size of the pieces handed to the parser. */
const PIECE = 64 * 1024;

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x1_0000_0000;

/** The parts of the archive by name (a leading "/" dropped, as exceljs did). */
export function readZipDirectory(bytes: Uint8Array): Map<string, ZipEntry> {
  const n = bytes.length;
  let eocd = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 0xffff); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable("importZipNoDirectory");
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || u32(bytes, locator) !== 0x07064b50) throw unreadable("importZip64Damaged");
    const record = u64(bytes, locator + 8);
    if (record + 56 > n || u32(bytes, record) !== 0x06064b50) throw unreadable("importZip64Damaged");
    count = u64(bytes, record + 32);
    cdSize = u64(bytes, record + 40);
    cdOffset = u64(bytes, record + 48);
  }
  if (count > MAX_ZIP_ENTRIES) throw unreadable("importZipTooManyParts", { max: MAX_ZIP_ENTRIES.toLocaleString("en") });
  if (cdOffset + cdSize > n) throw unreadable("importZipDirectoryDamaged");
  const names = new TextDecoder("utf-8");
  const entries = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > n || u32(bytes, p) !== 0x02014b50) throw unreadable("importZipDirectoryDamaged");
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let uncompressedSize = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    let localHeaderOffset = u32(bytes, p + 42);
    const nameEnd = p + 46 + nameLength;
    if (nameEnd + extraLength + commentLength > n) throw unreadable("importZipDirectoryDamaged");
    // ZIP64: the sizes and offset that do not fit 32 bits are in the extra field 0x0001, in this order.
    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      for (let e = nameEnd; e + 4 <= nameEnd + extraLength; ) {
        const id = u16(bytes, e);
        const size = u16(bytes, e + 2);
        if (id === 0x0001) {
          let f = e + 4;
          if (uncompressedSize === 0xffffffff && f + 8 <= e + 4 + size) (uncompressedSize = u64(bytes, f)), (f += 8);
          if (compressedSize === 0xffffffff && f + 8 <= e + 4 + size) (compressedSize = u64(bytes, f)), (f += 8);
          if (localHeaderOffset === 0xffffffff && f + 8 <= e + 4 + size) localHeaderOffset = u64(bytes, f);
          break;
        }
        e += 4 + size;
      }
    }
    let name = names.decode(bytes.subarray(p + 46, nameEnd));
    if (name.startsWith("/")) name = name.slice(1);
    if (!entries.has(name)) entries.set(name, { name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
    p = nameEnd + extraLength + commentLength;
  }
  return entries;
}

/** A part may inflate freely to this size before its compression ratio is checked. */
export const RATIO_GRACE_BYTES = 8 * 1024 * 1024;

/** The inflated bytes of one file so far, against its limits. */
export class InflateBudget {
  used = 0;
  constructor(
    readonly max: number,
    readonly maxRatio: number,
    private readonly setting: (key: "inflatedBytes" | "inflateRatio") => string,
  ) {}

  /** Refuses a part whose declared size would take the total over the limit (nothing inflated yet). */
  reserve(entry: ZipEntry): void {
    if (this.used + entry.uncompressedSize > this.max) throw this.exceeded(this.used + entry.uncompressedSize);
  }

  exceeded(total: number): SheetLimitError {
    return new SheetLimitError(
      1,
      this.setting("inflatedBytes"),
      this.max,
      msg("importZipInflates", { size: bytesText(total), max: bytesText(this.max) }),
    );
  }

  /**
   * A part inflating past the size it declares: its declared size is what reserve() admitted
   * under the limit, so it is refused under the limit's name, at once.
   */
  overDeclared(entry: ZipEntry): SheetLimitError {
    return new SheetLimitError(
      1,
      this.setting("inflatedBytes"),
      this.max,
      msg("importZipOverDeclared", { size: bytesText(entry.uncompressedSize) }),
    );
  }

  /** A part that has inflated `inflated` bytes out of `compressed`: refused beyond the ratio (after the grace). */
  checkRatio(inflated: number, compressed: number): void {
    if (inflated > RATIO_GRACE_BYTES && inflated > this.maxRatio * Math.max(compressed, 1)) {
      throw new SheetLimitError(
        1,
        this.setting("inflateRatio"),
        this.maxRatio,
        msg("importZipRatio", { ratio: this.maxRatio, inflated: bytesText(inflated), compressed: bytesText(compressed) }),
      );
    }
  }
}

/**
 * Inflates one part, handing each piece (at most 64 KB) to `onPiece` as it comes; `onPiece` may
 * throw to stop (a parse limit), and so may the counting here. Resolves when the part has been
 * read whole; nothing of it is kept here.
 */
export async function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: InflateBudget,
  onPiece: (piece: Uint8Array) => void,
): Promise<void> {
  if (entry.flags & 0x1) throw unreadable("importZipEncrypted");
  if (entry.method !== 0 && entry.method !== 8) throw unreadable("importZipMethod", { method: entry.method });
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) throw unreadable("importZipPartDamaged");
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw unreadable("importZipPartDamaged");
  budget.reserve(entry);
  const data = bytes.subarray(start, end);
  let got = 0;
  const count = (length: number, compressed: number) => {
    got += length;
    budget.used += length;
    // The declared sizes passed reserve(): a part that inflates past its own is a lie, stopped here.
    if (got > entry.uncompressedSize) throw budget.overDeclared(entry);
    if (budget.used > budget.max) throw budget.exceeded(budget.used);
    budget.checkRatio(got, compressed);
  };

  if (entry.method === 0) {
    if (data.length !== entry.uncompressedSize) throw unreadable("importZipPartDamaged");
    for (let i = 0; i < data.length; i += PIECE) {
      const piece = data.subarray(i, Math.min(i + PIECE, data.length));
      count(piece.length, i + piece.length);
      onPiece(piece);
    }
    return;
  }

  await inflatePieces(data, (piece, consumed) => {
    count(piece.length, consumed);
    onPiece(piece);
  });
  // As JSZip (exceljs) did: a part shorter than it declares is damaged.
  if (got !== entry.uncompressedSize) throw unreadable("importZipPartDamaged");
}

/**
 * Raw deflate data inflated piece by piece. zlib inflates in the thread pool while the previous
 * piece is parsed here, and stops when one piece waits unread (the stream's buffer is full), so
 * at most two pieces exist at a time; an exception of `onPiece` destroys the stream at once.
 */
async function inflatePieces(data: Uint8Array, onPiece: (piece: Uint8Array, consumed: number) => void): Promise<void> {
  const inflater = createInflateRaw({ chunkSize: PIECE });
  inflater.end(data);
  let piece: Buffer;
  try {
    // bytesWritten: the compressed bytes zlib has consumed (up to the piece it works on ahead).
    for await (piece of inflater) onPiece(piece, inflater.bytesWritten);
  } catch (e) {
    if ((e as { code?: string }).code?.startsWith("Z_")) throw unreadable("importZipDataDamaged");
    throw e;
  } finally {
    inflater.destroy();
  }
}
