import type { Prisma } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { SurveyHandoutConnection } from "../connections.ts";
import { signedIn, type Context } from "../../access/context.ts";
import { protectedField, reveal, type RecordRef } from "../../access/disclosure.ts";
import { scopedNode } from "../../access/read-scope.ts";
import { FOLLOWUP_DAYS } from "../../domain/surveys/post-survey.ts";
import { rateOf, type RateFigure } from "../../domain/surveys/rates.ts";
import { SurveyHandoutConflictError } from "../../errors/surveys.ts";
import { campaignReturnRates } from "../../services/reports/figures.ts";
import { campaignFor, policyPercents } from "../../services/surveys/campaign.ts";
import { planSurveyFollowups, recordSurveyHandouts, recordSurveyReturn } from "../../services/surveys/handouts.ts";
import { estateRecords, estateScopeIds } from "../../access/scopes/surveys.ts";
import { conflictErrorType } from "../errors.ts";
import { CAMPAIGN_ERRORS, SurveyRateRef } from "./shared.ts";

/**
 * SUR-3: one questionnaire per sampled household is handed out (who, when) and returned (when);
 * the live return rate per campaign and estate is held to SUR-3.returnRate (80%); after the
 * campaign's end the distributor follows up every questionnaire not returned with a callback.
 * The commands are services/surveys/handouts.ts.
 */

/** SEC-1, SEC-2: a hand-out is customer information (SECRET), known to its estate's cleared staff. */
export function handoutRef(h: { id: string; estateId: string }): RecordRef {
  return { recordType: "SURVEY_HANDOUT", id: h.id, classification: "SECRET", estateIds: [h.estateId] };
}

builder.prismaNode("SurveyHandout", {
  ...scopedNode(estateRecords),
  id: { field: "id", description: "SUR-3: the hand-out's global id" },
  authScopes: { permission: "complaints:read" },
  description: "SUR-3: a questionnaire handed out to a sampled household",
  fields: (t) => ({
    campaign: t.relation("campaign", { description: "SUR-3: the campaign" }),
    estate: t.relation("estate", { description: "SUR-3: the household's estate" }),
    household: t.relation("household", { description: "SUR-2: the sampled household" }),
    distributor: t.relation("distributor", { nullable: true, description: "SUR-3: who handed it out (and follows it up)" }),
    handedOutAt: t.expose("handedOutAt", { type: "DateTime", description: "SUR-3: when it was handed out" }),
    returnedAt: t.expose("returnedAt", { type: "DateTime", nullable: true, description: "SUR-3: when it came back; null: not yet" }),
    returned: t.boolean({ description: "SUR-3: it came back", resolve: (h) => h.returnedAt !== null }),
    comment: t.string({
      nullable: true,
      description: "The distributor's note on the household (personal data, SEC-7)",
      extensions: protectedField("SURVEY_HANDOUT", "comment"),
      resolve: (h, _a, ctx) => reveal(ctx, handoutRef(h), "comment", h.comment),
    }),
    followUps: t.relationCount("followUps", {
      where: { kind: "SURVEY_FOLLOWUP" },
      description: "SUR-3: follow-up callbacks planned for it",
    }),
    version: t.exposeInt("version", { description: "Optimistic concurrency: send it back with a return or the answers" }),
  }),
});

builder.queryField("surveyHandouts", (t) =>
  t.prismaConnection(
    {
      type: "SurveyHandout",
      cursor: "id",
      description: "SUR-3: a campaign's hand-outs in your estates (§2), by household",
      authScopes: { permission: "complaints:read" },
      args: {
        campaignId: t.arg.globalID({ required: true, description: "The campaign" }),
        estateId: t.arg.globalID({ required: false, description: "Only this estate's" }),
        householdId: t.arg.globalID({ required: false, description: "Only this household's" }),
        returned: t.arg.boolean({ required: false, description: "true: returned only; false: not returned only" }),
      },
      totalCount: (_p, args, ctx) => ctx.prisma.surveyHandout.count({ where: handoutWhere(ctx, args) }),
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.surveyHandout.findMany({ ...query, where: handoutWhere(ctx, args), orderBy: [{ householdId: "asc" }, { id: "asc" }] }),
    },
    SurveyHandoutConnection,
  ),
);

