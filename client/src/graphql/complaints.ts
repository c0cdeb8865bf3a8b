import { gql } from "@urql/core";

/** One line of the complaint ledger, as the server sends it (personal data already masked, SEC-7). */
export interface ComplaintRow {
  id: string;
  no: string;
  version: number;
  receivedAt: string;
  estate: { id: string; name: string };
  household: { id: string; code: string } | null;
  location: string | null;
  anonymous: boolean;
  complainantName: string | null;
  complainantContact: string | null;
  content: string;
  category: { id: string; name: string; parent: { name: string } | null } | null;
  kind: string | null;
  severity: string;
  status: string;
  channel: string;
  promisedAt: string | null;
  overdue: boolean;
  assignee: { id: string; displayName: string } | null;
  escalated: boolean;
}

const ROW_FIELDS = `
  id no version receivedAt
  estate { id name }
  household { id code }
  location anonymous complainantName complainantContact content
  category { id name parent { name } }
  kind severity status channel promisedAt overdue escalated
  assignee { id displayName }
`;

export type ComplaintSortField = "RECEIVED_AT" | "NO" | "STATUS" | "SEVERITY" | "ESTATE" | "KIND" | "CHANNEL" | "PROMISED_AT" | "RESOLVED_AT" | "LOCATION";

export interface ComplaintFilter {
  estateId?: string;
  status?: string[];
  severity?: string[];
  overdue?: boolean;
  escalated?: boolean;
  receivedFrom?: string;
  receivedBefore?: string;
  text?: string;
}

export interface ComplaintSort {
  field: ComplaintSortField;
  descending?: boolean;
}

export const ComplaintPageQuery = gql<
  { complaintPage: { totalCount: number; offset: number; rows: ComplaintRow[] } },
  { filter: ComplaintFilter; sort: ComplaintSort[]; offset: number; limit: number }
>(`
  query ComplaintPage($filter: ComplaintFilter, $sort: [ComplaintSort!], $offset: Int, $limit: Int) {
    complaintPage(filter: $filter, sort: $sort, offset: $offset, limit: $limit) {
      totalCount offset
      rows { ${ROW_FIELDS} }
    }
  }
`);

/** A further block of a filter whose total is known: the count is not asked again (it costs a query). */
export const ComplaintRowsQuery = gql<
  { complaintPage: { offset: number; rows: ComplaintRow[] } },
  { filter: ComplaintFilter; sort: ComplaintSort[]; offset: number; limit: number }
>(`
  query ComplaintRows($filter: ComplaintFilter, $sort: [ComplaintSort!], $offset: Int, $limit: Int) {
    complaintPage(filter: $filter, sort: $sort, offset: $offset, limit: $limit) {
      offset
      rows { ${ROW_FIELDS} }
    }
  }
`);

export interface AmendInput {
  id: string;
  version: number;
  reason: string;
  location?: string;
  complainantName?: string;
  complainantContact?: string;
  content?: string;
}

/** SEC-6: every typed error the amendment can answer with; the conflict carries the current row. */
export type AmendResult =
  | { __typename: "MutationAmendComplaintSuccess"; data: ComplaintRow }
  | { __typename: "ComplaintConflictError"; message: string; current: ComplaintRow }
  | { __typename: "InputError"; message: string; field: string }
  | { __typename: "ForbiddenError" | "NotFoundError"; message: string };

export const AmendComplaintMutation = gql<{ amendComplaint: AmendResult }, { input: AmendInput }>(`
  mutation AmendComplaint($input: AmendComplaintInput!) {
    amendComplaint(input: $input) {
      __typename
      ... on Error { message }
      ... on InputError { field }
      ... on MutationAmendComplaintSuccess { data { ${ROW_FIELDS} } }
      ... on ComplaintConflictError { current { ${ROW_FIELDS} } }
    }
  }
`);

export interface EstateOption {
  id: string;
  code: string;
  name: string;
}

/** The estates of the caller's scope, for the ledger's and the export form's estate choice. */
export const EstateOptionsQuery = gql<{ estates: { edges: { node: EstateOption }[] } }>`
  query EstateOptions {
    estates(first: 100) { edges { node { id code name } } }
  }
`;
