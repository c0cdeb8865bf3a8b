import { SlaRule, SlaStageStatus, type Prisma } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { SlaStageConnection } from "../connections.ts";
import type { Context } from "../../access/context.ts";
import { InputError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { complaintScope, countedComplaints } from "../../access/read-scope.ts";
import { SlaCache } from "../../services/complaints/sla-stages.ts";
import type { WorkingCalendar } from "../../domain/sla/working-calendar.ts";

export const SlaRuleEnum = builder.enumType(SlaRule, {
  name: "SlaRule",
  description: "SPEC §6 rules",
  values: Object.fromEntries(Object.values(SlaRule).map((r) => [r, { description: `SPEC §6 ${r.replace("_", "-")}` }])) as Record<
    SlaRule,
    { description: string }
  >,
});
export const SlaStageStatusEnum = builder.enumType(SlaStageStatus, {
  name: "SlaStageStatus",
  description: "§6: where a time limit stands",
  values: {
    RUNNING: { description: "The clock runs" },
    PAUSED: { description: "Stopped while waiting for the customer (§6)" },
    MET: { description: "Finished by the deadline" },
    BREACHED: { description: "Past the deadline (WF-7 escalates it)" },
    CANCELLED: { description: "No longer applies (e.g. the complaint was found invalid)" },
  } satisfies Record<SlaStageStatus, { description: string }>,
});
const SlaClockEnum = builder.enumType("SlaClock", {
  description: "§6: the estate's working calendar, or 24 × 7",
  values: { WORKING: { description: "Working time on the estate's calendar" }, WALL: { description: "Wall-clock time, 24 × 7" } },
});

/** A stage past its deadline and not finished: overdue now, whether or not the sweep has stored the breach yet. */
export function overdueStages(now: Date): Prisma.SlaStageWhereInput {
  return { finishedAt: null, status: { in: ["RUNNING", "BREACHED"] }, deadlineAt: { lt: now } };
}

builder.prismaObject("SlaStage", {
  description: "§6: one time limit of a complaint: rule, clock, start, deadline, finish, pauses and outcome",
  fields: (t) => ({
    id: t.exposeID("id", { description: "The stage's id" }),
    rule: t.expose("rule", { type: SlaRuleEnum, description: "The SPEC §6 rule" }),
    stage: t.exposeString("stage", {
      description: "Sub-stage of rules with several limits (SLA-7 plan / to_developer / developer_answer, SLA-8 …), else main",
    }),
    round: t.exposeInt("round", { description: "The rule's n-th run on the complaint: SLA-6 per promise, SLA-10/SLA-11 per confirmation" }),
    clock: t.expose("clock", { type: SlaClockEnum, description: "§6: the clock the duration is counted on" }),
    policyKey: t.exposeString("policyKey", { nullable: true, description: "The policy value the duration came from" }),
    durationMinutes: t.exposeInt("durationMinutes", { description: "The time limit, in minutes of its clock" }),
    startedAt: t.expose("startedAt", { type: "DateTime", description: "When the clock started" }),
    deadlineAt: t.expose("deadlineAt", {
      type: "DateTime",
      description: "On the stage's clock, moved on by pauses (while paused: as if the customer were back now)",
    }),
    finishedAt: t.expose("finishedAt", { type: "DateTime", nullable: true, description: "When the step was done; null while running" }),
    pausedSeconds: t.exposeInt("pausedSeconds", { description: "§6: paused time so far (waiting for the customer)" }),
    pausedSince: t.expose("pausedSince", { type: "DateTime", nullable: true, description: "§6: paused since then; null while running" }),
    status: t.expose("status", { type: SlaStageStatusEnum, description: "Where the stage stands" }),
    breachedAt: t.expose("breachedAt", { type: "DateTime", nullable: true, description: "When the deadline passed unmet (WF-7)" }),
    overdue: t.boolean({
      description: "Not finished and past its deadline now",
      resolve: (s, _a, ctx) => !s.finishedAt && (s.status === "RUNNING" || s.status === "BREACHED") && s.deadlineAt < ctx.now,
    }),
    remainingMinutes: t.int({
      nullable: true,
      description:
        "§6: time left now on the stage's own clock: working minutes on the estate's calendar for a WORKING clock " +
        "(nights, weekends and holidays do not count), wall minutes otherwise; negative once past the deadline (by the same clock); " +
        "null when the stage is finished or cancelled. While paused: as if the customer were back now",
      select: {
        organizationId: true,
        clock: true,
        deadlineAt: true,
        finishedAt: true,
        status: true,
        estate: { select: { calendarId: true } },
      },
      resolve: async (s, _a, ctx) => {
        if (s.finishedAt || s.status === "MET" || s.status === "CANCELLED") return null;
        const now = ctx.now.getTime();
        const due = s.deadlineAt.getTime();
        if (s.clock === "WALL") return Math.trunc((due - now) / 60_000);
        const calendar = await calendarOf(ctx, s.organizationId, s.estate.calendarId);
        const ms = due >= now ? calendar.workingMsBetween(now, due) : -calendar.workingMsBetween(due, now);
        return Math.trunc(ms / 60_000);
      },
    }),
    complaint: t.relation("complaint", { description: "The complaint the time limit belongs to" }),
  }),
});

// One load per calendar per request, however many stages ask (the promise is shared).
const requestCalendars = new WeakMap<Context, { cache: SlaCache; loading: Map<string, Promise<WorkingCalendar>> }>();

function calendarOf(ctx: Context, organizationId: string, calendarId: string | null): Promise<WorkingCalendar> {
  let entry = requestCalendars.get(ctx);
  if (!entry) requestCalendars.set(ctx, (entry = { cache: new SlaCache(), loading: new Map() }));
  const key = calendarId ?? `default:${organizationId}`;
  let pending = entry.loading.get(key);
  if (!pending) entry.loading.set(key, (pending = entry.cache.calendar(ctx.prisma, organizationId, calendarId)));
  return pending;
}

builder.prismaObjectFields("Complaint", (t) => ({
  slaStages: t.relation("slaStages", {
    description: "§6: every time limit of this complaint",
    query: { orderBy: [{ startedAt: "asc" }, { rule: "asc" }, { stage: "asc" }] },
  }),
  openDeadlines: t.relation("slaStages", {
    description: "§6: the deadlines still running or paused, soonest first",
    query: { where: { finishedAt: null, status: { in: ["RUNNING", "PAUSED", "BREACHED"] } }, orderBy: { deadlineAt: "asc" } },
  }),
  overdue: t.boolean({
    description: "A deadline has passed and its stage is not finished (WF-7 escalates it)",
    select: (_a, ctx) => ({ slaStages: { where: overdueStages(ctx.now), select: { id: true }, take: 1 } }),
    resolve: (c) => c.slaStages.length > 0,
  }),
  escalationLevel: t.exposeInt("escalationLevel", { description: "WF-7: levels above the handling department" }),
  escalations: t.relation("escalations", {
    description: "WF-7, CLS-3: every escalation, oldest first",
    query: { orderBy: [{ at: "asc" }, { id: "asc" }] },
  }),
}));

const OpenDeadlinesFilter = builder.inputType("OpenDeadlinesFilter", {
  description: "§6: which open deadlines to list",
  fields: (t) => ({
    estateId: t.globalID({ required: false, description: "§2: one estate of your scope" }),
    rule: t.field({ type: [SlaRuleEnum], required: false, description: "Only these rules" }),
    dueBefore: t.field({ type: "DateTime", required: false, description: "Only deadlines before this instant (e.g. the end of today)" }),
    overdueOnly: t.boolean({ required: false, description: "Only deadlines already past" }),
  }),
});

builder.queryField("openDeadlines", (t) =>
  t.withAuth({ permission: "complaints:read" }).prismaConnection(
    {
      type: "SlaStage",
      cursor: "id",
      description: "§6: every running or paused deadline of the complaints in your scope, soonest first",
      args: { filter: t.arg({ type: OpenDeadlinesFilter, required: false, description: "Which deadlines; default all open ones" }) },
      totalCount: (_p, args, ctx) => ctx.prisma.slaStage.count({ where: openDeadlineWhere(ctx, args.filter) }),
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.slaStage.findMany({
          ...query,
          where: openDeadlineWhere(ctx, args.filter),
          orderBy: [{ deadlineAt: "asc" }, { id: "asc" }],
        }),
    },
    SlaStageConnection,
  ),
);

function openDeadlineWhere(
  ctx: Context,
  f:
    | { estateId?: { id: string } | null; rule?: SlaRule[] | null; dueBefore?: Date | null; overdueOnly?: boolean | null }
    | null
    | undefined,
): Prisma.SlaStageWhereInput {
  return {
    complaint: complaintScope(ctx),
    ...(f?.overdueOnly ? overdueStages(ctx.now) : { finishedAt: null, status: { in: ["RUNNING", "PAUSED", "BREACHED"] } }),
    AND: [
      f?.estateId ? { estateId: f.estateId.id } : {},
      f?.rule?.length ? { rule: { in: f.rule } } : {},
      f?.dueBefore ? { deadlineAt: { lt: f.dueBefore } } : {},
    ],
  };
}

interface Attainment {
  rule: SlaRule;
  stage: string;
  met: number;
  breached: number;
  decided: number;
  running: number;
  overdue: number;
}

const SlaAttainment = builder.objectRef<Attainment>("SlaAttainment").implement({
  description:
    "§6, §11: per rule and stage, of the stages started in the period: met and breached (numerator and denominator), still running, overdue",
  fields: (t) => ({
    rule: t.expose("rule", { type: SlaRuleEnum, description: "The SPEC §6 rule" }),
    stage: t.exposeString("stage", { description: "The rule's sub-stage, or main" }),
    met: t.exposeInt("met", { description: "Finished by the deadline" }),
    breached: t.exposeInt("breached", { description: "Finished late, or past the deadline and still running" }),
    decided: t.exposeInt("decided", { description: "met + breached: the denominator of the rate" }),
    running: t.exposeInt("running", { description: "Still running or paused" }),
    overdue: t.exposeInt("overdue", { description: "Not finished and past the deadline now" }),
    rate: t.float({
      nullable: true,
      description: "met / (met + breached); null without any",
      resolve: (a) => (a.met + a.breached ? a.met / (a.met + a.breached) : null),
    }),
  }),
});

builder.queryField("slaAttainment", (t) =>
  t.withAuth({ permission: "complaints:read" }).field({
    type: [SlaAttainment],
    description: "§6: attainment of every SLA rule for stages started in [from, to), in your scope; counted in SQL",
    args: {
      from: t.arg({ type: "DateTime", required: true, description: "The period's start (inclusive)" }),
      to: t.arg({ type: "DateTime", required: true, description: "The period's end (exclusive), after `from`" }),
      estateId: t.arg.globalID({ required: false, description: "§2: one estate of your scope; default all" }),
    },
    resolve: async (_r, args, ctx) => {
      if (args.to <= args.from) throw new InputError("to", msg("slaPeriod"));
      const where: Prisma.SlaStageWhereInput = {
        startedAt: { gte: args.from, lt: args.to },
        status: { not: "CANCELLED" },
        complaint: countedComplaints(ctx),
        ...(args.estateId ? { estateId: args.estateId.id } : {}),
      };
      // One after the other: the request's transaction is one connection.
      const groups = await ctx.prisma.slaStage.groupBy({ by: ["rule", "stage", "status"], where, _count: { _all: true } });
      const overdue = await ctx.prisma.slaStage.groupBy({
        by: ["rule", "stage"],
        where: { AND: [where, overdueStages(ctx.now)] },
        _count: { _all: true },
      });
      const out = new Map<string, Attainment>();
      const get = (rule: SlaRule, stage: string) => {
        const k = `${rule}/${stage}`;
        let a = out.get(k);
        if (!a) out.set(k, (a = { rule, stage, met: 0, breached: 0, decided: 0, running: 0, overdue: 0 }));
        return a;
      };
      for (const g of groups) {
        const a = get(g.rule, g.stage);
        if (g.status === "MET") a.met += g._count._all;
        else if (g.status === "BREACHED") a.breached += g._count._all;
        else a.running += g._count._all;
      }
      for (const g of overdue) get(g.rule, g.stage).overdue = g._count._all;
      for (const a of out.values()) a.decided = a.met + a.breached;
      return [...out.values()].sort((x, y) => x.rule.localeCompare(y.rule, "en", { numeric: true }) || x.stage.localeCompare(y.stage));
    },
  }),
);