function handoutWhere(
  ctx: Context,
  a: { campaignId: { id: string }; estateId?: { id: string } | null; householdId?: { id: string } | null; returned?: boolean | null },
): Prisma.SurveyHandoutWhereInput {
  return {
    AND: [
      estateRecords(ctx),
      { campaignId: a.campaignId.id },
      a.estateId ? { estateId: a.estateId.id } : {},
      a.householdId ? { householdId: a.householdId.id } : {},
      a.returned === true ? { returnedAt: { not: null } } : a.returned === false ? { returnedAt: null } : {},
    ],
  };
}

// ---- errors ----

builder.objectFields(conflictErrorType(SurveyHandoutConflictError, "SurveyHandoutConflictError"), (t) => ({
  current: t.prismaField({
    type: "SurveyHandout",
    description: "The hand-out as it is now",
    resolve: (query, e, _a, ctx) => ctx.prisma.surveyHandout.findUniqueOrThrow({ ...query, where: { id: e.recordId } }),
  }),
}));

export const HANDOUT_ERRORS = [...CAMPAIGN_ERRORS, SurveyHandoutConflictError];

// ---- hand-out and return ----

const HandoutInput = builder.inputType("SurveyHandoutInput", {
  description: "SUR-3: one questionnaire handed out",
  fields: (t) => ({
    householdId: t.globalID({ required: true, description: "A household of the campaign's sample (SUR-2)" }),
    distributorId: t.globalID({ required: false, description: "Default: you" }),
    handedOutAt: t.field({
      type: "DateTime",
      required: false,
      description: "Default now; not before the campaign starts, not in the future",
    }),
    comment: t.string({
      required: false,
      description: "The distributor's note on the household (personal data, SEC-7), at most 2000 characters",
    }),
  }),
});

builder.mutationField("recordSurveyHandouts", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: ["SurveyHandout"],
    description: "SUR-3: records questionnaires handed out, one per sampled household (SUR-2); all or nothing, every bad entry named",
    errors: { types: CAMPAIGN_ERRORS },
    args: {
      input: t.arg({
        type: builder.inputType("RecordSurveyHandoutsInput", {
          description: "SUR-3: the campaign and its hand-outs",
          fields: (f) => ({
            campaignId: f.globalID({ required: true, description: "The campaign (RUNNING)" }),
            handouts: f.field({ type: [HandoutInput], required: true, description: "1 to 10000 hand-outs" }),
          }),
        }),
        required: true,
        description: "The hand-outs",
      }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      const ids = await recordSurveyHandouts(ctx, {
        campaignId: input.campaignId.id,
        handouts: input.handouts.map((h) => ({ ...h, householdId: h.householdId.id, distributorId: h.distributorId?.id })),
      });
      return ctx.prisma.surveyHandout.findMany({ ...query, where: { id: { in: ids } }, orderBy: { household: { code: "asc" } } });
    },
  }),
);

