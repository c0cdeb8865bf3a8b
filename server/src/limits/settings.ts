import { StartupError } from "@tingjian/prisma";

/**
 * Issue 15 item 2: what one GraphQL request may ask for. Every limit is refused before any
 * resolver runs (statement timeouts excepted: they stop a statement that runs too long). The
 * defaults leave room over the app's own operations (test/security/limits.test.ts runs every one
 * of them through these limits); each can be changed by the environment variable named here.
 */
export interface QueryLimits {
  /** GRAPHQL_MAX_DEPTH: fields nested in one another (a connection's `edges { node }` counts 2). */
  maxDepth: number;
  /** GRAPHQL_MAX_ALIASES: aliased fields in the operation (fragments counted where they are spread). */
  maxAliases: number;
  /**
   * GRAPHQL_MAX_DOCUMENT_LENGTH: characters of the document. Checked before parsing: yoga keeps the
   * last 1,024 documents (and failed ones) as cache keys, so their length bounds that memory.
   */
  maxDocumentLength: number;
  /** GRAPHQL_MAX_TOKENS: lexical tokens of the document; the parser stops at this count. */
  maxTokens: number;
  /** GRAPHQL_MAX_DIRECTIVES: directives (`@include`, `@skip` …) anywhere in the document. */
  maxDirectives: number;
  /**
   * GRAPHQL_MAX_COST: the estimated number of fields the answer can hold (cost.ts). Measured on 2
   * cores with the embedded database: 40,000 complaints with their content (cost 200,000) took 3.2 s
   * of CPU and 230 MB of heap, so 150,000 keeps the heaviest fields within the budget of 5 s and
   * 256 MB a request.
   */
  maxCost: number;
  /** GRAPHQL_MAX_PAGE_SIZE: the largest `first`/`last` of a connection (larger: a BAD_USER_INPUT error). */
  maxPageSize: number;
  /** GRAPHQL_MAX_NODE_IDS: the most ids `nodes(ids:)` takes. */
  maxNodeIds: number;
  /** STATEMENT_TIMEOUT_MS: how long one SQL statement of a request may run (PostgreSQL). */
  statementTimeoutMs: number;
  /** REPORT_STATEMENT_TIMEOUT_MS: the same for the report, export and import fields of REPORT_FIELDS. */
  reportStatementTimeoutMs: number;
}

export const DEFAULT_LIMITS: Readonly<QueryLimits> = Object.freeze({
  maxDepth: 12,
  maxAliases: 100,
  maxDocumentLength: 50_000,
  maxTokens: 10_000,
  maxDirectives: 50,
  maxCost: 150_000,
  maxPageSize: 500,
  maxNodeIds: 100,
  statementTimeoutMs: 10_000,
  reportStatementTimeoutMs: 30_000,
});

/**
 * The page Pothos itself never exceeds (builder.ts, the offset connections): a backstop above
 * every maximum the limits allow, so that the limits' check is what decides a page's size.
 */
export const PAGE_SIZE_CEILING = 10_000;
/** The page of a connection asked without `first`/`last`. */
export const DEFAULT_CONNECTION_SIZE = 20;

/** The environment variable of each limit. */
export const LIMIT_VARIABLES: Readonly<Record<keyof QueryLimits, string>> = Object.freeze({
  maxDepth: "GRAPHQL_MAX_DEPTH",
  maxAliases: "GRAPHQL_MAX_ALIASES",
  maxDocumentLength: "GRAPHQL_MAX_DOCUMENT_LENGTH",
  maxTokens: "GRAPHQL_MAX_TOKENS",
  maxDirectives: "GRAPHQL_MAX_DIRECTIVES",
  maxCost: "GRAPHQL_MAX_COST",
  maxPageSize: "GRAPHQL_MAX_PAGE_SIZE",
  maxNodeIds: "GRAPHQL_MAX_NODE_IDS",
  statementTimeoutMs: "STATEMENT_TIMEOUT_MS",
  reportStatementTimeoutMs: "REPORT_STATEMENT_TIMEOUT_MS",
});

/**
 * Connections whose largest page differs from `maxPageSize` (`Type.field` → most rows). The visit
 * grid reads an estate's household codes 1,000 at a time (client/src/pages/visits/VisitsPage.tsx);
 * each is two short columns, and the cost limit still applies to what is nested under them.
 */
export const PAGE_SIZE_EXCEPTIONS: Readonly<Record<string, number>> = Object.freeze({
  "Estate.households": 1000,
});

/**
 * Connections whose rows are bounded by the data rather than by their page (`Type.field` → the
 * page size the cost estimate uses when asked for more). A recurring problem's complaints are its
 * repeats at one place and category, 2 and more, typically 2-5, while the report's drill-down asks
 * `complaints(first: 500)` of up to 500 problems (client/src/graphql/reports.ts).
 */
export const COST_PAGE_HINTS: Readonly<Record<string, number>> = Object.freeze({
  "RecurringProblem.complaints": 5,
});

/**
 * Root fields that get `reportStatementTimeoutMs` instead of `statementTimeoutMs`: reports whose one
 * large statement grows with the company and the period (the quarterly report at 2 M complaints
 * runs a 5-6 s statement, README "Benchmark"), and the file exports and imports.
 */
export const REPORT_FIELDS: ReadonlySet<string> = new Set([
  "Query.annualSummary",
  "Query.quarterlySatisfactionReport",
  "Query.monthlyCallbackStatistics",
  "Query.monthlyComplaintAnalysis",
  "Query.monthlyCustomerFeedback",
  "Query.weeklyComplaintReport",
  "Query.metrics",
  "Query.metricRows",
  "Query.recurrenceTrend",
  "Query.recurringProblems",
  "Query.slaAttainment",
  "Query.callbackStatistics",
  "Query.callbackMethodShare",
  "Query.complaintCounts",
  "Query.surveySatisfaction",
  "Query.surveyReturnRates",
  "Query.surveySampleCoverage",
  "Query.tenantMeetingRates",
  "Query.exportFile",
  "Query.exportCustomers",
  "Mutation.importFile",
]);

/** The limits from the environment; a value that is not a positive whole number stops the start. */
export function queryLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): QueryLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(LIMIT_VARIABLES) as (keyof QueryLimits)[]) {
    const name = LIMIT_VARIABLES[key];
    const raw = env[name];
    if (raw === undefined || raw === "") continue;
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value < 1) throw new StartupError(`${name} must be a positive whole number (got "${raw}")`);
    limits[key] = value;
  }
  if (limits.maxPageSize > PAGE_SIZE_CEILING)
    throw new StartupError(`GRAPHQL_MAX_PAGE_SIZE is at most ${PAGE_SIZE_CEILING} (got ${limits.maxPageSize})`);
  return limits;
}

/** The largest page of `Type.field`. */
export function maxPageSizeOf(limits: QueryLimits, coordinate: string): number {
  return PAGE_SIZE_EXCEPTIONS[coordinate] ?? limits.maxPageSize;
}
