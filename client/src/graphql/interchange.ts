import { graphql, type ResultOf, type VariablesOf } from "./graphql.ts";

/** SPEC §13: the spreadsheets the system reads and writes (shared/interchange/README.md). */
export const INTERCHANGE_KINDS = ["COMPLAINTS", "ESTATES", "HOUSEHOLDS", "CALLBACKS", "SURVEY_RESPONSES"] as const;
export type InterchangeKind = (typeof INTERCHANGE_KINDS)[number];

/** Sent as a GraphQL multipart request (the file travels as a form part, not in the JSON). */
export const IMPORT_FILE = `mutation ImportFile($input: ImportFileInput!) {
  importFile(input: $input) {
    __typename
    ... on Error { message }
    ... on InputError { field }
    ... on ImportRejected { jobId problemCount rowsWithProblems problems { line column field reason } }
    ... on MutationImportFileSuccess { data { jobId kind dryRun totalRows created updated unchanged ignoredColumns rowsPerSecond } }
  }
}`;

/** IMPORT_FILE as a typed document: only its types are used (the text itself is what is sent). */
const ImportFileTyped = graphql(IMPORT_FILE);

/** What `importFile` answered: the counts, or (all or nothing) every bad row and nothing written. */
export type ImportOutcome = ResultOf<typeof ImportFileTyped>["importFile"];
export type ImportSummary = Extract<ImportOutcome, { __typename: "MutationImportFileSuccess" }>["data"];
export type ImportProblem = Extract<ImportOutcome, { __typename: "ImportRejected" }>["problems"][number];
export type ImportFileInput = VariablesOf<typeof ImportFileTyped>["input"];

export const ImportJobQuery = graphql(`
  query ImportJob($id: ID!) {
    importJob(id: $id) { id kind fileName dryRun status processedRows totalRows created updated unchanged problemCount }
  }
`);

export type ImportJob = NonNullable<ResultOf<typeof ImportJobQuery>["importJob"]>;
export type ImportJobStatus = ImportJob["status"];

/** SEC-3: personal data masked unless an approved export request of the caller's is named; logged. */
export const ExportFileQuery = graphql(`
  query ExportFile($input: ExportFileInput!) {
    exportFile(input: $input) { fileName mimeType rowCount rawFields contentBase64 }
  }
`);

export type ExportInput = VariablesOf<typeof ExportFileQuery>["input"];
export type InterchangeFormat = ExportInput["format"];
export type ExportedFile = ResultOf<typeof ExportFileQuery>["exportFile"];

/** The caller's own requests; the export form offers the approved EXPORT_CLASSIFIED ones. */
export const MyApprovalsQuery = graphql(`
  query MyApprovals {
    approvals(listing: MINE, first: 100) { edges { node { id kind status purpose classification grantedUntil } } }
  }
`);

export type ApprovalOption = ResultOf<typeof MyApprovalsQuery>["approvals"]["edges"][number]["node"];
