import { gql } from "@urql/core";
import type { MutationPayload } from "../components/row-editing/payload.ts";

/** One callback of the ledger (CB-1…CB-10) as the server sends it: personal data already masked (SEC-7). */
export interface CallbackNode {
  id: string;
  no: string;
  version: number;
  kind: string;
  status: string;
  sequence: number;
  dueAt: string | null;
  overdue: boolean;
  method: string | null;
  calledAt: string | null;
  reached: boolean | null;
  satisfied: boolean | null;
  signed: boolean;
  comment: string | null;
  reviewSigned: boolean;
  reviewedAt: string | null;
  estate: { id: string; name: string };
  household: { id: string; code: string } | null;
  /** complainantName / complainantContact: as recorded on the complaint (masked as the Complaint type masks them); absent without customers:read. */
  complaint: { id: string; no: string; anonymous: boolean; severity: string; complainantName?: string | null; complainantContact?: string | null } | null;
  /**
   * CB-5: the person called back as the server stores it, masked or not as the Customer type gives
   * it (SEC-7); null when there is none (an anonymous complaint, CB-8) or it is outside the
   * caller's scope; absent when not asked for (without customers:read).
   */
  customer?: { id: string; name: string; phone: string | null } | null;
  assignedTo: { id: string; displayName: string } | null;
  staff: { id: string; login: string; displayName: string } | null;
  reviewedBy: { id: string; displayName: string } | null;
}

// Who is called back only for callers who may read customers (§2: others are refused the field); the server masks what they may not see.
const CALLBACK_FIELDS = `
  id no version kind status sequence dueAt overdue method calledAt reached satisfied signed comment reviewSigned reviewedAt
  estate { id name }
  household { id code }
  complaint { id no anonymous severity complainantName @include(if: $withCustomer) complainantContact @include(if: $withCustomer) }
  customer @include(if: $withCustomer) { id name phone }
  assignedTo { id displayName }
  staff { id login displayName }
  reviewedBy { id displayName }
`;

export interface CallbackFilter {
  estateId?: string;
  status?: string[];
  overdue?: boolean;
  dueBefore?: string;
  calledFrom?: string;
  calledBefore?: string;
}

export const CallbacksQuery = gql<
  { callbacks: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: CallbackNode }[] } },
  { filter: CallbackFilter; first: number; after?: string | null; withCustomer: boolean }
>(`
  query CallbackLedger($filter: CallbackFilter, $first: Int, $after: String, $withCustomer: Boolean!) {
    callbacks(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${CALLBACK_FIELDS} } }
    }
  }
`);

export interface Ratio { numerator: number; denominator: number; rate: number | null }

export interface CallbackStatistics {
  month: string;
  callbackRate: Ratio;
  target: number | null;
  targetMet: boolean | null;
  made: number;
  reached: number;
  overdue: number;
  unreviewed: number;
  satisfaction: Ratio;
  phoneShare: Ratio;
  issues: Ratio;
}

/** CB-10 monthly statistics with CB-5's phone share and its limit in force (reports:read). */
export const CallbackStatisticsQuery = gql<
  { callbackStatistics: CallbackStatistics; callbackMethodShare: { max: number | null } },
  { month: string; estateId?: string | null; from: string; to: string }
>`
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
`;

export interface FileUpload { fileName: string; mimeType: string; contentBase64: string }

export interface RecordCallbackInput {
  id: string;
  version: number;
  method: string;
  reached: boolean;
  satisfied?: boolean | null;
  comment?: string | null;
  signature?: FileUpload | null;
}

type CallbackPayload = { [name: string]: MutationPayload<CallbackNode> };

/** CB-5…CB-7: the outcome of a callback; a stale version answers with the callback as it is now. */
export const RecordCallbackMutation = gql<CallbackPayload, { input: RecordCallbackInput; withCustomer: boolean }>(`
  mutation RecordCallback($input: RecordCallbackInput!, $withCustomer: Boolean!) {
    recordCallback(input: $input) {
      __typename
      ... on Error { message }
      ... on InputError { field }
      ... on MutationRecordCallbackSuccess { data { ${CALLBACK_FIELDS} } }
      ... on CallbackConflictError { current { ${CALLBACK_FIELDS} } }
    }
  }
`);

/** CB-10: a supervisor reviews and signs a callback record. */
export const ReviewCallbackMutation = gql<CallbackPayload, { input: { id: string; version: number }; withCustomer: boolean }>(`
  mutation ReviewCallback($input: ReviewCallbackInput!, $withCustomer: Boolean!) {
    reviewCallback(input: $input) {
      __typename
      ... on Error { message }
      ... on InputError { field }
      ... on MutationReviewCallbackSuccess { data { ${CALLBACK_FIELDS} } }
      ... on CallbackConflictError { current { ${CALLBACK_FIELDS} } }
    }
  }
`);
