import { msg } from "../../i18n/messages.ts";
import { inEnglish, type RuleProblem } from "./problems.ts";

/**
 * SUR-6: a questionnaire's dimensions (e.g. overall, complaint handling, repair speed, staff
 * attitude …), each with a code unique in the questionnaire, a name and an order; at most one is
 * the overall dimension. Pure: checks a list as entered and names each bad field.
 */
export interface DimensionInput {
  code: string;
  name: string;
  description?: string | null;
  order?: number | null;
  allowNotApplicable?: boolean | null;
  isOverall?: boolean | null;
}

export interface DimensionRow {
  code: string;
  label: string;
  description: string | null;
  sortOrder: number;
  allowNotApplicable: boolean;
  isOverall: boolean;
}

const CODE = /^[a-z][a-z0-9_]{0,39}$/;

export function checkDimensions(
  dimensions: readonly DimensionInput[],
  path: string,
): { rows: DimensionRow[]; problems: { field: string; reason: string }[] } {
  const { rows, problems } = dimensionProblems(dimensions, path);
  return { rows, problems: problems.map(inEnglish) };
}

/** `checkDimensions` with catalogue messages (both languages), for an InputCheck. */
export function dimensionProblems(dimensions: readonly DimensionInput[], path: string): { rows: DimensionRow[]; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  const add = (field: string, message: RuleProblem["message"]) => problems.push({ field, message });
  if (dimensions.length === 0) add(path, msg("questionnaireNoDimensions"));
  const seen = new Set<string>();
  let overall = 0;
  const rows = dimensions.map((d, i) => {
    const at = (f: string) => `${path}.${i}.${f}`;
    const code = d.code?.trim() ?? "";
    if (!CODE.test(code)) add(at("code"), msg("questionnaireDimensionCode"));
    else if (seen.has(code)) add(at("code"), msg("questionnaireDimensionCodeTwice", { code }));
    seen.add(code);
    const label = d.name?.trim() ?? "";
    if (!label || label.length > 100) add(at("name"), msg("questionnaireDimensionName"));
    if (d.order !== null && d.order !== undefined && (!Number.isInteger(d.order) || d.order < 0))
      add(at("order"), msg("questionnaireDimensionOrder"));
    if (d.isOverall) overall++;
    if (d.isOverall && overall > 1) add(at("isOverall"), msg("questionnaireOneOverall"));
    // The overall judgement always applies to the household.
    if (d.isOverall && d.allowNotApplicable) add(at("allowNotApplicable"), msg("questionnaireOverallApplies"));
    return {
      code,
      label,
      description: d.description?.trim() || null,
      sortOrder: d.order ?? i,
      allowNotApplicable: d.isOverall ? false : (d.allowNotApplicable ?? true),
      isOverall: !!d.isOverall,
    };
  });
  return { rows, problems };
}
