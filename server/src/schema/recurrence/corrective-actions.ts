import { CorrectiveActionStatus, CorrectiveActionTrigger, type CorrectiveAction, type Prisma } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import {
  ComplaintConnection,
  CorrectiveActionConnection,
  ORDER_BY_DESCRIPTION,
  orderByFor,
  orderFieldEnum,
  orderInput,
  type OrderKeys,
} from "../connections.ts";
import type { Context } from "../../access/context.ts";
import type { RecordRef } from "../../access/disclosure.ts";
import { availableSteps, isOverdue, NOT_DONE } from "../../domain/recurrence/corrective-action-workflow.ts";
import { ClassificationEnum } from "../access/staff.ts";
import { history, RevisionRef } from "../access/revisions.ts";
import { complaintScope, scopedNode } from "../../access/read-scope.ts";
import { correctiveActionScope } from "../../access/scopes/recurrence.ts";
import { describedValues } from "../visits/enum-values.ts";

/**
 * REC-1 (000 §7 4.9.2, 002 9.6, 004 §5 item 9): corrective and preventive actions — repeated
 * complaints about the same problem get an owner, a root cause, measures, a due date and the
 * verification of their effect. The root cause, measures and verification are the company's own
 * analysis, written by its staff, not a customer's words: they are read like the rest of the
 * action (its estate's staff and company-level staff), while the complaints it covers are reached
 * only through the scoped Complaint node, under the complaint rules (SEC-2).
 */
export const CorrectiveActionTriggerEnum = builder.enumType("CorrectiveActionTrigger", {
  description: "REC-1: what led to the action",
  values: describedValues(CorrectiveActionTrigger, {
    RECURRENCE: "REC-2: repeated complaints about the same problem (names the complaints)",
    REPEAT_REPAIR: "REC-3: the same repair at the same household again (names the complaints)",
    SURVEY: "SUR-*: a satisfaction survey's finding",
    CALLBACK: "CB-*: a callback's finding",
    AUDIT: "An internal audit or the management review (000 §7 4.9)",
    MANUAL: "Opened by a supervisor for another reason",
  }),
});
export const CorrectiveActionStatusEnum = builder.enumType("CorrectiveActionStatus", {
  description: "REC-1 states (domain/recurrence/corrective-action-workflow.ts)",
  values: describedValues(CorrectiveActionStatus, {
    OPEN: "REC-1: opened, not started",
    IN_PROGRESS: "REC-1: the measures are being carried out (also after a rework)",
    IMPLEMENTED: "REC-1: the measures are done; the content is frozen until verified",
    VERIFIED: "REC-1: the effect was verified as effective; a supervisor may close it",
    INEFFECTIVE: "REC-1: the effect was verified as ineffective; to be reworked",
    CLOSED: "REC-1: closed with a verified effect",
  }),
});
export const CorrectiveActionStepEnum = builder.enumType("CorrectiveActionStep", {
  description:
    "REC-1 steps: START, MARK_IMPLEMENTED, REWORK and CLOSE through updateCorrectiveAction; VERIFY through recordCorrectiveActionEffect",
  values: {
    START: { description: "REC-1: OPEN → IN_PROGRESS" },
    MARK_IMPLEMENTED: { description: "REC-1: OPEN or IN_PROGRESS → IMPLEMENTED" },
    VERIFY: { description: "REC-1: the effect verified (recordCorrectiveActionEffect) → VERIFIED or INEFFECTIVE" },
    REWORK: { description: "REC-1: INEFFECTIVE → IN_PROGRESS, with new measures and a new due date" },
    CLOSE: { description: "REC-1: VERIFIED → CLOSED (supervisors)" },
  } as const,
});

/** SEC-3, SEC-6: the action as a record of the access rules (its history is read like the action). */
export function correctiveActionRef(a: Pick<CorrectiveAction, "id" | "classification" | "estateId">): RecordRef {
  return { recordType: "CORRECTIVE_ACTION", id: a.id, classification: a.classification, estateIds: a.estateId ? [a.estateId] : [] };
}

