import type { Complaint, ComplaintKind, ComplaintSeverity } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { inOrganization } from "../../access/read-scope.ts";
import { isSupervisor } from "../../domain/access/roles.ts";
import { MAJOR_REPORTED_REASON } from "../../domain/complaints/escalation-reason.ts";
import { availableActions, OPEN_STATES } from "../../domain/complaints/workflow.ts";
import { WorkflowError } from "../../errors/complaints.ts";
import { ForbiddenError, InputCheck } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { applyRepeatRepairRule } from "../recurrence/repeat-repair-rule.ts";
import { complaintForEdit, performAction, saveComplaint, type EventInput } from "./editing.ts";

/** CLS-1…CLS-4: the classification of one complaint; ids are row ids. */
export interface ClassifyComplaintInput {
  id: string;
  version: number;
  valid: boolean;
  invalidReason?: string | null;
  kind?: ComplaintKind | null;
  severity?: ComplaintSeverity | null;
  categoryId?: string | null;
  subjectStaffId?: string | null;
  subjectDepartmentId?: string | null;
  inWarranty?: boolean | null;
  note?: string | null;
}

/**
 * CLS-1…CLS-4: valid (with kind, severity, category) or invalid (closed with the explanation
 * given). A classified open complaint can be reclassified with a note; a major one is reported to
 * the management representative (CLS-3). Returns the new version.
 */
export async function classifyComplaint(ctx: SignedInContext, input: ClassifyComplaintInput): Promise<number> {
  const row = await complaintForEdit(ctx, input.id, input.version);
  if (!input.valid) return markInvalid(ctx, row, input);
  const fields = await checkValid(ctx, row, input);
  const events: EventInput[] = [
    {
      kind: "CLASSIFIED",
      data: { ...fields, before: row.valid === null ? null : { kind: row.kind, severity: row.severity, categoryId: row.categoryId } },
    },
  ];
  if (fields.severity === "MAJOR" && row.severity !== "MAJOR") events.push(await reportMajor(ctx, row.id));
  // CLS-1: first classification, or an invalid complaint reopened and found valid.
  if (row.status === "REGISTERED" || (row.status === "REOPENED" && row.valid === false)) {
    const version = await performAction(ctx, { ...row, inWarranty: fields.inWarranty }, "CLASSIFY", {
      note: input.note,
      patch: { ...fields, invalidReason: null, classifiedAt: ctx.now },
      events,
    });
    // REC-3: the same repair twice within the window escalates and needs its cause analysed.
    await applyRepeatRepairRule(ctx, row.id);
    return version;
  }
  // A correction of a classified, still open complaint: no transition, the reason on record.
  if (row.valid !== true || !OPEN_STATES.includes(row.status)) {
    throw new WorkflowError(
      row.status,
      availableActions(row.status, { inWarranty: row.inWarranty, valid: row.valid }),
      msg("classifyNotReclassifiable", { status: row.status }),
    );
  }
  const check = new InputCheck();
  events[0]!.note = check.text(input.note, "input.note", 2000);
  check.done();
  const version = await saveComplaint(ctx, row, fields, events);
  await applyRepeatRepairRule(ctx, row.id);
  return version;
}

/** CLS-1: the explanation is the answer to the complainant, so it is also the first reply (SLA-9). */
async function markInvalid(ctx: SignedInContext, row: Complaint, input: ClassifyComplaintInput): Promise<number> {
  const check = new InputCheck();
  const reason = check.text(input.invalidReason, "input.invalidReason", 2000);
  check.done();
  const now = ctx.now;
  return performAction(ctx, row, "MARK_INVALID", {
    note: reason,
    patch: {
      valid: false,
      invalidReason: reason,
      classifiedAt: row.classifiedAt ?? now,
      closedAt: now,
      firstRepliedAt: row.firstRepliedAt ?? now,
    },
    events: [{ kind: "CLASSIFIED", data: { valid: false } }],
  });
}

/** CLS-2…CLS-4 and SLA-3/4: every field of a valid classification, checked together. */
async function checkValid(ctx: SignedInContext, row: Complaint, input: ClassifyComplaintInput) {
  const check = new InputCheck();
  check.that(!!input.kind, "input.kind", msg("classifyKindRequired"));
  const category = input.categoryId
    ? await ctx.prisma.category.findFirst({
        where: { id: input.categoryId, ...inOrganization(ctx), level: 2, active: true },
        select: { id: true },
      })
    : null;
  if (check.that(!!input.categoryId, "input.categoryId", msg("classifyCategoryRequired")))
    check.that(!!category, "input.categoryId", msg("classifyNoCategory"));
  check.that(!(input.subjectStaffId && input.subjectDepartmentId), "input.subjectStaffId", msg("classifySubjectBoth"));
  if (input.subjectStaffId) {
    const staff = await ctx.prisma.staff.findFirst({ where: { id: input.subjectStaffId, ...inOrganization(ctx) }, select: { id: true } });
    check.that(!!staff, "input.subjectStaffId", msg("classifyNoEmployee"));
  }
  if (input.subjectDepartmentId) {
    const department = await ctx.prisma.department.findFirst({
      where: { id: input.subjectDepartmentId, ...inOrganization(ctx) },
      select: { id: true },
    });
    check.that(!!department, "input.subjectDepartmentId", msg("classifyNoDepartment"));
  }
  if (input.kind && (input.subjectStaffId || input.subjectDepartmentId))
    check.that(input.kind === "SERVICE", "input.kind", msg("classifySubjectService"));
  check.done();
  const severity = input.severity ?? "GENERAL";
  // CLS-3: a major complaint goes to the management representative and a manager's callback; only a supervisor may take that back.
  if (row.severity === "MAJOR" && severity !== "MAJOR" && !isSupervisor(ctx.viewer.role))
    throw new ForbiddenError(msg("classifyLowerMajor"));
  return {
    valid: true,
    kind: input.kind!,
    severity,
    categoryId: category!.id,
    subjectStaffId: input.subjectStaffId ?? null,
    subjectDepartmentId: input.subjectDepartmentId ?? null,
    inWarranty: input.kind === "WARRANTY" || (input.inWarranty ?? false),
  };
}

/** CLS-3 (000 §7 4.3.1c): a major complaint is reported to the management representative. */
async function reportMajor(ctx: SignedInContext, complaintId: string): Promise<EventInput> {
  const rep = await ctx.prisma.staff.findFirst({
    where: { ...inOrganization(ctx), role: "MANAGEMENT_REP", active: true },
    orderBy: { login: "asc" },
    select: { id: true },
  });
  const complaint = await ctx.prisma.complaint.findUniqueOrThrow({ where: { id: complaintId }, select: { escalationLevel: true } });
  await ctx.prisma.complaintEscalation.create({
    data: {
      organizationId: ctx.organizationId,
      complaintId,
      level: complaint.escalationLevel,
      at: ctx.now,
      automatic: true,
      reasonCode: MAJOR_REPORTED_REASON.code,
      reasonParams: MAJOR_REPORTED_REASON.params,
      escalatedById: ctx.viewer.staffId,
      escalatedToId: rep?.id ?? null,
      notifiedAt: ctx.now,
    },
  });
  return { kind: "NOTE", data: { rule: "CLS-3", reportedToId: rep?.id ?? null } };
}
