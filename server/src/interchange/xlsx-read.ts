import { SheetError, SheetLimitError, unreadable } from "./sheet-errors.ts";
import { readLimitVariable, type ReadLimits, type ReadScope } from "./read-limits.ts";
import { InflateBudget, inflateEntry, readZipDirectory, type ZipEntry } from "./zip.ts";
import { attributes, XmlScanner, type XmlHandler } from "./xml-scan.ts";
import type { SheetRow } from "./sheets.ts";

/**
 * Issue 15 item 3: the first sheet of an XLSX workbook, read streaming with hard limits. exceljs
 * loaded the whole workbook (every part inflated, every cell an object) before the first row was
 * looked at; here the zip's parts are inflated piece by piece (zip.ts) straight into a scanner
 * (xml-scan.ts), only the parts that matter are read (workbook, its relationships, styles for
 * date formats, shared strings, the first sheet), and every limit of read-limits.ts is checked as
 * the bytes, strings, rows and cells arrive.
 *
 * Each cell reads as exceljs read it (the former sheets.ts cellText over exceljs 4.4's cell,
 * shared-string, rich-text and style xforms): shared and inline strings, rich text joined,
 * `_xHHHH_` escapes decoded in shared strings and rich runs, numbers as `String(parseFloat(v))`,
 * a number whose style's format is a date format (exceljs's `isDateFmt`, built-in ids 14-22 and
 * 45-47, style 0 never) as the wall-clock ISO text of its instant (1900 or 1904 date system),
 * booleans as true/false, errors as "", formulas as their cached result, merged ranges repeating
 * their first cell, a row as long as its last cell holding a value, rows in line order (a repeated
 * line replacing the earlier one). The differences are where exceljs failed or lost the value: a
 * date out of range reads as its number (exceljs threw: "Unexpected error"), `date1904="true"`
 * counts as well as "1", cells without a reference and namespace-prefixed tags are read, and a
 * hyperlinked number reads as its number (exceljs: "").
 */
export interface XlsxReadOptions {
  limits: Readonly<ReadLimits>;
  scope: ReadScope;
}

export async function readXlsxRows(bytes: Uint8Array, { limits, scope }: XlsxReadOptions): Promise<SheetRow[]> {
  const setting = (key: keyof ReadLimits) => readLimitVariable(key, scope);
  const entries = readZipDirectory(bytes);
  const budget = new InflateBudget(limits.inflatedBytes, limits.inflateRatio, setting);
  const read = async (entry: ZipEntry, handler: XmlHandler) => {
    const scanner = new XmlScanner(handler);
    const decoder = new TextDecoder("utf-8");
    await inflateEntry(bytes, entry, budget, (piece) => scanner.push(decoder.decode(piece, { stream: true })));
    scanner.push(decoder.decode());
    scanner.end();
  };

  const workbookEntry = entries.get("xl/workbook.xml");
  if (!workbookEntry) throw unreadable();
  const rels = new RelationshipsReader();
  const relsEntry = entries.get("xl/_rels/workbook.xml.rels");
  if (relsEntry) await read(relsEntry, rels);
  const workbook = new WorkbookReader(rels.byId, entries);
  await read(workbookEntry, workbook);
  if (!workbook.firstSheet) throw new SheetError(1, "The workbook has no sheet");

  const stylesEntry = entries.get("xl/styles.xml") ?? rels.partOfType("/styles", entries);
  const styles = new StylesReader();
  if (stylesEntry) await read(stylesEntry, styles);

  const stringsEntry = entries.get("xl/sharedStrings.xml") ?? rels.partOfType("/sharedStrings", entries);
  const strings = new SharedStringsReader(limits, setting);
  if (stringsEntry) await read(stringsEntry, strings);

  const sheet = new SheetReader({ limits, setting, sharedStrings: strings.strings, dateStyles: styles.dateStyles(), date1904: workbook.date1904 });
  await read(workbook.firstSheet, sheet);
  return sheet.finish();
}

type Setting = (key: keyof ReadLimits) => string;

/** More merged ranges than a sheet to import has (each is kept until the sheet ends). */
const MAX_MERGED_RANGES = 100_000;
/** More cell formats than Excel allows (65,490) or number formats than it keeps. */
const MAX_FORMATS = 100_000;

