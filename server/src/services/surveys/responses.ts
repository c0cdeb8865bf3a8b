import type { Context, SignedInContext } from "../../access/context.ts";
import { answerProblems, type AnswerInput, type AnswerRow } from "../../domain/surveys/answers.ts";
import { RETURN_STATUSES } from "../../domain/surveys/campaign-workflow.ts";
import { returnInstant } from "../../domain/surveys/handouts.ts";
import type { RuleProblem } from "../../domain/surveys/problems.ts";
import { SurveyBulkEntryError, SurveyHandoutConflictError, type SurveyEntryProblem } from "../../errors/surveys.ts";
import { InputCheck } from "../../errors/typed-errors.ts";
import { surveysMessages } from "../../i18n/catalogue/surveys.ts";
import { msg, render } from "../../i18n/messages.ts";
import { writeAtVersion } from "../versioned-write.ts";
import { assertCampaignStatus, campaignFor } from "./campaign.ts";
import { handoutFor } from "./handouts.ts";
import { estateRecords } from "../../access/scopes/surveys.ts";

/**
 * SUR-6: the answers of a returned questionnaire, one per dimension of the campaign's
 * questionnaire: a rating 1-5, blank, or not applicable, with a comment. Entered one
 * questionnaire at a time (with the hand-out's version), or many at once from a spreadsheet,
 * all or nothing with every bad row reported (SPEC §13). Entering answers records the return.
 */

export const MAX_ROWS = 10_000;

async function dimensionsOf(ctx: Context, questionnaireId: string) {
  return ctx.prisma.questionnaireDimension.findMany({
    where: { questionnaireId },
    select: { id: true, code: true, allowNotApplicable: true },
    orderBy: { sortOrder: "asc" },
  });
}

function responseRows(
  rows: AnswerRow[],
  h: { id: string; organizationId: string; campaignId: string; estateId: string; householdId: string },
  at: Date,
) {
  return rows.map((r) => ({
    ...r,
    organizationId: h.organizationId,
    handoutId: h.id,
    campaignId: h.campaignId,
    estateId: h.estateId,
    householdId: h.householdId,
    createdAt: at,
  }));
}

export interface RecordSurveyResponseInput {
  handoutId: string;
  version: number;
  returnedAt?: Date | null;
  answers: readonly AnswerInput[];
}

/** SUR-6: enters (or replaces) one questionnaire's answers at the hand-out's version; records the return (SUR-3). Returns the hand-out's id. */
export async function recordSurveyResponse(ctx: SignedInContext, input: RecordSurveyResponseInput): Promise<string> {
  const h = await handoutFor(ctx, input.handoutId, input.version);
  assertCampaignStatus(h.campaign, RETURN_STATUSES, "input.handoutId", surveysMessages.surveyStepAnswers);
  const check = new InputCheck();
  const { rows, problems } = answerProblems(input.answers, await dimensionsOf(ctx, h.campaign.questionnaireId), "input.answers");
  const returned = returnInstant(h, input.returnedAt, ctx.now, "input.returnedAt");
  for (const p of [...problems, ...returned.problems]) check.add(p.field, p.message);
  check.done();
  await writeAtVersion(ctx.prisma.surveyHandout, h, { returnedAt: returned.at }, (id, v) => new SurveyHandoutConflictError(id, v));
  await ctx.prisma.surveyResponse.deleteMany({ where: { handoutId: h.id } });
  await ctx.prisma.surveyResponse.createMany({ data: responseRows(rows, h, ctx.now) });
  return h.id;
}

export interface ResponseRowInput {
  /** The line in the source file, echoed in problems (default index + 1). */
  line?: number | null;
  /** The hand-out (row id); or householdCode. */
  handoutId?: string | null;
  householdCode?: string | null;
  returnedAt?: Date | null;
  answers: readonly AnswerInput[];
}

type Handout = Awaited<ReturnType<typeof handoutsOf>>[number];