export const CorrectiveActionRef = builder.prismaNode("CorrectiveAction", {
  ...scopedNode(correctiveActionScope),
  id: { field: "id", description: "REC-1: the action's global id" },
  authScopes: { permission: "complaints:read" },
  description: "REC-1: a corrective and preventive action (纠正预防措施) with owner, root cause, measures, due date and verified effect",
  fields: (t) => ({
    no: t.exposeString("no", { description: "Unique per organisation, CA + year + sequence" }),
    title: t.exposeString("title", { description: "What the action is about" }),
    trigger: t.expose("trigger", { type: CorrectiveActionTriggerEnum, description: "REC-1: what led to the action" }),
    status: t.expose("status", { type: CorrectiveActionStatusEnum, description: "REC-1: where the action stands" }),
    availableSteps: t.field({
      type: [CorrectiveActionStepEnum],
      description: "The steps the action's state allows now",
      resolve: (a, _a, ctx) => availableSteps(a.status, { dueAt: a.dueAt, now: ctx.now }),
    }),
    estate: t.relation("estate", { nullable: true, description: "Null for a company-wide action" }),
    household: t.relation("household", { nullable: true, description: "REC-2: the household, when all its complaints are of one" }),
    location: t.exposeString("location", {
      nullable: true,
      description: "REC-2: the public-area location, when all its complaints are of one",
    }),
    category: t.relation("category", { nullable: true, description: "The category of the problem" }),
    department: t.relation("department", { nullable: true, description: "The owner's department" }),
    owner: t.relation("owner", { nullable: true, description: "REC-1: who carries out the measures" }),
    rootCause: t.exposeString("rootCause", { nullable: true, description: "REC-1: the company's analysis of the root cause" }),
    measures: t.exposeString("measures", { nullable: true, description: "REC-1: corrective and preventive measures" }),
    dueAt: t.expose("dueAt", { type: "DateTime", nullable: true, description: "REC-1: by when the measures are done" }),
    overdue: t.boolean({
      description: "Not done (open, in progress, or ineffective awaiting rework) and past the due date",
      resolve: (a, _a, ctx) => isOverdue(a, ctx.now),
    }),
    implementedAt: t.expose("implementedAt", {
      type: "DateTime",
      nullable: true,
      description: "REC-1: when the measures were marked implemented",
    }),
    verifiedAt: t.expose("verifiedAt", { type: "DateTime", nullable: true, description: "REC-1: when the effect was verified" }),
    verifiedBy: t.relation("verifiedBy", { nullable: true, description: "REC-1: the supervisor who verified the effect" }),
    effective: t.exposeBoolean("effective", { nullable: true, description: "REC-1: the verified effect; null until verified" }),
    verification: t.string({
      nullable: true,
      description: "REC-1: how the effect was verified (the company's finding)",
      resolve: (a) => a.verificationNote,
    }),
    createdBy: t.relation("createdBy", { nullable: true, description: "The supervisor who opened the action" }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the action was opened" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime", description: "When the action last changed" }),
    classification: t.expose("classification", { type: ClassificationEnum, description: "SEC-1: the action's classification" }),
    version: t.exposeInt("version", { description: "Optimistic concurrency: send it back with every change" }),
    history: t.field({
      type: [RevisionRef],
      description: "SEC-6: every change, newest first",
      resolve: (a, _a, ctx) => history(ctx, correctiveActionRef(a)),
    }),
    complaints: t.prismaConnection(
      {
        type: "Complaint",
        cursor: "id",
        description: "The complaints the action covers, oldest first (those in your scope)",
        totalCount: (a, _args, ctx) => ctx.prisma.complaint.count({ where: coveredBy(ctx, a.id) }),
        resolve: (query, a, _args, ctx) =>
          ctx.prisma.complaint.findMany({ ...query, where: coveredBy(ctx, a.id), orderBy: [{ receivedAt: "asc" }, { id: "asc" }] }),
      },
      ComplaintConnection,
    ),
  }),
});

