import type { ComplaintKind, ComplaintSeverity } from "@tingjian/prisma/client";
import type { Context } from "../../access/context.ts";
import { OPEN_STATES } from "../../domain/complaints/workflow.ts";
import { ComplaintKindEnum, ComplaintSeverityEnum } from "../enums.ts";
import { ForbiddenError, InputError, requiredText } from "../../errors/typed-errors.ts";
import { inOrganization } from "../../access/read-scope.ts";
import { performAction, saveComplaint, WorkflowError, type EventInput } from "./editing.ts";
import { complaintMutation } from "./mutation.ts";
import { isSupervisor } from "../../domain/access/roles.ts";
import { applyRepeatRepairRule } from "../recurrence/repeat-repair-rule.ts";
import { availableActions } from "../../domain/complaints/workflow.ts";

interface ClassifyInput {
  valid: boolean;
  invalidReason?: string | null;
  kind?: ComplaintKind | null;
  severity?: ComplaintSeverity | null;
  categoryId?: { id: string } | null;
  subjectStaffId?: { id: string } | null;
  subjectDepartmentId?: { id: string } | null;
  inWarranty?: boolean | null;
  note?: string | null;
}

complaintMutation<ClassifyInput>("classifyComplaint", {
  description:
    "CLS-1…CLS-4: valid (with kind, severity, category) or invalid (closed with the explanation given). " +
    "A classified open complaint can be reclassified with a note; a major one is reported to the management representative (CLS-3)",
  fields: (t) => ({
    valid: t.boolean({ required: true, description: "CLS-1: concerns the company's commitments" }),
    invalidReason: t.string({ required: false, description: "CLS-1: the explanation given to the complainant (required when invalid)" }),
    kind: t.field({ type: ComplaintKindEnum, required: false, description: "CLS-2 (required when valid)" }),
    severity: t.field({ type: ComplaintSeverityEnum, required: false, description: "CLS-3, default GENERAL" }),
    categoryId: t.globalID({ required: false, description: "CLS-4: a second-level category (required when valid)" }),
    subjectStaffId: t.globalID({ required: false, description: "SLA-3: the employee complained about" }),
    subjectDepartmentId: t.globalID({ required: false, description: "SLA-4: the office or department complained about" }),
    inWarranty: t.boolean({ required: false, description: "WF-5: in-warranty or developer-legacy defect (implied by kind WARRANTY)" }),
    note: t.string({ required: false, description: "Why a classified complaint is reclassified" }),
  }),
  apply: async (ctx, row, input) => {
    const now = ctx.now;
    if (!input.valid) {
      // CLS-1: the explanation is the answer to the complainant, so it is also the first reply (SLA-9).
      const reason = requiredText(input.invalidReason, "input.invalidReason", 2000);
      return performAction(ctx, row, "MARK_INVALID", {
        note: reason,
        patch: { valid: false, invalidReason: reason, classifiedAt: row.classifiedAt ?? now, closedAt: now, firstRepliedAt: row.firstRepliedAt ?? now },
        events: [{ kind: "CLASSIFIED", data: { valid: false } }],
      });
    }
    if (!input.kind) throw new InputError("input.kind", "A valid complaint needs its kind (CLS-2)");
    if (!input.categoryId) throw new InputError("input.categoryId", "A valid complaint needs a second-level category (CLS-4)");
    const category = await ctx.prisma.category.findFirst({ where: { id: input.categoryId.id, ...inOrganization(ctx), level: 2, active: true }, select: { id: true } });
    if (!category) throw new InputError("input.categoryId", "No such active second-level category");
    if (input.subjectStaffId && input.subjectDepartmentId) throw new InputError("input.subjectStaffId", "A complaint is about an employee or about an office/department, not both");
    if (input.subjectStaffId && !(await ctx.prisma.staff.findFirst({ where: { id: input.subjectStaffId.id, ...inOrganization(ctx) }, select: { id: true } }))) {
      throw new InputError("input.subjectStaffId", "No such employee");
    }
    if (input.subjectDepartmentId && !(await ctx.prisma.department.findFirst({ where: { id: input.subjectDepartmentId.id, ...inOrganization(ctx) }, select: { id: true } }))) {
      throw new InputError("input.subjectDepartmentId", "No such department");
    }
    if (input.subjectStaffId || input.subjectDepartmentId) {
      if (input.kind !== "SERVICE") throw new InputError("input.kind", "Only a service-quality complaint is about an employee or a department (CLS-2)");
    }
    const severity = input.severity ?? "GENERAL";
    // CLS-3: a major complaint goes to the management representative and a manager's callback; only a supervisor may take that back.
    if (row.severity === "MAJOR" && severity !== "MAJOR" && !isSupervisor(ctx.viewer!.role)) {
      throw new ForbiddenError("Only a supervisor lowers the severity of a major complaint (CLS-3)");
    }
    const fields = {
      valid: true, kind: input.kind, severity, categoryId: category.id,
      subjectStaffId: input.subjectStaffId?.id ?? null, subjectDepartmentId: input.subjectDepartmentId?.id ?? null,
      inWarranty: input.kind === "WARRANTY" || (input.inWarranty ?? false),
    };
    const events: EventInput[] = [{ kind: "CLASSIFIED", data: { ...fields, before: row.valid === null ? null : { kind: row.kind, severity: row.severity, categoryId: row.categoryId } } }];
    if (severity === "MAJOR" && row.severity !== "MAJOR") events.push(await reportMajor(ctx, row.id));
    // CLS-1: first classification, or an invalid complaint reopened and found valid.
    if (row.status === "REGISTERED" || (row.status === "REOPENED" && row.valid === false)) {
      const version = await performAction(ctx, { ...row, inWarranty: fields.inWarranty }, "CLASSIFY", { note: input.note, patch: { ...fields, invalidReason: null, classifiedAt: now }, events });
      // REC-3: the same repair twice within the window escalates and needs its cause analysed.
      await applyRepeatRepairRule(ctx, row.id);
      return version;
    }
    // A correction of a classified, still open complaint: no transition, the reason on record.
    if (row.valid !== true || !OPEN_STATES.includes(row.status)) {
      throw new WorkflowError(row.status, availableActions(row.status, { inWarranty: row.inWarranty, valid: row.valid }), `A ${row.status} complaint cannot be reclassified`);
    }
    events[0]!.note = requiredText(input.note, "input.note", 2000);
    const version = await saveComplaint(ctx, row, fields, events);
    await applyRepeatRepairRule(ctx, row.id);
    return version;
  },
});

/** CLS-3 (000 §7 4.3.1c): a major complaint is reported to the management representative. */
async function reportMajor(ctx: Context, complaintId: string): Promise<EventInput> {
  const rep = await ctx.prisma.staff.findFirst({ where: { ...inOrganization(ctx), role: "MANAGEMENT_REP", active: true }, orderBy: { login: "asc" }, select: { id: true } });
  const complaint = await ctx.prisma.complaint.findUniqueOrThrow({ where: { id: complaintId }, select: { escalationLevel: true } });
  await ctx.prisma.complaintEscalation.create({
    data: {
      organizationId: ctx.organizationId!, complaintId, level: complaint.escalationLevel, at: ctx.now, automatic: true,
      reason: "CLS-3 重大投诉报管理者代表", escalatedById: ctx.viewer!.staffId, escalatedToId: rep?.id ?? null, notifiedAt: ctx.now,
    },
  });
  return { kind: "NOTE", note: "重大投诉，已报管理者代表 (CLS-3)", data: { rule: "CLS-3", reportedToId: rep?.id ?? null } };
}
