import { ConfirmationMethod, Responsibility } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { OPEN_STATES } from "../../domain/complaints/workflow.ts";
import { ForbiddenError, InputError, requiredText } from "../../errors/typed-errors.ts";
import { inOrganization } from "../../access/read-scope.ts";
import { performAction, saveComplaint, WorkflowError } from "./editing.ts";
import { complaintMutation } from "./mutation.ts";
import { isSupervisor } from "../../domain/access/roles.ts";
import { planComplaintCallback } from "../../services/callbacks/for-complaint.ts";
import { requireRepeatRepairCause } from "../recurrence/repeat-repair-rule.ts";
import { availableActions } from "../../domain/complaints/workflow.ts";
import { requirePickable } from "../access/staff-directory.ts";
import type { Complaint } from "@tingjian/prisma/client";

export const ResponsibilityEnum = builder.enumType(Responsibility, { name: "Responsibility", description: "WF-2: who is responsible for the cause" });
export const ConfirmationMethodEnum = builder.enumType(ConfirmationMethod, { name: "ConfirmationMethod", description: "WF-4: how the complainant confirmed" });

/** Steps that only make sense while the complaint is being handled. */
function requireOpen(row: Complaint, what: string) {
  if (!OPEN_STATES.includes(row.status) || row.status === "RESOLVED") {
    throw new WorkflowError(row.status, availableActions(row.status, { inWarranty: row.inWarranty, valid: row.valid }), `${what} is not possible once the complaint is ${row.status}`);
  }
}

complaintMutation<{ note?: string | null }>("forwardToServiceCentre", {
  description: "INT-3, SLA-1, SLA-8: a complaint received by another department, or beyond an office's means, reaches the service centre",
  fields: (t) => ({ note: t.string({ required: false }) }),
  apply: async (ctx, row, input) => {
    requireOpen(row, "Forwarding to the service centre");
    if (row.forwardedToServiceCentreAt) throw new InputError("input.id", `Already at the service centre since ${row.forwardedToServiceCentreAt.toISOString()}`);
    return saveComplaint(ctx, row, { forwardedToServiceCentreAt: ctx.now }, [{ kind: "FORWARDED_TO_SERVICE_CENTRE", note: input.note?.trim() || null }]);
  },
});

complaintMutation<{ leadDepartmentId: { id: string }; assistingDepartmentIds?: { id: string }[] | null; assigneeId?: { id: string } | null; note?: string | null }>("assignComplaint", {
  description: "WF-1: the responsible (lead) department, assisting departments (coordinated by the service centre), and the responsible person",
  fields: (t) => ({
    leadDepartmentId: t.globalID({ required: true }),
    assistingDepartmentIds: t.globalIDList({ required: false }),
    assigneeId: t.globalID({ required: false, description: "SLA-8: the responsible person, a member of the lead department who may handle this case; staffDirectory(filter: { pick: ASSIGNEE, complaintId, departmentId }) lists them" }),
    note: t.string({ required: false }),
  }),
  apply: async (ctx, row, input) => {
    const lead = input.leadDepartmentId.id;
    const assisting = [...new Set((input.assistingDepartmentIds ?? []).map((d) => d.id))];
    if (assisting.includes(lead)) throw new InputError("input.assistingDepartmentIds", "The lead department cannot also assist");
    const ids = [lead, ...assisting];
    const found = await ctx.prisma.department.findMany({ where: { id: { in: ids }, ...inOrganization(ctx), active: true }, select: { id: true } });
    if (!found.some((d) => d.id === lead)) throw new InputError("input.leadDepartmentId", "No such active department");
    if (found.length !== ids.length) throw new InputError("input.assistingDepartmentIds", "No such active department among the assisting ones");
    // WF-1 (000 §7 4.6): two or more departments work under the service centre's coordination.
    if (assisting.length > 0 && !(await coordinates(ctx))) throw new ForbiddenError("Complaints handled by several departments are coordinated by the service centre (WF-1)");
    // WF-1, SEC-2: an active member of the lead department whose role handles complaints and who
    // can see and know this one (staffDirectory(pick: ASSIGNEE) offers exactly these).
    const assigneeId = input.assigneeId ? await requirePickable(ctx, "ASSIGNEE", row, input.assigneeId.id, "input.assigneeId", lead) : null;
    await ctx.prisma.complaintDepartment.updateMany({ where: { complaintId: row.id, releasedAt: null, departmentId: { notIn: ids } }, data: { releasedAt: ctx.now } });
    for (const [departmentId, role] of [[lead, "LEAD"], ...assisting.map((a) => [a, "ASSISTING"])] as [string, "LEAD" | "ASSISTING"][]) {
      await ctx.prisma.complaintDepartment.upsert({
        where: { organizationId_complaintId_departmentId: { organizationId: ctx.organizationId!, complaintId: row.id, departmentId } },
        create: { organizationId: ctx.organizationId!, complaintId: row.id, departmentId, role, assignedAt: ctx.now, assignedById: ctx.viewer!.staffId },
        update: { role, releasedAt: null, assignedAt: ctx.now, assignedById: ctx.viewer!.staffId },
      });
    }
    return performAction(ctx, row, "ASSIGN", {
      note: input.note, patch: { leadDepartmentId: lead, assigneeId, assignedAt: row.assignedAt ?? ctx.now },
      events: [{ kind: "ASSIGNED", data: { leadDepartmentId: lead, assistingDepartmentIds: assisting, assigneeId } }],
    });
  },
});

