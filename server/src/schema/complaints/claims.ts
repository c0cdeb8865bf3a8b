import { ClaimStatus, type Claim, type Classification, type Prisma } from "@tingjian/prisma/client";
import type { InputObjectRef } from "@pothos/core";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { entitlement, protectedField, reveal, type RecordRef } from "../../access/disclosure.ts";
import { atLeast } from "../../domain/access/need-to-know.ts";
import {
  availableClaimActions, CLAIM_ACTIONS, claimTransition, decisionRefusal, parseAmount, stepRefusal, type ClaimAction, type ClaimFacts,
} from "../../domain/complaints/claim-workflow.ts";
import { ClassificationEnum } from "../access/staff.ts";
import { ConflictError, ForbiddenError, InputError, NotFoundError, requiredText } from "../../errors/typed-errors.ts";
import { conflictErrorType, ErrorInterface, STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { complaintScope, inOrganization, scopedNode } from "../../access/read-scope.ts";
import { complaintRef } from "./complaint.ts";
import { appendEvents } from "./editing.ts";
import { ResponsibilityEnum } from "./handling.ts";

/**
 * WF-6 claims (002 8.1.7, 9.4): opened on a complaint, legally reviewed, planned with the
 * responsibility and the amount, decided by the company's leadership, agreed by the customer,
 * paid and reported. The state machine is domain/complaints/claim-workflow.ts; every step is a
 * CLAIM_UPDATED event on the complaint's timeline (SPEC §5) and carries the claim's version.
 */
export const ClaimStatusEnum = builder.enumType(ClaimStatus, { name: "ClaimStatus", description: "WF-6 claim states" });
const ClaimActionEnum = builder.enumType("ClaimAction", { description: "WF-6 claim steps", values: ["OPEN", ...CLAIM_ACTIONS] as const });

/** What the access rules need of the claim's complaint; loaded with every claim. */
const complaintForRef = { select: { id: true, estateId: true, receivedById: true, classification: true } } as const;
type ClaimWithComplaint = Claim & { complaint: { id: string; estateId: string; receivedById: string | null; classification: Classification } };

const higher = (a: Classification, b: Classification) => (atLeast(a, b) ? a : b);

/**
 * SEC-2: a claim is known to whoever knows its complaint's case (its estate's cleared staff and
 * the receiver). Its level is its own, or its complaint's if that was raised since: a claim is
 * never easier to read than the case it belongs to.
 */
export function claimRef(c: ClaimWithComplaint): RecordRef {
  return {
    recordType: "CLAIM", id: c.id, classification: higher(c.classification, c.complaint.classification),
    estateIds: [c.complaint.estateId], assignedStaffIds: c.complaint.receivedById ? [c.complaint.receivedById] : [],
  };
}

const claimFacts = (c: Claim): ClaimFacts => ({ hasLegalConsultation: !!c.legalConsultation });

/** Claims the caller may see: those of complaints it may see. */
const claimScope = (ctx: Context): Prisma.ClaimWhereInput => ({ ...inOrganization(ctx), complaint: complaintScope(ctx) });

const ClaimStep = builder.prismaObject("ComplaintEvent", {
  variant: "ClaimStep",
  description: "WF-6: one step of a claim (a CLAIM_UPDATED event of the complaint's timeline)",
  fields: (t) => ({
    at: t.expose("at", { type: "DateTime" }),
    action: t.field({ type: ClaimActionEnum, resolve: (e) => (e.data as { action: ClaimAction | "OPEN" }).action }),
    fromStatus: t.field({ type: ClaimStatusEnum, nullable: true, resolve: (e) => (e.data as { fromStatus?: ClaimStatus | null }).fromStatus ?? null }),
    toStatus: t.field({ type: ClaimStatusEnum, resolve: (e) => (e.data as { toStatus: ClaimStatus }).toStatus }),
    actor: t.relation("actor", { nullable: true }),
  }),
});

/** A protected text of the claim: raw and logged for those who know the case, masked for others (SEC-2, SEC-3, SEC-7). */
const caseText = (column: "legalConsultation" | "compensationPlan" | "report", description: string) => ({
  nullable: true as const, description, extensions: protectedField("CLAIM", column),
  resolve: (c: ClaimWithComplaint, _a: unknown, ctx: Context) => reveal(ctx, claimRef(c), column, c[column]),
});

builder.prismaNode("Claim", {
  ...scopedNode(claimScope),
  include: { complaint: complaintForRef },
  authScopes: { permission: "complaints:read" },
  description: "WF-6: a claim for compensation arising from a complaint; its legal opinion, plan, amount and report are case content (SEC-2)",
  fields: (t) => ({
    complaint: t.relation("complaint"),
    status: t.expose("status", { type: ClaimStatusEnum }),
    availableSteps: t.field({ type: [ClaimActionEnum], description: "The steps the claim allows now", resolve: (c) => availableClaimActions(c.status, claimFacts(c)) }),
    legalConsultation: t.string(caseText("legalConsultation", "002 8.1.7: the lawyer's opinion")),
    legalConsultedAt: t.expose("legalConsultedAt", { type: "DateTime", nullable: true }),
    responsibility: t.expose("responsibility", { type: ResponsibilityEnum, nullable: true }),
    compensationPlan: t.string(caseText("compensationPlan", "9.4.3: the compensation plan")),
    compensationAmount: t.string({
      nullable: true, description: "Yuan, two decimals (e.g. \"1200.50\")", extensions: protectedField("CLAIM", "compensationAmount"),
      resolve: (c, _a, ctx) => reveal(ctx, claimRef(c), "compensationAmount", c.compensationAmount?.toFixed(2) ?? null),
    }),
    currency: t.exposeString("currency"),
    approvedBy: t.relation("approvedBy", { nullable: true }),
    approvedAt: t.expose("approvedAt", { type: "DateTime", nullable: true }),
    customerAgreedAt: t.expose("customerAgreedAt", { type: "DateTime", nullable: true }),
    paidAt: t.expose("paidAt", { type: "DateTime", nullable: true }),
    report: t.string(caseText("report", "9.4.3: the claim report to the leadership")),
    reportedAt: t.expose("reportedAt", { type: "DateTime", nullable: true }),
    createdBy: t.relation("createdBy", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    classification: t.expose("classification", { type: ClassificationEnum }),
    version: t.exposeInt("version", { description: "Optimistic concurrency: send it back with every step" }),
    steps: t.prismaField({
      type: [ClaimStep],
      description: "Every step of the claim, oldest first",
      resolve: (query, c, _a, ctx) => ctx.prisma.complaintEvent.findMany({
        ...query, where: { complaintId: c.complaintId, kind: "CLAIM_UPDATED", data: { path: ["claimId"], equals: c.id } }, orderBy: [{ at: "asc" }, { id: "asc" }],
      }),
    }),
  }),
});

builder.prismaObjectField("Complaint", "claims", (t) =>
  t.relation("claims", { description: "WF-6: claims arising from this complaint, oldest first", query: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } }));

// ---- errors ----

export class ClaimConflictError extends ConflictError {}
builder.objectFields(conflictErrorType(ClaimConflictError, "ClaimConflictError"), (t) => ({
  current: t.prismaField({ type: "Claim", resolve: (query, e, _a, ctx) => ctx.prisma.claim.findUniqueOrThrow({ ...query, where: { id: e.recordId } }) }),
}));

/** WF-6: a step the claim's state does not allow; names the steps it does allow. */
export class ClaimWorkflowError extends Error {
  readonly field = "input.id";
  constructor(readonly status: ClaimStatus, readonly allowedSteps: ClaimAction[], message: string) {
    super(message);
    this.name = "ClaimWorkflowError";
  }
}
builder.objectType(ClaimWorkflowError, {
  name: "ClaimWorkflowError",
  description: "An illegal claim step (WF-6): the claim's status, and the steps it allows",
  interfaces: [ErrorInterface],
  isTypeOf: (o) => o instanceof ClaimWorkflowError,
  fields: (t) => ({
    field: t.exposeString("field"),
    status: t.expose("status", { type: ClaimStatusEnum }),
    allowedSteps: t.field({ type: [ClaimActionEnum], resolve: (e) => e.allowedSteps }),
  }),
});

const CLAIM_ERRORS = [...STANDARD_ERRORS, ClaimConflictError, ClaimWorkflowError];

// ---- editing ----

/**
 * The claim as the caller may edit it: in its scope, its case known to the caller (SEC-2: who
 * writes case content must be entitled to read it), at the version the caller read.
 */
async function claimForEdit(ctx: Context, id: string, version: number): Promise<ClaimWithComplaint> {
  const claim = await ctx.prisma.claim.findFirst({ where: { id, AND: [claimScope(ctx)] }, include: { complaint: complaintForRef } });
  if (!claim) throw new NotFoundError("Claim");
  if (!(await entitlement(ctx, claimRef(claim), "CASE")).ok) throw new ForbiddenError("Not entitled to this claim's case (SEC-2)");
  if (claim.version !== version) throw new ClaimConflictError(claim.id, claim.version);
  return claim;
}

/** WF-6: the claim's state must allow `action`; otherwise a ClaimWorkflowError naming the allowed steps. */
function assertStep(claim: Claim, action: ClaimAction): void {
  const refusal = stepRefusal(claim.status, action, claimFacts(claim));
  if (refusal) throw new ClaimWorkflowError(claim.status, availableClaimActions(claim.status, claimFacts(claim)), refusal);
}

/**
 * Writes the step if the claim is still at its version (a concurrent step in between is a
 * conflict, nothing written) and appends it to the complaint's timeline; the complaint itself,
 * and so its version, is unchanged.
 */
async function saveStep(ctx: Context, claim: Claim, action: ClaimAction, patch: Prisma.ClaimUncheckedUpdateManyInput, note?: string | null) {
  const r = claimTransition(claim.status, action, claimFacts(claim), note);
  if (!r.ok) throw new ClaimWorkflowError(claim.status, availableClaimActions(claim.status, claimFacts(claim)), r.reason);
  const updated = await ctx.prisma.claim.updateMany({ where: { id: claim.id, version: claim.version }, data: { ...patch, status: r.to, version: { increment: 1 } } });
  if (updated.count === 0) {
    const now = await ctx.prisma.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { version: true } });
    throw new ClaimConflictError(claim.id, now.version);
  }
  await appendEvents(ctx, claim.complaintId, [{ kind: "CLAIM_UPDATED", note: note?.trim() || null, data: { claimId: claim.id, action, fromStatus: claim.status, toStatus: r.to } }]);
}

