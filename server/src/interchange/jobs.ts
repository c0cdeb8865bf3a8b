import { randomUUID } from "node:crypto";
import type { InterchangeKind } from "./layout.ts";
import type { Problem } from "./rows.ts";
import type { ImportProgress, ImportStatus } from "./run.ts";

/**
 * Progress of imports, kept in this process's memory. An import runs in one transaction (all or
 * nothing), so a row in a job table would stay invisible to everyone else until the import had
 * ended: the progress of a running import can only live outside the database. The server is one
 * process (SPEC: one machine; the embedded database is single-connection anyway), so a map
 * serves; a finished job is kept for an hour so that its outcome can still be asked for, and only
 * the staff member who started an import sees its job.
 */
export interface ImportJob {
  id: string;
  organizationId: string;
  staffId: string | null;
  kind: InterchangeKind;
  fileName: string;
  dryRun: boolean;
  status: ImportStatus;
  totalRows: number;
  processedRows: number;
  problems: Problem[];
  problemCount: number;
  created: number;
  updated: number;
  unchanged: number;
  startedAt: Date;
  finishedAt: Date | null;
}

const KEEP_MS = 3_600_000;
const MAX_JOBS = 200;
const jobs = new Map<string, ImportJob>();

/** A new job; `id` may be chosen by the client (to poll it while the upload is still running). */
export function startJob(
  fields: Pick<ImportJob, "organizationId" | "staffId" | "kind" | "fileName" | "dryRun">,
  id: string = randomUUID(),
): ImportJob {
  prune();
  if (jobs.has(id)) throw new Error("job id in use");
  const job: ImportJob = {
    ...fields,
    id,
    status: "CHECKING",
    totalRows: 0,
    processedRows: 0,
    problems: [],
    problemCount: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    startedAt: new Date(),
    finishedAt: null,
  };
  jobs.set(id, job);
  return job;
}

export function jobExists(id: string): boolean {
  return jobs.has(id);
}

export function reportProgress(job: ImportJob, p: ImportProgress): void {
  job.status = p.status;
  job.totalRows = p.totalRows;
  job.processedRows = p.processedRows;
}

export function finishJob(
  job: ImportJob,
  outcome: Partial<Pick<ImportJob, "problems" | "problemCount" | "created" | "updated" | "unchanged">> & { status: ImportStatus },
): void {
  Object.assign(job, outcome, { finishedAt: new Date() });
  if (outcome.status === "DONE") job.processedRows = job.totalRows;
}

/** The job, if the asking staff member of the organisation started it. */
export function findJob(id: string, organizationId: string, staffId: string | null): ImportJob | null {
  const job = jobs.get(id);
  return job && job.organizationId === organizationId && job.staffId === staffId ? job : null;
}

function prune(now = Date.now()): void {
  for (const [id, job] of jobs) if (job.finishedAt && now - job.finishedAt.getTime() > KEEP_MS) jobs.delete(id);
  // Never more than MAX_JOBS: the oldest finished go first.
  const finished = [...jobs.values()].filter((j) => j.finishedAt).sort((a, b) => a.finishedAt!.getTime() - b.finishedAt!.getTime());
  while (jobs.size >= MAX_JOBS && finished.length) jobs.delete(finished.shift()!.id);
}
