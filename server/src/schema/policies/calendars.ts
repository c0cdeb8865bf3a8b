import { CalendarDayKind } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { nonEmpty } from "../prisma-query.ts";
import { CalendarConflictError } from "../../errors/access.ts";
import { conflictErrorType, STANDARD_ERRORS } from "../errors.ts";
import { inOrganization, organizationNode } from "../../access/read-scope.ts";
import { setCalendarYear } from "../../services/policies/calendars.ts";

/**
 * SPEC §6: working calendars are data the customer maintains — weekly slots (split shifts, lunch
 * breaks), statutory holidays and make-up working days (调休). The State Council publishes each
 * year's schedule in the autumn before; an administrator enters it here, and every deadline
 * computed afterwards uses it (deadlines already stored keep the calendar they were computed on
 * until their complaint changes).
 */
const CalendarDayKindEnum = builder.enumType(CalendarDayKind, {
  name: "CalendarDayKind",
  description: "§6: a holiday, or a make-up working day (调休)",
  values: {
    HOLIDAY: { description: "§6: a statutory holiday: no working time" },
    MAKEUP_WORKDAY: { description: "§6: a make-up working day (调休) on a weekend: works a weekday's slots" },
  },
});

builder.objectFields(conflictErrorType(CalendarConflictError, "CalendarConflictError"), (t) => ({
  current: t.prismaField({
    type: "WorkingCalendar",
    description: "The calendar as it is now",
    resolve: (query, e, _a, ctx) => ctx.prisma.workingCalendar.findUniqueOrThrow({ ...query, where: { id: e.recordId } }),
  }),
}));

builder.prismaNode("WorkingCalendar", {
  ...organizationNode,
  authScopes: { authenticated: true },
  description: "§6: a working calendar: weekly slots, holidays and make-up days; SLA deadlines run on it",
  fields: (t) => ({
    name: t.exposeString("name", { description: "The calendar's name" }),
    timezone: t.exposeString("timezone", { description: "IANA timezone of its slots" }),
    isDefault: t.exposeBoolean("isDefault", { description: "The organisation's default calendar" }),
    version: t.exposeInt("version", { description: "Optimistic concurrency: send it back with setCalendarYear" }),
    slots: t.relation("slots", {
      description: "§6: the weekly working slots",
      query: { orderBy: [{ weekday: "asc" }, { startMinute: "asc" }] },
    }),
    days: t.relation("days", {
      description: "§6: holidays and make-up days, by date",
      args: { year: t.arg.int({ required: false, description: "Only this year's" }) },
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
  description: "§6: one working period of a weekday",
  fields: (t) => ({
    weekday: t.exposeInt("weekday", { description: "ISO weekday, 1 = Monday … 7 = Sunday" }),
    startMinute: t.exposeInt("startMinute", { description: "Minutes after local midnight" }),
    endMinute: t.exposeInt("endMinute", { description: "Minutes after local midnight (exclusive)" }),
  }),
});

builder.prismaObject("CalendarDay", {
  description: "§6: a holiday or a make-up working day",
  fields: (t) => ({
    date: t.expose("date", { type: "Date", description: "The day" }),
    kind: t.expose("kind", { type: CalendarDayKindEnum, description: "Holiday or make-up working day" }),
    name: t.exposeString("name", { nullable: true, description: "e.g. 国庆节" }),
    followsWeekday: t.exposeInt("followsWeekday", {
      nullable: true,
      description: "A make-up day works the slots of this weekday (default Monday)",
    }),
  }),
});

builder.queryField("workingCalendars", (t) =>
  t.prismaField({
    type: ["WorkingCalendar"],
    authScopes: { authenticated: true },
    description: "§6: the organisation's working calendars",
    resolve: (query, _r, _a, ctx) =>
      ctx.prisma.workingCalendar.findMany({ ...query, where: inOrganization(ctx), orderBy: { name: "asc" } }),
  }),
);

const CalendarDayInput = builder.inputType("CalendarDayInput", {
  description: "§6: one holiday or make-up working day",
  fields: (t) => ({
    date: t.field({ type: "Date", required: true, description: "A day of the year entered" }),
    kind: t.field({ type: CalendarDayKindEnum, required: true, description: "Holiday or make-up working day" }),
    name: t.string({ required: false, description: "e.g. 国庆节, 国庆节调休" }),
    followsWeekday: t.int({ required: false, description: "A make-up day: the ISO weekday whose slots it works (default Monday)" }),
  }),
});

const SetCalendarYearInput = builder.inputType("SetCalendarYearInput", {
  description: "§6: one year's holidays and make-up days of a calendar",
  fields: (t) => ({
    calendarId: t.globalID({ required: true, description: "The WorkingCalendar" }),
    version: t.int({ required: true, description: "Its version as read; a stale one gets CalendarConflictError" }),
    year: t.int({ required: true, description: "2000-2100" }),
    days: t.field({
      type: [CalendarDayInput],
      required: true,
      description: "Every holiday and make-up day of the year; replaces what was entered for it",
    }),
  }),
});

builder.mutationField("setCalendarYear", (t) =>
  t.withAuth({ permission: "policies:manage" }).prismaField({
    type: "WorkingCalendar",
    description: "§6: enters (or corrects) one year's statutory holidays and make-up working days of a calendar",
    errors: { types: [...STANDARD_ERRORS, CalendarConflictError] },
    args: { input: t.arg({ type: SetCalendarYearInput, required: true, description: "The calendar, its version and the year's days" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await setCalendarYear(ctx, {
        calendarId: input.calendarId.id,
        version: input.version,
        year: input.year,
        days: input.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name ?? null, followsWeekday: d.followsWeekday ?? null })),
      });
      return ctx.prisma.workingCalendar.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);
