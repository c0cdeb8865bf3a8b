import { SurveyTaskKind, TaskStatus } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { estateFilter, scopedNode } from "../../access/read-scope.ts";
import { SurveyTaskConflictError } from "../../errors/surveys.ts";
import { completeSurveyTask, planPostSurveyTasks, recordSurveyOpenLetter } from "../../services/surveys/post-survey.ts";
import { taskScope } from "../../access/scopes/surveys.ts";
import { conflictErrorType, STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { CAMPAIGN_ERRORS } from "./shared.ts";

/**
 * SUR-5 (000 §6 4.3.7): the post-survey plan, counted from the campaign's end: week 1
 * analysis, week 2 targeted callbacks, week 3 open letters for common problems and signed
 * in-person visits for individual ones. Tasks are completed with a note (version checked); open
 * letters state the method, the measures and the earliest completion date. The commands are
 * services/surveys/post-survey.ts.
 */
const KINDS: Record<SurveyTaskKind, string> = {
  ANALYSIS: "SUR-5 week 1: collect and analyse the survey's results",
  TARGETED_CALLBACKS: "SUR-5 week 2: call back on specific problems",
  OPEN_LETTER: "SUR-5 week 3: answer common problems by an open letter",
  INDIVIDUAL_CALLBACK: "SUR-5 week 3: visit households with individual problems; the owner signs",
  CLOSE_PROBLEMS: "SUR-5: close the problems the survey found",
  OTHER: "Other post-survey work",
};
const STATUSES: Record<TaskStatus, string> = {
  OPEN: "SUR-5: to be done",
  DONE: "SUR-5: done, with a note of what was done",
  CANCELLED: "SUR-5: no longer to be done",
};
const SurveyTaskKindEnum = builder.enumType(SurveyTaskKind, {
  name: "SurveyTaskKind",
  description: "SUR-5 post-survey work",
  values: Object.fromEntries(Object.values(SurveyTaskKind).map((k) => [k, { description: KINDS[k] }])) as Record<
    SurveyTaskKind,
    { description: string }
  >,
});
const SurveyTaskStatusEnum = builder.enumType(TaskStatus, {
  name: "SurveyTaskStatus",
  description: "SUR-5: where a post-survey task stands",
  values: Object.fromEntries(Object.values(TaskStatus).map((k) => [k, { description: STATUSES[k] }])) as Record<
    TaskStatus,
    { description: string }
  >,
});

builder.prismaNode("SurveyTask", {
  ...scopedNode(taskScope),
  id: { field: "id", description: "SUR-5: the task's global id" },
  authScopes: { authenticated: true },
  description: "SUR-5: one step of the post-survey plan",
  fields: (t) => ({
    campaign: t.relation("campaign", { description: "SUR-5: the campaign" }),
    estate: t.relation("estate", { nullable: true, description: "Null: the whole campaign" }),
    kind: t.expose("kind", { type: SurveyTaskKindEnum, description: "SUR-5: which step" }),
    title: t.exposeString("title", { description: "SUR-5: the step's title" }),
    description: t.exposeString("description", { nullable: true, description: "SUR-5: what the step asks" }),
    owner: t.relation("owner", { nullable: true, description: "Who carries it out" }),
    dueAt: t.expose("dueAt", { type: "DateTime", description: "Counted from the campaign's end (week 1, 2, 3)" }),
    status: t.expose("status", { type: SurveyTaskStatusEnum, description: "SUR-5: open, done or cancelled" }),
    overdue: t.boolean({ description: "SUR-5: open past its due date", resolve: (k, _a, ctx) => k.status === "OPEN" && k.dueAt < ctx.now }),
    doneAt: t.expose("doneAt", { type: "DateTime", nullable: true, description: "When it was done" }),
    doneNote: t.exposeString("doneNote", { nullable: true, description: "What was done" }),
    version: t.exposeInt("version", { description: "Optimistic concurrency: send it back to complete the task" }),
  }),
});

builder.prismaObjectField("SurveyCampaign", "tasks", (t) =>
  t.relation("tasks", {
    description: "SUR-5: the post-survey plan, by due date",
    query: (_a, ctx) => ({
      where: estateFilter(ctx) ? { OR: [{ estateId: null }, { estateId: estateFilter(ctx) }] } : {},
      orderBy: [{ dueAt: "asc" }, { kind: "asc" }],
    }),
  }),
);

builder.mutationField("planPostSurveyTasks", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: ["SurveyTask"],
    description:
      "SUR-5: plans week 1 analysis, week 2 targeted callbacks, week 3 open letters and signed visits, due from the campaign's end; a step planned before is not planned again",
    errors: { types: CAMPAIGN_ERRORS },
    args: {
      campaignId: t.arg.globalID({ required: true, description: "The campaign (RUNNING or CLOSED, with an end)" }),
      ownerId: t.arg.globalID({ required: false, description: "Who carries the plan out; default you" }),
    },
    resolve: async (query, _r, args, ctx) => {
      const id = await planPostSurveyTasks(ctx, { campaignId: args.campaignId.id, ownerId: args.ownerId?.id });
      return ctx.prisma.surveyTask.findMany({ ...query, where: { campaignId: id }, orderBy: [{ dueAt: "asc" }, { kind: "asc" }] });
    },
  }),
);