async function handoutsOf(ctx: Context, campaignId: string, rows: readonly ResponseRowInput[]) {
  const ids = rows.flatMap((r) => (r.handoutId ? [r.handoutId] : []));
  const codes = rows.flatMap((r) => (r.householdCode ? [r.householdCode.trim()] : []));
  return ctx.prisma.surveyHandout.findMany({
    where: { AND: [estateRecords(ctx), { campaignId, OR: [{ id: { in: ids } }, { household: { code: { in: codes } } }] }] },
    select: {
      id: true,
      organizationId: true,
      campaignId: true,
      estateId: true,
      householdId: true,
      handedOutAt: true,
      returnedAt: true,
      household: { select: { code: true } },
      _count: { select: { responses: true } },
    },
  });
}

/** One row of a bulk entry: its hand-out, answers and return instant, or its problems. */
function checkRow(
  ctx: Context,
  row: ResponseRowInput,
  index: number,
  found: { byId: Map<string, Handout>; byCode: Map<string, Handout>; seen: Set<string> },
  dimensions: Awaited<ReturnType<typeof dimensionsOf>>,
) {
  const problems: RuleProblem[] = [];
  const at = (f: string) => `input.rows.${index}.${f}`;
  const key = row.handoutId ? "handoutId" : "householdCode";
  if (!!row.handoutId === !!row.householdCode) return { problems: [{ field: at("handoutId"), message: msg("surveyRowKey") }] };
  const h = row.handoutId ? found.byId.get(row.handoutId) : found.byCode.get(row.householdCode!.trim());
  if (!h) return { problems: [{ field: at(key), message: msg("surveyRowNoHandout") }] };
  if (found.seen.has(h.id)) return { problems: [{ field: at(key), message: msg("surveyRowTwice") }] };
  found.seen.add(h.id);
  if (h._count.responses > 0) problems.push({ field: at(key), message: msg("surveyAnswersEntered") });
  const checked = answerProblems(row.answers, dimensions, at("answers"));
  problems.push(...checked.problems);
  const returned = returnInstant(h, row.returnedAt, ctx.now, at("returnedAt"));
  problems.push(...returned.problems);
  return { problems, entry: { h, rows: checked.rows, returnedAt: returned.at } };
}

/**
 * SUR-6, §13: enters the answers of many returned questionnaires of one campaign at once; all or
 * nothing: every bad row is reported (SurveyBulkEntryError) and nothing is written.
 */
export async function recordSurveyResponses(
  ctx: SignedInContext,
  input: { campaignId: string; rows: readonly ResponseRowInput[] },
): Promise<{ questionnaires: number; answers: number }> {
  const c = await campaignFor(ctx, input.campaignId);
  assertCampaignStatus(c, RETURN_STATUSES, "input.campaignId", surveysMessages.surveyStepAnswers);
  const check = new InputCheck();
  check.that(input.rows.length > 0 && input.rows.length <= MAX_ROWS, "input.rows", msg("surveyRowCount", { max: MAX_ROWS }));
  check.done();
  const dimensions = await dimensionsOf(ctx, c.questionnaireId);
  const handouts = await handoutsOf(ctx, c.id, input.rows);
  const found = {
    byId: new Map(handouts.map((h) => [h.id, h])),
    byCode: new Map(handouts.map((h) => [h.household.code, h])),
    seen: new Set<string>(),
  };
  const problems: SurveyEntryProblem[] = [];
  const entries = input.rows.flatMap((row, index) => {
    const r = checkRow(ctx, row, index, found, dimensions);
    const line = row.line ?? index + 1;
    problems.push(...r.problems.map((p) => ({ index, line, field: p.field, reason: render(p.message, "en"), localized: p.message })));
    return r.entry ? [r.entry] : [];
  });
  if (problems.length) throw new SurveyBulkEntryError(problems);
  await ctx.prisma.surveyResponse.createMany({ data: entries.flatMap((e) => responseRows(e.rows, e.h, ctx.now)) });
  await ctx.prisma.$executeRaw`
    UPDATE survey_handouts h SET returned_at = v.at, version = h.version + 1, updated_at = ${ctx.now}::timestamptz
      FROM unnest(${entries.map((e) => e.h.id)}::uuid[], ${entries.map((e) => e.returnedAt.toISOString())}::timestamptz[]) AS v(id, at)
     WHERE h.id = v.id`;
  return { questionnaires: entries.length, answers: entries.length * dimensions.length };
}
