import type { Prisma } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { protectedField, reveal, type RecordRef } from "../../access/disclosure.ts";
import { createCallbacks } from "../../services/callbacks/create.ts";
import { HANDOUT_STATUSES, RETURN_STATUSES } from "../../domain/surveys/campaign-workflow.ts";
import { FOLLOWUP_DAYS } from "../../domain/surveys/post-survey.ts";
import { rateOf, type RateFigure } from "../../domain/surveys/rates.ts";
import { ConflictError, InputError, NotFoundError } from "../../errors/typed-errors.ts";
import { conflictErrorType } from "../errors.ts";
import { inOrganization, scopedNode } from "../../access/read-scope.ts";
import {
  assertCampaignStatus, CAMPAIGN_ERRORS, campaignFor, estateRecords, estateScopeIds, lockCampaign, policyPercents, SurveyCampaignStateError, SurveyRateRef,
} from "./shared.ts";

/**
 * SUR-3: one questionnaire per sampled household is handed out (who, when) and returned (when);
 * the live return rate per campaign and estate, computed in SQL, is held to SUR-3.returnRate
 * (80%); after the campaign's end the distributor follows up every questionnaire not returned
 * with a callback.
 */

/** SEC-1, SEC-2: a hand-out is customer information (SECRET), known to its estate's cleared staff. */
export function handoutRef(h: { id: string; estateId: string }): RecordRef {
  return { recordType: "SURVEY_HANDOUT", id: h.id, classification: "SECRET", estateIds: [h.estateId] };
}

builder.prismaNode("SurveyHandout", {
  ...scopedNode(estateRecords),
  authScopes: { permission: "complaints:read" },
  description: "SUR-3: a questionnaire handed out to a sampled household",
  fields: (t) => ({
    campaign: t.relation("campaign"),
    estate: t.relation("estate"),
    household: t.relation("household"),
    distributor: t.relation("distributor", { nullable: true, description: "SUR-3: who handed it out (and follows it up)" }),
    handedOutAt: t.expose("handedOutAt", { type: "DateTime" }),
    returnedAt: t.expose("returnedAt", { type: "DateTime", nullable: true }),
    returned: t.boolean({ resolve: (h) => h.returnedAt !== null }),
    comment: t.string({
      nullable: true, description: "The distributor's note on the household (personal data, SEC-7)", extensions: protectedField("SURVEY_HANDOUT", "comment"),
      resolve: (h, _a, ctx) => reveal(ctx, handoutRef(h), "comment", h.comment),
    }),
    followUps: t.relationCount("followUps", { where: { kind: "SURVEY_FOLLOWUP" }, description: "SUR-3: follow-up callbacks planned for it" }),
    version: t.exposeInt("version", { description: "Optimistic concurrency: send it back with a return or the answers" }),
  }),
});

builder.queryField("surveyHandouts", (t) =>
  t.prismaConnection({
    type: "SurveyHandout",
    cursor: "id",
    description: "SUR-3: a campaign's hand-outs in your estates, by household",
    authScopes: { permission: "complaints:read" },
    args: {
      campaignId: t.arg.globalID({ required: true }),
      estateId: t.arg.globalID({ required: false }),
      householdId: t.arg.globalID({ required: false }),
      returned: t.arg.boolean({ required: false }),
    },
    totalCount: (_p, args, ctx) => ctx.prisma.surveyHandout.count({ where: handoutWhere(ctx, args) }),
    resolve: (query, _r, args, ctx) => ctx.prisma.surveyHandout.findMany({ ...query, where: handoutWhere(ctx, args), orderBy: [{ householdId: "asc" }, { id: "asc" }] }),
  }),
);

function handoutWhere(ctx: Context, a: { campaignId: { id: string }; estateId?: { id: string } | null; householdId?: { id: string } | null; returned?: boolean | null }): Prisma.SurveyHandoutWhereInput {
  return {
    AND: [
      estateRecords(ctx), { campaignId: a.campaignId.id },
      a.estateId ? { estateId: a.estateId.id } : {}, a.householdId ? { householdId: a.householdId.id } : {},
      a.returned === true ? { returnedAt: { not: null } } : a.returned === false ? { returnedAt: null } : {},
    ],
  };
}

// ---- errors ----

