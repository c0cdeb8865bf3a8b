import type { Callback, CallbackDimension } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { FOLLOW_UP_AFTER_MS, RETRY_AFTER_MS } from "../../domain/callbacks/record-rules.ts";
import { performAction } from "../complaints/editing.ts";
import { syncSlaStages } from "../complaints/sla-stages.ts";
import { appendEvents } from "../complaints/timeline.ts";
import { createCallbacks, type NewCallback } from "./create.ts";

/** A recorded callback's outcome (CB-5…CB-7), validated. */
export interface Outcome {
  reached: boolean;
  satisfied: boolean | null;
  calledAt: Date;
  ratings: { dimension: CallbackDimension; rating: number | null; satisfied: boolean | null; comment: string | null }[];
  issues: {
    description: string;
    answeredOnSpot: boolean;
    promisedReplyAt: Date | null;
    departmentId: string | null;
    repliedAt: Date | null;
  }[];
}

/** The next callback on the same matter keeps the programme, the customer and the owner (CB-2); CB-11 in person stays in person. */
function carryOver(cb: Callback): Omit<NewCallback, "createdAt"> {
  return {
    organizationId: cb.organizationId,
    kind: cb.kind,
    estateId: cb.estateId,
    complaintId: cb.complaintId,
    householdId: cb.householdId,
    customerId: cb.customerId,
    assignedToId: cb.assignedToId,
    method: cb.method === "IN_PERSON" ? "IN_PERSON" : null,
    previousCallbackId: cb.id,
    sampleMemberId: cb.sampleMemberId,
    communityEventId: cb.communityEventId,
    surveyHandoutId: cb.surveyHandoutId,
    surveyCampaignId: cb.surveyCampaignId,
    visitRecordId: cb.visitRecordId,
    classification: cb.classification,
  };
}

/** CB-1: a customer not reached is tried again the next day (the same callback number in sequence). */
export function retryNextDay(ctx: SignedInContext, cb: Callback): NewCallback {
  return { ...carryOver(cb), sequence: cb.sequence, dueAt: new Date(ctx.now.getTime() + RETRY_AFTER_MS), createdAt: ctx.now };
}

/**
 * CB-6, CB-7 on the complaint: the callback is on its timeline; a satisfied customer verifies the
 * result; a dissatisfied one reopens it, the handling department is notified, and the next
 * callback is planned (its due date is set again when the complaint is next confirmed).
 */
export async function onComplaint(ctx: SignedInContext, cb: Callback, complaintId: string, outcome: Outcome): Promise<void> {
  const row = await ctx.prisma.complaint.findUniqueOrThrow({ where: { id: complaintId } });
  const event = {
    kind: "CALLBACK" as const,
    data: { callbackId: cb.id, sequence: cb.sequence, reached: outcome.reached, satisfied: outcome.satisfied },
  };
  if (outcome.reached && outcome.satisfied && row.status === "CONFIRMED") {
    await performAction(ctx, row, "VERIFY", { patch: { verifiedAt: outcome.calledAt, closedAt: outcome.calledAt }, events: [event] });
    return;
  }
  if (outcome.reached && outcome.satisfied === false && ["RESOLVED", "CONFIRMED", "VERIFIED"].includes(row.status)) {
    const reason = { rule: "CB-7", callbackId: cb.id };
    await performAction(ctx, row, "REOPEN", {
      systemReason: reason,
      patch: { resolvedAt: null, confirmedAt: null, verifiedAt: null, closedAt: null },
      events: [
        event,
        { kind: "REOPENED", data: reason },
        { kind: "NOTE", data: { notifiedDepartmentId: row.leadDepartmentId, rule: "CB-7" } },
      ],
    });
    const dueAt = new Date(ctx.now.getTime() + FOLLOW_UP_AFTER_MS);
    const [next] = await createCallbacks(ctx.prisma, [{ ...carryOver(cb), sequence: cb.sequence + 1, dueAt, createdAt: ctx.now }]);
    await appendEvents(ctx, complaintId, [
      { kind: "CALLBACK", data: { callbackId: next!, planned: true, sequence: cb.sequence + 1, dueAt: dueAt.toISOString() } },
    ]);
    return;
  }
  await appendEvents(ctx, complaintId, [event]);
  await syncSlaStages(ctx.prisma, complaintId, ctx.now);
}
