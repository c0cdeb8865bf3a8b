import { SurveyTaskKind, TaskStatus, type Prisma } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { RETURN_STATUSES } from "../../domain/surveys/campaign-workflow.ts";
import { POST_SURVEY_PLAN, postSurveyDueAt } from "../../domain/surveys/post-survey.ts";
import { ConflictError, InputError, NotFoundError, requiredText } from "../../errors/typed-errors.ts";
import { conflictErrorType, STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { estateFilter, inOrganization, scopedNode } from "../../access/read-scope.ts";
import { assertCampaignStatus, CAMPAIGN_ERRORS, campaignFor, campaignScope, lockCampaign, SurveyCampaignStateError } from "./shared.ts";

/**
 * SUR-5 (000 §6 4.3.7): the post-survey plan, counted from the campaign's end: week 1
 * analysis, week 2 targeted callbacks, week 3 open letters for common problems and signed
 * in-person visits for individual ones. Tasks are completed with a note (version checked); open
 * letters state the method, the measures and the earliest completion date.
 */
const SurveyTaskKindEnum = builder.enumType(SurveyTaskKind, { name: "SurveyTaskKind", description: "SUR-5 post-survey work" });
const SurveyTaskStatusEnum = builder.enumType(TaskStatus, { name: "SurveyTaskStatus" });

/** §2: tasks of campaigns in the caller's scope, organisation-wide or of its estates. */
function taskScope(ctx: Context): Prisma.SurveyTaskWhereInput {
  const estateId = estateFilter(ctx);
  return { ...inOrganization(ctx), campaign: campaignScope(ctx), ...(estateId ? { OR: [{ estateId: null }, { estateId }] } : {}) };
}

builder.prismaNode("SurveyTask", {
  ...scopedNode(taskScope),
  authScopes: { authenticated: true },
  description: "SUR-5: one step of the post-survey plan",
  fields: (t) => ({
    campaign: t.relation("campaign"),
    estate: t.relation("estate", { nullable: true, description: "Null: the whole campaign" }),
    kind: t.expose("kind", { type: SurveyTaskKindEnum }),
    title: t.exposeString("title"),
    description: t.exposeString("description", { nullable: true }),
    owner: t.relation("owner", { nullable: true }),
    dueAt: t.expose("dueAt", { type: "DateTime", description: "Counted from the campaign's end (week 1, 2, 3)" }),
    status: t.expose("status", { type: SurveyTaskStatusEnum }),
    overdue: t.boolean({ resolve: (k, _a, ctx) => k.status === "OPEN" && k.dueAt < ctx.now }),
    doneAt: t.expose("doneAt", { type: "DateTime", nullable: true }),
    doneNote: t.exposeString("doneNote", { nullable: true, description: "What was done" }),
    version: t.exposeInt("version", { description: "Optimistic concurrency: send it back to complete the task" }),
  }),
});

builder.prismaObjectField("SurveyCampaign", "tasks", (t) =>
  t.relation("tasks", {
    description: "SUR-5: the post-survey plan, by due date",
    query: (_a, ctx) => ({ where: estateFilter(ctx) ? { OR: [{ estateId: null }, { estateId: estateFilter(ctx) }] } : {}, orderBy: [{ dueAt: "asc" }, { kind: "asc" }] }),
  }));

builder.mutationField("planPostSurveyTasks", (t) =>
  t.prismaField({
    type: ["SurveyTask"],
    description: "SUR-5: plans week 1 analysis, week 2 targeted callbacks, week 3 open letters and signed visits, due from the campaign's end; a step planned before is not planned again",
    authScopes: { permission: "complaints:write" },
    errors: { types: CAMPAIGN_ERRORS },
    args: {
      campaignId: t.arg.globalID({ required: true }),
      ownerId: t.arg.globalID({ required: false, description: "Who carries the plan out; default you" }),
    },
    resolve: async (query, _r, args, ctx) => {
      const c = await campaignFor(ctx, args.campaignId.id, { write: true });
      assertCampaignStatus(c, RETURN_STATUSES, "campaignId", "Planning the post-survey work");
      if (!c.endsAt) throw new SurveyCampaignStateError("campaignId", c.status, "The campaign has no end yet; close it first");
      const ownerId = args.ownerId?.id ?? ctx.viewer!.staffId;
      if (!(await ctx.prisma.staff.findFirst({ where: { id: ownerId, ...inOrganization(ctx) }, select: { id: true } }))) throw new InputError("ownerId", "No such staff member");
      await lockCampaign(ctx, c.id);
      const planned = new Set((await ctx.prisma.surveyTask.findMany({ where: { campaignId: c.id, estateId: null }, select: { kind: true } })).map((k) => k.kind));
      await ctx.prisma.surveyTask.createMany({
        data: POST_SURVEY_PLAN.filter((p) => !planned.has(p.kind)).map((p) => ({
          organizationId: c.organizationId, campaignId: c.id, kind: p.kind, title: p.title, description: p.description, ownerId,
          dueAt: postSurveyDueAt(c.endsAt!, p.week), createdAt: ctx.now,
        })),
      });
      return ctx.prisma.surveyTask.findMany({ ...query, where: { campaignId: c.id }, orderBy: [{ dueAt: "asc" }, { kind: "asc" }] });
    },
  }),
);

export class SurveyTaskConflictError extends ConflictError {}
builder.objectFields(conflictErrorType(SurveyTaskConflictError, "SurveyTaskConflictError"), (t) => ({
  current: t.prismaField({ type: "SurveyTask", resolve: (query, e, _a, ctx) => ctx.prisma.surveyTask.findUniqueOrThrow({ ...query, where: { id: e.recordId } }) }),
}));

builder.mutationField("completeSurveyTask", (t) =>
  t.prismaField({
    type: "SurveyTask",
    description: "SUR-5: the task is done, with a note of what was done",
    authScopes: { permission: "complaints:write" },
    errors: { types: [...STANDARD_ERRORS, SurveyTaskConflictError] },
    args: {
      input: t.arg({
        type: builder.inputType("CompleteSurveyTaskInput", {
          fields: (f) => ({
            id: f.globalID({ required: true }),
            version: f.int({ required: true, description: "The version read; a stale one gets a SurveyTaskConflictError" }),
            note: f.string({ required: true }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      const task = await ctx.prisma.surveyTask.findFirst({ where: { id: input.id.id, AND: [taskScope(ctx)] } });
      if (!task) throw new NotFoundError("Survey task");
      if (task.version !== input.version) throw new SurveyTaskConflictError(task.id, task.version);
      if (task.status !== "OPEN") throw new InputError("input.id", `The task is ${task.status} already`);
      const note = requiredText(input.note, "input.note", 5000);
      const updated = await ctx.prisma.surveyTask.updateMany({ where: { id: task.id, version: task.version }, data: { status: "DONE", doneAt: ctx.now, doneNote: note, version: { increment: 1 } } });
      if (updated.count === 0) throw new SurveyTaskConflictError(task.id, task.version + 1);
      return ctx.prisma.surveyTask.findUniqueOrThrow({ ...nonEmpty(query), where: { id: task.id } });
    },
  }),
);

// ---- open letters ----

/** SUR-5, CB-9: an open letter answering a survey's common problems; published to residents, so not personal. */
const SurveyOpenLetterRef = builder.prismaObject("OpenLetter", {
  variant: "SurveyOpenLetter",
  description: "SUR-5: an open letter on common problems found by a survey",
  fields: (t) => ({
    id: t.exposeID("id"),
    estate: t.relation("estate", { nullable: true, description: "Null: every estate of the campaign" }),
    title: t.exposeString("title"),
    body: t.exposeString("body"),
    method: t.exposeString("method", { nullable: true, description: "SUR-5: how the problem is handled" }),
    measures: t.exposeString("measures", { nullable: true, description: "SUR-5: the measures taken" }),
    earliestCompletionAt: t.expose("earliestCompletionAt", { type: "DateTime", nullable: true, description: "SUR-5: the earliest the problem is solved" }),
    publishedAt: t.expose("publishedAt", { type: "DateTime", nullable: true }),
    publishedBy: t.relation("publishedBy", { nullable: true }),
  }),
});

builder.prismaObjectField("SurveyCampaign", "openLetters", (t) =>
  t.relation("openLetters", {
    type: SurveyOpenLetterRef,
    description: "SUR-5: open letters on this survey's common problems",
    query: (_a, ctx) => ({ where: estateFilter(ctx) ? { OR: [{ estateId: null }, { estateId: estateFilter(ctx) }] } : {}, orderBy: [{ publishedAt: "asc" }, { id: "asc" }] }),
  }));

builder.mutationField("recordSurveyOpenLetter", (t) =>
  t.prismaField({
    type: SurveyOpenLetterRef,
    description: "SUR-5: records an open letter for a campaign's common problems, with the method, the measures and the earliest completion date",
    authScopes: { permission: "complaints:write" },
    errors: { types: CAMPAIGN_ERRORS },
    args: {
      input: t.arg({
        type: builder.inputType("RecordSurveyOpenLetterInput", {
          fields: (f) => ({
            campaignId: f.globalID({ required: true }),
            estateId: f.globalID({ required: false, description: "One estate of the campaign; omit for all of them" }),
            title: f.string({ required: true }), body: f.string({ required: true }),
            method: f.string({ required: true }), measures: f.string({ required: true }),
            earliestCompletionAt: f.field({ type: "DateTime", required: true }),
            publishedAt: f.field({ type: "DateTime", required: false, description: "Default now" }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      const estateId = input.estateId?.id ?? null;
      // A letter to every estate of the campaign is written by staff of all of them.
      const c = await campaignFor(ctx, input.campaignId.id, { write: !estateId });
      assertCampaignStatus(c, RETURN_STATUSES, "input.campaignId", "An open letter");
      const scope = estateFilter(ctx);
      if (estateId && (!c.estates.some((e) => e.estateId === estateId) || (scope && !scope.in.includes(estateId)))) throw new InputError("input.estateId", "Not an estate of this campaign in your scope");
      const data = {
        title: requiredText(input.title, "input.title", 200), body: requiredText(input.body, "input.body", 20000),
        method: requiredText(input.method, "input.method", 5000), measures: requiredText(input.measures, "input.measures", 5000),
      };
      if (input.earliestCompletionAt < (input.publishedAt ?? ctx.now)) throw new InputError("input.earliestCompletionAt", "Not before the letter is published");
      const created = await ctx.prisma.openLetter.create({
        data: {
          ...data, organizationId: c.organizationId, estateId, surveyCampaignId: c.id, earliestCompletionAt: input.earliestCompletionAt,
          publishedAt: input.publishedAt ?? ctx.now, publishedById: ctx.viewer!.staffId, classification: "INTERNAL", createdAt: ctx.now,
        },
        select: { id: true },
      });
      return ctx.prisma.openLetter.findUniqueOrThrow({ ...nonEmpty(query), where: { id: created.id } });
    },
  }),
);
