import type { CalendarDayKind } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { inOrganization } from "../../access/read-scope.ts";
import { calendarSpec } from "../../domain/sla/calendar-spec.ts";
import { WorkingCalendar } from "../../domain/sla/working-calendar.ts";
import { CalendarConflictError } from "../../errors/access.ts";
import { InputCheck, InputError, NotFoundError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { recordAdminChange } from "../admin/change-log.ts";
import { writeAtVersion } from "../versioned-write.ts";

export interface CalendarDayInput {
  date: Date;
  kind: CalendarDayKind;
  name: string | null;
  followsWeekday: number | null;
}

export interface SetCalendarYearInput {
  calendarId: string;
  version: number;
  year: number;
  days: readonly CalendarDayInput[];
}

/** §6: every bad day of the input at once (issue 16). */
function checkDays(input: SetCalendarYearInput): void {
  const check = new InputCheck();
  check.that(input.year >= 2000 && input.year <= 2100, "input.year", msg("calendarYearRange"));
  const seen = new Set<string>();
  for (const [i, d] of input.days.entries()) {
    const iso = d.date.toISOString().slice(0, 10);
    if (
      !check.that(
        d.date.getUTCFullYear() === input.year,
        `input.days.${i}.date`,
        msg("calendarDayOtherYear", { date: iso, year: input.year }),
      )
    )
      continue;
    check.that(!seen.has(iso), `input.days.${i}.date`, msg("calendarDayTwice", { date: iso }));
    seen.add(iso);
    check.that(d.kind !== "HOLIDAY" || d.followsWeekday == null, `input.days.${i}.followsWeekday`, msg("calendarHolidayFollows"));
    check.that(
      d.followsWeekday == null || (d.followsWeekday >= 1 && d.followsWeekday <= 7),
      `input.days.${i}.followsWeekday`,
      msg("calendarWeekday"),
    );
  }
  check.done();
}

/** A day as the change log keeps it. */
function dayEntry(d: { date: Date; kind: CalendarDayKind; name: string | null; followsWeekday: number | null }) {
  return { date: d.date.toISOString().slice(0, 10), kind: d.kind, name: d.name, followsWeekday: d.followsWeekday };
}

/**
 * SPEC §6: enters (or corrects) one year's statutory holidays and make-up working days of a
 * calendar, replacing what was entered for that year. Returns the calendar's id.
 */
export async function setCalendarYear(ctx: SignedInContext, input: SetCalendarYearInput): Promise<string> {
  const cal = await ctx.prisma.workingCalendar.findFirst({
    where: { id: input.calendarId, ...inOrganization(ctx) },
    include: { slots: true },
  });
  if (!cal) throw new NotFoundError("Calendar");
  checkDays(input);
  // The calendar must still leave working time: a year of holidays would make every deadline unreachable.
  const trial = new WorkingCalendar(
    calendarSpec({ ...cal, days: input.days.map((d) => ({ date: d.date, kind: d.kind, followsWeekday: d.followsWeekday })) }),
  );
  if (trial.workingMsBetween(Date.UTC(input.year, 0, 1), Date.UTC(input.year + 1, 0, 1)) === 0)
    throw new InputError("input.days", msg("calendarNoWorkingTime"));
  await writeAtVersion(ctx.prisma.workingCalendar, { id: cal.id, version: input.version }, {}, (id, v) => new CalendarConflictError(id, v));
  const ofYear = { calendarId: cal.id, date: { gte: new Date(Date.UTC(input.year, 0, 1)), lt: new Date(Date.UTC(input.year + 1, 0, 1)) } };
  const before = await ctx.prisma.calendarDay.findMany({ where: ofYear, orderBy: { date: "asc" } });
  await ctx.prisma.calendarDay.deleteMany({ where: ofYear });
  const days = input.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name?.trim() || null, followsWeekday: d.followsWeekday }));
  await ctx.prisma.calendarDay.createMany({ data: days.map((d) => ({ organizationId: cal.organizationId, calendarId: cal.id, ...d })) });
  // Issue 17: the year's days before and after, in the administrative change log.
  await recordAdminChange(ctx, {
    entity: "CALENDAR",
    entityId: cal.id,
    action: "UPDATE",
    before: { year: input.year, days: before.map(dayEntry) },
    after: { year: input.year, days: [...days].sort((a, b) => a.date.getTime() - b.date.getTime()).map(dayEntry) },
  });
  return cal.id;
}
