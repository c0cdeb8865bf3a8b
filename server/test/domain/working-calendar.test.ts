import { describe, expect, it } from "vitest";
import { WorkingCalendar, type WorkingSlot } from "../../src/domain/sla/working-calendar.ts";
import { deadline, elapsedMinutes } from "../../src/domain/sla/clock.ts";

// Office hours with a lunch break, Monday to Friday, Asia/Shanghai.
const weekdays: WorkingSlot[] = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, startMinute: 8 * 60 + 30, endMinute: 12 * 60 },
  { weekday, startMinute: 13 * 60 + 30, endMinute: 17 * 60 + 30 },
]);
// 2025 National Day: 1-8 October off, Sunday 28 September and Saturday 11 October worked (调休).
const days = [
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((d) => ({ date: `2025-10-0${d}`, kind: "HOLIDAY" as const })),
  { date: "2025-09-28", kind: "MAKEUP_WORKDAY" as const, followsWeekday: 1 },
  { date: "2025-10-11", kind: "MAKEUP_WORKDAY" as const },
];
const calendar = new WorkingCalendar({ timezone: "Asia/Shanghai", slots: weekdays, days });
const sh = (local: string) => new Date(`${local}+08:00`);
const working = (start: string, minutes: number) => deadline("WORKING", calendar, sh(start), minutes)?.toISOString();

describe("working calendar and SLA clock (SPEC §6)", () => {
  it("skips the lunch break", () => {
    expect(working("2025-09-15T11:00:00", 120)).toBe(sh("2025-09-15T14:30:00").toISOString());
  });

  it("skips the weekend and starts counting at the next opening", () => {
    expect(working("2025-09-19T17:00:00", 60)).toBe(sh("2025-09-22T09:00:00").toISOString());
    expect(working("2025-09-20T10:00:00", 30)).toBe(sh("2025-09-22T09:00:00").toISOString());
  });

  it("skips statutory holidays and counts make-up working days (调休)", () => {
    expect(working("2025-09-30T17:00:00", 60)).toBe(sh("2025-10-09T09:00:00").toISOString());
    expect(working("2025-09-27T17:00:00", 30)).toBe(sh("2025-09-28T09:00:00").toISOString());
    expect(working("2025-10-10T17:00:00", 60)).toBe(sh("2025-10-11T09:00:00").toISOString());
  });

  it("counts working minutes between two instants", () => {
    expect(elapsedMinutes("WORKING", calendar, sh("2025-09-19T12:00:00"), sh("2025-09-22T12:00:00"))).toBe(240 + 210);
    expect(elapsedMinutes("WORKING", calendar, sh("2025-10-01T09:00:00"), sh("2025-10-08T18:00:00"))).toBe(0);
  });

  it("SLA-8: a WALL clock runs day and night", () => {
    expect(deadline("WALL", calendar, sh("2025-10-01T23:50:00"), 15)!.toISOString()).toBe(sh("2025-10-02T00:05:00").toISOString());
  });

  it("pauses stop the clock; an open pause leaves no deadline yet", () => {
    const pauses = [{ from: sh("2025-09-15T09:00:00"), to: sh("2025-09-15T14:00:00") }];
    expect(deadline("WORKING", calendar, sh("2025-09-15T08:30:00"), 120, pauses)!.toISOString()).toBe(sh("2025-09-15T15:30:00").toISOString());
    expect(elapsedMinutes("WORKING", calendar, sh("2025-09-15T08:30:00"), sh("2025-09-15T15:30:00"), pauses)).toBe(120);
    expect(deadline("WORKING", calendar, sh("2025-09-15T08:30:00"), 120, [{ from: sh("2025-09-15T09:00:00"), to: null }])).toBeNull();
  });

  it("deadline and elapsed time agree for any start and duration", () => {
    let seed = 42;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 400; i++) {
      const start = new Date(sh("2025-09-01T00:00:00").getTime() + Math.floor(next() * 60 * 24 * 60) * 60_000);
      const minutes = 1 + Math.floor(next() * 3000);
      const pauses = next() < 0.5 ? [] : [{ from: new Date(start.getTime() + 3_600_000), to: new Date(start.getTime() + 3_600_000 * (1 + next() * 48)) }];
      for (const kind of ["WORKING", "WALL"] as const) {
        const due = deadline(kind, calendar, start, minutes, pauses)!;
        expect(elapsedMinutes(kind, calendar, start, due, pauses)).toBeCloseTo(minutes, 6);
      }
    }
  });

  it("reads slots in the calendar's timezone, across a daylight-saving change", () => {
    const london = new WorkingCalendar({ timezone: "Europe/London", slots: [7].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 17 * 60 })), days: [] });
    // 2026-03-29: clocks go forward at 01:00; the working day is still 09:00-17:00 local (BST, UTC+1).
    expect(london.intervalsOn("2026-03-29").map(([a, b]) => [new Date(a).toISOString(), new Date(b).toISOString()])).toEqual([["2026-03-29T08:00:00.000Z", "2026-03-29T16:00:00.000Z"]]);
  });

  it("refuses an impossible slot", () => {
    expect(() => new WorkingCalendar({ timezone: "Asia/Shanghai", slots: [{ weekday: 8, startMinute: 0, endMinute: 60 }], days: [] })).toThrow(RangeError);
    expect(() => new WorkingCalendar({ timezone: "Asia/Shanghai", slots: [{ weekday: 1, startMinute: 600, endMinute: 540 }], days: [] })).toThrow(RangeError);
  });
});
