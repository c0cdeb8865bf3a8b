import type { SignedInContext } from "../../access/context.ts";
import { mayReview, monthBounds } from "../../domain/visits/visit-month.ts";
import { UnresolvedVisitsError, VisitPlanConflictError, VisitReviewNotDueError } from "../../errors/visits.ts";
import { ForbiddenError, InputCheck, NotFoundError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { writeAtVersion } from "../versioned-write.ts";
import { isoDate, visitScope } from "../../access/scopes/visits.ts";

export interface ReviewVisitPlanInput {
  id: string;
  version: number;
  note?: string | null;
}

/**
 * VIS-2 (000 §6 4.3.2): at month end the office director (or company leadership) reads the month's
 * visit record and signs it; items left unresolved get a nonconformity report first. The signature
 * is the reviewer's account (reviewedBy). Returns the plan's id.
 */
export async function reviewVisitPlan(ctx: SignedInContext, input: ReviewVisitPlanInput): Promise<string> {
  const plan = await ctx.prisma.visitPlan.findFirst({
    where: { id: input.id, AND: [visitScope(ctx)] },
    include: { estate: { select: { timezone: true } } },
  });
  if (!plan) throw new NotFoundError("Visit plan");
  if (!mayReview(ctx.viewer, plan.estateId)) throw new ForbiddenError(msg("visitReviewForbidden"));
  if (plan.version !== input.version) throw new VisitPlanConflictError(plan.id, plan.version);
  const check = new InputCheck();
  check.that(plan.status !== "REVIEWED", "input.id", msg("visitReviewedAlready"));
  const note = input.note?.trim() || null;
  check.that(!note || note.length <= 2000, "input.note", msg("tooLong", { field: "input.note", max: 2000 }));
  check.done();
  const { end } = monthBounds(plan.estate.timezone, isoDate(plan.month));
  if (ctx.now < end) throw new VisitReviewNotDueError(end);
  const open = await ctx.prisma.visitRecord.findMany({
    where: { planId: plan.id, resolved: false, nonconformities: { none: {} } },
    select: { id: true },
    orderBy: [{ visitedAt: "asc" }, { id: "asc" }],
  });
  if (open.length) throw new UnresolvedVisitsError(open.map((r) => r.id));
  await writeAtVersion(
    ctx.prisma.visitPlan,
    plan,
    { status: "REVIEWED", reviewedById: ctx.viewer.staffId, reviewedAt: ctx.now, directorSigned: true, reviewNote: note },
    (id, v) => new VisitPlanConflictError(id, v),
  );
  return plan.id;
}
