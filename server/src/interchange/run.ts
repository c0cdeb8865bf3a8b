import { LAYOUTS, matchHeaders, type InterchangeKind } from "./layout.ts";
import { headerNames, parseRows, problem, Problems, type Problem, type Row } from "./rows.ts";
import { msg } from "../i18n/messages.ts";
import { readSheet, SheetError, type FileFormat, type Sheet } from "./sheets.ts";
import type { Counts, Importer, ImportSession } from "./session.ts";
import { prepareEstates } from "./import-estates.ts";
import { prepareHouseholds } from "./import-households.ts";
import { prepareComplaints } from "./import-complaints.ts";
import { prepareCallbacks } from "./import-callbacks.ts";
import { prepareSurveyResponses } from "./import-surveys.ts";

/**
 * SPEC §13: one file, all or nothing. Read the sheet, match the headers, read every cell, check
 * every row against the database, and only when no row has a problem write everything in the
 * session's one transaction. A dry run goes all the way through the writes and rolls them back to
 * a savepoint, so it finds what a real run would find and changes nothing.
 */
const IMPORTERS: Record<InterchangeKind, Importer> = {
  ESTATES: prepareEstates,
  HOUSEHOLDS: prepareHouseholds,
  COMPLAINTS: prepareComplaints,
  CALLBACKS: prepareCallbacks,
  SURVEY_RESPONSES: prepareSurveyResponses,
};

export type ImportStatus = "CHECKING" | "WRITING" | "DONE" | "REJECTED" | "FAILED";

export interface ImportProgress {
  status: ImportStatus;
  totalRows: number;
  processedRows: number;
}

export interface ImportRequest {
  kind: InterchangeKind;
  bytes: Uint8Array;
  format?: FileFormat;
  dryRun?: boolean;
  onProgress?: (p: ImportProgress) => void;
}

export type ImportOutcome =
  | ({ ok: true; totalRows: number; dryRun: boolean; ignoredColumns: string[]; seconds: number } & Counts)
  | { ok: false; totalRows: number; problems: Problem[]; problemCount: number; rowsWithProblems: number };

export async function runImport(session: ImportSession, request: ImportRequest): Promise<ImportOutcome> {
  const started = performance.now();
  const layout = LAYOUTS[request.kind];
  const progress = request.onProgress ?? (() => {});
  let sheet: Sheet;
  try {
    sheet = await readSheet(request.bytes, request.format);
  } catch (e) {
    if (!(e instanceof SheetError)) throw e;
    return rejected(0, [problem(e.line, "", null, e.reason)]);
  }
  const totalRows = sheet.rows.length;
  progress({ status: "CHECKING", totalRows, processedRows: 0 });
  const match = matchHeaders(layout, sheet.headers);
  if (match.problems.length)
    return rejected(
      totalRows,
      match.problems.map((p) => problem(sheet.headerLine, p.column, null, p.reason)),
    );
  const problems = new Problems(headerNames(sheet, match));
  const { rows, keys } = parseRows(layout, sheet, match, problems);
  uniqueKeys(layout.key, rows, problems);
  // One import of an organisation at a time: two files racing for the same codes would both pass their checks.
  await session.db.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`tingjian.import.${session.organizationId}`}, 0))`;
  const plan = await IMPORTERS[request.kind](session, { rows, keys }, problems);
  progress({ status: "CHECKING", totalRows, processedRows: totalRows });
  if (problems.any)
    return { ok: false, totalRows, problems: problems.sorted(), problemCount: problems.count, rowsWithProblems: problems.lines.size };

  const write = () => plan.write((n) => progress({ status: "WRITING", totalRows, processedRows: n }));
  if (request.dryRun) {
    await session.db.$executeRawUnsafe("SAVEPOINT interchange_dry_run");
    await write();
    await session.db.$executeRawUnsafe("ROLLBACK TO SAVEPOINT interchange_dry_run");
  } else {
    await write();
  }
  const { created, updated, unchanged } = plan;
  return {
    ok: true,
    totalRows,
    dryRun: !!request.dryRun,
    created,
    updated,
    unchanged,
    ignoredColumns: match.ignored,
    seconds: (performance.now() - started) / 1000,
  };
}

function rejected(totalRows: number, list: Problem[]): ImportOutcome {
  return { ok: false, totalRows, problems: list, problemCount: list.length, rowsWithProblems: new Set(list.map((p) => p.line)).size };
}

/** SPEC §13: rows are keyed by their code/number columns; a key twice in one file is ambiguous. */
function uniqueKeys(key: readonly string[], rows: Row[], problems: Problems): void {
  const seen = new Map<string, number>();
  for (const r of rows) {
    const k = key.map((f) => r.text(f) ?? "").join("\u0000");
    const first = seen.get(k);
    if (first !== undefined) problems.add(r.line, key[key.length - 1]!, msg("importSameKey", { key: key.join(" + "), line: first }));
    else seen.set(k, r.line);
  }
}
