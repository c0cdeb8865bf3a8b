import type { Classification } from "@tingjian/prisma/client";
import type { Context, SignedInContext } from "../../access/context.ts";
import { reveal } from "../../access/disclosure.ts";
import { complaintScope } from "../../access/read-scope.ts";
import { escalationReasonText, legacyRepeatEarlierNo, withoutEarlierNo } from "../../domain/complaints/escalation-reason.ts";
import { localDateTime } from "../../domain/complaints/timeline-summary.ts";
import { OPEN_STATES } from "../../domain/complaints/workflow.ts";
import { ForbiddenError, InputCheck, InputError, NotFoundError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { requirePickable } from "../access/staff-picks.ts";
import { shownEarlierComplaintNo } from "../recurrence/earlier-complaint.ts";
import { complaintRef } from "./case-ref.ts";
import { appendEvents, complaintForEdit, requireCaseAccess, saveComplaint } from "./editing.ts";
import { escalate } from "./escalation.ts";

export interface EscalateInput {
  id: string;
  version: number;
  reason: string;
  toStaffId?: string | null;
}

/** WF-7: a complaint that cannot be solved goes one level up to a supervisor, who decides. */
export async function escalateComplaint(ctx: SignedInContext, input: EscalateInput): Promise<{ level: number; toStaffId: string | null }> {
  const row = await complaintForEdit(ctx, input.id, input.version);
  const check = new InputCheck();
  const reason = check.text(input.reason, "input.reason", 2000);
  check.done();
  if (!OPEN_STATES.includes(row.status)) throw new InputError("input.id", msg("escalateClosed", { status: row.status }));
  // WF-7, SEC-2: an active supervisor other than the caller who can see and know this complaint,
  // so that they can decide it (staffDirectory(pick: ESCALATION) offers exactly these).
  const toStaffId = input.toStaffId ? await requirePickable(ctx, "ESCALATION", row, input.toStaffId, "input.toStaffId") : null;
  // The version check and the SLA re-plan first; then one level up.
  await saveComplaint(ctx, row, {}, []);
  return escalate(ctx.prisma, {
    organizationId: ctx.organizationId,
    complaintId: row.id,
    now: ctx.now,
    reason,
    actorId: ctx.viewer.staffId,
    toStaffId,
  });
}

const DECIDING_MANAGERS = ["COMPANY_MANAGER", "MANAGEMENT_REP", "EXECUTIVE"];

/** WF-7: the supervisor the complaint was escalated to (or a more senior manager) records the decision. Returns the escalation's id. */
export async function decideEscalation(ctx: SignedInContext, input: { id: string; decision: string }): Promise<string> {
  const check = new InputCheck();
  const decision = check.text(input.decision, "input.decision", 4000);
  check.done();
  const e = await ctx.prisma.complaintEscalation.findFirst({
    where: { id: input.id, complaint: complaintScope(ctx) },
    include: { complaint: { select: { id: true, classification: true, estateId: true, receivedById: true } } },
  });
  if (!e) throw new NotFoundError("Escalation");
  await requireCaseAccess(ctx, e.complaint);
  if (e.escalatedToId !== ctx.viewer.staffId && !DECIDING_MANAGERS.includes(ctx.viewer.role))
    throw new ForbiddenError(msg("escalationDecider"));
  if (e.decidedAt) throw new InputError("input.id", msg("escalationDecided"));
  // Issue 15 item 17: decided once. Compare-and-set on "not decided yet": of supervisors
  // deciding at the same moment one wins, the others are told it was decided.
  const decided = await ctx.prisma.complaintEscalation.updateMany({
    where: { id: e.id, decidedAt: null },
    data: { decision, decidedAt: ctx.now },
  });
  if (decided.count === 0) throw new InputError("input.id", msg("escalationDecided"));
  await appendEvents(ctx, e.complaintId, [{ kind: "NOTE", note: decision, data: { escalationId: e.id, decision: true } }]);
  return e.id;
}

/** An escalation as ComplaintEscalation.reason reads it: its reason columns and the complaint's decision columns and time zone. */
export interface EscalationReasonRow {
  reason: string | null;
  reasonCode: string | null;
  reasonParams: unknown;
  escalatedById: string | null;
  complaint: { id: string; classification: Classification; estateId: string; receivedById: string | null; estate: { timezone: string } };
}

/**
 * WF-7, issue 16: why a complaint was escalated, for this reader. A system reason (reason_code and
 * reason_params) is rendered in the reader's language, its deadline in the estate's local time,
 * the earlier complaint of a REC-3 repeat by number only if the reader may read it (SEC-2). What a
 * person typed is case content: masked unless the reader knows the case (SEC-2, SEC-3 logged).
 * A reason written before issue 16 is shown as stored, but a REC-3 one without the number the
 * reader may not see.
 */
export async function escalationReasonFor(ctx: Context, e: EscalationReasonRow): Promise<string | null> {
  if (e.reasonCode) {
    const shown = await shownEarlierComplaintNo(ctx, e.reasonParams);
    const at = (v: unknown) => localDateTime(v, e.complaint.estate.timezone) ?? "—";
    const rendered = escalationReasonText(e.reasonCode, e.reasonParams, ctx.language, at, shown);
    if (rendered !== null) return rendered;
  }
  let reason = e.reason;
  const legacyEarlier = e.escalatedById === null ? legacyRepeatEarlierNo(reason) : null;
  if (reason && legacyEarlier && !(await shownEarlierComplaintNo(ctx, { rule: "REC-3", earlierNo: legacyEarlier })))
    reason = withoutEarlierNo(reason);
  return reveal(ctx, complaintRef(e.complaint), "handlingText", reason);
}
