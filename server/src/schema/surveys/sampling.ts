import { encodeGlobalID } from "@pothos/plugin-relay";
import { SampleReason } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { SurveySampleMemberConnection } from "../connections.ts";
import { estateFilter } from "../../access/read-scope.ts";
import { visibleTopSecretOf } from "../../access/scopes/top-secret-figures.ts";
import { rateOf, type RateFigure } from "../../domain/surveys/rates.ts";
import { explainMember } from "../../domain/surveys/sampling.ts";
import { campaignFor, policyPercents } from "../../services/surveys/campaign.ts";
import { complainantSql, windowStart } from "../../services/surveys/complainants.ts";
import { drawSurveySample, verifySample, type EstateCheck } from "../../services/surveys/sampling.ts";
import { estateScopeIds } from "../../access/scopes/surveys.ts";
import { nonEmpty } from "../prisma-query.ts";
import { CAMPAIGN_ERRORS, SurveyRateRef } from "./shared.ts";

/**
 * SUR-2 sampling plan: per estate at least the policy coverage (SUR-2.coverage, 60%) of resident
 * households, drawn at random from a stored seed, with every household that made a valid
 * complaint since the previous campaign forced in; anyone can draw again from the seed and
 * compare (verifySurveySample). The command is services/surveys/sampling.ts.
 */
const REASONS: Record<SampleReason, string> = {
  RANDOM: "SUR-2: drawn at random from the resident households with the stored seed",
  FORCED_COMPLAINANT: "SUR-2: made a valid complaint since the previous campaign; every such household is surveyed",
  MANUAL: "Added by hand",
};
const SampleReasonEnum = builder.enumType(SampleReason, {
  name: "SampleReason",
  description: "SUR-2: why a household is in the sample",
  values: Object.fromEntries(Object.values(SampleReason).map((r) => [r, { description: REASONS[r] }])) as Record<
    SampleReason,
    { description: string }
  >,
});

builder.prismaObject("SurveySampleMember", {
  description: "SUR-2: a sampled household and why it is in",
  include: {
    sample: { select: { seed: true, rate: true } },
    campaign: { select: { startsAt: true, previousCampaign: { select: { startsAt: true } } } },
  },
  fields: (t) => ({
    household: t.relation("household", { description: "SUR-2: the household sampled" }),
    reason: t.expose("reason", { type: SampleReasonEnum, description: "SUR-2: why it is in" }),
    explanation: t.string({
      description: "SUR-2: why it is in, in words (seed and rate, or the complaint window)",
      resolve: (m) =>
        explainMember(
          m.reason,
          { seed: m.sample.seed, rate: Number(m.sample.rate) },
          { since: m.campaign.previousCampaign?.startsAt ?? null, before: m.campaign.startsAt },
        ),
    }),
  }),
});

