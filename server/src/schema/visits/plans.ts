import { VisitPlanStatus, type Prisma, type VisitPlan } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { VisitPlanConnection } from "../connections.ts";
import type { Context } from "../../access/context.ts";
import { coverage, monthStartOf } from "../../domain/visits/visit-month.ts";
import { scopedNode } from "../../access/read-scope.ts";
import { createVisitPlan } from "../../services/visits/plans.ts";
import { isoDate, visitScope } from "../../access/scopes/visits.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { describedValues } from "./enum-values.ts";

/**
 * VIS-1 (000 §6 4.3.1): each office visits at least 10% of its resident households a month
 * (VIS-1.monthlyVisitRate, per estate overridable). A month's plan snapshots the resident
 * households (§1 常住户, the denominator) and the target; its progress is counted in SQL.
 * Commercial estates: 001 §1 asks 100% of commercial tenants a year. That is a per-estate
 * override of VIS-1.monthlyVisitRate (e.g. 8.34% a month, so twelve months of distinct tenants
 * reach everyone) — the mechanism is the policy value, not a special case here.
 */
export const VisitPlanStatusEnum = builder.enumType("VisitPlanStatus", {
  description: "VIS-2: ACTIVE until the director's month-end review, then REVIEWED",
  values: describedValues(VisitPlanStatus, {
    DRAFT: "VIS-1: being prepared (not used by createVisitPlan, which opens plans ACTIVE)",
    ACTIVE: "VIS-1: the month's visits are being recorded",
    REVIEWED: "VIS-2: reviewed and signed by the office director; no more records or amendments",
  }),
});

interface Progress {
  visits: number;
  householdsVisited: number;
  unresolvedWithoutReport: number;
}

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
  return (
    pageProgress.get(plan) ??
    (await loadProgress(ctx, [plan.id])).get(plan.id) ?? { visits: 0, householdsVisited: 0, unresolvedWithoutReport: 0 }
  );
}

const CoverageRef = builder.objectRef<ReturnType<typeof coverage>>("VisitCoverage").implement({
  description: "§11 visit rate: distinct households visited in the month ÷ resident households (the plan's snapshot)",
  fields: (t) => ({
    numerator: t.exposeInt("numerator", { description: "Distinct households visited in the month" }),
    denominator: t.exposeInt("denominator", { description: "Resident households when the plan was made" }),
    rate: t.float({ nullable: true, description: "numerator ÷ denominator; null without resident households", resolve: (c) => c.rate }),
  }),
});

const ProgressRef = builder.objectRef<Progress & { plan: VisitPlan }>("VisitPlanProgress").implement({
  description: "VIS-1: how far the month's visits have come",
  fields: (t) => ({
    visits: t.exposeInt("visits", { description: "Visit records of the month (area visits included)" }),
    householdsVisited: t.exposeInt("householdsVisited", { description: "Distinct households visited" }),
    coverage: t.field({
      type: CoverageRef,
      description: "§11 visit rate of the month",
      resolve: (p) => coverage(p.householdsVisited, p.plan.residentHouseholds),
    }),
    targetMet: t.boolean({
      description: "Distinct households visited ≥ the target",
      resolve: (p) => p.householdsVisited >= (p.plan.targetVisits ?? 0),
    }),
    unresolvedWithoutReport: t.exposeInt("unresolvedWithoutReport", {
      description: "VIS-2: unresolved visits without a nonconformity report (they block the review)",
    }),
  }),
});