/** xl/_rels/workbook.xml.rels: relationship id → target part. */
class RelationshipsReader implements XmlHandler {
  readonly wantsText = false;
  readonly byId = new Map<string, { target: string; type: string }>();

  open(name: string, src: string, from: number, to: number): void {
    if (name !== "Relationship") return;
    if (this.byId.size >= 10_000) throw unreadable("too many relationships");
    const a = attributes(src, from, to);
    if (a.Id !== undefined && a.Target !== undefined && !this.byId.has(a.Id)) this.byId.set(a.Id, { target: a.Target, type: a.Type ?? "" });
  }
  close(): void {}
  text(): void {}

  partOfType(suffix: string, entries: Map<string, ZipEntry>): ZipEntry | undefined {
    for (const rel of this.byId.values()) if (rel.type.endsWith(suffix)) return entries.get(partName(rel.target));
    return undefined;
  }
}

/** A relationship's target as exceljs resolved it: relative to xl/ (or absolute under /xl/). */
function partName(target: string): string {
  return `xl/${target.replace(/^(\s|\/xl\/)+/, "")}`;
}

/** xl/workbook.xml: the 1904 date system, and the first sheet (in tab order) that is a worksheet part. */
class WorkbookReader implements XmlHandler {
  readonly wantsText = false;
  date1904 = false;
  firstSheet: ZipEntry | undefined;

  constructor(private readonly rels: Map<string, { target: string; type: string }>, private readonly entries: Map<string, ZipEntry>) {}

  open(name: string, src: string, from: number, to: number): void {
    if (name === "workbookPr") {
      const v = attributes(src, from, to).date1904;
      this.date1904 = v === "1" || v === "true";
    } else if (name === "sheet" && !this.firstSheet) {
      const a = attributes(src, from, to);
      const id = a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1];
      const rel = id === undefined ? undefined : this.rels.get(id);
      if (!rel) return;
      const part = partName(rel.target);
      const entry = this.entries.get(part);
      // exceljs took the parts named xl/worksheets/sheetN.xml; a chartsheet is no table of rows.
      if (entry && (/^xl\/worksheets\/sheet\d+\.xml$/.test(part) || rel.type.endsWith("/worksheet"))) this.firstSheet = entry;
    }
  }
  close(): void {}
  text(): void {}
}

/** exceljs 4.4's built-in number formats (xlsx/defaultnumformats.js, those with a format code). */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
  22: 'm/d/yy "h":mm', 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00 ;(#,##0.00)", 40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

/** exceljs's utils.isDateFmt. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** xl/styles.xml: which cell formats (the `s` of a cell) show a date. */
class StylesReader implements XmlHandler {
  readonly wantsText = false;
  private readonly formats = new Map<number, string>();
  private readonly xfs: number[] = [];
  private inCellXfs = false;

  open(name: string, src: string, from: number, to: number): void {
    if ((name === "numFmt" || name === "xf") && this.formats.size + this.xfs.length >= MAX_FORMATS) throw unreadable("too many formats in styles.xml");
    if (name === "numFmt") {
      const a = attributes(src, from, to);
      this.formats.set(parseInt(a.numFmtId ?? "", 10), (a.formatCode ?? "").replace(/[\\](.)/g, "$1"));
    } else if (name === "cellXfs") {
      this.inCellXfs = true;
    } else if (name === "xf" && this.inCellXfs) {
      this.xfs.push(parseInt(attributes(src, from, to).numFmtId ?? "", 10));
    }
  }
  close(name: string): void {
    if (name === "cellXfs") this.inCellXfs = false;
  }
  text(): void {}

  dateStyles(): boolean[] {
    return this.xfs.map((id) => !!id && isDateFormat(this.formats.get(id) || BUILT_IN_FORMATS[id]));
  }
}

/**
 * A copy of `text` that does not keep the piece of XML it was cut from alive: V8 makes a slice of
 * 13 characters or more a view into its parent string (here: 64 KB of the part), so every kept
 * cell would keep its whole piece. Flattening a concatenation copies the characters.
 */
const detached = (text: string) => (text.length < 13 ? text : (" " + text).slice(1));

/** exceljs's TextXform: `_xHHHH_` escapes (upper-case hex) decoded. */
const unescapeX = (t: string) => (t.indexOf("_x") < 0 ? t : t.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))));

