import { addDays, localDate, localToUtc } from "../sla/time-zone.ts";

/**
 * VIS-1, VIS-2: a visit plan covers one calendar month of its estate's timezone. Pure.
 */

/** The first day (YYYY-MM-01) of the month that holds local `date` (YYYY-MM-DD). */
export function monthStartOf(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** The month of an instant in a timezone, as its first day. */
export function monthOfInstant(timeZone: string, at: Date): string {
  return monthStartOf(localDate(timeZone, at.getTime()));
}

/** The month [start, end) as instants in the estate's timezone. */
export function monthBounds(timeZone: string, month: string): { start: Date; end: Date } {
  const first = monthStartOf(month);
  const next = monthStartOf(addDays(first, 32));
  return { start: new Date(localToUtc(timeZone, first, 0)), end: new Date(localToUtc(timeZone, next, 0)) };
}

/**
 * VIS-1 (000 §6 4.3.1): at least `ratePercent` of the resident households visited a month,
 * rounded up so the target never undershoots the rate.
 */
export function targetVisits(residentHouseholds: number, ratePercent: number): number {
  return Math.max(0, Math.ceil((residentHouseholds * ratePercent) / 100 - 1e-9));
}

export interface Coverage {
  numerator: number;
  denominator: number;
  rate: number | null;
}

/** §11 visit rate: distinct households visited in the month ÷ resident households. */
export function coverage(householdsVisited: number, residentHouseholds: number | null): Coverage {
  const denominator = residentHouseholds ?? 0;
  return { numerator: householdsVisited, denominator, rate: denominator ? householdsVisited / denominator : null };
}

/** VIS-2: who signs the month's visit record — the estate's office director, or company leadership. */
export const LEADERSHIP = ["COMPANY_MANAGER", "MANAGEMENT_REP", "EXECUTIVE"] as const;

export function mayReview(viewer: { role: string; estates: "ALL" | ReadonlySet<string> }, estateId: string): boolean {
  if ((LEADERSHIP as readonly string[]).includes(viewer.role)) return true;
  return viewer.role === "OFFICE_DIRECTOR" && (viewer.estates === "ALL" || viewer.estates.has(estateId));
}