type StepInput = { id: { id: string }; version: number };
type InputFields = Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0];
const stepFields = (t: InputFields) => ({
  id: t.globalID({ required: true }),
  version: t.int({ required: true, description: "The claim's version read; a stale one gets a ClaimConflictError" }),
});

/**
 * One claim step as a mutation: the claim for edit (scope, need to know, version), then `apply`
 * checks the step and the input and writes it; any typed error rolls the whole step back.
 */
function claimStep<Shape extends StepInput>(
  name: string, description: string, input: InputObjectRef<typeof builder.$inferSchemaTypes, Shape>,
  apply: (ctx: Context, claim: ClaimWithComplaint, input: Shape) => Promise<void>,
) {
  builder.mutationField(name, (t) =>
    t.prismaField({
      type: "Claim",
      description,
      authScopes: { permission: "complaints:write" },
      errors: { types: CLAIM_ERRORS },
      args: { input: t.arg({ type: input, required: true }) },
      resolve: async (query, _r, args, ctx) => {
        // (TypeScript cannot resolve the generic argument map; the shape is the input type's.)
        const { input: i } = args as { input: Shape };
        const claim = await claimForEdit(ctx, i.id.id, i.version);
        await apply(ctx, claim, i);
        return ctx.prisma.claim.findUniqueOrThrow({ ...nonEmpty(query), where: { id: claim.id } });
      },
    }));
}

