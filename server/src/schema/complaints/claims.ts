import { ClaimStatus } from "@tingjian/prisma/client";
import type { InputObjectRef } from "@pothos/core";
import { builder } from "../../builder.ts";
import type { Context, SignedInContext } from "../../access/context.ts";
import { protectedField, reveal } from "../../access/disclosure.ts";
import { scopedNode } from "../../access/read-scope.ts";
import { availableClaimActions, CLAIM_ACTIONS, type ClaimAction } from "../../domain/complaints/claim-workflow.ts";
import { ClaimConflictError, ClaimWorkflowError } from "../../errors/complaint-records.ts";
import * as claims from "../../services/complaints/claims.ts";
import { claimFacts, claimRef, claimScope, complaintForRef, type ClaimWithComplaint } from "../../services/complaints/claims-access.ts";
import { ClassificationEnum } from "../access/staff.ts";
import { conflictErrorType, STANDARD_ERRORS, typedError } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { DecimalScalar } from "../scalars/decimal.ts";
import { ResponsibilityEnum } from "./handling.ts";

/**
 * WF-6 claims (002 8.1.7, 9.4): opened on a complaint, legally reviewed, planned with the
 * responsibility and the amount, decided by the company's leadership, agreed by the customer,
 * paid and reported. The commands are services/complaints/claims.ts; each resolver here decodes
 * the ids, calls one of them and loads the claim for the selection.
 */
const STATUS_DESCRIPTIONS: Record<ClaimStatus, string> = {
  DRAFT: "WF-6: opened, nothing recorded yet",
  LEGAL_REVIEW: "WF-6, 002 8.1.7: the lawyer's opinion is recorded; the plan is worked out",
  PENDING_APPROVAL: "WF-6: the plan waits for the company's leadership",
  APPROVED: "WF-6: the leadership approved the plan; the customer is asked",
  REJECTED: "WF-6, 9.4.3: the leadership rejected the plan; it is revised, or the claim reported",
  AGREED: "WF-6, 9.4.3: the customer agreed to the approved plan",
  DECLINED_BY_CUSTOMER: "WF-6, 9.4.3: the customer declined the plan; it is revised, or the claim reported",
  PAID: "WF-6, 9.4.4: the agreed compensation is paid",
  CLOSED: "WF-6, 9.4.3: the claim report is written; the claim is over",
};
export const ClaimStatusEnum = builder.enumType(ClaimStatus, {
  name: "ClaimStatus",
  description: "WF-6 claim states",
  values: Object.fromEntries(Object.values(ClaimStatus).map((s) => [s, { description: STATUS_DESCRIPTIONS[s] }])) as Record<
    ClaimStatus,
    { description: string }
  >,
});

const ACTION_DESCRIPTIONS: Record<ClaimAction | "OPEN", string> = {
  OPEN: "WF-6: the claim is opened on its complaint (→ DRAFT)",
  RECORD_LEGAL_CONSULTATION: "WF-6, 002 8.1.7: the lawyer's opinion is recorded (→ LEGAL_REVIEW)",
  SUBMIT_PLAN: "WF-6, 9.4.3: the plan is submitted for approval (→ PENDING_APPROVAL)",
  APPROVE: "WF-6, 002 8.1.7: the leadership approves the plan (→ APPROVED)",
  REJECT: "WF-6: the leadership rejects the plan, with a reason (→ REJECTED)",
  CUSTOMER_AGREE: "WF-6, 9.4.3: the customer agrees (→ AGREED)",
  CUSTOMER_DECLINE: "WF-6, 9.4.3: the customer declines, saying what they object to (→ DECLINED_BY_CUSTOMER)",
  MARK_PAID: "WF-6, 9.4.4: the compensation is paid (→ PAID)",
  REPORT: "WF-6, 9.4.3: the claim report closes the claim (→ CLOSED)",
};
const ClaimActionEnum = builder.enumType("ClaimAction", {
  description: "WF-6 claim steps",
  values: Object.fromEntries(
    ["OPEN", ...CLAIM_ACTIONS].map((a) => [a, { description: ACTION_DESCRIPTIONS[a as ClaimAction | "OPEN"] }]),
  ) as Record<ClaimAction | "OPEN", { description: string }>,
});

