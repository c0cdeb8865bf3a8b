import { gql } from "@urql/core";
import type { Connection } from "../components/connection/fetch-all.ts";
import type { MutationPayload } from "../components/row-editing/payload.ts";

/** VIS-1, VIS-2: an office's visit plan of one month with its progress. */
export interface VisitPlan {
  id: string;
  month: string;
  status: string;
  version: number;
  residentHouseholds: number | null;
  targetVisits: number | null;
  directorSigned: boolean;
  reviewedAt: string | null;
  reviewedBy: { displayName: string } | null;
  office: { id: string; name: string };
  estate: { id: string; name: string };
  progress: { visits: number; householdsVisited: number; targetMet: boolean; unresolvedWithoutReport: number; coverage: { numerator: number; denominator: number; rate: number | null } };
}

const PLAN_FIELDS = `
  id month status version residentHouseholds targetVisits directorSigned reviewedAt
  reviewedBy { displayName }
  office { id name }
  estate { id name }
  progress { visits householdsVisited targetMet unresolvedWithoutReport coverage { numerator denominator rate } }
`;

export const VisitPlansQuery = gql<{ visitPlans: { edges: { node: VisitPlan }[] } }>(`
  query VisitPlans {
    visitPlans(first: 100) { edges { node { ${PLAN_FIELDS} } } }
  }
`);

/** One visit of a plan; what was said is case content, masked for those who may not read it (SEC-2, SEC-7). */
export interface VisitNode {
  id: string;
  version: number;
  kind: string;
  visitedAt: string;
  area: string | null;
  content: string | null;
  feedback: string | null;
  satisfied: boolean | null;
  resolved: boolean | null;
  signed: boolean;
  household: { id: string; code: string } | null;
  customer: { name: string; phone: string | null } | null;
  visitor: { login: string; displayName: string } | null;
}

const VISIT_FIELDS = `
  id version kind visitedAt area content feedback satisfied resolved signed
  household { id code }
  customer { name phone }
  visitor { login displayName }
`;

export const VisitRecordsQuery = gql<{ node: { records: Connection<VisitNode> } | null }, { plan: string; first: number; after?: string | null }>(`
  query VisitRecords($plan: ID!, $first: Int, $after: String) {
    node(id: $plan) {
      ... on VisitPlan { records(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${VISIT_FIELDS} } } } }
    }
  }
`);

/** The household codes of an estate, to turn a typed code into the household (a visit names one). */
export const EstateHouseholdsQuery = gql<{ node: { households: Connection<{ id: string; code: string }> } | null }, { estate: string; first: number; after?: string | null }>(`
  query EstateHouseholds($estate: ID!, $first: Int, $after: String) {
    node(id: $estate) {
      ... on Estate { households(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id code } } } }
    }
  }
`);

/** The offices of the caller's estates, for planning a month that has no plan yet. */
export const OfficesQuery = gql<{ estates: { edges: { node: { id: string; name: string; offices: { id: string; name: string }[] } }[] } }>`
  query VisitOffices {
    estates(first: 100) { edges { node { id name offices { id name } } } }
  }
`;

export interface RecordVisitInput {
  planId: string;
  householdId?: string | null;
  area?: string | null;
  kind: string;
  visitedAt: string;
  content: string;
  feedback?: string | null;
  satisfied?: boolean | null;
  resolved?: boolean | null;
  signed?: boolean;
}

/** VIS-1: records a visit in the month's plan; the caller is the visitor. */
export const RecordVisitMutation = gql<{ [name: string]: MutationPayload<VisitNode> }, { input: RecordVisitInput }>(`
  mutation RecordVisit($input: RecordVisitInput!) {
    recordVisit(input: $input) {
      __typename
      ... on Error { message }
      ... on InputError { field }
      ... on MutationRecordVisitSuccess { data { ${VISIT_FIELDS} } }
    }
  }
`);

/** SEC-6: the fields of a stored visit that change (omitted: unchanged; null: cleared), with the reason. */
export interface AmendVisitRecordInput {
  id: string;
  version: number;
  reason: string;
  visitedAt?: string;
  kind?: string;
  householdId?: string | null;
  area?: string | null;
  content?: string;
  feedback?: string | null;
  satisfied?: boolean | null;
  resolved?: boolean | null;
  signed?: boolean;
}

/** SEC-6: corrects a stored visit; a stale version answers with the visit as it is now. */
export const AmendVisitRecordMutation = gql<{ [name: string]: MutationPayload<VisitNode> }, { input: AmendVisitRecordInput }>(`
  mutation AmendVisitRecord($input: AmendVisitRecordInput!) {
    amendVisitRecord(input: $input) {
      __typename
      ... on Error { message }
      ... on InputError { field }
      ... on VisitRecordConflictError { current { ${VISIT_FIELDS} } }
      ... on MutationAmendVisitRecordSuccess { data { ${VISIT_FIELDS} } }
    }
  }
`);

/** VIS-1: an office's plan for a month (resident households now, the target from the policy in force). */
export const CreateVisitPlanMutation = gql<{ createVisitPlan: MutationPayload<{ id: string }> }, { input: { officeId: string; month: string } }>`
  mutation CreateVisitPlan($input: CreateVisitPlanInput!) {
    createVisitPlan(input: $input) {
      __typename
      ... on Error { message }
      ... on MutationCreateVisitPlanSuccess { data { id } }
    }
  }
`;
