import { AsyncLocalStorage } from "node:async_hooks";
import { StartupError } from "@tingjian/prisma";

/**
 * Issue 15 item 3: how much of a spreadsheet file is read before it is refused. A 795 KB XLSX
 * whose sheet inflated to gigabytes once took 21 s and 2.3 GB; every quantity that costs memory
 * or time is now capped while the file is read (xlsx-read.ts, sheets.ts), and going over a cap
 * refuses the file with a SheetLimitError naming the setting (nothing is written).
 *
 * Two sets: uploads through the API (`importFile`, the web page), sized for real imports (the
 * interchange files and the benchmark import 20,000+ rows; a request's transaction ends after
 * 60 s anyway, about 50,000 complaint rows), and the command line (`pnpm run import`, the operator
 * importing a complaint history of 2 M rows from their own disk), which caps only the shape of a
 * sheet unless told otherwise.
 */
export interface ReadLimits {
  /** The file as uploaded (compressed, for XLSX), in bytes. */
  fileBytes: number;
  /** XLSX: bytes inflated from the zip, all parts read together (workbook, styles, shared strings, sheet). */
  inflatedBytes: number;
  /** Rows below the header (blank rows of a CSV count; an XLSX stores none). */
  rows: number;
  /** Columns of a row (the last column that holds a value). */
  columns: number;
  /** Cells of the whole file (those that hold a value; a merged range counts each of its cells). */
  cells: number;
  /** Characters of one cell (Excel's own maximum is 32,767). */
  cellChars: number;
  /** XLSX: entries of the shared strings table. */
  sharedStrings: number;
  /** XLSX: characters of all shared strings together. */
  sharedStringChars: number;
  /**
   * XLSX: how many times larger than its compressed size a part may inflate, checked from the
   * first 8 MB of the part on (Apache POI refuses the same, at the same ratio, as a zip bomb).
   */
  inflateRatio: number;
}

const MiB = 1024 * 1024;

/**
 * A 20,000-row complaints XLSX written by exceljs is 1.7 MB and inflates to 18 MB (ratio 10),
 * 420,000 cells (as CSV: 8 MB); these defaults leave five times that, and keep what a file can
 * make the server hold (its cells and strings) near 150 MB. The file size stays under the request
 * body graphql-yoga accepts (`maxRequestBodySize`, 25,000,000 bytes unless yoga.ts sets it), so
 * that a file over it is refused by this limit, by name.
 */
export const UPLOAD_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  fileBytes: 20 * MiB,
  inflatedBytes: 128 * MiB,
  rows: 100_000,
  columns: 256,
  cells: 3_000_000,
  cellChars: 32_767,
  sharedStrings: 1_000_000,
  sharedStringChars: 32_000_000,
  inflateRatio: 100,
});

/** The operator's own files: only the shape of a sheet is capped (Excel's own maxima). */
export const COMMAND_LINE_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  fileBytes: Infinity,
  inflatedBytes: Infinity,
  rows: Infinity,
  columns: 16_384,
  cells: Infinity,
  cellChars: 32_767,
  sharedStrings: Infinity,
  sharedStringChars: Infinity,
  inflateRatio: Infinity,
});

/** The environment variable of each limit for uploads; the command line's is IMPORT_CLI_MAX_… */
export const READ_LIMIT_VARIABLES: Readonly<Record<keyof ReadLimits, string>> = Object.freeze({
  fileBytes: "IMPORT_MAX_FILE_BYTES",
  inflatedBytes: "IMPORT_MAX_INFLATED_BYTES",
  rows: "IMPORT_MAX_ROWS",
  columns: "IMPORT_MAX_COLUMNS",
  cells: "IMPORT_MAX_CELLS",
  cellChars: "IMPORT_MAX_CELL_CHARS",
  sharedStrings: "IMPORT_MAX_SHARED_STRINGS",
  sharedStringChars: "IMPORT_MAX_SHARED_STRING_CHARS",
  inflateRatio: "IMPORT_MAX_INFLATE_RATIO",
});

export type ReadScope = "upload" | "command-line";

/** The variable that sets `key` in `scope` (IMPORT_MAX_ROWS, IMPORT_CLI_MAX_ROWS …). */
export function readLimitVariable(key: keyof ReadLimits, scope: ReadScope): string {
  const name = READ_LIMIT_VARIABLES[key];
  return scope === "upload" ? name : name.replace(/^IMPORT_MAX_/, "IMPORT_CLI_MAX_");
}

/**
 * The limits of `scope` from the environment: a positive whole number, or `none` for no limit;
 * anything else stops the start (or the import) with the variable named.
 */
export function readLimitsFromEnv(scope: ReadScope, env: NodeJS.ProcessEnv = process.env): ReadLimits {
  const limits: ReadLimits = { ...(scope === "upload" ? UPLOAD_READ_LIMITS : COMMAND_LINE_READ_LIMITS) };
  for (const key of Object.keys(READ_LIMIT_VARIABLES) as (keyof ReadLimits)[]) {
    const name = readLimitVariable(key, scope);
    const raw = env[name]?.trim();
    if (raw === undefined || raw === "") continue;
    if (/^(none|off|unlimited)$/i.test(raw)) {
      limits[key] = Infinity;
      continue;
    }
    const value = Number(raw.replace(/_/g, ""));
    if (!Number.isSafeInteger(value) || value < 1)
      throw new StartupError(`${name} must be a positive whole number or "none" (got "${raw}")`);
    limits[key] = value;
  }
  return limits;
}

/** The limits an import reads its file with, and which set of variables they come from. */
export interface ReadSettings {
  scope: ReadScope;
  limits: Readonly<ReadLimits>;
}

export function readSettingsFromEnv(scope: ReadScope, env: NodeJS.ProcessEnv = process.env): ReadSettings {
  return { scope, limits: readLimitsFromEnv(scope, env) };
}

const current = new AsyncLocalStorage<ReadSettings>();

/** Runs `fn` (an import) with `settings` as the limits of every file it reads. */
export function withReadSettings<T>(settings: ReadSettings, fn: () => Promise<T>): Promise<T> {
  return current.run(settings, fn);
}

/**
 * The limits of the import running now: the upload's (set by `importFile` with withReadSettings),
 * otherwise the command line's (`pnpm run import`, importAsOperator).
 */
export function currentReadSettings(): ReadSettings {
  return current.getStore() ?? readSettingsFromEnv("command-line");
}

/** A byte count for a message: "50 MB", "1.5 GB", "795 KB". */
export function bytesText(n: number): string {
  if (!Number.isFinite(n)) return "unlimited";
  const units = ["bytes", "KB", "MB", "GB", "TB"];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : Number(v.toFixed(v < 10 ? 1 : 0))} ${units[i]}`;
}
