import { msg, render, type Bilingual, type MessageKey, type Msg, type Params } from "../i18n/messages.ts";

/**
 * The file itself cannot be read (not a spreadsheet, not UTF-8, malformed quoting). `reason` is
 * the catalogue message (i18n/catalogue/interchange.ts), shown in the importing person's language;
 * the error's own message is its English, for logs and the tests of the readers.
 */
export class SheetError extends Error {
  constructor(
    readonly line: number,
    readonly reason: Msg,
  ) {
    super(render(reason, "en"));
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
  constructor(
    line: number,
    readonly setting: string,
    readonly limit: number,
    reason: Msg,
  ) {
    super(line, msg("importOverLimit", { reason: both(reason), setting, limit: limit.toLocaleString("en") }));
    this.name = "SheetLimitError";
  }
}

/** A catalogue message in both languages, to go inside another as a parameter. */
export function both(m: Msg): Bilingual {
  return [render(m, "zh"), render(m, "en")];
}

/** The one answer for a zip or XML structure that cannot be read; never quotes the file. */
export function unreadable(detail?: MessageKey, params?: Params, line = 1): SheetError {
  return new SheetError(
    line,
    detail ? msg("importUnreadableXlsxBecause", { detail: both(msg(detail, params)) }) : msg("importUnreadableXlsx"),
  );
}
