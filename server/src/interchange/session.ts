import type { Classification } from "@tingjian/prisma/client";
import type { AccessEntry } from "../access/recorder.ts";
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
   * SEC-6 as updateCustomer applies it: may the importer change (or confirm) protected fields of
   * this existing archive? CONTACT: name and phone; ARCHIVE: ID number and plates.
   */
  mayAmendCustomer(customer: { id: string; classification: Classification; estateIds: readonly string[] }, rule: "CONTACT" | "ARCHIVE"): Promise<boolean>;
  /** SEC-1, SEC-2: null when the importer may give a record this level, else why not. */
  classifyRefusal(level: Classification): string | null;
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
