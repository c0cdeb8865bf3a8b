import { randomUUID } from "node:crypto";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { SampleReason } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { newSeed } from "../../domain/sampling/draw.ts";
import { compareSamples, drawEstateSample, explainMember, type EstateSample } from "../../domain/surveys/sampling.ts";
import { InputError } from "../../errors/typed-errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { estateFilter } from "../../access/read-scope.ts";
import { complainantHouseholds, complainantSql, windowStart } from "./complainants.ts";
import { visibleTopSecretOf } from "../../domain/metrics/visibility.ts";
import { rateOf, type RateFigure } from "../../domain/surveys/rates.ts";
import {
  assertCampaignStatus, CAMPAIGN_ERRORS, campaignFor, estateScopeIds, lockCampaign, policyPercents, saveCampaign, SurveyRateRef, type CampaignRow,
} from "./shared.ts";

/**
 * SUR-2 sampling plan: per estate at least the policy coverage (SUR-2.coverage, 60%) of resident
 * households, drawn at random from a stored seed, with every household that made a valid
 * complaint since the previous campaign forced in; anyone can draw again from the seed and
 * compare (verifySurveySample).
 */
const SampleReasonEnum = builder.enumType(SampleReason, { name: "SampleReason", description: "SUR-2: why a household is in the sample" });

builder.prismaObject("SurveySampleMember", {
  description: "SUR-2: a sampled household and why it is in",
  include: { sample: { select: { seed: true, rate: true } }, campaign: { select: { startsAt: true, previousCampaign: { select: { startsAt: true } } } } },
  fields: (t) => ({
    household: t.relation("household"),
    reason: t.expose("reason", { type: SampleReasonEnum }),
    explanation: t.string({
      resolve: (m) => explainMember(m.reason, { seed: m.sample.seed, rate: Number(m.sample.rate) }, { since: m.campaign.previousCampaign?.startsAt ?? null, before: m.campaign.startsAt }),
    }),
  }),
});

