import { isUtf8 } from "node:buffer";
import ExcelJS from "exceljs";
import { Parser as CsvParser } from "csv-parse";
import { stringify } from "csv-stringify/sync";
import { guardFormula, unguardFormula } from "./formula-guard.ts";
import { bytesText, currentReadSettings, readLimitVariable, type ReadLimits, type ReadSettings } from "./read-limits.ts";
import { SheetError, SheetLimitError } from "./sheet-errors.ts";
import { msg } from "../i18n/messages.ts";
import { columnName, readXlsxRows } from "./xlsx-read.ts";

export { SheetError, SheetLimitError } from "./sheet-errors.ts";

/**
 * SPEC §13: a file is a header row and data rows, from CSV (UTF-8 with or without BOM, RFC 4180)
 * or the first sheet of an XLSX workbook. Both read into the same shape, every cell as text, with
 * each row's spreadsheet line number (the header is line 1), so that the rest of the import never
 * knows which format it came from.
 */
export type FileFormat = "CSV" | "XLSX";

export interface SheetRow {
  line: number;
  cells: string[];
}

export interface Sheet {
  headerLine: number;
  headers: string[];
  rows: SheetRow[];
}

/** XLSX is a zip archive ("PK\x03\x04"); anything else is read as CSV. */
export function detectFormat(bytes: Uint8Array): FileFormat {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 ? "XLSX" : "CSV";
}

/**
 * Issue 15 item 3: the file is read within the limits of the import running now (read-limits.ts:
 * an upload's, or the command line's); going over one refuses the file with a SheetLimitError
 * naming the setting, before the rest of the file is read.
 */
export async function readSheet(
  bytes: Uint8Array,
  format: FileFormat = detectFormat(bytes),
  settings: ReadSettings = currentReadSettings(),
): Promise<Sheet> {
  const { limits, scope } = settings;
  if (bytes.length > limits.fileBytes) {
    throw new SheetLimitError(
      1,
      readLimitVariable("fileBytes", scope),
      limits.fileBytes,
      msg("importFileTooBig", { size: bytesText(bytes.length), max: bytesText(limits.fileBytes) }),
    );
  }
  const records = format === "XLSX" ? await readXlsxRows(bytes, settings) : csvRecords(bytes, new Caps(settings));
  const blank = (cells: string[]) => cells.every((c) => c.trim() === "");
  const first = records.findIndex((r) => !blank(r.cells));
  if (first < 0) throw new SheetError(1, msg("importNoHeaderRow"));
  const header = records[first]!;
  return { headerLine: header.line, headers: header.cells, rows: records.slice(first + 1).filter((r) => !blank(r.cells)) };
}

/** Issue 15 item 3: the row, column and cell limits as a CSV is read (an XLSX checks the same in xlsx-read.ts). */
class Caps {
  readonly limits: Readonly<ReadLimits>;
  private cellCount = 0;
  constructor(private readonly settings: ReadSettings) {
    this.limits = settings.limits;
  }

  /** Records in all, the header among them (a CSV's blank lines count). */
  records(count: number): void {
    const { rows } = this.limits;
    if (count > rows + 1) {
      throw new SheetLimitError(
        count,
        this.setting("rows"),
        rows,
        msg("importTooManyRows", { max: rows.toLocaleString("en"), line: count.toLocaleString("en") }),
      );
    }
  }

  columns(line: number, count: number): void {
    const { columns } = this.limits;
    if (count > columns)
      throw new SheetLimitError(
        line,
        this.setting("columns"),
        columns,
        msg("importTooManyColumns", { line, max: columns.toLocaleString("en") }),
      );
  }

  cell(line: number, column: number, length: number, atLeast = false): void {
    const { cellChars } = this.limits;
    if (length > cellChars) {
      throw new SheetLimitError(
        line,
        this.setting("cellChars"),
        cellChars,
        msg(atLeast ? "importCellMoreChars" : "importCellTooManyChars", {
          line,
          column: columnName(column),
          length: (atLeast ? cellChars : length).toLocaleString("en"),
        }),
      );
    }
  }

  /** Every cell of a record. */
  record(line: number, cells: string[]): void {
    this.columns(line, cells.length);
    for (let i = 0; i < cells.length; i++) this.cell(line, i + 1, cells[i]!.length);
    this.cellCount += cells.length;
    if (this.cellCount > this.limits.cells) {
      const { cells: max } = this.limits;
      throw new SheetLimitError(
        line,
        this.setting("cells"),
        max,
        msg("importTooManyCells", { max: max.toLocaleString("en"), line: line.toLocaleString("en") }),
      );
    }
  }

  private setting(key: keyof ReadLimits): string {
    return readLimitVariable(key, this.settings.scope);
  }
}

