import { graphql, type ResultOf, type VariablesOf } from "./graphql.ts";

/**
 * One callback of the ledger (CB-1…CB-10) as the server sends it: personal data already masked (SEC-7).
 * Who is called back only for callers who may read customers (§2: others are refused the field);
 * the server masks what they may not see. `customer` (CB-5: the person called back, null for an
 * anonymous complaint, CB-8, or outside the caller's scope) and the complaint's complainant are
 * absent when not asked for (without customers:read).
 */
export const CallbackFields = graphql(`
  fragment CallbackFields on Callback {
    id no version kind status sequence dueAt overdue method calledAt reached satisfied signed comment reviewSigned reviewedAt
    estate { id name }
    household { id code }
    complaint { id no anonymous severity complainantName @include(if: $withCustomer) complainantContact @include(if: $withCustomer) }
    customer @include(if: $withCustomer) { id name phone }
    assignedTo { id displayName }
    staff { id login displayName }
    callerName
    reviewedBy { id displayName }
  }
`);

export type CallbackNode = ResultOf<typeof CallbackFields>;

export const CallbacksQuery = graphql(
  `
  query CallbackLedger($filter: CallbackFilter, $first: Int, $after: String, $withCustomer: Boolean!) {
    callbacks(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...CallbackFields } }
    }
  }
`,
  [CallbackFields],
);

export type CallbackFilter = NonNullable<VariablesOf<typeof CallbacksQuery>["filter"]>;

/** CB-10 monthly statistics with CB-5's phone share and its limit in force (reports:read). */
export const CallbackStatisticsQuery = graphql(`
  query CallbackStatistics($month: String!, $estateId: ID, $from: DateTime!, $to: DateTime!) {
    callbackMethodShare(estateId: $estateId, from: $from, to: $to) { max }
    callbackStatistics(month: $month, estateId: $estateId) {
      month target targetMet made reached overdue unreviewed
      callbackRate { numerator denominator rate }
      satisfaction { numerator denominator rate }
      phoneShare { numerator denominator rate }
      issues { numerator denominator rate }
    }
  }
`);

export type CallbackStatistics = ResultOf<typeof CallbackStatisticsQuery>["callbackStatistics"];
export type Ratio = CallbackStatistics["callbackRate"];

/** CB-5…CB-7: the outcome of a callback; a stale version answers with the callback as it is now. */
export const RecordCallbackMutation = graphql(
  `
  mutation RecordCallback($input: RecordCallbackInput!, $withCustomer: Boolean!) {
    recordCallback(input: $input) {
      __typename
      ... on Error { message }
      ... on InputError { field }
      ... on MutationRecordCallbackSuccess { data { ...CallbackFields } }
      ... on CallbackConflictError { current { ...CallbackFields } }
    }
  }
`,
  [CallbackFields],
);

export type RecordCallbackInput = VariablesOf<typeof RecordCallbackMutation>["input"];
export type FileUpload = NonNullable<RecordCallbackInput["signature"]>;

/** CB-10: a supervisor reviews and signs a callback record. */
export const ReviewCallbackMutation = graphql(
  `
  mutation ReviewCallback($input: ReviewCallbackInput!, $withCustomer: Boolean!) {
    reviewCallback(input: $input) {
      __typename
      ... on Error { message }
      ... on InputError { field }
      ... on MutationReviewCallbackSuccess { data { ...CallbackFields } }
      ... on CallbackConflictError { current { ...CallbackFields } }
    }
  }
`,
  [CallbackFields],
);
