import type { CorrectiveAction, Prisma } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import {
  availableSteps,
  contentEditRefusalMessage,
  isSupervisor,
  linkEditRefusalMessage,
  statusAfter,
  type CorrectiveActionStep,
} from "../../domain/recurrence/corrective-action-workflow.ts";
import { CorrectiveActionWorkflowError } from "../../errors/recurrence.ts";
import { ForbiddenError, InputCheck, InputError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { linkableComplaints, linkComplaints, actionOwner, unlinkComplaints, type Linkable } from "./corrective-action-links.ts";
import { actionForEdit, category, NEEDS_COMPLAINTS, refuseStep, saveAction, TEXT_MAX, TITLE_MAX } from "./corrective-actions.ts";

/**
 * REC-1: edits an action (its owner or a supervisor), links or unlinks complaints, and takes a
 * step of its state machine (domain/recurrence/corrective-action-workflow.ts).
 */
export interface UpdateCorrectiveActionInput {
  id: string;
  version: number;
  /** START, MARK_IMPLEMENTED, REWORK, CLOSE (VERIFY has its own command). */
  step?: CorrectiveActionStep | null;
  title?: string | null;
  rootCause?: string | null;
  measures?: string | null;
  ownerId?: string | null;
  dueAt?: Date | null;
  categoryId?: string | null;
  addComplaintIds?: readonly string[] | null;
  removeComplaintIds?: readonly string[] | null;
  reason?: string | null;
}

type Data = Prisma.CorrectiveActionUncheckedUpdateManyInput;

/** The content changes of an update (REC-1), every problem into `check`. */
async function contentChanges(
  ctx: SignedInContext,
  check: InputCheck,
  row: CorrectiveAction,
  input: UpdateCorrectiveActionInput,
): Promise<Data> {
  const data: Data = {};
  if (input.title != null) data.title = check.text(input.title, "input.title", TITLE_MAX);
  if (input.rootCause != null) data.rootCause = check.text(input.rootCause, "input.rootCause", TEXT_MAX);
  if (input.measures != null) data.measures = check.text(input.measures, "input.measures", TEXT_MAX);
  if (input.dueAt != null && check.that(input.dueAt > ctx.now, "input.dueAt", msg("actionDuePast"))) data.dueAt = input.dueAt;
  if (input.ownerId) {
    const owner = await check.runAsync(() => actionOwner(ctx, input.ownerId!, row.estateId));
    if (owner) Object.assign(data, { ownerId: owner.id, departmentId: owner.departmentId });
  }
  if (input.categoryId) {
    const c = await check.runAsync(() => category(ctx, input.categoryId, "input.categoryId"));
    if (c !== undefined) data.categoryId = c;
  }
  return data;
}

function stepData(
  check: InputCheck,
  step: CorrectiveActionStep | null,
  row: CorrectiveAction,
  input: UpdateCorrectiveActionInput,
  now: Date,
): Data {
  if (!step) return {};
  if (step === "REWORK") {
    // REC-1: an ineffective action gets new measures and a new due date, not the same again.
    check.that(input.measures != null && input.measures.trim() !== (row.measures ?? ""), "input.measures", msg("actionReworkMeasures"));
    check.that(input.dueAt != null, "input.dueAt", msg("actionReworkDue"));
    return { status: statusAfter(step), implementedAt: null };
  }
  return { status: statusAfter(step), ...(step === "MARK_IMPLEMENTED" ? { implementedAt: now } : {}) };
}

/** Who may take the step: the owner or a supervisor; VERIFY has its own command, CLOSE is a supervisor's. */
function authorise(ctx: SignedInContext, row: CorrectiveAction, step: CorrectiveActionStep | null): void {
  const supervisor = isSupervisor(ctx.viewer.role);
  if (!supervisor && row.ownerId !== ctx.viewer.staffId) throw new ForbiddenError(msg("actionWorkForbidden"));
  if (step === "VERIFY") throw new InputError("input.step", msg("actionVerifyElsewhere"));
  if (step === "CLOSE" && !supervisor) throw new ForbiddenError(msg("actionCloseForbidden"));
}

/** The numbers of the complaints an action covers, in order (for its history). */
async function coveredNumbers(ctx: SignedInContext, actionId: string): Promise<string[]> {
  const links = await ctx.prisma.correctiveActionComplaint.findMany({
    where: { correctiveActionId: actionId },
    select: { complaint: { select: { no: true } } },
  });
  return links.map((l) => l.complaint.no).sort();
}

/** The links to add and remove, checked against those there are (REC-1: RECURRENCE and REPEAT_REPAIR keep one). */
async function linkChanges(ctx: SignedInContext, check: InputCheck, row: CorrectiveAction, input: UpdateCorrectiveActionInput) {
  const add =
    (await check.runAsync(() => linkableComplaints(ctx, input.addComplaintIds ?? [], "input.addComplaintIds", row.estateId))) ?? [];
  const remove = [...new Set(input.removeComplaintIds ?? [])];
  const linked = (
    await ctx.prisma.correctiveActionComplaint.findMany({ where: { correctiveActionId: row.id }, select: { complaintId: true } })
  ).map((l) => l.complaintId);
  for (const [i, id] of remove.entries()) check.that(linked.includes(id), `input.removeComplaintIds.${i}`, msg("actionNotCovering"));
  const fresh: Linkable[] = add.filter((c) => !linked.includes(c.id));
  const after = linked.filter((id) => !remove.includes(id)).length + fresh.length;
  if (NEEDS_COMPLAINTS.includes(row.trigger))
    check.that(after > 0, "input.removeComplaintIds", msg("actionKeepsComplaint", { trigger: row.trigger }));
  return { fresh, remove, touched: (input.addComplaintIds?.length ?? 0) + remove.length > 0 };
}

/** REC-1: the update command. Every bad field is named at once; a refused step is a workflow error. Returns the action's id. */
export async function updateCorrectiveAction(ctx: SignedInContext, input: UpdateCorrectiveActionInput): Promise<string> {
  const row = await actionForEdit(ctx, input.id, input.version);
  const step = input.step ?? null;
  authorise(ctx, row, step);
  if (step) refuseStep(row, step, ctx.now);
  const check = new InputCheck();
  const content = await contentChanges(ctx, check, row, input);
  const data = { ...content, ...stepData(check, step, row, input, ctx.now) };
  const links = await linkChanges(ctx, check, row, input);
  check.done();
  // The workflow speaks once the input is sound: frozen content (from IMPLEMENTED on), final links (CLOSED).
  const refusal =
    (Object.keys(content).length > 0 ? contentEditRefusalMessage(row.status, step) : null) ??
    (links.touched ? linkEditRefusalMessage(row.status) : null);
  if (refusal) throw new CorrectiveActionWorkflowError(row.status, availableSteps(row.status, { dueAt: row.dueAt, now: ctx.now }), refusal);
  const { fresh, remove } = links;
  if (Object.keys(data).length === 0 && fresh.length === 0 && remove.length === 0)
    throw new InputError("input", msg("actionNothingToChange"));
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
  return row.id;
}