function csvRecords(bytes: Uint8Array, caps: Caps): SheetRow[] {
  if (!isUtf8(bytes)) throw new SheetError(1, msg("importNotUtf8"));
  const text = new TextDecoder("utf-8").decode(bytes);
  const plain = plainCsv(text, caps);
  // Record i is spreadsheet line i + 1: a quoted cell spanning lines is still one row.
  if (plain) return plain.map((cells, i) => ({ line: i + 1, cells: cells.map(unguardFormula) }));
  return quotedCsv(bytes, caps).map((cells, i) => ({ line: i + 1, cells: cells.map(unguardFormula) }));
}

/** How often `needle` occurs in `text`, without copying it. */
function occurrences(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/**
 * The common case read fast: a file without a quote character and with one kind of line ending
 * is RFC 4180 with nothing to unquote, so its records are its lines and its cells split at commas
 * (exactly what csv-parse makes of it, at a fraction of the cost). Anything else: null. Lines are
 * taken one at a time and checked against the limits before they are split (issue 15 item 3).
 */
function plainCsv(text: string, caps: Caps): string[][] | null {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('"')) return null;
  const cr = occurrences(text, "\r");
  if (cr) {
    const crlf = occurrences(text, "\r\n");
    if (crlf !== cr || crlf !== occurrences(text, "\n")) return null;
  }
  const separator = cr ? "\r\n" : "\n";
  const maxColumns = caps.limits.columns;
  const rows: string[][] = [];
  for (let start = 0; ; ) {
    let end = text.indexOf(separator, start);
    const last = end < 0;
    if (last) {
      if (start === text.length) break; // the file ends with a line break
      end = text.length;
    }
    const line = rows.length + 1;
    caps.records(line);
    // Count the commas before splitting: a line of a million commas is refused, not split.
    let commas = 0;
    for (let i = text.indexOf(",", start); i >= 0 && i < end; i = text.indexOf(",", i + 1)) {
      if (++commas >= maxColumns) caps.columns(line, commas + 1);
    }
    const cells = text.slice(start, end).split(",");
    caps.record(line, cells);
    rows.push(cells);
    if (last) break;
    start = end + separator.length;
  }
  return rows;
}

/** csv-parse's incremental interface (the `api` of its stream Parser) and the state it keeps for the record being read. */
interface CsvParseApi {
  parse(buffer: Buffer | undefined, end: boolean, push: (record: string[]) => void, close: () => void): Error | undefined;
  state: { record: unknown[]; field: { length: number } };
}

/**
 * Quoted CSV through csv-parse (RFC 4180), fed 64 KB at a time so that the limits hold within a
 * record too: after each piece the record being read is checked for its columns so far and its
 * cell's bytes so far (a piece adds at most 64 K of either).
 */
function quotedCsv(bytes: Uint8Array, caps: Caps): string[][] {
  const parser = new CsvParser({ bom: true, relax_column_count: true, skip_empty_lines: false, trim: false });
  const api = (parser as unknown as { api: CsvParseApi }).api;
  const rows: string[][] = [];
  const push = (cells: string[]) => {
    const line = rows.length + 1;
    caps.records(line);
    caps.record(line, cells);
    rows.push(cells);
  };
  const fail = (e: Error): never => {
    // csv-parse's messages can quote a character of the data: report its code and line only.
    const err = e as { code?: string; lines?: number };
    throw new SheetError(err.lines ?? 1, msg("importCsvMalformed", { code: err.code ?? "parse error" }));
  };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const PIECE = 64 * 1024;
  for (let i = 0; i < buffer.length; i += PIECE) {
    const err = api.parse(buffer.subarray(i, Math.min(i + PIECE, buffer.length)), false, push, () => {});
    if (err) fail(err);
    const line = rows.length + 1;
    caps.columns(line, api.state.record.length);
    // A UTF-8 character is at most 4 bytes: more bytes than 4 × the limit are surely too many characters.
    caps.cell(line, api.state.record.length + 1, Math.floor(api.state.field.length / 4), true);
  }
  const err = api.parse(undefined, true, push, () => {});
  if (err) fail(err);
  return rows;
}

/** A spreadsheet for download: CSV (UTF-8 with BOM, so that Excel shows Chinese) or XLSX. */
export async function writeSheet(
  format: FileFormat,
  sheetName: string,
  headers: readonly string[],
  rows: readonly (string | number)[][],
): Promise<Buffer> {
  if (format === "CSV") {
    const safe = rows.map((r) => r.map((v) => (typeof v === "string" ? guardFormula(v) : v)));
    return Buffer.from(stringify([headers as string[], ...safe], { bom: true, record_delimiter: "\r\n" }), "utf8");
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...headers]).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const MIME_TYPES: Record<FileFormat, string> = {
  CSV: "text/csv; charset=utf-8",
  XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};
