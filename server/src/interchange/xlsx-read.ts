import { SheetError, unreadable } from "./sheet-errors.ts";
import { msg } from "../i18n/messages.ts";
import { readLimitVariable, type ReadLimits, type ReadScope } from "./read-limits.ts";
import { InflateBudget, inflateEntry, readZipDirectory, type ZipEntry } from "./zip.ts";
import { XmlScanner, type XmlHandler } from "./xml-scan.ts";
import type { SheetRow } from "./sheets.ts";
import { RelationshipsReader, SharedStringsReader, StylesReader, WorkbookReader } from "./xlsx-parts.ts";
import { SheetReader } from "./xlsx-sheet.ts";

export { columnName } from "./xlsx-cell-text.ts";

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
  if (!workbook.firstSheet) throw new SheetError(1, msg("importNoSheet"));

  const stylesEntry = entries.get("xl/styles.xml") ?? rels.partOfType("/styles", entries);
  const styles = new StylesReader();
  if (stylesEntry) await read(stylesEntry, styles);

  const stringsEntry = entries.get("xl/sharedStrings.xml") ?? rels.partOfType("/sharedStrings", entries);
  const strings = new SharedStringsReader(limits, setting);
  if (stringsEntry) await read(stringsEntry, strings);

  const sheet = new SheetReader({
    limits,
    setting,
    sharedStrings: strings.strings,
    dateStyles: styles.dateStyles(),
    date1904: workbook.date1904,
  });
  await read(workbook.firstSheet, sheet);
  return sheet.finish();
}