builder.mutationField("recordSurveyReturn", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "SurveyHandout",
    description: "SUR-3: the questionnaire came back (when); or corrects the instant or the note",
    errors: { types: HANDOUT_ERRORS },
    args: {
      input: t.arg({
        type: builder.inputType("RecordSurveyReturnInput", {
          description: "SUR-3: a return",
          fields: (f) => ({
            handoutId: f.globalID({ required: true, description: "The hand-out" }),
            version: f.int({ required: true, description: "The hand-out's version read; a stale one gets a SurveyHandoutConflictError" }),
            returnedAt: f.field({ type: "DateTime", required: false, description: "Default now" }),
            comment: f.string({ required: false, description: "Replaces the distributor's note (omit to keep it)" }),
          }),
        }),
        required: true,
        description: "The return",
      }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await recordSurveyReturn(ctx, { ...input, handoutId: input.handoutId.id });
      return ctx.prisma.surveyHandout.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

// ---- the return rate ----

interface EstateRate {
  estateId: string;
  rate: RateFigure;
}

export const SurveyEstateRate = builder.objectRef<EstateRate>("SurveyEstateRate").implement({
  description: "§11: a rate of one estate",
  fields: (t) => ({
    estate: t.prismaField({
      type: "Estate",
      description: "The estate",
      resolve: (query, e, _a, ctx) => ctx.prisma.estate.findUniqueOrThrow({ ...query, where: { id: e.estateId } }),
    }),
    rate: t.field({ type: SurveyRateRef, description: "§11: its rate", resolve: (e) => e.rate }),
  }),
});

const SurveyReturnRates = builder.objectRef<{ campaign: RateFigure; estates: EstateRate[] }>("SurveyReturnRates").implement({
  description: "SUR-3, §11: returned ÷ handed out, for the campaign (your estates) and per estate",
  fields: (t) => ({
    campaign: t.field({ type: SurveyRateRef, description: "SUR-3: the campaign (your estates)", resolve: (r) => r.campaign }),
    estates: t.field({ type: [SurveyEstateRate], description: "SUR-3: per estate of your scope", resolve: (r) => r.estates }),
  }),
});

builder.queryField("surveyReturnRates", (t) =>
  t.field({
    type: SurveyReturnRates,
    description: "SUR-3: the live return rate (returned by now ÷ handed out), judged by SUR-3.returnRate in force at the campaign's start",
    authScopes: { permission: "reports:read" },
    args: { campaignId: t.arg.globalID({ required: true, description: "The campaign" }) },
    resolve: async (_r, args, ctx) => {
      const c = await campaignFor(ctx, args.campaignId.id);
      const scope = estateScopeIds(ctx);
      // §11, issue 16 item 3: the RETURN_RATE figure of `metrics`, restricted to this campaign
      // (services/reports/figures.ts); every estate of the campaign in scope is listed (none handed out yet = 0 ÷ 0).
      const { total, byEstate } = await campaignReturnRates(signedIn(ctx), c.id, scope);
      const estateIds = c.estates.map((e) => e.estateId).filter((e) => !scope || scope.includes(e));
      const targets = await policyPercents(ctx, "SUR-3.returnRate", [null, ...estateIds], c.startsAt, 80);
      return {
        campaign: rateOf(total.numerator, total.denominator, targets.get(null) ?? null),
        estates: estateIds.map((id) => ({
          estateId: id,
          rate: rateOf(byEstate.get(id)?.numerator ?? 0, byEstate.get(id)?.denominator ?? 0, targets.get(id) ?? null),
        })),
      };
    },
  }),
);

// ---- follow-ups ----

const SurveyFollowupPlan = builder
  .objectRef<{ notReturned: number; created: number; alreadyPlanned: number }>("SurveyFollowupPlan")
  .implement({
    description: "SUR-3: questionnaires of your estates not returned by the campaign's end, and their follow-up callbacks",
    fields: (t) => ({
      notReturned: t.exposeInt("notReturned", { description: "SUR-3: questionnaires of your estates not returned by the end" }),
      created: t.exposeInt("created", { description: "Callbacks planned by this call" }),
      alreadyPlanned: t.exposeInt("alreadyPlanned", { description: "Planned before (never twice)" }),
    }),
  });

builder.mutationField("planSurveyFollowups", (t) =>
  t.withAuth({ permission: "complaints:write" }).field({
    type: SurveyFollowupPlan,
    description: `SUR-3: a SURVEY_FOLLOWUP callback, assigned to the distributor and due ${FOLLOWUP_DAYS} days after the end, for every questionnaire not returned by the campaign's end; idempotent`,
    errors: { types: CAMPAIGN_ERRORS },
    args: { campaignId: t.arg.globalID({ required: true, description: "The campaign (ended)" }) },
    resolve: (_r, args, ctx) => planSurveyFollowups(ctx, { campaignId: args.campaignId.id }),
  }),
);
