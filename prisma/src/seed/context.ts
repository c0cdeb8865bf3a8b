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