const ClaimStep = builder.prismaObject("ComplaintEvent", {
  variant: "ClaimStep",
  description: "WF-6: one step of a claim (a CLAIM_UPDATED event of the complaint's timeline)",
  fields: (t) => ({
    at: t.expose("at", { type: "DateTime", description: "When the step was taken" }),
    action: t.field({
      type: ClaimActionEnum,
      description: "The step",
      resolve: (e) => (e.data as { action: ClaimAction | "OPEN" }).action,
    }),
    fromStatus: t.field({
      type: ClaimStatusEnum,
      nullable: true,
      description: "The claim's state before (null when opened)",
      resolve: (e) => (e.data as { fromStatus?: ClaimStatus | null }).fromStatus ?? null,
    }),
    toStatus: t.field({
      type: ClaimStatusEnum,
      description: "The claim's state after",
      resolve: (e) => (e.data as { toStatus: ClaimStatus }).toStatus,
    }),
    actor: t.relation("actor", { nullable: true, description: "Who took the step" }),
  }),
});

/** A protected text of the claim: raw and logged for those who know the case, masked for others (SEC-2, SEC-3, SEC-7). */
const caseText = (column: "legalConsultation" | "compensationPlan" | "report", description: string) => ({
  nullable: true as const,
  description,
  extensions: protectedField("CLAIM", column),
  resolve: (c: ClaimWithComplaint, _a: unknown, ctx: Context) => reveal(ctx, claimRef(c), column, c[column]),
});

