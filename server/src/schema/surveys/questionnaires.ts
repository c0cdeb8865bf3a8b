import { builder } from "../../builder.ts";
import { inOrganization, organizationNode } from "../../access/read-scope.ts";
import { QuestionnaireConflictError, QuestionnaireFrozenError } from "../../errors/surveys.ts";
import { createQuestionnaire, reviseQuestionnaire, updateQuestionnaire } from "../../services/surveys/questionnaires.ts";
import { conflictErrorType, STANDARD_ERRORS, typedError } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";

/**
 * SUR-6: questionnaires are versioned (code + revision) and hold dimensions rated 1-5 plus free
 * text. A new revision is made by copying one; a revision used by a running or closed campaign
 * is frozen (its answers must keep meaning what was asked), so editing it is a typed error.
 * Questionnaires are the organisation's: written by company-level staff. The commands are
 * services/surveys/questionnaires.ts.
 */
export const QuestionnaireDimensionRef = builder.prismaObject("QuestionnaireDimension", {
  description: "SUR-6: one dimension rated 1 (very dissatisfied) … 5 (very satisfied)",
  fields: (t) => ({
    id: t.exposeID("id", { description: "The dimension's id" }),
    code: t.exposeString("code", { description: "SUR-6: unique in the questionnaire, e.g. repair_speed" }),
    name: t.exposeString("label", { description: "SUR-6: the dimension as asked, e.g. 维修及时性" }),
    description: t.exposeString("description", { nullable: true, description: "SUR-6: what the dimension covers" }),
    order: t.exposeInt("sortOrder", { description: "SUR-6: its place in the questionnaire" }),
    allowNotApplicable: t.exposeBoolean("allowNotApplicable", { description: 'SUR-6: may be answered "not applicable"' }),
    isOverall: t.exposeBoolean("isOverall", { description: "§11: the dimension that gives the overall satisfaction rate" }),
  }),
});

