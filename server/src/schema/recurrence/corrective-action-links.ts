import type { CorrectiveActionStatus } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { normaliseLocation } from "../../domain/recurrence/place.ts";
import { appendEvents } from "../../services/complaints/timeline.ts";
import { ConflictError, InputError } from "../../errors/typed-errors.ts";
import { conflictErrorType, ErrorInterface } from "../errors.ts";
import { complaintScope, estateFilter, inOrganization } from "../../access/read-scope.ts";
import { nonEmpty } from "../prisma-query.ts";

/**
 * REC-1 helpers of the corrective-action mutations: the typed errors, the complaints an action
 * may cover, where the action is (estate, household or public place), its owner and its number.
 */
export class CorrectiveActionConflictError extends ConflictError {}
builder.objectFields(conflictErrorType(CorrectiveActionConflictError, "CorrectiveActionConflictError"), (t) => ({
  current: t.prismaField({ type: "CorrectiveAction", resolve: (query, e, _a, ctx) => ctx.prisma.correctiveAction.findUniqueOrThrow({ ...nonEmpty(query), where: { id: e.recordId } }) }),
}));

/** REC-1: a step the action's state does not allow; names the steps it does allow. */
export class CorrectiveActionWorkflowError extends Error {
  readonly field = "input.step";
  constructor(readonly status: CorrectiveActionStatus, readonly allowedSteps: string[], message: string) {
    super(message);
    this.name = "CorrectiveActionWorkflowError";
  }
}
builder.objectType(CorrectiveActionWorkflowError, {
  name: "CorrectiveActionWorkflowError",
  description: "REC-1: an illegal step: the action's status and the steps it allows",
  interfaces: [ErrorInterface],
  isTypeOf: (o) => o instanceof CorrectiveActionWorkflowError,
  fields: (t) => ({
    field: t.exposeString("field"),
    status: t.exposeString("status"),
    allowedSteps: t.exposeStringList("allowedSteps"),
  }),
});

export interface Linkable { id: string; no: string; estateId: string; householdId: string | null; location: string | null; categoryId: string | null; receivedAt: Date }

/**
 * The complaints to link, each visible to the caller (SPEC §2) and a first report: a duplicate
 * is never counted on its own (INT-4), its first report is linked instead. Unknown, invisible or
 * duplicate ones are an InputError naming the position in the list.
 */
export async function linkableComplaints(ctx: Context, ids: readonly { id: string }[], field: string, estateId: string | null): Promise<Linkable[]> {
  const unique = [...new Set(ids.map((i) => i.id))];
  if (unique.length > 500) throw new InputError(field, "At most 500 complaints per change");
  const rows = await ctx.prisma.complaint.findMany({
    where: { id: { in: unique }, AND: [complaintScope(ctx)] },
    select: { id: true, no: true, estateId: true, householdId: true, location: true, categoryId: true, receivedAt: true, duplicateOfId: true },
  });
  for (const [i, id] of unique.entries()) {
    const row = rows.find((r) => r.id === id);
    if (!row) throw new InputError(`${field}.${i}`, "No such complaint in your scope");
    if (row.duplicateOfId) throw new InputError(`${field}.${i}`, `Complaint ${row.no} is a duplicate; link its first report (INT-4)`);
    if (estateId && row.estateId !== estateId) throw new InputError(`${field}.${i}`, `Complaint ${row.no} is of another estate than the action`);
  }
  return unique.map((id) => rows.find((r) => r.id === id)!);
}

/** The estate of a new action: the one given (in the caller's scope), else the complaints' common one, else company-wide. */
export async function actionEstate(ctx: Context, given: string | null, complaints: readonly Linkable[]): Promise<string | null> {
  const scope = estateFilter(ctx);
  if (given) {
    const e = await ctx.prisma.estate.findFirst({ where: { id: given, ...inOrganization(ctx), ...(scope ? { id: { in: scope.in.includes(given) ? [given] : [] } } : {}) }, select: { id: true } });
    if (!e) throw new InputError("input.estateId", "No such estate in your scope");
    const other = complaints.findIndex((c) => c.estateId !== given);
    if (other >= 0) throw new InputError(`input.complaintIds.${other}`, `Complaint ${complaints[other]!.no} is of another estate than the action`);
    return given;
  }
  const estates = new Set(complaints.map((c) => c.estateId));
  if (estates.size === 1) return [...estates][0]!;
  // §2: a company-wide action is company-level work; staff of some estates act for those estates.
  if (scope) throw new InputError("input.estateId", "Name the estate of the action (company-wide actions are for company-level staff)");
  return null;
}

