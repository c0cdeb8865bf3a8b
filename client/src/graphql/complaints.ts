import { graphql, type ResultOf, type VariablesOf } from "./graphql.ts";

/** One line of the complaint ledger, as the server sends it (personal data already masked, SEC-7). */
export const ComplaintRowFields = graphql(`
  fragment ComplaintRowFields on Complaint {
    id no version receivedAt
    estate { id name }
    household { id code }
    location anonymous complainantName complainantContact content
    category { id name parent { name } }
    kind severity status channel promisedAt overdue escalated
    assignee { id displayName }
  }
`);

export type ComplaintRow = ResultOf<typeof ComplaintRowFields>;

export const ComplaintPageQuery = graphql(
  `
  query ComplaintPage($filter: ComplaintFilter, $orderBy: [ComplaintOrder!], $offset: Int, $limit: Int) {
    complaintPage(filter: $filter, orderBy: $orderBy, offset: $offset, limit: $limit) {
      totalCount offset
      rows { ...ComplaintRowFields }
    }
  }
`,
  [ComplaintRowFields],
);

/** A further block of a filter whose total is known: the count is not asked again (it costs a query). */
export const ComplaintRowsQuery = graphql(
  `
  query ComplaintRows($filter: ComplaintFilter, $orderBy: [ComplaintOrder!], $offset: Int, $limit: Int) {
    complaintPage(filter: $filter, orderBy: $orderBy, offset: $offset, limit: $limit) {
      offset
      rows { ...ComplaintRowFields }
    }
  }
`,
  [ComplaintRowFields],
);

export type ComplaintFilter = NonNullable<VariablesOf<typeof ComplaintPageQuery>["filter"]>;
/** One key of the ledger's order (`orderBy`; the deprecated `sort` is not used). */
export type ComplaintOrder = NonNullable<VariablesOf<typeof ComplaintPageQuery>["orderBy"]>[number];
export type ComplaintSortField = ComplaintOrder["field"];

/** SEC-6: every typed error the amendment can answer with; the conflict carries the current row. */
export const AmendComplaintMutation = graphql(
  `
  mutation AmendComplaint($input: AmendComplaintInput!) {
    amendComplaint(input: $input) {
      __typename
      ... on Error { message }
      ... on InputError { field }
      ... on MutationAmendComplaintSuccess { data { ...ComplaintRowFields } }
      ... on ComplaintConflictError { current { ...ComplaintRowFields } }
    }
  }
`,
  [ComplaintRowFields],
);

export type AmendInput = VariablesOf<typeof AmendComplaintMutation>["input"];
export type AmendResult = ResultOf<typeof AmendComplaintMutation>["amendComplaint"];

/** The estates of the caller's scope, for the ledger's and the export form's estate choice. */
export const EstateOptionsQuery = graphql(`
  query EstateOptions {
    estates(first: 100) { edges { node { id code name } } }
  }
`);

export type EstateOption = ResultOf<typeof EstateOptionsQuery>["estates"]["edges"][number]["node"];
