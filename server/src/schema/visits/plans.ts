import { VisitPlanStatus, type Prisma, type VisitPlan } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { policyNumberAt } from "../../domain/callbacks/policy-number.ts";
import { coverage, monthBounds, monthStartOf, targetVisits } from "../../domain/visits/visit-month.ts";
import { InputError } from "../../errors/typed-errors.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { inEstates, inOrganization, scopedNode } from "../../access/read-scope.ts";

/**
 * VIS-1 (000 §6 4.3.1): each office visits at least 10% of its resident households a month
 * (VIS-1.monthlyVisitRate, per estate overridable). A month's plan snapshots the resident
 * households (§1 常住户, the denominator) and the target; its progress is counted in SQL.
 * Commercial estates: 001 §1 asks 100% of commercial tenants a year. That is a per-estate
 * override of VIS-1.monthlyVisitRate (e.g. 8.34% a month, so twelve months of distinct tenants
 * reach everyone) — the mechanism is the policy value, not a special case here.
 */
export const VisitPlanStatusEnum = builder.enumType(VisitPlanStatus, { name: "VisitPlanStatus", description: "VIS-2: ACTIVE until the director's month-end review, then REVIEWED" });

/** Visits of the caller's estates; the developer liaison's business is not the households' visits. */
export function visitScope(ctx: Context): { organizationId: string; estateId?: { in: string[] } } | { id: { in: [] } } {
  if (ctx.viewer?.role === "DEVELOPER_LIAISON") return { id: { in: [] } };
  return inEstates(ctx);
}

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);

interface Progress { visits: number; householdsVisited: number; unresolvedWithoutReport: number }

/**
 * VIS-1 progress of plans, one SQL statement for any number of plans (a page of the list): visits
 * recorded, distinct households visited, and VIS-2's unresolved visits still without a report.
 */
async function loadProgress(ctx: Context, planIds: string[]): Promise<Map<string, Progress>> {
  if (planIds.length === 0) return new Map();
  const rows = await ctx.prisma.$queryRaw<{ planId: string; visits: number; households: number; open: number }[]>`
    SELECT r.plan_id AS "planId", count(*)::int AS visits, count(DISTINCT r.household_id)::int AS households,
           count(*) FILTER (WHERE r.resolved = false AND NOT EXISTS (SELECT 1 FROM nonconformity_reports n WHERE n.visit_record_id = r.id))::int AS open
      FROM visit_records r
     WHERE r.organization_id = ${ctx.organizationId}::uuid AND r.plan_id = ANY(${planIds}::uuid[])
     GROUP BY r.plan_id`;
  return new Map(rows.map((r) => [r.planId, { visits: r.visits, householdsVisited: r.households, unresolvedWithoutReport: r.open }]));
}

/** Progress computed for a page of plans by the list, so that the page costs one query, not one per plan. */
const pageProgress = new WeakMap<object, Progress>();

async function progressOf(ctx: Context, plan: VisitPlan): Promise<Progress> {
  return pageProgress.get(plan) ?? (await loadProgress(ctx, [plan.id])).get(plan.id) ?? { visits: 0, householdsVisited: 0, unresolvedWithoutReport: 0 };
}

const CoverageRef = builder.objectRef<ReturnType<typeof coverage>>("VisitCoverage").implement({
  description: "§11 visit rate: distinct households visited in the month ÷ resident households (the plan's snapshot)",
  fields: (t) => ({
    numerator: t.exposeInt("numerator"),
    denominator: t.exposeInt("denominator"),
    rate: t.float({ nullable: true, resolve: (c) => c.rate }),
  }),
});

const ProgressRef = builder.objectRef<Progress & { plan: VisitPlan }>("VisitPlanProgress").implement({
  description: "VIS-1: how far the month's visits have come",
  fields: (t) => ({
    visits: t.exposeInt("visits", { description: "Visit records of the month (area visits included)" }),
    householdsVisited: t.exposeInt("householdsVisited", { description: "Distinct households visited" }),
    coverage: t.field({ type: CoverageRef, resolve: (p) => coverage(p.householdsVisited, p.plan.residentHouseholds) }),
    targetMet: t.boolean({ description: "Distinct households visited ≥ the target", resolve: (p) => p.householdsVisited >= (p.plan.targetVisits ?? 0) }),
    unresolvedWithoutReport: t.exposeInt("unresolvedWithoutReport", { description: "VIS-2: unresolved visits without a nonconformity report (they block the review)" }),
  }),
});

