import { graphql, type ResultOf, type VariablesOf } from "./graphql.ts";

/** VIS-1, VIS-2: an office's visit plan of one month with its progress. */
export const VisitPlanFields = graphql(`
  fragment VisitPlanFields on VisitPlan {
    id month status version residentHouseholds targetVisits directorSigned reviewedAt
    reviewedBy { displayName }
    office { id name }
    estate { id name }
    progress { visits householdsVisited targetMet unresolvedWithoutReport coverage { numerator denominator rate } }
  }
`);

export type VisitPlan = ResultOf<typeof VisitPlanFields>;

export const VisitPlansQuery = graphql(
  `
  query VisitPlans {
    visitPlans(first: 100) { edges { node { ...VisitPlanFields } } }
  }
`,
  [VisitPlanFields],
);

/** One visit of a plan; what was said is case content, masked for those who may not read it (SEC-2, SEC-7). */
export const VisitFields = graphql(`
  fragment VisitFields on VisitRecord {
    id version kind visitedAt area content feedback satisfied resolved signed
    household { id code }
    customer { name phone }
    visitor { login displayName }
  }
`);

export type VisitNode = ResultOf<typeof VisitFields>;

export const VisitRecordsQuery = graphql(
  `
  query VisitRecords($plan: ID!, $first: Int, $after: String) {
    node(id: $plan) {
      ... on VisitPlan { records(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ...VisitFields } } } }
    }
  }
`,
  [VisitFields],
);

/** The household codes of an estate, to turn a typed code into the household (a visit names one). */
export const EstateHouseholdsQuery = graphql(`
  query EstateHouseholds($estate: ID!, $first: Int, $after: String) {
    node(id: $estate) {
      ... on Estate { households(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id code } } } }
    }
  }
`);

/** The offices of the caller's estates, for planning a month that has no plan yet. */
export const OfficesQuery = graphql(`
  query VisitOffices {
    estates(first: 100) { edges { node { id name offices { id name } } } }
  }
`);

/** VIS-1: records a visit in the month's plan; the caller is the visitor. */
export const RecordVisitMutation = graphql(
  `
  mutation RecordVisit($input: RecordVisitInput!) {
    recordVisit(input: $input) {
      __typename
      ... on Error { message }
      ... on InputError { field }
      ... on MutationRecordVisitSuccess { data { ...VisitFields } }
    }
  }
`,
  [VisitFields],
);

export type RecordVisitInput = VariablesOf<typeof RecordVisitMutation>["input"];

/** SEC-6: corrects a stored visit; a stale version answers with the visit as it is now. */
export const AmendVisitRecordMutation = graphql(
  `
  mutation AmendVisitRecord($input: AmendVisitRecordInput!) {
    amendVisitRecord(input: $input) {
      __typename
      ... on Error { message }
      ... on InputError { field }
      ... on VisitRecordConflictError { current { ...VisitFields } }
      ... on MutationAmendVisitRecordSuccess { data { ...VisitFields } }
    }
  }
`,
  [VisitFields],
);

/** SEC-6: the fields of a stored visit that change (omitted: unchanged; null: cleared), with the reason. */
export type AmendVisitRecordInput = VariablesOf<typeof AmendVisitRecordMutation>["input"];

/** VIS-1: an office's plan for a month (resident households now, the target from the policy in force). */
export const CreateVisitPlanMutation = graphql(`
  mutation CreateVisitPlan($input: CreateVisitPlanInput!) {
    createVisitPlan(input: $input) {
      __typename
      ... on Error { message }
      ... on MutationCreateVisitPlanSuccess { data { id } }
    }
  }
`);
