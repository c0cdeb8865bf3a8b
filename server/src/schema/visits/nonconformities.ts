import { NonconformityStatus, type NonconformityReport, type Prisma } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { ConflictError, InputError, NotFoundError, requiredText } from "../../errors/typed-errors.ts";
import { conflictErrorType, STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { inOrganization, scopedNode } from "../../access/read-scope.ts";
import { visitScope } from "./plans.ts";

/**
 * VIS-2 (000 §6 4.3.2): an unresolved or badly resolved item found in the visit record gets a
 * nonconformity report (《不合格报告》): a description, an owner and a deadline; it is closed with
 * the verification of what was done. A report past its deadline and not closed is overdue.
 */
const NonconformityStatusEnum = builder.enumType(NonconformityStatus, { name: "NonconformityStatus", description: "VIS-2: OVERDUE = past its deadline and not closed" });

const overdue = (n: Pick<NonconformityReport, "status" | "deadlineAt">, now: Date) => n.status !== "CLOSED" && n.deadlineAt < now;

builder.prismaNode("NonconformityReport", {
  ...scopedNode(visitScope),
  authScopes: { permission: "complaints:read" },
  description: "VIS-2: a nonconformity report with an owner and a deadline",
  fields: (t) => ({
    estate: t.relation("estate"),
    visitPlan: t.relation("visitPlan", { nullable: true }),
    visitRecord: t.relation("visitRecord", { nullable: true }),
    description: t.exposeString("description"),
    owner: t.relation("owner", { nullable: true, description: "Who must put it right" }),
    deadlineAt: t.expose("deadlineAt", { type: "DateTime" }),
    status: t.field({ type: NonconformityStatusEnum, description: "As stored, or OVERDUE once the deadline passed unclosed", resolve: (n, _a, ctx) => (overdue(n, ctx.now) ? "OVERDUE" : n.status) }),
    overdue: t.boolean({ description: "The deadline passed and the report is not closed", resolve: (n, _a, ctx) => overdue(n, ctx.now) }),
    closedAt: t.expose("closedAt", { type: "DateTime", nullable: true }),
    verification: t.exposeString("verification", { nullable: true, description: "How the correction was verified" }),
    createdBy: t.relation("createdBy", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    version: t.exposeInt("version"),
  }),
});

builder.prismaObjectField("VisitPlan", "nonconformities", (t) =>
  t.relation("nonconformities", { description: "VIS-2: the month's nonconformity reports", query: { orderBy: [{ deadlineAt: "asc" }, { id: "asc" }] } }));
builder.prismaObjectField("VisitRecord", "nonconformities", (t) =>
  t.relation("nonconformities", { description: "VIS-2: reports raised on this visit", query: { orderBy: [{ deadlineAt: "asc" }, { id: "asc" }] } }));

const RaiseNonconformityInput = builder.inputType("RaiseNonconformityInput", {
  fields: (t) => ({
    visitRecordId: t.globalID({ required: false, description: "The visit whose item is unresolved (its plan is taken along)" }),
    visitPlanId: t.globalID({ required: false, description: "Or the month's plan, for a finding of the review itself" }),
    description: t.string({ required: true }),
    ownerId: t.globalID({ required: true, description: "The staff member who must put it right (active, working on the estate)" }),
    deadlineAt: t.field({ type: "DateTime", required: true, description: "In the future" }),
  }),
});
type RaiseInput = typeof RaiseNonconformityInput.$inferInput;

/** What the report is about: a visit record of the caller's estates (and its plan), or a plan. */
async function subject(ctx: Context, input: RaiseInput): Promise<{ estateId: string; visitPlanId: string | null; visitRecordId: string | null }> {
  if (input.visitRecordId) {
    const r = await ctx.prisma.visitRecord.findFirst({ where: { id: input.visitRecordId.id, AND: [visitScope(ctx)] }, select: { id: true, planId: true, estateId: true } });
    if (!r) throw new InputError("input.visitRecordId", "No such visit record in your scope");
    if (input.visitPlanId && input.visitPlanId.id !== r.planId) throw new InputError("input.visitPlanId", "The visit belongs to another plan");
    return { estateId: r.estateId, visitPlanId: r.planId, visitRecordId: r.id };
  }
  if (!input.visitPlanId) throw new InputError("input.visitRecordId", "Name the visit record (or the plan) the report is about");
  const p = await ctx.prisma.visitPlan.findFirst({ where: { id: input.visitPlanId.id, AND: [visitScope(ctx)] }, select: { id: true, estateId: true } });
  if (!p) throw new InputError("input.visitPlanId", "No such visit plan in your scope");
  return { estateId: p.estateId, visitPlanId: p.id, visitRecordId: null };
}

builder.mutationField("raiseNonconformity", (t) =>
  t.prismaField({
    type: "NonconformityReport",
    description: "VIS-2: a nonconformity report on an unresolved visit item, with its owner and a deadline in the future",
    authScopes: { permission: "complaints:write" },
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: RaiseNonconformityInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const about = await subject(ctx, input);
      const description = requiredText(input.description, "input.description", 2000);
      const owner = await ctx.prisma.staff.findFirst({
        where: { id: input.ownerId.id, ...inOrganization(ctx), active: true, kind: "HUMAN", OR: [{ allEstates: true }, { estateScopes: { some: { estateId: about.estateId } } }] },
        select: { id: true },
      });
      if (!owner) throw new InputError("input.ownerId", "The owner must be an active staff member working on the estate");
      if (input.deadlineAt <= ctx.now) throw new InputError("input.deadlineAt", "The deadline must be in the future");
      const created = await ctx.prisma.nonconformityReport.create({
        data: { organizationId: ctx.organizationId!, ...about, description, ownerId: owner.id, deadlineAt: input.deadlineAt, status: "OPEN", createdById: ctx.viewer!.staffId, createdAt: ctx.now },
        select: { id: true },
      });
      return ctx.prisma.nonconformityReport.findUniqueOrThrow({ ...nonEmpty(query), where: { id: created.id } });
    },
  }),
);

export class NonconformityConflictError extends ConflictError {}
builder.objectFields(conflictErrorType(NonconformityConflictError, "NonconformityConflictError"), (t) => ({
  current: t.prismaField({ type: "NonconformityReport", resolve: (query, e, _a, ctx) => ctx.prisma.nonconformityReport.findUniqueOrThrow({ ...query, where: { id: e.recordId } }) }),
}));

const CloseNonconformityInput = builder.inputType("CloseNonconformityInput", {
  fields: (t) => ({
    id: t.globalID({ required: true }),
    version: t.int({ required: true, description: "The version read; a stale one gets a NonconformityConflictError and changes nothing" }),
    verification: t.string({ required: true, description: "How the correction was verified" }),
  }),
});

builder.mutationField("closeNonconformity", (t) =>
  t.prismaField({
    type: "NonconformityReport",
    description: "VIS-2: closes a nonconformity report with the verification of the correction",
    authScopes: { permission: "complaints:write" },
    errors: { types: [...STANDARD_ERRORS, NonconformityConflictError] },
    args: { input: t.arg({ type: CloseNonconformityInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const report = await ctx.prisma.nonconformityReport.findFirst({ where: { id: input.id.id, AND: [visitScope(ctx)] }, select: { id: true, version: true, status: true } });
      if (!report) throw new NotFoundError("Nonconformity report");
      if (report.version !== input.version) throw new NonconformityConflictError(report.id, report.version);
      if (report.status === "CLOSED") throw new InputError("input.id", "The report is closed already");
      const verification = requiredText(input.verification, "input.verification", 2000);
      const updated = await ctx.prisma.nonconformityReport.updateMany({
        where: { id: report.id, version: report.version },
        data: { status: "CLOSED", closedAt: ctx.now, verification, version: { increment: 1 } },
      });
      if (updated.count === 0) {
        const now = await ctx.prisma.nonconformityReport.findUniqueOrThrow({ where: { id: report.id }, select: { version: true } });
        throw new NonconformityConflictError(report.id, now.version);
      }
      return ctx.prisma.nonconformityReport.findUniqueOrThrow({ ...nonEmpty(query), where: { id: report.id } });
    },
  }),
);

const NonconformityFilter = builder.inputType("NonconformityFilter", {
  fields: (t) => ({
    estateId: t.globalID({ required: false }),
    visitPlanId: t.globalID({ required: false }),
    ownerId: t.globalID({ required: false }),
    closed: t.boolean({ required: false }),
    overdue: t.boolean({ required: false, description: "Past the deadline and not closed" }),
  }),
});

function reportWhere(ctx: Context, f: typeof NonconformityFilter.$inferInput | null | undefined): Prisma.NonconformityReportWhereInput {
  const and: Prisma.NonconformityReportWhereInput[] = [visitScope(ctx)];
  const late: Prisma.NonconformityReportWhereInput = { status: { not: "CLOSED" }, deadlineAt: { lt: ctx.now } };
  if (f?.estateId) and.push({ estateId: f.estateId.id });
  if (f?.visitPlanId) and.push({ visitPlanId: f.visitPlanId.id });
  if (f?.ownerId) and.push({ ownerId: f.ownerId.id });
  if (f?.closed != null) and.push(f.closed ? { status: "CLOSED" } : { status: { not: "CLOSED" } });
  if (f?.overdue != null) and.push(f.overdue ? late : { NOT: late });
  return { AND: and };
}

builder.queryField("nonconformityReports", (t) =>
  t.prismaConnection({
    type: "NonconformityReport",
    cursor: "id",
    description: "VIS-2: nonconformity reports of your estates, earliest deadline first",
    authScopes: { permission: "complaints:read" },
    args: { filter: t.arg({ type: NonconformityFilter, required: false }) },
    totalCount: (_p, args, ctx) => ctx.prisma.nonconformityReport.count({ where: reportWhere(ctx, args.filter) }),
    resolve: (query, _r, args, ctx) => ctx.prisma.nonconformityReport.findMany({ ...query, where: reportWhere(ctx, args.filter), orderBy: [{ deadlineAt: "asc" }, { id: "asc" }] }),
  }),
);
