import type { SignedInContext } from "../../access/context.ts";
import { inOrganization } from "../../access/read-scope.ts";
import { NonconformityConflictError } from "../../errors/visits.ts";
import { InputCheck, InputError, NotFoundError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { writeAtVersion } from "../versioned-write.ts";
import { visitScope } from "../../access/scopes/visits.ts";

/**
 * VIS-2 (000 §6 4.3.2): an unresolved or badly resolved item found in the visit record gets a
 * nonconformity report (《不合格报告》): a description, an owner and a deadline; it is closed with
 * the verification of what was done.
 */

export interface RaiseNonconformityInput {
  /** The visit whose item is unresolved (its plan is taken along). */
  visitRecordId?: string | null;
  /** Or the month's plan, for a finding of the review itself. */
  visitPlanId?: string | null;
  description: string;
  ownerId: string;
  deadlineAt: Date;
}

interface Subject {
  estateId: string;
  visitPlanId: string | null;
  visitRecordId: string | null;
}

/** What the report is about: a visit record of the caller's estates (and its plan), or a plan. */
async function subject(ctx: SignedInContext, input: RaiseNonconformityInput): Promise<Subject> {
  if (input.visitRecordId) {
    const r = await ctx.prisma.visitRecord.findFirst({
      where: { id: input.visitRecordId, AND: [visitScope(ctx)] },
      select: { id: true, planId: true, estateId: true },
    });
    if (!r) throw new InputError("input.visitRecordId", msg("nonconformityRecordNotInScope"));
    if (input.visitPlanId && input.visitPlanId !== r.planId) throw new InputError("input.visitPlanId", msg("nonconformityOtherPlan"));
    return { estateId: r.estateId, visitPlanId: r.planId, visitRecordId: r.id };
  }
  if (!input.visitPlanId) throw new InputError("input.visitRecordId", msg("nonconformitySubjectNeeded"));
  const p = await ctx.prisma.visitPlan.findFirst({
    where: { id: input.visitPlanId, AND: [visitScope(ctx)] },
    select: { id: true, estateId: true },
  });
  if (!p) throw new InputError("input.visitPlanId", msg("visitPlanNotInScope"));
  return { estateId: p.estateId, visitPlanId: p.id, visitRecordId: null };
}

/** The owner: an active person working on the estate (VIS-2: who must put it right). */
async function owner(ctx: SignedInContext, ownerId: string, estateId: string): Promise<string> {
  const o = await ctx.prisma.staff.findFirst({
    where: {
      id: ownerId,
      ...inOrganization(ctx),
      active: true,
      kind: "HUMAN",
      OR: [{ allEstates: true }, { estateScopes: { some: { estateId } } }],
    },
    select: { id: true },
  });
  if (!o) throw new InputError("input.ownerId", msg("nonconformityOwnerNotOnEstate"));
  return o.id;
}

/** VIS-2: raises a report with its owner and a deadline in the future; every bad field at once. Returns its id. */
export async function raiseNonconformity(ctx: SignedInContext, input: RaiseNonconformityInput): Promise<string> {
  const check = new InputCheck();
  const about = await check.runAsync(() => subject(ctx, input));
  const description = check.text(input.description, "input.description", 2000);
  const ownerId = about ? await check.runAsync(() => owner(ctx, input.ownerId, about.estateId)) : undefined;
  check.that(input.deadlineAt > ctx.now, "input.deadlineAt", msg("nonconformityDeadlinePast"));
  check.done();
  const created = await ctx.prisma.nonconformityReport.create({
    data: {
      organizationId: ctx.organizationId,
      ...about!,
      description,
      ownerId: ownerId!,
      deadlineAt: input.deadlineAt,
      status: "OPEN",
      createdById: ctx.viewer.staffId,
      createdAt: ctx.now,
    },
    select: { id: true },
  });
  return created.id;
}

export interface CloseNonconformityInput {
  id: string;
  version: number;
  verification: string;
}

/** VIS-2: closes a report with the verification of the correction (at the version read). Returns its id. */
export async function closeNonconformity(ctx: SignedInContext, input: CloseNonconformityInput): Promise<string> {
  const report = await ctx.prisma.nonconformityReport.findFirst({
    where: { id: input.id, AND: [visitScope(ctx)] },
    select: { id: true, version: true, status: true },
  });
  if (!report) throw new NotFoundError("Nonconformity report");
  if (report.version !== input.version) throw new NonconformityConflictError(report.id, report.version);
  const check = new InputCheck();
  check.that(report.status !== "CLOSED", "input.id", msg("nonconformityClosedAlready"));
  const verification = check.text(input.verification, "input.verification", 2000);
  check.done();
  await writeAtVersion(
    ctx.prisma.nonconformityReport,
    report,
    { status: "CLOSED", closedAt: ctx.now, verification },
    (id, v) => new NonconformityConflictError(id, v),
  );
  return report.id;
}
