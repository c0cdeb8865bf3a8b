import type { Complaint } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { inOrganization } from "../../access/read-scope.ts";
import { availableActions, OPEN_STATES } from "../../domain/complaints/workflow.ts";
import { WorkflowError } from "../../errors/complaints.ts";
import { ForbiddenError, InputCheck, InputError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { requirePickable } from "../access/staff-picks.ts";
import { complaintForEdit, performAction, saveComplaint } from "./editing.ts";

/** SPEC §5: steps that only make sense while the complaint is being handled. */
export function requireOpen(row: Complaint, step: "forward" | "pause"): void {
  if (!OPEN_STATES.includes(row.status) || row.status === "RESOLVED") {
    const key = step === "forward" ? "handlingForwardClosed" : "handlingPauseClosed";
    throw new WorkflowError(
      row.status,
      availableActions(row.status, { inWarranty: row.inWarranty, valid: row.valid }),
      msg(key, { status: row.status }),
    );
  }
}

/** WF-1 (000 §7 4.6): the service centre and company leadership coordinate several departments. */
export async function coordinates(ctx: SignedInContext): Promise<boolean> {
  const v = ctx.viewer;
  if (v.role === "COMPANY_MANAGER" || v.role === "MANAGEMENT_REP" || v.role === "EXECUTIVE") return true;
  if (!v.departmentId) return false;
  const d = await ctx.prisma.department.findFirst({ where: { id: v.departmentId }, select: { kind: true } });
  return d?.kind === "SERVICE_CENTRE";
}

export interface ForwardToServiceCentreInput {
  id: string;
  version: number;
  note?: string | null;
}

/** INT-3, SLA-1, SLA-8: a complaint received by another department, or beyond an office's means, reaches the service centre. */
export async function forwardToServiceCentre(ctx: SignedInContext, input: ForwardToServiceCentreInput): Promise<number> {
  const row = await complaintForEdit(ctx, input.id, input.version);
  requireOpen(row, "forward");
  if (row.forwardedToServiceCentreAt)
    throw new InputError("input.id", msg("handlingAlreadyAtServiceCentre", { since: row.forwardedToServiceCentreAt.toISOString() }));
  return saveComplaint(ctx, row, { forwardedToServiceCentreAt: ctx.now }, [
    { kind: "FORWARDED_TO_SERVICE_CENTRE", note: input.note?.trim() || null },
  ]);
}

export interface AssignComplaintInput {
  id: string;
  version: number;
  leadDepartmentId: string;
  assistingDepartmentIds?: string[] | null;
  assigneeId?: string | null;
  note?: string | null;
}

/** WF-1: the departments named exist and are active; one InputError names every bad field. */
async function checkDepartments(ctx: SignedInContext, lead: string, assisting: string[]): Promise<void> {
  const check = new InputCheck();
  check.that(!assisting.includes(lead), "input.assistingDepartmentIds", msg("assignLeadAssists"));
  const ids = [lead, ...assisting];
  const found = await ctx.prisma.department.findMany({
    where: { id: { in: ids }, ...inOrganization(ctx), active: true },
    select: { id: true },
  });
  check.that(
    found.some((d) => d.id === lead),
    "input.leadDepartmentId",
    msg("assignNoDepartment"),
  );
  check.that(
    assisting.every((a) => found.some((d) => d.id === a)),
    "input.assistingDepartmentIds",
    msg("assignNoAssistingDepartment"),
  );
  check.done();
}

/** WF-1: the responsible (lead) department, assisting departments (coordinated by the service centre), and the responsible person. */
export async function assignComplaint(ctx: SignedInContext, input: AssignComplaintInput): Promise<number> {
  const row = await complaintForEdit(ctx, input.id, input.version);
  const lead = input.leadDepartmentId;
  const assisting = [...new Set(input.assistingDepartmentIds ?? [])];
  await checkDepartments(ctx, lead, assisting);
  // WF-1 (000 §7 4.6): two or more departments work under the service centre's coordination.
  if (assisting.length > 0 && !(await coordinates(ctx))) throw new ForbiddenError(msg("assignSeveralDepartments"));
  // WF-1, SEC-2: an active member of the lead department whose role handles complaints and who
  // can see and know this one (staffDirectory(pick: ASSIGNEE) offers exactly these).
  const assigneeId = input.assigneeId ? await requirePickable(ctx, "ASSIGNEE", row, input.assigneeId, "input.assigneeId", lead) : null;
  const ids = [lead, ...assisting];
  await ctx.prisma.complaintDepartment.updateMany({
    where: { complaintId: row.id, releasedAt: null, departmentId: { notIn: ids } },
    data: { releasedAt: ctx.now },
  });
  for (const [departmentId, role] of [[lead, "LEAD"], ...assisting.map((a) => [a, "ASSISTING"])] as [string, "LEAD" | "ASSISTING"][]) {
    await ctx.prisma.complaintDepartment.upsert({
      where: { organizationId_complaintId_departmentId: { organizationId: ctx.organizationId, complaintId: row.id, departmentId } },
      create: {
        organizationId: ctx.organizationId,
        complaintId: row.id,
        departmentId,
        role,
        assignedAt: ctx.now,
        assignedById: ctx.viewer.staffId,
      },
      update: { role, releasedAt: null, assignedAt: ctx.now, assignedById: ctx.viewer.staffId },
    });
  }
  return performAction(ctx, row, "ASSIGN", {
    note: input.note,
    patch: { leadDepartmentId: lead, assigneeId, assignedAt: row.assignedAt ?? ctx.now },
    events: [{ kind: "ASSIGNED", data: { leadDepartmentId: lead, assistingDepartmentIds: assisting, assigneeId } }],
  });
}
