import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { protectedField, reveal, type RecordRef } from "../../access/disclosure.ts";
import { checkAnswers, type AnswerProblem, type AnswerRow } from "../../domain/surveys/answers.ts";
import { RETURN_STATUSES } from "../../domain/surveys/campaign-workflow.ts";
import { InputError } from "../../errors/typed-errors.ts";
import { ErrorInterface } from "../errors.ts";
import { assertCampaignStatus, CAMPAIGN_ERRORS, campaignFor, estateRecords } from "./shared.ts";
import { HANDOUT_ERRORS, handoutFor, returnInstant, SurveyHandoutConflictError } from "./handouts.ts";

/**
 * SUR-6: the answers of a returned questionnaire, one per dimension of the campaign's
 * questionnaire: a rating 1-5, blank, or not applicable, with a comment. Entered one
 * questionnaire at a time (with the hand-out's version), or many at once from a spreadsheet,
 * all or nothing with every bad row reported (SPEC §13). Entering answers records the return.
 */

/** SEC-1, SEC-2: a household's answers are customer information (SECRET) of its estate. */
export function responseRef(r: { id: string; estateId: string }): RecordRef {
  return { recordType: "SURVEY_RESPONSE", id: r.id, classification: "SECRET", estateIds: [r.estateId] };
}

builder.prismaObject("SurveyResponse", {
  description: "SUR-6: the answer to one dimension",
  fields: (t) => ({
    dimension: t.relation("dimension"),
    rating: t.exposeInt("rating", { nullable: true, description: "1 = very dissatisfied … 5 = very satisfied; null = blank or not applicable" }),
    notApplicable: t.exposeBoolean("notApplicable"),
    blank: t.boolean({ resolve: (r) => r.rating === null && !r.notApplicable }),
    comment: t.string({
      nullable: true, description: "The household's own words (case content, SEC-2)", extensions: protectedField("SURVEY_RESPONSE", "comment"),
      resolve: (r, _a, ctx) => reveal(ctx, responseRef(r), "comment", r.comment),
    }),
  }),
});

builder.prismaObjectField("SurveyHandout", "responses", (t) =>
  t.relation("responses", { description: "SUR-6: the answers, in the questionnaire's order", query: { orderBy: [{ dimension: { sortOrder: "asc" } }, { id: "asc" }] } }));

const AnswerInput = builder.inputType("SurveyAnswerInput", {
  fields: (t) => ({
    dimension: t.string({ required: true, description: "The dimension's code, e.g. repair_speed" }),
    rating: t.int({ required: false, description: "1 … 5; leave out for a blank" }),
    notApplicable: t.boolean({ required: false }),
    comment: t.string({ required: false }),
  }),
});

async function dimensionsOf(ctx: Context, questionnaireId: string) {
  return ctx.prisma.questionnaireDimension.findMany({ where: { questionnaireId }, select: { id: true, code: true, allowNotApplicable: true }, orderBy: { sortOrder: "asc" } });
}

function responseRows(rows: AnswerRow[], h: { id: string; organizationId: string; campaignId: string; estateId: string; householdId: string }, at: Date) {
  return rows.map((r) => ({ ...r, organizationId: h.organizationId, handoutId: h.id, campaignId: h.campaignId, estateId: h.estateId, householdId: h.householdId, createdAt: at }));
}

