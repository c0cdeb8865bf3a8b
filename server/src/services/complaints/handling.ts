import type { Complaint, ConfirmationMethod } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { availableActions } from "../../domain/complaints/workflow.ts";
import { WorkflowError } from "../../errors/complaints.ts";
import { InputCheck, InputError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { planComplaintCallback } from "../callbacks/for-complaint.ts";
import { requireRepeatRepairCause } from "../recurrence/repeat-repair-rule.ts";
import { requireOpen } from "./assignment.ts";
import { complaintForEdit, performAction, saveComplaint } from "./editing.ts";

/** A command that names only the complaint (and an optional note). */
export interface ComplaintNoteInput {
  id: string;
  version: number;
  note?: string | null;
}

/** §5: work on the confirmed plan begins. */
export async function startComplaintWork(ctx: SignedInContext, input: ComplaintNoteInput): Promise<number> {
  const row = await complaintForEdit(ctx, input.id, input.version);
  return performAction(ctx, row, "START", { note: input.note });
}

export interface ResolveInput {
  id: string;
  version: number;
  note: string;
  disruptiveRepair?: boolean | null;
}

/** §5: the work is done (what was done in `note`); the promise in force is kept or missed (SLA-6). */
export async function resolveComplaint(ctx: SignedInContext, input: ResolveInput): Promise<number> {
  const row = await complaintForEdit(ctx, input.id, input.version);
  // REC-3: a repeated repair is resolved only with its cause analysed (a recorded cause or a corrective action).
  await requireRepeatRepairCause(ctx, row);
  const check = new InputCheck();
  const note = check.text(input.note, "input.note", 4000);
  check.done();
  const promise = await ctx.prisma.complaintPromise.findFirst({ where: { complaintId: row.id }, orderBy: { sequence: "desc" } });
  if (promise && !promise.keptAt)
    await ctx.prisma.complaintPromise.update({
      where: { id: promise.id },
      data: { keptAt: ctx.now, missed: ctx.now > promise.promisedAt },
    });
  return performAction(ctx, row, "RESOLVE", { note, patch: { resolvedAt: ctx.now }, data: { disruptiveRepair: !!input.disruptiveRepair } });
}

export interface ConfirmResolutionInput {
  id: string;
  version: number;
  method: ConfirmationMethod;
  satisfied: boolean;
  confirmedByName?: string | null;
  confirmedAt?: Date | null;
  signatureAttachmentId?: string | null;
  recordingId?: string | null;
  note?: string | null;
}

/** WF-4: who, when and how confirmed, and the evidence the method needs; one InputError names every bad field. */
async function checkConfirmation(ctx: SignedInContext, row: Complaint, input: ConfirmResolutionInput) {
  const check = new InputCheck();
  const at = input.confirmedAt ?? ctx.now;
  check.that(
    !(at.getTime() > ctx.now.getTime() + 60_000 || (row.resolvedAt && at < row.resolvedAt)),
    "input.confirmedAt",
    msg("confirmAt"),
  );
  const confirmedByName = input.confirmedByName?.trim() || row.complainantName;
  check.that(!!confirmedByName || !!row.complainantId || row.anonymous, "input.confirmedByName", msg("confirmWho"));
  let signatureAttachmentId: string | null = null;
  if (
    input.method === "SIGNATURE" &&
    check.that(!!input.signatureAttachmentId, "input.signatureAttachmentId", msg("confirmSignatureRequired"))
  ) {
    const a = await ctx.prisma.attachment.findFirst({
      where: { id: input.signatureAttachmentId!, complaintId: row.id, kind: "SIGNATURE" },
      select: { id: true },
    });
    signatureAttachmentId = check.that(!!a, "input.signatureAttachmentId", msg("confirmNoSignature")) ? a!.id : null;
  }
  let recordingId: string | null = null;
  if (input.method === "PHONE_CONSENT" && check.that(!!input.recordingId, "input.recordingId", msg("confirmRecordingRequired"))) {
    const r = await ctx.prisma.hotlineRecording.findFirst({ where: { id: input.recordingId!, complaintId: row.id }, select: { id: true } });
    recordingId = check.that(!!r, "input.recordingId", msg("confirmNoRecording")) ? r!.id : null;
  }
  const note = input.satisfied ? input.note?.trim() || null : check.text(input.note, "input.note", 2000);
  check.done();
  return { at, confirmedByName, signatureAttachmentId, recordingId, note };
}

/**
 * WF-4: the complainant confirms the resolution (who, when, how). Not satisfied: the complaint is
 * reopened (CB-7) with the complainant's words in `note`; satisfied: its callback is planned (CB-1).
 */
export async function confirmComplaintResolution(ctx: SignedInContext, input: ConfirmResolutionInput): Promise<number> {
  const row = await complaintForEdit(ctx, input.id, input.version);
  const c = await checkConfirmation(ctx, row, input);
  if (row.status !== "RESOLVED")
    throw new WorkflowError(
      row.status,
      availableActions(row.status, { inWarranty: row.inWarranty, valid: row.valid }),
      msg("confirmOnlyResolved"),
    );
  await ctx.prisma.complaintConfirmation.create({
    data: {
      organizationId: ctx.organizationId,
      complaintId: row.id,
      customerId: row.complainantId,
      confirmedByName: c.confirmedByName,
      confirmedAt: c.at,
      method: input.method,
      satisfied: input.satisfied,
      signatureAttachmentId: c.signatureAttachmentId,
      recordingId: c.recordingId,
      recordedById: ctx.viewer.staffId,
      note: c.note,
    },
  });
  const event = { kind: "CONFIRMED" as const, note: c.note, data: { method: input.method, satisfied: input.satisfied } };
  if (!input.satisfied)
    return performAction(ctx, row, "REOPEN", {
      note: c.note,
      patch: { resolvedAt: null },
      events: [event, { kind: "REOPENED", note: c.note }],
    });
  const version = await performAction(ctx, row, "CONFIRM", { patch: { confirmedAt: c.at }, events: [event] });
  // CB-1: the confirmed complaint gets its callback (CB-11: in person after a disruptive repair).
  const resolved = await ctx.prisma.complaintEvent.findFirst({
    where: { complaintId: row.id, kind: "TRANSITION", toStatus: "RESOLVED" },
    orderBy: { at: "desc" },
    select: { data: true },
  });
  await planComplaintCallback(ctx, row.id, {
    disruptiveRepair: (resolved?.data as { disruptiveRepair?: boolean } | null)?.disruptiveRepair === true,
  });
  return version;
}

export interface ReasonInput {
  id: string;
  version: number;
  reason: string;
}

/** CB-7: a resolution rejected later (or an invalid complaint found valid) reopens the complaint; the reason is on record. */
export async function reopenComplaint(ctx: SignedInContext, input: ReasonInput): Promise<number> {
  const row = await complaintForEdit(ctx, input.id, input.version);
  const check = new InputCheck();
  const reason = check.text(input.reason, "input.reason", 2000);
  check.done();
  return performAction(ctx, row, "REOPEN", {
    note: reason,
    patch: { resolvedAt: null, confirmedAt: null, verifiedAt: null, closedAt: null },
    events: [{ kind: "REOPENED", note: reason }],
  });
}

/** SLA-9: a reply to the complainant (the first one stops the first-reply clock). */
export async function recordComplaintReply(ctx: SignedInContext, input: { id: string; version: number; note: string }): Promise<number> {
  const row = await complaintForEdit(ctx, input.id, input.version);
  const check = new InputCheck();
  const note = check.text(input.note, "input.note", 2000);
  check.done();
  return saveComplaint(ctx, row, { firstRepliedAt: row.firstRepliedAt ?? ctx.now }, [{ kind: "REPLIED", note }]);
}

async function paused(ctx: SignedInContext, complaintId: string): Promise<boolean> {
  const last = await ctx.prisma.complaintEvent.findFirst({
    where: { complaintId, kind: { in: ["PAUSE", "RESUME"] } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    select: { kind: true },
  });
  return last?.kind === "PAUSE";
}

/** §6: the SLA clocks stop while waiting for the customer (e.g. no access to the unit); the pause is an event. */
export async function pauseComplaintClock(ctx: SignedInContext, input: ReasonInput): Promise<number> {
  const row = await complaintForEdit(ctx, input.id, input.version);
  const check = new InputCheck();
  const reason = check.text(input.reason, "input.reason", 2000);
  check.done();
  requireOpen(row, "pause");
  if (await paused(ctx, row.id)) throw new InputError("input.id", msg("clockAlreadyPaused"));
  return saveComplaint(ctx, row, {}, [{ kind: "PAUSE", note: reason }]);
}

/** §6: the customer is back; the SLA clocks run again and their deadlines move by the pause. */
export async function resumeComplaintClock(ctx: SignedInContext, input: ComplaintNoteInput): Promise<number> {
  const row = await complaintForEdit(ctx, input.id, input.version);
  if (!(await paused(ctx, row.id))) throw new InputError("input.id", msg("clockNotPaused"));
  return saveComplaint(ctx, row, {}, [{ kind: "RESUME", note: input.note?.trim() || null }]);
}
