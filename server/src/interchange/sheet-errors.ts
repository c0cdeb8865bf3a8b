/** The file itself cannot be read (not a spreadsheet, not UTF-8, malformed quoting). */
export class SheetError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
    this.name = "SheetError";
  }
}

/**
 * Issue 15 item 3: the file goes over one of the reading limits (read-limits.ts). A SheetError,
 * so an import answers it as every unreadable file (ImportRejected with one problem, nothing
 * written; the command line prints it); its message names the setting and its value. `setting`
 * is the environment variable (IMPORT_MAX_ROWS …), `limit` the value in force.
 */
export class SheetLimitError extends SheetError {
  constructor(line: number, readonly setting: string, readonly limit: number, message: string) {
    super(line, `${message} (limit ${setting} = ${limit.toLocaleString("en")})`);
    this.name = "SheetLimitError";
  }
}

/** The one answer for a zip or XML structure that cannot be read; never quotes the file. */
export function unreadable(detail?: string): SheetError {
  return new SheetError(1, `The file is not a readable XLSX workbook${detail ? ` (${detail})` : ""}`);
}
