import type { Prisma, SurveyCampaignKind } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { localDate, localToUtc } from "../../domain/sla/time-zone.ts";
import { availableCampaignActions, campaignTransition, REGULAR_PER_YEAR, type CampaignAction } from "../../domain/surveys/campaign-workflow.ts";
import { SurveyCampaignKindEnum, SurveyCampaignStatusEnum } from "../enums.ts";
import { ForbiddenError, InputError, requiredText } from "../../errors/typed-errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { estateFilter, inOrganization, scopedNode } from "../../access/read-scope.ts";
import { complainantHouseholds } from "./complainants.ts";
import {
  CAMPAIGN_ERRORS, campaignFor, campaignScope, saveCampaign, SurveyCampaignActionEnum, SurveyCampaignStateError, type CampaignRow,
} from "./shared.ts";

/**
 * SUR-1: two company-wide (REGULAR) satisfaction surveys a year plus SPECIAL ones, each with its
 * estates, questionnaire revision and period. DRAFT → RUNNING (start: the sample must be drawn,
 * SUR-2; the questionnaire freezes, SUR-6) → CLOSED, or CANCELLED; every step carries the
 * version read.
 */
builder.prismaObject("SurveyCampaignEstate", {
  description: "SUR-2: an estate the campaign covers",
  fields: (t) => ({
    estate: t.relation("estate"),
    residentHouseholds: t.exposeInt("residentHouseholds", { nullable: true, description: "§11: resident households when the sample was drawn and again at the start (the coverage denominator)" }),
  }),
});

