import { gql, type TypedDocumentNode } from "@urql/core";

/** The complaint detail page's operations (SPEC §3-§8); the shapes follow server/schema.graphql. */

interface Named { id: string; displayName: string }
interface Ref { id: string; no: string }

export interface SlaStage {
  id: string;
  /** Minutes left on the stage's own clock when loaded (working minutes for a WORKING clock); negative when late. */
  remainingMinutes: number | null;
  rule: string;
  stage: string;
  round: number;
  clock: "WORKING" | "WALL";
  durationMinutes: number;
  startedAt: string;
  deadlineAt: string;
  finishedAt: string | null;
  pausedSince: string | null;
  pausedSeconds: number;
  status: "RUNNING" | "PAUSED" | "BREACHED" | "MET" | "CANCELLED";
  breachedAt: string | null;
  overdue: boolean;
}

export interface TimelineEvent {
  id: string;
  kind: string;
  at: string;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  actor: Named | null;
}

export interface TimelinePage {
  totalCount: number;
  pageInfo: { hasPreviousPage: boolean; startCursor: string | null };
  edges: { cursor: string; node: TimelineEvent }[];
}

export interface ComplaintDetail {
  id: string;
  no: string;
  version: number;
  status: string;
  severity: string;
  kind: string | null;
  valid: boolean | null;
  invalidReason: string | null;
  category: { id: string; name: string; parent: { name: string } | null } | null;
  estate: { id: string; name: string };
  household: { id: string; code: string; room: string; building: { name: string } } | null;
  location: string | null;
  channel: string;
  receivedAt: string;
  receivedBy: Named | null;
  anonymous: boolean;
  complainantName: string | null;
  complainantContact: string | null;
  content: string;
  classification: string;
  classifiedUntil: string | null;
  escalated: boolean;
  escalationLevel: number;
  inWarranty: boolean;
  callbackExempt: boolean;
  exemptReason: string | null;
  acknowledgementDue: boolean;
  isRepeat: boolean;
  repeatOf: Ref | null;
  repeatRepair: { windowDays: number; causeRecorded: boolean; correctiveActionLinked: boolean; readyToResolve: boolean; earlier: Ref | null } | null;
  duplicateOf: Ref | null;
  leadDepartment: { id: string; name: string } | null;
  assignee: Named | null;
  promisedAt: string | null;
  firstRepliedAt: string | null;
  resolvedAt: string | null;
  confirmedAt: string | null;
  verifiedAt: string | null;
  closedAt: string | null;
  developerDeadlineAt: string | null;
  overdue: boolean;
  availableActions: string[];
  openDeadlines: SlaStage[];
  slaStages: SlaStage[];
  plans: { id: string; status: string; causeAnalysis: string | null; responsibility: string | null; plan: string | null; promisedAt: string | null; createdAt: string; createdBy: Named | null; confirmedAt: string | null; confirmedBy: Named | null; communicatedAt: string | null }[];
  promises: { sequence: number; promisedAt: string; recordedAt: string; recordedBy: Named | null; changeReason: string | null; reconfirmedAt: string | null; keptAt: string | null; missed: boolean }[];
  confirmations: { confirmedAt: string; confirmedByName: string | null; method: string; satisfied: boolean | null; hasSignature: boolean; hasRecording: boolean; note: string | null; recordedBy: Named | null }[];
  escalations: { id: string; at: string; level: number; automatic: boolean; reason: string | null; escalatedBy: Named | null; escalatedTo: Named | null; decision: string | null; decidedAt: string | null }[];
  claims: { id: string; status: string; compensationAmount: string | null; currency: string; responsibility: string | null; createdAt: string }[];
  attachments: { id: string; fileName: string; kind: string; mimeType: string; sizeBytes: number; uploadedAt: string; uploadedBy: Named | null }[];
  recordings: { id: string; startedAt: string; durationSeconds: number }[];
  callbacks: { id: string; no: string; kind: string; sequence: number; status: string; method: string | null; dueAt: string | null; calledAt: string | null; reached: boolean | null; satisfied: boolean | null; overdue: boolean; comment: string | null; staff: Named | null; assignedTo: Named | null }[];
  history: { changedAt: string; changedBy: Named | null; reason: string | null; recordVersion: number | null; changes: { field: string; before: string | null; after: string | null }[] }[];
  /** The kinds of the latest events, oldest first: whether the clock is paused (§6: the last PAUSE or RESUME). */
  recentEvents: { edges: { node: { kind: string } }[] };
}

const STAFF = "id displayName";
const REF = "id no";

