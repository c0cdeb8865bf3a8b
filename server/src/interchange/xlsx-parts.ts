import { SheetLimitError, unreadable } from "./sheet-errors.ts";
import { msg } from "../i18n/messages.ts";
import type { ReadLimits } from "./read-limits.ts";
import type { ZipEntry } from "./zip.ts";
import { attributes, type XmlHandler } from "./xml-scan.ts";

/**
 * The parts of an XLSX workbook besides the sheet (issue 15 item 3, see xlsx-read.ts): its
 * relationships, the workbook (date system, first sheet), styles (which formats are dates) and
 * shared strings, each read from the scanner's events with the read limits checked.
 */
/** A read-limit setting's variable name, for messages (read-limits.ts). */
export type Setting = (key: keyof ReadLimits) => string;

/** More merged ranges than a sheet to import has (each is kept until the sheet ends). */
export const MAX_MERGED_RANGES = 100_000;
/** More cell formats than Excel allows (65,490) or number formats than it keeps. */
export const MAX_FORMATS = 100_000;

/** xl/_rels/workbook.xml.rels: relationship id → target part. */
export class RelationshipsReader implements XmlHandler {
  readonly wantsText = false;
  readonly byId = new Map<string, { target: string; type: string }>();

  open(name: string, src: string, from: number, to: number): void {
    if (name !== "Relationship") return;
    if (this.byId.size >= 10_000) throw unreadable("importXlsxTooManyRelationships");
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
export class WorkbookReader implements XmlHandler {
  readonly wantsText = false;
  date1904 = false;
  firstSheet: ZipEntry | undefined;

  constructor(
    private readonly rels: Map<string, { target: string; type: string }>,
    private readonly entries: Map<string, ZipEntry>,
  ) {}

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
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** exceljs's utils.isDateFmt. */
function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]+/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** xl/styles.xml: which cell formats (the `s` of a cell) show a date. */
export class StylesReader implements XmlHandler {
  readonly wantsText = false;
  private readonly formats = new Map<number, string>();
  private readonly xfs: number[] = [];
  private inCellXfs = false;

  open(name: string, src: string, from: number, to: number): void {
    if ((name === "numFmt" || name === "xf") && this.formats.size + this.xfs.length >= MAX_FORMATS)
      throw unreadable("importXlsxTooManyFormats");
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
export const detached = (text: string) => (text.length < 13 ? text : (" " + text).slice(1));

/** exceljs's TextXform: `_xHHHH_` escapes (upper-case hex) decoded. */
export const unescapeX = (t: string) =>
  t.indexOf("_x") < 0 ? t : t.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** xl/sharedStrings.xml: the strings cells refer to by index, each as cellText gave it. */
export class SharedStringsReader implements XmlHandler {
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

  constructor(
    private readonly limits: Readonly<ReadLimits>,
    private readonly setting: Setting,
  ) {
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
          throw new SheetLimitError(
            1,
            this.setting("sharedStrings"),
            this.limits.sharedStrings,
            msg("importSharedStringsCount", { max: this.limits.sharedStrings.toLocaleString("en") }),
          );
        }
        this.chars += s.length;
        if (this.chars > this.limits.sharedStringChars) {
          throw new SheetLimitError(
            1,
            this.setting("sharedStringChars"),
            this.limits.sharedStringChars,
            msg("importSharedStringsChars", { max: this.limits.sharedStringChars.toLocaleString("en") }),
          );
        }
        this.strings.push(detached(s));
        break;
      }
    }
  }

  private tooLong(length: number): SheetLimitError {
    return new SheetLimitError(
      1,
      this.setting("cellChars"),
      this.limits.cellChars,
      msg(length > this.rawCap ? "importSharedStringMoreChars" : "importSharedStringTooLong", {
        index: this.strings.length + 1,
        length: Math.min(length, this.rawCap).toLocaleString("en"),
      }),
    );
  }
}
