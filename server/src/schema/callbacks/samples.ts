import { randomUUID } from "node:crypto";
import { CallbackSampleKind, SampleReason, type CallbackSample, type Prisma } from "@tingjian/prisma/client";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { createCallbacks } from "../../services/callbacks/create.ts";
import { drawSample, newSeed } from "../../domain/sampling/draw.ts";
import { loadPopulation } from "../../domain/callbacks/populations.ts";
import { policyNumberAt, policyRows } from "../../domain/callbacks/policy-number.ts";
import { methodShare } from "../../domain/callbacks/phone-share.ts";
import { callbackLevel, compareDraws, durationMs, memberKey, memberWhy, monthAfter, rateRefusal, SAMPLE_RULES, storedRate, type PopulationMember } from "../../domain/callbacks/sample-rules.ts";
import { policyAt } from "../../domain/policies/policy-at.ts";
import { InputError } from "../../errors/typed-errors.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { estateFilter, inEstates, inOrganization, scopedNode } from "../../access/read-scope.ts";
import { scopedComplaint, scopedCustomer } from "../scoped-rows.ts";
import { callbackScope } from "./callback.ts";

/**
 * CB-3 periodic and sampling callbacks, CB-4 repair, event, holiday, move-in and emergency
 * callbacks: a programme draws a reproducible sample of its population (SAMPLE_RULES), stores the
 * seed, the rate in force and each member's reason, and plans one callback per member. CB-5: the
 * share of phone callbacks among all visits.
 */
export const CallbackSampleKindEnum = builder.enumType(CallbackSampleKind, { name: "CallbackSampleKind", description: "CB-3, CB-4 callback programmes" });
// Named apart from the survey samples' reasons (SUR-2), which are drawn by their own programme.
const ReasonEnum = builder.enumType(SampleReason, { name: "CallbackSampleReason", description: "Why a member is in a callback sample" });

/** Samples the caller may see: of its estates (an all-estates sample only for company-level staff); none for the developer liaison. */
function sampleScope(ctx: Context): Prisma.CallbackSampleWhereInput {
  if (ctx.viewer?.role === "DEVELOPER_LIAISON") return { id: { in: [] } };
  return inEstates(ctx);
}

