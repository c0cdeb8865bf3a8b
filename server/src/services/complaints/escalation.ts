import type { Prisma, PrismaClient } from "@tingjian/prisma/client";

import { departmentHead } from "./department-head.ts";
import { appendEvents } from "./timeline.ts";

type Db = PrismaClient | Prisma.TransactionClient;

export interface EscalationRequest {
  organizationId: string;
  complaintId: string;
  now: Date;
  reason: string;
  /** Automatic escalations come from a breached SLA stage; manual ones from a person. */
  slaStageId?: string;
  actorId?: string | null;
  /** The supervisor chosen by the escalating person; otherwise the next level up. */
  toStaffId?: string | null;
  /**
   * A system escalation's own parameters (rule, stage, deadline …): the event carries them in `data`
   * and no note, and ComplaintEvent.summary renders them in the reader's language; `reason` stays on
   * the escalation row. Without them the reason is a person's and is the event's note.
   */
  details?: Record<string, string | number>;
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
  const toStaffId = r.toStaffId ?? (await supervisorAt(db, r.organizationId, level, await departmentHead(db, c.leadDepartmentId), c.estateId));
  await db.complaintEscalation.create({
    data: {
      organizationId: r.organizationId, complaintId: r.complaintId, level, at: r.now, automatic: !!r.slaStageId,
      slaStageId: r.slaStageId ?? null, reason: r.reason, escalatedById: r.actorId ?? null, escalatedToId: toStaffId,
    },
  });
  await appendEvents({ prisma: db, now: r.now, viewer: null, organizationId: r.organizationId }, r.complaintId, [{
    kind: "ESCALATED", actorId: r.actorId ?? null, note: r.details ? null : r.reason,
    data: { level, toStaffId, automatic: !!r.slaStageId, slaStageId: r.slaStageId ?? null, ...r.details },
  }]);
  return { level, toStaffId };
}

/** WF-7: whom an escalation to `level` goes to (also used by the import, which escalates in bulk). */
export async function supervisorAt(db: Db, organizationId: string, level: number, departmentHeadId: string | null, estateId: string): Promise<string | null> {
  if (level <= 1) {
    if (departmentHeadId) return departmentHeadId;
    const office = await db.office.findFirst({ where: { organizationId, estateId }, select: { directorId: true } });
    if (office?.directorId) return office.directorId;
    const director = await db.staff.findFirst({ where: { organizationId, role: "OFFICE_DIRECTOR", active: true, estateScopes: { some: { estateId } } }, orderBy: { login: "asc" }, select: { id: true } });
    if (director) return director.id;
  }
  const role = level <= 2 ? "COMPANY_MANAGER" : "EXECUTIVE";
  const s = await db.staff.findFirst({ where: { organizationId, role, active: true }, orderBy: { login: "asc" }, select: { id: true } });
  return s?.id ?? null;
}