builder.mutationField("recordSurveyResponse", (t) =>
  t.prismaField({
    type: "SurveyHandout",
    description: "SUR-6: enters (or replaces) one questionnaire's answers; a dimension left out is blank; records the return (SUR-3)",
    authScopes: { permission: "complaints:write" },
    errors: { types: HANDOUT_ERRORS },
    args: {
      input: t.arg({
        type: builder.inputType("RecordSurveyResponseInput", {
          fields: (f) => ({
            handoutId: f.globalID({ required: true }),
            version: f.int({ required: true, description: "The hand-out's version read; a stale one gets a SurveyHandoutConflictError" }),
            returnedAt: f.field({ type: "DateTime", required: false, description: "Default: the return recorded, else now" }),
            answers: f.field({ type: [AnswerInput], required: true }),
          }),
        }),
        required: true,
      }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      const h = await handoutFor(ctx, input.handoutId.id, input.version);
      assertCampaignStatus(h.campaign, RETURN_STATUSES, "input.handoutId", "Entering answers");
      const { rows, problems } = checkAnswers(input.answers, await dimensionsOf(ctx, h.campaign.questionnaireId), "input.answers");
      if (problems.length) throw new InputError(problems[0]!.field, problems[0]!.reason);
      const returnedAt = returnInstant(h, input.returnedAt, ctx.now, "input.returnedAt");
      const updated = await ctx.prisma.surveyHandout.updateMany({ where: { id: h.id, version: h.version }, data: { returnedAt, version: { increment: 1 } } });
      if (updated.count === 0) throw new SurveyHandoutConflictError(h.id, h.version + 1);
      await ctx.prisma.surveyResponse.deleteMany({ where: { handoutId: h.id } });
      await ctx.prisma.surveyResponse.createMany({ data: responseRows(rows, h, ctx.now) });
      return ctx.prisma.surveyHandout.findUniqueOrThrow({ ...query, where: { id: h.id } });
    },
  }),
);

// ---- many at once ----

interface BulkProblem extends AnswerProblem { index: number; line: number }

/** SPEC §13: the bulk entry was refused as a whole; every bad row is listed. */
export class SurveyBulkEntryError extends Error {
  constructor(readonly problems: BulkProblem[]) {
    super(`${new Set(problems.map((p) => p.index)).size} rows have problems; nothing was entered`);
    this.name = "SurveyBulkEntryError";
  }
}

const SurveyEntryProblem = builder.objectRef<BulkProblem>("SurveyEntryProblem").implement({
  fields: (t) => ({
    index: t.exposeInt("index", { description: "Position of the row in input.rows, from 0" }),
    line: t.exposeInt("line", { description: "The row's line in the source file (as given, else index + 1)" }),
    field: t.exposeString("field", { description: "Dotted path, e.g. input.rows.3.answers.2.rating" }),
    reason: t.exposeString("reason"),
  }),
});

builder.objectType(SurveyBulkEntryError, {
  name: "SurveyBulkEntryError",
  description: "SPEC §13: bulk entry is all or nothing; every bad row, field and reason",
  interfaces: [ErrorInterface],
  isTypeOf: (o) => o instanceof SurveyBulkEntryError,
  fields: (t) => ({ problems: t.field({ type: [SurveyEntryProblem], resolve: (e) => e.problems }) }),
});

const RowInput = builder.inputType("SurveyResponseRowInput", {
  fields: (t) => ({
    line: t.int({ required: false, description: "The line in the source file, echoed in problems" }),
    handoutId: t.globalID({ required: false, description: "The hand-out; or householdCode" }),
    householdCode: t.string({ required: false, description: "The household's code (e.g. LX-3-2-1201); or handoutId" }),
    returnedAt: t.field({ type: "DateTime", required: false, description: "Default: the return recorded, else now" }),
    answers: t.field({ type: [AnswerInput], required: true }),
  }),
});

const SurveyBulkEntry = builder.objectRef<{ questionnaires: number; answers: number }>("SurveyBulkEntry").implement({
  fields: (t) => ({ questionnaires: t.exposeInt("questionnaires"), answers: t.exposeInt("answers") }),
});

const MAX_ROWS = 10_000;

builder.mutationField("recordSurveyResponses", (t) =>
  t.field({
    type: SurveyBulkEntry,
    description: "SUR-6, §13: enters the answers of many returned questionnaires of one campaign at once; all or nothing, every bad row reported",
    authScopes: { permission: "complaints:write" },
    errors: { types: [...CAMPAIGN_ERRORS, SurveyBulkEntryError] },
    args: {
      input: t.arg({
        type: builder.inputType("RecordSurveyResponsesInput", { fields: (f) => ({ campaignId: f.globalID({ required: true }), rows: f.field({ type: [RowInput], required: true }) }) }),
        required: true,
      }),
    },
    resolve: async (_r, { input }, ctx) => {
      const c = await campaignFor(ctx, input.campaignId.id);
      assertCampaignStatus(c, RETURN_STATUSES, "input.campaignId", "Entering answers");
      if (input.rows.length === 0 || input.rows.length > MAX_ROWS) throw new InputError("input.rows", `1 to ${MAX_ROWS} rows`);
      const dimensions = await dimensionsOf(ctx, c.questionnaireId);
      const ids = input.rows.flatMap((r) => (r.handoutId ? [r.handoutId.id] : []));
      const codes = input.rows.flatMap((r) => (r.householdCode ? [r.householdCode.trim()] : []));
      const handouts = await ctx.prisma.surveyHandout.findMany({
        where: { AND: [estateRecords(ctx), { campaignId: c.id, OR: [{ id: { in: ids } }, { household: { code: { in: codes } } }] }] },
        select: { id: true, organizationId: true, campaignId: true, estateId: true, householdId: true, handedOutAt: true, returnedAt: true, household: { select: { code: true } }, _count: { select: { responses: true } } },
      });
      const byId = new Map(handouts.map((h) => [h.id, h]));
      const byCode = new Map(handouts.map((h) => [h.household.code, h]));
      const problems: BulkProblem[] = [];
      const seen = new Set<string>();
      const entries = input.rows.flatMap((row, index) => {
        const line = row.line ?? index + 1;
        const add = (list: AnswerProblem[]) => problems.push(...list.map((p) => ({ ...p, index, line })));
        const at = (f: string) => `input.rows.${index}.${f}`;
        const key = row.handoutId ? "handoutId" : "householdCode";
        if (!!row.handoutId === !!row.householdCode) return add([{ field: at("handoutId"), reason: "Give either handoutId or householdCode" }]), [];
        const h = row.handoutId ? byId.get(row.handoutId.id) : byCode.get(row.householdCode!.trim());
        if (!h) return add([{ field: at(key), reason: "No questionnaire of this campaign was handed out to this household in your estates" }]), [];
        if (seen.has(h.id)) return add([{ field: at(key), reason: "The questionnaire appears twice in this entry" }]), [];
        seen.add(h.id);
        if (h._count.responses > 0) add([{ field: at(key), reason: "Its answers were entered already; change them with recordSurveyResponse (with the hand-out's version)" }]);
        const checked = checkAnswers(row.answers, dimensions, at("answers"));
        add(checked.problems);
        let returnedAt = h.returnedAt ?? ctx.now;
        try {
          returnedAt = returnInstant(h, row.returnedAt, ctx.now, at("returnedAt"));
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          add([{ field: e.field, reason: e.message }]);
        }
        return [{ h, rows: checked.rows, returnedAt }];
      });
      if (problems.length) throw new SurveyBulkEntryError(problems);
      await ctx.prisma.surveyResponse.createMany({ data: entries.flatMap((e) => responseRows(e.rows, e.h, ctx.now)) });
      await ctx.prisma.$executeRaw`
        UPDATE survey_handouts h SET returned_at = v.at, version = h.version + 1, updated_at = ${ctx.now}::timestamptz
          FROM unnest(${entries.map((e) => e.h.id)}::uuid[], ${entries.map((e) => e.returnedAt.toISOString())}::timestamptz[]) AS v(id, at)
         WHERE h.id = v.id`;
      return { questionnaires: entries.length, answers: entries.length * dimensions.length };
    },
  }),
);