async function confirmsPlans(ctx: Context, estateId: string): Promise<boolean> {
  const v = ctx.viewer!;
  if (v.role === "OFFICE_DIRECTOR") return v.estates === "ALL" || v.estates.has(estateId);
  return coordinates(ctx);
}

async function coordinates(ctx: Context): Promise<boolean> {
  const v = ctx.viewer!;
  if (v.role === "COMPANY_MANAGER" || v.role === "MANAGEMENT_REP" || v.role === "EXECUTIVE") return true;
  if (!v.departmentId) return false;
  const d = await ctx.prisma.department.findFirst({ where: { id: v.departmentId }, select: { kind: true } });
  return d?.kind === "SERVICE_CENTRE";
}

interface PlanInput { causeAnalysis: string; responsibility: Responsibility; plan: string; promisedAt: Date; changeReason?: string | null }

complaintMutation<PlanInput>("recordComplaintPlan", {
  description:
    "WF-2: cause analysis, responsibility, plan and promised completion time. WF-3: a changed promise needs a written reason; " +
    "every promise stays in `promises`, a missed one marked missed",
  fields: (t) => ({
    causeAnalysis: t.string({ required: true }),
    responsibility: t.field({ type: ResponsibilityEnum, required: true }),
    plan: t.string({ required: true }),
    promisedAt: t.field({ type: "DateTime", required: true, description: "When the work will be completed; in the future" }),
    changeReason: t.string({ required: false, description: "WF-3: why an earlier promise changes (required when there is one)" }),
  }),
  apply: async (ctx, row, input) => {
    // WF-2 (000 §7 4.3.2a): the responsible department makes the plan.
    if (!isSupervisor(ctx.viewer!.role) && (!row.leadDepartmentId || ctx.viewer!.departmentId !== row.leadDepartmentId)) {
      throw new ForbiddenError("The plan is made by the responsible (lead) department or a supervisor (WF-2)");
    }
    const causeAnalysis = requiredText(input.causeAnalysis, "input.causeAnalysis", 4000);
    const plan = requiredText(input.plan, "input.plan", 4000);
    if (input.promisedAt.getTime() <= ctx.now.getTime()) throw new InputError("input.promisedAt", "The promised time must be in the future");
    const previous = await ctx.prisma.complaintPromise.findFirst({ where: { complaintId: row.id }, orderBy: { sequence: "desc" } });
    const promiseChanges = !previous || previous.promisedAt.getTime() !== input.promisedAt.getTime();
    // WF-3 (000 §7 4.3.2c): a promise is never silently extended.
    const changeReason = previous && promiseChanges ? requiredText(input.changeReason, "input.changeReason", 2000) : null;
    await ctx.prisma.complaintPlan.updateMany({ where: { complaintId: row.id, status: { not: "SUPERSEDED" } }, data: { status: "SUPERSEDED", version: { increment: 1 } } });
    const created = await ctx.prisma.complaintPlan.create({
      data: {
        organizationId: ctx.organizationId!, complaintId: row.id, departmentId: row.leadDepartmentId, causeAnalysis, responsibility: input.responsibility,
        plan, promisedAt: input.promisedAt, createdById: ctx.viewer!.staffId, createdAt: ctx.now,
      },
      select: { id: true },
    });
    const events = [{ kind: "PLAN_RECORDED" as const, note: plan, data: { planId: created.id, responsibility: input.responsibility } }];
    if (promiseChanges) {
      // Kept promises stay kept (a reopened complaint gets a new promise, not a missed old one).
      const missed = !!previous && !previous.keptAt && previous.promisedAt.getTime() < ctx.now.getTime();
      if (previous && !previous.keptAt) await ctx.prisma.complaintPromise.update({ where: { id: previous.id }, data: { missed } });
      await ctx.prisma.complaintPromise.create({
        data: {
          organizationId: ctx.organizationId!, complaintId: row.id, planId: created.id, sequence: (previous?.sequence ?? 0) + 1, promisedAt: input.promisedAt,
          previousPromiseId: previous?.id ?? null, changeReason, recordedById: ctx.viewer!.staffId, recordedAt: ctx.now,
        },
      });
      events.push({
        kind: previous ? "PROMISE_CHANGED" : "PROMISE_RECORDED", note: changeReason,
        data: { planId: created.id, promisedAt: input.promisedAt.toISOString(), previousPromisedAt: previous?.promisedAt.toISOString() ?? null, missed },
      } as never);
    }
    return performAction(ctx, row, "RECORD_PLAN", { patch: { promisedAt: input.promisedAt }, events });
  },
});

