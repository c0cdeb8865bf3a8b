import type { Complaint, Prisma } from "@tingjian/prisma/client";
import { SlaCache } from "../complaints/sla-stages.ts";
import { deadline } from "../../domain/sla/clock.ts";
import type { WorkingCalendar } from "../../domain/sla/working-calendar.ts";
import type { PolicyLookup } from "../../domain/sla/stages.ts";
import { createCallbacks } from "./create.ts";
import { departmentHead } from "../complaints/department-head.ts";
import { earlierRepair } from "../recurrence/repeat-repair-rule.ts";
import { appendEvents, type TimelineWriter } from "../complaints/timeline.ts";

type Db = TimelineWriter["prisma"];

/**
 * CB-2 (001 §2): who calls back — a general complaint the estate's property assistant, an
 * important one the head of the handling department, a major one the company manager.
 */
export async function callbackOwner(
  db: Db,
  c: Pick<Complaint, "organizationId" | "estateId" | "severity" | "leadDepartmentId" | "receivedById">,
): Promise<string | null> {
  const first = async (where: Prisma.StaffWhereInput) =>
    (
      await db.staff.findFirst({
        where: { organizationId: c.organizationId, active: true, kind: "HUMAN", ...where },
        orderBy: { login: "asc" },
        select: { id: true },
      })
    )?.id ?? null;
  if (c.severity === "MAJOR") return first({ role: "COMPANY_MANAGER" });
  if (c.severity === "IMPORTANT") return (await departmentHead(db, c.leadDepartmentId)) ?? first({ role: "DEPARTMENT_HEAD" });
  return (await first({ role: "PROPERTY_ASSISTANT", estateScopes: { some: { estateId: c.estateId } } })) ?? c.receivedById;
}

/** CB-1, CB-8, INT-4: whether a complaint gets a callback planned (a valid first report, confirmed, not exempt). */
export function needsComplaintCallback(c: Pick<Complaint, "callbackExempt" | "duplicateOfId" | "valid" | "confirmedAt">): boolean {
  return !c.callbackExempt && !c.duplicateOfId && c.valid === true && !!c.confirmedAt;
}

/**
 * CB-1, CB-4: the kind of a confirmed complaint's callback and when it is due — SLA-10 (3 days
 * after the confirmation) or, for a repair, SLA-11 (7 days after completion).
 */
export function complaintCallbackDue(
  c: Pick<Complaint, "kind" | "confirmedAt" | "resolvedAt">,
  policy: PolicyLookup,
  calendar: WorkingCalendar,
): { kind: "REPAIR" | "COMPLAINT"; dueAt: Date } {
  const repair = c.kind === "ENGINEERING";
  const confirmedAt = c.confirmedAt!;
  const rule = repair ? policy("SLA-11.repairCallback", c.resolvedAt ?? confirmedAt) : policy("SLA-10.callback", confirmedAt);
  return {
    kind: repair ? "REPAIR" : "COMPLAINT",
    dueAt: deadline(rule.clock, calendar, repair ? (c.resolvedAt ?? confirmedAt) : confirmedAt, rule.minutes)!,
  };
}

/**
 * CB-1: a confirmed complaint gets its callback (none when exempt, CB-8). Due by SLA-10 (3 days
 * after the confirmation) or, for a repair, SLA-11 (7 days after completion, CB-4). A callback
 * already planned for it (CB-7: the follow-up after a dissatisfied one) is given its due date
 * instead of a second one. Returns the callback's id, or null.
 */
export async function planComplaintCallback(
  writer: TimelineWriter,
  complaintId: string,
  options: { disruptiveRepair?: boolean } = {},
): Promise<string | null> {
  const { prisma: db, now } = writer;
  const c = await db.complaint.findUniqueOrThrow({ where: { id: complaintId } });
  if (!needsComplaintCallback(c)) return null;
  const repair = c.kind === "ENGINEERING";
  const cache = new SlaCache();
  const policy = await cache.policy(db, c.organizationId, c.estateId);
  const estate = await db.estate.findUniqueOrThrow({ where: { id: c.estateId }, select: { calendarId: true } });
  const calendar = await cache.calendar(db, c.organizationId, estate.calendarId);
  const { dueAt } = complaintCallbackDue(c, policy, calendar);
  // CB-11, REC-3: disruptive repairs and repeats (the same repair within the policy window, the
  // estate's override first) are inspected and called back in person, repeats by the manager.
  const repeat = (await earlierRepair(db, c)) !== null;
  const inPerson = repeat || (repair && !!options.disruptiveRepair);
  const assignedToId = (repeat ? await departmentHead(db, c.leadDepartmentId) : null) ?? (await callbackOwner(db, c));
  const planned = await db.callback.findFirst({ where: { complaintId: c.id, status: "PLANNED" }, orderBy: { sequence: "desc" } });
  if (planned) {
    await db.callback.update({
      where: { id: planned.id },
      data: { dueAt, ...(inPerson ? { method: "IN_PERSON" } : {}), version: { increment: 1 } },
    });
    return planned.id;
  }
  const done = await db.callback.count({ where: { complaintId: c.id } });
  const [id] = await createCallbacks(db, [
    {
      organizationId: c.organizationId,
      kind: repair ? "REPAIR" : "COMPLAINT",
      estateId: c.estateId,
      complaintId: c.id,
      householdId: c.householdId,
      customerId: c.complainantId,
      assignedToId,
      dueAt,
      method: inPerson ? "IN_PERSON" : null,
      sequence: done + 1,
      classification: c.classification === "INTERNAL" ? "SECRET" : c.classification,
      createdAt: now,
    },
  ]);
  await appendEvents(writer, c.id, [
    {
      kind: "CALLBACK",
      data: { callbackId: id!, planned: true, dueAt: dueAt.toISOString(), inPerson, repeat },
    },
  ]);
  return id!;
}
