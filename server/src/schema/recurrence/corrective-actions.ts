import { CorrectiveActionStatus, CorrectiveActionTrigger, type CorrectiveAction, type Prisma } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import type { RecordRef } from "../../access/disclosure.ts";
import { availableSteps, CORRECTIVE_ACTION_STEPS, isOverdue, NOT_DONE } from "../../domain/recurrence/corrective-action-workflow.ts";
import { ClassificationEnum } from "../access/staff.ts";
import { history, RevisionRef } from "../access/revisions.ts";
import { complaintScope, scopedNode } from "../../access/read-scope.ts";
import { correctiveActionScope } from "./scope.ts";

/**
 * REC-1 (000 §7 4.9.2, 002 9.6, 004 §5 item 9): corrective and preventive actions — repeated
 * complaints about the same problem get an owner, a root cause, measures, a due date and the
 * verification of their effect. The root cause, measures and verification are the company's own
 * analysis, written by its staff, not a customer's words: they are read like the rest of the
 * action (its estate's staff and company-level staff), while the complaints it covers are reached
 * only through the scoped Complaint node, under the complaint rules (SEC-2).
 */
export const CorrectiveActionTriggerEnum = builder.enumType(CorrectiveActionTrigger, { name: "CorrectiveActionTrigger", description: "REC-1: what led to the action" });
export const CorrectiveActionStatusEnum = builder.enumType(CorrectiveActionStatus, { name: "CorrectiveActionStatus", description: "REC-1 states" });
export const CorrectiveActionStepEnum = builder.enumType("CorrectiveActionStep", {
  description: "REC-1 steps: START, MARK_IMPLEMENTED, REWORK and CLOSE through updateCorrectiveAction; VERIFY through recordCorrectiveActionEffect",
  values: CORRECTIVE_ACTION_STEPS,
});

/** SEC-3, SEC-6: the action as a record of the access rules (its history is read like the action). */
export function correctiveActionRef(a: Pick<CorrectiveAction, "id" | "classification" | "estateId">): RecordRef {
  return { recordType: "CORRECTIVE_ACTION", id: a.id, classification: a.classification, estateIds: a.estateId ? [a.estateId] : [] };
}

