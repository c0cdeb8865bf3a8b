import type { SurveyCampaignKind } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { estateFilter, inOrganization } from "../../access/read-scope.ts";
import { localDate, localToUtc } from "../../domain/sla/time-zone.ts";
import { campaignStepRefusal, campaignTransition, REGULAR_PER_YEAR, type CampaignAction } from "../../domain/surveys/campaign-workflow.ts";
import { SurveyCampaignStateError } from "../../errors/surveys.ts";
import { ForbiddenError, InputCheck } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { campaignFor, saveCampaign, type CampaignRow } from "./campaign.ts";
import { complainantHouseholds } from "./complainants.ts";

/**
 * SUR-1: two company-wide (REGULAR) satisfaction surveys a year plus SPECIAL ones, each with its
 * estates, questionnaire revision and period. DRAFT → RUNNING (start: the sample must be drawn,
 * SUR-2; the questionnaire freezes, SUR-6) → CLOSED, or CANCELLED; every step carries the
 * version read.
 */

export interface CreateSurveyCampaignInput {
  code: string;
  name: string;
  kind: SurveyCampaignKind;
  questionnaireId: string;
  startsAt: Date;
  endsAt: Date;
  /** Row ids; SPECIAL: required; REGULAR: omit (every estate). */
  estateIds?: readonly string[] | null;
  previousCampaignId?: string | null;
  note?: string | null;
}

/** SUR-1, SUR-2: which estates the campaign covers; a regular survey covers every estate. */
async function coveredEstates(
  ctx: SignedInContext,
  check: InputCheck,
  kind: SurveyCampaignKind,
  given: readonly string[] | null | undefined,
): Promise<string[]> {
  const all = (
    await ctx.prisma.estate.findMany({ where: { ...inOrganization(ctx), active: true }, select: { id: true }, orderBy: { code: "asc" } })
  ).map((e) => e.id);
  const scope = estateFilter(ctx);
  if (kind === "REGULAR") {
    if (scope) throw new ForbiddenError(msg("surveyRegularCompanyLevel"));
    const same = !given?.length || (given.length === all.length && all.every((e) => given.includes(e)));
    check.that(same, "input.estateIds", msg("surveyRegularCoversAll"));
    return all;
  }
  if (!check.that(!!given?.length, "input.estateIds", msg("surveySpecialNeedsEstates"))) return [];
  const ids = [...new Set(given)];
  given!.forEach((id, i) =>
    check.that(all.includes(id) && (!scope || scope.in.includes(id)), `input.estateIds.${i}`, msg("surveyNoSuchEstate")),
  );
  return ids;
}

/** SUR-1: at most two regular surveys start in one calendar year (the organisation's time zone). */
async function checkRegularQuota(ctx: SignedInContext, check: InputCheck, startsAt: Date): Promise<void> {
  const { timezone } = await ctx.prisma.organization.findUniqueOrThrow({ where: { id: ctx.organizationId }, select: { timezone: true } });
  const year = Number(localDate(timezone, startsAt.getTime()).slice(0, 4));
  const from = new Date(localToUtc(timezone, `${year}-01-01`, 0));
  const to = new Date(localToUtc(timezone, `${year + 1}-01-01`, 0));
  const same = await ctx.prisma.surveyCampaign.findMany({
    where: { ...inOrganization(ctx), kind: "REGULAR", status: { not: "CANCELLED" }, startsAt: { gte: from, lt: to } },
    select: { code: true },
  });
  check.that(
    same.length < REGULAR_PER_YEAR,
    "input.startsAt",
    msg("surveyRegularQuota", { year, count: same.length, codes: same.map((c) => c.code).join(", ") }),
  );
}

/** SUR-2: complainant households are counted since the previous campaign's start (default: the latest regular one before). */
async function previousCampaign(ctx: SignedInContext, check: InputCheck, input: CreateSurveyCampaignInput): Promise<string | null> {
  if (input.previousCampaignId) {
    const p = await ctx.prisma.surveyCampaign.findFirst({
      where: { id: input.previousCampaignId, ...inOrganization(ctx), status: { not: "CANCELLED" } },
      select: { id: true, startsAt: true },
    });
    check.that(!!p && p.startsAt < input.startsAt, "input.previousCampaignId", msg("surveyNoPreviousCampaign"));
    return p?.id ?? null;
  }
  const p = await ctx.prisma.surveyCampaign.findFirst({
    where: { ...inOrganization(ctx), kind: "REGULAR", status: { not: "CANCELLED" }, startsAt: { lt: input.startsAt } },
    orderBy: { startsAt: "desc" },
    select: { id: true },
  });
  return p?.id ?? null;
}

