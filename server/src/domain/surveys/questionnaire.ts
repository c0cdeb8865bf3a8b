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

export function checkDimensions(dimensions: readonly DimensionInput[], path: string): { rows: DimensionRow[]; problems: { field: string; reason: string }[] } {
  const problems: { field: string; reason: string }[] = [];
  if (dimensions.length === 0) problems.push({ field: path, reason: "A questionnaire has at least one dimension" });
  const seen = new Set<string>();
  let overall = 0;
  const rows = dimensions.map((d, i) => {
    const at = (f: string) => `${path}.${i}.${f}`;
    const code = d.code?.trim() ?? "";
    if (!CODE.test(code)) problems.push({ field: at("code"), reason: "A code is lower-case letters, digits and _, starting with a letter (e.g. repair_speed), at most 40" });
    else if (seen.has(code)) problems.push({ field: at("code"), reason: `Code "${code}" is used twice` });
    seen.add(code);
    const label = d.name?.trim() ?? "";
    if (!label || label.length > 100) problems.push({ field: at("name"), reason: "A name of 1 to 100 characters" });
    if (d.order !== null && d.order !== undefined && (!Number.isInteger(d.order) || d.order < 0)) problems.push({ field: at("order"), reason: "A non-negative whole number" });
    if (d.isOverall) overall++;
    if (d.isOverall && overall > 1) problems.push({ field: at("isOverall"), reason: "Only one dimension is the overall one" });
    // The overall judgement always applies to the household.
    if (d.isOverall && d.allowNotApplicable) problems.push({ field: at("allowNotApplicable"), reason: "The overall dimension cannot be answered \"not applicable\"" });
    return {
      code, label, description: d.description?.trim() || null, sortOrder: d.order ?? i,
      allowNotApplicable: d.isOverall ? false : (d.allowNotApplicable ?? true), isOverall: !!d.isOverall,
    };
  });
  return { rows, problems };
}
