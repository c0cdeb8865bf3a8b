import { msg } from "../../i18n/messages.ts";
import { inEnglish, type RuleProblem } from "./problems.ts";

/**
 * SUR-6: a questionnaire answer per dimension is a rating 1 (very dissatisfied) … 5 (very
 * satisfied), blank, or "not applicable" (where the dimension allows it), with a free-text
 * comment. Pure: checks one questionnaire's answers and says, per answer and field, what is wrong.
 */
export interface AnswerInput {
  dimension: string;
  rating?: number | null;
  notApplicable?: boolean | null;
  comment?: string | null;
}

export interface DimensionSpec {
  id: string;
  code: string;
  allowNotApplicable: boolean;
}

export interface AnswerRow {
  dimensionId: string;
  rating: number | null;
  notApplicable: boolean;
  comment: string | null;
}

export interface AnswerProblem {
  /** Dotted path from the input root, e.g. "input.answers.3.rating". */
  field: string;
  reason: string;
}

export const MAX_COMMENT = 2000;

/**
 * One row per dimension of the questionnaire (a dimension not answered is blank), or the
 * problems found, each naming its field under `path` (e.g. "input.answers"), in English.
 */
export function checkAnswers(
  answers: readonly AnswerInput[],
  dimensions: readonly DimensionSpec[],
  path: string,
): { rows: AnswerRow[]; problems: AnswerProblem[] } {
  const { rows, problems } = answerProblems(answers, dimensions, path);
  return { rows, problems: problems.map(inEnglish) };
}

/** `checkAnswers` with catalogue messages (both languages), for an InputCheck. */
export function answerProblems(
  answers: readonly AnswerInput[],
  dimensions: readonly DimensionSpec[],
  path: string,
): { rows: AnswerRow[]; problems: RuleProblem[] } {
  const byCode = new Map(dimensions.map((d) => [d.code, d]));
  const given = new Map<string, AnswerRow>();
  const problems: RuleProblem[] = [];
  answers.forEach((a, i) => {
    const at = (f: string) => `${path}.${i}.${f}`;
    const dimension = byCode.get(a.dimension?.trim() ?? "");
    if (!dimension) {
      // The dimension code as typed is a questionnaire label, not personal data.
      problems.push({
        field: at("dimension"),
        message: msg("surveyUnknownDimension", { dimension: a.dimension, codes: dimensions.map((d) => d.code).join(", ") }),
      });
      return;
    }
    if (given.has(dimension.id))
      problems.push({ field: at("dimension"), message: msg("surveyDimensionTwice", { dimension: dimension.code }) });
    const rating = a.rating ?? null;
    const notApplicable = a.notApplicable ?? false;
    if (rating !== null && (!Number.isInteger(rating) || rating < 1 || rating > 5))
      problems.push({ field: at("rating"), message: msg("surveyRatingRange") });
    if (notApplicable && rating !== null) problems.push({ field: at("notApplicable"), message: msg("surveyRatingOrNotApplicable") });
    if (notApplicable && !dimension.allowNotApplicable)
      problems.push({ field: at("notApplicable"), message: msg("surveyNotApplicableRefused", { dimension: dimension.code }) });
    const comment = a.comment?.trim() || null;
    if (comment && comment.length > MAX_COMMENT)
      problems.push({ field: at("comment"), message: msg("surveyCommentTooLong", { max: MAX_COMMENT }) });
    given.set(dimension.id, { dimensionId: dimension.id, rating, notApplicable, comment });
  });
  const rows = dimensions.map((d) => given.get(d.id) ?? { dimensionId: d.id, rating: null, notApplicable: false, comment: null });
  return { rows, problems };
}
