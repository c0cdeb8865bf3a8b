import type { CorrectiveAction, CorrectiveActionTrigger, Prisma } from "@tingjian/prisma/client";
import type { Context, SignedInContext } from "../../access/context.ts";
import { inOrganization } from "../../access/read-scope.ts";
import {
  availableSteps,
  isSupervisor,
  statusAfter,
  stepRefusalMessage,
  type CorrectiveActionStep,
} from "../../domain/recurrence/corrective-action-workflow.ts";
import { CorrectiveActionConflictError, CorrectiveActionWorkflowError } from "../../errors/recurrence.ts";
import { ForbiddenError, InputCheck, InputError, NotFoundError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { writeRevision } from "../access/revisions.ts";
import { writeAtVersion } from "../versioned-write.ts";
import {
  actionEstate,
  actionOwner,
  linkableComplaints,
  linkComplaints,
  nextActionNumber,
  sharedPlace,
  type Linkable,
} from "./corrective-action-links.ts";
import { correctiveActionScope } from "../../access/scopes/recurrence.ts";

/**
 * REC-1 commands (000 §7 4.9.2, 002 9.6, 004 §5 item 9). Opening and closing an action is for
 * supervisors (the company organises the departments concerned); its owner or a supervisor works
 * on it; a supervisor verifies its effect. Every change carries the version read (a stale one
 * changes nothing), is kept in the action's history (SEC-6), and a typed error rolls the mutation
 * back (access/mutation-savepoints.ts). The update command is in corrective-action-update.ts.
 */

/** REC-1: an action answering recurrence or a repeated repair names the complaints it answers. */
export const NEEDS_COMPLAINTS: readonly CorrectiveActionTrigger[] = ["RECURRENCE", "REPEAT_REPAIR"];

export const TITLE_MAX = 200;
export const TEXT_MAX = 4000;

/** A category of the organisation (REC-2's second level, or any), or an InputError on `field`. */
export async function category(ctx: Context, id: string | null | undefined, field: string): Promise<string | null> {
  if (!id) return null;
  const c = await ctx.prisma.category.findFirst({ where: { id, ...inOrganization(ctx) }, select: { id: true } });
  if (!c) throw new InputError(field, msg("actionCategoryUnknown"));
  return c.id;
}

export interface CreateCorrectiveActionInput {
  title: string;
  trigger: CorrectiveActionTrigger;
  /** Default: the estate of the complaints; none = company-wide (company-level staff). */
  estateId?: string | null;
  /** Default: the category the complaints share. */
  categoryId?: string | null;
  ownerId: string;
  rootCause: string;
  measures: string;
  dueAt: Date;
  complaintIds?: readonly string[] | null;
}

/** The estate, category and owner of a new action, every problem into `check` (undefined where one failed). */
async function placement(
  ctx: SignedInContext,
  check: InputCheck,
  input: CreateCorrectiveActionInput,
  complaints: readonly Linkable[] | undefined,
) {
  const estateId = complaints ? await check.runAsync(() => actionEstate(ctx, input.estateId ?? null, complaints)) : undefined;
  const categories = new Set((complaints ?? []).map((c) => c.categoryId));
  const given = await check.runAsync(() => category(ctx, input.categoryId, "input.categoryId"));
  const categoryId = given ?? (categories.size === 1 ? [...categories][0]! : null);
  const owner = estateId !== undefined ? await check.runAsync(() => actionOwner(ctx, input.ownerId, estateId)) : undefined;
  return { estateId, categoryId, owner };
}

/**
 * REC-1: opens a corrective and preventive action (supervisors): owner, root cause, measures,
 * due date, the complaints it answers. Every bad field is named at once. Returns its id.
 */
export async function createCorrectiveAction(ctx: SignedInContext, input: CreateCorrectiveActionInput): Promise<string> {
  if (!isSupervisor(ctx.viewer.role)) throw new ForbiddenError(msg("actionOpenForbidden"));
  const check = new InputCheck();
  const title = check.text(input.title, "input.title", TITLE_MAX);
  const rootCause = check.text(input.rootCause, "input.rootCause", TEXT_MAX);
  const measures = check.text(input.measures, "input.measures", TEXT_MAX);
  check.that(input.dueAt > ctx.now, "input.dueAt", msg("actionDuePast"));
  const complaints = await check.runAsync(() => linkableComplaints(ctx, input.complaintIds ?? [], "input.complaintIds", null));
  if (complaints && NEEDS_COMPLAINTS.includes(input.trigger)) {
    check.that(complaints.length > 0, "input.complaintIds", msg("actionComplaintsNeeded", { trigger: input.trigger }));
  }
  const { estateId, categoryId, owner } = await placement(ctx, check, input, complaints);
  check.done();
  const no = await nextActionNumber(ctx);
  const created = await ctx.prisma.correctiveAction.create({
    data: {
      organizationId: ctx.organizationId,
      no,
      title,
      trigger: input.trigger,
      status: "OPEN",
      estateId: estateId!,
      ...sharedPlace(complaints!),
      categoryId,
      departmentId: owner!.departmentId,
      ownerId: owner!.id,
      rootCause,
      measures,
      dueAt: input.dueAt,
      createdById: ctx.viewer.staffId,
      createdAt: ctx.now,
    },
    select: { id: true, no: true },
  });
  await linkComplaints(ctx, created, complaints!);
  return created.id;
}

/** The action as the caller last read it: in scope, at that version (else a conflict, nothing written). */
export async function actionForEdit(ctx: SignedInContext, id: string, version: number): Promise<CorrectiveAction> {
  const row = await ctx.prisma.correctiveAction.findFirst({ where: { id, AND: [correctiveActionScope(ctx)] } });
  if (!row) throw new NotFoundError("Corrective action");
  if (row.version !== version) throw new CorrectiveActionConflictError(row.id, row.version);
  return row;
}

/** REC-1: a step the action's state does not allow is a CorrectiveActionWorkflowError naming the steps it allows. */
export function refuseStep(row: CorrectiveAction, step: CorrectiveActionStep, now: Date): void {
  const facts = { dueAt: row.dueAt, now };
  const refusal = stepRefusalMessage(row.status, step, facts);
  if (refusal) throw new CorrectiveActionWorkflowError(row.status, availableSteps(row.status, facts), refusal);
}

/**
 * Writes `data` if the action is still at the version read, and keeps the previous values
 * (SEC-6): the changed columns, and the covered complaints (by number) when they change.
 */
export async function saveAction(
  ctx: SignedInContext,
  row: CorrectiveAction,
  data: Prisma.CorrectiveActionUncheckedUpdateManyInput,
  reason: string,
  complaints?: { before: string[]; after: string[] },
): Promise<void> {
  await writeAtVersion(ctx.prisma.correctiveAction, row, data, (id, v) => new CorrectiveActionConflictError(id, v));
  const shown = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
  const after: Record<string, unknown> = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, shown(v)]));
  const before: Record<string, unknown> = Object.fromEntries(Object.keys(data).map((k) => [k, shown((row as Record<string, unknown>)[k])]));
  if (complaints) {
    before.complaints = complaints.before;
    after.complaints = complaints.after;
  }
  await writeRevision(ctx, { recordType: "CORRECTIVE_ACTION", recordId: row.id, recordVersion: row.version + 1, before, after, reason });
}

export interface RecordCorrectiveActionEffectInput {
  id: string;
  version: number;
  verification: string;
  effective: boolean;
}

/** REC-1: a supervisor verifies the effect, once the measures are implemented or after the due date; the verdict sets the status. */
export async function recordCorrectiveActionEffect(ctx: SignedInContext, input: RecordCorrectiveActionEffectInput): Promise<string> {
  const row = await actionForEdit(ctx, input.id, input.version);
  if (!isSupervisor(ctx.viewer.role)) throw new ForbiddenError(msg("actionVerifyForbidden"));
  const check = new InputCheck();
  const verification = check.text(input.verification, "input.verification", TEXT_MAX);
  check.done();
  refuseStep(row, "VERIFY", ctx.now);
  await saveAction(
    ctx,
    row,
    {
      status: statusAfter("VERIFY", input.effective),
      effective: input.effective,
      verificationNote: verification,
      verifiedAt: ctx.now,
      verifiedById: ctx.viewer.staffId,
    },
    `REC-1 VERIFY ${input.effective ? "effective" : "ineffective"}`,
  );
  return row.id;
}
