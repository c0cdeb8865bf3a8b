import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { guardFormula, unguardFormula } from "./formula-guard.ts";

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

/** The file itself cannot be read (not a spreadsheet, not UTF-8, malformed quoting). */
export class SheetError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
    this.name = "SheetError";
  }
}

/** XLSX is a zip archive ("PK\x03\x04"); anything else is read as CSV. */
export function detectFormat(bytes: Uint8Array): FileFormat {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 ? "XLSX" : "CSV";
}

export async function readSheet(bytes: Uint8Array, format: FileFormat = detectFormat(bytes)): Promise<Sheet> {
  const records = format === "XLSX" ? await xlsxRecords(bytes) : csvRecords(bytes);
  const blank = (cells: string[]) => cells.every((c) => c.trim() === "");
  const first = records.findIndex((r) => !blank(r.cells));
  if (first < 0) throw new SheetError(1, "The file has no header row");
  const header = records[first]!;
  return { headerLine: header.line, headers: header.cells, rows: records.slice(first + 1).filter((r) => !blank(r.cells)) };
}

function csvRecords(bytes: Uint8Array): SheetRow[] {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new SheetError(1, "The file is not UTF-8 text: save it as \"CSV UTF-8\" or as XLSX");
  }
  let rows: string[][];
  try {
    rows = plainCsv(text) ?? parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false, trim: false });
  } catch (e) {
    // csv-parse's messages can quote a character of the data: report its code and line only.
    const err = e as { code?: string; lines?: number };
    throw new SheetError(err.lines ?? 1, `The CSV is malformed (${err.code ?? "parse error"}); check the quoting (RFC 4180)`);
  }
  // Record i is spreadsheet line i + 1: a quoted cell spanning lines is still one row.
  return rows.map((cells, i) => ({ line: i + 1, cells: cells.map(unguardFormula) }));
}

/**
 * The common case read fast: a file without a quote character and with one kind of line ending
 * is RFC 4180 with nothing to unquote, so its records are its lines and its cells split at commas
 * (exactly what csv-parse makes of it, at a fraction of the cost). Anything else: null.
 */
function plainCsv(text: string): string[][] | null {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('"')) return null;
  const cr = text.includes("\r");
  if (cr && (text.split("\r\n").length !== text.split("\r").length || text.split("\r\n").length !== text.split("\n").length)) return null;
  const lines = text.split(cr ? "\r\n" : "\n");
  if (lines.at(-1) === "") lines.pop();
  return lines.map((line) => line.split(","));
}

async function xlsxRecords(bytes: Uint8Array): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw new SheetError(1, "The file is not a readable XLSX workbook");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SheetError(1, "The workbook has no sheet");
  const out: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
    out.push({ line, cells });
  });
  return out;
}

/**
 * A cell as the text it shows. Excel stores dates without a timezone and exceljs hands them back as
 * UTC instants of the shown wall-clock time: that wall-clock time is returned (no offset), so it is
 * read in the estate's timezone like any local timestamp.
 */
function cellText(v: ExcelJS.CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 23);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("text" in v && typeof v.text === "string") return v.text;
    if ("result" in v) return cellText(v.result as ExcelJS.CellValue);
    if ("error" in v) return "";
    return "";
  }
  return String(v);
}

/** A spreadsheet for download: CSV (UTF-8 with BOM, so that Excel shows Chinese) or XLSX. */
export async function writeSheet(format: FileFormat, sheetName: string, headers: readonly string[], rows: readonly (string | number)[][]): Promise<Buffer> {
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