/** xl/sharedStrings.xml: the strings cells refer to by index, each as cellText gave it. */
class SharedStringsReader implements XmlHandler {
  wantsText = false;
  readonly strings: string[] = [];
  private chars = 0;
  private inSi = false;
  private model: string | string[] | null = null;
  private inRun = false;
  private runText: string | undefined;
  private phonetic = 0;
  private raw = "";
  private readonly rawCap: number;

  constructor(private readonly limits: Readonly<ReadLimits>, private readonly setting: Setting) {
    this.rawCap = limits.cellChars * 8 + 64;
  }

  open(name: string): void {
    switch (name) {
      case "si":
        this.inSi = true;
        this.model = null;
        this.inRun = false;
        this.phonetic = 0;
        break;
      case "r":
        if (this.inSi && !this.phonetic) {
          this.inRun = true;
          this.runText = undefined;
        }
        break;
      case "rPh":
        if (this.inSi) this.phonetic++;
        break;
      case "t":
        if (this.inSi && !this.phonetic) {
          this.raw = "";
          this.wantsText = true;
        }
        break;
    }
  }

  text(t: string): void {
    this.raw += t;
    if (this.raw.length > this.rawCap) throw this.tooLong(this.raw.length);
  }

  close(name: string): void {
    switch (name) {
      case "t":
        if (!this.wantsText) break;
        this.wantsText = false;
        if (this.inRun) this.runText = unescapeX(this.raw);
        else this.model = unescapeX(this.raw);
        this.raw = "";
        break;
      case "r":
        if (!this.inRun) break;
        this.inRun = false;
        if (this.model === null) this.model = [];
        if (Array.isArray(this.model)) this.model.push(this.runText ?? "");
        break;
      case "rPh":
        if (this.phonetic) this.phonetic--;
        break;
      case "si": {
        if (!this.inSi) break;
        this.inSi = false;
        const s = this.model === null ? "" : typeof this.model === "string" ? this.model : this.model.join("");
        this.model = null;
        if (s.length > this.limits.cellChars) throw this.tooLong(s.length);
        if (this.strings.length >= this.limits.sharedStrings) {
          throw new SheetLimitError(1, this.setting("sharedStrings"), this.limits.sharedStrings, `The workbook's shared strings table has more than ${this.limits.sharedStrings.toLocaleString("en")} entries`);
        }
        this.chars += s.length;
        if (this.chars > this.limits.sharedStringChars) {
          throw new SheetLimitError(1, this.setting("sharedStringChars"), this.limits.sharedStringChars, `The workbook's shared strings hold more than ${this.limits.sharedStringChars.toLocaleString("en")} characters`);
        }
        this.strings.push(detached(s));
        break;
      }
    }
  }

  private tooLong(length: number): SheetLimitError {
    return new SheetLimitError(1, this.setting("cellChars"), this.limits.cellChars, `A text of the workbook (shared string ${this.strings.length + 1}) has ${length > this.rawCap ? "more than " : ""}${Math.min(length, this.rawCap).toLocaleString("en")} characters, more than a cell may hold`);
  }
}

