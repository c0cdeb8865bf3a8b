import type { Classification } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { signedIn, type Context } from "../../access/context.ts";
import { entitlement } from "../../access/disclosure.ts";
import { complaintScope } from "../../access/read-scope.ts";
import type { Permission } from "../../domain/access/permissions.ts";
import { findJob, finishJob, jobExists, reportProgress, startJob, type ImportJob } from "../../interchange/jobs.ts";
import type { InterchangeKind } from "../../interchange/layout.ts";
import type { Problem } from "../../interchange/rows.ts";
import { runImport } from "../../interchange/run.ts";
import { bytesText, readLimitVariable, readSettingsFromEnv, withReadSettings } from "../../interchange/read-limits.ts";
import type { ImportSession } from "../../interchange/session.ts";
import { ForbiddenError, InputError } from "../../errors/typed-errors.ts";
import { typedError } from "../errors.ts";
import { msg, render } from "../../i18n/messages.ts";
import { FileScalar, ImportJobStatusEnum, InterchangeKindEnum } from "./shared.ts";

/**
 * SPEC §13: `importFile` takes a spreadsheet in the interchange layout (multipart upload, the
 * `File` scalar of graphql-yoga) and imports it all or nothing in the request's transaction; a
 * refused file answers ImportRejected with every problem. `importJob` reports the progress of an
 * import while it runs (interchange/jobs.ts: kept in memory, see there why).
 */

/** Who may write each file: case workers their estates' records, company leadership the estates. */
export const IMPORT_PERMISSION: Record<InterchangeKind, Permission> = {
  ESTATES: "policies:manage",
  HOUSEHOLDS: "customers:write",
  COMPLAINTS: "complaints:write",
  CALLBACKS: "complaints:write",
  SURVEY_RESPONSES: "complaints:write",
};

/**
 * Issue 15 item 3: the limits an uploaded file is read with (IMPORT_MAX_FILE_BYTES, _INFLATED_BYTES,
 * _ROWS, _COLUMNS, _CELL_CHARS, _SHARED_STRINGS, _SHARED_STRING_CHARS, _MERGED_CELLS; read once at
 * start, a bad value stops it). A file over one is refused naming the setting, nothing written.
 */
const UPLOAD_READ_SETTINGS = readSettingsFromEnv("upload");

const ImportProblemRef = builder.objectRef<Problem>("ImportProblem").implement({
  description: "SPEC §13: one bad cell or row: its spreadsheet line (the header is line 1), its column as the file names it, and why",
  fields: (t) => ({
    line: t.exposeInt("line", { description: "The spreadsheet line (the header is line 1)" }),
    column: t.exposeString("column", { description: "The header as written in the file (empty for the file as a whole)" }),
    field: t.exposeString("field", { nullable: true, description: "The layout's English column name" }),
    code: t.exposeString("code", { description: "A stable code of the reason (e.g. IMPORT_NO_ESTATE), the same in every language" }),
    reason: t.string({
      description: "Why the cell or row is refused, in the caller's language (never quoting a protected value, SEC-7)",
      resolve: (p, _a, ctx) => render(p.localized, ctx.language),
    }),
  }),
});

/** SPEC §13: the file was refused as a whole; nothing was written. */
export class ImportRejected extends Error {
  constructor(
    readonly jobId: string,
    readonly problems: Problem[],
    readonly problemCount: number,
    readonly rowsWithProblems: number,
  ) {
    super(`${rowsWithProblems} line(s) of the file have problems (${problemCount} in all); nothing was imported`);
    this.name = "ImportRejected";
  }
}

typedError(ImportRejected, {
  name: "ImportRejected",
  description: "SPEC §13: all or nothing — every bad row with its line, column and reason; nothing was written",
  fields: (t) => ({
    jobId: t.exposeID("jobId", { description: "The import's job (importJob shows it for an hour)" }),
    problems: t.field({
      type: [ImportProblemRef],
      description: "In line order; at most 10,000 (problemCount counts all)",
      resolve: (e) => e.problems,
    }),
    problemCount: t.exposeInt("problemCount", { description: "Every problem found, also those beyond the 10,000 listed" }),
    rowsWithProblems: t.exposeInt("rowsWithProblems", { description: "How many lines of the file have at least one problem" }),
  }),
});