builder.prismaNode("Questionnaire", {
  ...organizationNode,
  id: { field: "id", description: "SUR-6: the revision's global id" },
  authScopes: { authenticated: true },
  description: "SUR-6: one revision of a questionnaire",
  fields: (t) => ({
    code: t.exposeString("code", { description: "SUR-6: the questionnaire's code, shared by its revisions" }),
    revision: t.exposeInt("revision", { description: "SUR-6: 1, 2, … per code" }),
    title: t.exposeString("title", { description: "SUR-6: the questionnaire's title" }),
    description: t.exposeString("description", { nullable: true, description: "SUR-6: its introduction" }),
    frozen: t.exposeBoolean("frozen", { description: "SUR-6: used by a running or closed campaign; copy it to change it" }),
    frozenAt: t.expose("frozenAt", { type: "DateTime", nullable: true, description: "SUR-6: when a campaign using it started" }),
    version: t.exposeInt("version", { description: "Optimistic concurrency: send it back with an edit" }),
    dimensions: t.relation("dimensions", {
      description: "SUR-6: its dimensions, in order",
      query: { orderBy: [{ sortOrder: "asc" }, { code: "asc" }] },
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the revision was made" }),
  }),
});

builder.queryField("questionnaires", (t) =>
  t.prismaField({
    type: ["Questionnaire"],
    authScopes: { authenticated: true },
    description: "SUR-6: every questionnaire revision, by code and revision",
    args: { code: t.arg.string({ required: false, description: "Only the revisions of this code" }) },
    resolve: (query, _r, args, ctx) =>
      ctx.prisma.questionnaire.findMany({
        ...query,
        where: { ...inOrganization(ctx), ...(args.code ? { code: args.code } : {}) },
        orderBy: [{ code: "asc" }, { revision: "asc" }],
      }),
  }),
);

// ---- errors ----

builder.objectFields(conflictErrorType(QuestionnaireConflictError, "QuestionnaireConflictError"), (t) => ({
  current: t.prismaField({
    type: "Questionnaire",
    description: "The questionnaire as it is now",
    resolve: (query, e, _a, ctx) => ctx.prisma.questionnaire.findUniqueOrThrow({ ...query, where: { id: e.recordId } }),
  }),
}));

typedError(QuestionnaireFrozenError, {
  name: "QuestionnaireFrozenError",
  description: "SUR-6: a questionnaire used by a running or closed campaign cannot change; copy it into a new revision",
  fields: (t) => ({
    field: t.exposeString("field", { description: "The input naming the questionnaire" }),
    campaignCodes: t.exposeStringList("campaignCodes", { description: "SUR-6: the running or closed campaigns using it" }),
  }),
});

const QUESTIONNAIRE_ERRORS = [...STANDARD_ERRORS, QuestionnaireConflictError, QuestionnaireFrozenError];

// ---- writing ----

const DimensionInput = builder.inputType("QuestionnaireDimensionInput", {
  description: "SUR-6: one dimension",
  fields: (t) => ({
    code: t.string({ required: true, description: "e.g. repair_speed: lower-case letters, digits and _, at most 40" }),
    name: t.string({ required: true, description: "e.g. 维修及时性; 1 to 100 characters" }),
    description: t.string({ required: false, description: "What the dimension covers" }),
    order: t.int({ required: false, description: "Default: the position in the list" }),
    allowNotApplicable: t.boolean({ required: false, description: "Default true (false for the overall dimension)" }),
    isOverall: t.boolean({ required: false, description: "§11: the overall dimension (at most one)" }),
  }),
});

builder.mutationField("createQuestionnaire", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "Questionnaire",
    description: "SUR-6: a new questionnaire (revision 1) with its dimensions",
    errors: { types: QUESTIONNAIRE_ERRORS },
    args: {
      input: t.arg({
        type: builder.inputType("CreateQuestionnaireInput", {
          description: "SUR-6: a new questionnaire",
          fields: (f) => ({
            code: f.string({ required: true, description: "Unique in the organisation, at most 40 characters" }),
            title: f.string({ required: true, description: "At most 200 characters" }),
            description: f.string({ required: false, description: "Its introduction" }),
            dimensions: f.field({ type: [DimensionInput], required: true, description: "At least one" }),
          }),
        }),
        required: true,
        description: "The questionnaire",
      }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await createQuestionnaire(ctx, input);
      return ctx.prisma.questionnaire.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

builder.mutationField("reviseQuestionnaire", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "Questionnaire",
    description: "SUR-6: copies a revision with its dimensions into the next revision of its code (not frozen, to be edited)",
    errors: { types: QUESTIONNAIRE_ERRORS },
    args: { id: t.arg.globalID({ required: true, description: "The revision copied" }) },
    resolve: async (query, _r, args, ctx) => {
      const id = await reviseQuestionnaire(ctx, { id: args.id.id });
      return ctx.prisma.questionnaire.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

builder.mutationField("updateQuestionnaire", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "Questionnaire",
    description: "SUR-6: edits a revision not yet frozen; `dimensions`, when given, replace the list (matched by code)",
    errors: { types: QUESTIONNAIRE_ERRORS },
    args: {
      input: t.arg({
        type: builder.inputType("UpdateQuestionnaireInput", {
          description: "SUR-6: the changes (omitted fields stay)",
          fields: (f) => ({
            id: f.globalID({ required: true, description: "The revision (not frozen)" }),
            version: f.int({ required: true, description: "The version read; a stale one gets a QuestionnaireConflictError" }),
            title: f.string({ required: false, description: "At most 200 characters" }),
            description: f.string({ required: false, description: "Its introduction (null clears it)" }),
            dimensions: f.field({ type: [DimensionInput], required: false, description: "The whole new list" }),
          }),
        }),
        required: true,
        description: "The changes",
      }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await updateQuestionnaire(ctx, { ...input, id: input.id.id });
      return ctx.prisma.questionnaire.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);
