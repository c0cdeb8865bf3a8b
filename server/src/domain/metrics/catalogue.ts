/**
 * SPEC §11: the metrics, each with the policy value that sets its target, the direction of the
 * target (a floor such as CB-1's 100% or a ceiling such as CB-5's 50%), the SPEC default used
 * when no policy value is in force, the slices it can be cut by, and what its rows are (the
 * drill-down lists them). Pure data; the SQL is in populations.ts.
 */
export const METRIC_KINDS = [
  "SATISFACTION",
  "SURVEY_COVERAGE",
  "RETURN_RATE",
  "COMPLAINANT_COVERAGE",
  "CALLBACK_RATE",
  "CALLBACK_RESOLUTION_RATE",
  "PHONE_SHARE",
  "VISIT_RATE",
  "VALID_COMPLAINT_RATE",
  "SLA_ATTAINMENT",
  "RECURRENCE_RATE",
  // Not §11 figures: breakdowns the reports of §12 need, with the same numerator/denominator form.
  "COMPLAINT_SHARE",
  "CALLBACK_SATISFACTION",
] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

/** The §11 metrics (the default of a `metrics` query); the other kinds are asked for by name. */
export const SPEC_METRICS: readonly MetricKind[] = METRIC_KINDS.slice(0, 11);

export const SLICES = ["ORGANIZATION", "ESTATE", "BUILDING", "DEPARTMENT", "CATEGORY", "CHANNEL", "SEVERITY", "STAFF"] as const;
export type SliceBy = (typeof SLICES)[number];

/** Slices whose key is a row id (given to callers as a global id of this node type). */
export const SLICE_NODE_TYPE: Partial<Record<SliceBy, string>> = {
  ESTATE: "Estate",
  BUILDING: "Building",
  DEPARTMENT: "Department",
  CATEGORY: "Category",
  STAFF: "Staff",
};

/** Key of the one slice when cut by ORGANIZATION; "~" is the slice of rows without a value (e.g. no department yet). */
export const ORGANIZATION_KEY = "ALL";
export const NOT_SET_KEY = "~";
/** Denominator rows that belong to every slice (households under a category slice: §11's denominator is the scope's). */
export const EVERY_SLICE_KEY = "*";

export type RowType =
  | "COMPLAINT"
  | "CALLBACK"
  | "CALLBACK_ISSUE"
  | "SLA_STAGE"
  | "SURVEY_RESPONSE"
  | "SURVEY_HANDOUT"
  | "HOUSEHOLD"
  | "VISIT_RECORD";
export type Direction = "AT_LEAST" | "AT_MOST";

export interface MetricDefinition {
  kind: MetricKind;
  title: string;
  /** SPEC §11's definition, as the API documents it. */
  definition: string;
  /** The policy value of the target (SPEC preamble: judged by the value in force then); null: no target. */
  policyKey: string | null;
  direction: Direction;
  /** Percent used when no policy value is in force (the SPEC's stated default), else null. */
  defaultPercent: number | null;
  /** What `part` holds: a dimension, an SLA rule, a month; null when the metric has one figure per slice. */
  partOf: "DIMENSION" | "RULE" | "MONTH" | null;
  slices: readonly SliceBy[];
  numeratorRows: RowType;
  /** Null: the denominator is a stored count, not rows (survey coverage: households at the campaign's start). */
  denominatorRows: RowType | null;
  /** The campaign's start, not the period's, picks the policy (a survey is judged by the policy at its start). */
  judgedAtCampaignStart?: boolean;
}

const ALL: readonly SliceBy[] = SLICES;
const PLACES: readonly SliceBy[] = ["ORGANIZATION", "ESTATE", "BUILDING"];

