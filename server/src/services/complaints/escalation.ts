import type { Prisma, PrismaClient } from "@tingjian/prisma/client";

import type { SystemReason } from "../../domain/complaints/escalation-reason.ts";
import { departmentHead } from "./department-head.ts";
import { appendEvents } from "./timeline.ts";

type Db = PrismaClient | Prisma.TransactionClient;

export interface EscalationRequest {
  organizationId: string;
  complaintId: string;
  now: Date;
  /** What the escalating person typed (WF-7); stored in `reason` and as the event's note. */
  reason?: string | null;
  /**
   * A system escalation's reason as data (domain/complaints/escalation-reason.ts): a catalogue key
   * and its parameters (rule, stage, deadline as ISO …), stored in reason_code / reason_params and
   * in the event's `data`, rendered when read in the reader's language and the estate's local time.
   */
  systemReason?: SystemReason;
  /** Automatic escalations come from a breached SLA stage (or another rule, `systemReason`); manual ones from a person. */
  slaStageId?: string;
  actorId?: string | null;
  /** The supervisor chosen by the escalating person; otherwise the next level up. */
  toStaffId?: string | null;
}

/**
 * WF-7: a complaint goes one level up — the lead department's head (or the estate's office
 * director), then the company manager, then the executive — who decides. Marks the complaint
 * escalated and appends the event; automatic when an SLA stage is breached.
 */
export async function escalate(db: Db, r: EscalationRequest): Promise<{ level: number; toStaffId: string | null }> {
  const c = await db.complaint.update({
    where: { id: r.complaintId },
    data: { escalated: true, escalationLevel: { increment: 1 }, version: { increment: 1 } },
    select: { escalationLevel: true, leadDepartmentId: true, estateId: true },
  });
  const level = c.escalationLevel;
  const toStaffId =
    r.toStaffId ?? (await supervisorAt(db, r.organizationId, level, await departmentHead(db, c.leadDepartmentId), c.estateId));
  const automatic = !!r.slaStageId || !!r.systemReason;
  const reason = r.reason ?? null;
  await db.complaintEscalation.create({
    data: {
      organizationId: r.organizationId,
      complaintId: r.complaintId,
      level,
      at: r.now,
      automatic,
      slaStageId: r.slaStageId ?? null,
      reason,
      reasonCode: r.systemReason?.code ?? null,
      reasonParams: r.systemReason?.params,
      escalatedById: r.actorId ?? null,
      escalatedToId: toStaffId,
    },
  });
  // The system's reason is the event's data (ComplaintEvent.summary renders it); the note only what a person wrote.
  await appendEvents({ prisma: db, now: r.now, viewer: null, organizationId: r.organizationId }, r.complaintId, [
    {
      kind: "ESCALATED",
      actorId: r.actorId ?? null,
      note: reason,
      data: { level, toStaffId, automatic, slaStageId: r.slaStageId ?? null, ...r.systemReason?.params },
    },
  ]);
  return { level, toStaffId };
}

/** WF-7: whom an escalation to `level` goes to (also used by the import, which escalates in bulk). */
export async function supervisorAt(
  db: Db,
  organizationId: string,
  level: number,
  departmentHeadId: string | null,
  estateId: string,
): Promise<string | null> {
  if (level <= 1) {
    if (departmentHeadId) return departmentHeadId;
    const office = await db.office.findFirst({ where: { organizationId, estateId }, select: { directorId: true } });
    if (office?.directorId) return office.directorId;
    const director = await db.staff.findFirst({
      where: { organizationId, role: "OFFICE_DIRECTOR", active: true, estateScopes: { some: { estateId } } },
      orderBy: { login: "asc" },
      select: { id: true },
    });
    if (director) return director.id;
  }
  const role = level <= 2 ? "COMPANY_MANAGER" : "EXECUTIVE";
  const s = await db.staff.findFirst({ where: { organizationId, role, active: true }, orderBy: { login: "asc" }, select: { id: true } });
  return s?.id ?? null;
}
