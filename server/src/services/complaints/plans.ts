import type { Responsibility } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { isSupervisor } from "../../domain/access/roles.ts";
import { ForbiddenError, InputCheck, InputError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { coordinates } from "./assignment.ts";
import { complaintForEdit, performAction, saveComplaint, type EventInput } from "./editing.ts";

export interface RecordPlanInput {
  id: string;
  version: number;
  causeAnalysis: string;
  responsibility: Responsibility;
  plan: string;
  promisedAt: Date;
  changeReason?: string | null;
}

/**
 * WF-2: cause analysis, responsibility, plan and promised completion time. WF-3: a changed promise
 * needs a written reason; every promise stays, a missed one marked missed.
 */
export async function recordComplaintPlan(ctx: SignedInContext, input: RecordPlanInput): Promise<number> {
  const row = await complaintForEdit(ctx, input.id, input.version);
  // WF-2 (000 §7 4.3.2a): the responsible department makes the plan.
  if (!isSupervisor(ctx.viewer.role) && (!row.leadDepartmentId || ctx.viewer.departmentId !== row.leadDepartmentId))
    throw new ForbiddenError(msg("planByLeadDepartment"));
  const previous = await ctx.prisma.complaintPromise.findFirst({ where: { complaintId: row.id }, orderBy: { sequence: "desc" } });
  const promiseChanges = !previous || previous.promisedAt.getTime() !== input.promisedAt.getTime();
  const check = new InputCheck();
  const causeAnalysis = check.text(input.causeAnalysis, "input.causeAnalysis", 4000);
  const plan = check.text(input.plan, "input.plan", 4000);
  check.that(input.promisedAt.getTime() > ctx.now.getTime(), "input.promisedAt", msg("planPromiseInFuture"));
  // WF-3 (000 §7 4.3.2c): a promise is never silently extended.
  const changeReason = previous && promiseChanges ? check.text(input.changeReason, "input.changeReason", 2000) : null;
  check.done();
  await ctx.prisma.complaintPlan.updateMany({
    where: { complaintId: row.id, status: { not: "SUPERSEDED" } },
    data: { status: "SUPERSEDED", version: { increment: 1 } },
  });
  const created = await ctx.prisma.complaintPlan.create({
    data: {
      organizationId: ctx.organizationId,
      complaintId: row.id,
      departmentId: row.leadDepartmentId,
      causeAnalysis,
      responsibility: input.responsibility,
      plan,
      promisedAt: input.promisedAt,
      createdById: ctx.viewer.staffId,
      createdAt: ctx.now,
    },
    select: { id: true },
  });
  const events: EventInput[] = [{ kind: "PLAN_RECORDED", note: plan, data: { planId: created.id, responsibility: input.responsibility } }];
  if (promiseChanges) {
    // Kept promises stay kept (a reopened complaint gets a new promise, not a missed old one).
    const missed = !!previous && !previous.keptAt && previous.promisedAt.getTime() < ctx.now.getTime();
    if (previous && !previous.keptAt) await ctx.prisma.complaintPromise.update({ where: { id: previous.id }, data: { missed } });
    await ctx.prisma.complaintPromise.create({
      data: {
        organizationId: ctx.organizationId,
        complaintId: row.id,
        planId: created.id,
        sequence: (previous?.sequence ?? 0) + 1,
        promisedAt: input.promisedAt,
        previousPromiseId: previous?.id ?? null,
        changeReason,
        recordedById: ctx.viewer.staffId,
        recordedAt: ctx.now,
      },
    });
    events.push({
      kind: previous ? "PROMISE_CHANGED" : "PROMISE_RECORDED",
      note: changeReason,
      data: {
        planId: created.id,
        promisedAt: input.promisedAt.toISOString(),
        previousPromisedAt: previous?.promisedAt.toISOString() ?? null,
        missed,
      },
    });
  }
  return performAction(ctx, row, "RECORD_PLAN", { patch: { promisedAt: input.promisedAt }, events });
}

/** WF-2: the service centre, an office director for an estate of theirs, or company leadership. */
async function confirmsPlans(ctx: SignedInContext, estateId: string): Promise<boolean> {
  const v = ctx.viewer;
  if (v.role === "OFFICE_DIRECTOR") return v.estates === "ALL" || v.estates.has(estateId);
  return coordinates(ctx);
}

export interface ConfirmPlanInput {
  id: string;
  version: number;
  communicatedAt?: Date | null;
  note?: string | null;
}

/** WF-2, WF-3: the service centre confirms the current plan and tells the complainant the promised time (a first reply, SLA-9). */
export async function confirmComplaintPlan(ctx: SignedInContext, input: ConfirmPlanInput): Promise<number> {
  const row = await complaintForEdit(ctx, input.id, input.version);
  const plan = await ctx.prisma.complaintPlan.findFirst({
    where: { complaintId: row.id, status: "DRAFT" },
    orderBy: { createdAt: "desc" },
  });
  if (!plan) throw new InputError("input.id", msg("planNoneUnconfirmed"));
  // WF-2: the service centre (at an office: its director) confirms the department's plan, not its author.
  if (!(await confirmsPlans(ctx, row.estateId))) throw new ForbiddenError(msg("planConfirmers"));
  if (plan.createdById === ctx.viewer.staffId) throw new ForbiddenError(msg("planNotByAuthor"));
  const told = input.communicatedAt ?? ctx.now;
  if (told.getTime() > ctx.now.getTime() + 60_000 || told < plan.createdAt)
    throw new InputError("input.communicatedAt", msg("planCommunicatedAt"));
  await ctx.prisma.complaintPlan.update({
    where: { id: plan.id },
    data: { status: "CONFIRMED", confirmedById: ctx.viewer.staffId, confirmedAt: ctx.now, communicatedAt: told, version: { increment: 1 } },
  });
  await ctx.prisma.complaintPromise.updateMany({
    where: { planId: plan.id, reconfirmedAt: null },
    data: { reconfirmedAt: told, reconfirmedById: ctx.viewer.staffId },
  });
  return saveComplaint(ctx, row, { firstRepliedAt: row.firstRepliedAt ?? told }, [
    { kind: "REPLIED", note: input.note?.trim() || null, data: { planId: plan.id, promisedAt: plan.promisedAt?.toISOString() ?? null } },
  ]);
}