builder.prismaNode("CallbackSample", {
  ...scopedNode(sampleScope),
  authScopes: { permission: "complaints:read" },
  description: "CB-3, CB-4: a callback sample, reproducible from its stored seed (verifyCallbackSample)",
  fields: (t) => ({
    kind: t.expose("kind", { type: CallbackSampleKindEnum }),
    estate: t.relation("estate", { nullable: true, description: "Null: every estate" }),
    communityEventId: t.id({ nullable: true, description: "CB-4: the community event (EVENT samples)", resolve: (s) => (s.communityEventId ? encodeGlobalID("CommunityEvent", s.communityEventId) : null) }),
    population: t.string({ description: "Who the population is", resolve: (s) => SAMPLE_RULES[s.kind].population }),
    periodStart: t.expose("periodStart", { type: "DateTime" }),
    periodEnd: t.expose("periodEnd", { type: "DateTime", description: "Exclusive" }),
    rate: t.float({ description: "The share drawn (0.35 = 35%): the policy value in force at the period's start unless given", resolve: (s) => Number(s.rate) }),
    populationSize: t.exposeInt("populationSize"),
    sampleSize: t.exposeInt("sampleSize", { description: "At least rate × population, rounded up" }),
    seed: t.exposeString("seed", { description: "The random seed: the same seed over the same population draws the same members" }),
    dueAt: t.expose("dueAt", { type: "DateTime", nullable: true }),
    createdBy: t.relation("createdBy", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    members: t.relatedConnection("members", { cursor: "id", totalCount: true, query: { orderBy: [{ reason: "asc" }, { id: "asc" }] } }),
  }),
});

builder.prismaObject("CallbackSampleMember", {
  description: "CB-3, CB-4: one member of a callback sample and why it is there",
  fields: (t) => ({
    id: t.exposeID("id"),
    reason: t.expose("reason", { type: ReasonEnum }),
    why: t.string({
      description: "Why this household or complainant is in the sample",
      select: { sample: { select: { kind: true, rate: true, populationSize: true, sampleSize: true } } },
      resolve: (m) => memberWhy(m.sample.kind, m.reason, { ...m.sample, rate: Number(m.sample.rate) }),
    }),
    household: t.relation("household", { nullable: true }),
    complaint: t.prismaField({
      type: "Complaint", nullable: true, description: "The complaint called back about (null when outside your scope)",
      resolve: (query, m, _a, ctx) => scopedComplaint(ctx, query, m.complaintId),
    }),
    customer: t.prismaField({
      type: "Customer", nullable: true, description: "The customer called back (fields under the customer rules; null when outside your scope)",
      resolve: (query, m, _a, ctx) => scopedCustomer(ctx, query, m.customerId),
    }),
    callbacks: t.relation("callbacks", { description: "The callback planned for this member", query: (_a, ctx) => ({ where: callbackScope(ctx), orderBy: [{ createdAt: "asc" }, { id: "asc" }] }) }),
  }),
});

// ---- drawing ----

const DrawCallbackSampleInput = builder.inputType("DrawCallbackSampleInput", {
  fields: (t) => ({
    kind: t.field({ type: CallbackSampleKindEnum, required: true }),
    estateId: t.globalID({ required: false, description: "Omit for every estate (company-level staff); an EVENT sample takes its event's estate" }),
    periodStart: t.field({ type: "DateTime", required: true }),
    periodEnd: t.field({ type: "DateTime", required: true, description: "Exclusive; at most a year after the start" }),
    communityEventId: t.globalID({ required: false, description: "CB-4: required for EVENT samples" }),
    rate: t.float({ required: false, description: "A share, 0 < rate ≤ 1 (0.35 = 35%). Default: the policy in force at periodStart (CB-3.periodicSample, CB-4.repairCallback, CB-4.eventCallback); other kinds must give it" }),
    seed: t.string({ required: false, description: "Default: a fresh random seed (stored with the sample)" }),
    dueAt: t.field({ type: "DateTime", required: false, description: "The callbacks' deadline. Default: REPAIR resolution + SLA-11.repairCallback, EVENT a month after the event, otherwise none" }),
    assignedToId: t.globalID({ required: false, description: "CB-2: who calls back. Default: the estate's property assistant" }),
  }),
});
type DrawInput = typeof DrawCallbackSampleInput.$inferInput;

const YEAR_MS = 366 * 86_400_000;

/** The estate of the sample: the event's, the one given (in scope), the caller's only one, or all. */
async function sampleEstate(ctx: Context, input: DrawInput): Promise<{ estateId: string | null; event: { id: string; heldOn: Date } | null }> {
  const scope = estateFilter(ctx);
  const inScope = (id: string) => !scope || scope.in.includes(id);
  let estateId = input.estateId?.id ?? null;
  if (estateId && !(inScope(estateId) && (await ctx.prisma.estate.findFirst({ where: { id: estateId, ...inOrganization(ctx) }, select: { id: true } })))) {
    throw new InputError("input.estateId", "No such estate in your scope");
  }
  if (input.kind !== "EVENT") {
    if (input.communityEventId) throw new InputError("input.communityEventId", "Only EVENT samples have a community event");
  } else {
    if (!input.communityEventId) throw new InputError("input.communityEventId", "An EVENT sample needs its community event (CB-4)");
    const event = await ctx.prisma.communityEvent.findFirst({ where: { id: input.communityEventId.id, ...inEstates(ctx) }, select: { id: true, estateId: true, heldOn: true } });
    if (!event) throw new InputError("input.communityEventId", "No such community event in your scope");
    if (estateId && estateId !== event.estateId) throw new InputError("input.estateId", "The event belongs to another estate");
    return { estateId: event.estateId, event };
  }
  if (!estateId && scope) {
    if (scope.in.length !== 1) throw new InputError("input.estateId", "Your scope does not cover every estate: name the estate");
    estateId = scope.in[0]!;
  }
  return { estateId, event: null };
}

async function validate(ctx: Context, input: DrawInput, estateId: string | null): Promise<{ rate: number; seed: string; assignee: string | null }> {
  const rule = SAMPLE_RULES[input.kind];
  let rate = input.rate ?? null;
  if (rate !== null) {
    const refusal = rateRefusal(rate);
    if (refusal) throw new InputError("input.rate", refusal);
  } else {
    // SPEC preamble: the rate of a period is the policy in force when it began.
    const percent = rule.policyKey ? await policyNumberAt(ctx.prisma, ctx.organizationId!, rule.policyKey, estateId, input.periodStart) : null;
    if (percent === null || percent <= 0) throw new InputError("input.rate", `No policy rate for ${input.kind} samples: give the rate`);
    rate = Math.min(1, percent / 100);
  }
  rate = storedRate(rate);
  const seed = input.seed?.trim() || newSeed();
  if (seed.length > 200) throw new InputError("input.seed", "seed is longer than 200 characters");
  if (input.dueAt && input.dueAt <= input.periodStart) throw new InputError("input.dueAt", "The callbacks fall due after the period begins");
  let assignee: string | null = null;
  if (input.assignedToId) {
    const staff = await ctx.prisma.staff.findFirst({
      where: { id: input.assignedToId.id, ...inOrganization(ctx), active: true, OR: [{ allEstates: true }, ...(estateId ? [{ estateScopes: { some: { estateId } } }] : [])] },
      select: { id: true },
    });
    if (!staff) throw new InputError("input.assignedToId", "No active staff member working on the sample's estates");
    assignee = staff.id;
  }
  return { rate, seed, assignee };
}

/** CB-2: a general callback is made by the estate's property assistant (the first by login). */
async function propertyAssistants(ctx: Context, estateIds: string[]): Promise<Map<string, string>> {
  const staff = await ctx.prisma.staff.findMany({
    where: { ...inOrganization(ctx), role: "PROPERTY_ASSISTANT", active: true, estateScopes: { some: { estateId: { in: estateIds } } } },
    select: { id: true, estateScopes: { where: { estateId: { in: estateIds } }, select: { estateId: true } } },
    orderBy: [{ login: "asc" }, { id: "asc" }],
  });
  const byEstate = new Map<string, string>();
  for (const s of staff) for (const e of s.estateScopes) if (!byEstate.has(e.estateId)) byEstate.set(e.estateId, s.id);
  return byEstate;
}

/** The callbacks' deadlines: given, or SLA-11 after each repair (the policy in force then, per estate), or a month after the event (CB-4). */
async function dueDates(ctx: Context, input: DrawInput, members: PopulationMember[], event: { heldOn: Date } | null): Promise<(Date | null)[]> {
  if (input.dueAt) return members.map(() => input.dueAt!);
  if (event) return members.map(() => monthAfter(event.heldOn));
  if (input.kind !== "REPAIR") return members.map(() => null);
  const rows = await policyRows(ctx.prisma, ctx.organizationId!, "SLA-11.repairCallback");
  return members.map((m) => {
    const p = policyAt(rows, "SLA-11.repairCallback", m.estateId, m.resolvedAt!)?.value;
    return new Date(m.resolvedAt!.getTime() + (durationMs(p?.value ?? null, p?.unit ?? null) ?? 7 * 86_400_000));
  });
}

builder.mutationField("drawCallbackSample", (t) =>
  t.prismaField({
    type: "CallbackSample",
    description: "CB-3, CB-4: draws a reproducible sample of a programme's population, stores it with its seed and each member's reason, and plans one callback per member",
    authScopes: { permission: "complaints:write" },
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: DrawCallbackSampleInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      if (input.periodEnd <= input.periodStart) throw new InputError("input.periodEnd", "The period ends after it starts");
      if (input.periodEnd.getTime() - input.periodStart.getTime() > YEAR_MS) throw new InputError("input.periodEnd", "A sample covers at most a year");
      const { estateId, event } = await sampleEstate(ctx, input);
      const { rate, seed, assignee } = await validate(ctx, input, estateId);
      // One programme per period: a second, overlapping sample would call the same people twice.
      const overlapping = await ctx.prisma.callbackSample.findFirst({
        where: {
          ...inOrganization(ctx), kind: input.kind, periodStart: { lt: input.periodEnd }, periodEnd: { gt: input.periodStart },
          ...(event ? { communityEventId: event.id } : estateId ? { OR: [{ estateId }, { estateId: null }] } : {}),
        },
        select: { id: true },
      });
      if (overlapping) throw new InputError("input.periodStart", `A ${input.kind} sample of an overlapping period exists already (${encodeGlobalID("CallbackSample", overlapping.id)})`);
      const population = await loadPopulation(ctx.prisma, { organizationId: ctx.organizationId!, kind: input.kind, estateIds: estateId ? [estateId] : null, periodStart: input.periodStart, periodEnd: input.periodEnd });
      const drawn = drawSample(population, { key: (m) => m.key, rate, seed });
      const sample = await ctx.prisma.callbackSample.create({
        data: {
          organizationId: ctx.organizationId!, kind: input.kind, estateId, communityEventId: event?.id ?? null, periodStart: input.periodStart, periodEnd: input.periodEnd,
          rate, populationSize: population.length, sampleSize: drawn.length, seed, dueAt: input.dueAt ?? null, createdById: ctx.viewer!.staffId, createdAt: ctx.now,
        },
        select: { id: true },
      });
      const members = drawn.map((d) => ({ id: randomUUID(), ...d }));
      await ctx.prisma.callbackSampleMember.createMany({
        data: members.map((m) => ({ id: m.id, organizationId: ctx.organizationId!, sampleId: sample.id, complaintId: m.item.complaintId, householdId: m.item.householdId, customerId: m.item.customerId, reason: m.reason })),
      });
      const assistants = assignee ? null : await propertyAssistants(ctx, [...new Set(drawn.map((d) => d.item.estateId))]);
      const due = await dueDates(ctx, input, drawn.map((d) => d.item), event);
      await createCallbacks(ctx.prisma, members.map((m, i) => ({
        organizationId: ctx.organizationId!, kind: SAMPLE_RULES[input.kind].callbackKind, estateId: m.item.estateId, complaintId: m.item.complaintId,
        householdId: m.item.householdId, customerId: m.item.customerId, assignedToId: assignee ?? assistants!.get(m.item.estateId) ?? null,
        dueAt: due[i], sampleMemberId: m.id, communityEventId: event?.id ?? null, classification: callbackLevel(m.item), createdAt: ctx.now,
      })));
      return ctx.prisma.callbackSample.findUniqueOrThrow({ ...nonEmpty(query), where: { id: sample.id } });
    },
  }),
);

