import { NonconformityStatus, type NonconformityReport, type Prisma } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { NonconformityReportConnection } from "../connections.ts";
import type { Context } from "../../access/context.ts";
import { scopedNode } from "../../access/read-scope.ts";
import { NonconformityConflictError } from "../../errors/visits.ts";
import { closeNonconformity, raiseNonconformity } from "../../services/visits/nonconformities.ts";
import { visitScope } from "../../access/scopes/visits.ts";
import { conflictErrorType, STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { describedValues } from "./enum-values.ts";

/**
 * VIS-2 (000 §6 4.3.2): an unresolved or badly resolved item found in the visit record gets a
 * nonconformity report (《不合格报告》): a description, an owner and a deadline; it is closed with
 * the verification of what was done. A report past its deadline and not closed is overdue.
 */
const NonconformityStatusEnum = builder.enumType("NonconformityStatus", {
  description: "VIS-2: OVERDUE = past its deadline and not closed",
  values: describedValues(NonconformityStatus, {
    OPEN: "VIS-2: raised, not yet closed",
    IN_PROGRESS: "VIS-2: being put right",
    CLOSED: "VIS-2: closed with the verification of the correction",
    OVERDUE: "VIS-2: past its deadline and not closed (computed when read)",
  }),
});

const overdue = (n: Pick<NonconformityReport, "status" | "deadlineAt">, now: Date) => n.status !== "CLOSED" && n.deadlineAt < now;

builder.prismaNode("NonconformityReport", {
  ...scopedNode(visitScope),
  id: { field: "id", description: "VIS-2: the report's global id" },
  authScopes: { permission: "complaints:read" },
  description: "VIS-2: a nonconformity report with an owner and a deadline",
  fields: (t) => ({
    estate: t.relation("estate", { description: "SPEC §2: the estate of the visit (the report's scope)" }),
    visitPlan: t.relation("visitPlan", { nullable: true, description: "VIS-2: the month's plan" }),
    visitRecord: t.relation("visitRecord", {
      nullable: true,
      description: "VIS-2: the visit whose item is unresolved; null for a finding of the review itself",
    }),
    description: t.exposeString("description", { description: "What is not in order" }),
    owner: t.relation("owner", { nullable: true, description: "Who must put it right" }),
    deadlineAt: t.expose("deadlineAt", { type: "DateTime", description: "VIS-2: by when it must be put right" }),
    status: t.field({
      type: NonconformityStatusEnum,
      description: "As stored, or OVERDUE once the deadline passed unclosed",
      resolve: (n, _a, ctx) => (overdue(n, ctx.now) ? "OVERDUE" : n.status),
    }),
    overdue: t.boolean({ description: "The deadline passed and the report is not closed", resolve: (n, _a, ctx) => overdue(n, ctx.now) }),
    closedAt: t.expose("closedAt", { type: "DateTime", nullable: true, description: "When the report was closed" }),
    verification: t.exposeString("verification", { nullable: true, description: "How the correction was verified" }),
    createdBy: t.relation("createdBy", { nullable: true, description: "Who raised the report" }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the report was raised" }),
    version: t.exposeInt("version", { description: "Optimistic concurrency: send it back when closing" }),
  }),
});

builder.prismaObjectField("VisitPlan", "nonconformities", (t) =>
  t.relation("nonconformities", {
    description: "VIS-2: the month's nonconformity reports",
    query: { orderBy: [{ deadlineAt: "asc" }, { id: "asc" }] },
  }),
);
builder.prismaObjectField("VisitRecord", "nonconformities", (t) =>
  t.relation("nonconformities", {
    description: "VIS-2: reports raised on this visit",
    query: { orderBy: [{ deadlineAt: "asc" }, { id: "asc" }] },
  }),
);

const RaiseNonconformityInput = builder.inputType("RaiseNonconformityInput", {
  description: "VIS-2: a nonconformity report on a visit (or on the month's plan); every bad field is named at once",
  fields: (t) => ({
    visitRecordId: t.globalID({ required: false, description: "The visit whose item is unresolved (its plan is taken along)" }),
    visitPlanId: t.globalID({ required: false, description: "Or the month's plan, for a finding of the review itself" }),
    description: t.string({ required: true, description: "What is not in order (at most 2000 characters)" }),
    ownerId: t.globalID({ required: true, description: "The staff member who must put it right (active, working on the estate)" }),
    deadlineAt: t.field({ type: "DateTime", required: true, description: "In the future" }),
  }),
});

builder.mutationField("raiseNonconformity", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "NonconformityReport",
    description: "VIS-2: a nonconformity report on an unresolved visit item, with its owner and a deadline in the future",
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: RaiseNonconformityInput, required: true, description: "The report" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await raiseNonconformity(ctx, {
        ...input,
        visitRecordId: input.visitRecordId?.id ?? null,
        visitPlanId: input.visitPlanId?.id ?? null,
        ownerId: input.ownerId.id,
      });
      return ctx.prisma.nonconformityReport.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

builder.objectFields(conflictErrorType(NonconformityConflictError, "NonconformityConflictError"), (t) => ({
  current: t.prismaField({
    type: "NonconformityReport",
    description: "The report as it is now",
    resolve: (query, e, _a, ctx) => ctx.prisma.nonconformityReport.findUniqueOrThrow({ ...query, where: { id: e.recordId } }),
  }),
}));

const CloseNonconformityInput = builder.inputType("CloseNonconformityInput", {
  description: "VIS-2: closing a report with the verification of the correction",
  fields: (t) => ({
    id: t.globalID({ required: true, description: "The nonconformity report" }),
    version: t.int({ required: true, description: "The version read; a stale one gets a NonconformityConflictError and changes nothing" }),
    verification: t.string({ required: true, description: "How the correction was verified" }),
  }),
});

builder.mutationField("closeNonconformity", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "NonconformityReport",
    description: "VIS-2: closes a nonconformity report with the verification of the correction",
    errors: { types: [...STANDARD_ERRORS, NonconformityConflictError] },
    args: {
      input: t.arg({ type: CloseNonconformityInput, required: true, description: "The report, the version read and the verification" }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await closeNonconformity(ctx, { id: input.id.id, version: input.version, verification: input.verification });
      return ctx.prisma.nonconformityReport.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

const NonconformityFilter = builder.inputType("NonconformityFilter", {
  description: "VIS-2: which reports to list (all given conditions hold)",
  fields: (t) => ({
    estateId: t.globalID({ required: false, description: "Reports of this estate" }),
    visitPlanId: t.globalID({ required: false, description: "Reports of this month's plan" }),
    ownerId: t.globalID({ required: false, description: "Reports this staff member must put right" }),
    closed: t.boolean({ required: false, description: "Closed (true) or not yet closed (false)" }),
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
  t.prismaConnection(
    {
      type: "NonconformityReport",
      cursor: "id",
      description: "VIS-2: nonconformity reports of your estates, earliest deadline first",
      authScopes: { permission: "complaints:read" },
      args: {
        filter: t.arg({ type: NonconformityFilter, required: false, description: "Narrows the list; none = every report in your scope" }),
      },
      totalCount: (_p, args, ctx) => ctx.prisma.nonconformityReport.count({ where: reportWhere(ctx, args.filter) }),
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.nonconformityReport.findMany({
          ...query,
          where: reportWhere(ctx, args.filter),
          orderBy: [{ deadlineAt: "asc" }, { id: "asc" }],
        }),
    },
    NonconformityReportConnection,
  ),
);