export const CorrectiveActionRef = builder.prismaNode("CorrectiveAction", {
  ...scopedNode(correctiveActionScope),
  authScopes: { permission: "complaints:read" },
  description: "REC-1: a corrective and preventive action (纠正预防措施) with owner, root cause, measures, due date and verified effect",
  fields: (t) => ({
    no: t.exposeString("no", { description: "Unique per organisation, CA + year + sequence" }),
    title: t.exposeString("title"),
    trigger: t.expose("trigger", { type: CorrectiveActionTriggerEnum }),
    status: t.expose("status", { type: CorrectiveActionStatusEnum }),
    availableSteps: t.field({
      type: [CorrectiveActionStepEnum], description: "The steps the action's state allows now",
      resolve: (a, _a, ctx) => availableSteps(a.status, { dueAt: a.dueAt, now: ctx.now }),
    }),
    estate: t.relation("estate", { nullable: true, description: "Null for a company-wide action" }),
    household: t.relation("household", { nullable: true, description: "REC-2: the household, when all its complaints are of one" }),
    location: t.exposeString("location", { nullable: true, description: "REC-2: the public-area location, when all its complaints are of one" }),
    category: t.relation("category", { nullable: true }),
    department: t.relation("department", { nullable: true, description: "The owner's department" }),
    owner: t.relation("owner", { nullable: true }),
    rootCause: t.exposeString("rootCause", { nullable: true, description: "REC-1: the company's analysis of the root cause" }),
    measures: t.exposeString("measures", { nullable: true, description: "REC-1: corrective and preventive measures" }),
    dueAt: t.expose("dueAt", { type: "DateTime", nullable: true }),
    overdue: t.boolean({ description: "Not done (open, in progress, or ineffective awaiting rework) and past the due date", resolve: (a, _a, ctx) => isOverdue(a, ctx.now) }),
    implementedAt: t.expose("implementedAt", { type: "DateTime", nullable: true }),
    verifiedAt: t.expose("verifiedAt", { type: "DateTime", nullable: true, description: "REC-1: when the effect was verified" }),
    verifiedBy: t.relation("verifiedBy", { nullable: true }),
    effective: t.exposeBoolean("effective", { nullable: true, description: "REC-1: the verified effect; null until verified" }),
    verification: t.string({ nullable: true, description: "REC-1: how the effect was verified (the company's finding)", resolve: (a) => a.verificationNote }),
    createdBy: t.relation("createdBy", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    classification: t.expose("classification", { type: ClassificationEnum }),
    version: t.exposeInt("version", { description: "Optimistic concurrency: send it back with every change" }),
    history: t.field({ type: [RevisionRef], description: "SEC-6: every change, newest first", resolve: (a, _a, ctx) => history(ctx, correctiveActionRef(a)) }),
    complaints: t.prismaConnection({
      type: "Complaint",
      cursor: "id",
      description: "The complaints the action covers, oldest first (those in your scope)",
      totalCount: (a, _args, ctx) => ctx.prisma.complaint.count({ where: coveredBy(ctx, a.id) }),
      resolve: (query, a, _args, ctx) => ctx.prisma.complaint.findMany({ ...query, where: coveredBy(ctx, a.id), orderBy: [{ receivedAt: "asc" }, { id: "asc" }] }),
    }),
  }),
});

const coveredBy = (ctx: Context, actionId: string): Prisma.ComplaintWhereInput => ({ AND: [complaintScope(ctx), { correctiveActions: { some: { correctiveActionId: actionId } } }] });

builder.prismaObjectField("Complaint", "correctiveActions", (t) =>
  t.field({
    type: [CorrectiveActionRef],
    description: "REC-1: the corrective actions covering this complaint (those in your scope), oldest first",
    select: (_args, ctx, nested) => ({
      correctiveActions: { where: { correctiveAction: correctiveActionScope(ctx) }, orderBy: { createdAt: "asc" }, select: { correctiveAction: nested(true) } },
    }),
    resolve: (c) => c.correctiveActions.map((l) => l.correctiveAction),
  }));

const CorrectiveActionFilter = builder.inputType("CorrectiveActionFilter", {
  fields: (t) => ({
    estateId: t.globalID({ required: false, description: "The estate's actions (company-wide ones are not included)" }),
    companyWide: t.boolean({ required: false, description: "Only the company-wide actions (true) or only the estates' (false)" }),
    status: t.field({ type: [CorrectiveActionStatusEnum], required: false }),
    trigger: t.field({ type: [CorrectiveActionTriggerEnum], required: false }),
    ownerId: t.globalID({ required: false }),
    categoryId: t.globalID({ required: false, description: "A category, or a first-level one with all below it" }),
    complaintId: t.globalID({ required: false, description: "Actions covering this complaint" }),
    overdue: t.boolean({ required: false, description: "Not done and past the due date" }),
    dueBefore: t.field({ type: "DateTime", required: false }),
  }),
});

function actionWhere(ctx: Context, f: typeof CorrectiveActionFilter.$inferInput | null | undefined): Prisma.CorrectiveActionWhereInput {
  const and: Prisma.CorrectiveActionWhereInput[] = [correctiveActionScope(ctx)];
  const late: Prisma.CorrectiveActionWhereInput = { status: { in: [...NOT_DONE] }, dueAt: { lt: ctx.now } };
  if (f?.estateId) and.push({ estateId: f.estateId.id });
  if (f?.companyWide != null) and.push(f.companyWide ? { estateId: null } : { estateId: { not: null } });
  if (f?.status?.length) and.push({ status: { in: f.status as CorrectiveActionStatus[] } });
  if (f?.trigger?.length) and.push({ trigger: { in: f.trigger as CorrectiveActionTrigger[] } });
  if (f?.ownerId) and.push({ ownerId: f.ownerId.id });
  if (f?.categoryId) and.push({ OR: [{ categoryId: f.categoryId.id }, { category: { parentId: f.categoryId.id } }] });
  if (f?.complaintId) and.push({ complaints: { some: { complaintId: f.complaintId.id } } });
  if (f?.overdue != null) and.push(f.overdue ? late : { NOT: late });
  if (f?.dueBefore) and.push({ dueAt: { lt: f.dueBefore } });
  return { AND: and };
}

builder.queryField("correctiveActions", (t) =>
  t.prismaConnection({
    type: "CorrectiveAction",
    cursor: "id",
    description: "REC-1: the corrective actions of your estates and the company-wide ones, newest first",
    authScopes: { permission: "complaints:read" },
    args: { filter: t.arg({ type: CorrectiveActionFilter, required: false }) },
    totalCount: (_p, args, ctx) => ctx.prisma.correctiveAction.count({ where: actionWhere(ctx, args.filter) }),
    resolve: (query, _r, args, ctx) =>
      ctx.prisma.correctiveAction.findMany({ ...query, where: actionWhere(ctx, args.filter), orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
  }),
);