// ---- checking a draw ----

interface Check {
  sample: CallbackSample;
  identical: boolean;
  populationSize: number;
  sampleSize: number;
  missing: number;
  unexpected: number;
}

const CheckRef = builder.objectRef<Check>("CallbackSampleCheck").implement({
  description: "CB-3: a sample redrawn from its stored seed over its population as the data stand now",
  fields: (t) => ({
    sample: t.prismaField({ type: "CallbackSample", resolve: (query, c, _a, ctx) => ctx.prisma.callbackSample.findUniqueOrThrow({ ...query, where: { id: c.sample.id } }) }),
    identical: t.exposeBoolean("identical", { description: "The redraw gives exactly the stored members (manually added ones aside)" }),
    populationSize: t.exposeInt("populationSize", { description: "The population now; differs from the sample's when the period's facts changed since the draw" }),
    storedPopulationSize: t.int({ resolve: (c) => c.sample.populationSize }),
    sampleSize: t.exposeInt("sampleSize", { description: "Members the redraw gives" }),
    storedSampleSize: t.int({ resolve: (c) => c.sample.sampleSize }),
    missing: t.exposeInt("missing", { description: "Stored members the redraw does not give" }),
    unexpected: t.exposeInt("unexpected", { description: "Members the redraw gives that are not stored" }),
  }),
});

