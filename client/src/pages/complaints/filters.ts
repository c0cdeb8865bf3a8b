import type { ComplaintFilter, ComplaintOrder, ComplaintSortField } from "../../graphql/complaints.ts";
import type { SortModelItem } from "ag-grid-community";
import { dayStart } from "../../components/interchange/period.ts";

/** SPEC §5: the statuses of a complaint still being handled (as the workbench counts them). */
export const OPEN_STATUSES = ["REGISTERED", "CLASSIFIED", "ASSIGNED", "PLANNED", "IN_PROGRESS", "FORWARDED_TO_DEVELOPER", "REOPENED"];
/** Resolved, confirmed, verified or closed as invalid. */
export const DONE_STATUSES = ["RESOLVED", "CONFIRMED", "VERIFIED", "INVALID"];
export const ALL_STATUSES = [...OPEN_STATUSES, ...DONE_STATUSES];
export const SEVERITIES = ["GENERAL", "IMPORTANT", "MAJOR"];

/**
 * The ledger's filters as they stand in the URL (so the workbench can link to them and a view
 * can be shared): estate, status (a status, a comma list, or the groups "open" / "done"),
 * severity, overdue=1|0, escalated=1|0, from/to (dates, both inclusive), q (text).
 */
export interface LedgerQuery {
  estate: string;
  status: string;
  severity: string;
  overdue: string;
  escalated: string;
  from: string;
  to: string;
  q: string;
}

export const QUERY_KEYS: (keyof LedgerQuery)[] = ["estate", "status", "severity", "overdue", "escalated", "from", "to", "q"];

export function readQuery(params: URLSearchParams): LedgerQuery {
  const q = {} as LedgerQuery;
  for (const k of QUERY_KEYS) q[k] = params.get(k) ?? "";
  return q;
}

function statuses(value: string): string[] | undefined {
  if (!value) return undefined;
  if (value === "open") return OPEN_STATUSES;
  if (value === "done") return DONE_STATUSES;
  const list = value.split(",").filter((s) => ALL_STATUSES.includes(s));
  return list.length ? list : undefined;
}

function flag(value: string): boolean | undefined {
  if (value === "1" || value === "true") return true;
  if (value === "0" || value === "false") return false;
  return undefined;
}

export function toFilter(q: LedgerQuery): ComplaintFilter {
  const f: ComplaintFilter = {};
  if (q.estate) f.estateId = q.estate;
  const s = statuses(q.status);
  // Only the schema's values pass statuses() and the SEVERITIES filter.
  if (s) f.status = s as NonNullable<ComplaintFilter["status"]>;
  const sev = q.severity.split(",").filter((v) => SEVERITIES.includes(v));
  if (sev.length) f.severity = sev as NonNullable<ComplaintFilter["severity"]>;
  const overdue = flag(q.overdue);
  if (overdue !== undefined) f.overdue = overdue;
  const escalated = flag(q.escalated);
  if (escalated !== undefined) f.escalated = escalated;
  const from = dayStart(q.from);
  if (from) f.receivedFrom = from;
  const before = dayStart(q.to, 1);
  if (before) f.receivedBefore = before;
  if (q.q.trim()) f.text = q.q.trim();
  return f;
}

/** Grid column → the server's sort field; columns without one are not sortable. */
export const SORT_FIELDS: Record<string, ComplaintSortField> = {
  no: "NO",
  receivedAt: "RECEIVED_AT",
  estate: "ESTATE",
  location: "LOCATION",
  kind: "KIND",
  severity: "SEVERITY",
  status: "STATUS",
  channel: "CHANNEL",
  promisedAt: "PROMISED_AT",
};

/** The grid's sort model as the ledger's `orderBy` (first key first). */
export function toOrderBy(model: SortModelItem[]): ComplaintOrder[] {
  return model.flatMap((m) =>
    SORT_FIELDS[m.colId] ? [{ field: SORT_FIELDS[m.colId]!, direction: m.sort === "desc" ? ("DESC" as const) : ("ASC" as const) }] : [],
  );
}