builder.prismaNode("VisitPlan", {
  ...scopedNode(visitScope),
  id: { field: "id", description: "VIS-1: the plan's global id" },
  authScopes: { permission: "complaints:read" },
  description: "VIS-1, VIS-2: an office's visits of one month, reviewed and signed by the office director at month end",
  fields: (t) => ({
    office: t.relation("office", { description: "The office whose visits these are" }),
    estate: t.relation("estate", { description: "SPEC §2: the office's estate (the plan's scope)" }),
    month: t.expose("month", { type: "Date", description: "The month's first day" }),
    residentHouseholds: t.exposeInt("residentHouseholds", {
      nullable: true,
      description: "Resident households when the plan was made (the denominator)",
    }),
    targetVisits: t.exposeInt("targetVisits", { nullable: true, description: "ceil(VIS-1.monthlyVisitRate × resident households)" }),
    status: t.expose("status", { type: VisitPlanStatusEnum, description: "VIS-2: ACTIVE, or REVIEWED once signed" }),
    progress: t.field({
      type: ProgressRef,
      description: "VIS-1: visits, households visited, coverage and open items so far",
      resolve: async (p, _a, ctx) => ({ ...(await progressOf(ctx, p)), plan: p }),
    }),
    createdBy: t.relation("createdBy", { nullable: true, description: "Who created the plan" }),
    reviewedBy: t.relation("reviewedBy", { nullable: true, description: "VIS-2: the reviewer, whose account is the signature" }),
    reviewedAt: t.expose("reviewedAt", { type: "DateTime", nullable: true, description: "VIS-2: when the month was reviewed and signed" }),
    directorSigned: t.exposeBoolean("directorSigned", {
      description: "VIS-2: the office director (or company leadership) signed the month's record",
    }),
    reviewNote: t.exposeString("reviewNote", { nullable: true, description: "VIS-2: the reviewer's remarks on the month" }),
    version: t.exposeInt("version", { description: "Optimistic concurrency: send it back with the review" }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the plan was created" }),
  }),
});

// ---- creating a plan ----

const CreateVisitPlanInput = builder.inputType("CreateVisitPlanInput", {
  description: "VIS-1: an office's plan for one month",
  fields: (t) => ({
    officeId: t.globalID({ required: true, description: "An office of your estates" }),
    month: t.field({ type: "Date", required: true, description: "Any day of the month planned" }),
  }),
});

builder.mutationField("createVisitPlan", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "VisitPlan",
    description:
      "VIS-1: an office's visit plan for a month: resident households now, target = ceil(VIS-1.monthlyVisitRate in force at the month's start × resident households)",
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: CreateVisitPlanInput, required: true, description: "The office and the month" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await createVisitPlan(ctx, { officeId: input.officeId.id, month: input.month });
      return ctx.prisma.visitPlan.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

// ---- the list ----

const VisitPlanFilter = builder.inputType("VisitPlanFilter", {
  description: "VIS-1: which plans to list (all given conditions hold)",
  fields: (t) => ({
    estateId: t.globalID({ required: false, description: "Plans of this estate" }),
    officeId: t.globalID({ required: false, description: "Plans of this office" }),
    status: t.field({ type: [VisitPlanStatusEnum], required: false, description: "Plans in any of these states" }),
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
  t.prismaConnection(
    {
      type: "VisitPlan",
      cursor: "id",
      description: "VIS-1: visit plans of your estates, latest month first",
      authScopes: { permission: "complaints:read" },
      args: { filter: t.arg({ type: VisitPlanFilter, required: false, description: "Narrows the list; none = every plan in your scope" }) },
      totalCount: (_p, args, ctx) => ctx.prisma.visitPlan.count({ where: planWhere(ctx, args.filter) }),
      resolve: async (query, _r, args, ctx) => {
        const rows = await ctx.prisma.visitPlan.findMany({
          ...query,
          where: planWhere(ctx, args.filter),
          orderBy: [{ month: "desc" }, { estateId: "asc" }, { id: "asc" }],
        });
        const progress = await loadProgress(
          ctx,
          rows.map((r) => r.id),
        );
        for (const r of rows) pageProgress.set(r, progress.get(r.id) ?? { visits: 0, householdsVisited: 0, unresolvedWithoutReport: 0 });
        return rows;
      },
    },
    VisitPlanConnection,
  ),
);
