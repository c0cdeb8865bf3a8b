import { builder } from "../../builder.ts";
import { protectedField, reveal, type RecordRef } from "../../access/disclosure.ts";
import { SurveyBulkEntryError, type SurveyEntryProblem } from "../../errors/surveys.ts";
import { localize } from "../../errors/typed-errors.ts";
import { recordSurveyResponse, recordSurveyResponses } from "../../services/surveys/responses.ts";
import { typedError } from "../errors.ts";
import { HANDOUT_ERRORS } from "./handouts.ts";
import { CAMPAIGN_ERRORS } from "./shared.ts";

/**
 * SUR-6: the answers of a returned questionnaire, one per dimension of the campaign's
 * questionnaire: a rating 1-5, blank, or not applicable, with a comment. Entered one
 * questionnaire at a time (with the hand-out's version), or many at once from a spreadsheet,
 * all or nothing with every bad row reported (SPEC §13). The commands are services/surveys/responses.ts.
 */

/** SEC-1, SEC-2: a household's answers are customer information (SECRET) of its estate. */
export function responseRef(r: { id: string; estateId: string }): RecordRef {
  return { recordType: "SURVEY_RESPONSE", id: r.id, classification: "SECRET", estateIds: [r.estateId] };
}

builder.prismaObject("SurveyResponse", {
  description: "SUR-6: the answer to one dimension",
  fields: (t) => ({
    dimension: t.relation("dimension", { description: "SUR-6: the dimension answered" }),
    rating: t.exposeInt("rating", {
      nullable: true,
      description: "1 = very dissatisfied … 5 = very satisfied; null = blank or not applicable",
    }),
    notApplicable: t.exposeBoolean("notApplicable", { description: 'SUR-6: answered "not applicable"' }),
    blank: t.boolean({
      description: "SUR-6: left blank (neither rated nor not applicable)",
      resolve: (r) => r.rating === null && !r.notApplicable,
    }),
    comment: t.string({
      nullable: true,
      description: "The household's own words (case content, SEC-2)",
      extensions: protectedField("SURVEY_RESPONSE", "comment"),
      resolve: (r, _a, ctx) => reveal(ctx, responseRef(r), "comment", r.comment),
    }),
  }),
});

builder.prismaObjectField("SurveyHandout", "responses", (t) =>
  t.relation("responses", {
    description: "SUR-6: the answers, in the questionnaire's order",
    query: { orderBy: [{ dimension: { sortOrder: "asc" } }, { id: "asc" }] },
  }),
);

const AnswerInput = builder.inputType("SurveyAnswerInput", {
  description: "SUR-6: the answer to one dimension",
  fields: (t) => ({
    dimension: t.string({ required: true, description: "The dimension's code, e.g. repair_speed" }),
    rating: t.int({ required: false, description: "1 … 5; leave out for a blank" }),
    notApplicable: t.boolean({ required: false, description: "Not applicable (where the dimension allows it); not with a rating" }),
    comment: t.string({ required: false, description: "The household's own words, at most 2000 characters" }),
  }),
});

builder.mutationField("recordSurveyResponse", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "SurveyHandout",
    description: "SUR-6: enters (or replaces) one questionnaire's answers; a dimension left out is blank; records the return (SUR-3)",
    errors: { types: HANDOUT_ERRORS },
    args: {
      input: t.arg({
        type: builder.inputType("RecordSurveyResponseInput", {
          description: "SUR-6: one questionnaire's answers",
          fields: (f) => ({
            handoutId: f.globalID({ required: true, description: "The hand-out" }),
            version: f.int({ required: true, description: "The hand-out's version read; a stale one gets a SurveyHandoutConflictError" }),
            returnedAt: f.field({ type: "DateTime", required: false, description: "Default: the return recorded, else now" }),
            answers: f.field({ type: [AnswerInput], required: true, description: "One per dimension answered" }),
          }),
        }),
        required: true,
        description: "The answers",
      }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await recordSurveyResponse(ctx, { ...input, handoutId: input.handoutId.id });
      return ctx.prisma.surveyHandout.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

// ---- many at once ----

const SurveyEntryProblemRef = builder.objectRef<SurveyEntryProblem>("SurveyEntryProblem").implement({
  description: "SPEC §13: one bad row of a bulk entry",
  fields: (t) => ({
    index: t.exposeInt("index", { description: "Position of the row in input.rows, from 0" }),
    line: t.exposeInt("line", { description: "The row's line in the source file (as given, else index + 1)" }),
    field: t.exposeString("field", { description: "Dotted path, e.g. input.rows.3.answers.2.rating" }),
    reason: t.string({
      description: "Why, in the request's language",
      resolve: (p, _a, ctx) => localize(p.reason, p.localized, ctx.language),
    }),
  }),
});

typedError(SurveyBulkEntryError, {
  name: "SurveyBulkEntryError",
  description: "SPEC §13: bulk entry is all or nothing; every bad row, field and reason",
  fields: (t) => ({
    problems: t.field({ type: [SurveyEntryProblemRef], description: "Every bad row's problems", resolve: (e) => e.problems }),
  }),
});

const RowInput = builder.inputType("SurveyResponseRowInput", {
  description: "SUR-6: one returned questionnaire of a bulk entry",
  fields: (t) => ({
    line: t.int({ required: false, description: "The line in the source file, echoed in problems" }),
    handoutId: t.globalID({ required: false, description: "The hand-out; or householdCode" }),
    householdCode: t.string({ required: false, description: "The household's code (e.g. LX-3-2-1201); or handoutId" }),
    returnedAt: t.field({ type: "DateTime", required: false, description: "Default: the return recorded, else now" }),
    answers: t.field({ type: [AnswerInput], required: true, description: "One per dimension answered" }),
  }),
});

const SurveyBulkEntry = builder.objectRef<{ questionnaires: number; answers: number }>("SurveyBulkEntry").implement({
  description: "SUR-6, §13: what a bulk entry wrote",
  fields: (t) => ({
    questionnaires: t.exposeInt("questionnaires", { description: "Questionnaires entered (and returned)" }),
    answers: t.exposeInt("answers", { description: "Answers written (one per dimension of each questionnaire)" }),
  }),
});

builder.mutationField("recordSurveyResponses", (t) =>
  t.withAuth({ permission: "complaints:write" }).field({
    type: SurveyBulkEntry,
    description:
      "SUR-6, §13: enters the answers of many returned questionnaires of one campaign at once; all or nothing, every bad row reported",
    errors: { types: [...CAMPAIGN_ERRORS, SurveyBulkEntryError] },
    args: {
      input: t.arg({
        type: builder.inputType("RecordSurveyResponsesInput", {
          description: "SUR-6, §13: the campaign and its rows",
          fields: (f) => ({
            campaignId: f.globalID({ required: true, description: "The campaign (RUNNING or CLOSED)" }),
            rows: f.field({ type: [RowInput], required: true, description: "1 to 10000 questionnaires" }),
          }),
        }),
        required: true,
        description: "The rows",
      }),
    },
    resolve: (_r, { input }, ctx) =>
      recordSurveyResponses(ctx, {
        campaignId: input.campaignId.id,
        rows: input.rows.map((r) => ({ ...r, handoutId: r.handoutId?.id })),
      }),
  }),
);
