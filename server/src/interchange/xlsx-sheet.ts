import { SheetLimitError, unreadable } from "./sheet-errors.ts";
import { msg } from "../i18n/messages.ts";
import type { ReadLimits } from "./read-limits.ts";
import { attributes, type XmlHandler } from "./xml-scan.ts";
import type { SheetRow } from "./sheets.ts";
import { detached, MAX_MERGED_RANGES, unescapeX, type Setting } from "./xlsx-parts.ts";
import { columnName, columnOf, mergeRange, writtenAsJavaScriptWould, xmlDecodeAgain } from "./xlsx-cell-text.ts";

/** The first sheet of an XLSX workbook, read from the scanner's events (see xlsx-read.ts). */

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
export class SheetReader implements XmlHandler {
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
        if (s === undefined) throw unreadable("importMissingSharedString", { line: this.line, column: columnName(this.col) }, this.line);
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
        if (!(this.style && this.ctx.dateStyles[this.style]) && writtenAsJavaScriptWould(value)) return value;
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
      throw new SheetLimitError(
        this.line,
        setting("columns"),
        limits.columns,
        msg("importValueBeyondColumns", {
          line: this.line,
          column: this.col > 16_384 ? this.col.toLocaleString("en") : columnName(this.col),
          max: limits.columns.toLocaleString("en"),
        }),
      );
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
      throw new SheetLimitError(
        line,
        setting("rows"),
        limits.rows,
        msg("importSheetTooManyRows", { max: limits.rows.toLocaleString("en"), line: line.toLocaleString("en") }),
      );
    }
  }

  private countCells(line: number, n: number): void {
    const { limits, setting } = this.ctx;
    this.cellCount += n;
    if (this.cellCount > limits.cells) {
      throw new SheetLimitError(
        line,
        setting("cells"),
        limits.cells,
        msg("importSheetTooManyCells", { max: limits.cells.toLocaleString("en"), line: line.toLocaleString("en") }),
      );
    }
  }

  private cellTooLong(length: number, atLeast: boolean): SheetLimitError {
    const { limits, setting } = this.ctx;
    return new SheetLimitError(
      this.line,
      setting("cellChars"),
      limits.cellChars,
      msg(atLeast ? "importCellMoreChars" : "importCellTooManyChars", {
        line: this.line,
        column: columnName(this.col),
        length: Math.min(length, atLeast ? limits.cellChars : length).toLocaleString("en"),
      }),
    );
  }

  private addMerge(ref: string | undefined): void {
    const range = mergeRange(ref);
    if (!range) return; // a single cell "A1" merges nothing
    if (this.merges.length >= MAX_MERGED_RANGES)
      throw unreadable("importXlsxTooManyMerges", { max: MAX_MERGED_RANGES.toLocaleString("en") });
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
        throw new SheetLimitError(
          top,
          setting("columns"),
          limits.columns,
          msg("importMergeBeyondColumns", {
            column: right > 16_384 ? right.toLocaleString("en") : columnName(right),
            max: limits.columns.toLocaleString("en"),
          }),
        );
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
