import { gql } from "@urql/core";

/** SPEC §11 metric kinds (schema.graphql MetricKind). */
export type MetricKind =
  | "SATISFACTION" | "SURVEY_COVERAGE" | "RETURN_RATE" | "COMPLAINANT_COVERAGE" | "CALLBACK_RATE" | "CALLBACK_RESOLUTION_RATE"
  | "CALLBACK_SATISFACTION" | "PHONE_SHARE" | "VISIT_RATE" | "VALID_COMPLAINT_RATE" | "SLA_ATTAINMENT" | "RECURRENCE_RATE" | "COMPLAINT_SHARE";
export type SliceBy = "ORGANIZATION" | "ESTATE" | "BUILDING" | "DEPARTMENT" | "CATEGORY" | "CHANNEL" | "SEVERITY" | "STAFF";

/** The arguments of metricRows that list the rows behind a figure (the figure's own SQL filter). */
export interface DrillDown {
  metric: MetricKind;
  part: string | null;
  from: string;
  to: string;
  sliceBy: SliceBy;
  sliceKey: string | null;
  estateIds: string[] | null;
}

/** §11: one figure with its numerator, denominator and the target in force. */
export interface Figure {
  metric: MetricKind;
  part: string | null;
  partLabel: string | null;
  numerator: number;
  denominator: number;
  denominatorListable: boolean;
  rate: number | null;
  score: number | null;
  target: number | null;
  direction: "AT_LEAST" | "AT_MOST";
  policyKey: string | null;
  met: boolean | null;
  drillDown: DrillDown;
}

export interface Slice {
  key: string | null;
  label: string;
  figures: Figure[];
}

export interface Metrics {
  label: string;
  from: string;
  to: string;
  slices: Slice[];
}

export interface MetricsInput {
  from: string;
  to: string;
  estateIds?: string[] | null;
  sliceBy?: SliceBy;
  metrics?: MetricKind[];
}

const FIGURE = `metric part partLabel numerator denominator denominatorListable rate score target direction policyKey met
  drillDown { metric part from to sliceBy sliceKey estateIds }`;
const METRICS = `label from to slices { key label figures { ${FIGURE} } }`;

/** The estates of the caller's scope and the organisation's timezone (periods are local to it). */
export const ReportScopeQuery = gql<{ organization: { timezone: string }; estates: { edges: { node: { id: string; code: string; name: string } }[] } }>`
  query ReportScope {
    organization { timezone }
    estates(first: 500) { edges { node { id code name } } }
  }
`;

export const MetricsQuery = gql<{ metrics: Metrics }, { input: MetricsInput }>`
  query ReportMetrics($input: MetricsInput!) {
    metrics(input: $input) { ${METRICS} }
  }
`;

/**
 * One request for the same metrics over several periods (`p0`, `p1` … in the order given):
 * the satisfaction trend quarter by quarter.
 */
export function metricsOverPeriods(count: number): string {
  const vars = Array.from({ length: count }, (_, i) => `$p${i}: MetricsInput!`).join(", ");
  const fields = Array.from({ length: count }, (_, i) => `p${i}: metrics(input: $p${i}) { ${METRICS} }`).join("\n");
  return `query ReportMetricsOverPeriods(${vars}) {\n${fields}\n}`;
}

/** §12 quarterly satisfaction report (quarter "2026-Q2"). */
export interface QuarterlyReport {
  label: string;
  from: string;
  to: string;
  totals: Metrics;
  byEstate: Metrics;
}

export const QuarterlyReportQuery = gql<{ quarterlySatisfactionReport: QuarterlyReport }, { quarter: string; estateIds: string[] | null }>`
  query QuarterlySatisfactionReport($quarter: String!, $estateIds: [ID!]) {
    quarterlySatisfactionReport(quarter: $quarter, estateIds: $estateIds) {
      label from to
      totals { ${METRICS} }
      byEstate { ${METRICS} }
    }
  }
`;

/** REC-2: a place × second-level category with repeated complaints. */
export interface RecurringProblem {
  complaintCount: number;
  repeatCount: number;
  location: string | null;
  normalizedLocation: string | null;
  household: { id: string; code: string } | null;
  estate: { id: string; name: string };
  category: { id: string; name: string; parent: { name: string } | null };
  firstReceivedAt: string;
  lastReceivedAt: string;
}

const PROBLEM = `complaintCount repeatCount location normalizedLocation household { id code } estate { id name }
  category { id name parent { name } } firstReceivedAt lastReceivedAt`;

/**
 * The top recurring problems, one alias per estate (`e0`, `e1` …; the API takes one estate at a
 * time) or `all` for the caller's whole scope; merged and ranked by the caller.
 */