export const METRICS: Record<MetricKind, MetricDefinition> = {
  SATISFACTION: {
    kind: "SATISFACTION",
    title: "满意率 satisfaction rate",
    partOf: "DIMENSION",
    definition:
      "SUR-4, §11: answers rated 4-5 ÷ answers rated 1-5 (blank and not applicable excluded), per dimension, of the campaigns that started in the period; with the 0-100 score",
    policyKey: "SUR-4.satisfactionTarget",
    direction: "AT_LEAST",
    defaultPercent: null,
    slices: PLACES,
    numeratorRows: "SURVEY_RESPONSE",
    denominatorRows: "SURVEY_RESPONSE",
    judgedAtCampaignStart: true,
  },
  SURVEY_COVERAGE: {
    kind: "SURVEY_COVERAGE",
    title: "调查覆盖率 survey coverage",
    partOf: null,
    definition:
      "SUR-2, §11: distinct households handed a questionnaire ÷ resident households at the campaign's start (stored with the campaign), of the campaigns that started in the period; over several campaigns each household counts once and each estate's denominator is that of its latest campaign (never a sum over campaigns)",
    policyKey: "SUR-2.coverage",
    direction: "AT_LEAST",
    defaultPercent: 60,
    slices: ["ORGANIZATION", "ESTATE"],
    numeratorRows: "HOUSEHOLD",
    denominatorRows: null,
    judgedAtCampaignStart: true,
  },
  RETURN_RATE: {
    kind: "RETURN_RATE",
    title: "回收率 return rate",
    partOf: null,
    definition: "SUR-3, §11: questionnaires returned ÷ handed out, of the campaigns that started in the period (by staff: the distributor)",
    policyKey: "SUR-3.returnRate",
    direction: "AT_LEAST",
    defaultPercent: 80,
    slices: [...PLACES, "STAFF"],
    numeratorRows: "SURVEY_HANDOUT",
    denominatorRows: "SURVEY_HANDOUT",
    judgedAtCampaignStart: true,
  },
  COMPLAINANT_COVERAGE: {
    kind: "COMPLAINANT_COVERAGE",
    title: "投诉户覆盖率 complainant coverage",
    partOf: null,
    definition:
      "SUR-2, §11: households with a valid complaint since the previous campaign that were sampled ÷ those households, of the campaigns that started in the period",
    policyKey: "SUR-2.complainantCoverage",
    direction: "AT_LEAST",
    defaultPercent: 100,
    slices: PLACES,
    numeratorRows: "HOUSEHOLD",
    denominatorRows: "HOUSEHOLD",
    judgedAtCampaignStart: true,
  },
  CALLBACK_RATE: {
    kind: "CALLBACK_RATE",
    title: "回访率 callback rate",
    partOf: null,
    definition:
      "CB-1, §11: confirmations in the period of valid, non-duplicate, non-exempt complaints (CB-8) whose callback round was made, the customer reached, within SLA-10 (SLA-11 for repairs) ÷ those confirmations (by staff: the responsible person)",
    policyKey: "CB-1.callbackRate",
    direction: "AT_LEAST",
    defaultPercent: 100,
    slices: ALL,
    numeratorRows: "COMPLAINT",
    denominatorRows: "COMPLAINT",
  },
  CALLBACK_RESOLUTION_RATE: {
    kind: "CALLBACK_RESOLUTION_RATE",
    title: "回访处理率 callback resolution rate",
    partOf: null,
    definition:
      "CB-7, §11: issues raised in the callbacks made in the period that are resolved ÷ raised (by department: the issue's; by staff: who called back)",
    policyKey: "CB-7.issueResolutionRate",
    direction: "AT_LEAST",
    defaultPercent: null,
    slices: ALL,
    numeratorRows: "CALLBACK_ISSUE",
    denominatorRows: "CALLBACK_ISSUE",
  },
  PHONE_SHARE: {
    kind: "PHONE_SHARE",
    title: "电话回访占比 phone share",
    partOf: null,
    definition:
      "CB-5, §11: callbacks made by phone ÷ every callback made in the period, the customer reached or not, every kind of callback; at most the policy share (the one phone share: metrics, reports, callbackStatistics and callbackMethodShare)",
    policyKey: "CB-5.phoneShareMax",
    direction: "AT_MOST",
    defaultPercent: 50,
    slices: ALL,
    numeratorRows: "CALLBACK",
    denominatorRows: "CALLBACK",
  },
  VISIT_RATE: {
    kind: "VISIT_RATE",
    title: "走访率 visit rate",
    partOf: "MONTH",
    definition:
      "VIS-1, §11: per month, distinct households visited in the month ÷ resident households (by staff: the visitor, over every resident household)",
    policyKey: "VIS-1.monthlyVisitRate",
    direction: "AT_LEAST",
    defaultPercent: 10,
    slices: [...PLACES, "STAFF"],
    numeratorRows: "VISIT_RECORD",
    denominatorRows: "HOUSEHOLD",
  },
  VALID_COMPLAINT_RATE: {
    kind: "VALID_COMPLAINT_RATE",
    title: "有效投诉率 valid complaint rate",
    partOf: null,
    definition:
      "§11 (003 5.27.2): valid non-duplicate complaints received in the period ÷ resident households (of the slice's place; the scope's for other slices)",
    policyKey: "KPI.validComplaintRateMax",
    direction: "AT_MOST",
    defaultPercent: 1,
    slices: ALL,
    numeratorRows: "COMPLAINT",
    denominatorRows: "HOUSEHOLD",
  },
  SLA_ATTAINMENT: {
    kind: "SLA_ATTAINMENT",
    title: "时限达成率 SLA attainment",
    partOf: "RULE",
    definition:
      "§6, §11: per rule, stages started in the period that finished within their deadline ÷ stages due (finished, or past the deadline and still running); cancelled and paused stages are not due",
    policyKey: "KPI.slaAttainment",
    direction: "AT_LEAST",
    defaultPercent: null,
    slices: ALL,
    numeratorRows: "SLA_STAGE",
    denominatorRows: "SLA_STAGE",
  },
  RECURRENCE_RATE: {
    kind: "RECURRENCE_RATE",
    title: "重复投诉率 recurrence rate",
    partOf: null,
    definition:
      "REC-2, §11: repeat complaints (an earlier valid non-duplicate complaint of the same second-level category at the same place within REC-2.windowDays) ÷ valid non-duplicate complaints received in the period",
    policyKey: "KPI.recurrenceRateMax",
    direction: "AT_MOST",
    defaultPercent: null,
    slices: ALL,
    numeratorRows: "COMPLAINT",
    denominatorRows: "COMPLAINT",
  },
  COMPLAINT_SHARE: {
    kind: "COMPLAINT_SHARE",
    title: "投诉构成 share of complaints",
    partOf: null,
    definition:
      "§12 breakdowns: complaints received in the period in the slice ÷ all complaints received in the period in scope; duplicates (INT-4) are not counted, invalid ones are",
    policyKey: null,
    direction: "AT_MOST",
    defaultPercent: null,
    slices: ALL,
    numeratorRows: "COMPLAINT",
    denominatorRows: "COMPLAINT",
  },
  CALLBACK_SATISFACTION: {
    kind: "CALLBACK_SATISFACTION",
    title: "回访满意率 callback satisfaction",
    partOf: null,
    definition: "CB-6, §12 customer feedback: callbacks made in the period whose customer was satisfied ÷ those with a verdict",
    policyKey: null,
    direction: "AT_LEAST",
    defaultPercent: null,
    slices: ALL,
    numeratorRows: "CALLBACK",
    denominatorRows: "CALLBACK",
  },
};

/** The row type a drill-down lists: the numerator's rows, or the denominator's (null: not listable). */
export function rowTypeOf(kind: MetricKind, numeratorOnly: boolean): RowType | null {
  const m = METRICS[kind];
  return numeratorOnly ? m.numeratorRows : m.denominatorRows;
}

/** Whether the numerator's rows are a subset of the denominator's (one population with a flag). */
export function sameRows(kind: MetricKind): boolean {
  return METRICS[kind].numeratorRows === METRICS[kind].denominatorRows && kind !== "COMPLAINT_SHARE";
}
