import type { BulkWriter } from "./bulk-insert.ts";
import type { Random } from "./random.ts";

/** What every part of the generator shares. */
export interface SeedContext {
  rng: Random;
  writer: BulkWriter;
  organizationId: string;
  /** The first day of demo history and the generation instant ("now" of the demo data). */
  start: Date;
  end: Date;
  /** Running number for complaint and callback numbers (per generation, not per process). */
  sequence: number;
}

const HOUR = 3_600_000;
export const MINUTE = 60_000;
export const DAY = 24 * HOUR;
export { HOUR };

/** A local time in Asia/Shanghai (UTC+8, no daylight saving) as an instant. */
export function shanghai(date: string, hh = 0, mm = 0): Date {
  return new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10), hh - 8, mm));
}

/** The calendar date (YYYY-MM-DD) of an instant in Asia/Shanghai. */
export function localDate(at: Date): string {
  return new Date(at.getTime() + 8 * HOUR).toISOString().slice(0, 10);
}

/** A calendar date moved by whole months; the day is clamped to the target month's last day. */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, last))).toISOString().slice(0, 10);
}

/** Whole calendar months from the month of `from` to the month of `to` (YYYY-MM-DD dates). */
export function monthsBetween(from: string, to: string): number {
  return (+to.slice(0, 4) - +from.slice(0, 4)) * 12 + (+to.slice(5, 7) - +from.slice(5, 7));
}

/**
 * The demo's history: this many whole months before the month of its "now" (2024-01-01 for a
 * company generated on 2026-11-20, the instant the fixed test data is generated at).
 */
export const HISTORY_MONTHS = 34;

/** The first day of the demo history for a company generated at `end`. */
export function historyStart(end: Date): Date {
  return shanghai(addMonths(`${localDate(end).slice(0, 7)}-01`, -HISTORY_MONTHS));
}

/** First day of each month from `start` up to `end`, as YYYY-MM-01 strings. */
export function months(start: Date, end: Date): string[] {
  const out: string[] = [];
  const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1));
  while (d < end) {
    out.push(d.toISOString().slice(0, 10));
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}
