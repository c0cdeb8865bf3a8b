import { builder } from "../../builder.ts";
import { TenantMeetingConnection } from "../connections.ts";
import { scopedNode } from "../../access/read-scope.ts";
import { rateOf, type RateFigure } from "../../domain/surveys/rates.ts";
import { MEMBERS_MET_TARGET, REQUESTS_ANSWERED_TARGET } from "../../domain/surveys/tenant-meetings.ts";
import { TenantMeetingConflictError } from "../../errors/surveys.ts";
import { policyPercents } from "../../services/surveys/campaign.ts";
import { estateRecords, estateScopeIds } from "../../access/scopes/surveys.ts";
import { recordTenantMeeting, updateTenantMeeting, yearBounds } from "../../services/surveys/tenant-meetings.ts";
import { conflictErrorType, STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { SurveyRateRef } from "./shared.ts";

/**
 * SUR-7 (001 §1): tenants' meetings of an estate (members, members met, requests raised and
 * answered) and the year's two rates per estate with numerator and denominator: members met
 * (≥ 90%, policy SUR-7.membersMet) and requests answered (100%, SUR-7.requestsAnswered).
 * The commands are services/surveys/tenant-meetings.ts.
 */
builder.prismaNode("TenantMeeting", {
  ...scopedNode(estateRecords),
  id: { field: "id", description: "SUR-7: the meeting's global id" },
  authScopes: { permission: "complaints:read" },
  description: "SUR-7: a tenants' meeting",
  fields: (t) => ({
    estate: t.relation("estate", { description: "SUR-7: the estate whose tenants met" }),
    heldAt: t.expose("heldAt", { type: "DateTime", description: "SUR-7: when it was held" }),
    organizer: t.relation("organizer", { nullable: true, description: "Who recorded it" }),
    membersTotal: t.exposeInt("membersTotal", { description: "SUR-7: members on the roll" }),
    membersMet: t.exposeInt("membersMet", { description: "Members met face to face" }),
    requestsRaised: t.exposeInt("requestsRaised", { description: "SUR-7: members' requests raised" }),
    requestsAnswered: t.exposeInt("requestsAnswered", { description: "SUR-7: requests answered (target 100%)" }),
    minutes: t.exposeString("minutes", { nullable: true, description: "The minutes" }),
    version: t.exposeInt("version", { description: "Optimistic concurrency: send it back with a change" }),
  }),
});

builder.queryField("tenantMeetings", (t) =>
  t.prismaConnection(
    {
      type: "TenantMeeting",
      cursor: "id",
      authScopes: { permission: "complaints:read" },
      description: "SUR-7: meetings of your estates (§2), newest first",
      args: { estateId: t.arg.globalID({ required: false, description: "Only this estate's" }) },
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.tenantMeeting.findMany({
          ...query,
          where: { AND: [estateRecords(ctx), args.estateId ? { estateId: args.estateId.id } : {}] },
          orderBy: [{ heldAt: "desc" }, { id: "asc" }],
        }),
    },
    TenantMeetingConnection,
  ),
);

builder.objectFields(conflictErrorType(TenantMeetingConflictError, "TenantMeetingConflictError"), (t) => ({
  current: t.prismaField({
    type: "TenantMeeting",
    description: "The meeting as it is now",
    resolve: (query, e, _a, ctx) => ctx.prisma.tenantMeeting.findUniqueOrThrow({ ...query, where: { id: e.recordId } }),
  }),
}));

builder.mutationField("recordTenantMeeting", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "TenantMeeting",
    description: "SUR-7: records a tenants' meeting of an estate of your scope",
    errors: { types: STANDARD_ERRORS },
    args: {
      input: t.arg({
        type: builder.inputType("RecordTenantMeetingInput", {
          description: "SUR-7: a meeting",
          fields: (f) => ({
            estateId: f.globalID({ required: true, description: "An estate of your scope" }),
            heldAt: f.field({ type: "DateTime", required: true, description: "Not in the future" }),
            membersTotal: f.int({ required: true, description: "Members on the roll (at least 1)" }),
            membersMet: f.int({ required: true, description: "Members met face to face (at most membersTotal)" }),
            requestsRaised: f.int({ required: false, description: "Default 0" }),
            requestsAnswered: f.int({ required: false, description: "Default 0; at most requestsRaised" }),
            minutes: f.string({ required: false, description: "The minutes" }),
          }),
        }),
        required: true,
        description: "The meeting",
      }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await recordTenantMeeting(ctx, { ...input, estateId: input.estateId.id });
      return ctx.prisma.tenantMeeting.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

builder.mutationField("updateTenantMeeting", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "TenantMeeting",
    description: "SUR-7: requests answered after the meeting, or corrected counts and minutes",
    errors: { types: [...STANDARD_ERRORS, TenantMeetingConflictError] },
    args: {
      input: t.arg({
        type: builder.inputType("UpdateTenantMeetingInput", {
          description: "SUR-7: the changes (omitted fields stay)",
          fields: (f) => ({
            id: f.globalID({ required: true, description: "The meeting" }),
            version: f.int({ required: true, description: "The version read; a stale one gets a TenantMeetingConflictError" }),
            membersTotal: f.int({ required: false, description: "Members on the roll" }),
            membersMet: f.int({ required: false, description: "Members met face to face" }),
            requestsRaised: f.int({ required: false, description: "Requests raised" }),
            requestsAnswered: f.int({ required: false, description: "Requests answered" }),
            minutes: f.string({ required: false, description: "The minutes (null clears them)" }),
          }),
        }),
        required: true,
        description: "The changes",
      }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await updateTenantMeeting(ctx, { ...input, id: input.id.id });
      return ctx.prisma.tenantMeeting.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

// ---- the year's rates ----

interface YearFigures {
  estateId: string | null;
  meetings: number;
  membersMet: RateFigure;
  requestsAnswered: RateFigure;
}

const TenantMeetingRates = builder.objectRef<YearFigures>("TenantMeetingRates").implement({
  description: "SUR-7: a year's tenants' meetings: members met ÷ members, requests answered ÷ raised",
  fields: (t) => ({
    estate: t.prismaField({
      type: "Estate",
      nullable: true,
      description: "Null: your estates together",
      resolve: (query, y, _a, ctx) => (y.estateId ? ctx.prisma.estate.findUnique({ ...query, where: { id: y.estateId } }) : null),
    }),
    meetings: t.exposeInt("meetings", { description: "SUR-7: meetings held in the year" }),
    membersMet: t.field({
      type: SurveyRateRef,
      description: "SUR-7: members met ÷ members (target SUR-7.membersMet)",
      resolve: (y) => y.membersMet,
    }),
    requestsAnswered: t.field({
      type: SurveyRateRef,
      description: "SUR-7: requests answered ÷ raised (target SUR-7.requestsAnswered)",
      resolve: (y) => y.requestsAnswered,
    }),
  }),
});

builder.queryField("tenantMeetingRates", (t) =>
  t.withAuth({ permission: "reports:read" }).field({
    type: [TenantMeetingRates],
    description: "SUR-7: per estate of your scope with meetings in the year, and all of them together (estate null, first); counted in SQL",
    args: { year: t.arg.int({ required: true, description: "The calendar year (the organisation's time zone), e.g. 2026" }) },
    resolve: async (_r, args, ctx) => {
      const [from, to] = await yearBounds(ctx, args.year);
      const scope = estateScopeIds(ctx);
      const rows = await ctx.prisma.$queryRaw<
        { estate_id: string | null; meetings: number; met: number; total: number; answered: number; raised: number }[]
      >`
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
        estateId: r.estate_id,
        meetings: r.meetings,
        membersMet: rateOf(r.met, r.total, met.get(r.estate_id) ?? null),
        requestsAnswered: rateOf(r.answered, r.raised, answered.get(r.estate_id) ?? null),
      }));
    },
  }),
);