builder.prismaNode("SurveyCampaign", {
  ...scopedNode(campaignScope),
  authScopes: { authenticated: true },
  description: "SUR-1: a satisfaction survey campaign",
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    kind: t.expose("kind", { type: SurveyCampaignKindEnum }),
    status: t.expose("status", { type: SurveyCampaignStatusEnum }),
    availableActions: t.field({ type: [SurveyCampaignActionEnum], description: "The steps the campaign's status allows", resolve: (c) => availableCampaignActions(c.status) }),
    startsAt: t.expose("startsAt", { type: "DateTime" }),
    endsAt: t.expose("endsAt", { type: "DateTime", nullable: true }),
    note: t.exposeString("note", { nullable: true }),
    version: t.exposeInt("version", { description: "Optimistic concurrency: send it back with every step" }),
    questionnaire: t.relation("questionnaire", { description: "SUR-6: the questionnaire revision asked (frozen once the campaign runs)" }),
    previousCampaign: t.prismaField({
      type: "SurveyCampaign", nullable: true, description: "SUR-2: complainant households are those since this campaign's start",
      resolve: (query, c, _a, ctx) => (c.previousCampaignId ? ctx.prisma.surveyCampaign.findFirst({ ...query, where: { id: c.previousCampaignId, AND: [campaignScope(ctx)] } }) : null),
    }),
    estates: t.relation("estates", {
      description: "SUR-2: the estates covered (those of your scope)",
      query: (_a, ctx) => ({ where: estateFilter(ctx) ? { estateId: estateFilter(ctx) } : {}, orderBy: { estate: { code: "asc" } } }),
    }),
    createdBy: t.relation("createdBy", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.queryField("surveyCampaigns", (t) =>
  t.prismaConnection({
    type: "SurveyCampaign",
    cursor: "id",
    authScopes: { authenticated: true },
    description: "SUR-1: campaigns covering your estates, newest first",
    args: { status: t.arg({ type: [SurveyCampaignStatusEnum], required: false }) },
    totalCount: (_p, args, ctx) => ctx.prisma.surveyCampaign.count({ where: { AND: [campaignScope(ctx), args.status?.length ? { status: { in: args.status } } : {}] } }),
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.surveyCampaign.findMany({
        ...query, where: { AND: [campaignScope(ctx), args.status?.length ? { status: { in: args.status } } : {}] }, orderBy: [{ startsAt: "desc" }, { id: "asc" }],
      }),
  }),
);

const CreateSurveyCampaignInput = builder.inputType("CreateSurveyCampaignInput", {
  fields: (t) => ({
    code: t.string({ required: true, description: "Unique in the organisation, e.g. SAT-2027-H1" }),
    name: t.string({ required: true }),
    kind: t.field({ type: SurveyCampaignKindEnum, required: true, description: "REGULAR: one of the two company-wide surveys of the year; SPECIAL: an ad-hoc survey" }),
    questionnaireId: t.globalID({ required: true, description: "SUR-6: the questionnaire revision to ask" }),
    startsAt: t.field({ type: "DateTime", required: true }),
    endsAt: t.field({ type: "DateTime", required: true, description: "Questionnaires not returned by then are followed up (SUR-3); post-survey tasks count from it (SUR-5)" }),
    estateIds: t.globalIDList({ required: false, description: "SPECIAL: the estates surveyed (required); REGULAR: every estate (omit)" }),
    previousCampaignId: t.globalID({ required: false, description: "SUR-2: default the latest regular campaign that started before this one" }),
    note: t.string({ required: false }),
  }),
});
type CreateInput = typeof CreateSurveyCampaignInput.$inferInput;

/** SUR-1, SUR-2: which estates the campaign covers; a regular survey covers every estate. */
async function coveredEstates(ctx: Context, kind: SurveyCampaignKind, given: readonly { id: string }[] | null | undefined): Promise<string[]> {
  const all = (await ctx.prisma.estate.findMany({ where: { ...inOrganization(ctx), active: true }, select: { id: true }, orderBy: { code: "asc" } })).map((e) => e.id);
  const scope = estateFilter(ctx);
  if (kind === "REGULAR") {
    if (scope) throw new ForbiddenError("A regular survey covers every estate (SUR-2); it is planned by company-level staff");
    if (given?.length && (given.length !== all.length || !all.every((e) => given.some((g) => g.id === e)))) {
      throw new InputError("input.estateIds", "A regular survey covers every estate (SUR-2): omit estateIds, or plan a SPECIAL survey for some of them");
    }
    return all;
  }
  if (!given?.length) throw new InputError("input.estateIds", "A special survey names the estates it covers");
  const ids = [...new Set(given.map((g) => g.id))];
  ids.forEach((id, i) => {
    if (!all.includes(id) || (scope && !scope.in.includes(id))) throw new InputError(`input.estateIds.${i}`, "No such estate in your scope");
  });
  return ids;
}

/** SUR-1: at most two regular surveys start in one calendar year (the organisation's time zone). */
async function assertRegularQuota(ctx: Context, startsAt: Date): Promise<void> {
  const { timezone } = await ctx.prisma.organization.findUniqueOrThrow({ where: { id: ctx.organizationId! }, select: { timezone: true } });
  const year = Number(localDate(timezone, startsAt.getTime()).slice(0, 4));
  const from = new Date(localToUtc(timezone, `${year}-01-01`, 0));
  const to = new Date(localToUtc(timezone, `${year + 1}-01-01`, 0));
  const same = await ctx.prisma.surveyCampaign.findMany({
    where: { ...inOrganization(ctx), kind: "REGULAR", status: { not: "CANCELLED" }, startsAt: { gte: from, lt: to } }, select: { code: true },
  });
  if (same.length >= REGULAR_PER_YEAR) {
    throw new InputError("input.startsAt", `${year} already has ${same.length} regular surveys (${same.map((c) => c.code).join(", ")}); SUR-1 plans two a year, so plan a SPECIAL survey`);
  }
}

async function previousCampaign(ctx: Context, input: CreateInput): Promise<string | null> {
  if (input.previousCampaignId) {
    const p = await ctx.prisma.surveyCampaign.findFirst({ where: { id: input.previousCampaignId.id, ...inOrganization(ctx), status: { not: "CANCELLED" } }, select: { id: true, startsAt: true } });
    if (!p || p.startsAt >= input.startsAt) throw new InputError("input.previousCampaignId", "No such campaign before this one");
    return p.id;
  }
  const p = await ctx.prisma.surveyCampaign.findFirst({
    where: { ...inOrganization(ctx), kind: "REGULAR", status: { not: "CANCELLED" }, startsAt: { lt: input.startsAt } }, orderBy: { startsAt: "desc" }, select: { id: true },
  });
  return p?.id ?? null;
}

builder.mutationField("createSurveyCampaign", (t) =>
  t.prismaField({
    type: "SurveyCampaign",
    description: "SUR-1: plans a campaign (DRAFT): a regular one covers every estate, a special one the estates named",
    authScopes: { permission: "complaints:write" },
    errors: { types: CAMPAIGN_ERRORS },
    args: { input: t.arg({ type: CreateSurveyCampaignInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const code = requiredText(input.code, "input.code", 40);
      const name = requiredText(input.name, "input.name", 200);
      if (input.endsAt <= input.startsAt) throw new InputError("input.endsAt", "The campaign ends after it starts");
      const questionnaire = await ctx.prisma.questionnaire.findFirst({ where: { id: input.questionnaireId.id, ...inOrganization(ctx) }, select: { id: true, _count: { select: { dimensions: true } } } });
      if (!questionnaire) throw new InputError("input.questionnaireId", "No such questionnaire");
      if (questionnaire._count.dimensions === 0) throw new InputError("input.questionnaireId", "The questionnaire has no dimensions (SUR-6)");
      const estates = await coveredEstates(ctx, input.kind, input.estateIds);
      if (await ctx.prisma.surveyCampaign.findFirst({ where: { ...inOrganization(ctx), code }, select: { id: true } })) throw new InputError("input.code", `A campaign ${code} exists already`);
      if (input.kind === "REGULAR") await assertRegularQuota(ctx, input.startsAt);
      const created = await ctx.prisma.surveyCampaign.create({
        data: {
          organizationId: ctx.organizationId!, code, name, kind: input.kind, questionnaireId: questionnaire.id, startsAt: input.startsAt, endsAt: input.endsAt,
          previousCampaignId: await previousCampaign(ctx, input), createdById: ctx.viewer!.staffId, note: input.note?.trim() || null, createdAt: ctx.now,
          estates: { create: estates.map((estateId) => ({ organizationId: ctx.organizationId!, estateId, createdAt: ctx.now })) },
        },
        select: { id: true },
      });
      return ctx.prisma.surveyCampaign.findUniqueOrThrow({ ...nonEmpty(query), where: { id: created.id } });
    },
  }),
);

// ---- steps ----

/**
 * SUR-1 start: every estate has its sample (SUR-2) and the sample still holds every complainant
 * household of the window (complaints classified since the draw would be missed otherwise: draw
 * again, from the stored seed). The resident households are counted again
 * (§11: the coverage denominator at the start) and the questionnaire freezes (SUR-6).
 */
async function startChecks(ctx: Context, c: CampaignRow): Promise<void> {
  const sampled = await ctx.prisma.surveySample.findMany({ where: { campaignId: c.id }, select: { estateId: true } });
  const unsampled = c.estates.filter((e) => !sampled.some((s) => s.estateId === e.estateId));
  if (unsampled.length) throw new SurveyCampaignStateError("input.id", c.status, `SUR-2: draw the sample first (${unsampled.length} of ${c.estates.length} estates have none)`);
  const complainants = [...(await complainantHouseholds(ctx, c)).values()].flatMap((s) => [...s]);
  const [row] = await ctx.prisma.$queryRaw<{ missing: number }[]>`
    SELECT count(*)::int AS missing FROM unnest(${complainants}::uuid[]) AS x(household_id)
     WHERE NOT EXISTS (SELECT 1 FROM survey_sample_members m WHERE m.campaign_id = ${c.id}::uuid AND m.household_id = x.household_id)`;
  if (row!.missing > 0) {
    throw new SurveyCampaignStateError("input.id", c.status, `SUR-2: ${row!.missing} households made a valid complaint since the sample was drawn; draw it again (from the stored seed, so it stays reproducible)`);
  }
  await ctx.prisma.$executeRaw`
    UPDATE survey_campaign_estates e SET resident_households = (SELECT count(*)::int FROM households h WHERE h.estate_id = e.estate_id AND h.occupied)
     WHERE e.campaign_id = ${c.id}::uuid`;
  await ctx.prisma.questionnaire.updateMany({ where: { id: c.questionnaireId, frozen: false }, data: { frozen: true, frozenAt: ctx.now, version: { increment: 1 } } });
}

function campaignStep(name: string, action: CampaignAction, description: string, apply: (ctx: Context, c: CampaignRow) => Promise<Prisma.SurveyCampaignUncheckedUpdateManyInput>) {
  const Input = builder.inputType(`${name[0]!.toUpperCase()}${name.slice(1)}Input`, {
    fields: (t) => ({
      id: t.globalID({ required: true, description: "The campaign" }),
      version: t.int({ required: true, description: "The version read; a stale one gets a SurveyCampaignConflictError and changes nothing" }),
    }),
  });
  builder.mutationField(name, (t) =>
    t.prismaField({
      type: "SurveyCampaign",
      description,
      authScopes: { permission: "complaints:write" },
      errors: { types: CAMPAIGN_ERRORS },
      args: { input: t.arg({ type: Input, required: true }) },
      resolve: async (query, _r, { input }, ctx) => {
        const c = await campaignFor(ctx, input.id.id, { write: true, version: input.version });
        const r = campaignTransition(c.status, action);
        if (!r.ok) throw new SurveyCampaignStateError("input.id", c.status, r.reason);
        const patch = await apply(ctx, c);
        await saveCampaign(ctx, c, { ...patch, status: r.to });
        return ctx.prisma.surveyCampaign.findUniqueOrThrow({ ...nonEmpty(query), where: { id: c.id } });
      },
    }),
  );
}

campaignStep("startSurveyCampaign", "START", "SUR-1: the campaign runs (→ RUNNING): questionnaires are handed out; its questionnaire is frozen (SUR-6)", async (ctx, c) => {
  await startChecks(ctx, c);
  return {};
});
campaignStep("closeSurveyCampaign", "CLOSE", "SUR-1: the campaign ends (→ CLOSED); closed early, it ends now", async (ctx, c) => ({
  endsAt: c.endsAt && c.endsAt < ctx.now ? c.endsAt : ctx.now,
}));
campaignStep("cancelSurveyCampaign", "CANCEL", "SUR-1: the campaign is called off (→ CANCELLED); what was recorded stays", async () => ({}));
