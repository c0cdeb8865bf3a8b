import { msg } from "../../i18n/messages.ts";
import { CallbackSampleKind, SampleReason, type Prisma } from "@tingjian/prisma/client";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../../builder.ts";
import { CallbackSampleConnection, CallbackSampleMemberConnection } from "../connections.ts";
import type { Context } from "../../access/context.ts";
import { policyNumberAt } from "../../domain/callbacks/policy-number.ts";
import { methodShare } from "../../domain/callbacks/phone-share.ts";
import { figureRatios } from "../../services/reports/figures.ts";
import { signedIn } from "../../access/context.ts";
import { memberWhy, SAMPLE_RULES } from "../../domain/callbacks/sample-rules.ts";
import { InputError } from "../../errors/typed-errors.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { estateFilter, inEstates, scopedNode } from "../../access/read-scope.ts";
import { scopedComplaint, scopedCustomer } from "../scoped-rows.ts";
import { callbackScope, sampleScope } from "../../access/scopes/callbacks.ts";
import { drawCallbackSample } from "../../services/callbacks/draw-sample.ts";
import { verifyCallbackSample, type SampleCheck } from "../../services/callbacks/verify-sample.ts";
import { describedValues } from "./callback.ts";

/**
 * CB-3 periodic and sampling callbacks, CB-4 repair, event, holiday, move-in and emergency
 * callbacks: a programme draws a reproducible sample of its population (SAMPLE_RULES), stores the
 * seed, the rate in force and each member's reason, and plans one callback per member
 * (services/callbacks/draw-sample.ts). CB-5: the share of phone callbacks among all visits.
 */
export const CallbackSampleKindEnum = builder.enumType("CallbackSampleKind", {
  description: "CB-3, CB-4 callback programmes",
  values: describedValues(CallbackSampleKind, {
    QUARTERLY_PERIODIC: `CB-3: ${SAMPLE_RULES.QUARTERLY_PERIODIC.population} (policy CB-3.periodicSample)`,
    SAMPLING: `CB-3: ${SAMPLE_RULES.SAMPLING.population} (the rate given)`,
    REPAIR: `CB-4: ${SAMPLE_RULES.REPAIR.population} (policy CB-4.repairCallback)`,
    EVENT: `CB-4: ${SAMPLE_RULES.EVENT.population} (policy CB-4.eventCallback)`,
    HOLIDAY: `CB-4: holiday visits — ${SAMPLE_RULES.HOLIDAY.population} (the rate given)`,
    MOVE_IN: `CB-4: move-in callbacks — ${SAMPLE_RULES.MOVE_IN.population} (the rate given)`,
    EMERGENCY: `CB-4: callbacks after an emergency — ${SAMPLE_RULES.EMERGENCY.population} (the rate given)`,
  }),
});
// Named apart from the survey samples' reasons (SUR-2), which are drawn by their own programme.
const ReasonEnum = builder.enumType("CallbackSampleReason", {
  description: "Why a member is in a callback sample",
  values: describedValues(SampleReason, {
    RANDOM: "CB-3: drawn at random from the stored seed",
    FORCED_COMPLAINANT: "Included without a draw: every member of this kind is called back",
    MANUAL: "Added by hand (no part of the draw; verifyCallbackSample ignores it)",
  }),
});

