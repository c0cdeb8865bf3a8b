import type { CorrectiveAction, CorrectiveActionTrigger, Prisma } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import {
  availableSteps, contentEditRefusal, isSupervisor, linkEditRefusal, statusAfter, stepRefusal, type CorrectiveActionStep,
} from "../../domain/recurrence/corrective-action-workflow.ts";
import { ForbiddenError, InputError, NotFoundError, requiredText } from "../../errors/typed-errors.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { inOrganization } from "../../access/read-scope.ts";
import { writeRevision } from "../access/revisions.ts";
import { CorrectiveActionStepEnum, CorrectiveActionTriggerEnum } from "./corrective-actions.ts";
import {
  actionEstate, actionOwner, CorrectiveActionConflictError, CorrectiveActionWorkflowError, linkableComplaints, linkComplaints,
  nextActionNumber, sharedPlace, unlinkComplaints,
} from "./corrective-action-links.ts";
import { correctiveActionScope } from "./scope.ts";

/**
 * REC-1 mutations. Opening and closing an action is for supervisors (000 §7 4.9.2: the company
 * organises the departments concerned); its owner or a supervisor works on it; a supervisor
 * verifies its effect. Every change carries the version read (a stale one changes nothing and
 * gets the current action back), is kept in the action's history (SEC-6), and a typed error
 * rolls the mutation back (access/mutation-savepoints.ts).
 */
const ERRORS = [...STANDARD_ERRORS, CorrectiveActionConflictError, CorrectiveActionWorkflowError];

/** REC-1: an action answering recurrence or a repeated repair names the complaints it answers. */
const NEEDS_COMPLAINTS: readonly CorrectiveActionTrigger[] = ["RECURRENCE", "REPEAT_REPAIR"];

const TITLE_MAX = 200;
const TEXT_MAX = 4000;

async function category(ctx: Context, id: string | null | undefined, field: string): Promise<string | null> {
  if (!id) return null;
  const c = await ctx.prisma.category.findFirst({ where: { id, ...inOrganization(ctx) }, select: { id: true } });
  if (!c) throw new InputError(field, "No such category");
  return c.id;
}

const CreateCorrectiveActionInput = builder.inputType("CreateCorrectiveActionInput", {
  fields: (t) => ({
    title: t.string({ required: true }),
    trigger: t.field({ type: CorrectiveActionTriggerEnum, required: true }),
    estateId: t.globalID({ required: false, description: "Default: the estate of the complaints; none = company-wide (company-level staff)" }),
    categoryId: t.globalID({ required: false, description: "Default: the category the complaints share" }),
    ownerId: t.globalID({ required: true, description: "Who carries out the measures (active, working on the estate)" }),
    rootCause: t.string({ required: true }),
    measures: t.string({ required: true }),
    dueAt: t.field({ type: "DateTime", required: true, description: "In the future" }),
    complaintIds: t.globalIDList({ required: false, description: "The complaints it answers (first reports in your scope); required for RECURRENCE and REPEAT_REPAIR" }),
  }),
});

