import { randomUUID } from "node:crypto";
import type { Context, SignedInContext } from "../../access/context.ts";
import { estateFilter } from "../../access/read-scope.ts";
import { newSeed } from "../../domain/sampling/draw.ts";
import { compareSamples, drawEstateSample, type EstateSample } from "../../domain/surveys/sampling.ts";
import { surveysMessages } from "../../i18n/catalogue/surveys.ts";
import { InputCheck } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { assertCampaignStatus, campaignFor, lockCampaign, policyPercents, saveCampaign, type CampaignRow } from "./campaign.ts";
import { complainantHouseholds } from "./complainants.ts";

/**
 * SUR-2 sampling plan: per estate at least the policy coverage (SUR-2.coverage, 60%) of resident
 * households, drawn at random from a stored seed, with every household that made a valid
 * complaint since the previous campaign forced in; anyone can draw again from the seed and
 * compare (verifySample).
 */

/** Draws every estate's sample of the campaign from `seed` over the households as they are now. */
async function drawAll(
  ctx: Context,
  c: CampaignRow,
  seed: string,
  rates?: Map<string, number>,
): Promise<Map<string, EstateSample & { rate: number }>> {
  const estates = c.estates.map((e) => e.estateId);
  const policy = rates ? null : await policyPercents(ctx, "SUR-2.coverage", estates, c.startsAt, 60);
  const complainants = await complainantHouseholds(ctx, c);
  const forced = [...complainants.values()].flatMap((s) => [...s]);
  // Arrays as one parameter each: a large company has more households than a statement has parameters.
  const rows = await ctx.prisma.$queryRaw<{ id: string; estate_id: string; occupied: boolean }[]>`
    SELECT id, estate_id, occupied FROM households
     WHERE organization_id = ${c.organizationId}::uuid AND estate_id = ANY(${estates}::uuid[]) AND active AND (occupied OR id = ANY(${forced}::uuid[]))`;
  const byEstate = new Map<string, { id: string; occupied: boolean }[]>(estates.map((e) => [e, []]));
  for (const h of rows) byEstate.get(h.estate_id)?.push({ id: h.id, occupied: h.occupied });
  const out = new Map<string, EstateSample & { rate: number }>();
  for (const estateId of estates) {
    // Stored with 4 decimals (survey_samples.rate), so drawn with exactly what is stored.
    const rate = rates?.get(estateId) ?? Math.round((policy!.get(estateId) ?? 60) * 100) / 10000;
    const drawn = drawEstateSample({
      households: byEstate.get(estateId)!,
      complainants: complainants.get(estateId)!,
      rate,
      seed,
      estateId,
    });
    out.set(estateId, { ...drawn, rate });
  }
  return out;
}

/**
 * SUR-2: draws (again) the sample of every estate of a DRAFT campaign, from `seed` or a fresh
 * one that is stored; the campaign's version moves on (the plan changed). Returns the campaign id.
 */
export async function drawSurveySample(ctx: SignedInContext, input: { campaignId: string; seed?: string | null }): Promise<string> {
  const c = await campaignFor(ctx, input.campaignId, { write: true });
  assertCampaignStatus(c, ["DRAFT"], "campaignId", surveysMessages.surveyStepDraw);
  const seed = input.seed?.trim() || newSeed();
  const check = new InputCheck();
  check.that(seed.length <= 200, "seed", msg("surveySeedTooLong"));
  check.done();
  await lockCampaign(ctx, c.id);
  const drawn = await drawAll(ctx, c, seed);
  await ctx.prisma.surveySample.deleteMany({ where: { campaignId: c.id } });
  const samples = [...drawn.entries()].map(([estateId, s]) => ({
    id: randomUUID(),
    organizationId: c.organizationId,
    campaignId: c.id,
    estateId,
    seed,
    rate: s.rate,
    populationSize: s.populationSize,
    sampleSize: s.members.length,
    createdById: ctx.viewer.staffId,
    createdAt: ctx.now,
  }));
  await ctx.prisma.surveySample.createMany({ data: samples });
  await ctx.prisma.surveySampleMember.createMany({
    data: samples.flatMap((s) =>
      drawn.get(s.estateId)!.members.map((m) => ({
        organizationId: c.organizationId,
        sampleId: s.id,
        campaignId: c.id,
        estateId: s.estateId,
        householdId: m.householdId,
        reason: m.reason,
      })),
    ),
  });
  await ctx.prisma.$executeRaw`
    UPDATE survey_campaign_estates e SET resident_households = v.n
      FROM unnest(${samples.map((s) => s.estateId)}::uuid[], ${samples.map((s) => s.populationSize)}::int[]) AS v(estate_id, n)
     WHERE e.campaign_id = ${c.id}::uuid AND e.estate_id = v.estate_id`;
  // The plan changed: whoever read the campaign before sees a new version.
  await saveCampaign(ctx, c, {});
  return c.id;
}

export interface EstateCheck {
  estateId: string;
  seed: string;
  storedSize: number;
  redrawnSize: number;
  identical: boolean;
  missing: string[];
  unexpected: string[];
  reasonChanged: string[];
}

/** SUR-2: every estate's stored sample (of the caller's scope) against the draw made again from its seed and rate. */
export async function verifySample(ctx: Context, c: CampaignRow): Promise<{ identical: boolean; estates: EstateCheck[] }> {
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
      estates.push({
        estateId: s.estateId!,
        seed,
        storedSize: s.members.length,
        redrawnSize: again.length,
        ...compareSamples(s.members, again),
      });
    }
  }
  return { identical: estates.length > 0 && estates.every((e) => e.identical), estates };
}
