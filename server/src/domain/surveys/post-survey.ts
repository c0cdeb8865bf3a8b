import type { SurveyTaskKind } from "@tingjian/prisma/client";

/**
 * SUR-5 (000 §6 4.3.7): after a survey, week 1 the results are analysed; week 2 specific
 * problems are called back; by the end of week 3 they are closed: common problems by an open
 * letter (method, measures, earliest completion date), individual ones by an in-person callback
 * the owner signs. Due dates count from the campaign's end.
 */
export interface PlannedTask {
  kind: SurveyTaskKind;
  week: number;
  title: string;
  description: string;
}

export const POST_SURVEY_PLAN: readonly PlannedTask[] = [
  { kind: "ANALYSIS", week: 1, title: "调查结果汇总分析", description: "SUR-5 week 1: collect and analyse the survey's results" },
  {
    kind: "TARGETED_CALLBACKS",
    week: 2,
    title: "针对性问题回访",
    description: "SUR-5 week 2: call back on specific problems (phone, visit or letter)",
  },
  {
    kind: "OPEN_LETTER",
    week: 3,
    title: "共性问题公开信",
    description: "SUR-5 week 3: answer common problems by an open letter stating the method, the measures and the earliest completion date",
  },
  {
    kind: "INDIVIDUAL_CALLBACK",
    week: 3,
    title: "个性问题登门回访并由业主签字",
    description: "SUR-5 week 3: visit households with individual problems; the owner signs the visit record",
  },
];

const WEEK = 7 * 86_400_000;

export function postSurveyDueAt(endsAt: Date, week: number): Date {
  return new Date(endsAt.getTime() + week * WEEK);
}

/** SUR-3: the distributor's follow-up of a questionnaire not returned is due a week after the end. */
export const FOLLOWUP_DAYS = 7;