/** The column of a cell reference in ref[from, to) ("AB12" → 28); NaN when it does not start with letters. */
function columnOf(ref: string, from = 0, to = ref.length): number {
  let col = 0;
  let i = from;
  for (; i < to && i < from + 8; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return i === from ? NaN : col;
}

/** Column number → letters (1 = A). */
export function columnName(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** exceljs's utils.xmlDecode (applied once more to t="str" text, as exceljs did). */
const xmlDecodeAgain = (t: string) =>
  t.indexOf("&") < 0 ? t : t.replace(/&([a-z]*);/g, (m) => ({ "&lt;": "<", "&gt;": ">", "&amp;": "&", "&apos;": "'", "&quot;": '"' })[m] ?? m);

/**
 * A number text that String(parseFloat(text)) gives back unchanged: no leading zeros, no trailing
 * zeros after the point, at most 15 characters (so at most 15 digits: a double keeps 15), not below 1e-6 (written with an
 * exponent) and not "-0".
 */
const CANONICAL_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;
const SMALL_DECIMAL = /^-?0\.000000/;

const NOT_A_VALUE = 0;
const V = 1;
const T = 2;
const F = 3;

interface SheetContext {
  limits: Readonly<ReadLimits>;
  setting: Setting;
  sharedStrings: string[];
  dateStyles: boolean[];
  date1904: boolean;
}

/** The first sheet: its rows (with at least one value) and merged ranges. */
class SheetReader implements XmlHandler {
  wantsText = false;
  private readonly rows: SheetRow[] = [];
  private ordered = true;
  private inSheetData = false;
  // The row being read.
  private line = 0;
  private cells: string[] | null = null;
  private width = 0;
  private lastCol = 0;
  // The cell being read.
  private inCell = false;
  private col = 0;
  private type: string | undefined;
  private style = 0;
  private node = NOT_A_VALUE;
  private value: string | undefined;
  private formula = false;
  private runs: string[] | null = null;
  private inRun = false;
  private inRunText = false;
  private runText: string | undefined;
  private readonly rawCap: number;
  private readonly merges: [number, number, number, number][] = [];
  private cellCount = 0;

  constructor(private readonly ctx: SheetContext) {
    this.rawCap = ctx.limits.cellChars * 8 + 64;
  }

  open(name: string, src: string, from: number, to: number, selfClosing: boolean): void {
    if (this.inCell) {
      switch (name) {
        case "v":
          this.node = V;
          this.wantsText = true;
          break;
        case "f":
          // exceljs: a formula when its text is not empty or it has a type (shared, array).
          if (attributes(src, from, to).t) this.formula = true;
          this.node = F;
          this.wantsText = true;
          break;
        case "r":
          this.inRun = true;
          this.runText = undefined;
          break;
        case "t":
          if (this.inRun) {
            this.inRunText = true;
            this.runText = "";
          } else {
            this.node = T;
          }
          this.wantsText = true;
          break;
      }
      return;
    }
    if (name === "c" && this.cells) {
      this.readCellAttributes(src, from, to);
      this.value = undefined;
      this.formula = false;
      this.runs = null;
      this.inCell = !selfClosing; // <c r="B2" s="3"/>: a styled empty cell, no value
    } else if (name === "row" && this.inSheetData) {
      const r = parseInt(attributes(src, from, to).r ?? "", 10);
      const line = r > 0 ? r : this.line + 1;
      if (line <= this.line) this.ordered = false;
      this.line = line;
      this.cells = [];
      this.width = 0;
      this.lastCol = 0;
    } else if (name === "sheetData") {
      this.inSheetData = true;
    } else if (name === "mergeCell") {
      this.addMerge(attributes(src, from, to).ref);
    }
  }

  /**
   * The attributes of a <c> tag, read in place (the hot path: one per cell): `r` → its column
   * (no `r`: the column after the previous cell), `t` → the type, `s` → the style (0 when absent).
   */
  private readCellAttributes(src: string, from: number, to: number): void {
    let col = NaN;
    let type: string | undefined;
    let style = 0;
    let i = from;
    while (i < to) {
      const c = src.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) {
        i++;
        continue;
      }
      const eq = src.indexOf("=", i);
      if (eq < 0 || eq >= to) break;
      let q = eq + 1;
      while (q < to && src.charCodeAt(q) !== 34 && src.charCodeAt(q) !== 39) q++;
      const end = src.indexOf(src[q]!, q + 1);
      if (q >= to || end < 0 || end >= to) break;
      let nameEnd = eq;
      while (nameEnd > i && (src.charCodeAt(nameEnd - 1) === 32 || src.charCodeAt(nameEnd - 1) === 9)) nameEnd--;
      if (nameEnd === i + 1) {
        if (c === 114 /* r */) col = columnOf(src, q + 1, end);
        else if (c === 116 /* t */) type = src.slice(q + 1, end);
        else if (c === 115 /* s */) style = end > q + 1 ? parseInt(src.slice(q + 1, end), 10) : 0;
      }
      i = end + 1;
    }
    this.col = Number.isNaN(col) ? this.lastCol + 1 : col;
    this.lastCol = this.col;
    this.type = type;
    this.style = style;
  }

  text(t: string): void {
    if (this.inRunText) {
      this.runText += t;
      if (this.runText!.length > this.rawCap) throw this.cellTooLong(this.runText!.length, true);
    } else if (this.node === V || this.node === T) {
      this.value = this.value === undefined ? t : this.value + t;
      if (this.value.length > this.rawCap) throw this.cellTooLong(this.value.length, true);
    } else if (this.node === F) {
      if (t.length) this.formula = true;
    }
  }

  close(name: string): void {
    if (this.inCell) {
      switch (name) {
        case "v":
        case "f":
        case "is":
          this.node = NOT_A_VALUE;
          this.wantsText = false;
          return;
        case "t":
          if (this.inRunText) this.inRunText = false;
          else this.node = NOT_A_VALUE;
          this.wantsText = false;
          return;
        case "r":
          if (!this.inRun) return;
          this.inRun = false;
          (this.runs ??= []).push(this.runText === undefined ? "" : unescapeX(this.runText));
          return;
        case "c":
          this.inCell = false;
          this.node = NOT_A_VALUE;
          this.wantsText = false;
          this.endCell();
          return;
        default:
          return;
      }
    }
    if (name === "c") return; // a self-closing <c/>: nothing to store
    if (name === "row" && this.cells) {
      this.endRow();
    } else if (name === "sheetData") {
      this.inSheetData = false;
    }
  }

  /** The cell's text as exceljs + cellText gave it, or null for a cell without a value. */
  private cellValue(): string | null {
    const { value, type } = this;
    if (this.formula) {
      if (!value) return "";
      if (type === "str") return xmlDecodeAgain(value);
      if (type === "b") return String(parseInt(value, 10) !== 0);
      if (type === "e") return "";
      return this.numberText(parseFloat(value));
    }
    if (value === undefined) {
      if (!this.runs) return null;
      return type === "inlineStr" ? this.runs.join("") : "";
    }
    switch (type) {
      case "s": {
        const s = this.ctx.sharedStrings[parseInt(value, 10)];
        if (s === undefined) throw new SheetError(this.line, `The file is not a readable XLSX workbook (line ${this.line}, column ${columnName(this.col)} refers to a shared string that does not exist)`);
        return s;
      }
      case "str":
        return xmlDecodeAgain(value);
      case "inlineStr":
        return value;
      case "b":
        return String(parseInt(value, 10) !== 0);
      case "e":
        return "";
      default:
        // Most numbers are written as JavaScript writes them back: skip the round trip.
        if (!(this.style && this.ctx.dateStyles[this.style]) && value.length <= 15 && CANONICAL_NUMBER.test(value) && value !== "-0" && !SMALL_DECIMAL.test(value)) return value;
        return this.numberText(parseFloat(value));
    }
  }

  /**
   * A number, or in a date format the wall-clock time it shows. Excel stores dates without a
   * timezone and exceljs handed them back as UTC instants of the shown wall-clock time; that
   * wall-clock time is returned (no offset), so it is read in the estate's timezone like any local
   * timestamp (exceljs's excelToDate, then toISOString without the "Z").
   */
  private numberText(n: number): string {
    if (this.style && this.ctx.dateStyles[this.style]) {
      const at = new Date(Math.round((n - 25569 + (this.ctx.date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
      if (!Number.isNaN(at.getTime())) return at.toISOString().slice(0, 23);
    }
    return String(n);
  }

  private endCell(): void {
    const text = this.cellValue();
    if (text === null) return;
    const { limits, setting } = this.ctx;
    if (this.col > limits.columns) {
      throw new SheetLimitError(this.line, setting("columns"), limits.columns, `Line ${this.line} has a value in column ${this.col > 16_384 ? this.col.toLocaleString("en") : columnName(this.col)}, beyond the ${limits.columns.toLocaleString("en")} columns a file may have`);
    }
    if (text.length > limits.cellChars) throw this.cellTooLong(text.length, false);
    // A shared string is already its own copy (and shared by every cell that refers to it).
    this.cells![this.col - 1] = this.type === "s" ? text : detached(text);
    if (this.col > this.width) this.width = this.col;
  }

  private endRow(): void {
    const cells = this.cells!;
    this.cells = null;
    if (this.width === 0) return;
    // The row's cells up to its last value, the empty ones between included: what it holds.
    this.countCells(this.line, this.width);
    for (let i = 0; i < this.width; i++) if (cells[i] === undefined) cells[i] = "";
    this.rows.push({ line: this.line, cells });
    this.checkRowCount(this.line);
  }

  private checkRowCount(line: number): void {
    const { limits, setting } = this.ctx;
    // The header row comes on top of the data rows the limit counts.
    if (this.rows.length > limits.rows + 1) {
      throw new SheetLimitError(line, setting("rows"), limits.rows, `The sheet has more than ${limits.rows.toLocaleString("en")} rows (line ${line.toLocaleString("en")} is one too many); import larger files with the command line (pnpm run import)`);
    }
  }

  private countCells(line: number, n: number): void {
    const { limits, setting } = this.ctx;
    this.cellCount += n;
    if (this.cellCount > limits.cells) {
      throw new SheetLimitError(line, setting("cells"), limits.cells, `The sheet has more than ${limits.cells.toLocaleString("en")} cells holding a value (reached at line ${line.toLocaleString("en")}); import larger files with the command line (pnpm run import)`);
    }
  }

  private cellTooLong(length: number, atLeast: boolean): SheetLimitError {
    const { limits, setting } = this.ctx;
    return new SheetLimitError(this.line, setting("cellChars"), limits.cellChars,
      `Line ${this.line}, column ${columnName(this.col)}: the cell has ${atLeast ? "more than " : ""}${Math.min(length, atLeast ? limits.cellChars : length).toLocaleString("en")} characters, more than a cell may hold`);
  }

  private addMerge(ref: string | undefined): void {
    const m = ref ? /^\$?([A-Za-z]{1,3})\$?(\d{1,7}):\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref) : null;
    if (!m) return; // a single cell "A1" merges nothing
    const [left, top, right, bottom] = [columnOf(m[1]!), Number(m[2]), columnOf(m[3]!), Number(m[4])];
    const range: [number, number, number, number] = [Math.min(top, bottom), Math.min(left, right), Math.max(top, bottom), Math.max(left, right)];
    if (this.merges.length >= MAX_MERGED_RANGES) throw unreadable(`more than ${MAX_MERGED_RANGES.toLocaleString("en")} merged ranges`);
    // Counted as they come, before anything is filled: a range of a whole sheet is refused, not filled.
    this.countCells(range[0], (range[2] - range[0] + 1) * (range[3] - range[1] + 1) - 1);
    this.merges.push(range);
  }

  /** The rows in line order (a later row of the same line replaces an earlier one), merged ranges filled. */
  finish(): SheetRow[] {
    let rows = this.rows;
    if (!this.ordered || this.merges.length) {
      const byLine = new Map<number, SheetRow>();
      for (const r of rows) byLine.set(r.line, r);
      this.fillMerges(byLine);
      rows = [...byLine.values()].sort((a, b) => a.line - b.line);
    }
    return rows;
  }

  /** exceljs merged every cell of a range into its first: each reads the first cell's value ("" if none). */
  private fillMerges(byLine: Map<number, SheetRow>): void {
    const { limits, setting } = this.ctx;
    for (const [top, left, bottom, right] of this.merges) {
      if (right > limits.columns) {
        throw new SheetLimitError(top, setting("columns"), limits.columns, `A merged range reaches column ${right > 16_384 ? right.toLocaleString("en") : columnName(right)}, beyond the ${limits.columns.toLocaleString("en")} columns a file may have`);
      }
      const master = byLine.get(top)?.cells[left - 1] ?? "";
      for (let line = top; line <= bottom; line++) {
        let row = byLine.get(line);
        if (!row) {
          row = { line, cells: [] };
          byLine.set(line, row);
          this.rows.push(row);
          this.checkRowCount(line);
        }
        for (let col = left; col <= right; col++) if (line !== top || col !== left) row.cells[col - 1] = master;
        for (let i = 0; i < row.cells.length; i++) if (row.cells[i] === undefined) row.cells[i] = "";
      }
    }
  }
}