// ---- mutations ----

builder.mutationField("openClaim", (t) =>
  t.prismaField({
    type: "Claim",
    description: "WF-6: opens a claim on a complaint (DRAFT); the caller is its creator and may not approve it",
    authScopes: { permission: "complaints:write" },
    errors: { types: STANDARD_ERRORS },
    args: { complaintId: t.arg.globalID({ required: true }) },
    resolve: async (query, _r, { complaintId }, ctx) => {
      const complaint = await ctx.prisma.complaint.findFirst({
        where: { id: complaintId.id, AND: [complaintScope(ctx)] },
        select: { id: true, status: true, classification: true, estateId: true, receivedById: true, claims: { where: { status: { not: "CLOSED" } }, select: { id: true } } },
      });
      if (!complaint) throw new NotFoundError("Complaint");
      if (!(await entitlement(ctx, complaintRef(complaint), "CASE")).ok) throw new ForbiddenError("Not entitled to this complaint's case (SEC-2)");
      if (complaint.status === "INVALID") throw new InputError("complaintId", "An invalid complaint gives rise to no claim (CLS-1)");
      if (complaint.claims.length > 0) throw new InputError("complaintId", "The complaint already has a claim in progress; continue that one");
      const created = await ctx.prisma.claim.create({
        // SEC-1: a claim starts at its complaint's level, at least SECRET.
        data: { organizationId: ctx.organizationId!, complaintId: complaint.id, createdById: ctx.viewer!.staffId, classification: higher(complaint.classification, "SECRET") },
        select: { id: true },
      });
      await appendEvents(ctx, complaint.id, [{ kind: "CLAIM_UPDATED", data: { claimId: created.id, action: "OPEN", fromStatus: null, toStatus: "DRAFT" } }]);
      return ctx.prisma.claim.findUniqueOrThrow({ ...nonEmpty(query), where: { id: created.id } });
    },
  }));