/** Everything the page shows except the timeline, which pages on its own. */
export const COMPLAINT_FIELDS = `
  id no version status severity kind valid invalidReason
  category { id name parent { name } }
  estate { id name }
  household { id code room building { name } }
  location channel receivedAt receivedBy { ${STAFF} }
  anonymous complainantName complainantContact content
  classification classifiedUntil escalated escalationLevel inWarranty callbackExempt exemptReason acknowledgementDue
  isRepeat repeatOf { ${REF} }
  repeatRepair { windowDays causeRecorded correctiveActionLinked readyToResolve earlier { ${REF} } }
  duplicateOf { ${REF} }
  leadDepartment { id name } assignee { ${STAFF} }
  promisedAt firstRepliedAt resolvedAt confirmedAt verifiedAt closedAt developerDeadlineAt
  overdue availableActions
  openDeadlines { ...DetailSlaStage }
  slaStages { ...DetailSlaStage }
  plans { id status causeAnalysis responsibility plan promisedAt createdAt createdBy { ${STAFF} } confirmedAt confirmedBy { ${STAFF} } communicatedAt }
  promises { sequence promisedAt recordedAt recordedBy { ${STAFF} } changeReason reconfirmedAt keptAt missed }
  confirmations { confirmedAt confirmedByName method satisfied hasSignature hasRecording note recordedBy { ${STAFF} } }
  escalations { id at level automatic reason escalatedBy { ${STAFF} } escalatedTo { ${STAFF} } decision decidedAt }
  claims { id status compensationAmount currency responsibility createdAt }
  attachments { id fileName kind mimeType sizeBytes uploadedAt uploadedBy { ${STAFF} } }
  recordings { id startedAt durationSeconds }
  callbacks { id no kind sequence status method dueAt calledAt reached satisfied overdue comment staff { ${STAFF} } assignedTo { ${STAFF} } }
  history { changedAt changedBy { ${STAFF} } reason recordVersion changes { field before after } }
  recentEvents: timeline(last: 100) { edges { node { kind } } }
`;

const SLA_FRAGMENT = `
  fragment DetailSlaStage on SlaStage {
    id rule stage round clock durationMinutes startedAt deadlineAt finishedAt pausedSince pausedSeconds status breachedAt overdue remainingMinutes
  }
`;

export const ComplaintDetailQuery: TypedDocumentNode<{ node: (ComplaintDetail & { __typename: string }) | null }, { id: string }> = gql`
  query ComplaintDetail($id: ID!) {
    node(id: $id) { __typename ... on Complaint { ${COMPLAINT_FIELDS} } }
  }
  ${SLA_FRAGMENT}
`;

export const ComplaintTimelineQuery: TypedDocumentNode<{ node: { timeline: TimelinePage } | null }, { id: string; last: number; before?: string | null }> = gql`
  query ComplaintTimeline($id: ID!, $last: Int!, $before: String) {
    node(id: $id) {
      ... on Complaint {
        timeline(last: $last, before: $before) {
          totalCount
          pageInfo { hasPreviousPage startCursor }
          edges { cursor node { id kind at fromStatus toStatus note actor { ${STAFF} } } }
        }
      }
    }
  }
`;

/** INT-4: first reports of the same place and category received shortly before. */
export const LikelyDuplicatesQuery: TypedDocumentNode<
  { likelyDuplicates: (Ref & { receivedAt: string; status: string })[] },
  { input: { estateId: string; householdId?: string | null; location?: string | null; categoryId: string; at: string } }
> = gql`
  query LikelyDuplicates($input: LikelyDuplicatesInput!) {
    likelyDuplicates(input: $input) { ${REF} receivedAt status }
  }
`;

export interface Lookups {
  categories: { id: string; name: string; active: boolean; children: { id: string; name: string; active: boolean }[] }[];
  departments: { id: string; name: string; kind: string }[];
}

/** What the action forms offer to choose from (CLS-4 categories, WF-1 departments). */
export const ActionLookupsQuery: TypedDocumentNode<Lookups> = gql`
  query ComplaintActionLookups {
    categories { id name active children { id name active } }
    departments { id name kind }
  }
`;

/** WF-1, WF-7: what a person is picked for; the server then lists exactly whom that mutation accepts. */
export interface StaffDirectoryFilter {
  pick?: "ASSIGNEE" | "ESCALATION";
  complaintId?: string;
  departmentId?: string;
  text?: string;
}

export interface PickablePerson { id: string; displayName: string; role: string; department: { id: string; name: string } | null }

/** At most this many people per list; beyond it the form asks to type part of a name. */
export const PEOPLE_LIMIT = 100;

/** The people an action's form offers (staffDirectory): by name, with how many match in all. */
export const StaffDirectoryQuery: TypedDocumentNode<
  { staffDirectory: { totalCount: number; staff: PickablePerson[] } },
  { filter: StaffDirectoryFilter; limit: number }
> = gql`
  query ComplaintActionPeople($filter: StaffDirectoryFilter!, $limit: Int!) {
    staffDirectory(filter: $filter, limit: $limit) { totalCount staff { id displayName role department { id name } } }
  }
`;

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
