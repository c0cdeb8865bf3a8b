import type { CalendarSpec } from "./working-calendar.ts";

interface CalendarRows {
  timezone: string;
  slots: readonly { weekday: number; startMinute: number; endMinute: number; effectiveFrom: Date | null; effectiveTo: Date | null }[];
  days: readonly { date: Date; kind: "HOLIDAY" | "MAKEUP_WORKDAY"; followsWeekday: number | null }[];
}

const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** A stored calendar (DATE columns arrive as UTC midnights) as the pure calendar reads it. */
export function calendarSpec(rows: CalendarRows): CalendarSpec {
  return {
    timezone: rows.timezone,
    slots: rows.slots.map((s) => ({
      weekday: s.weekday,
      startMinute: s.startMinute,
      endMinute: s.endMinute,
      effectiveFrom: isoDate(s.effectiveFrom),
      effectiveTo: isoDate(s.effectiveTo),
    })),
    days: rows.days.map((d) => ({ date: isoDate(d.date)!, kind: d.kind, followsWeekday: d.followsWeekday })),
  };
}
