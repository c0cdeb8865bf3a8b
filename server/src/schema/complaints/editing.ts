import { builder } from "../../builder.ts";
import { ComplaintConflictError, WorkflowError } from "../../errors/complaints.ts";
import { conflictErrorType, STANDARD_ERRORS, typedError } from "../errors.ts";

// The GraphQL face of the complaint workflow's typed errors (errors/complaints.ts); the commands
// that raise them are services/complaints/.

/** SPEC §5 optimistic concurrency: a stale complaint write; `current` is the complaint as stored now. */
builder.objectFields(conflictErrorType(ComplaintConflictError, "ComplaintConflictError"), (t) => ({
  current: t.prismaField({
    type: "Complaint",
    description: "The complaint as stored now (read it, reapply the change)",
    resolve: (query, e, _a, ctx) => ctx.prisma.complaint.findUniqueOrThrow({ ...query, where: { id: e.recordId } }),
  }),
}));

typedError(WorkflowError, {
  name: "WorkflowError",
  description: "An illegal transition (SPEC §5): the complaint's status, and the actions it allows",
  fields: (t) => ({
    field: t.exposeString("field", { description: "The input field the error concerns (`input.id`: the complaint)" }),
    status: t.exposeString("status", { description: "The complaint's status now (SPEC §5)" }),
    allowedActions: t.exposeStringList("allowedActions", { description: "The workflow actions its status allows (SPEC §5)" }),
  }),
});

/** The typed errors of every command that edits a complaint. */
export const COMPLAINT_EDIT_ERRORS = [...STANDARD_ERRORS, ComplaintConflictError, WorkflowError];