export class SurveyHandoutConflictError extends ConflictError {}
builder.objectFields(conflictErrorType(SurveyHandoutConflictError, "SurveyHandoutConflictError"), (t) => ({
  current: t.prismaField({ type: "SurveyHandout", resolve: (query, e, _a, ctx) => ctx.prisma.surveyHandout.findUniqueOrThrow({ ...query, where: { id: e.recordId } }) }),
}));

export const HANDOUT_ERRORS = [...CAMPAIGN_ERRORS, SurveyHandoutConflictError];

/** The hand-out in the caller's estates at the version read, with its campaign. */
export async function handoutFor(ctx: Context, id: string, version: number | null) {
  const h = await ctx.prisma.surveyHandout.findFirst({ where: { id, AND: [estateRecords(ctx)] }, include: { campaign: { select: { status: true, questionnaireId: true, endsAt: true } } } });
  if (!h) throw new NotFoundError("Questionnaire hand-out");
  if (version !== null && h.version !== version) throw new SurveyHandoutConflictError(h.id, h.version);
  return h;
}

function checkedComment(value: string | null | undefined, field: string): string | null {
  const v = value?.trim() || null;
  if (v && v.length > 2000) throw new InputError(field, "A comment is at most 2000 characters");
  return v;
}

// ---- hand-out and return ----

const HandoutInput = builder.inputType("SurveyHandoutInput", {
  fields: (t) => ({
    householdId: t.globalID({ required: true, description: "A household of the campaign's sample (SUR-2)" }),
    distributorId: t.globalID({ required: false, description: "Default: you" }),
    handedOutAt: t.field({ type: "DateTime", required: false, description: "Default now; not before the campaign starts, not in the future" }),
    comment: t.string({ required: false }),
  }),
});

