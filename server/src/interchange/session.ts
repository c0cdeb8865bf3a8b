import type { Classification, Prisma } from "@tingjian/prisma/client";
import type { AccessEntry } from "../access/recorder.ts";
import type { SignedInContext } from "../access/context.ts";
import type { Msg } from "../i18n/messages.ts";
import type { Db } from "./bulk.ts";
import type { Problems, Row } from "./rows.ts";

/**
 * Who imports, into which organisation, through which transaction: what the import core needs
 * from its caller. The GraphQL mutation builds it from the request (the request's transaction
 * under row-level security, the viewer's estates and field rules); the CLI from its own
 * transaction as the operator (all estates, no personal account).
 */
export interface ImportSession {
  /** The one transaction everything is read and written in (all-or-nothing, SPEC §13). */
  db: Db;
  organizationId: string;
  /** The staff member importing; null for the command-line operator. */
  actorId: string | null;
  now: Date;
  fileName: string;
  /** §2: the estates the importer may write to. */
  estates: "ALL" | ReadonlySet<string>;
  /**
   * §2, SEC-2: the complaints the importer may know exist — the API's read rule itself
   * (access/read-scope.ts `complaintScope`: the estates, the developer liaison's forwarded
   * complaints, TOP_SECRET only for the executive and those designated). A stored complaint outside
   * it is never compared, linked to or called back through the import (`knownComplaints`).
   */
  complaintScope: Prisma.ComplaintWhereInput;
  /**
   * The request's signed-in context (its transaction is `db`), for the services whose checks the
   * import shares (services/surveys/handouts.ts `prepareSurveyHandouts` …); null for the
   * command-line operator, who has no personal account.
   */
  context: SignedInContext | null;
  /**
   * SEC-6 as updateCustomer applies it: may the importer change (or confirm) protected fields of
   * this existing archive? CONTACT: name and phone; ARCHIVE: ID number and plates.
   */
  mayAmendCustomer(
    customer: { id: string; classification: Classification; estateIds: readonly string[] },
    rule: "CONTACT" | "ARCHIVE",
  ): Promise<boolean>;
  /** SEC-1, SEC-2: null when the importer may give a record this level, else why not. */
  classifyRefusal(level: Classification): Msg | null;
  /** SEC-3: an access-log entry, written with the import's transaction. */
  log(entry: AccessEntry): void;
}

/** The counts of an import: what it created, changed, and found as it already was. */
export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

/** The outcome of checking a file: counts and the writes, run only when no row had a problem. */
export interface Plan extends Counts {
  write(progress: (rowsWritten: number) => void): Promise<void>;
}

/** The file around the rows an importer checks. */
export interface FileRows {
  /** The rows whose every cell could be read. */
  rows: Row[];
  /** The key of every row of the file, bad rows included (composite keys joined by U+0000). */
  keys: ReadonlySet<string>;
}

/** One kind's import: checks every row against the database (collecting problems) and plans the writes. */
export type Importer = (session: ImportSession, file: FileRows, problems: Problems) => Promise<Plan>;

export function inScope(session: ImportSession, estateId: string): boolean {
  return session.estates === "ALL" || session.estates.has(estateId);
}

/** Structured data carried on imported timeline events and revisions: which file and line. */
export function provenance(session: ImportSession, line: number) {
  return { import: session.fileName, line };
}

/**
 * §2, SEC-2: of the stored complaints `ids`, those the importer may know (`complaintScope`, the
 * API's rule): one query per 20,000 ids, in the import's transaction.
 */
export async function knownComplaints(session: ImportSession, ids: Iterable<string>): Promise<Set<string>> {
  const all = [...new Set(ids)];
  const out = new Set<string>();
  for (let i = 0; i < all.length; i += 20_000) {
    const found = await session.db.complaint.findMany({
      where: { AND: [session.complaintScope, { organizationId: session.organizationId, id: { in: all.slice(i, i + 20_000) } }] },
      select: { id: true },
    });
    for (const c of found) out.add(c.id);
  }
  return out;
}