builder.prismaObject("SurveySample", {
  description: "SUR-2: the sample of one estate",
  fields: (t) => ({
    estate: t.relation("estate", { nullable: true, description: "SUR-2: the estate sampled" }),
    seed: t.exposeString("seed", { description: "The stored seed: the same seed over the same households draws the same sample" }),
    rate: t.float({
      description: "The coverage asked (policy SUR-2.coverage at the campaign's start), 0…1",
      resolve: (s) => Number(s.rate),
    }),
    populationSize: t.exposeInt("populationSize", { description: "Resident households when drawn" }),
    sampleSize: t.exposeInt("sampleSize", { description: "SUR-2: households in the sample (random and forced)" }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was drawn" }),
    createdBy: t.relation("createdBy", { nullable: true, description: "Who drew it" }),
    members: t.relatedConnection(
      "members",
      {
        cursor: "id",
        totalCount: true,
        description: "SUR-2: the sampled households, forced ones first",
        query: { orderBy: [{ reason: "asc" }, { householdId: "asc" }] },
      },
      SurveySampleMemberConnection,
    ),
  }),
});

builder.prismaObjectField("SurveyCampaign", "samples", (t) =>
  t.relation("samples", {
    description: "SUR-2: the sample of each estate of your scope",
    query: (_a, ctx) => ({ where: estateFilter(ctx) ? { estateId: estateFilter(ctx) } : {}, orderBy: { estate: { code: "asc" } } }),
  }),
);

builder.mutationField("drawSurveySample", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "SurveyCampaign",
    description: "SUR-2: draws (again) the sample of every estate of a DRAFT campaign, from `seed` or a fresh one that is stored",
    errors: { types: CAMPAIGN_ERRORS },
    args: {
      campaignId: t.arg.globalID({ required: true, description: "The campaign (DRAFT)" }),
      seed: t.arg.string({
        required: false,
        description: "Default: a fresh random seed; give the stored one to draw the same sample again",
      }),
    },
    resolve: async (query, _r, args, ctx) => {
      const id = await drawSurveySample(ctx, { campaignId: args.campaignId.id, seed: args.seed });
      return ctx.prisma.surveyCampaign.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

// ---- verification ----

const householdIds = (ids: string[]) => ids.map((id) => encodeGlobalID("Household", id));

const SurveySampleEstateCheck = builder.objectRef<EstateCheck>("SurveySampleEstateCheck").implement({
  description: "SUR-2: one estate's stored sample against the draw made again from its seed",
  fields: (t) => ({
    estate: t.prismaField({
      type: "Estate",
      description: "The estate",
      resolve: (query, e, _a, ctx) => ctx.prisma.estate.findUniqueOrThrow({ ...query, where: { id: e.estateId } }),
    }),
    seed: t.exposeString("seed", { description: "The stored seed drawn from again" }),
    storedSize: t.exposeInt("storedSize", { description: "Households in the stored sample" }),
    redrawnSize: t.exposeInt("redrawnSize", { description: "Households drawn again" }),
    identical: t.exposeBoolean("identical", { description: "The same households for the same reasons" }),
    missingHouseholdIds: t.idList({ description: "Drawn again but not in the stored sample", resolve: (e) => householdIds(e.missing) }),
    unexpectedHouseholdIds: t.idList({
      description: "In the stored sample but not drawn again",
      resolve: (e) => householdIds(e.unexpected),
    }),
    reasonChangedHouseholdIds: t.idList({ description: "In both, for a different reason", resolve: (e) => householdIds(e.reasonChanged) }),
  }),
});

const SurveySampleVerification = builder.objectRef<{ identical: boolean; estates: EstateCheck[] }>("SurveySampleVerification").implement({
  description: "SUR-2: whether the stored sample is what its seed draws over the current households and complaints",
  fields: (t) => ({
    identical: t.exposeBoolean("identical", { description: "Every estate's sample is identical (false without samples)" }),
    estates: t.field({ type: [SurveySampleEstateCheck], description: "Per estate of your scope", resolve: (v) => v.estates }),
  }),
});

builder.queryField("verifySurveySample", (t) =>
  t.field({
    type: SurveySampleVerification,
    description: "SUR-2: draws every estate's sample again from its stored seed and rate and compares it with the stored one",
    authScopes: { permission: "reports:read" },
    args: { campaignId: t.arg.globalID({ required: true, description: "The campaign" }) },
    resolve: async (_r, args, ctx) => verifySample(ctx, await campaignFor(ctx, args.campaignId.id)),
  }),
);

// ---- coverage (§11) ----

interface Coverage {
  estateId: string | null;
  coverage: RateFigure;
  complaintHouseholdCoverage: RateFigure;
}

const SurveySampleCoverage = builder.objectRef<Coverage>("SurveySampleCoverage").implement({
  description: "§11, SUR-2: survey coverage and the coverage of households that complained since the previous campaign",
  fields: (t) => ({
    estate: t.prismaField({
      type: "Estate",
      nullable: true,
      description: "Null: the campaign (your estates)",
      resolve: (query, c, _a, ctx) => (c.estateId ? ctx.prisma.estate.findUnique({ ...query, where: { id: c.estateId } }) : null),
    }),
    coverage: t.field({
      type: SurveyRateRef,
      description: "Sampled resident households ÷ resident households at the start (target SUR-2.coverage)",
      resolve: (c) => c.coverage,
    }),
    complaintHouseholdCoverage: t.field({
      type: SurveyRateRef,
      description: "Sampled households with a valid complaint since the previous campaign ÷ those households (target 100%)",
      resolve: (c) => c.complaintHouseholdCoverage,
    }),
  }),
});

builder.queryField("surveySampleCoverage", (t) =>
  t.field({
    type: [SurveySampleCoverage],
    description: "§11, SUR-2: per estate of your scope and for all of them (estate null, first), counted in SQL",
    authScopes: { permission: "reports:read" },
    args: { campaignId: t.arg.globalID({ required: true, description: "The campaign" }) },
    resolve: async (_r, args, ctx) => {
      const c = await campaignFor(ctx, args.campaignId.id);
      const scope = estateScopeIds(ctx);
      // SEC-2, SEC-7, issue 15 item 8: complainant households of the complaints the caller may know exist.
      const rows = await ctx.prisma.$queryRaw<
        { estate_id: string; resident: number; resident_sampled: number; complained: number; complained_sampled: number }[]
      >`
        WITH complained AS (${complainantSql(c, await windowStart(ctx, c), visibleTopSecretOf(ctx.viewer))})
        SELECT e.estate_id, coalesce(e.resident_households, 0)::int AS resident,
               (SELECT count(*) FROM survey_sample_members m JOIN households h ON h.id = m.household_id
                 WHERE m.campaign_id = e.campaign_id AND m.estate_id = e.estate_id AND h.occupied)::int AS resident_sampled,
               (SELECT count(*) FROM complained k WHERE k.estate_id = e.estate_id)::int AS complained,
               (SELECT count(*) FROM complained k JOIN survey_sample_members m ON m.household_id = k.household_id AND m.campaign_id = e.campaign_id
                 WHERE k.estate_id = e.estate_id)::int AS complained_sampled
          FROM survey_campaign_estates e
         WHERE e.campaign_id = ${c.id}::uuid AND (${scope}::uuid[] IS NULL OR e.estate_id = ANY(${scope}::uuid[]))
         ORDER BY e.estate_id`;
      const targets = await policyPercents(ctx, "SUR-2.coverage", [null, ...rows.map((r) => r.estate_id)], c.startsAt, 60);
      const sum = (k: keyof (typeof rows)[number]) => rows.reduce((n, r) => n + (r[k] as number), 0);
      return [
        {
          estateId: null,
          coverage: rateOf(sum("resident_sampled"), sum("resident"), targets.get(null) ?? null),
          complaintHouseholdCoverage: rateOf(sum("complained_sampled"), sum("complained"), 100),
        },
        ...rows.map((r) => ({
          estateId: r.estate_id,
          coverage: rateOf(r.resident_sampled, r.resident, targets.get(r.estate_id) ?? null),
          complaintHouseholdCoverage: rateOf(r.complained_sampled, r.complained, 100),
        })),
      ];
    },
  }),
);
