import { builder } from "../../builder.ts";
import type { CorrectiveActionStep } from "../../domain/recurrence/corrective-action-workflow.ts";
import { createCorrectiveAction, recordCorrectiveActionEffect } from "../../services/recurrence/corrective-actions.ts";
import { updateCorrectiveAction } from "../../services/recurrence/corrective-action-update.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { CorrectiveActionStepEnum, CorrectiveActionTriggerEnum } from "./corrective-actions.ts";
import { CorrectiveActionConflictError, CorrectiveActionWorkflowError } from "./corrective-action-links.ts";

/**
 * REC-1 mutations, the GraphQL face of services/recurrence/corrective-actions.ts and
 * corrective-action-update.ts: each declares its input, permission and errors, decodes the ids
 * and calls one service; a typed error rolls the mutation back (access/mutation-savepoints.ts).
 */
const ERRORS = [...STANDARD_ERRORS, CorrectiveActionConflictError, CorrectiveActionWorkflowError];

const ids = (list: readonly { id: string }[] | null | undefined) => list?.map((g) => g.id) ?? null;

const CreateCorrectiveActionInput = builder.inputType("CreateCorrectiveActionInput", {
  description: "REC-1: a new corrective and preventive action; every bad field is named at once",
  fields: (t) => ({
    title: t.string({ required: true, description: "What the action is about (at most 200 characters)" }),
    trigger: t.field({ type: CorrectiveActionTriggerEnum, required: true, description: "REC-1: what led to the action" }),
    estateId: t.globalID({
      required: false,
      description: "Default: the estate of the complaints; none = company-wide (company-level staff)",
    }),
    categoryId: t.globalID({ required: false, description: "Default: the category the complaints share" }),
    ownerId: t.globalID({ required: true, description: "Who carries out the measures (active, working on the estate)" }),
    rootCause: t.string({ required: true, description: "REC-1: the root cause found (at most 4000 characters)" }),
    measures: t.string({ required: true, description: "REC-1: the corrective and preventive measures (at most 4000 characters)" }),
    dueAt: t.field({ type: "DateTime", required: true, description: "In the future" }),
    complaintIds: t.globalIDList({
      required: false,
      description: "The complaints it answers (first reports in your scope); required for RECURRENCE and REPEAT_REPAIR",
    }),
  }),
});

builder.mutationField("createCorrectiveAction", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "CorrectiveAction",
    description:
      "REC-1: opens a corrective and preventive action (supervisors): owner, root cause, measures, due date, the complaints it answers",
    errors: { types: ERRORS },
    args: { input: t.arg({ type: CreateCorrectiveActionInput, required: true, description: "The action" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await createCorrectiveAction(ctx, {
        ...input,
        estateId: input.estateId?.id ?? null,
        categoryId: input.categoryId?.id ?? null,
        ownerId: input.ownerId.id,
        complaintIds: ids(input.complaintIds),
      });
      return ctx.prisma.correctiveAction.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

const UpdateCorrectiveActionInput = builder.inputType("UpdateCorrectiveActionInput", {
  description: "REC-1: give only what changes; a step, content, owner, due date, category or covered complaints",
  fields: (t) => ({
    id: t.globalID({ required: true, description: "The corrective action" }),
    version: t.int({
      required: true,
      description: "The version read; a stale one gets a CorrectiveActionConflictError and changes nothing",
    }),
    step: t.field({
      type: CorrectiveActionStepEnum,
      required: false,
      description:
        "START, MARK_IMPLEMENTED, REWORK (an ineffective action: new measures and due date), CLOSE (a verified action, supervisors)",
    }),
    title: t.string({ required: false, description: "A new title" }),
    rootCause: t.string({ required: false, description: "A new root cause" }),
    measures: t.string({ required: false, description: "New measures (required with REWORK)" }),
    ownerId: t.globalID({ required: false, description: "A new owner (active, working on the action's estate)" }),
    dueAt: t.field({ type: "DateTime", required: false, description: "A new due date, in the future (required with REWORK)" }),
    categoryId: t.globalID({ required: false, description: "A new category" }),
    addComplaintIds: t.globalIDList({ required: false, description: "More complaints it answers (e.g. a new repeat)" }),
    removeComplaintIds: t.globalIDList({ required: false, description: "Complaints it no longer covers" }),
    reason: t.string({ required: false, description: "Why (kept in the history, SEC-6); default the step" }),
  }),
});

builder.mutationField("updateCorrectiveAction", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "CorrectiveAction",
    description: "REC-1: edits an action (its owner or a supervisor), links or unlinks complaints, and takes a step of its state machine",
    errors: { types: ERRORS },
    args: {
      input: t.arg({ type: UpdateCorrectiveActionInput, required: true, description: "The action, the version read and the changes" }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await updateCorrectiveAction(ctx, {
        ...input,
        id: input.id.id,
        step: (input.step ?? null) as CorrectiveActionStep | null,
        ownerId: input.ownerId?.id ?? null,
        categoryId: input.categoryId?.id ?? null,
        addComplaintIds: ids(input.addComplaintIds),
        removeComplaintIds: ids(input.removeComplaintIds),
      });
      return ctx.prisma.correctiveAction.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

const RecordCorrectiveActionEffectInput = builder.inputType("RecordCorrectiveActionEffectInput", {
  description: "REC-1: the verified effect of an action",
  fields: (t) => ({
    id: t.globalID({ required: true, description: "The corrective action" }),
    version: t.int({
      required: true,
      description: "The version read; a stale one gets a CorrectiveActionConflictError and changes nothing",
    }),
    verification: t.string({
      required: true,
      description: "How the effect was verified (e.g. no repeat in the following 90 days, inspection)",
    }),
    effective: t.boolean({ required: true, description: "VERIFIED when effective, INEFFECTIVE (to be reworked) when not" }),
  }),
});

builder.mutationField("recordCorrectiveActionEffect", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "CorrectiveAction",
    description:
      "REC-1: a supervisor verifies the effect, once the measures are implemented or after the due date; the verdict sets the status",
    errors: { types: ERRORS },
    args: {
      input: t.arg({
        type: RecordCorrectiveActionEffectInput,
        required: true,
        description: "The action, the version read and the verdict",
      }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await recordCorrectiveActionEffect(ctx, { ...input, id: input.id.id });
      return ctx.prisma.correctiveAction.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);