interface ImportResult {
  jobId: string;
  kind: InterchangeKind;
  dryRun: boolean;
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  ignoredColumns: string[];
  seconds: number;
}

const ImportResultRef = builder.objectRef<ImportResult>("ImportResult").implement({
  description: "What an import did (or, in a dry run, would do): rows created, updated and found unchanged",
  fields: (t) => ({
    jobId: t.exposeID("jobId", { description: "The import's job (importJob shows it for an hour)" }),
    kind: t.field({ type: InterchangeKindEnum, description: "The file imported", resolve: (r) => r.kind }),
    dryRun: t.exposeBoolean("dryRun", { description: "Nothing was kept: the writes ran and were rolled back" }),
    totalRows: t.exposeInt("totalRows", { description: "The data rows of the file" }),
    created: t.exposeInt("created", { description: "Rows that created a record" }),
    updated: t.exposeInt("updated", { description: "Rows that changed a stored record" }),
    unchanged: t.exposeInt("unchanged", { description: "Rows already stored as the file has them (a re-import changes nothing)" }),
    ignoredColumns: t.exposeStringList("ignoredColumns", { description: "Headers that are not part of the layout" }),
    rowsPerSecond: t.float({
      description: "The import's throughput (rows of the file per second)",
      resolve: (r) => (r.seconds > 0 ? Math.round(r.totalRows / r.seconds) : r.totalRows),
    }),
  }),
});

const ImportFileInput = builder.inputType("ImportFileInput", {
  description: "SPEC §13: a spreadsheet to import, all or nothing",
  fields: (t) => ({
    kind: t.field({ type: InterchangeKindEnum, required: true, description: "Which file of the layout this is" }),
    file: t.field({
      type: FileScalar,
      required: true,
      description: "CSV (UTF-8, with or without BOM) or XLSX (the first sheet), sent as a multipart upload",
    }),
    dryRun: t.boolean({ required: false, description: "Check everything and report the counts, keep nothing" }),
    jobId: t.id({ required: false, description: "A UUID of your choosing, to follow the import with importJob while it runs" }),
  }),
});

