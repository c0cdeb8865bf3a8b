import { gql, type TypedDocumentNode } from "@urql/core";
import { graphql, type ResultOf, type VariablesOf } from "./graphql.ts";

/** The complaint detail page's operations (SPEC §3-§8); their types are inferred from server/schema.graphql. */

/** `remainingMinutes`: minutes left on the stage's own clock when loaded (working minutes for a WORKING clock); negative when late. */
export const SlaStageFields = graphql(`
  fragment DetailSlaStage on SlaStage {
    id rule stage round clock durationMinutes startedAt deadlineAt finishedAt pausedSince pausedSeconds status breachedAt overdue remainingMinutes
  }
`);

export type SlaStage = ResultOf<typeof SlaStageFields>;

/**
 * Everything the page shows except the timeline, which pages on its own. `recentEvents`: the kinds
 * of the latest events, oldest first: whether the clock is paused (§6: the last PAUSE or RESUME).
 */
export const ComplaintDetailFields = graphql(
  `
  fragment ComplaintDetailFields on Complaint {
    id no version status severity kind valid invalidReason
    category { id name parent { name } }
    estate { id name }
    household { id code room building { name } }
    location channel receivedAt receivedBy { id displayName }
    anonymous complainantName complainantContact content
    classification classifiedUntil escalated escalationLevel inWarranty callbackExempt exemptReason acknowledgementDue
    isRepeat repeatOf { id no }
    repeatRepair { windowDays causeRecorded correctiveActionLinked readyToResolve earlier { id no } }
    duplicateOf { id no }
    leadDepartment { id name } assignee { id displayName }
    promisedAt firstRepliedAt resolvedAt confirmedAt verifiedAt closedAt developerDeadlineAt
    overdue availableActions
    openDeadlines { ...DetailSlaStage }
    slaStages { ...DetailSlaStage }
    plans { id status causeAnalysis responsibility plan promisedAt createdAt createdBy { id displayName } confirmedAt confirmedBy { id displayName } communicatedAt }
    promises { sequence promisedAt recordedAt recordedBy { id displayName } changeReason reconfirmedAt keptAt missed }
    confirmations { confirmedAt confirmedByName method satisfied hasSignature hasRecording note recordedBy { id displayName } }
    escalations { id at level automatic reason escalatedBy { id displayName } escalatedTo { id displayName } decision decidedAt }
    claims { id status compensationAmount currency responsibility createdAt }
    attachments { id fileName kind mimeType sizeBytes uploadedAt uploadedBy { id displayName } }
    recordings { id startedAt durationSeconds }
    callbacks { id no kind sequence status method dueAt calledAt reached satisfied overdue comment staff { id displayName } assignedTo { id displayName } }
    history { changedAt changedBy { id displayName } reason recordVersion changes { field before after } }
    recentEvents: timeline(last: 100) { edges { node { kind } } }
  }
`,
  [SlaStageFields],
);

export type ComplaintDetail = ResultOf<typeof ComplaintDetailFields>;

export const ComplaintDetailQuery = graphql(
  `
  query ComplaintDetail($id: ID!) {
    node(id: $id) { __typename ... on Complaint { ...ComplaintDetailFields } }
  }
`,
  [ComplaintDetailFields],
);

export const ComplaintTimelineQuery = graphql(`
  query ComplaintTimeline($id: ID!, $last: Int!, $before: String) {
    node(id: $id) {
      ... on Complaint {
        timeline(last: $last, before: $before) {
          totalCount
          pageInfo { hasPreviousPage startCursor }
          edges { cursor node { id kind at fromStatus toStatus summary note actor { id displayName } } }
        }
      }
    }
  }
`);

export type TimelinePage = Extract<NonNullable<ResultOf<typeof ComplaintTimelineQuery>["node"]>, { timeline: unknown }>["timeline"];
export type TimelineEvent = TimelinePage["edges"][number]["node"];

/** INT-4: first reports of the same place and category received shortly before. */
export const LikelyDuplicatesQuery = graphql(`
  query LikelyDuplicates($input: LikelyDuplicatesInput!) {
    likelyDuplicates(input: $input) { id no receivedAt status }
  }
`);

/** What the action forms offer to choose from (CLS-4 categories, WF-1 departments). */
export const ActionLookupsQuery = graphql(`
  query ComplaintActionLookups {
    categories { id name active children { id name active } }
    departments { id name kind }
  }
`);

export type Lookups = ResultOf<typeof ActionLookupsQuery>;

/** At most this many people per list; beyond it the form asks to type part of a name. */
export const PEOPLE_LIMIT = 100;

/** The people an action's form offers (staffDirectory): by name, with how many match in all. */
export const StaffDirectoryQuery = graphql(`
  query ComplaintActionPeople($filter: StaffDirectoryFilter!, $limit: Int!) {
    staffDirectory(filter: $filter, limit: $limit) { totalCount staff { id displayName role department { id name } } }
  }
`);

/** WF-1, WF-7: what a person is picked for; the server then lists exactly whom that mutation accepts. */
export type StaffDirectoryFilter = VariablesOf<typeof StaffDirectoryQuery>["filter"];
export type PickablePerson = ResultOf<typeof StaffDirectoryQuery>["staffDirectory"]["staff"][number];

/** The typed outcome every complaint edit returns (SPEC §5): the complaint, or why not. */
export interface EditPayload {
  __typename: string;
  message?: string;
  field?: string;
  allowedActions?: string[];
  status?: string;
  currentVersion?: number;
  current?: { id: string; version: number; status: string; availableActions: string[] };
  data?: { id: string; version: number; status: string };
}

/**
 * Built at run time (the mutation's name is data: pages/complaint-detail/actions.ts), so its types
 * cannot be inferred and stay written here; test/api/client-operations-schema.test.ts validates
 * every mutation the actions name against the schema.
 *
 * A complaint mutation `name(input: NameInput!)` with the union payload of schema.graphql:
 * Mutation<Name>Success | ComplaintConflictError | WorkflowError | InputError | ForbiddenError | NotFoundError.
 */
export function complaintEdit(name: string): TypedDocumentNode<Record<string, EditPayload>, { input: Record<string, unknown> }> {
  const type = name[0]!.toUpperCase() + name.slice(1);
  return gql`
    mutation ${type}($input: ${type}Input!) {
      ${name}(input: $input) {
        __typename
        ... on Mutation${type}Success { data { id version status } }
        ... on ComplaintConflictError { message currentVersion current { id version status availableActions } }
        ... on WorkflowError { message allowedActions status field }
        ... on InputError { message field }
        ... on Error { message }
      }
    }
  `;
}
