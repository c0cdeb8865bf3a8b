import { builder } from "../../builder.ts";
import { UnresolvedVisitsError, VisitPlanConflictError, VisitReviewNotDueError } from "../../errors/visits.ts";
import { reviewVisitPlan } from "../../services/visits/review.ts";
import { conflictErrorType, STANDARD_ERRORS, typedError } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";

/**
 * VIS-2 (000 §6 4.3.2), the GraphQL face of services/visits/review.ts: at month end the office
 * director reads the month's visit record and signs it; items left unresolved get a nonconformity
 * report with an owner and a deadline first.
 */
builder.objectFields(conflictErrorType(VisitPlanConflictError, "VisitPlanConflictError"), (t) => ({
  current: t.prismaField({
    type: "VisitPlan",
    description: "The plan as it is now",
    resolve: (query, e, _a, ctx) => ctx.prisma.visitPlan.findUniqueOrThrow({ ...query, where: { id: e.recordId } }),
  }),
}));

typedError(VisitReviewNotDueError, {
  name: "VisitReviewNotDueError",
  description: "VIS-2: the month has not ended yet; nothing was written",
  fields: (t) => ({
    field: t.exposeString("field", { description: "The input field refused (input.id)" }),
    reviewableFrom: t.expose("reviewableFrom", {
      type: "DateTime",
      description: "VIS-2: the end of the month, from when the review is possible",
    }),
  }),
});

typedError(UnresolvedVisitsError, {
  name: "UnresolvedVisitsError",
  description: "VIS-2: the review is refused while unresolved visits lack a nonconformity report; nothing was written",
  fields: (t) => ({
    field: t.exposeString("field", { description: "The input field refused (input.id)" }),
    records: t.prismaField({
      type: ["VisitRecord"],
      description: "The unresolved visits without a report",
      resolve: (query, e, _a, ctx) =>
        ctx.prisma.visitRecord.findMany({ ...query, where: { id: { in: e.recordIds } }, orderBy: [{ visitedAt: "asc" }, { id: "asc" }] }),
    }),
  }),
});

const ReviewVisitPlanInput = builder.inputType("ReviewVisitPlanInput", {
  description: "VIS-2: the month's plan to sign",
  fields: (t) => ({
    id: t.globalID({ required: true, description: "The visit plan" }),
    version: t.int({ required: true, description: "The version read; a stale one gets a VisitPlanConflictError and changes nothing" }),
    note: t.string({ required: false, description: "The director's remarks on the month (at most 2000 characters)" }),
  }),
});

builder.mutationField("reviewVisitPlan", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "VisitPlan",
    description: "VIS-2: the office director (or company leadership) reviews and signs the month's visit record after the month ends",
    errors: { types: [...STANDARD_ERRORS, VisitPlanConflictError, VisitReviewNotDueError, UnresolvedVisitsError] },
    args: { input: t.arg({ type: ReviewVisitPlanInput, required: true, description: "The plan, the version read and the remarks" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await reviewVisitPlan(ctx, { id: input.id.id, version: input.version, note: input.note });
      return ctx.prisma.visitPlan.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);