builder.objectFields(conflictErrorType(SurveyTaskConflictError, "SurveyTaskConflictError"), (t) => ({
  current: t.prismaField({
    type: "SurveyTask",
    description: "The task as it is now",
    resolve: (query, e, _a, ctx) => ctx.prisma.surveyTask.findUniqueOrThrow({ ...query, where: { id: e.recordId } }),
  }),
}));

builder.mutationField("completeSurveyTask", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "SurveyTask",
    description: "SUR-5: the task is done, with a note of what was done",
    errors: { types: [...STANDARD_ERRORS, SurveyTaskConflictError] },
    args: {
      input: t.arg({
        type: builder.inputType("CompleteSurveyTaskInput", {
          description: "SUR-5: the task and what was done",
          fields: (f) => ({
            id: f.globalID({ required: true, description: "The task (OPEN)" }),
            version: f.int({ required: true, description: "The version read; a stale one gets a SurveyTaskConflictError" }),
            note: f.string({ required: true, description: "What was done, at most 5000 characters" }),
          }),
        }),
        required: true,
        description: "The completion",
      }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await completeSurveyTask(ctx, { ...input, id: input.id.id });
      return ctx.prisma.surveyTask.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

// ---- open letters ----

/** SUR-5, CB-9: an open letter answering a survey's common problems; published to residents, so not personal. */
const SurveyOpenLetterRef = builder.prismaObject("OpenLetter", {
  variant: "SurveyOpenLetter",
  description: "SUR-5: an open letter on common problems found by a survey",
  fields: (t) => ({
    id: t.exposeID("id", { description: "The letter's id" }),
    estate: t.relation("estate", { nullable: true, description: "Null: every estate of the campaign" }),
    title: t.exposeString("title", { description: "SUR-5: the letter's title" }),
    body: t.exposeString("body", { description: "SUR-5: the letter as published" }),
    method: t.exposeString("method", { nullable: true, description: "SUR-5: how the problem is handled" }),
    measures: t.exposeString("measures", { nullable: true, description: "SUR-5: the measures taken" }),
    earliestCompletionAt: t.expose("earliestCompletionAt", {
      type: "DateTime",
      nullable: true,
      description: "SUR-5: the earliest the problem is solved",
    }),
    publishedAt: t.expose("publishedAt", { type: "DateTime", nullable: true, description: "When it was published" }),
    publishedBy: t.relation("publishedBy", { nullable: true, description: "Who published it" }),
  }),
});

builder.prismaObjectField("SurveyCampaign", "openLetters", (t) =>
  t.relation("openLetters", {
    type: SurveyOpenLetterRef,
    description: "SUR-5: open letters on this survey's common problems",
    query: (_a, ctx) => ({
      where: estateFilter(ctx) ? { OR: [{ estateId: null }, { estateId: estateFilter(ctx) }] } : {},
      orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
    }),
  }),
);

builder.mutationField("recordSurveyOpenLetter", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: SurveyOpenLetterRef,
    description:
      "SUR-5: records an open letter for a campaign's common problems, with the method, the measures and the earliest completion date",
    errors: { types: CAMPAIGN_ERRORS },
    args: {
      input: t.arg({
        type: builder.inputType("RecordSurveyOpenLetterInput", {
          description: "SUR-5: an open letter",
          fields: (f) => ({
            campaignId: f.globalID({ required: true, description: "The campaign (RUNNING or CLOSED)" }),
            estateId: f.globalID({ required: false, description: "One estate of the campaign; omit for all of them" }),
            title: f.string({ required: true, description: "At most 200 characters" }),
            body: f.string({ required: true, description: "The letter, at most 20000 characters" }),
            method: f.string({ required: true, description: "SUR-5: how the problem is handled" }),
            measures: f.string({ required: true, description: "SUR-5: the measures taken" }),
            earliestCompletionAt: f.field({
              type: "DateTime",
              required: true,
              description: "SUR-5: the earliest the problem is solved; not before publication",
            }),
            publishedAt: f.field({ type: "DateTime", required: false, description: "Default now" }),
          }),
        }),
        required: true,
        description: "The letter",
      }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await recordSurveyOpenLetter(ctx, { ...input, campaignId: input.campaignId.id, estateId: input.estateId?.id });
      return ctx.prisma.openLetter.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);