complaintMutation<{ communicatedAt?: Date | null; note?: string | null }>("confirmComplaintPlan", {
  description: "WF-2, WF-3: the service centre confirms the current plan and tells the complainant the promised time (a first reply, SLA-9)",
  fields: (t) => ({
    communicatedAt: t.field({ type: "DateTime", required: false, description: "When the complainant was told; default now" }),
    note: t.string({ required: false }),
  }),
  apply: async (ctx, row, input) => {
    const plan = await ctx.prisma.complaintPlan.findFirst({ where: { complaintId: row.id, status: "DRAFT" }, orderBy: { createdAt: "desc" } });
    if (!plan) throw new InputError("input.id", "There is no unconfirmed plan");
    // WF-2: the service centre (at an office: its director) confirms the department's plan, not its author.
    if (!(await confirmsPlans(ctx, row.estateId))) throw new ForbiddenError("Plans are confirmed by the service centre, the office director or company leadership (WF-2)");
    if (plan.createdById === ctx.viewer!.staffId) throw new ForbiddenError("A plan is confirmed by someone other than its author (WF-2)");
    const told = input.communicatedAt ?? ctx.now;
    if (told.getTime() > ctx.now.getTime() + 60_000 || told < plan.createdAt) throw new InputError("input.communicatedAt", "The complainant was told after the plan was recorded and not in the future");
    await ctx.prisma.complaintPlan.update({ where: { id: plan.id }, data: { status: "CONFIRMED", confirmedById: ctx.viewer!.staffId, confirmedAt: ctx.now, communicatedAt: told, version: { increment: 1 } } });
    await ctx.prisma.complaintPromise.updateMany({ where: { planId: plan.id, reconfirmedAt: null }, data: { reconfirmedAt: told, reconfirmedById: ctx.viewer!.staffId } });
    return saveComplaint(ctx, row, { firstRepliedAt: row.firstRepliedAt ?? told }, [{ kind: "REPLIED", note: input.note?.trim() || null, data: { planId: plan.id, promisedAt: plan.promisedAt?.toISOString() ?? null } }]);
  },
});

complaintMutation<{ note?: string | null }>("startComplaintWork", {
  description: "§5: work on the confirmed plan begins",
  fields: (t) => ({ note: t.string({ required: false }) }),
  apply: (ctx, row, input) => performAction(ctx, row, "START", { note: input.note }),
});