builder.prismaNode("VisitPlan", {
  ...scopedNode(visitScope),
  authScopes: { permission: "complaints:read" },
  description: "VIS-1, VIS-2: an office's visits of one month, reviewed and signed by the office director at month end",
  fields: (t) => ({
    office: t.relation("office"),
    estate: t.relation("estate"),
    month: t.expose("month", { type: "Date", description: "The month's first day" }),
    residentHouseholds: t.exposeInt("residentHouseholds", { nullable: true, description: "Resident households when the plan was made (the denominator)" }),
    targetVisits: t.exposeInt("targetVisits", { nullable: true, description: "ceil(VIS-1.monthlyVisitRate × resident households)" }),
    status: t.expose("status", { type: VisitPlanStatusEnum }),
    progress: t.field({ type: ProgressRef, resolve: async (p, _a, ctx) => ({ ...(await progressOf(ctx, p)), plan: p }) }),
    createdBy: t.relation("createdBy", { nullable: true }),
    reviewedBy: t.relation("reviewedBy", { nullable: true, description: "VIS-2: the reviewer, whose account is the signature" }),
    reviewedAt: t.expose("reviewedAt", { type: "DateTime", nullable: true }),
    directorSigned: t.exposeBoolean("directorSigned"),
    reviewNote: t.exposeString("reviewNote", { nullable: true }),
    version: t.exposeInt("version", { description: "Optimistic concurrency: send it back with the review" }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

// ---- creating a plan ----

const CreateVisitPlanInput = builder.inputType("CreateVisitPlanInput", {
  fields: (t) => ({
    officeId: t.globalID({ required: true }),
    month: t.field({ type: "Date", required: true, description: "Any day of the month planned" }),
  }),
});

builder.mutationField("createVisitPlan", (t) =>
  t.prismaField({
    type: "VisitPlan",
    description: "VIS-1: an office's visit plan for a month: resident households now, target = ceil(VIS-1.monthlyVisitRate in force at the month's start × resident households)",
    authScopes: { permission: "complaints:write" },
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: CreateVisitPlanInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const office = await ctx.prisma.office.findFirst({ where: { id: input.officeId.id, ...inEstates(ctx) }, select: { id: true, estateId: true, estate: { select: { timezone: true } } } });
      if (!office) throw new InputError("input.officeId", "No such office in your scope");
      const month = monthStartOf(isoDate(input.month));
      const resident = await ctx.prisma.household.count({ where: { ...inOrganization(ctx), estateId: office.estateId, occupied: true } });
      const { start } = monthBounds(office.estate.timezone, month);
      // SPEC preamble: the month is judged by the rate in force when it began (SPEC's 10% if none is set).
      const percent = (await policyNumberAt(ctx.prisma, ctx.organizationId!, "VIS-1.monthlyVisitRate", office.estateId, start)) ?? 10;
      // ON CONFLICT DO NOTHING: a second plan of the month is a typed error, also under a race.
      const written = await ctx.prisma.visitPlan.createMany({
        data: [{
          organizationId: ctx.organizationId!, officeId: office.id, estateId: office.estateId, month: new Date(`${month}T00:00:00Z`),
          residentHouseholds: resident, targetVisits: targetVisits(resident, percent), status: "ACTIVE", createdById: ctx.viewer!.staffId, createdAt: ctx.now,
        }],
        skipDuplicates: true,
      });
      if (written.count === 0) throw new InputError("input.month", `The office has a visit plan for ${month.slice(0, 7)} already`);
      return ctx.prisma.visitPlan.findUniqueOrThrow({
        ...nonEmpty(query),
        where: { organizationId_officeId_month: { organizationId: ctx.organizationId!, officeId: office.id, month: new Date(`${month}T00:00:00Z`) } },
      });
    },
  }),
);

// ---- the list ----

const VisitPlanFilter = builder.inputType("VisitPlanFilter", {
  fields: (t) => ({
    estateId: t.globalID({ required: false }),
    officeId: t.globalID({ required: false }),
    status: t.field({ type: [VisitPlanStatusEnum], required: false }),
    monthFrom: t.field({ type: "Date", required: false, description: "Plans of this month or later" }),
    monthTo: t.field({ type: "Date", required: false, description: "Plans of this month or earlier" }),
  }),
});

function planWhere(ctx: Context, f: typeof VisitPlanFilter.$inferInput | null | undefined): Prisma.VisitPlanWhereInput {
  const and: Prisma.VisitPlanWhereInput[] = [visitScope(ctx)];
  if (f?.estateId) and.push({ estateId: f.estateId.id });
  if (f?.officeId) and.push({ officeId: f.officeId.id });
  if (f?.status?.length) and.push({ status: { in: f.status as VisitPlanStatus[] } });
  if (f?.monthFrom) and.push({ month: { gte: new Date(`${monthStartOf(isoDate(f.monthFrom))}T00:00:00Z`) } });
  if (f?.monthTo) and.push({ month: { lte: new Date(`${monthStartOf(isoDate(f.monthTo))}T00:00:00Z`) } });
  return { AND: and };
}

builder.queryField("visitPlans", (t) =>
  t.prismaConnection({
    type: "VisitPlan",
    cursor: "id",
    description: "VIS-1: visit plans of your estates, latest month first",
    authScopes: { permission: "complaints:read" },
    args: { filter: t.arg({ type: VisitPlanFilter, required: false }) },
    totalCount: (_p, args, ctx) => ctx.prisma.visitPlan.count({ where: planWhere(ctx, args.filter) }),
    resolve: async (query, _r, args, ctx) => {
      const rows = await ctx.prisma.visitPlan.findMany({ ...query, where: planWhere(ctx, args.filter), orderBy: [{ month: "desc" }, { estateId: "asc" }, { id: "asc" }] });
      const progress = await loadProgress(ctx, rows.map((r) => r.id));
      for (const r of rows) pageProgress.set(r, progress.get(r.id) ?? { visits: 0, householdsVisited: 0, unresolvedWithoutReport: 0 });
      return rows;
    },
  }),
);
