import { stringifyDocument } from "@urql/core";
import { graphql, type ResultOf, type VariablesOf } from "./graphql.ts";

/** §11: one figure with its numerator, denominator, the target in force and the arguments of metricRows that list the rows behind it. */
export const FigureFields = graphql(`
  fragment FigureFields on MetricFigure {
    metric part partLabel numerator denominator denominatorListable rate score target direction policyKey met
    drillDown { metric part from to sliceBy sliceKey estateIds }
  }
`);

export const MetricsFields = graphql(
  `
  fragment MetricsFields on Metrics {
    label from to slices { key label figures { ...FigureFields } }
  }
`,
  [FigureFields],
);

export type Metrics = ResultOf<typeof MetricsFields>;
export type Slice = Metrics["slices"][number];
export type Figure = Slice["figures"][number];
/** The arguments of metricRows that list the rows behind a figure (the figure's own SQL filter). */
export type DrillDown = Figure["drillDown"];
/** SPEC §11 metric kinds (schema.graphql MetricKind). */
export type MetricKind = Figure["metric"];

/** The estates of the caller's scope and the organisation's timezone (periods are local to it). */
export const ReportScopeQuery = graphql(`
  query ReportScope {
    organization { timezone }
    estates(first: 500) { edges { node { id code name } } }
  }
`);

export const MetricsQuery = graphql(
  `
  query ReportMetrics($input: MetricsInput!) {
    metrics(input: $input) { ...MetricsFields }
  }
`,
  [MetricsFields],
);

export type MetricsInput = VariablesOf<typeof MetricsQuery>["input"];
export type SliceBy = NonNullable<MetricsInput["sliceBy"]>;

/**
 * One request for the same metrics over several periods (`p0`, `p1` … in the order given):
 * the satisfaction trend quarter by quarter. Built at run time (one alias per period), so the
 * caller names its result type (`Record<string, Metrics>`); the fields are MetricsFields'.
 */
export function metricsOverPeriods(count: number): string {
  const vars = Array.from({ length: count }, (_, i) => `$p${i}: MetricsInput!`).join(", ");
  const fields = Array.from({ length: count }, (_, i) => `p${i}: metrics(input: $p${i}) { ...MetricsFields }`).join("\n");
  return `query ReportMetricsOverPeriods(${vars}) {\n${fields}\n}\n${stringifyDocument(MetricsFields)}`;
}

/** §12 quarterly satisfaction report (quarter "2026-Q2"). */
export const QuarterlyReportQuery = graphql(
  `
  query QuarterlySatisfactionReport($quarter: String!, $estateIds: [ID!]) {
    quarterlySatisfactionReport(quarter: $quarter, estateIds: $estateIds) {
      label from to
      totals { ...MetricsFields }
      byEstate { ...MetricsFields }
    }
  }
`,
  [MetricsFields],
);

export type QuarterlyReport = ResultOf<typeof QuarterlyReportQuery>["quarterlySatisfactionReport"];

/** REC-2: a place × second-level category with repeated complaints. */
export const RecurringProblemFields = graphql(`
  fragment RecurringProblemFields on RecurringProblem {
    complaintCount repeatCount location normalizedLocation household { id code } estate { id name }
    category { id name parent { name } } firstReceivedAt lastReceivedAt
  }
`);

export type RecurringProblem = ResultOf<typeof RecurringProblemFields>;

/**
 * The top recurring problems, one alias per estate (`e0`, `e1` …; the API takes one estate at a
 * time) or `all` for the caller's whole scope; merged and ranked by the caller. Built at run time
 * (one alias per estate), so the caller names its result type; the fields are RecurringProblemFields'.
 */
export function recurringProblemsQuery(estates: number, first: number): string {
  const fragment = stringifyDocument(RecurringProblemFields);
  if (estates === 0) {
    return `query RecurringProblems($from: DateTime!, $to: DateTime!) {
      all: recurringProblems(first: ${first}, input: { from: $from, to: $to }) { totalCount edges { node { ...RecurringProblemFields } } }
    }\n${fragment}`;
  }
  const vars = Array.from({ length: estates }, (_, i) => `$e${i}: ID!`).join(", ");
  const fields = Array.from(
    { length: estates },
    (_, i) =>
      `e${i}: recurringProblems(first: ${first}, input: { from: $from, to: $to, estateId: $e${i} }) { totalCount edges { node { ...RecurringProblemFields } } }`,
  ).join("\n");
  return `query RecurringProblems($from: DateTime!, $to: DateTime!, ${vars}) {\n${fields}\n}\n${fragment}`;
}

