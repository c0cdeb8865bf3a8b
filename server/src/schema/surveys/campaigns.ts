import { builder } from "../../builder.ts";
import { SurveyCampaignConnection } from "../connections.ts";
import { estateFilter, scopedNode } from "../../access/read-scope.ts";
import { availableCampaignActions, type CampaignAction } from "../../domain/surveys/campaign-workflow.ts";
import { createSurveyCampaign, stepSurveyCampaign } from "../../services/surveys/campaigns.ts";
import { campaignScope } from "../../access/scopes/surveys.ts";
import { SurveyCampaignKindEnum, SurveyCampaignStatusEnum } from "../enums.ts";
import { nonEmpty } from "../prisma-query.ts";
import { CAMPAIGN_ERRORS, SurveyCampaignActionEnum } from "./shared.ts";

/**
 * SUR-1: two company-wide (REGULAR) satisfaction surveys a year plus SPECIAL ones, each with its
 * estates, questionnaire revision and period. DRAFT → RUNNING (start: the sample must be drawn,
 * SUR-2; the questionnaire freezes, SUR-6) → CLOSED, or CANCELLED; every step carries the
 * version read. The commands are services/surveys/campaigns.ts.
 */
builder.prismaObject("SurveyCampaignEstate", {
  description: "SUR-2: an estate the campaign covers",
  fields: (t) => ({
    estate: t.relation("estate", { description: "SUR-2: the estate" }),
    residentHouseholds: t.exposeInt("residentHouseholds", {
      nullable: true,
      description: "§11: resident households when the sample was drawn and again at the start (the coverage denominator)",
    }),
  }),
});

builder.prismaNode("SurveyCampaign", {
  ...scopedNode(campaignScope),
  id: { field: "id", description: "SUR-1: the campaign's global id" },
  authScopes: { authenticated: true },
  description: "SUR-1: a satisfaction survey campaign",
  fields: (t) => ({
    code: t.exposeString("code", { description: "SUR-1: unique in the organisation, e.g. SAT-2027-H1" }),
    name: t.exposeString("name", { description: "SUR-1: the campaign's name" }),
    kind: t.expose("kind", { type: SurveyCampaignKindEnum, description: "SUR-1: REGULAR (one of the two a year) or SPECIAL" }),
    status: t.expose("status", { type: SurveyCampaignStatusEnum, description: "SUR-1: DRAFT, RUNNING, CLOSED or CANCELLED" }),
    availableActions: t.field({
      type: [SurveyCampaignActionEnum],
      description: "SUR-1: the steps the campaign's status allows",
      resolve: (c) => availableCampaignActions(c.status),
    }),
    startsAt: t.expose("startsAt", { type: "DateTime", description: "SUR-1: when questionnaires start being handed out (SUR-3)" }),
    endsAt: t.expose("endsAt", {
      type: "DateTime",
      nullable: true,
      description: "SUR-3, SUR-5: questionnaires not returned by then are followed up; post-survey tasks count from it",
    }),
    note: t.exposeString("note", { nullable: true, description: "SUR-1: the planner's note" }),
    version: t.exposeInt("version", { description: "Optimistic concurrency: send it back with every step" }),
    questionnaire: t.relation("questionnaire", { description: "SUR-6: the questionnaire revision asked (frozen once the campaign runs)" }),
    previousCampaign: t.prismaField({
      type: "SurveyCampaign",
      nullable: true,
      description: "SUR-2: complainant households are those since this campaign's start",
      resolve: (query, c, _a, ctx) =>
        c.previousCampaignId
          ? ctx.prisma.surveyCampaign.findFirst({ ...query, where: { id: c.previousCampaignId, AND: [campaignScope(ctx)] } })
          : null,
    }),
    estates: t.relation("estates", {
      description: "SUR-2: the estates covered (those of your scope)",
      query: (_a, ctx) => ({ where: estateFilter(ctx) ? { estateId: estateFilter(ctx) } : {}, orderBy: { estate: { code: "asc" } } }),
    }),
    createdBy: t.relation("createdBy", { nullable: true, description: "SUR-1: who planned it" }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "SUR-1: when it was planned" }),
  }),
});

