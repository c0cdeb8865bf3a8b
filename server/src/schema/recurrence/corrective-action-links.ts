import { builder } from "../../builder.ts";
import { CorrectiveActionConflictError, CorrectiveActionWorkflowError } from "../../errors/recurrence.ts";
import { conflictErrorType, typedError } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";

/**
 * REC-1's typed errors in the schema (the classes: errors/recurrence.ts; the commands that throw
 * them: services/recurrence/corrective-actions.ts and corrective-action-update.ts).
 */
export { CorrectiveActionConflictError, CorrectiveActionWorkflowError };

builder.objectFields(conflictErrorType(CorrectiveActionConflictError, "CorrectiveActionConflictError"), (t) => ({
  current: t.prismaField({
    type: "CorrectiveAction",
    description: "REC-1: the action as it is now (read it, then reapply the change)",
    resolve: (query, e, _a, ctx) => ctx.prisma.correctiveAction.findUniqueOrThrow({ ...nonEmpty(query), where: { id: e.recordId } }),
  }),
}));

typedError(CorrectiveActionWorkflowError, {
  name: "CorrectiveActionWorkflowError",
  description: "REC-1: an illegal step: the action's status and the steps it allows; nothing was written",
  fields: (t) => ({
    field: t.exposeString("field", { description: "The input field refused (input.step)" }),
    status: t.exposeString("status", { description: "REC-1: the action's status now" }),
    allowedSteps: t.exposeStringList("allowedSteps", { description: "REC-1: the steps the status allows now" }),
  }),
});