builder.prismaObject("SurveySample", {
  description: "SUR-2: the sample of one estate",
  fields: (t) => ({
    estate: t.relation("estate", { nullable: true }),
    seed: t.exposeString("seed", { description: "The stored seed: the same seed over the same households draws the same sample" }),
    rate: t.float({ description: "The coverage asked (policy SUR-2.coverage at the campaign's start), 0…1", resolve: (s) => Number(s.rate) }),
    populationSize: t.exposeInt("populationSize", { description: "Resident households when drawn" }),
    sampleSize: t.exposeInt("sampleSize"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    createdBy: t.relation("createdBy", { nullable: true }),
    members: t.relatedConnection("members", { cursor: "id", totalCount: true, query: { orderBy: [{ reason: "asc" }, { householdId: "asc" }] } }),
  }),
});

builder.prismaObjectField("SurveyCampaign", "samples", (t) =>
  t.relation("samples", {
    description: "SUR-2: the sample of each estate of your scope",
    query: (_a, ctx) => ({ where: estateFilter(ctx) ? { estateId: estateFilter(ctx) } : {}, orderBy: { estate: { code: "asc" } } }),
  }));

/** Draws every estate's sample of the campaign from `seed` over the households as they are now. */
async function drawAll(ctx: Context, c: CampaignRow, seed: string, rates?: Map<string, number>): Promise<Map<string, EstateSample & { rate: number }>> {
  const estates = c.estates.map((e) => e.estateId);
  const policy = rates ? null : await policyPercents(ctx, "SUR-2.coverage", estates, c.startsAt, 60);
  const complainants = await complainantHouseholds(ctx, c);
  const forced = [...complainants.values()].flatMap((s) => [...s]);
  // Arrays as one parameter each: a large company has more households than a statement has parameters.
  const rows = await ctx.prisma.$queryRaw<{ id: string; estate_id: string; occupied: boolean }[]>`
    SELECT id, estate_id, occupied FROM households
     WHERE organization_id = ${c.organizationId}::uuid AND estate_id = ANY(${estates}::uuid[]) AND (occupied OR id = ANY(${forced}::uuid[]))`;
  const byEstate = new Map<string, { id: string; occupied: boolean }[]>(estates.map((e) => [e, []]));
  for (const h of rows) byEstate.get(h.estate_id)?.push({ id: h.id, occupied: h.occupied });
  const out = new Map<string, EstateSample & { rate: number }>();
  for (const estateId of estates) {
    // Stored with 4 decimals (survey_samples.rate), so drawn with exactly what is stored.
    const rate = rates?.get(estateId) ?? Math.round((policy!.get(estateId) ?? 60) * 100) / 10000;
    const drawn = drawEstateSample({ households: byEstate.get(estateId)!, complainants: complainants.get(estateId)!, rate, seed, estateId });
    out.set(estateId, { ...drawn, rate });
  }
  return out;
}

builder.mutationField("drawSurveySample", (t) =>
  t.prismaField({
    type: "SurveyCampaign",
    description: "SUR-2: draws (again) the sample of every estate of a DRAFT campaign, from `seed` or a fresh one that is stored",
    authScopes: { permission: "complaints:write" },
    errors: { types: CAMPAIGN_ERRORS },
    args: {
      campaignId: t.arg.globalID({ required: true }),
      seed: t.arg.string({ required: false, description: "Default: a fresh random seed; give the stored one to draw the same sample again" }),
    },
    resolve: async (query, _r, args, ctx) => {
      const c = await campaignFor(ctx, args.campaignId.id, { write: true });
      assertCampaignStatus(c, ["DRAFT"], "campaignId", "Drawing the sample");
      const seed = args.seed?.trim() || newSeed();
      if (seed.length > 200) throw new InputError("seed", "A seed is at most 200 characters");
      await lockCampaign(ctx, c.id);
      const drawn = await drawAll(ctx, c, seed);
      await ctx.prisma.surveySample.deleteMany({ where: { campaignId: c.id } });
      const samples = [...drawn.entries()].map(([estateId, s]) => ({
        id: randomUUID(), organizationId: c.organizationId, campaignId: c.id, estateId, seed, rate: s.rate,
        populationSize: s.populationSize, sampleSize: s.members.length, createdById: ctx.viewer!.staffId, createdAt: ctx.now,
      }));
      await ctx.prisma.surveySample.createMany({ data: samples });
      await ctx.prisma.surveySampleMember.createMany({
        data: samples.flatMap((s) => drawn.get(s.estateId)!.members.map((m) => ({
          organizationId: c.organizationId, sampleId: s.id, campaignId: c.id, estateId: s.estateId, householdId: m.householdId, reason: m.reason,
        }))),
      });
      await ctx.prisma.$executeRaw`
        UPDATE survey_campaign_estates e SET resident_households = v.n
          FROM unnest(${samples.map((s) => s.estateId)}::uuid[], ${samples.map((s) => s.populationSize)}::int[]) AS v(estate_id, n)
         WHERE e.campaign_id = ${c.id}::uuid AND e.estate_id = v.estate_id`;
      // The plan changed: whoever read the campaign before sees a new version.
      await saveCampaign(ctx, c, {});
      return ctx.prisma.surveyCampaign.findUniqueOrThrow({ ...nonEmpty(query), where: { id: c.id } });
    },
  }),
);

// ---- verification ----

interface EstateCheck { estateId: string; seed: string; storedSize: number; redrawnSize: number; identical: boolean; missing: string[]; unexpected: string[]; reasonChanged: string[] }

const householdIds = (ids: string[]) => ids.map((id) => encodeGlobalID("Household", id));

const SurveySampleEstateCheck = builder.objectRef<EstateCheck>("SurveySampleEstateCheck").implement({
  description: "SUR-2: one estate's stored sample against the draw made again from its seed",
  fields: (t) => ({
    estate: t.prismaField({ type: "Estate", resolve: (query, e, _a, ctx) => ctx.prisma.estate.findUniqueOrThrow({ ...query, where: { id: e.estateId } }) }),
    seed: t.exposeString("seed"),
    storedSize: t.exposeInt("storedSize"),
    redrawnSize: t.exposeInt("redrawnSize"),
    identical: t.exposeBoolean("identical"),
    missingHouseholdIds: t.idList({ description: "Drawn again but not in the stored sample", resolve: (e) => householdIds(e.missing) }),
    unexpectedHouseholdIds: t.idList({ description: "In the stored sample but not drawn again", resolve: (e) => householdIds(e.unexpected) }),
    reasonChangedHouseholdIds: t.idList({ description: "In both, for a different reason", resolve: (e) => householdIds(e.reasonChanged) }),
  }),
});

const SurveySampleVerification = builder.objectRef<{ identical: boolean; estates: EstateCheck[] }>("SurveySampleVerification").implement({
  description: "SUR-2: whether the stored sample is what its seed draws over the current households and complaints",
  fields: (t) => ({
    identical: t.exposeBoolean("identical"),
    estates: t.field({ type: [SurveySampleEstateCheck], resolve: (v) => v.estates }),
  }),
});

builder.queryField("verifySurveySample", (t) =>
  t.field({
    type: SurveySampleVerification,
    description: "SUR-2: draws every estate's sample again from its stored seed and rate and compares it with the stored one",
    authScopes: { permission: "reports:read" },
    args: { campaignId: t.arg.globalID({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const c = await campaignFor(ctx, args.campaignId.id);
      const scope = estateFilter(ctx);
      const samples = await ctx.prisma.surveySample.findMany({
        where: { campaignId: c.id, ...(scope ? { estateId: scope } : {}) },
        select: { estateId: true, seed: true, rate: true, members: { select: { householdId: true, reason: true } } },
        orderBy: { estate: { code: "asc" } },
      });
      const estates: EstateCheck[] = [];
      for (const seed of new Set(samples.map((s) => s.seed))) {
        const ofSeed = samples.filter((s) => s.seed === seed && s.estateId);
        const only = { ...c, estates: c.estates.filter((e) => ofSeed.some((s) => s.estateId === e.estateId)) };
        const redrawn = await drawAll(ctx, only, seed, new Map(ofSeed.map((s) => [s.estateId!, Number(s.rate)])));
        for (const s of ofSeed) {
          const again = redrawn.get(s.estateId!)!.members;
          const diff = compareSamples(s.members, again);
          estates.push({ estateId: s.estateId!, seed, storedSize: s.members.length, redrawnSize: again.length, ...diff });
        }
      }
      return { identical: estates.length > 0 && estates.every((e) => e.identical), estates };
    },
  }),
);

// ---- coverage (§11) ----

interface Coverage { estateId: string | null; coverage: RateFigure; complaintHouseholdCoverage: RateFigure }

const SurveySampleCoverage = builder.objectRef<Coverage>("SurveySampleCoverage").implement({
  description: "§11, SUR-2: survey coverage and the coverage of households that complained since the previous campaign",
  fields: (t) => ({
    estate: t.prismaField({
      type: "Estate", nullable: true, description: "Null: the campaign (your estates)",
      resolve: (query, c, _a, ctx) => (c.estateId ? ctx.prisma.estate.findUnique({ ...query, where: { id: c.estateId } }) : null),
    }),
    coverage: t.field({ type: SurveyRateRef, description: "Sampled resident households ÷ resident households at the start (target SUR-2.coverage)", resolve: (c) => c.coverage }),
    complaintHouseholdCoverage: t.field({ type: SurveyRateRef, description: "Sampled households with a valid complaint since the previous campaign ÷ those households (target 100%)", resolve: (c) => c.complaintHouseholdCoverage }),
  }),
});

builder.queryField("surveySampleCoverage", (t) =>
  t.field({
    type: [SurveySampleCoverage],
    description: "§11, SUR-2: per estate of your scope and for all of them (estate null, first), counted in SQL",
    authScopes: { permission: "reports:read" },
    args: { campaignId: t.arg.globalID({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const c = await campaignFor(ctx, args.campaignId.id);
      const scope = estateScopeIds(ctx);
      // SEC-2, SEC-7, issue 15 item 8: complainant households of the complaints the caller may know exist.
      const rows = await ctx.prisma.$queryRaw<{ estate_id: string; resident: number; resident_sampled: number; complained: number; complained_sampled: number }[]>`
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
        { estateId: null, coverage: rateOf(sum("resident_sampled"), sum("resident"), targets.get(null) ?? null), complaintHouseholdCoverage: rateOf(sum("complained_sampled"), sum("complained"), 100) },
        ...rows.map((r) => ({
          estateId: r.estate_id, coverage: rateOf(r.resident_sampled, r.resident, targets.get(r.estate_id) ?? null), complaintHouseholdCoverage: rateOf(r.complained_sampled, r.complained, 100),
        })),
      ];
    },
  }),
);
