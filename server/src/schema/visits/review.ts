import { builder } from "../../builder.ts";
import { mayReview, monthBounds } from "../../domain/visits/visit-month.ts";
import { ConflictError, ForbiddenError, InputError, NotFoundError } from "../../errors/typed-errors.ts";
import { conflictErrorType, ErrorInterface, STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { isoDate, visitScope } from "./plans.ts";

/**
 * VIS-2 (000 §6 4.3.2): at month end the office director reads the month's visit record and signs
 * it; items left unresolved get a nonconformity report with an owner and a deadline first. The
 * signature is the reviewer's account (reviewedBy), as for every other signature here.
 */

export class VisitPlanConflictError extends ConflictError {}
builder.objectFields(conflictErrorType(VisitPlanConflictError, "VisitPlanConflictError"), (t) => ({
  current: t.prismaField({ type: "VisitPlan", resolve: (query, e, _a, ctx) => ctx.prisma.visitPlan.findUniqueOrThrow({ ...query, where: { id: e.recordId } }) }),
}));

/** VIS-2: the month is reviewed once it is over. */
export class VisitReviewNotDueError extends Error {
  readonly field = "input.id";
  constructor(readonly reviewableFrom: Date) {
    super(`The month's visit record is reviewed after the month ends (${reviewableFrom.toISOString()})`);
    this.name = "VisitReviewNotDueError";
  }
}
builder.objectType(VisitReviewNotDueError, {
  name: "VisitReviewNotDueError",
  description: "VIS-2: the month has not ended yet; nothing was written",
  interfaces: [ErrorInterface],
  isTypeOf: (o) => o instanceof VisitReviewNotDueError,
  fields: (t) => ({ field: t.exposeString("field"), reviewableFrom: t.expose("reviewableFrom", { type: "DateTime" }) }),
});

/** VIS-2: unresolved visits need a nonconformity report (owner, deadline) before the director signs. */
export class UnresolvedVisitsError extends Error {
  readonly field = "input.id";
  constructor(readonly recordIds: string[]) {
    super(`${recordIds.length} unresolved visit(s) have no nonconformity report yet: raise one for each (raiseNonconformity), then review`);
    this.name = "UnresolvedVisitsError";
  }
}
builder.objectType(UnresolvedVisitsError, {
  name: "UnresolvedVisitsError",
  description: "VIS-2: the review is refused while unresolved visits lack a nonconformity report; nothing was written",
  interfaces: [ErrorInterface],
  isTypeOf: (o) => o instanceof UnresolvedVisitsError,
  fields: (t) => ({
    field: t.exposeString("field"),
    records: t.prismaField({
      type: ["VisitRecord"], description: "The unresolved visits without a report",
      resolve: (query, e, _a, ctx) => ctx.prisma.visitRecord.findMany({ ...query, where: { id: { in: e.recordIds } }, orderBy: [{ visitedAt: "asc" }, { id: "asc" }] }),
    }),
  }),
});

const ReviewVisitPlanInput = builder.inputType("ReviewVisitPlanInput", {
  fields: (t) => ({
    id: t.globalID({ required: true }),
    version: t.int({ required: true, description: "The version read; a stale one gets a VisitPlanConflictError and changes nothing" }),
    note: t.string({ required: false, description: "The director's remarks on the month" }),
  }),
});

builder.mutationField("reviewVisitPlan", (t) =>
  t.prismaField({
    type: "VisitPlan",
    description: "VIS-2: the office director (or company leadership) reviews and signs the month's visit record after the month ends",
    authScopes: { permission: "complaints:write" },
    errors: { types: [...STANDARD_ERRORS, VisitPlanConflictError, VisitReviewNotDueError, UnresolvedVisitsError] },
    args: { input: t.arg({ type: ReviewVisitPlanInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const plan = await ctx.prisma.visitPlan.findFirst({ where: { id: input.id.id, AND: [visitScope(ctx)] }, include: { estate: { select: { timezone: true } } } });
      if (!plan) throw new NotFoundError("Visit plan");
      if (!mayReview(ctx.viewer!, plan.estateId)) throw new ForbiddenError("VIS-2: only the estate's office director or company leadership review and sign the visit record");
      if (plan.version !== input.version) throw new VisitPlanConflictError(plan.id, plan.version);
      if (plan.status === "REVIEWED") throw new InputError("input.id", "The month's visit record is reviewed and signed already");
      const { end } = monthBounds(plan.estate.timezone, isoDate(plan.month));
      if (ctx.now < end) throw new VisitReviewNotDueError(end);
      const open = await ctx.prisma.visitRecord.findMany({ where: { planId: plan.id, resolved: false, nonconformities: { none: {} } }, select: { id: true }, orderBy: [{ visitedAt: "asc" }, { id: "asc" }] });
      if (open.length) throw new UnresolvedVisitsError(open.map((r) => r.id));
      const note = input.note?.trim() || null;
      if (note && note.length > 2000) throw new InputError("input.note", "note is longer than 2000 characters");
      const updated = await ctx.prisma.visitPlan.updateMany({
        where: { id: plan.id, version: plan.version },
        data: { status: "REVIEWED", reviewedById: ctx.viewer!.staffId, reviewedAt: ctx.now, directorSigned: true, reviewNote: note, version: { increment: 1 } },
      });
      if (updated.count === 0) {
        const now = await ctx.prisma.visitPlan.findUniqueOrThrow({ where: { id: plan.id }, select: { version: true } });
        throw new VisitPlanConflictError(plan.id, now.version);
      }
      return ctx.prisma.visitPlan.findUniqueOrThrow({ ...nonEmpty(query), where: { id: plan.id } });
    },
  }),
);
