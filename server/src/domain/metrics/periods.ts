import { msg, type Msg } from "../../i18n/messages.ts";
import { addDays, isoWeekday, localDate, localToUtc } from "../sla/time-zone.ts";

/**
 * SPEC §11 "Periods: month, quarter, half-year, year, and any date range" (plus the ISO week of
 * the weekly report, §12). A period is [from, to) between local midnights of the organisation's
 * timezone, so that "March" means March in Asia/Shanghai, not in UTC. Pure.
 */
export type PeriodKind = "WEEK" | "MONTH" | "QUARTER" | "HALF_YEAR" | "YEAR";

export interface Period {
  kind: PeriodKind | "RANGE";
  from: Date;
  /** Exclusive. */
  to: Date;
  /** 2031-W14, 2031-04, 2031-Q2, 2031-H1, 2031, or from/to for a range. */
  label: string;
}

/** Longest range accepted: three years (an annual summary with its predecessor fits easily). */
export const MAX_RANGE_DAYS = 3 * 366;

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** The first day (YYYY-MM-DD) of the ISO week (Monday) holding `date`. */
function weekMonday(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** ISO 8601 week label of a local date: the year of its Thursday, and the week number. */
export function isoWeekLabel(date: string): string {
  const thursday = addDays(weekMonday(date), 3);
  const year = Number(thursday.slice(0, 4));
  const dayOfYear = (Date.parse(`${thursday}T00:00:00Z`) - Date.UTC(year, 0, 1)) / 86_400_000;
  return `${year}-W${pad(Math.floor(dayOfYear / 7) + 1)}`;
}

/** Local first and last-exclusive dates of the period of `kind` that holds local `date`. */
export function periodDates(kind: PeriodKind, date: string): { start: string; end: string; label: string } {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  switch (kind) {
    case "WEEK": {
      const start = weekMonday(date);
      return { start, end: addDays(start, 7), label: isoWeekLabel(date) };
    }
    case "MONTH":
      return { start: `${y}-${pad(m)}-01`, end: m === 12 ? `${y + 1}-01-01` : `${y}-${pad(m + 1)}-01`, label: `${y}-${pad(m)}` };
    case "QUARTER": {
      const q = Math.floor((m - 1) / 3) + 1;
      const first = (q - 1) * 3 + 1;
      return { start: `${y}-${pad(first)}-01`, end: q === 4 ? `${y + 1}-01-01` : `${y}-${pad(first + 3)}-01`, label: `${y}-Q${q}` };
    }
    case "HALF_YEAR":
      return m <= 6
        ? { start: `${y}-01-01`, end: `${y}-07-01`, label: `${y}-H1` }
        : { start: `${y}-07-01`, end: `${y + 1}-01-01`, label: `${y}-H2` };
    case "YEAR":
      return { start: `${y}-01-01`, end: `${y + 1}-01-01`, label: `${y}` };
  }
}

/** The period of `kind` holding local `date` (YYYY-MM-DD), as instants in `timeZone`. */
export function periodContaining(kind: PeriodKind, date: string, timeZone: string): Period {
  const d = periodDates(kind, date);
  return { kind, from: new Date(localToUtc(timeZone, d.start, 0)), to: new Date(localToUtc(timeZone, d.end, 0)), label: d.label };
}

const LABELS: [PeriodKind, RegExp, (m: RegExpMatchArray) => string | null][] = [
  [
    "WEEK",
    /^(\d{4})-W(\d{2})$/,
    (m) => {
      const week = Number(m[2]);
      // Week 1 is the week holding 4 January.
      const monday = addDays(weekMonday(`${m[1]}-01-04`), (week - 1) * 7);
      return week >= 1 && isoWeekLabel(monday) === `${m[1]}-W${m[2]}` ? monday : null;
    },
  ],
  ["MONTH", /^(\d{4})-(0[1-9]|1[0-2])$/, (m) => `${m[1]}-${m[2]}-01`],
  ["QUARTER", /^(\d{4})-Q([1-4])$/, (m) => `${m[1]}-${pad((Number(m[2]) - 1) * 3 + 1)}-01`],
  ["HALF_YEAR", /^(\d{4})-H([12])$/, (m) => `${m[1]}-${m[2] === "1" ? "01" : "07"}-01`],
  ["YEAR", /^(\d{4})$/, (m) => `${m[1]}-01-01`],
];

/**
 * A period from its label (2031-W14, 2031-04, 2031-Q2, 2031-H1, 2031), optionally of an expected
 * kind; null when the label is not one.
 */
export function parsePeriodLabel(label: string, timeZone: string, expected?: PeriodKind): Period | null {
  for (const [kind, re, first] of LABELS) {
    if (expected && kind !== expected) continue;
    const m = label.trim().match(re);
    if (!m) continue;
    const date = first(m);
    return date ? periodContaining(kind, date, timeZone) : null;
  }
  return null;
}

/** The local calendar months (YYYY-MM) that [from, to) touches, in order. */
export function monthsOverlapping(from: Date, to: Date, timeZone: string): string[] {
  const out: string[] = [];
  const last = localDate(timeZone, to.getTime() - 1).slice(0, 7);
  let month = localDate(timeZone, from.getTime()).slice(0, 7);
  while (month <= last) {
    out.push(month);
    const [y, m] = month.split("-").map(Number) as [number, number];
    month = m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
  }
  return out;
}

/** The instant a local month (YYYY-MM) begins. */
export function monthStart(month: string, timeZone: string): Date {
  return new Date(localToUtc(timeZone, `${month}-01`, 0));
}

/** Refusal of a range (a catalogue message), or null: it must end after it starts and span at most MAX_RANGE_DAYS (§11 periods). */
export function rangeRefusal(from: Date, to: Date): Msg | null {
  if (!(to > from)) return msg("reportPeriodEndsBeforeStart");
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) return msg("reportPeriodTooLong", { days: MAX_RANGE_DAYS });
  return null;
}