builder.mutationField("createCorrectiveAction", (t) =>
  t.prismaField({
    type: "CorrectiveAction",
    description: "REC-1: opens a corrective and preventive action (supervisors): owner, root cause, measures, due date, the complaints it answers",
    authScopes: { permission: "complaints:write" },
    errors: { types: ERRORS },
    args: { input: t.arg({ type: CreateCorrectiveActionInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      if (!isSupervisor(ctx.viewer!.role)) throw new ForbiddenError("Corrective actions are opened by a supervisor (REC-1, 000 §7 4.9.2)");
      const title = requiredText(input.title, "input.title", TITLE_MAX);
      const rootCause = requiredText(input.rootCause, "input.rootCause", TEXT_MAX);
      const measures = requiredText(input.measures, "input.measures", TEXT_MAX);
      if (input.dueAt <= ctx.now) throw new InputError("input.dueAt", "The due date must be in the future");
      const complaints = await linkableComplaints(ctx, input.complaintIds ?? [], "input.complaintIds", null);
      if (NEEDS_COMPLAINTS.includes(input.trigger) && complaints.length === 0) {
        throw new InputError("input.complaintIds", `An action for ${input.trigger} names the complaints it answers`);
      }
      const estateId = await actionEstate(ctx, input.estateId?.id ?? null, complaints);
      const categories = new Set(complaints.map((c) => c.categoryId));
      const categoryId = (await category(ctx, input.categoryId?.id, "input.categoryId")) ?? (categories.size === 1 ? [...categories][0]! : null);
      const owner = await actionOwner(ctx, input.ownerId.id, estateId);
      const no = await nextActionNumber(ctx);
      const created = await ctx.prisma.correctiveAction.create({
        data: {
          organizationId: ctx.organizationId!, no, title, trigger: input.trigger, status: "OPEN", estateId, ...sharedPlace(complaints), categoryId,
          departmentId: owner.departmentId, ownerId: owner.id, rootCause, measures, dueAt: input.dueAt, createdById: ctx.viewer!.staffId, createdAt: ctx.now,
        },
        select: { id: true, no: true },
      });
      await linkComplaints(ctx, created, complaints);
      return ctx.prisma.correctiveAction.findUniqueOrThrow({ ...nonEmpty(query), where: { id: created.id } });
    },
  }),
);

/** The action as the caller last read it: in scope, at that version (else a conflict, nothing written). */
async function actionForEdit(ctx: Context, id: string, version: number): Promise<CorrectiveAction> {
  const row = await ctx.prisma.correctiveAction.findFirst({ where: { id, AND: [correctiveActionScope(ctx)] } });
  if (!row) throw new NotFoundError("Corrective action");
  if (row.version !== version) throw new CorrectiveActionConflictError(row.id, row.version);
  return row;
}

function refuseStep(row: CorrectiveAction, step: CorrectiveActionStep, now: Date): void {
  const facts = { dueAt: row.dueAt, now };
  const refusal = stepRefusal(row.status, step, facts);
  if (refusal) throw new CorrectiveActionWorkflowError(row.status, availableSteps(row.status, facts), refusal);
}

/**
 * Writes `data` if the action is still at the version read, and keeps the previous values
 * (SEC-6): the changed columns, and the covered complaints (by number) when they change.
 */
async function saveAction(
  ctx: Context, row: CorrectiveAction, data: Prisma.CorrectiveActionUncheckedUpdateManyInput, reason: string,
  complaints?: { before: string[]; after: string[] },
): Promise<void> {
  const updated = await ctx.prisma.correctiveAction.updateMany({ where: { id: row.id, version: row.version }, data: { ...data, version: { increment: 1 } } });
  if (updated.count === 0) {
    const now = await ctx.prisma.correctiveAction.findUniqueOrThrow({ where: { id: row.id }, select: { version: true } });
    throw new CorrectiveActionConflictError(row.id, now.version);
  }
  const shown = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
  const after: Record<string, unknown> = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, shown(v)]));
  const before: Record<string, unknown> = Object.fromEntries(Object.keys(data).map((k) => [k, shown((row as Record<string, unknown>)[k])]));
  if (complaints) {
    before.complaints = complaints.before;
    after.complaints = complaints.after;
  }
  await writeRevision(ctx, { recordType: "CORRECTIVE_ACTION", recordId: row.id, recordVersion: row.version + 1, before, after, reason });
}

/** The numbers of the complaints an action covers, in order (for its history). */
async function coveredNumbers(ctx: Context, actionId: string): Promise<string[]> {
  const links = await ctx.prisma.correctiveActionComplaint.findMany({ where: { correctiveActionId: actionId }, select: { complaint: { select: { no: true } } } });
  return links.map((l) => l.complaint.no).sort();
}