builder.queryField("verifyCallbackSample", (t) =>
  t.field({
    type: CheckRef,
    nullable: true,
    description: "CB-3: redraws a sample from its stored seed and population and says whether the members are identical (null: no such sample in your scope)",
    authScopes: { permission: "complaints:read" },
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (_r, { id }, ctx) => {
      const sample = await ctx.prisma.callbackSample.findFirst({ where: { id: id.id, AND: [sampleScope(ctx)] } });
      if (!sample) return null;
      const stored = await ctx.prisma.callbackSampleMember.findMany({ where: { sampleId: sample.id }, select: { reason: true, complaintId: true, householdId: true, customerId: true } });
      const population = await loadPopulation(ctx.prisma, { organizationId: sample.organizationId, kind: sample.kind, estateIds: sample.estateId ? [sample.estateId] : null, periodStart: sample.periodStart, periodEnd: sample.periodEnd });
      const redrawn = drawSample(population, { key: (m) => m.key, rate: Number(sample.rate), seed: sample.seed });
      const keyKind = SAMPLE_RULES[sample.kind].keyKind;
      const cmp = compareDraws(stored.map((m) => ({ key: memberKey(keyKind, m), reason: m.reason })), redrawn);
      return { sample, identical: cmp.identical, populationSize: population.length, sampleSize: redrawn.length, missing: cmp.missing.length, unexpected: cmp.unexpected.length };
    },
  }),
);