claimStep(
  "recordClaimLegalConsultation", "WF-6, 002 8.1.7: records the lawyer's opinion (→ LEGAL_REVIEW)",
  builder.inputType("RecordClaimLegalConsultationInput", { fields: (t) => ({ ...stepFields(t), consultation: t.string({ required: true }) }) }),
  async (ctx, claim, input) => {
    assertStep(claim, "RECORD_LEGAL_CONSULTATION");
    const consultation = requiredText(input.consultation, "input.consultation", 5000);
    await saveStep(ctx, claim, "RECORD_LEGAL_CONSULTATION", { legalConsultation: consultation, legalConsultedAt: ctx.now });
  },
);

claimStep(
  "submitClaimPlan", "WF-6, 9.4.3: the compensation plan with the responsibility and the amount, submitted for approval (→ PENDING_APPROVAL)",
  builder.inputType("SubmitClaimPlanInput", {
    fields: (t) => ({
      ...stepFields(t),
      responsibility: t.field({ type: ResponsibilityEnum, required: true }),
      plan: t.string({ required: true }),
      amount: t.string({ required: true, description: "Yuan, greater than 0, at most 2 decimals, as a string (e.g. \"1200.50\")" }),
    }),
  }),
  async (ctx, claim, input) => {
    assertStep(claim, "SUBMIT_PLAN");
    const plan = requiredText(input.plan, "input.plan", 5000);
    const amount = parseAmount(input.amount);
    if (!amount.ok) throw new InputError("input.amount", amount.reason);
    await saveStep(ctx, claim, "SUBMIT_PLAN", { responsibility: input.responsibility, compensationPlan: plan, compensationAmount: amount.value });
  },
);

claimStep(
  "decideClaim", "WF-6, 002 8.1.7: the company's leadership approves the plan, or rejects it with a reason (→ APPROVED / REJECTED)",
  builder.inputType("DecideClaimInput", {
    fields: (t) => ({ ...stepFields(t), approve: t.boolean({ required: true }), reason: t.string({ required: false, description: "Required for a rejection" }) }),
  }),
  async (ctx, claim, input) => {
    const refusal = decisionRefusal(ctx.viewer!, claim);
    if (refusal) throw new ForbiddenError(refusal);
    const action = input.approve ? "APPROVE" : "REJECT";
    assertStep(claim, action);
    const reason = input.approve ? input.reason?.trim() || null : requiredText(input.reason, "input.reason", 1000);
    await saveStep(ctx, claim, action, input.approve ? { approvedById: ctx.viewer!.staffId, approvedAt: ctx.now } : {}, reason);
  },
);

claimStep(
  "recordClaimCustomerResponse", "WF-6, 9.4.3: the customer agrees to the approved plan, or declines it saying what they object to (→ AGREED / DECLINED_BY_CUSTOMER)",
  builder.inputType("RecordClaimCustomerResponseInput", {
    fields: (t) => ({ ...stepFields(t), agreed: t.boolean({ required: true }), note: t.string({ required: false, description: "Required when the customer declines" }) }),
  }),
  async (ctx, claim, input) => {
    const action = input.agreed ? "CUSTOMER_AGREE" : "CUSTOMER_DECLINE";
    assertStep(claim, action);
    const note = input.agreed ? input.note?.trim() || null : requiredText(input.note, "input.note", 1000);
    await saveStep(ctx, claim, action, input.agreed ? { customerAgreedAt: ctx.now } : {}, note);
  },
);

claimStep(
  "markClaimPaid", "WF-6, 9.4.4: the agreed compensation is paid (→ PAID)",
  builder.inputType("MarkClaimPaidInput", { fields: (t) => ({ ...stepFields(t), paidAt: t.field({ type: "DateTime", required: false, description: "Default now; never in the future" }) }) }),
  async (ctx, claim, input) => {
    assertStep(claim, "MARK_PAID");
    const paidAt = input.paidAt ?? ctx.now;
    if (paidAt.getTime() > ctx.now.getTime() + 60_000) throw new InputError("input.paidAt", "paidAt cannot be in the future");
    await saveStep(ctx, claim, "MARK_PAID", { paidAt });
  },
);

claimStep(
  "reportClaim", "WF-6, 9.4.3: the claim report to the leadership closes the claim (→ CLOSED)",
  builder.inputType("ReportClaimInput", { fields: (t) => ({ ...stepFields(t), report: t.string({ required: true }) }) }),
  async (ctx, claim, input) => {
    assertStep(claim, "REPORT");
    const report = requiredText(input.report, "input.report", 10000);
    await saveStep(ctx, claim, "REPORT", { report, reportedAt: ctx.now });
  },
);