/** REC-2: the household or the public place the covered complaints share, if they share one. */
export function sharedPlace(complaints: readonly Linkable[]): { householdId: string | null; location: string | null } {
  if (complaints.length === 0) return { householdId: null, location: null };
  const households = new Set(complaints.map((c) => c.householdId));
  if (households.size === 1 && complaints[0]!.householdId) return { householdId: complaints[0]!.householdId, location: null };
  const places = new Set(complaints.map((c) => (c.householdId ? `h:${c.householdId}` : `p:${c.estateId}:${normaliseLocation(c.location)}`)));
  const latest = [...complaints].sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime())[0]!;
  if (places.size === 1 && !latest.householdId && normaliseLocation(latest.location)) return { householdId: null, location: latest.location };
  return { householdId: null, location: null };
}

/** The owner: an active person of the organisation working on the action's estate (any, for a company-wide action). */
export async function actionOwner(ctx: Context, ownerId: string, estateId: string | null, field = "input.ownerId"): Promise<{ id: string; departmentId: string | null }> {
  const owner = await ctx.prisma.staff.findFirst({
    where: { id: ownerId, ...inOrganization(ctx), active: true, kind: "HUMAN", ...(estateId ? { OR: [{ allEstates: true }, { estateScopes: { some: { estateId } } }] } : {}) },
    select: { id: true, departmentId: true },
  });
  if (!owner) throw new InputError(field, estateId ? "The owner must be an active staff member working on the action's estate" : "The owner must be an active staff member");
  return owner;
}

/** CA + year + 6 digits, unique per organisation; the lock serialises numbering (as INT-2 does for complaints). */
export async function nextActionNumber(ctx: Context): Promise<string> {
  await ctx.prisma.$queryRaw`SELECT id FROM organizations WHERE id = ${ctx.organizationId}::uuid FOR UPDATE`;
  const [row] = await ctx.prisma.$queryRaw<{ next: bigint }[]>`
    SELECT coalesce(max(substring(no from 7)::bigint), 0) + 1 AS next FROM corrective_actions
     WHERE organization_id = ${ctx.organizationId}::uuid AND no ~ '^CA[0-9]{10}$'`;
  return `CA${ctx.now.getUTCFullYear()}${String(row!.next).padStart(6, "0")}`;
}

/** Links complaints to an action and notes it on their timelines (SPEC §5: every step is on the timeline). */
export async function linkComplaints(ctx: Context, action: { id: string; no: string }, complaints: readonly Linkable[]): Promise<void> {
  if (complaints.length === 0) return;
  await ctx.prisma.correctiveActionComplaint.createMany({
    data: complaints.map((c) => ({ organizationId: ctx.organizationId!, correctiveActionId: action.id, complaintId: c.id, createdAt: ctx.now })),
    skipDuplicates: true,
  });
  for (const c of complaints) {
    await appendEvents(ctx, c.id, [{ kind: "NOTE", note: `纳入纠正预防措施 ${action.no} (REC-1)`, data: { rule: "REC-1", correctiveActionId: action.id, linked: true } }]);
  }
}

export async function unlinkComplaints(ctx: Context, action: { id: string; no: string }, complaintIds: readonly string[]): Promise<void> {
  if (complaintIds.length === 0) return;
  await ctx.prisma.correctiveActionComplaint.deleteMany({ where: { correctiveActionId: action.id, complaintId: { in: [...complaintIds] } } });
  for (const id of complaintIds) {
    await appendEvents(ctx, id, [{ kind: "NOTE", note: `移出纠正预防措施 ${action.no} (REC-1)`, data: { rule: "REC-1", correctiveActionId: action.id, linked: false } }]);
  }
}