complaintMutation<{ note: string; disruptiveRepair?: boolean | null }>("resolveComplaint", {
  description: "§5: the work is done (what was done in `note`); the promise in force is kept or missed (SLA-6)",
  fields: (t) => ({
    note: t.string({ required: true, description: "What was done" }),
    disruptiveRepair: t.boolean({ required: false, description: "CB-11: a large repair that disrupted the customer (inspected and called back in person)" }),
  }),
  apply: async (ctx, row, input) => {
    // REC-3: a repeated repair is resolved only with its cause analysed (a recorded cause or a corrective action).
    await requireRepeatRepairCause(ctx, row);
    const note = requiredText(input.note, "input.note", 4000);
    const promise = await ctx.prisma.complaintPromise.findFirst({ where: { complaintId: row.id }, orderBy: { sequence: "desc" } });
    if (promise && !promise.keptAt) await ctx.prisma.complaintPromise.update({ where: { id: promise.id }, data: { keptAt: ctx.now, missed: ctx.now > promise.promisedAt } });
    return performAction(ctx, row, "RESOLVE", { note, patch: { resolvedAt: ctx.now }, data: { disruptiveRepair: !!input.disruptiveRepair } });
  },
});

interface ConfirmInput {
  method: ConfirmationMethod; satisfied: boolean; confirmedByName?: string | null; confirmedAt?: Date | null;
  signatureAttachmentId?: { id: string } | null; recordingId?: { id: string } | null; note?: string | null;
}

complaintMutation<ConfirmInput>("confirmComplaintResolution", {
  description:
    "WF-4: the complainant confirms the resolution (who, when, how); a signature needs the signed form, phone consent the recording. " +
    "Not satisfied: the complaint is reopened (CB-7) with the complainant's words in `note`",
  fields: (t) => ({
    method: t.field({ type: ConfirmationMethodEnum, required: true }),
    satisfied: t.boolean({ required: true }),
    confirmedByName: t.string({ required: false, description: "Who confirmed, if not the complainant on record" }),
    confirmedAt: t.field({ type: "DateTime", required: false, description: "Default now" }),
    signatureAttachmentId: t.globalID({ required: false, description: "SIGNATURE: the signed handling form, attached to this complaint" }),
    recordingId: t.globalID({ required: false, description: "PHONE_CONSENT: the recorded call" }),
    note: t.string({ required: false }),
  }),
  apply: async (ctx, row, input) => {
    const at = input.confirmedAt ?? ctx.now;
    if (at.getTime() > ctx.now.getTime() + 60_000 || (row.resolvedAt && at < row.resolvedAt)) throw new InputError("input.confirmedAt", "Confirmed after the resolution and not in the future");
    const confirmedByName = input.confirmedByName?.trim() || row.complainantName;
    if (!confirmedByName && !row.complainantId && !row.anonymous) throw new InputError("input.confirmedByName", "Who confirmed? Give the name");
    let signatureAttachmentId: string | null = null;
    if (input.method === "SIGNATURE") {
      if (!input.signatureAttachmentId) throw new InputError("input.signatureAttachmentId", "A confirmation by signature needs the signed form (WF-4)");
      const a = await ctx.prisma.attachment.findFirst({ where: { id: input.signatureAttachmentId.id, complaintId: row.id, kind: "SIGNATURE" }, select: { id: true } });
      if (!a) throw new InputError("input.signatureAttachmentId", "No signature attached to this complaint with that id");
      signatureAttachmentId = a.id;
    }
    let recordingId: string | null = null;
    if (input.method === "PHONE_CONSENT") {
      if (!input.recordingId) throw new InputError("input.recordingId", "A confirmation by phone needs the recorded consent (WF-4)");
      const r = await ctx.prisma.hotlineRecording.findFirst({ where: { id: input.recordingId.id, complaintId: row.id }, select: { id: true } });
      if (!r) throw new InputError("input.recordingId", "No recording of this complaint with that id");
      recordingId = r.id;
    }
    const note = input.satisfied ? input.note?.trim() || null : requiredText(input.note, "input.note", 2000);
    if (row.status !== "RESOLVED") throw new WorkflowError(row.status, availableActions(row.status, { inWarranty: row.inWarranty, valid: row.valid }), "Only a resolved complaint is confirmed by the complainant");
    await ctx.prisma.complaintConfirmation.create({
      data: {
        organizationId: ctx.organizationId!, complaintId: row.id, customerId: row.complainantId, confirmedByName, confirmedAt: at, method: input.method,
        satisfied: input.satisfied, signatureAttachmentId, recordingId, recordedById: ctx.viewer!.staffId, note,
      },
    });
    const event = { kind: "CONFIRMED" as const, note, data: { method: input.method, satisfied: input.satisfied } };
    if (input.satisfied) {
      const version = await performAction(ctx, row, "CONFIRM", { patch: { confirmedAt: at }, events: [event] });
      // CB-1: the confirmed complaint gets its callback (CB-11: in person after a disruptive repair).
      const resolved = await ctx.prisma.complaintEvent.findFirst({ where: { complaintId: row.id, kind: "TRANSITION", toStatus: "RESOLVED" }, orderBy: { at: "desc" }, select: { data: true } });
      await planComplaintCallback(ctx, row.id, { disruptiveRepair: (resolved?.data as { disruptiveRepair?: boolean } | null)?.disruptiveRepair === true });
      return version;
    }
    return performAction(ctx, row, "REOPEN", { note, patch: { resolvedAt: null }, events: [event, { kind: "REOPENED", note }] });
  },
});