/** SUR-1: plans a campaign (DRAFT); every bad field is reported at once and nothing is written. Returns its id. */
export async function createSurveyCampaign(ctx: SignedInContext, input: CreateSurveyCampaignInput): Promise<string> {
  const check = new InputCheck();
  const code = check.text(input.code, "input.code", 40);
  const name = check.text(input.name, "input.name", 200);
  check.that(input.endsAt > input.startsAt, "input.endsAt", msg("surveyEndsAfterStart"));
  const questionnaire = await ctx.prisma.questionnaire.findFirst({
    where: { id: input.questionnaireId, ...inOrganization(ctx) },
    select: { id: true, _count: { select: { dimensions: true } } },
  });
  if (check.that(!!questionnaire, "input.questionnaireId", msg("surveyNoSuchQuestionnaire"))) {
    check.that(questionnaire!._count.dimensions > 0, "input.questionnaireId", msg("surveyQuestionnaireEmpty"));
  }
  const estates = await coveredEstates(ctx, check, input.kind, input.estateIds);
  if (code && (await ctx.prisma.surveyCampaign.findFirst({ where: { ...inOrganization(ctx), code }, select: { id: true } })))
    check.add("input.code", msg("surveyCampaignCodeTaken", { code }));
  if (input.kind === "REGULAR") await checkRegularQuota(ctx, check, input.startsAt);
  const previousCampaignId = await previousCampaign(ctx, check, input);
  check.done();
  const organizationId = ctx.organizationId;
  const created = await ctx.prisma.surveyCampaign.create({
    data: {
      organizationId,
      code,
      name,
      kind: input.kind,
      questionnaireId: questionnaire!.id,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      previousCampaignId,
      createdById: ctx.viewer.staffId,
      note: input.note?.trim() || null,
      createdAt: ctx.now,
      estates: { create: estates.map((estateId) => ({ organizationId, estateId, createdAt: ctx.now })) },
    },
    select: { id: true },
  });
  return created.id;
}

/**
 * SUR-1 start: every estate has its sample (SUR-2) and the sample still holds every complainant
 * household of the window (complaints classified since the draw would be missed otherwise: draw
 * again, from the stored seed). The resident households are counted again
 * (§11: the coverage denominator at the start) and the questionnaire freezes (SUR-6).
 */
async function start(ctx: SignedInContext, c: CampaignRow): Promise<void> {
  const sampled = await ctx.prisma.surveySample.findMany({ where: { campaignId: c.id }, select: { estateId: true } });
  const unsampled = c.estates.filter((e) => !sampled.some((s) => s.estateId === e.estateId));
  if (unsampled.length)
    throw new SurveyCampaignStateError(
      "input.id",
      c.status,
      msg("surveySampleMissing", { missing: unsampled.length, total: c.estates.length }),
    );
  const complainants = [...(await complainantHouseholds(ctx, c)).values()].flatMap((s) => [...s]);
  const [row] = await ctx.prisma.$queryRaw<{ missing: number }[]>`
    SELECT count(*)::int AS missing FROM unnest(${complainants}::uuid[]) AS x(household_id)
     WHERE NOT EXISTS (SELECT 1 FROM survey_sample_members m WHERE m.campaign_id = ${c.id}::uuid AND m.household_id = x.household_id)`;
  if (row!.missing > 0) throw new SurveyCampaignStateError("input.id", c.status, msg("surveySampleStale", { missing: row!.missing }));
  await ctx.prisma.$executeRaw`
    UPDATE survey_campaign_estates e SET resident_households = (SELECT count(*)::int FROM households h WHERE h.estate_id = e.estate_id AND h.occupied)
     WHERE e.campaign_id = ${c.id}::uuid`;
  await ctx.prisma.questionnaire.updateMany({
    where: { id: c.questionnaireId, frozen: false },
    data: { frozen: true, frozenAt: ctx.now, version: { increment: 1 } },
  });
}

/**
 * SUR-1: one step of the campaign (START, CLOSE, CANCEL) at the version read; the caller's
 * scope must cover every estate of the campaign. Closed early, a campaign ends now.
 */
export async function stepSurveyCampaign(
  ctx: SignedInContext,
  input: { id: string; version: number; action: CampaignAction },
): Promise<string> {
  const c = await campaignFor(ctx, input.id, { write: true, version: input.version });
  const r = campaignTransition(c.status, input.action);
  if (!r.ok) throw new SurveyCampaignStateError("input.id", c.status, campaignStepRefusal(c.status, input.action));
  if (input.action === "START") await start(ctx, c);
  const endsAt = input.action === "CLOSE" ? (c.endsAt && c.endsAt < ctx.now ? c.endsAt : ctx.now) : undefined;
  await saveCampaign(ctx, c, { status: r.to, ...(endsAt ? { endsAt } : {}) });
  return c.id;
}
