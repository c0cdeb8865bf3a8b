import { addDays, isoWeekday, localDate, localToUtc } from "./time-zone.ts";

/**
 * SPEC §6: the working calendar of an estate — weekly working-time slots (several a day for lunch
 * breaks and split shifts), statutory holidays and make-up working days (调休), read in the
 * estate's timezone. Pure: the caller loads the rows; nothing here touches the database.
 */
export interface WorkingSlot {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  startMinute: number;
  endMinute: number;
  /** Inclusive local dates (YYYY-MM-DD) the slot is in force; null = always. */
  effectiveFrom?: string | null;
  effectiveTo?: string | null;
}

export interface SpecialDay {
  date: string;
  kind: "HOLIDAY" | "MAKEUP_WORKDAY";
  /** MAKEUP_WORKDAY: whose weekday's slots apply; default Monday's. */
  followsWeekday?: number | null;
}

export interface CalendarSpec {
  timezone: string;
  slots: readonly WorkingSlot[];
  days: readonly SpecialDay[];
}

/** A half-open interval of instants [start, end) in epoch milliseconds. */
export type Interval = readonly [number, number];

const MINUTE = 60_000;
/** A search horizon: no calendar leaves a working minute unfound for two years. */
const MAX_DAYS = 731;

export class WorkingCalendar {
  private readonly special: Map<string, SpecialDay>;
  private readonly cache = new Map<string, Interval[]>();

  constructor(readonly spec: CalendarSpec) {
    for (const s of spec.slots) {
      if (!(s.weekday >= 1 && s.weekday <= 7) || !(s.startMinute >= 0 && s.startMinute < s.endMinute && s.endMinute <= 1440)) {
        throw new RangeError(`Invalid working-time slot: weekday ${s.weekday}, ${s.startMinute}-${s.endMinute}`);
      }
    }
    this.special = new Map(spec.days.map((d) => [d.date, d]));
  }

  /** The working intervals of one local date, in order, merged where slots touch. */
  intervalsOn(date: string): Interval[] {
    const hit = this.cache.get(date);
    if (hit) return hit;
    const special = this.special.get(date);
    let weekday: number | null = isoWeekday(date);
    if (special?.kind === "HOLIDAY") weekday = null;
    else if (special?.kind === "MAKEUP_WORKDAY") weekday = special.followsWeekday ?? 1;
    const slots =
      weekday === null
        ? []
        : this.spec.slots
            .filter(
              (s) => s.weekday === weekday && (!s.effectiveFrom || s.effectiveFrom <= date) && (!s.effectiveTo || date <= s.effectiveTo),
            )
            .sort((a, b) => a.startMinute - b.startMinute);
    const merged: [number, number][] = [];
    for (const s of slots) {
      const last = merged.at(-1);
      if (last && s.startMinute <= last[1]) last[1] = Math.max(last[1], s.endMinute);
      else merged.push([s.startMinute, s.endMinute]);
    }
    const intervals = merged.map(([a, b]) => [localToUtc(this.spec.timezone, date, a), localToUtc(this.spec.timezone, date, b)] as const);
    this.cache.set(date, intervals);
    return intervals;
  }

  /** Working intervals overlapping [from, to), clipped to it. */
  *intervals(from: number, to: number): Generator<Interval> {
    let date = addDays(localDate(this.spec.timezone, from), -1);
    for (let i = 0; i < MAX_DAYS + 2; i++, date = addDays(date, 1)) {
      for (const [a, b] of this.intervalsOn(date)) {
        if (a >= to) return;
        if (b > from) yield [Math.max(a, from), Math.min(b, to)];
      }
    }
  }

  /** Working milliseconds in [from, to). */
  workingMsBetween(from: number, to: number): number {
    let total = 0;
    if (to <= from) return 0;
    for (const [a, b] of this.intervals(from, to)) total += b - a;
    return total;
  }

  /** The instant at which `ms` working milliseconds after `from` have passed. */
  addWorkingMs(from: number, ms: number): number {
    if (ms <= 0) return from;
    let left = ms;
    for (const [a, b] of this.intervals(from, from + MAX_DAYS * 86_400_000)) {
      if (b - a >= left) return a + left;
      left -= b - a;
    }
    throw new RangeError(`The calendar has no ${ms / MINUTE} working minutes within ${MAX_DAYS} days of ${new Date(from).toISOString()}`);
  }
}