builder.mutationField("recordSurveyHandouts", (t) =>
  t.prismaField({
    type: ["SurveyHandout"],
    description: "SUR-3: records questionnaires handed out, one per sampled household; all or nothing",
    authScopes: { permission: "complaints:write" },
    errors: { types: CAMPAIGN_ERRORS },
    args: {
      input: t.arg({
        type: builder.inputType("RecordSurveyHandoutsInput", { fields: (f) => ({ campaignId: f.globalID({ required: true }), handouts: f.field({ type: [HandoutInput], required: true }) }) }),
        required: true,
      }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      const c = await campaignFor(ctx, input.campaignId.id);
      assertCampaignStatus(c, HANDOUT_STATUSES, "input.campaignId", "Handing out questionnaires");
      if (input.handouts.length === 0 || input.handouts.length > 10_000) throw new InputError("input.handouts", "1 to 10000 hand-outs at a time");
      const households = input.handouts.map((h) => h.householdId.id);
      const members = await ctx.prisma.surveySampleMember.findMany({
        where: { campaignId: c.id, householdId: { in: households }, AND: [estateRecords(ctx)] }, select: { id: true, householdId: true, estateId: true, handout: { select: { id: true } } },
      });
      const distributorIds = input.handouts.flatMap((h) => (h.distributorId ? [h.distributorId.id] : []));
      const staff = new Set((await ctx.prisma.staff.findMany({ where: { ...inOrganization(ctx), id: { in: distributorIds } }, select: { id: true } })).map((s) => s.id));
      const byHousehold = new Map(members.map((m) => [m.householdId, m]));
      const seen = new Set<string>();
      const rows = input.handouts.map((h, i) => {
        const at = (f: string) => `input.handouts.${i}.${f}`;
        const member = byHousehold.get(h.householdId.id);
        if (!member) throw new InputError(at("householdId"), "The household is not in this campaign's sample of your estates (SUR-2)");
        if (member.handout || seen.has(member.householdId)) throw new InputError(at("householdId"), "The household has its questionnaire already (one per household)");
        seen.add(member.householdId);
        const handedOutAt = h.handedOutAt ?? ctx.now;
        if (handedOutAt < c.startsAt) throw new InputError(at("handedOutAt"), "Not before the campaign starts");
        if (handedOutAt.getTime() > ctx.now.getTime() + 60_000) throw new InputError(at("handedOutAt"), "Not in the future");
        if (h.distributorId && !staff.has(h.distributorId.id)) throw new InputError(at("distributorId"), "No such staff member");
        return {
          organizationId: c.organizationId, campaignId: c.id, estateId: member.estateId, householdId: member.householdId, sampleMemberId: member.id,
          distributorId: h.distributorId?.id ?? ctx.viewer!.staffId, handedOutAt, comment: checkedComment(h.comment, at("comment")), createdAt: ctx.now,
        };
      });
      await ctx.prisma.surveyHandout.createMany({ data: rows });
      return ctx.prisma.surveyHandout.findMany({ ...query, where: { campaignId: c.id, householdId: { in: households } }, orderBy: { household: { code: "asc" } } });
    },
  }),
);

/** SUR-3: the return instant: given, else the one recorded, else now; between the hand-out and now. */
export function returnInstant(h: { handedOutAt: Date; returnedAt: Date | null }, given: Date | null | undefined, now: Date, field: string): Date {
  const at = given ?? h.returnedAt ?? now;
  if (at < h.handedOutAt) throw new InputError(field, "Not before the questionnaire was handed out");
  if (at.getTime() > now.getTime() + 60_000) throw new InputError(field, "Not in the future");
  return at;
}

builder.mutationField("recordSurveyReturn", (t) =>
  t.prismaField({
    type: "SurveyHandout",
    description: "SUR-3: the questionnaire came back (when); or corrects the instant or the note",
    authScopes: { permission: "complaints:write" },
    errors: { types: HANDOUT_ERRORS },
    args: {
      input: t.arg({
        type: builder.inputType("RecordSurveyReturnInput", {
          fields: (f) => ({
            handoutId: f.globalID({ required: true }),
            version: f.int({ required: true, description: "The hand-out's version read; a stale one gets a SurveyHandoutConflictError" }),
            returnedAt: f.field({ type: "DateTime", required: false, description: "Default now" }),
            comment: f.string({ required: false }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      const h = await handoutFor(ctx, input.handoutId.id, input.version);
      assertCampaignStatus(h.campaign, RETURN_STATUSES, "input.handoutId", "Recording a return");
      const returnedAt = returnInstant(h, input.returnedAt, ctx.now, "input.returnedAt");
      const comment = input.comment === undefined ? undefined : checkedComment(input.comment, "input.comment");
      const updated = await ctx.prisma.surveyHandout.updateMany({ where: { id: h.id, version: h.version }, data: { returnedAt, comment, version: { increment: 1 } } });
      if (updated.count === 0) throw new SurveyHandoutConflictError(h.id, h.version + 1);
      return ctx.prisma.surveyHandout.findUniqueOrThrow({ ...query, where: { id: h.id } });
    },
  }),
);

// ---- the return rate ----

interface EstateRate { estateId: string; rate: RateFigure }

export const SurveyEstateRate = builder.objectRef<EstateRate>("SurveyEstateRate").implement({
  fields: (t) => ({
    estate: t.prismaField({ type: "Estate", resolve: (query, e, _a, ctx) => ctx.prisma.estate.findUniqueOrThrow({ ...query, where: { id: e.estateId } }) }),
    rate: t.field({ type: SurveyRateRef, resolve: (e) => e.rate }),
  }),
});

const SurveyReturnRates = builder.objectRef<{ campaign: RateFigure; estates: EstateRate[] }>("SurveyReturnRates").implement({
  description: "SUR-3, §11: returned ÷ handed out, for the campaign (your estates) and per estate",
  fields: (t) => ({
    campaign: t.field({ type: SurveyRateRef, resolve: (r) => r.campaign }),
    estates: t.field({ type: [SurveyEstateRate], resolve: (r) => r.estates }),
  }),
});

builder.queryField("surveyReturnRates", (t) =>
  t.field({
    type: SurveyReturnRates,
    description: "SUR-3: the live return rate (returned by now ÷ handed out), judged by SUR-3.returnRate in force at the campaign's start",
    authScopes: { permission: "reports:read" },
    args: { campaignId: t.arg.globalID({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const c = await campaignFor(ctx, args.campaignId.id);
      const scope = estateScopeIds(ctx);
      // One statement: every estate of the campaign (none handed out yet = 0 ÷ 0) and the total.
      const rows = await ctx.prisma.$queryRaw<{ estate_id: string | null; handed_out: number; returned: number }[]>`
        SELECT e.estate_id, count(h.id)::int AS handed_out, (count(h.id) FILTER (WHERE h.returned_at <= ${ctx.now}::timestamptz))::int AS returned
          FROM survey_campaign_estates e
          LEFT JOIN survey_handouts h ON h.campaign_id = e.campaign_id AND h.estate_id = e.estate_id AND h.handed_out_at <= ${ctx.now}::timestamptz
         WHERE e.campaign_id = ${c.id}::uuid AND (${scope}::uuid[] IS NULL OR e.estate_id = ANY(${scope}::uuid[]))
         GROUP BY GROUPING SETS ((e.estate_id), ())`;
      const estateIds = rows.flatMap((r) => (r.estate_id ? [r.estate_id] : []));
      const targets = await policyPercents(ctx, "SUR-3.returnRate", [null, ...estateIds], c.startsAt, 80);
      const total = rows.find((r) => r.estate_id === null) ?? { handed_out: 0, returned: 0 };
      return {
        campaign: rateOf(total.returned, total.handed_out, targets.get(null) ?? null),
        estates: rows.filter((r) => r.estate_id).map((r) => ({ estateId: r.estate_id!, rate: rateOf(r.returned, r.handed_out, targets.get(r.estate_id) ?? null) })),
      };
    },
  }),
);

// ---- follow-ups ----

const SurveyFollowupPlan = builder.objectRef<{ notReturned: number; created: number; alreadyPlanned: number }>("SurveyFollowupPlan").implement({
  description: "SUR-3: questionnaires of your estates not returned by the campaign's end, and their follow-up callbacks",
  fields: (t) => ({
    notReturned: t.exposeInt("notReturned"),
    created: t.exposeInt("created", { description: "Callbacks planned by this call" }),
    alreadyPlanned: t.exposeInt("alreadyPlanned", { description: "Planned before (never twice)" }),
  }),
});

builder.mutationField("planSurveyFollowups", (t) =>
  t.field({
    type: SurveyFollowupPlan,
    description: `SUR-3: a SURVEY_FOLLOWUP callback, assigned to the distributor and due ${FOLLOWUP_DAYS} days after the end, for every questionnaire not returned by the campaign's end; idempotent`,
    authScopes: { permission: "complaints:write" },
    errors: { types: CAMPAIGN_ERRORS },
    args: { campaignId: t.arg.globalID({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const c = await campaignFor(ctx, args.campaignId.id);
      assertCampaignStatus(c, RETURN_STATUSES, "campaignId", "Following up questionnaires");
      const endsAt = c.endsAt;
      if (!endsAt || endsAt > ctx.now) throw new SurveyCampaignStateError("campaignId", c.status, `The campaign runs until ${endsAt?.toISOString() ?? "its end"}; questionnaires not returned are followed up after it`);
      // A second call waits for the first and then finds its callbacks.
      await lockCampaign(ctx, c.id);
      const open = await ctx.prisma.surveyHandout.findMany({
        where: { AND: [estateRecords(ctx), { campaignId: c.id, OR: [{ returnedAt: null }, { returnedAt: { gt: endsAt } }] }] },
        select: { id: true, estateId: true, householdId: true, distributorId: true, followUps: { where: { kind: "SURVEY_FOLLOWUP" }, select: { id: true }, take: 1 } },
        orderBy: { householdId: "asc" },
      });
      const todo = open.filter((h) => h.followUps.length === 0);
      const primaries = new Map((await ctx.prisma.$queryRaw<{ household_id: string; customer_id: string }[]>`
        SELECT DISTINCT ON (household_id) household_id, customer_id FROM household_members
         WHERE household_id = ANY(${todo.map((h) => h.householdId)}::uuid[]) AND is_primary ORDER BY household_id, customer_id`).map((p) => [p.household_id, p.customer_id]));
      const dueAt = new Date(endsAt.getTime() + FOLLOWUP_DAYS * 86_400_000);
      const created = await createCallbacks(ctx.prisma, todo.map((h) => ({
        organizationId: c.organizationId, kind: "SURVEY_FOLLOWUP" as const, estateId: h.estateId, householdId: h.householdId,
        customerId: primaries.get(h.householdId) ?? null,
        assignedToId: h.distributorId, dueAt, surveyHandoutId: h.id, surveyCampaignId: c.id, createdAt: ctx.now,
      })));
      return { notReturned: open.length, created: created.length, alreadyPlanned: open.length - todo.length };
    },
  }),
);