builder.queryField("surveyCampaigns", (t) =>
  t.prismaConnection(
    {
      type: "SurveyCampaign",
      cursor: "id",
      authScopes: { authenticated: true },
      description: "SUR-1: campaigns covering your estates (§2), newest first",
      args: {
        status: t.arg({ type: [SurveyCampaignStatusEnum], required: false, description: "SUR-1: only campaigns in these statuses" }),
      },
      totalCount: (_p, args, ctx) =>
        ctx.prisma.surveyCampaign.count({
          where: { AND: [campaignScope(ctx), args.status?.length ? { status: { in: args.status } } : {}] },
        }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.surveyCampaign.findMany({
          ...query,
          where: { AND: [campaignScope(ctx), args.status?.length ? { status: { in: args.status } } : {}] },
          orderBy: [{ startsAt: "desc" }, { id: "asc" }],
        }),
    },
    SurveyCampaignConnection,
  ),
);

const CreateSurveyCampaignInput = builder.inputType("CreateSurveyCampaignInput", {
  description: "SUR-1: a campaign to plan",
  fields: (t) => ({
    code: t.string({ required: true, description: "Unique in the organisation, e.g. SAT-2027-H1" }),
    name: t.string({ required: true, description: "The campaign's name" }),
    kind: t.field({
      type: SurveyCampaignKindEnum,
      required: true,
      description: "REGULAR: one of the two company-wide surveys of the year; SPECIAL: an ad-hoc survey",
    }),
    questionnaireId: t.globalID({ required: true, description: "SUR-6: the questionnaire revision to ask" }),
    startsAt: t.field({
      type: "DateTime",
      required: true,
      description: "SUR-1: when it starts (at most two REGULAR campaigns start in a calendar year)",
    }),
    endsAt: t.field({
      type: "DateTime",
      required: true,
      description: "Questionnaires not returned by then are followed up (SUR-3); post-survey tasks count from it (SUR-5)",
    }),
    estateIds: t.globalIDList({ required: false, description: "SPECIAL: the estates surveyed (required); REGULAR: every estate (omit)" }),
    previousCampaignId: t.globalID({
      required: false,
      description: "SUR-2: default the latest regular campaign that started before this one",
    }),
    note: t.string({ required: false, description: "The planner's note" }),
  }),
});

builder.mutationField("createSurveyCampaign", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "SurveyCampaign",
    description: "SUR-1: plans a campaign (DRAFT): a regular one covers every estate, a special one the estates named",
    errors: { types: CAMPAIGN_ERRORS },
    args: { input: t.arg({ type: CreateSurveyCampaignInput, required: true, description: "The campaign" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await createSurveyCampaign(ctx, {
        ...input,
        questionnaireId: input.questionnaireId.id,
        estateIds: input.estateIds?.map((e) => e.id),
        previousCampaignId: input.previousCampaignId?.id,
      });
      return ctx.prisma.surveyCampaign.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

// ---- steps ----

function campaignStep(name: string, action: CampaignAction, description: string) {
  const Input = builder.inputType(`${name[0]!.toUpperCase()}${name.slice(1)}Input`, {
    description: `SUR-1: the campaign and the version read (${action})`,
    fields: (t) => ({
      id: t.globalID({ required: true, description: "The campaign" }),
      version: t.int({
        required: true,
        description: "The version read; a stale one gets a SurveyCampaignConflictError and changes nothing",
      }),
    }),
  });
  builder.mutationField(name, (t) =>
    t.withAuth({ permission: "complaints:write" }).prismaField({
      type: "SurveyCampaign",
      description,
      errors: { types: CAMPAIGN_ERRORS },
      args: { input: t.arg({ type: Input, required: true, description: "The campaign and the version read" }) },
      resolve: async (query, _r, { input }, ctx) => {
        const id = await stepSurveyCampaign(ctx, { id: input.id.id, version: input.version, action });
        return ctx.prisma.surveyCampaign.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
      },
    }),
  );
}

campaignStep(
  "startSurveyCampaign",
  "START",
  "SUR-1: the campaign runs (→ RUNNING): questionnaires are handed out; its questionnaire is frozen (SUR-6)",
);
campaignStep("closeSurveyCampaign", "CLOSE", "SUR-1: the campaign ends (→ CLOSED); closed early, it ends now");
campaignStep("cancelSurveyCampaign", "CANCEL", "SUR-1: the campaign is called off (→ CANCELLED); what was recorded stays");
