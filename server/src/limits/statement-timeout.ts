import { getOperationAST, Kind, type DocumentNode } from "graphql";
import { REPORT_FIELDS, type QueryLimits } from "./settings.ts";

/**
 * Issue 15 item 2: a request's SQL statements may each run `statementTimeoutMs` (PostgreSQL's
 * `statement_timeout`, set for the request's transaction in access/request-transaction.ts); one
 * that takes longer is cancelled by PostgreSQL and the request answers QUERY_TIMEOUT instead of
 * holding a pooled connection (and everyone's locks) until the transaction's 60 s run out.
 * The report, export and import fields of REPORT_FIELDS are given `reportStatementTimeoutMs`.
 *
 * The embedded database (PGlite, WebAssembly in this process) does not enforce statement_timeout
 * (measured: a 78 s statement under a 500 ms timeout ran to its end); there the limits that refuse
 * a request before it runs are the protection.
 */
const budgets = new WeakMap<object, number>();

/** The statement timeout for an operation: the report budget when any root field is a report. */
export function statementTimeoutFor(document: DocumentNode, operationName: string | null | undefined, limits: QueryLimits): number {
  const operation = getOperationAST(document, operationName);
  if (!operation) return limits.statementTimeoutMs;
  const root = operation.operation === "mutation" ? "Mutation" : "Query";
  // Root fields only; a fragment spread at the root is rare and gets the default budget.
  const report = operation.selectionSet.selections.some((s) => s.kind === Kind.FIELD && REPORT_FIELDS.has(`${root}.${s.name.value}`));
  return report ? Math.max(limits.reportStatementTimeoutMs, limits.statementTimeoutMs) : limits.statementTimeoutMs;
}

/** Noted by the limits plugin before execution, read when the request's transaction opens. */
export function setStatementTimeout(context: object, ms: number): void {
  budgets.set(context, ms);
}

export function statementTimeoutOf(context: object): number | undefined {
  return budgets.get(context);
}

/** PostgreSQL's "canceling statement due to statement timeout" (SQLSTATE 57014), however the driver wrapped it. */
export function isStatementTimeout(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 6; depth++) {
    const o = e as {
      code?: unknown;
      message?: unknown;
      meta?: { code?: unknown; message?: unknown };
      cause?: unknown;
      originalError?: unknown;
    };
    if (o.code === "57014" || o.meta?.code === "57014") return true;
    if (typeof o.message === "string" && o.message.includes("canceling statement due to statement timeout")) return true;
    if (typeof o.meta?.message === "string" && o.meta.message.includes("canceling statement due to statement timeout")) return true;
    e = o.cause ?? o.originalError;
  }
  return false;
}
