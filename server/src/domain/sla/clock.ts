import type { WorkingCalendar } from "./working-calendar.ts";

/**
 * SPEC §6: an SLA stage runs on a clock — WORKING (the estate's working calendar) or WALL
 * (24 × 7) — and can be paused while waiting for the customer. Pure functions of the stage's
 * start, its pauses and the calendar.
 */
export type ClockKind = "WORKING" | "WALL";

export interface Pause {
  from: Date;
  /** Null while the stage is still paused. */
  to: Date | null;
}

function runningIntervals(start: number, end: number, pauses: readonly Pause[]): [number, number][] {
  const cuts = pauses
    .map((p) => [Math.max(p.from.getTime(), start), p.to ? p.to.getTime() : Infinity] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  let cursor = start;
  for (const [a, b] of cuts) {
    if (a >= end) break;
    if (a > cursor) out.push([cursor, a]);
    cursor = Math.max(cursor, b);
    if (cursor >= end) return out;
  }
  if (cursor < end) out.push([cursor, end]);
  return out;
}

function clockMs(kind: ClockKind, calendar: WorkingCalendar, a: number, b: number): number {
  return kind === "WALL" ? Math.max(0, b - a) : calendar.workingMsBetween(a, b);
}

/** Time counted by the clock between `start` and `end`, pauses excluded, in minutes. */
export function elapsedMinutes(kind: ClockKind, calendar: WorkingCalendar, start: Date, end: Date, pauses: readonly Pause[] = []): number {
  let ms = 0;
  for (const [a, b] of runningIntervals(start.getTime(), end.getTime(), pauses)) ms += clockMs(kind, calendar, a, b);
  return ms / 60_000;
}

/**
 * When `minutes` of the clock will have run since `start`, given the pauses so far; null while
 * the stage is paused (an open pause stops the clock, so there is no deadline yet).
 */
export function deadline(
  kind: ClockKind,
  calendar: WorkingCalendar,
  start: Date,
  minutes: number,
  pauses: readonly Pause[] = [],
): Date | null {
  const ordered = [...pauses].sort((x, y) => x.from.getTime() - y.from.getTime());
  let cursor = start.getTime();
  let left = minutes * 60_000;
  const advance = (from: number, ms: number) => (kind === "WALL" ? from + ms : calendar.addWorkingMs(from, ms));
  for (const p of ordered) {
    const from = p.from.getTime();
    if (from > cursor) {
      const available = clockMs(kind, calendar, cursor, from);
      if (available >= left) return new Date(advance(cursor, left));
      left -= available;
    }
    if (!p.to) return null;
    cursor = Math.max(cursor, p.to.getTime());
  }
  return new Date(advance(cursor, left));
}