complaintMutation<{ reason: string }>("reopenComplaint", {
  description: "CB-7: a resolution rejected later (or an invalid complaint found valid) reopens the complaint; the reason is on record",
  fields: (t) => ({ reason: t.string({ required: true }) }),
  apply: async (ctx, row, input) => {
    const reason = requiredText(input.reason, "input.reason", 2000);
    return performAction(ctx, row, "REOPEN", {
      note: reason, patch: { resolvedAt: null, confirmedAt: null, verifiedAt: null, closedAt: null },
      events: [{ kind: "REOPENED", note: reason }],
    });
  },
});

complaintMutation<{ note: string }>("recordComplaintReply", {
  description: "SLA-9: a reply to the complainant (the first one stops the first-reply clock)",
  fields: (t) => ({ note: t.string({ required: true, description: "What the complainant was told" }) }),
  apply: async (ctx, row, input) => {
    const note = requiredText(input.note, "input.note", 2000);
    return saveComplaint(ctx, row, { firstRepliedAt: row.firstRepliedAt ?? ctx.now }, [{ kind: "REPLIED", note }]);
  },
});

complaintMutation<{ reason: string }>("pauseComplaintClock", {
  description: "§6: the SLA clocks stop while waiting for the customer (e.g. no access to the unit); the pause is an event",
  fields: (t) => ({ reason: t.string({ required: true }) }),
  apply: async (ctx, row, input) => {
    const reason = requiredText(input.reason, "input.reason", 2000);
    requireOpen(row, "Pausing the clock");
    if (await paused(ctx, row.id)) throw new InputError("input.id", "The clock is already paused");
    return saveComplaint(ctx, row, {}, [{ kind: "PAUSE", note: reason }]);
  },
});

complaintMutation<{ note?: string | null }>("resumeComplaintClock", {
  description: "§6: the customer is back; the SLA clocks run again and their deadlines move by the pause",
  fields: (t) => ({ note: t.string({ required: false }) }),
  apply: async (ctx, row, input) => {
    if (!(await paused(ctx, row.id))) throw new InputError("input.id", "The clock is not paused");
    return saveComplaint(ctx, row, {}, [{ kind: "RESUME", note: input.note?.trim() || null }]);
  },
});

async function paused(ctx: Context, complaintId: string): Promise<boolean> {
  const last = await ctx.prisma.complaintEvent.findFirst({ where: { complaintId, kind: { in: ["PAUSE", "RESUME"] } }, orderBy: [{ at: "desc" }, { id: "desc" }], select: { kind: true } });
  return last?.kind === "PAUSE";
}