builder.prismaNode("Claim", {
  ...scopedNode(claimScope),
  id: { field: "id", description: "WF-6: the claim's global id" },
  include: { complaint: complaintForRef },
  authScopes: { permission: "complaints:read" },
  description:
    "WF-6: a claim for compensation arising from a complaint; its legal opinion, plan, amount and report are case content (SEC-2)",
  fields: (t) => ({
    complaint: t.relation("complaint", { description: "The complaint the claim arises from" }),
    status: t.expose("status", { type: ClaimStatusEnum, description: "WF-6: the claim's state" }),
    availableSteps: t.field({
      type: [ClaimActionEnum],
      description: "The steps the claim allows now",
      resolve: (c) => availableClaimActions(c.status, claimFacts(c)),
    }),
    legalConsultation: t.string(caseText("legalConsultation", "002 8.1.7: the lawyer's opinion")),
    legalConsultedAt: t.expose("legalConsultedAt", {
      type: "DateTime",
      nullable: true,
      description: "002 8.1.7: when the opinion was recorded",
    }),
    responsibility: t.expose("responsibility", {
      type: ResponsibilityEnum,
      nullable: true,
      description: "9.4.3: who is responsible, as the plan says",
    }),
    compensationPlan: t.string(caseText("compensationPlan", "9.4.3: the compensation plan")),
    compensationAmount: t.field({
      type: DecimalScalar,
      nullable: true,
      description: '9.4.3: the amount in yuan, two decimals (e.g. "1200.50"); masked ("***") unless you know the case (SEC-2, SEC-7)',
      extensions: protectedField("CLAIM", "compensationAmount"),
      resolve: (c, _a, ctx) => reveal(ctx, claimRef(c), "compensationAmount", c.compensationAmount?.toFixed(2) ?? null),
    }),
    currency: t.exposeString("currency", { description: "The amount's currency (CNY)" }),
    approvedBy: t.relation("approvedBy", { nullable: true, description: "002 8.1.7: who of the leadership approved the plan" }),
    approvedAt: t.expose("approvedAt", { type: "DateTime", nullable: true, description: "When the plan was approved" }),
    customerAgreedAt: t.expose("customerAgreedAt", { type: "DateTime", nullable: true, description: "9.4.3: when the customer agreed" }),
    paidAt: t.expose("paidAt", { type: "DateTime", nullable: true, description: "9.4.4: when the compensation was paid" }),
    report: t.string(caseText("report", "9.4.3: the claim report to the leadership")),
    reportedAt: t.expose("reportedAt", { type: "DateTime", nullable: true, description: "When the report closed the claim" }),
    createdBy: t.relation("createdBy", { nullable: true, description: "Who opened the claim (never its approver, WF-6)" }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the claim was opened" }),
    classification: t.expose("classification", {
      type: ClassificationEnum,
      description: "SEC-1: the claim's own level (at least SECRET; read at its complaint's if higher)",
    }),
    version: t.exposeInt("version", { description: "Optimistic concurrency: send it back with every step" }),
    steps: t.prismaField({
      type: [ClaimStep],
      description: "Every step of the claim, oldest first",
      resolve: (query, c, _a, ctx) =>
        ctx.prisma.complaintEvent.findMany({
          ...query,
          where: { complaintId: c.complaintId, kind: "CLAIM_UPDATED", data: { path: ["claimId"], equals: c.id } },
          orderBy: [{ at: "asc" }, { id: "asc" }],
        }),
    }),
  }),
});

builder.prismaObjectField("Complaint", "claims", (t) =>
  t.relation("claims", {
    description: "WF-6: claims arising from this complaint, oldest first",
    query: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
  }),
);

// ---- errors ----

builder.objectFields(conflictErrorType(ClaimConflictError, "ClaimConflictError"), (t) => ({
  current: t.prismaField({
    type: "Claim",
    description: "The claim as it is now",
    resolve: (query, e, _a, ctx) => ctx.prisma.claim.findUniqueOrThrow({ ...query, where: { id: e.recordId } }),
  }),
}));

typedError(ClaimWorkflowError, {
  name: "ClaimWorkflowError",
  description: "An illegal claim step (WF-6): the claim's status, and the steps it allows; nothing was written",
  fields: (t) => ({
    field: t.exposeString("field", { description: "The input field refused: the claim (`input.id`)" }),
    status: t.expose("status", { type: ClaimStatusEnum, description: "The claim's state" }),
    allowedSteps: t.field({
      type: [ClaimActionEnum],
      description: "The steps the claim allows now",
      resolve: (e) => e.allowedSteps as ClaimAction[],
    }),
  }),
});

const CLAIM_ERRORS = [...STANDARD_ERRORS, ClaimConflictError, ClaimWorkflowError];

// ---- mutations ----

builder.mutationField("openClaim", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "Claim",
    description: "WF-6: opens a claim on a complaint (DRAFT); the caller is its creator and may not approve it",
    errors: { types: STANDARD_ERRORS },
    args: {
      complaintId: t.arg.globalID({ required: true, description: "The complaint the claim arises from (one claim in progress at a time)" }),
    },
    resolve: async (query, _r, { complaintId }, ctx) => {
      const id = await claims.openClaim(ctx, { complaintId: complaintId.id });
      return ctx.prisma.claim.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

type StepShape = { id: { id: string }; version: number };
type InputFields = Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0];
const stepFields = (t: InputFields) => ({
  id: t.globalID({ required: true, description: "The claim" }),
  version: t.int({ required: true, description: "The claim's version read; a stale one gets a ClaimConflictError" }),
});

/**
 * One claim step as a mutation: decodes the claim's id, calls its service with the rest of the
 * input as given, and loads the claim; any typed error rolls the whole step back.
 */
function claimStep<Shape extends StepShape>(
  name: string,
  description: string,
  input: InputObjectRef<typeof builder.$inferSchemaTypes, Shape>,
  service: (ctx: SignedInContext, input: Omit<Shape, "id"> & claims.ClaimStepInput) => Promise<string>,
) {
  builder.mutationField(name, (t) =>
    t.withAuth({ permission: "complaints:write" }).prismaField({
      type: "Claim",
      description,
      errors: { types: CLAIM_ERRORS },
      args: { input: t.arg({ type: input, required: true, description: "The claim, its version and the step's details" }) },
      resolve: async (query, _r, args, ctx) => {
        // (TypeScript cannot resolve the generic argument map; the shape is the input type's.)
        const { input: i } = args as { input: Shape };
        const id = await service(ctx, { ...i, id: i.id.id });
        return ctx.prisma.claim.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
      },
    }),
  );
}

claimStep(
  "recordClaimLegalConsultation",
  "WF-6, 002 8.1.7: records the lawyer's opinion (→ LEGAL_REVIEW)",
  builder.inputType("RecordClaimLegalConsultationInput", {
    description: "WF-6, 002 8.1.7: the lawyer's opinion on a claim",
    fields: (t) => ({
      ...stepFields(t),
      consultation: t.string({ required: true, description: "The lawyer's opinion (at most 5000 characters)" }),
    }),
  }),
  claims.recordClaimLegalConsultation,
);

claimStep(
  "submitClaimPlan",
  "WF-6, 9.4.3: the compensation plan with the responsibility and the amount, submitted for approval (→ PENDING_APPROVAL)",
  builder.inputType("SubmitClaimPlanInput", {
    description: "WF-6, 9.4.3: a claim's compensation plan",
    fields: (t) => ({
      ...stepFields(t),
      responsibility: t.field({ type: ResponsibilityEnum, required: true, description: "Who is responsible for the cause" }),
      plan: t.string({ required: true, description: "The compensation plan (at most 5000 characters)" }),
      amount: t.field({
        type: DecimalScalar,
        required: true,
        description: 'Yuan, greater than 0, at most 2 decimals and 10 integer digits (e.g. "1200.50")',
      }),
    }),
  }),
  claims.submitClaimPlan,
);

claimStep(
  "decideClaim",
  "WF-6, 002 8.1.7: the company's leadership approves the plan, or rejects it with a reason (→ APPROVED / REJECTED)",
  builder.inputType("DecideClaimInput", {
    description: "WF-6, 002 8.1.7: the leadership's decision on a claim's plan",
    fields: (t) => ({
      ...stepFields(t),
      approve: t.boolean({ required: true, description: "True approves the plan, false rejects it" }),
      reason: t.string({ required: false, description: "Required for a rejection (at most 1000 characters)" }),
    }),
  }),
  claims.decideClaim,
);

claimStep(
  "recordClaimCustomerResponse",
  "WF-6, 9.4.3: the customer agrees to the approved plan, or declines it saying what they object to (→ AGREED / DECLINED_BY_CUSTOMER)",
  builder.inputType("RecordClaimCustomerResponseInput", {
    description: "WF-6, 9.4.3: the customer's answer to an approved plan",
    fields: (t) => ({
      ...stepFields(t),
      agreed: t.boolean({ required: true, description: "Whether the customer agrees" }),
      note: t.string({
        required: false,
        description: "Required when the customer declines: what they object to (at most 1000 characters)",
      }),
    }),
  }),
  claims.recordClaimCustomerResponse,
);

claimStep(
  "markClaimPaid",
  "WF-6, 9.4.4: the agreed compensation is paid (→ PAID)",
  builder.inputType("MarkClaimPaidInput", {
    description: "WF-6, 9.4.4: the payment of an agreed claim",
    fields: (t) => ({
      ...stepFields(t),
      paidAt: t.field({ type: "DateTime", required: false, description: "Default now; never in the future" }),
    }),
  }),
  claims.markClaimPaid,
);

claimStep(
  "reportClaim",
  "WF-6, 9.4.3: the claim report to the leadership closes the claim (→ CLOSED)",
  builder.inputType("ReportClaimInput", {
    description: "WF-6, 9.4.3: the claim report",
    fields: (t) => ({ ...stepFields(t), report: t.string({ required: true, description: "The report (at most 10000 characters)" }) }),
  }),
  claims.reportClaim,
);