builder.mutationField("importFile", (t) =>
  t.field({
    type: ImportResultRef,
    description: "SPEC §13: imports a spreadsheet in the interchange layout, all or nothing; re-importing the same file changes nothing",
    authScopes: (_p, args) => ({ permission: IMPORT_PERMISSION[args.input.kind] }),
    errors: { types: [ImportRejected, InputError, ForbiddenError] },
    args: { input: t.arg({ type: ImportFileInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const file = input.file;
      if (!file || typeof (file as Blob).arrayBuffer !== "function") throw new InputError("input.file", msg("importMultipartOnly"));
      const maxBytes = UPLOAD_READ_SETTINGS.limits.fileBytes;
      if (file.size > maxBytes) {
        throw new InputError(
          "input.file",
          msg("importFileTooLarge", {
            size: bytesText(maxBytes),
            setting: readLimitVariable("fileBytes", "upload"),
            bytes: maxBytes.toLocaleString("en"),
          }),
        );
      }
      const jobId = input.jobId ? String(input.jobId) : undefined;
      if (jobId && (!/^[0-9a-f-]{36}$/i.test(jobId) || jobExists(jobId))) throw new InputError("input.jobId", msg("importJobIdNew"));
      const fileName = (file.name || "upload").slice(0, 200);
      const { organizationId, viewer } = signedIn(ctx);
      const job = startJob({ organizationId, staffId: viewer.staffId, kind: input.kind, fileName, dryRun: !!input.dryRun }, jobId);
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const outcome = await withReadSettings(UPLOAD_READ_SETTINGS, () =>
          runImport(sessionOf(ctx, fileName), {
            kind: input.kind,
            bytes,
            dryRun: !!input.dryRun,
            onProgress: (p) => reportProgress(job, p),
          }),
        );
        if (!outcome.ok) {
          finishJob(job, { status: "REJECTED", problems: outcome.problems, problemCount: outcome.problemCount });
          throw new ImportRejected(job.id, outcome.problems, outcome.problemCount, outcome.rowsWithProblems);
        }
        finishJob(job, { status: "DONE", created: outcome.created, updated: outcome.updated, unchanged: outcome.unchanged });
        return { jobId: job.id, kind: input.kind, ...outcome };
      } catch (e) {
        if (!job.finishedAt) finishJob(job, { status: "FAILED" });
        throw e;
      }
    },
  }),
);

/** The import core's view of the request: its transaction, the viewer's estates and field rules. */
function sessionOf(ctx: Context, fileName: string): ImportSession {
  const { viewer } = signedIn(ctx);
  return {
    db: ctx.prisma,
    organizationId: viewer.organizationId,
    actorId: viewer.staffId,
    now: ctx.now,
    fileName,
    estates: viewer.estates,
    // §2, SEC-2: the API's read rule for complaints, not a copy of it.
    complaintScope: complaintScope(ctx),
    context: signedIn(ctx),
    mayAmendCustomer: async (c, rule) => (await entitlement(ctx, { recordType: "CUSTOMER", ...c }, rule)).ok,
    classifyRefusal: (level: Classification) => {
      // SEC-1, SEC-5 as changeClassification holds them: above SECRET by those who manage classification, TOP_SECRET by the executive.
      if (level === "TOP_SECRET" && viewer.role !== "EXECUTIVE") return msg("importTopSecretExecutive");
      if (level === "CONFIDENTIAL" && !viewer.permissions.has("classification:manage")) return msg("importConfidentialPermission");
      return null;
    },
    log: (entry) => ctx.access.record(entry),
  };
}

const ImportJobRef = builder.objectRef<ImportJob>("ImportJob").implement({
  description: "An import's progress (kept in the server's memory for an hour after it ends)",
  fields: (t) => ({
    id: t.exposeID("id", { description: "The job's id (the jobId given with importFile, or one chosen by the server)" }),
    kind: t.field({ type: InterchangeKindEnum, description: "The file being imported", resolve: (j) => j.kind }),
    fileName: t.exposeString("fileName", { description: "The uploaded file's name" }),
    dryRun: t.exposeBoolean("dryRun", { description: "A dry run: nothing is kept" }),
    status: t.field({ type: ImportJobStatusEnum, description: "Where the import stands", resolve: (j) => j.status }),
    totalRows: t.exposeInt("totalRows", { description: "The data rows of the file (0 until it is read)" }),
    processedRows: t.exposeInt("processedRows", { description: "Rows checked (CHECKING) or written (WRITING)" }),
    problemCount: t.exposeInt("problemCount", { description: "Every problem found so far" }),
    problems: t.field({
      type: [ImportProblemRef],
      description: "The problems of a rejected import, in line order (at most 10,000)",
      resolve: (j) => j.problems,
    }),
    created: t.exposeInt("created", { description: "Rows that created a record (once DONE)" }),
    updated: t.exposeInt("updated", { description: "Rows that changed a stored record (once DONE)" }),
    unchanged: t.exposeInt("unchanged", { description: "Rows already stored as the file has them (once DONE)" }),
    startedAt: t.expose("startedAt", { type: "DateTime", description: "When the upload was received" }),
    finishedAt: t.expose("finishedAt", { type: "DateTime", nullable: true, description: "When the import ended (null while it runs)" }),
  }),
});

builder.queryField("importJob", (t) =>
  t.withAuth({ authenticated: true }).field({
    type: ImportJobRef,
    nullable: true,
    description: "The progress of one of your imports (null for an unknown id or someone else's import)",
    args: { id: t.arg.id({ required: true, description: "The import's job id (importFile's jobId)" }) },
    resolve: (_r, args, ctx) => findJob(String(args.id), ctx.organizationId, ctx.viewer.staffId),
  }),
);
