import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { calendarDays } from "@tingjian/prisma";
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
    expect(deadline("WORKING", calendar, sh("2025-09-15T08:30:00"), 120, pauses)!.toISOString()).toBe(
      sh("2025-09-15T15:30:00").toISOString(),
    );
    expect(elapsedMinutes("WORKING", calendar, sh("2025-09-15T08:30:00"), sh("2025-09-15T15:30:00"), pauses)).toBe(120);
    expect(deadline("WORKING", calendar, sh("2025-09-15T08:30:00"), 120, [{ from: sh("2025-09-15T09:00:00"), to: null }])).toBeNull();
  });

  // Instants from 2024 to 2026 on the minute, durations up to a working fortnight.
  const instant = fc
    .integer({ min: sh("2024-01-01T00:00:00").getTime() / 60_000, max: sh("2026-12-01T00:00:00").getTime() / 60_000 })
    .map((m) => new Date(m * 60_000));
  const duration = fc.integer({ min: 0, max: 60 * 8 * 10 });
  const kind = fc.constantFrom("WORKING" as const, "WALL" as const);
  const shipped = new WorkingCalendar({ timezone: "Asia/Shanghai", slots: weekdays, days: calendarDays() });

  it("adding working time a then b equals adding a + b (property)", () => {
    fc.assert(
      fc.property(kind, instant, duration, duration, (k, start, a, b) => {
        const once = deadline(k, shipped, start, a + b)!;
        const twice = deadline(k, shipped, deadline(k, shipped, start, a)!, b)!;
        // Landing exactly on a closing time and continuing from it is the same instant as the next opening.
        return elapsedMinutes(k, shipped, once, twice) === 0 && elapsedMinutes(k, shipped, twice, once) === 0;
      }),
      { numRuns: 300 },
    );
  });

  it("the time counted between a start and its deadline is the duration, pauses included (property)", () => {
    const pause = fc.option(fc.tuple(fc.integer({ min: 0, max: 60 * 24 * 5 }), fc.integer({ min: 1, max: 60 * 24 * 3 })), {
      nil: undefined,
    });
    fc.assert(
      fc.property(kind, instant, duration, pause, (k, start, minutes, p) => {
        const pauses = p
          ? [{ from: new Date(start.getTime() + p[0] * 60_000), to: new Date(start.getTime() + (p[0] + p[1]) * 60_000) }]
          : [];
        const due = deadline(k, shipped, start, minutes, pauses)!;
        return Math.abs(elapsedMinutes(k, shipped, start, due, pauses) - minutes) < 1e-9;
      }),
      { numRuns: 300 },
    );
  });

  it("SLA-7: registered at 17:30 on the last working day before National Day 2025, on the shipped calendar", () => {
    const registered = sh("2025-09-30T17:30:00");
    // Plan within 6 working hours: nothing is left on 30 September; 9 October 08:30-12:00 and 13:30-16:00.
    expect(deadline("WORKING", shipped, registered, 6 * 60)!.toISOString()).toBe(sh("2025-10-09T16:00:00").toISOString());
    // To the developer within 4 working hours of registration: 9 October 08:30-12:00, then 13:30-14:00.
    const forwarded = deadline("WORKING", shipped, registered, 4 * 60)!;
    expect(forwarded.toISOString()).toBe(sh("2025-10-09T14:00:00").toISOString());
    // The developer answers within 8 wall-clock hours of the hand-off, else it is deemed accepted.
    expect(deadline("WALL", shipped, forwarded, 8 * 60)!.toISOString()).toBe(sh("2025-10-09T22:00:00").toISOString());
  });

  it("reads slots in the calendar's timezone, across a daylight-saving change", () => {
    const london = new WorkingCalendar({
      timezone: "Europe/London",
      slots: [7].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 17 * 60 })),
      days: [],
    });
    // 2026-03-29: clocks go forward at 01:00; the working day is still 09:00-17:00 local (BST, UTC+1).
    expect(london.intervalsOn("2026-03-29").map(([a, b]) => [new Date(a).toISOString(), new Date(b).toISOString()])).toEqual([
      ["2026-03-29T08:00:00.000Z", "2026-03-29T16:00:00.000Z"],
    ]);
  });

  it("refuses an impossible slot", () => {
    expect(
      () => new WorkingCalendar({ timezone: "Asia/Shanghai", slots: [{ weekday: 8, startMinute: 0, endMinute: 60 }], days: [] }),
    ).toThrow(RangeError);
    expect(
      () => new WorkingCalendar({ timezone: "Asia/Shanghai", slots: [{ weekday: 1, startMinute: 600, endMinute: 540 }], days: [] }),
    ).toThrow(RangeError);
  });
});