const UpdateCorrectiveActionInput = builder.inputType("UpdateCorrectiveActionInput", {
  fields: (t) => ({
    id: t.globalID({ required: true }),
    version: t.int({ required: true, description: "The version read; a stale one gets a CorrectiveActionConflictError and changes nothing" }),
    step: t.field({ type: CorrectiveActionStepEnum, required: false, description: "START, MARK_IMPLEMENTED, REWORK (an ineffective action: new measures and due date), CLOSE (a verified action, supervisors)" }),
    title: t.string({ required: false }),
    rootCause: t.string({ required: false }),
    measures: t.string({ required: false }),
    ownerId: t.globalID({ required: false }),
    dueAt: t.field({ type: "DateTime", required: false, description: "A new due date, in the future" }),
    categoryId: t.globalID({ required: false }),
    addComplaintIds: t.globalIDList({ required: false, description: "More complaints it answers (e.g. a new repeat)" }),
    removeComplaintIds: t.globalIDList({ required: false }),
    reason: t.string({ required: false, description: "Why (kept in the history); default the step" }),
  }),
});
type UpdateInput = typeof UpdateCorrectiveActionInput.$inferInput;

/** The content changes of an update, validated (REC-1), or an empty object. */
async function contentChanges(ctx: Context, row: CorrectiveAction, input: UpdateInput): Promise<Prisma.CorrectiveActionUncheckedUpdateManyInput> {
  const data: Prisma.CorrectiveActionUncheckedUpdateManyInput = {};
  if (input.title != null) data.title = requiredText(input.title, "input.title", TITLE_MAX);
  if (input.rootCause != null) data.rootCause = requiredText(input.rootCause, "input.rootCause", TEXT_MAX);
  if (input.measures != null) data.measures = requiredText(input.measures, "input.measures", TEXT_MAX);
  if (input.dueAt != null) {
    if (input.dueAt <= ctx.now) throw new InputError("input.dueAt", "The due date must be in the future");
    data.dueAt = input.dueAt;
  }
  if (input.ownerId) {
    const owner = await actionOwner(ctx, input.ownerId.id, row.estateId);
    Object.assign(data, { ownerId: owner.id, departmentId: owner.departmentId });
  }
  if (input.categoryId) data.categoryId = await category(ctx, input.categoryId.id, "input.categoryId");
  return data;
}

function stepData(step: CorrectiveActionStep | null, row: CorrectiveAction, input: UpdateInput, now: Date): Prisma.CorrectiveActionUncheckedUpdateManyInput {
  if (!step) return {};
  if (step === "REWORK") {
    // REC-1: an ineffective action gets new measures and a new due date, not the same again.
    if (input.measures == null || input.measures.trim() === (row.measures ?? "")) throw new InputError("input.measures", "Reworking an ineffective action needs new measures");
    if (input.dueAt == null) throw new InputError("input.dueAt", "Reworking an ineffective action needs a new due date");
    return { status: statusAfter(step), implementedAt: null };
  }
  return { status: statusAfter(step), ...(step === "MARK_IMPLEMENTED" ? { implementedAt: now } : {}) };
}

