import type { ComplaintKind } from "@tingjian/prisma/client";

/**
 * REC-3, CB-11 (004 §1 item 5 "如短期内同一维修工作发生两次,负责人也要亲自回访客户,分析原因,制定处理措施"):
 * the same repair at the same household twice within the window (policy REC-3.repeatRepairDays,
 * 30 days) escalates one level (WF-7), is called back in person by the responsible manager
 * (callbacks/for-complaint.ts), and needs its cause analysed: it is not resolved before it has a
 * corrective action (REC-1) or a recorded cause.
 *
 * "The same repair" is read as callbacks/for-complaint.ts reads it, so that the escalation and the
 * in-person callback always go together: both complaints valid, not duplicates (INT-4), of kind
 * ENGINEERING, the same household and the same second-level category; the earlier one received
 * within the window before the later one (the boundary included).
 */
export const REC3_POLICY_KEY = "REC-3.repeatRepairDays";
export const REC3_DEFAULT_DAYS = 30;
export const REC2_POLICY_KEY = "REC-2.windowDays";
export const REC2_DEFAULT_DAYS = 90;

const DAY = 86_400_000;

export interface RepairFacts {
  id: string;
  kind: ComplaintKind | null;
  valid: boolean | null;
  duplicateOfId: string | null;
  householdId: string | null;
  categoryId: string | null;
  receivedAt: Date;
}

/** Whether a complaint can be (or be the earlier half of) a repeated repair at all. */
export function isRepairAtHousehold(c: RepairFacts): boolean {
  return c.kind === "ENGINEERING" && c.valid === true && c.duplicateOfId === null && c.householdId !== null && c.categoryId !== null;
}

/** The earliest instant an earlier repair counts from (inclusive); before the complaint itself (exclusive). */
export function repeatRepairWindowStart(receivedAt: Date, windowDays: number): Date {
  return new Date(receivedAt.getTime() - windowDays * DAY);
}

/** REC-3: is `later` the same repair as `earlier`, again within the window? */
export function isRepeatRepair(later: RepairFacts, earlier: RepairFacts, windowDays: number): boolean {
  return (
    isRepairAtHousehold(later) &&
    isRepairAtHousehold(earlier) &&
    later.id !== earlier.id &&
    earlier.householdId === later.householdId &&
    earlier.categoryId === later.categoryId &&
    earlier.receivedAt < later.receivedAt &&
    earlier.receivedAt >= repeatRepairWindowStart(later.receivedAt, windowDays)
  );
}

export interface CauseRequirement {
  /** The complaint is a REC-3 repeat. */
  repeat: boolean;
  /** A corrective action (REC-1) covers the complaint. */
  correctiveActionLinked: boolean;
  /** The responsible manager recorded the cause and measures (CB-11). */
  causeRecorded: boolean;
}

/** REC-3: why the complaint may not be resolved yet, or null. */
export function resolveRefusal(r: CauseRequirement): string | null {
  if (!r.repeat || r.correctiveActionLinked || r.causeRecorded) return null;
  return "REC-3: the same repair came back within the repeat window; record its cause (recordRepeatRepairCause) or link it to a corrective action before resolving it (CB-11)";
}

/**
 * Escalation reasons written before issue 16 are sentences; REC-3's start with this. Its reason is
 * data now (domain/complaints/escalation-reason.ts `repeatRepairReason`).
 */
export const REC3_REASON_PREFIX = "REC-3";
