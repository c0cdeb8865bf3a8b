import type { SignedInContext } from "../../access/context.ts";
import { complaintScope, estateFilter, inOrganization } from "../../access/read-scope.ts";
import { normaliseLocation } from "../../domain/recurrence/place.ts";
import { InputError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { appendEvents } from "../complaints/timeline.ts";

/**
 * REC-1 helpers of the corrective-action commands: the complaints an action may cover, where the
 * action is (estate, household or public place), its owner and its number, and the links.
 */

export interface Linkable {
  id: string;
  no: string;
  estateId: string;
  householdId: string | null;
  location: string | null;
  categoryId: string | null;
  receivedAt: Date;
}

/**
 * The complaints to link, each visible to the caller (SPEC §2) and a first report: a duplicate
 * is never counted on its own (INT-4), its first report is linked instead. Unknown, invisible or
 * duplicate ones are an InputError naming every bad position in the list at once.
 */
export async function linkableComplaints(
  ctx: SignedInContext,
  ids: readonly string[],
  field: string,
  estateId: string | null,
): Promise<Linkable[]> {
  const unique = [...new Set(ids)];
  if (unique.length > 500) throw new InputError(field, msg("actionTooManyComplaints"));
  const rows = await ctx.prisma.complaint.findMany({
    where: { id: { in: unique }, AND: [complaintScope(ctx)] },
    select: {
      id: true,
      no: true,
      estateId: true,
      householdId: true,
      location: true,
      categoryId: true,
      receivedAt: true,
      duplicateOfId: true,
    },
  });
  const problems = unique.flatMap((id, i) => {
    const row = rows.find((r) => r.id === id);
    if (!row) return [new InputError(`${field}.${i}`, msg("actionComplaintNotInScope"))];
    if (row.duplicateOfId) return [new InputError(`${field}.${i}`, msg("actionComplaintDuplicate", { no: row.no }))];
    if (estateId && row.estateId !== estateId) return [new InputError(`${field}.${i}`, msg("actionComplaintOtherEstate", { no: row.no }))];
    return [];
  });
  if (problems.length) throw InputError.of(problems.flatMap((e) => e.problems));
  return unique.map((id) => rows.find((r) => r.id === id)!);
}

/** The estate of a new action: the one given (in the caller's scope), else the complaints' common one, else company-wide. */
export async function actionEstate(ctx: SignedInContext, given: string | null, complaints: readonly Linkable[]): Promise<string | null> {
  const scope = estateFilter(ctx);
  if (given) {
    const e = await ctx.prisma.estate.findFirst({
      where: { id: given, ...inOrganization(ctx), ...(scope ? { id: { in: scope.in.includes(given) ? [given] : [] } } : {}) },
      select: { id: true },
    });
    if (!e) throw new InputError("input.estateId", msg("actionEstateNotInScope"));
    const other = complaints.findIndex((c) => c.estateId !== given);
    if (other >= 0) throw new InputError(`input.complaintIds.${other}`, msg("actionComplaintOtherEstate", { no: complaints[other]!.no }));
    return given;
  }
  const estates = new Set(complaints.map((c) => c.estateId));
  if (estates.size === 1) return [...estates][0]!;
  // §2: a company-wide action is company-level work; staff of some estates act for those estates.
  if (scope) throw new InputError("input.estateId", msg("actionEstateNeeded"));
  return null;
}

/** REC-2: the household or the public place the covered complaints share, if they share one. */
export function sharedPlace(complaints: readonly Linkable[]): { householdId: string | null; location: string | null } {
  if (complaints.length === 0) return { householdId: null, location: null };
  const households = new Set(complaints.map((c) => c.householdId));
  if (households.size === 1 && complaints[0]!.householdId) return { householdId: complaints[0]!.householdId, location: null };
  const places = new Set(
    complaints.map((c) => (c.householdId ? `h:${c.householdId}` : `p:${c.estateId}:${normaliseLocation(c.location)}`)),
  );
  const latest = [...complaints].sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime())[0]!;
  if (places.size === 1 && !latest.householdId && normaliseLocation(latest.location))
    return { householdId: null, location: latest.location };
  return { householdId: null, location: null };
}

/** The owner: an active person of the organisation working on the action's estate (any, for a company-wide action). */
export async function actionOwner(
  ctx: SignedInContext,
  ownerId: string,
  estateId: string | null,
  field = "input.ownerId",
): Promise<{ id: string; departmentId: string | null }> {
  const owner = await ctx.prisma.staff.findFirst({
    where: {
      id: ownerId,
      ...inOrganization(ctx),
      active: true,
      kind: "HUMAN",
      ...(estateId ? { OR: [{ allEstates: true }, { estateScopes: { some: { estateId } } }] } : {}),
    },
    select: { id: true, departmentId: true },
  });
  if (!owner) throw new InputError(field, msg(estateId ? "actionOwnerOnEstate" : "actionOwnerActive"));
  return owner;
}

/** CA + year + 6 digits, unique per organisation; the lock serialises numbering (as INT-2 does for complaints). */
export async function nextActionNumber(ctx: SignedInContext): Promise<string> {
  await ctx.prisma.$queryRaw`SELECT id FROM organizations WHERE id = ${ctx.organizationId}::uuid FOR UPDATE`;
  const [row] = await ctx.prisma.$queryRaw<{ next: bigint }[]>`
    SELECT coalesce(max(substring(no from 7)::bigint), 0) + 1 AS next FROM corrective_actions
     WHERE organization_id = ${ctx.organizationId}::uuid AND no ~ '^CA[0-9]{10}$'`;
  return `CA${ctx.now.getUTCFullYear()}${String(row!.next).padStart(6, "0")}`;
}

/** Links complaints to an action and notes it on their timelines (SPEC §5: every step is on the timeline). */
export async function linkComplaints(
  ctx: SignedInContext,
  action: { id: string; no: string },
  complaints: readonly Linkable[],
): Promise<void> {
  if (complaints.length === 0) return;
  await ctx.prisma.correctiveActionComplaint.createMany({
    data: complaints.map((c) => ({
      organizationId: ctx.organizationId,
      correctiveActionId: action.id,
      complaintId: c.id,
      createdAt: ctx.now,
    })),
    skipDuplicates: true,
  });
  for (const c of complaints) {
    await appendEvents(ctx, c.id, [
      { kind: "NOTE", data: { rule: "REC-1", correctiveActionId: action.id, correctiveActionNo: action.no, linked: true } },
    ]);
  }
}

export async function unlinkComplaints(
  ctx: SignedInContext,
  action: { id: string; no: string },
  complaintIds: readonly string[],
): Promise<void> {
  if (complaintIds.length === 0) return;
  await ctx.prisma.correctiveActionComplaint.deleteMany({
    where: { correctiveActionId: action.id, complaintId: { in: [...complaintIds] } },
  });
  for (const id of complaintIds) {
    await appendEvents(ctx, id, [
      { kind: "NOTE", data: { rule: "REC-1", correctiveActionId: action.id, correctiveActionNo: action.no, linked: false } },
    ]);
  }
}