/** The complaints of one recurring problem (found again by its estate, category and place). */
export const RecurringProblemComplaintsQuery = graphql(
  `
  query RecurringProblemComplaints($from: DateTime!, $to: DateTime!, $estateId: ID!, $categoryId: ID!) {
    recurringProblems(first: 500, input: { from: $from, to: $to, estateId: $estateId, categoryId: $categoryId }) {
      edges { node { ...RecurringProblemFields complaints(first: 500) { totalCount edges { node {
        id no receivedAt status severity kind channel content complainantName location valid isRepeat
        estate { name } household { code } category { name parent { name } } leadDepartment { name }
      } } } } }
    }
  }
`,
  [RecurringProblemFields],
);

/** §11, REC-2 recurrence per month. */
export const RecurrenceMonthFields = graphql(`
  fragment RecurrenceMonthFields on RecurrenceMonth { month complaints repeats rate }
`);

export type RecurrenceMonth = ResultOf<typeof RecurrenceMonthFields>;

/**
 * §11, REC-2 recurrence per month, one alias per estate (or `all`), summed by the caller. Built at
 * run time (one alias per estate), so the caller names its result type; the fields are RecurrenceMonthFields'.
 */
export function recurrenceTrendQuery(estates: number): string {
  const fields =
    estates === 0
      ? [`all: recurrenceTrend(input: { from: $from, to: $to }) { ...RecurrenceMonthFields }`]
      : Array.from(
          { length: estates },
          (_, i) => `e${i}: recurrenceTrend(input: { from: $from, to: $to, estateId: $e${i} }) { ...RecurrenceMonthFields }`,
        );
  const vars = Array.from({ length: estates }, (_, i) => `, $e${i}: ID!`).join("");
  return `query RecurrenceTrend($from: DateTime!, $to: DateTime!${vars}) {\n${fields.join("\n")}\n}\n${stringifyDocument(RecurrenceMonthFields)}`;
}

/** §11 drill-down: one page of the rows behind a figure, whichever connection carries them (the others are null). */
export const MetricRowsQuery = graphql(`
  query MetricRows($input: MetricRowsInput!, $first: Int!, $after: String) {
    metricRows(input: $input) {
      rowType totalCount hiddenCount numeratorOnly
      complaints(first: $first, after: $after) { edges { inNumerator node {
        id no receivedAt status severity kind channel content complainantName location valid isRepeat
        estate { name } household { code } category { name parent { name } } leadDepartment { name }
      } } pageInfo { hasNextPage endCursor } }
      callbacks(first: $first, after: $after) { edges { inNumerator node {
        id no kind status method calledAt dueAt reached satisfied sequence signed estate { name } household { code }
        complaint { id no } staff { displayName }
      } } pageInfo { hasNextPage endCursor } }
      callbackIssues(first: $first, after: $after) { edges { inNumerator node {
        id description answeredOnSpot resolved promisedReplyAt repliedAt department { name }
      } } pageInfo { hasNextPage endCursor } }
      slaStages(first: $first, after: $after) { edges { inNumerator node {
        id rule stage status clock round startedAt deadlineAt finishedAt complaint { id no estate { name } }
      } } pageInfo { hasNextPage endCursor } }
      surveyResponses(first: $first, after: $after) { edges { inNumerator node {
        rating blank notApplicable comment dimension { code name }
      } } pageInfo { hasNextPage endCursor } }
      surveyHandouts(first: $first, after: $after) { edges { inNumerator node {
        id handedOutAt returned returnedAt campaign { name } estate { name } household { code } distributor { displayName }
      } } pageInfo { hasNextPage endCursor } }
      households(first: $first, after: $after) { edges { inNumerator node {
        id code room kind occupied estate { name } building { name }
      } } pageInfo { hasNextPage endCursor } }
      visitRecords(first: $first, after: $after) { edges { inNumerator node {
        id kind visitedAt satisfied resolved signed area estate { name } household { code } visitor { displayName }
      } } pageInfo { hasNextPage endCursor } }
    }
  }
`);

export type RowsPage = ResultOf<typeof MetricRowsQuery>["metricRows"];
/** What the rows behind a figure are; `metricRows` fills the one connection of its type. */
export type RowConnection = Exclude<keyof RowsPage, "rowType" | "totalCount" | "hiddenCount" | "numeratorOnly">;
/** One connection of a page, its rows read by column name (pages/drill-down/columns). */
export type RowsConnection = {
  edges: { inNumerator: boolean; node: Record<string, unknown> }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
} | null;
