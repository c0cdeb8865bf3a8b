import { CalendarDayKind } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { nonEmpty } from "../prisma-query.ts";
import { WorkingCalendar } from "../../domain/sla/working-calendar.ts";
import { calendarSpec } from "../../domain/sla/calendar-spec.ts";
import { ConflictError, InputError, NotFoundError } from "../../errors/typed-errors.ts";
import { conflictErrorType, STANDARD_ERRORS } from "../errors.ts";
import { inOrganization, organizationNode } from "../../access/read-scope.ts";

/**
 * SPEC §6: working calendars are data the customer maintains — weekly slots (split shifts, lunch
 * breaks), statutory holidays and make-up working days (调休). The State Council publishes each
 * year's schedule in the autumn before; an administrator enters it here, and every deadline
 * computed afterwards uses it (deadlines already stored keep the calendar they were computed on
 * until their complaint changes).
 */
const CalendarDayKindEnum = builder.enumType(CalendarDayKind, { name: "CalendarDayKind", description: "§6: a holiday, or a make-up working day (调休)" });

class CalendarConflictError extends ConflictError {}
builder.objectFields(conflictErrorType(CalendarConflictError, "CalendarConflictError"), (t) => ({
  current: t.prismaField({ type: "WorkingCalendar", resolve: (query, e, _a, ctx) => ctx.prisma.workingCalendar.findUniqueOrThrow({ ...query, where: { id: e.recordId } }) }),
}));

builder.prismaNode("WorkingCalendar", {
  ...organizationNode,
  authScopes: { authenticated: true },
  fields: (t) => ({
    name: t.exposeString("name"),
    timezone: t.exposeString("timezone"),
    isDefault: t.exposeBoolean("isDefault"),
    version: t.exposeInt("version"),
    slots: t.relation("slots", { query: { orderBy: [{ weekday: "asc" }, { startMinute: "asc" }] } }),
    days: t.relation("days", {
      args: { year: t.arg.int({ required: false }) },
      query: (args) => ({
        where: args.year ? { date: { gte: new Date(Date.UTC(args.year, 0, 1)), lt: new Date(Date.UTC(args.year + 1, 0, 1)) } } : {},
        orderBy: { date: "asc" },
      }),
    }),
    years: t.field({
      type: ["Int"],
      description: "The years with holidays entered; a year missing here has no statutory holidays yet",
      select: { days: { where: { kind: "HOLIDAY" }, select: { date: true } } },
      resolve: (c) => [...new Set(c.days.map((d) => d.date.getUTCFullYear()))].sort(),
    }),
  }),
});

builder.prismaObject("WorkingTimeSlot", {
  fields: (t) => ({
    weekday: t.exposeInt("weekday", { description: "ISO weekday, 1 = Monday … 7 = Sunday" }),
    startMinute: t.exposeInt("startMinute", { description: "Minutes after local midnight" }),
    endMinute: t.exposeInt("endMinute"),
  }),
});

builder.prismaObject("CalendarDay", {
  fields: (t) => ({
    date: t.expose("date", { type: "Date" }),
    kind: t.expose("kind", { type: CalendarDayKindEnum }),
    name: t.exposeString("name", { nullable: true }),
    followsWeekday: t.exposeInt("followsWeekday", { nullable: true, description: "A make-up day works the slots of this weekday (default Monday)" }),
  }),
});

builder.queryField("workingCalendars", (t) =>
  t.prismaField({
    type: ["WorkingCalendar"],
    authScopes: { authenticated: true },
    resolve: (query, _r, _a, ctx) => ctx.prisma.workingCalendar.findMany({ ...query, where: inOrganization(ctx), orderBy: { name: "asc" } }),
  }),
);

const CalendarDayInput = builder.inputType("CalendarDayInput", {
  fields: (t) => ({
    date: t.field({ type: "Date", required: true }),
    kind: t.field({ type: CalendarDayKindEnum, required: true }),
    name: t.string({ required: false, description: "e.g. 国庆节, 国庆节调休" }),
    followsWeekday: t.int({ required: false }),
  }),
});

const SetCalendarYearInput = builder.inputType("SetCalendarYearInput", {
  fields: (t) => ({
    calendarId: t.globalID({ required: true }),
    version: t.int({ required: true }),
    year: t.int({ required: true }),
    days: t.field({ type: [CalendarDayInput], required: true, description: "Every holiday and make-up day of the year; replaces what was entered for it" }),
  }),
});

builder.mutationField("setCalendarYear", (t) =>
  t.prismaField({
    type: "WorkingCalendar",
    description: "§6: enters (or corrects) one year's statutory holidays and make-up working days of a calendar",
    authScopes: { permission: "policies:manage" },
    errors: { types: [...STANDARD_ERRORS, CalendarConflictError] },
    args: { input: t.arg({ type: SetCalendarYearInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const cal = await ctx.prisma.workingCalendar.findFirst({ where: { id: input.calendarId.id, ...inOrganization(ctx) }, include: { slots: true } });
      if (!cal) throw new NotFoundError("Calendar");
      if (input.year < 2000 || input.year > 2100) throw new InputError("input.year", "A year between 2000 and 2100");
      const seen = new Set<string>();
      for (const [i, d] of input.days.entries()) {
        const iso = d.date.toISOString().slice(0, 10);
        if (d.date.getUTCFullYear() !== input.year) throw new InputError(`input.days.${i}.date`, `${iso} is not in ${input.year}`);
        if (seen.has(iso)) throw new InputError(`input.days.${i}.date`, `${iso} is given twice`);
        seen.add(iso);
        if (d.kind === "HOLIDAY" && d.followsWeekday != null) throw new InputError(`input.days.${i}.followsWeekday`, "Only a make-up working day follows a weekday's slots");
        if (d.followsWeekday != null && !(d.followsWeekday >= 1 && d.followsWeekday <= 7)) throw new InputError(`input.days.${i}.followsWeekday`, "An ISO weekday, 1-7");
      }
      // The calendar must still leave working time: a year of holidays would make every deadline unreachable.
      const check = new WorkingCalendar(calendarSpec({ ...cal, days: input.days.map((d) => ({ date: d.date, kind: d.kind, followsWeekday: d.followsWeekday ?? null })) }));
      if (check.workingMsBetween(Date.UTC(input.year, 0, 1), Date.UTC(input.year + 1, 0, 1)) === 0) throw new InputError("input.days", "The year would have no working time left");
      const updated = await ctx.prisma.workingCalendar.updateMany({ where: { id: cal.id, version: input.version }, data: { version: { increment: 1 } } });
      if (updated.count === 0) throw new CalendarConflictError(cal.id, cal.version);
      await ctx.prisma.calendarDay.deleteMany({ where: { calendarId: cal.id, date: { gte: new Date(Date.UTC(input.year, 0, 1)), lt: new Date(Date.UTC(input.year + 1, 0, 1)) } } });
      await ctx.prisma.calendarDay.createMany({
        data: input.days.map((d) => ({ organizationId: cal.organizationId, calendarId: cal.id, date: d.date, kind: d.kind, name: d.name?.trim() || null, followsWeekday: d.followsWeekday ?? null })),
      });
      return ctx.prisma.workingCalendar.findUniqueOrThrow({ ...nonEmpty(query), where: { id: cal.id } });
    },
  }),
);
