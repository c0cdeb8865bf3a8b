import { gql } from "@urql/core";

/** SPEC §13: the spreadsheets the system reads and writes (shared/interchange/README.md). */
export const INTERCHANGE_KINDS = ["COMPLAINTS", "ESTATES", "HOUSEHOLDS", "CALLBACKS", "SURVEY_RESPONSES"] as const;
export type InterchangeKind = (typeof INTERCHANGE_KINDS)[number];
export type InterchangeFormat = "CSV" | "XLSX";

export interface ImportProblem {
  line: number;
  column: string;
  field: string | null;
  reason: string;
}

export type ImportJobStatus = "CHECKING" | "WRITING" | "DONE" | "REJECTED" | "FAILED";

export interface ImportJob {
  id: string;
  kind: InterchangeKind;
  fileName: string;
  dryRun: boolean;
  status: ImportJobStatus;
  processedRows: number;
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  problemCount: number;
}

export interface ImportSummary {
  jobId: string;
  kind: InterchangeKind;
  dryRun: boolean;
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  ignoredColumns: string[];
  rowsPerSecond: number;
}

/** What `importFile` answered: the counts, or (all or nothing) every bad row and nothing written. */
export type ImportOutcome =
  | { __typename: "MutationImportFileSuccess"; data: ImportSummary }
  | { __typename: "ImportRejected"; message: string; jobId: string; problemCount: number; rowsWithProblems: number; problems: ImportProblem[] }
  | { __typename: "InputError"; message: string; field: string }
  | { __typename: "ForbiddenError"; message: string };

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

export const ImportJobQuery = gql<{ importJob: ImportJob | null }, { id: string }>`
  query ImportJob($id: ID!) {
    importJob(id: $id) { id kind fileName dryRun status processedRows totalRows created updated unchanged problemCount }
  }
`;

export interface ExportInput {
  kind: InterchangeKind;
  format: InterchangeFormat;
  purpose: string;
  approvalId?: string;
  estateId?: string;
  from?: string;
  to?: string;
  chineseHeaders?: boolean;
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  rowCount: number;
  rawFields: string[];
  contentBase64: string;
}

/** SEC-3: personal data masked unless an approved export request of the caller's is named; logged. */
export const ExportFileQuery = gql<{ exportFile: ExportedFile }, { input: ExportInput }>`
  query ExportFile($input: ExportFileInput!) {
    exportFile(input: $input) { fileName mimeType rowCount rawFields contentBase64 }
  }
`;

export interface ApprovalOption {
  id: string;
  kind: string;
  status: string;
  purpose: string;
  classification: string | null;
  grantedUntil: string | null;
}

/** The caller's own requests; the export form offers the approved EXPORT_CLASSIFIED ones. */
export const MyApprovalsQuery = gql<{ approvals: { edges: { node: ApprovalOption }[] } }>`
  query MyApprovals {
    approvals(listing: MINE, first: 100) { edges { node { id kind status purpose classification grantedUntil } } }
  }
`;