const coveredBy = (ctx: Context, actionId: string): Prisma.ComplaintWhereInput => ({
  AND: [complaintScope(ctx), { correctiveActions: { some: { correctiveActionId: actionId } } }],
});

builder.prismaObjectField("Complaint", "correctiveActions", (t) =>
  t.field({
    type: [CorrectiveActionRef],
    description: "REC-1: the corrective actions covering this complaint (those in your scope), oldest first",
    select: (_args, ctx, nested) => ({
      correctiveActions: {
        where: { correctiveAction: correctiveActionScope(ctx) },
        orderBy: { createdAt: "asc" },
        select: { correctiveAction: nested(true) },
      },
    }),
    resolve: (c) => c.correctiveActions.map((l) => l.correctiveAction),
  }),
);

const CorrectiveActionFilter = builder.inputType("CorrectiveActionFilter", {
  description: "REC-1: which actions to list (all given conditions hold)",
  fields: (t) => ({
    estateId: t.globalID({ required: false, description: "The estate's actions (company-wide ones are not included)" }),
    companyWide: t.boolean({ required: false, description: "Only the company-wide actions (true) or only the estates' (false)" }),
    status: t.field({ type: [CorrectiveActionStatusEnum], required: false, description: "Actions in any of these states" }),
    trigger: t.field({ type: [CorrectiveActionTriggerEnum], required: false, description: "Actions with any of these triggers" }),
    ownerId: t.globalID({ required: false, description: "Actions this staff member owns" }),
    categoryId: t.globalID({ required: false, description: "A category, or a first-level one with all below it" }),
    complaintId: t.globalID({ required: false, description: "Actions covering this complaint" }),
    overdue: t.boolean({ required: false, description: "Not done and past the due date" }),
    dueBefore: t.field({ type: "DateTime", required: false, description: "Actions due before this instant" }),
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

const ACTION_ORDER = {
  CREATED_AT: (d: Prisma.SortOrder) => ({ createdAt: d }),
  UPDATED_AT: (d: Prisma.SortOrder) => ({ updatedAt: d }),
  DUE_AT: (d: Prisma.SortOrder) => ({ dueAt: { sort: d, nulls: "last" as const } }),
  NO: (d: Prisma.SortOrder) => ({ no: d }),
  STATUS: (d: Prisma.SortOrder) => ({ status: d }),
} satisfies Record<string, (d: Prisma.SortOrder) => Prisma.CorrectiveActionOrderByWithRelationInput>;

const CorrectiveActionOrder = orderInput(
  "CorrectiveAction",
  orderFieldEnum<keyof typeof ACTION_ORDER>("CorrectiveAction", "corrective actions", {
    CREATED_AT: "When the action was opened",
    UPDATED_AT: "When the action last changed",
    DUE_AT: "REC-1: the due date; none last",
    NO: "The action's number",
    STATUS: "The state, in workflow order",
  }),
  "corrective actions",
);

builder.queryField("correctiveActions", (t) =>
  t.prismaConnection(
    {
      type: "CorrectiveAction",
      cursor: "id",
      description: "REC-1: the corrective actions of your estates and the company-wide ones, newest first",
      authScopes: { permission: "complaints:read" },
      args: {
        filter: t.arg({
          type: CorrectiveActionFilter,
          required: false,
          description: "Narrows the list; none = every action in your scope",
        }),
        orderBy: t.arg({ type: [CorrectiveActionOrder], required: false, description: `${ORDER_BY_DESCRIPTION} (newest first)` }),
      },
      totalCount: (_p, args, ctx) => ctx.prisma.correctiveAction.count({ where: actionWhere(ctx, args.filter) }),
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.correctiveAction.findMany({
          ...query,
          where: actionWhere(ctx, args.filter),
          orderBy: orderByFor<keyof typeof ACTION_ORDER, Prisma.CorrectiveActionOrderByWithRelationInput>(
            args.orderBy as OrderKeys<keyof typeof ACTION_ORDER>,
            ACTION_ORDER,
            [{ createdAt: "desc" }, { id: "desc" }],
          ),
        }),
    },
    CorrectiveActionConnection,
  ),
);
