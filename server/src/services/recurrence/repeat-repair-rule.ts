import type { Complaint, Prisma, PrismaClient } from "@tingjian/prisma/client";
import type { Context } from "../../access/context.ts";
import { ESCALATION_REASON, repeatRepairReason } from "../../domain/complaints/escalation-reason.ts";
import { escalate } from "../complaints/escalation.ts";
import type { TimelineWriter } from "../complaints/timeline.ts";
import { availableActions, OPEN_STATES, WORKFLOW } from "../../domain/complaints/workflow.ts";
import { policyAt } from "../../domain/policies/policy-at.ts";
import {
  isRepairAtHousehold,
  REC3_DEFAULT_DAYS,
  REC3_POLICY_KEY,
  REC3_REASON_PREFIX,
  repeatRepairWindowStart,
  resolveRefusal,
} from "../../domain/recurrence/repeat-repair.ts";
import { WorkflowError } from "../../errors/complaints.ts";
import { msg } from "../../i18n/messages.ts";

/**
 * REC-3, CB-11 (004 §1 item 5): the same repair at the same household twice within 30 days
 * (policy REC-3.repeatRepairDays) escalates one level (WF-7), is called back in person by the
 * responsible manager (callbacks/for-complaint.ts plans that), and must have its cause analysed:
 * a corrective action (REC-1) or a recorded cause before it is resolved. The rule itself is pure
 * (domain/recurrence/repeat-repair.ts); these are its hooks into the complaint workflow, with no
 * schema of their own, so the workflow's files can import them:
 *  - applyRepeatRepairRule(ctx, complaintId) after a complaint is classified or reclassified
 *    (complaints classification);
 *  - requireRepeatRepairCause(ctx, row) before a complaint is resolved (schema/complaints/handling.ts).
 */
type Db = PrismaClient | Prisma.TransactionClient;
type RepairRow = Pick<
  Complaint,
  "id" | "organizationId" | "estateId" | "kind" | "valid" | "duplicateOfId" | "householdId" | "categoryId" | "receivedAt"
>;

/** REC-3.repeatRepairDays in force when the complaint was received (the estate's override first). */
async function windowDays(db: Db, c: RepairRow): Promise<number> {
  const rows = await db.policyValue.findMany({
    where: { organizationId: c.organizationId, key: REC3_POLICY_KEY, OR: [{ estateId: null }, { estateId: c.estateId }] },
  });
  const row = policyAt(
    rows.map((r) => ({ ...r, value: r.valueNumeric === null ? null : Number(r.valueNumeric) })),
    REC3_POLICY_KEY,
    c.estateId,
    c.receivedAt,
  );
  return row?.value ?? REC3_DEFAULT_DAYS;
}

/** The latest earlier repair that makes `c` a REC-3 repeat, or null (the same reading as CB-11's callback). */
export async function earlierRepair(db: Db, c: RepairRow): Promise<{ id: string; no: string; windowDays: number } | null> {
  if (!isRepairAtHousehold(c)) return null;
  const days = await windowDays(db, c);
  const earlier = await db.complaint.findFirst({
    where: {
      organizationId: c.organizationId,
      householdId: c.householdId,
      categoryId: c.categoryId,
      kind: "ENGINEERING",
      valid: true,
      duplicateOfId: null,
      id: { not: c.id },
      receivedAt: { gte: repeatRepairWindowStart(c.receivedAt, days), lt: c.receivedAt },
    },
    orderBy: [{ receivedAt: "desc" }, { no: "desc" }],
    select: { id: true, no: true },
  });
  return earlier ? { ...earlier, windowDays: days } : null;
}

/**
 * REC-3's escalation of a complaint: the reason as data (escalationRepeatRepair), or one written
 * before issue 16 as a sentence starting "REC-3" by the system (no person escalated it).
 */
function rec3Escalation(complaintId: string): Prisma.ComplaintEscalationWhereInput {
  return {
    complaintId,
    OR: [
      { reasonCode: ESCALATION_REASON.REPEAT_REPAIR },
      { reasonCode: null, escalatedById: null, reason: { startsWith: REC3_REASON_PREFIX } },
    ],
  };
}

/**
 * REC-3 hook, after classification: a repeated repair escalates one level (WF-7) with a reason
 * naming REC-3 and the earlier complaint, once (a reclassification does not escalate it again).
 * The reason is data: the earlier complaint's number is shown only to readers who may read it
 * (SEC-2, services/recurrence/earlier-complaint.ts). Returns whether it escalated.
 */
export async function applyRepeatRepairRule(writer: TimelineWriter, complaintId: string): Promise<boolean> {
  const db = writer.prisma;
  const c = await db.complaint.findUniqueOrThrow({ where: { id: complaintId } });
  if (!OPEN_STATES.includes(c.status)) return false;
  const earlier = await earlierRepair(db, c);
  if (!earlier) return false;
  const already = await db.complaintEscalation.findFirst({ where: rec3Escalation(complaintId), select: { id: true } });
  if (already) return false;
  // The rule escalates, not the person who classified: a system escalation (no actor).
  await escalate(db, {
    organizationId: c.organizationId,
    complaintId,
    now: writer.now,
    systemReason: repeatRepairReason(earlier),
    actorId: null,
  });
  return true;
}

export interface RepeatRepairState {
  complaintId: string;
  earlierId: string;
  windowDays: number;
  escalated: boolean;
  causeRecorded: boolean;
  correctiveActionLinked: boolean;
}

/** Where a complaint stands with REC-3, or null when it is not a repeated repair. */
export async function repeatRepairState(db: Db, c: RepairRow): Promise<RepeatRepairState | null> {
  const earlier = await earlierRepair(db, c);
  if (!earlier) return null;
  const escalated = await db.complaintEscalation.findFirst({ where: rec3Escalation(c.id), select: { id: true } });
  const cause = await db.complaintEvent.findFirst({
    where: { complaintId: c.id, kind: "NOTE", data: { path: ["repeatCause"], equals: true } },
    select: { id: true },
  });
  const linked = await db.correctiveActionComplaint.findFirst({ where: { complaintId: c.id }, select: { id: true } });
  return {
    complaintId: c.id,
    earlierId: earlier.id,
    windowDays: earlier.windowDays,
    escalated: !!escalated,
    causeRecorded: !!cause,
    correctiveActionLinked: !!linked,
  };
}

/** REC-3: the complaint may not be resolved yet. A WorkflowError, so resolveComplaint's payload carries it as it is. */
export class RepeatRepairCauseRequiredError extends WorkflowError {}

/**
 * REC-3 check helper, before a complaint is resolved: a repeated repair without a corrective
 * action or a recorded cause is refused (nothing is written: the mutation rolls back).
 */
export async function requireRepeatRepairCause(ctx: Context, row: Complaint): Promise<void> {
  // An illegal step is the workflow's own error; this rule speaks only where resolving is possible.
  if (!WORKFLOW.RESOLVE.from.includes(row.status)) return;
  const state = await repeatRepairState(ctx.prisma, row);
  const refusal = resolveRefusal({
    repeat: !!state,
    correctiveActionLinked: !!state?.correctiveActionLinked,
    causeRecorded: !!state?.causeRecorded,
  });
  if (refusal) {
    const facts = { inWarranty: row.inWarranty, valid: row.valid };
    // The domain's refusal says why; the catalogue gives it in the caller's language.
    throw new RepeatRepairCauseRequiredError(
      row.status,
      availableActions(row.status, facts).filter((a) => a !== "RESOLVE"),
      msg("repeatRepairCauseRequired"),
    );
  }
}
