import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { localToUtc } from "../../domain/sla/time-zone.ts";
import { rateOf, type RateFigure } from "../../domain/surveys/rates.ts";
import { checkMeetingCounts, MEMBERS_MET_TARGET, REQUESTS_ANSWERED_TARGET } from "../../domain/surveys/tenant-meetings.ts";
import { ConflictError, InputError, NotFoundError } from "../../errors/typed-errors.ts";
import { conflictErrorType, STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { estateFilter, inOrganization, scopedNode } from "../../access/read-scope.ts";
import { estateRecords, estateScopeIds, policyPercents, SurveyRateRef } from "./shared.ts";

/**
 * SUR-7 (001 §1): tenants' meetings of an estate (members, members met, requests raised and
 * answered) and the year's two rates per estate with numerator and denominator: members met
 * (≥ 90%, policy SUR-7.membersMet) and requests answered (100%, SUR-7.requestsAnswered).
 */
builder.prismaNode("TenantMeeting", {
  ...scopedNode(estateRecords),
  authScopes: { permission: "complaints:read" },
  description: "SUR-7: a tenants' meeting",
  fields: (t) => ({
    estate: t.relation("estate"),
    heldAt: t.expose("heldAt", { type: "DateTime" }),
    organizer: t.relation("organizer", { nullable: true }),
    membersTotal: t.exposeInt("membersTotal"),
    membersMet: t.exposeInt("membersMet", { description: "Members met face to face" }),
    requestsRaised: t.exposeInt("requestsRaised"),
    requestsAnswered: t.exposeInt("requestsAnswered"),
    minutes: t.exposeString("minutes", { nullable: true }),
    version: t.exposeInt("version"),
  }),
});

builder.queryField("tenantMeetings", (t) =>
  t.prismaConnection({
    type: "TenantMeeting",
    cursor: "id",
    authScopes: { permission: "complaints:read" },
    description: "SUR-7: meetings of your estates, newest first",
    args: { estateId: t.arg.globalID({ required: false }) },
    resolve: (query, _r, args, ctx) =>
      ctx.prisma.tenantMeeting.findMany({ ...query, where: { AND: [estateRecords(ctx), args.estateId ? { estateId: args.estateId.id } : {}] }, orderBy: [{ heldAt: "desc" }, { id: "asc" }] }),
  }),
);

export class TenantMeetingConflictError extends ConflictError {}
builder.objectFields(conflictErrorType(TenantMeetingConflictError, "TenantMeetingConflictError"), (t) => ({
  current: t.prismaField({ type: "TenantMeeting", resolve: (query, e, _a, ctx) => ctx.prisma.tenantMeeting.findUniqueOrThrow({ ...query, where: { id: e.recordId } }) }),
}));

function checkedCounts(c: { membersTotal: number; membersMet: number; requestsRaised: number; requestsAnswered: number }): void {
  const problem = checkMeetingCounts(c, "input");
  if (problem) throw new InputError(problem.field, problem.reason);
}

builder.mutationField("recordTenantMeeting", (t) =>
  t.prismaField({
    type: "TenantMeeting",
    description: "SUR-7: records a tenants' meeting of an estate of your scope",
    authScopes: { permission: "complaints:write" },
    errors: { types: STANDARD_ERRORS },
    args: {
      input: t.arg({
        type: builder.inputType("RecordTenantMeetingInput", {
          fields: (f) => ({
            estateId: f.globalID({ required: true }),
            heldAt: f.field({ type: "DateTime", required: true }),
            membersTotal: f.int({ required: true }), membersMet: f.int({ required: true }),
            requestsRaised: f.int({ required: false, description: "Default 0" }), requestsAnswered: f.int({ required: false, description: "Default 0" }),
            minutes: f.string({ required: false }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      const scope = estateFilter(ctx);
      const estate = await ctx.prisma.estate.findFirst({ where: { id: input.estateId.id, ...inOrganization(ctx) }, select: { id: true } });
      if (!estate || (scope && !scope.in.includes(estate.id))) throw new InputError("input.estateId", "No such estate in your scope");
      if (input.heldAt.getTime() > ctx.now.getTime() + 60_000) throw new InputError("input.heldAt", "Not in the future");
      const counts = { membersTotal: input.membersTotal, membersMet: input.membersMet, requestsRaised: input.requestsRaised ?? 0, requestsAnswered: input.requestsAnswered ?? 0 };
      checkedCounts(counts);
      const created = await ctx.prisma.tenantMeeting.create({
        data: { ...counts, organizationId: ctx.organizationId!, estateId: estate.id, heldAt: input.heldAt, organizerId: ctx.viewer!.staffId, minutes: input.minutes?.trim() || null, createdAt: ctx.now },
        select: { id: true },
      });
      return ctx.prisma.tenantMeeting.findUniqueOrThrow({ ...nonEmpty(query), where: { id: created.id } });
    },
  }),
);

builder.mutationField("updateTenantMeeting", (t) =>
  t.prismaField({
    type: "TenantMeeting",
    description: "SUR-7: requests answered after the meeting, or corrected counts and minutes",
    authScopes: { permission: "complaints:write" },
    errors: { types: [...STANDARD_ERRORS, TenantMeetingConflictError] },
    args: {
      input: t.arg({
        type: builder.inputType("UpdateTenantMeetingInput", {
          fields: (f) => ({
            id: f.globalID({ required: true }),
            version: f.int({ required: true, description: "The version read; a stale one gets a TenantMeetingConflictError" }),
            membersTotal: f.int({ required: false }), membersMet: f.int({ required: false }),
            requestsRaised: f.int({ required: false }), requestsAnswered: f.int({ required: false }),
            minutes: f.string({ required: false }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      const m = await ctx.prisma.tenantMeeting.findFirst({ where: { id: input.id.id, AND: [estateRecords(ctx)] } });
      if (!m) throw new NotFoundError("Tenants' meeting");
      if (m.version !== input.version) throw new TenantMeetingConflictError(m.id, m.version);
      const counts = {
        membersTotal: input.membersTotal ?? m.membersTotal, membersMet: input.membersMet ?? m.membersMet,
        requestsRaised: input.requestsRaised ?? m.requestsRaised, requestsAnswered: input.requestsAnswered ?? m.requestsAnswered,
      };
      checkedCounts(counts);
      const minutes = input.minutes === undefined ? undefined : input.minutes?.trim() || null;
      const updated = await ctx.prisma.tenantMeeting.updateMany({ where: { id: m.id, version: m.version }, data: { ...counts, minutes, version: { increment: 1 } } });
      if (updated.count === 0) throw new TenantMeetingConflictError(m.id, m.version + 1);
      return ctx.prisma.tenantMeeting.findUniqueOrThrow({ ...nonEmpty(query), where: { id: m.id } });
    },
  }),
);

// ---- the year's rates ----

interface YearFigures { estateId: string | null; meetings: number; membersMet: RateFigure; requestsAnswered: RateFigure }

const TenantMeetingRates = builder.objectRef<YearFigures>("TenantMeetingRates").implement({
  description: "SUR-7: a year's tenants' meetings: members met ÷ members, requests answered ÷ raised",
  fields: (t) => ({
    estate: t.prismaField({
      type: "Estate", nullable: true, description: "Null: your estates together",
      resolve: (query, y, _a, ctx) => (y.estateId ? ctx.prisma.estate.findUnique({ ...query, where: { id: y.estateId } }) : null),
    }),
    meetings: t.exposeInt("meetings"),
    membersMet: t.field({ type: SurveyRateRef, resolve: (y) => y.membersMet }),
    requestsAnswered: t.field({ type: SurveyRateRef, resolve: (y) => y.requestsAnswered }),
  }),
});

async function yearBounds(ctx: Context, year: number): Promise<[Date, Date]> {
  const { timezone } = await ctx.prisma.organization.findUniqueOrThrow({ where: { id: ctx.organizationId! }, select: { timezone: true } });
  return [new Date(localToUtc(timezone, `${year}-01-01`, 0)), new Date(localToUtc(timezone, `${year + 1}-01-01`, 0))];
}

builder.queryField("tenantMeetingRates", (t) =>
  t.field({
    type: [TenantMeetingRates],
    description: "SUR-7: per estate of your scope with meetings in the year, and all of them together (estate null, first); counted in SQL",
    authScopes: { permission: "reports:read" },
    args: { year: t.arg.int({ required: true }) },
    resolve: async (_r, args, ctx) => {
      if (args.year < 2000 || args.year > 2100) throw new InputError("year", "A year such as 2026");
      const [from, to] = await yearBounds(ctx, args.year);
      const scope = estateScopeIds(ctx);
      const rows = await ctx.prisma.$queryRaw<{ estate_id: string | null; meetings: number; met: number; total: number; answered: number; raised: number }[]>`
        SELECT estate_id, count(*)::int AS meetings, coalesce(sum(members_met), 0)::int AS met, coalesce(sum(members_total), 0)::int AS total,
               coalesce(sum(requests_answered), 0)::int AS answered, coalesce(sum(requests_raised), 0)::int AS raised
          FROM tenant_meetings
         WHERE organization_id = ${ctx.organizationId}::uuid AND held_at >= ${from}::timestamptz AND held_at < ${to}::timestamptz
           AND (${scope}::uuid[] IS NULL OR estate_id = ANY(${scope}::uuid[]))
         GROUP BY GROUPING SETS ((estate_id), ())
         ORDER BY estate_id NULLS FIRST`;
      const estates = rows.flatMap((r) => (r.estate_id ? [r.estate_id] : []));
      const met = await policyPercents(ctx, "SUR-7.membersMet", [null, ...estates], from, MEMBERS_MET_TARGET);
      const answered = await policyPercents(ctx, "SUR-7.requestsAnswered", [null, ...estates], from, REQUESTS_ANSWERED_TARGET);
      const all = rows.length ? rows : [{ estate_id: null, meetings: 0, met: 0, total: 0, answered: 0, raised: 0 }];
      return all.map((r) => ({
        estateId: r.estate_id, meetings: r.meetings,
        membersMet: rateOf(r.met, r.total, met.get(r.estate_id) ?? null), requestsAnswered: rateOf(r.answered, r.raised, answered.get(r.estate_id) ?? null),
      }));
    },
  }),
);
