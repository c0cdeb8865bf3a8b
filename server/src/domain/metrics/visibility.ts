import { Prisma } from "@tingjian/prisma/client";

/**
 * SEC-2, SEC-7, issue 15 item 8: figures are computed over what the caller may know exists. A
 * TOP_SECRET complaint is, for anyone but the executive and those designated at TOP_SECRET, a
 * record that does not exist: no figure, drill-down, report or recurrence result counts it, nor
 * anything hanging off it (its SLA stages, confirmations, callbacks and their issues). A figure
 * then always equals what the caller can list, so no comparison of a figure with the ledger (or
 * of two figures over halves of a window) can single out a hidden record. CONFIDENTIAL and SECRET
 * complaints are counted as ever: their rows are listed, their content masked.
 *
 * The same rule as the complaint scope of the API (access/read-scope.ts: topSecretFilter), as SQL: the
 * designated ids are passed in (services/reports/visibility.ts takes them from the viewer of the
 * request; domain/ knows nothing of access/), so the predicate goes inside the statement that
 * counts and costs no statement of its own.
 */

/** The TOP_SECRET complaints the caller may know; null: every one (the executive, no restriction). */
export type VisibleTopSecret = readonly string[] | null;

/**
 * The predicate "the caller may know complaint `alias` exists": `(alias.classification <>
 * 'TOP_SECRET' OR alias.id = ANY(designated))`, TRUE without a restriction. `alias` is a constant
 * of the calling SQL (never user input).
 */
export function knownComplaintSql(visible: VisibleTopSecret, alias: string): Prisma.Sql {
  if (visible === null) return Prisma.sql`TRUE`;
  const c = Prisma.raw(alias);
  return Prisma.sql`(${c}.classification <> 'TOP_SECRET' OR ${c}.id = ANY(${[...visible]}::uuid[]))`;
}
