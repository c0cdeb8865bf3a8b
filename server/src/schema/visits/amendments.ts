import { builder } from "../../builder.ts";
import { VisitRecordConflictError } from "../../errors/visits.ts";
import { amendVisitRecord } from "../../services/visits/amendments.ts";
import { visitRecordRef } from "../../services/visits/record-rules.ts";
import { history, RevisionRef } from "../access/revisions.ts";
import { conflictErrorType, STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { VisitKindEnum } from "./record-rules.ts";

/**
 * SEC-6 (000 §3 6.5.1.3) for visit records (VIS-1), the GraphQL face of
 * services/visits/amendments.ts: the previous values stay in the record's `history` with who
 * changed them, when and why. A stale version is a VisitRecordConflictError carrying the record
 * as it is now; nothing is written.
 */
builder.objectFields(conflictErrorType(VisitRecordConflictError, "VisitRecordConflictError"), (t) => ({
  current: t.prismaField({
    type: "VisitRecord",
    description: "SEC-6: the record as it is now (read it, then reapply the change)",
    resolve: (query, e, _a, ctx) => ctx.prisma.visitRecord.findUniqueOrThrow({ ...query, where: { id: e.recordId } }),
  }),
}));

builder.prismaObjectField("VisitRecord", "history", (t) =>
  t.field({
    type: [RevisionRef],
    description: "SEC-6: every amendment, newest first; content and feedback stay masked for those who may not read them",
    resolve: (r, _a, ctx) => history(ctx, visitRecordRef(r)),
  }),
);

const AmendVisitRecordInput = builder.inputType("AmendVisitRecordInput", {
  description:
    "SEC-6: give only the fields that change; null clears an optional field. Each is checked as when the visit was recorded (VIS-1)",
  fields: (t) => ({
    id: t.globalID({ required: true, description: "The visit record to correct" }),
    version: t.int({ required: true, description: "The version read; a stale one gets a VisitRecordConflictError and changes nothing" }),
    reason: t.string({ required: true, description: "SEC-6: why the record is amended (kept in its history)" }),
    visitedAt: t.field({ type: "DateTime", required: false, description: "Within the plan's month, not in the future" }),
    kind: t.field({ type: VisitKindEnum, required: false, description: "VIS-1: the kind of visit; cannot be cleared" }),
    householdId: t.globalID({ required: false, description: "A household of the plan's estate; null for an area visit" }),
    area: t.string({ required: false, description: "The area of an area visit; null for a household visit" }),
    content: t.string({ required: false, description: "What was discussed and seen; cannot be cleared" }),
    feedback: t.string({ required: false, description: "The household's opinions and requests; null clears them" }),
    satisfied: t.boolean({ required: false, description: "Whether the household was satisfied; null = not asked" }),
    resolved: t.boolean({ required: false, description: "false: an open item (VIS-2 needs a nonconformity report); null = not said" }),
    signed: t.boolean({ required: false, description: "The household signed the record; cannot be cleared" }),
  }),
});

builder.mutationField("amendVisitRecord", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "VisitRecord",
    description:
      "SEC-6: corrects a stored visit (VIS-1) — by its visitor or a supervisor of its estate, while the month is not yet signed (VIS-2); the previous values stay in `history` with who, when and why",
    errors: { types: [...STANDARD_ERRORS, VisitRecordConflictError] },
    args: {
      input: t.arg({
        type: AmendVisitRecordInput,
        required: true,
        description: "The record, the version read, the reason and the changes",
      }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      const { householdId, ...rest } = input;
      const id = await amendVisitRecord(ctx, {
        ...rest,
        id: input.id.id,
        ...(householdId !== undefined ? { householdId: householdId?.id ?? null } : {}),
      });
      return ctx.prisma.visitRecord.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);