const CallbackSampleFilter = builder.inputType("CallbackSampleFilter", {
  fields: (t) => ({
    kind: t.field({ type: [CallbackSampleKindEnum], required: false }),
    estateId: t.globalID({ required: false }),
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
  t.prismaConnection({
    type: "CallbackSample",
    cursor: "id",
    description: "CB-3, CB-4: callback samples in your scope, latest period first",
    authScopes: { permission: "complaints:read" },
    args: { filter: t.arg({ type: CallbackSampleFilter, required: false }) },
    totalCount: (_p, args, ctx) => ctx.prisma.callbackSample.count({ where: sampleWhere(ctx, args.filter) }),
    resolve: (query, _r, args, ctx) => ctx.prisma.callbackSample.findMany({ ...query, where: sampleWhere(ctx, args.filter), orderBy: [{ periodStart: "desc" }, { createdAt: "desc" }, { id: "asc" }] }),
  }),
);

// ---- CB-5: phone share ----

const MethodShareRef = builder.objectRef<ReturnType<typeof methodShare>>("CallbackMethodShare").implement({
  description: "CB-5 (000 §6 4.3.1): phone callbacks ÷ every contact done (callbacks by any method and household visits), at most CB-5.phoneShareMax",
  fields: (t) => ({
    numerator: t.exposeInt("numerator", { description: "Callbacks done by PHONE (the customer reached) in the period" }),
    denominator: t.exposeInt("denominator", { description: "Callbacks done by any method plus household visits recorded in the period" }),
    rate: t.float({ nullable: true, description: "numerator ÷ denominator; null when nothing was done", resolve: (s) => s.rate }),
    callbacksDone: t.exposeInt("callbacksDone"),
    visitsDone: t.exposeInt("visitsDone", { description: "VIS-1 household visits (area visits reach no household)" }),
    shareOfCallbacks: t.float({ nullable: true, description: "SPEC §11 reading: phone callbacks ÷ callbacks done", resolve: (s) => s.shareOfCallbacks }),
    max: t.float({ nullable: true, description: "CB-5.phoneShareMax in force at the period's start, as a share (0.5)", resolve: (s) => s.max }),
    withinLimit: t.exposeBoolean("withinLimit"),
  }),
});

builder.queryField("callbackMethodShare", (t) =>
  t.field({
    type: MethodShareRef,
    description: "CB-5: the share of phone callbacks in [from, to) for your estates or one of them, counted in SQL",
    authScopes: { permission: "reports:read" },
    args: { from: t.arg({ type: "DateTime", required: true }), to: t.arg({ type: "DateTime", required: true }), estateId: t.arg.globalID({ required: false }) },
    resolve: async (_r, args, ctx) => {
      if (args.to <= args.from) throw new InputError("to", "The period ends after it starts");
      const scope = estateFilter(ctx);
      const estateId = args.estateId?.id ?? null;
      if (estateId && scope && !scope.in.includes(estateId)) throw new InputError("estateId", "No such estate in your scope");
      const where = { ...inEstates(ctx), ...(estateId ? { estateId } : {}) };
      // SEC-2, SEC-7, issue 15 item 8: the callbacks counted are those the caller may know exist
      // (callbackScope: a TOP_SECRET complaint's callbacks only for those who may know it), so the
      // share never differs from the callbacks the caller can list.
      const byMethod = await ctx.prisma.callback.groupBy({ by: ["method"], where: { AND: [callbackScope(ctx), where, { status: "DONE", calledAt: { gte: args.from, lt: args.to } }] }, _count: { _all: true } });
      const visits = await ctx.prisma.visitRecord.count({ where: { ...where, householdId: { not: null }, visitedAt: { gte: args.from, lt: args.to } } });
      const max = await policyNumberAt(ctx.prisma, ctx.organizationId!, "CB-5.phoneShareMax", estateId, args.from);
      return methodShare(byMethod.map((g) => ({ method: g.method, count: g._count._all })), visits, max);
    },
  }),
);