export function recurringProblemsQuery(estates: number, first: number): string {
  if (estates === 0) {
    return `query RecurringProblems($from: DateTime!, $to: DateTime!) {
      all: recurringProblems(first: ${first}, input: { from: $from, to: $to }) { totalCount edges { node { ${PROBLEM} } } }
    }`;
  }
  const vars = Array.from({ length: estates }, (_, i) => `$e${i}: ID!`).join(", ");
  const fields = Array.from({ length: estates }, (_, i) =>
    `e${i}: recurringProblems(first: ${first}, input: { from: $from, to: $to, estateId: $e${i} }) { totalCount edges { node { ${PROBLEM} } } }`).join("\n");
  return `query RecurringProblems($from: DateTime!, $to: DateTime!, ${vars}) {\n${fields}\n}`;
}

/** The complaints of one recurring problem (found again by its estate, category and place). */
export const RecurringProblemComplaintsQuery = gql<
  { recurringProblems: { edges: { node: RecurringProblem & { complaints: { totalCount: number; edges: { node: Record<string, unknown> }[] } } }[] } },
  { from: string; to: string; estateId: string; categoryId: string }
>`
  query RecurringProblemComplaints($from: DateTime!, $to: DateTime!, $estateId: ID!, $categoryId: ID!) {
    recurringProblems(first: 500, input: { from: $from, to: $to, estateId: $estateId, categoryId: $categoryId }) {
      edges { node { ${PROBLEM} complaints(first: 500) { totalCount edges { node {
        id no receivedAt status severity kind channel content complainantName location valid isRepeat
        estate { name } household { code } category { name parent { name } } leadDepartment { name }
      } } } } }
    }
  }
`;

export interface RecurrenceMonth {
  month: string;
  complaints: number;
  repeats: number;
  rate: number | null;
}

/** §11, REC-2 recurrence per month, one alias per estate (or `all`), summed by the caller. */
export function recurrenceTrendQuery(estates: number): string {
  const fields = estates === 0
    ? [`all: recurrenceTrend(input: { from: $from, to: $to }) { month complaints repeats rate }`]
    : Array.from({ length: estates }, (_, i) => `e${i}: recurrenceTrend(input: { from: $from, to: $to, estateId: $e${i} }) { month complaints repeats rate }`);
  const vars = Array.from({ length: estates }, (_, i) => `, $e${i}: ID!`).join("");
  return `query RecurrenceTrend($from: DateTime!, $to: DateTime!${vars}) {\n${fields.join("\n")}\n}`;
}

/** What the rows behind a figure are; `metricRows` fills the one connection of its type. */
export type RowConnection = "complaints" | "callbacks" | "callbackIssues" | "slaStages" | "surveyResponses" | "surveyHandouts" | "households" | "visitRecords";

const ROW_FIELDS: Record<RowConnection, string> = {
  complaints: `id no receivedAt status severity kind channel content complainantName location valid isRepeat
    estate { name } household { code } category { name parent { name } } leadDepartment { name }`,
  callbacks: `id no kind status method calledAt dueAt reached satisfied sequence signed estate { name } household { code }
    complaint { id no } staff { displayName }`,
  callbackIssues: `id description answeredOnSpot resolved promisedReplyAt repliedAt department { name }`,
  slaStages: `id rule stage status clock round startedAt deadlineAt finishedAt complaint { id no estate { name } }`,
  surveyResponses: `rating blank notApplicable comment dimension { code name }`,
  surveyHandouts: `id handedOutAt returned returnedAt campaign { name } estate { name } household { code } distributor { displayName }`,
  households: `id code room kind occupied estate { name } building { name }`,
  visitRecords: `id kind visitedAt satisfied resolved signed area estate { name } household { code } visitor { displayName }`,
};

export interface RowsPage {
  rowType: string;
  totalCount: number;
  hiddenCount: number;
  numeratorOnly: boolean;
  [connection: string]: unknown;
}
export type RowsConnection = { edges: { inNumerator: boolean; node: Record<string, unknown> }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } | null;

/** §11 drill-down: one page of the rows behind a figure, whichever connection carries them (the others are null). */
export const MetricRowsQuery = gql<{ metricRows: RowsPage }, { input: Record<string, unknown>; first: number; after: string | null }>`
  query MetricRows($input: MetricRowsInput!, $first: Int!, $after: String) {
    metricRows(input: $input) {
      rowType totalCount hiddenCount numeratorOnly
      ${(Object.keys(ROW_FIELDS) as RowConnection[]).map((c) => `${c}(first: $first, after: $after) { edges { inNumerator node { ${ROW_FIELDS[c]} } } pageInfo { hasNextPage endCursor } }`).join("\n")}
    }
  }
`;
