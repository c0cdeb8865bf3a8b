import { searchParams, setSearchParams } from "../../router/router.tsx";
import { parsePeriod, periodBounds, type Period, type PeriodKind } from "./period.ts";

/** What a report page shows, kept in the URL so that a drill-down and back returns to it. */
export interface ReportScope {
  period: Period;
  /** The estates chosen; none: every estate of the caller's scope. */
  estateIds: string[];
  from: string;
  to: string;
  timeZone: string;
}

/** The scope the URL names; `kind` fixes the kind of period (the quarterly report). */
export function readScope(timeZone: string, kind?: PeriodKind): ReportScope {
  const q = searchParams();
  const period = parsePeriod(kind ?? q.get("period"), q.get("at"), timeZone);
  const estateIds = q.get("estates")?.split(",").filter(Boolean) ?? [];
  return { period, estateIds, timeZone, ...periodBounds(period, timeZone) };
}

export function setPeriod(p: Period): void {
  setSearchParams({ period: p.kind, at: p.key });
}

export function setEstates(ids: string[]): void {
  setSearchParams({ estates: ids.join(",") });
}

/** The API's estate filter: null for the caller's whole scope. */
export function estateFilter(s: ReportScope): string[] | null {
  return s.estateIds.length ? s.estateIds : null;
}
