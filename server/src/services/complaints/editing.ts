import type { Complaint, Prisma } from "@tingjian/prisma/client";
import type { Context } from "../../access/context.ts";
import { entitlement } from "../../access/disclosure.ts";
import { complaintScope } from "../../access/read-scope.ts";
import { availableActions, refusal, transition, type WorkflowAction } from "../../domain/complaints/workflow.ts";
import { ComplaintConflictError, WorkflowError } from "../../errors/complaints.ts";
import { ForbiddenError, NotFoundError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { writeAtVersion } from "../versioned-write.ts";
import { complaintRef } from "./case-ref.ts";
import { syncSlaStages } from "./sla-stages.ts";
import { appendEvents, type EventInput } from "./timeline.ts";

/**
 * The one way a complaint is changed after registration: read under the caller's scope at the
 * version the caller saw, write with that version as the condition (optimistic concurrency: a
 * stale write changes nothing and gets the current record back), append the timeline events
 * (SPEC §5, append-only), and bring the SLA stages up to date (SPEC §6).
 */
export { appendEvents, type EventInput };
export { ComplaintConflictError, WorkflowError };

/** The complaint as the caller last read it; a different version is a conflict (nothing written). */
export async function complaintForEdit(ctx: Context, id: string, version: number): Promise<Complaint> {
  const row = await ctx.prisma.complaint.findFirst({ where: { id, ...complaintScope(ctx) } });
  if (!row) throw new NotFoundError("Complaint");
  await requireCaseAccess(ctx, row);
  if (row.version !== version) throw new ComplaintConflictError(row.id, row.version);
  return row;
}

/**
 * SEC-2: handling a case means knowing it. Whoever may not read a complaint's content (its
 * classification is above their clearance, or it is not their estate's or their case) may not
 * change it either.
 */
export async function requireCaseAccess(
  ctx: Context,
  row: Pick<Complaint, "id" | "classification" | "estateId" | "receivedById">,
): Promise<void> {
  if (!(await entitlement(ctx, complaintRef(row), "CASE")).ok) throw new ForbiddenError(msg("complaintCaseForbidden"));
}

/**
 * Writes `patch` if the complaint is still at `row.version`, appends `events` in order, and
 * recomputes the SLA stages. Returns the new version.
 */
export async function saveComplaint(
  ctx: Context,
  row: Complaint,
  patch: Prisma.ComplaintUncheckedUpdateManyInput,
  events: EventInput[],
): Promise<number> {
  await writeAtVersion(ctx.prisma.complaint, row, patch, (id, v) => new ComplaintConflictError(id, v));
  await appendEvents(ctx, row.id, events);
  await syncSlaStages(ctx.prisma, row.id, ctx.now);
  return row.version + 1;
}

/**
 * SPEC §5: performs a workflow action: checks it against the state machine (an illegal one is a
 * WorkflowError), writes the new status with `patch`, and records the TRANSITION event first, then
 * the action's own events. An action of the system gives its reason as `systemReason` parameters
 * (they stand for a required note, go into the event's data, and ComplaintEvent.summary renders
 * them in the reader's language); `note` is only what a person wrote.
 */
export async function performAction(
  ctx: Context,
  row: Complaint,
  action: WorkflowAction,
  change: {
    note?: string | null;
    patch?: Prisma.ComplaintUncheckedUpdateManyInput;
    events?: EventInput[];
    data?: Prisma.InputJsonValue;
    systemReason?: Readonly<Record<string, string | number>>;
  } = {},
): Promise<number> {
  const facts = { inWarranty: row.inWarranty, valid: row.valid };
  const reason = change.systemReason ? "system" : change.note;
  const result = transition(row.status, action, facts, reason);
  if (!result.ok)
    throw new WorkflowError(row.status, availableActions(row.status, facts), refusal(row.status, action, facts, reason) ?? result.reason);
  return saveComplaint(ctx, row, { ...change.patch, status: result.to }, [
    {
      kind: "TRANSITION",
      fromStatus: row.status,
      toStatus: result.to,
      note: change.note ?? null,
      data: { action, ...(change.data as object | undefined), ...change.systemReason },
    },
    ...(change.events ?? []),
  ]);
}
