import type { Claim, Prisma, Responsibility } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { entitlement } from "../../access/disclosure.ts";
import { complaintScope } from "../../access/read-scope.ts";
import {
  availableClaimActions,
  claimDecision,
  decisionRefusalMessage,
  parseAmountMessage,
  stepRefusalMessage,
  type ClaimAction,
} from "../../domain/complaints/claim-workflow.ts";
import { ClaimConflictError, ClaimWorkflowError } from "../../errors/complaint-records.ts";
import { ForbiddenError, InputCheck, InputError, NotFoundError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { writeAtVersion } from "../versioned-write.ts";
import { claimFacts, claimRef, claimScope, complaintForRef, higher, type ClaimWithComplaint } from "./claims-access.ts";
import { requireCaseAccess } from "./editing.ts";
import { appendEvents } from "./timeline.ts";

/**
 * WF-6 claims (002 8.1.7, 9.4): every command of a claim. The state machine is
 * domain/complaints/claim-workflow.ts; every step is a CLAIM_UPDATED event on the complaint's
 * timeline (SPEC §5) and carries the claim's version (optimistic concurrency). Each returns the
 * claim's id.
 */

/**
 * WF-6: opens a claim on a complaint (DRAFT); the caller is its creator and may not approve it.
 * One claim in progress per complaint; none on an invalid complaint (CLS-1).
 */
export async function openClaim(ctx: SignedInContext, input: { complaintId: string }): Promise<string> {
  const complaint = await ctx.prisma.complaint.findFirst({
    where: { id: input.complaintId, AND: [complaintScope(ctx)] },
    select: {
      id: true,
      status: true,
      classification: true,
      estateId: true,
      receivedById: true,
      claims: { where: { status: { not: "CLOSED" } }, select: { id: true } },
    },
  });
  if (!complaint) throw new NotFoundError("Complaint");
  await requireCaseAccess(ctx, complaint);
  if (complaint.status === "INVALID") throw new InputError("complaintId", msg("claimOnInvalidComplaint"));
  if (complaint.claims.length > 0) throw new InputError("complaintId", msg("claimInProgress"));
  const created = await ctx.prisma.claim.create({
    // SEC-1: a claim starts at its complaint's level, at least SECRET.
    data: {
      organizationId: ctx.organizationId,
      complaintId: complaint.id,
      createdById: ctx.viewer.staffId,
      classification: higher(complaint.classification, "SECRET"),
    },
    select: { id: true },
  });
  await appendEvents(ctx, complaint.id, [
    { kind: "CLAIM_UPDATED", data: { claimId: created.id, action: "OPEN", fromStatus: null, toStatus: "DRAFT" } },
  ]);
  return created.id;
}

/** A claim step's target: the claim's row id and the version the caller read. */
export interface ClaimStepInput {
  id: string;
  version: number;
}

/**
 * The claim as the caller may edit it: in its scope, its case known to the caller (SEC-2: who
 * writes case content must be entitled to read it), at the version the caller read.
 */
async function claimForEdit(ctx: SignedInContext, input: ClaimStepInput): Promise<ClaimWithComplaint> {
  const claim = await ctx.prisma.claim.findFirst({
    where: { id: input.id, AND: [claimScope(ctx)] },
    include: { complaint: complaintForRef },
  });
  if (!claim) throw new NotFoundError("Claim");
  if (!(await entitlement(ctx, claimRef(claim), "CASE")).ok) throw new ForbiddenError(msg("claimCaseForbidden"));
  if (claim.version !== input.version) throw new ClaimConflictError(claim.id, claim.version);
  return claim;
}

/** WF-6: the claim's state must allow `action`; otherwise a ClaimWorkflowError naming the allowed steps. */
function assertStep(claim: Claim, action: ClaimAction): void {
  const refusal = stepRefusalMessage(claim.status, action, claimFacts(claim));
  if (refusal) throw new ClaimWorkflowError(claim.status, availableClaimActions(claim.status, claimFacts(claim)), refusal);
}

/**
 * Writes the step if the claim is still at its version (a concurrent step in between is a
 * conflict, nothing written) and appends it to the complaint's timeline; the complaint itself,
 * and so its version, is unchanged.
 */
async function saveStep(
  ctx: SignedInContext,
  claim: Claim,
  action: ClaimAction,
  patch: Prisma.ClaimUncheckedUpdateManyInput,
  note?: string | null,
): Promise<string> {
  const r = claimDecision(claim.status, action, claimFacts(claim), note);
  if (!r.ok) throw new ClaimWorkflowError(claim.status, availableClaimActions(claim.status, claimFacts(claim)), r.message);
  await writeAtVersion(ctx.prisma.claim, claim, { ...patch, status: r.to }, (id, v) => new ClaimConflictError(id, v));
  await appendEvents(ctx, claim.complaintId, [
    { kind: "CLAIM_UPDATED", note: note?.trim() || null, data: { claimId: claim.id, action, fromStatus: claim.status, toStatus: r.to } },
  ]);
  return claim.id;
}

/** WF-6, 002 8.1.7: records the lawyer's opinion (→ LEGAL_REVIEW). */
export async function recordClaimLegalConsultation(
  ctx: SignedInContext,
  input: ClaimStepInput & { consultation: string },
): Promise<string> {
  const claim = await claimForEdit(ctx, input);
  assertStep(claim, "RECORD_LEGAL_CONSULTATION");
  const check = new InputCheck();
  const consultation = check.text(input.consultation, "input.consultation", 5000);
  check.done();
  return saveStep(ctx, claim, "RECORD_LEGAL_CONSULTATION", { legalConsultation: consultation, legalConsultedAt: ctx.now });
}

/** WF-6, 9.4.3: the plan with the responsibility and the amount (a decimal string), for approval (→ PENDING_APPROVAL). */
export async function submitClaimPlan(
  ctx: SignedInContext,
  input: ClaimStepInput & { responsibility: Responsibility; plan: string; amount: string },
): Promise<string> {
  const claim = await claimForEdit(ctx, input);
  assertStep(claim, "SUBMIT_PLAN");
  const check = new InputCheck();
  const plan = check.text(input.plan, "input.plan", 5000);
  const amount = parseAmountMessage(input.amount);
  if (!amount.ok) check.add("input.amount", amount.message);
  check.done();
  return saveStep(ctx, claim, "SUBMIT_PLAN", {
    responsibility: input.responsibility,
    compensationPlan: plan,
    compensationAmount: amount.ok ? amount.value : null,
  });
}

/** WF-6, 002 8.1.7: the company's leadership approves the plan, or rejects it with a reason (→ APPROVED / REJECTED). */
export async function decideClaim(
  ctx: SignedInContext,
  input: ClaimStepInput & { approve: boolean; reason?: string | null },
): Promise<string> {
  const claim = await claimForEdit(ctx, input);
  const refusal = decisionRefusalMessage(ctx.viewer, claim);
  if (refusal) throw new ForbiddenError(refusal);
  const action = input.approve ? "APPROVE" : "REJECT";
  assertStep(claim, action);
  const check = new InputCheck();
  const reason = input.approve ? input.reason?.trim() || null : check.text(input.reason, "input.reason", 1000);
  check.done();
  return saveStep(ctx, claim, action, input.approve ? { approvedById: ctx.viewer.staffId, approvedAt: ctx.now } : {}, reason);
}

/** WF-6, 9.4.3: the customer agrees to the approved plan, or declines it saying what they object to (→ AGREED / DECLINED_BY_CUSTOMER). */
export async function recordClaimCustomerResponse(
  ctx: SignedInContext,
  input: ClaimStepInput & { agreed: boolean; note?: string | null },
): Promise<string> {
  const claim = await claimForEdit(ctx, input);
  const action = input.agreed ? "CUSTOMER_AGREE" : "CUSTOMER_DECLINE";
  assertStep(claim, action);
  const check = new InputCheck();
  const note = input.agreed ? input.note?.trim() || null : check.text(input.note, "input.note", 1000);
  check.done();
  return saveStep(ctx, claim, action, input.agreed ? { customerAgreedAt: ctx.now } : {}, note);
}

/** WF-6, 9.4.4: the agreed compensation is paid (→ PAID); `paidAt` defaults to now and is never in the future. */
export async function markClaimPaid(ctx: SignedInContext, input: ClaimStepInput & { paidAt?: Date | null }): Promise<string> {
  const claim = await claimForEdit(ctx, input);
  assertStep(claim, "MARK_PAID");
  const paidAt = input.paidAt ?? ctx.now;
  const check = new InputCheck();
  check.that(paidAt.getTime() <= ctx.now.getTime() + 60_000, "input.paidAt", msg("claimPaidInFuture"));
  check.done();
  return saveStep(ctx, claim, "MARK_PAID", { paidAt });
}

/** WF-6, 9.4.3: the claim report to the leadership closes the claim (→ CLOSED). */
export async function reportClaim(ctx: SignedInContext, input: ClaimStepInput & { report: string }): Promise<string> {
  const claim = await claimForEdit(ctx, input);
  assertStep(claim, "REPORT");
  const check = new InputCheck();
  const report = check.text(input.report, "input.report", 10000);
  check.done();
  return saveStep(ctx, claim, "REPORT", { report, reportedAt: ctx.now });
}