builder.mutationField("updateCorrectiveAction", (t) =>
  t.prismaField({
    type: "CorrectiveAction",
    description: "REC-1: edits an action (its owner or a supervisor), links or unlinks complaints, and takes a step of its state machine",
    authScopes: { permission: "complaints:write" },
    errors: { types: ERRORS },
    args: { input: t.arg({ type: UpdateCorrectiveActionInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const row = await actionForEdit(ctx, input.id.id, input.version);
      const viewer = ctx.viewer!;
      const supervisor = isSupervisor(viewer.role);
      if (!supervisor && row.ownerId !== viewer.staffId) throw new ForbiddenError("An action is worked on by its owner or a supervisor (REC-1)");
      const step = (input.step ?? null) as CorrectiveActionStep | null;
      if (step === "VERIFY") throw new InputError("input.step", "The effect is verified with recordCorrectiveActionEffect");
      if (step === "CLOSE" && !supervisor) throw new ForbiddenError("A supervisor closes an action (REC-1)");
      if (step) refuseStep(row, step, ctx.now);
      const content = await contentChanges(ctx, row, input);
      const refusal = Object.keys(content).length > 0 ? contentEditRefusal(row.status, step) : null;
      if (refusal) throw new CorrectiveActionWorkflowError(row.status, availableSteps(row.status, { dueAt: row.dueAt, now: ctx.now }), refusal);
      const data = { ...content, ...stepData(step, row, input, ctx.now) };
      const add = await linkableComplaints(ctx, input.addComplaintIds ?? [], "input.addComplaintIds", row.estateId);
      const remove = [...new Set((input.removeComplaintIds ?? []).map((c) => c.id))];
      if (add.length + remove.length > 0) {
        const linkRefusal = linkEditRefusal(row.status);
        if (linkRefusal) throw new CorrectiveActionWorkflowError(row.status, availableSteps(row.status, { dueAt: row.dueAt, now: ctx.now }), linkRefusal);
      }
      const linked = (await ctx.prisma.correctiveActionComplaint.findMany({ where: { correctiveActionId: row.id }, select: { complaintId: true } })).map((l) => l.complaintId);
      for (const [i, id] of remove.entries()) if (!linked.includes(id)) throw new InputError(`input.removeComplaintIds.${i}`, "The action does not cover this complaint");
      const fresh = add.filter((c) => !linked.includes(c.id));
      const after = linked.filter((id) => !remove.includes(id)).length + fresh.length;
      if (NEEDS_COMPLAINTS.includes(row.trigger) && after === 0) throw new InputError("input.removeComplaintIds", `An action for ${row.trigger} keeps at least one complaint`);
      if (Object.keys(data).length === 0 && fresh.length === 0 && remove.length === 0) throw new InputError("input", "Nothing to change");
      const reason = input.reason?.trim() || (step ? `REC-1 ${step}` : "REC-1 edit");
      if (fresh.length + remove.length === 0) {
        await saveAction(ctx, row, data, reason);
      } else {
        const before = await coveredNumbers(ctx, row.id);
        await linkComplaints(ctx, row, fresh);
        await unlinkComplaints(ctx, row, remove);
        // The version check (a stale version rolls all of it back: nothing written), with the links in the history.
        await saveAction(ctx, row, data, reason, { before, after: await coveredNumbers(ctx, row.id) });
      }
      return ctx.prisma.correctiveAction.findUniqueOrThrow({ ...nonEmpty(query), where: { id: row.id } });
    },
  }),
);

const RecordCorrectiveActionEffectInput = builder.inputType("RecordCorrectiveActionEffectInput", {
  fields: (t) => ({
    id: t.globalID({ required: true }),
    version: t.int({ required: true, description: "The version read; a stale one gets a CorrectiveActionConflictError and changes nothing" }),
    verification: t.string({ required: true, description: "How the effect was verified (e.g. no repeat in the following 90 days, inspection)" }),
    effective: t.boolean({ required: true, description: "VERIFIED when effective, INEFFECTIVE (to be reworked) when not" }),
  }),
});

builder.mutationField("recordCorrectiveActionEffect", (t) =>
  t.prismaField({
    type: "CorrectiveAction",
    description: "REC-1: a supervisor verifies the effect, once the measures are implemented or after the due date; the verdict sets the status",
    authScopes: { permission: "complaints:write" },
    errors: { types: ERRORS },
    args: { input: t.arg({ type: RecordCorrectiveActionEffectInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const row = await actionForEdit(ctx, input.id.id, input.version);
      if (!isSupervisor(ctx.viewer!.role)) throw new ForbiddenError("A supervisor verifies the effect of an action (REC-1)");
      const verification = requiredText(input.verification, "input.verification", TEXT_MAX);
      refuseStep(row, "VERIFY", ctx.now);
      await saveAction(ctx, row, {
        status: statusAfter("VERIFY", input.effective), effective: input.effective, verificationNote: verification, verifiedAt: ctx.now, verifiedById: ctx.viewer!.staffId,
      }, `REC-1 VERIFY ${input.effective ? "effective" : "ineffective"}`);
      return ctx.prisma.correctiveAction.findUniqueOrThrow({ ...nonEmpty(query), where: { id: row.id } });
    },
  }),
);