builder.prismaNode("CallbackSample", {
  ...scopedNode(sampleScope),
  id: { field: "id", description: "CB-3, CB-4: the sample's global id" },
  authScopes: { permission: "complaints:read" },
  description: "CB-3, CB-4: a callback sample, reproducible from its stored seed (verifyCallbackSample)",
  fields: (t) => ({
    kind: t.expose("kind", { type: CallbackSampleKindEnum, description: "CB-3, CB-4: the programme" }),
    estate: t.relation("estate", { nullable: true, description: "Null: every estate" }),
    communityEventId: t.id({
      nullable: true,
      description: "CB-4: the community event (EVENT samples)",
      resolve: (s) => (s.communityEventId ? encodeGlobalID("CommunityEvent", s.communityEventId) : null),
    }),
    population: t.string({ description: "Who the population is", resolve: (s) => SAMPLE_RULES[s.kind].population }),
    periodStart: t.expose("periodStart", { type: "DateTime", description: "The period's start (inclusive)" }),
    periodEnd: t.expose("periodEnd", { type: "DateTime", description: "The period's end (exclusive)" }),
    rate: t.float({
      description: "The share drawn (0.35 = 35%): the policy value in force at the period's start unless given",
      resolve: (s) => Number(s.rate),
    }),
    populationSize: t.exposeInt("populationSize", { description: "The population at the draw" }),
    sampleSize: t.exposeInt("sampleSize", { description: "At least rate × population, rounded up" }),
    seed: t.exposeString("seed", { description: "The random seed: the same seed over the same population draws the same members" }),
    dueAt: t.expose("dueAt", {
      type: "DateTime",
      nullable: true,
      description: "The callbacks' deadline given at the draw (null: per member, or none)",
    }),
    createdBy: t.relation("createdBy", { nullable: true, description: "Who drew it" }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was drawn" }),
    members: t.relatedConnection(
      "members",
      {
        cursor: "id",
        totalCount: true,
        query: { orderBy: [{ reason: "asc" }, { id: "asc" }] },
        description: "The members and why each is there",
      },
      CallbackSampleMemberConnection,
    ),
  }),
});

builder.prismaObject("CallbackSampleMember", {
  description: "CB-3, CB-4: one member of a callback sample and why it is there",
  fields: (t) => ({
    id: t.exposeID("id", { description: "The member's id" }),
    reason: t.expose("reason", { type: ReasonEnum, description: "Why it is in the sample" }),
    why: t.string({
      description: "Why this household or complainant is in the sample",
      select: { sample: { select: { kind: true, rate: true, populationSize: true, sampleSize: true } } },
      resolve: (m) => memberWhy(m.sample.kind, m.reason, { ...m.sample, rate: Number(m.sample.rate) }),
    }),
    household: t.relation("household", {
      nullable: true,
      description: "The household called back (HOUSEHOLD programmes, or the complaint's)",
    }),
    complaint: t.prismaField({
      type: "Complaint",
      nullable: true,
      description: "The complaint called back about (null when outside your scope)",
      resolve: (query, m, _a, ctx) => scopedComplaint(ctx, query, m.complaintId),
    }),
    customer: t.prismaField({
      type: "Customer",
      nullable: true,
      description: "The customer called back (fields under the customer rules; null when outside your scope)",
      resolve: (query, m, _a, ctx) => scopedCustomer(ctx, query, m.customerId),
    }),
    callbacks: t.relation("callbacks", {
      description: "The callback planned for this member",
      query: (_a, ctx) => ({ where: callbackScope(ctx), orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    }),
  }),
});

// ---- drawing ----

const DrawCallbackSampleInput = builder.inputType("DrawCallbackSampleInput", {
  description: "CB-3, CB-4: which programme's population to sample, over which period, at which rate",
  fields: (t) => ({
    kind: t.field({ type: CallbackSampleKindEnum, required: true, description: "The programme" }),
    estateId: t.globalID({
      required: false,
      description: "Omit for every estate (company-level staff); an EVENT sample takes its event's estate",
    }),
    periodStart: t.field({ type: "DateTime", required: true, description: "The period's start (inclusive)" }),
    periodEnd: t.field({ type: "DateTime", required: true, description: "Exclusive; at most a year after the start" }),
    communityEventId: t.globalID({ required: false, description: "CB-4: required for EVENT samples" }),
    rate: t.float({
      required: false,
      description:
        "A share, 0 < rate ≤ 1 (0.35 = 35%). Default: the policy in force at periodStart (CB-3.periodicSample, CB-4.repairCallback, CB-4.eventCallback); other kinds must give it",
    }),
    seed: t.string({ required: false, description: "Default: a fresh random seed (stored with the sample; at most 200 characters)" }),
    dueAt: t.field({
      type: "DateTime",
      required: false,
      description:
        "The callbacks' deadline. Default: REPAIR resolution + SLA-11.repairCallback, EVENT a month after the event, otherwise none",
    }),
    assignedToId: t.globalID({ required: false, description: "CB-2: who calls back. Default: the estate's property assistant" }),
  }),
});

builder.mutationField("drawCallbackSample", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "CallbackSample",
    description:
      "CB-3, CB-4: draws a reproducible sample of a programme's population, stores it with its seed and each member's reason, and plans one callback per member",
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: DrawCallbackSampleInput, required: true, description: "The programme, period and rate" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await drawCallbackSample(ctx, {
        ...input,
        estateId: input.estateId?.id ?? null,
        communityEventId: input.communityEventId?.id ?? null,
        assignedToId: input.assignedToId?.id ?? null,
      });
      return ctx.prisma.callbackSample.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

// ---- checking a draw ----

const CheckRef = builder.objectRef<SampleCheck>("CallbackSampleCheck").implement({
  description: "CB-3: a sample redrawn from its stored seed over its population as the data stand now",
  fields: (t) => ({
    sample: t.prismaField({
      type: "CallbackSample",
      description: "The sample checked",
      resolve: (query, c, _a, ctx) => ctx.prisma.callbackSample.findUniqueOrThrow({ ...query, where: { id: c.sample.id } }),
    }),
    identical: t.exposeBoolean("identical", { description: "The redraw gives exactly the stored members (manually added ones aside)" }),
    populationSize: t.exposeInt("populationSize", {
      description: "The population now; differs from the sample's when the period's facts changed since the draw",
    }),
    storedPopulationSize: t.int({ description: "The population at the draw", resolve: (c) => c.sample.populationSize }),
    sampleSize: t.exposeInt("sampleSize", { description: "Members the redraw gives" }),
    storedSampleSize: t.int({ description: "Members stored at the draw", resolve: (c) => c.sample.sampleSize }),
    missing: t.exposeInt("missing", { description: "Stored members the redraw does not give" }),
    unexpected: t.exposeInt("unexpected", { description: "Members the redraw gives that are not stored" }),
  }),
});

builder.queryField("verifyCallbackSample", (t) =>
  t.field({
    type: CheckRef,
    nullable: true,
    description:
      "CB-3: redraws a sample from its stored seed and population and says whether the members are identical (null: no such sample in your scope)",
    authScopes: { permission: "complaints:read" },
    args: { id: t.arg.globalID({ required: true, description: "The sample" }) },
    resolve: (_r, { id }, ctx) => verifyCallbackSample(ctx, id.id),
  }),
);

const CallbackSampleFilter = builder.inputType("CallbackSampleFilter", {
  description: "CB-3, CB-4: which samples to list (all conditions apply)",
  fields: (t) => ({
    kind: t.field({ type: [CallbackSampleKindEnum], required: false, description: "Any of these programmes" }),
    estateId: t.globalID({ required: false, description: "One estate" }),
    periodFrom: t.field({ type: "DateTime", required: false, description: "Samples whose period ends after this" }),
    periodBefore: t.field({ type: "DateTime", required: false, description: "Samples whose period starts before this" }),
  }),
});

function sampleWhere(ctx: Context, f: typeof CallbackSampleFilter.$inferInput | null | undefined): Prisma.CallbackSampleWhereInput {
  const and: Prisma.CallbackSampleWhereInput[] = [sampleScope(ctx)];
  if (f?.kind?.length) and.push({ kind: { in: f.kind as CallbackSampleKind[] } });
  if (f?.estateId) and.push({ estateId: f.estateId.id });
  if (f?.periodFrom) and.push({ periodEnd: { gt: f.periodFrom } });
  if (f?.periodBefore) and.push({ periodStart: { lt: f.periodBefore } });
  return { AND: and };
}

builder.queryField("callbackSamples", (t) =>
  t.prismaConnection(
    {
      type: "CallbackSample",
      cursor: "id",
      description: "CB-3, CB-4: callback samples in your scope, latest period first",
      authScopes: { permission: "complaints:read" },
      args: { filter: t.arg({ type: CallbackSampleFilter, required: false, description: "Which samples; omit for all in your scope" }) },
      totalCount: (_p, args, ctx) => ctx.prisma.callbackSample.count({ where: sampleWhere(ctx, args.filter) }),
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.callbackSample.findMany({
          ...query,
          where: sampleWhere(ctx, args.filter),
          orderBy: [{ periodStart: "desc" }, { createdAt: "desc" }, { id: "asc" }],
        }),
    },
    CallbackSampleConnection,
  ),
);

// ---- CB-5: phone share ----

const MethodShareRef = builder.objectRef<ReturnType<typeof methodShare>>("CallbackMethodShare").implement({
  description: "CB-5, SPEC §11: phone callbacks ÷ every callback made (reached or not), at most CB-5.phoneShareMax",
  fields: (t) => ({
    numerator: t.exposeInt("numerator", { description: "Callbacks made by PHONE in the period, reached or not" }),
    denominator: t.exposeInt("denominator", { description: "Callbacks made in the period by any method, reached or not" }),
    rate: t.float({ nullable: true, description: "numerator ÷ denominator; null when nothing was done", resolve: (s) => s.rate }),
    callbacksDone: t.exposeInt("callbacksDone", { description: "Callbacks made (= denominator)" }),
    visitsDone: t.exposeInt("visitsDone", { description: "VIS-1 household visits (area visits reach no household)" }),
    shareOfCallbacks: t.float({
      nullable: true,
      description: "The same as rate (kept for callers of the earlier contract)",
      resolve: (s) => s.shareOfCallbacks,
    }),
    shareOfContacts: t.float({
      nullable: true,
      description:
        "A second, differently named figure: 000 §6 4.3.1's reading, phone callbacks ÷ (callbacks made + household visits); not judged against the limit",
      resolve: (s) => s.shareOfContacts,
    }),
    max: t.float({
      nullable: true,
      description: "CB-5.phoneShareMax in force at the period's start, as a share (0.5)",
      resolve: (s) => s.max,
    }),
    withinLimit: t.exposeBoolean("withinLimit", {
      description: "CB-5: the share is at most CB-5.phoneShareMax (true when nothing was done or no limit is in force)",
    }),
  }),
});

builder.queryField("callbackMethodShare", (t) =>
  t.withAuth({ permission: "reports:read" }).field({
    type: MethodShareRef,
    description: "CB-5: the share of phone callbacks in [from, to) for your estates or one of them, counted in SQL",
    args: {
      from: t.arg({ type: "DateTime", required: true, description: "The period's start (inclusive)" }),
      to: t.arg({ type: "DateTime", required: true, description: "The period's end (exclusive)" }),
      estateId: t.arg.globalID({ required: false, description: "One estate of your scope; omit for all of them" }),
    },
    resolve: async (_r, args, ctx) => {
      if (args.to <= args.from) throw new InputError("to", msg("callbackSamplePeriodOrder"));
      const scope = estateFilter(ctx);
      const estateId = args.estateId?.id ?? null;
      if (estateId && scope && !scope.in.includes(estateId)) throw new InputError("estateId", msg("callbackSampleEstateScope"));
      const where = { ...inEstates(ctx), ...(estateId ? { estateId } : {}) };
      // CB-5, §11, issue 16 item 3: the one phone share (the PHONE_SHARE figure of `metrics`:
      // phone callbacks ÷ every callback made, reached or not), over the callbacks the caller may
      // know exist (SEC-2, SEC-7, issue 15 item 8).
      const phone = (await figureRatios(signedIn(ctx), ["PHONE_SHARE"], args, estateId ? [estateId] : (scope?.in ?? null))).PHONE_SHARE;
      const visits = await ctx.prisma.visitRecord.count({
        where: { ...where, householdId: { not: null }, visitedAt: { gte: args.from, lt: args.to } },
      });
      const max = await policyNumberAt(ctx.prisma, ctx.organizationId, "CB-5.phoneShareMax", estateId, args.from);
      return methodShare(phone, visits, max);
    },
  }),
);
