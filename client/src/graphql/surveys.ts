import { gql } from "@urql/core";
import type { Connection } from "../components/connection/fetch-all.ts";
import type { MutationPayload } from "../components/row-editing/payload.ts";

export interface QuestionnaireDimension { code: string; name: string; order: number; allowNotApplicable: boolean; isOverall: boolean }

/** SUR-1, SUR-6: a campaign whose questionnaires come back, with its (frozen) questionnaire revision. */
export interface SurveyCampaign {
  id: string;
  code: string;
  name: string;
  status: string;
  startsAt: string;
  endsAt: string | null;
  estates: { estate: { id: string; name: string } }[];
  questionnaire: { id: string; code: string; revision: number; title: string; dimensions: QuestionnaireDimension[] };
}

/** Answers are entered while a campaign runs and after it closed (the late returns). */
export const SurveyCampaignsQuery = gql<{ surveyCampaigns: { edges: { node: SurveyCampaign }[] } }>`
  query SurveyEntryCampaigns {
    surveyCampaigns(first: 50, status: [RUNNING, CLOSED]) {
      edges { node {
        id code name status startsAt endsAt
        estates { estate { id name } }
        questionnaire { id code revision title dimensions { code name order allowNotApplicable isOverall } }
      } }
    }
  }
`;

/** SUR-3, SUR-6: a questionnaire handed out to a household, with its answers (comments masked as the server decides). */
export interface SurveyHandout {
  id: string;
  version: number;
  handedOutAt: string;
  returnedAt: string | null;
  estate: { id: string; name: string };
  household: { id: string; code: string };
  distributor: { displayName: string } | null;
  responses: { dimension: { code: string }; rating: number | null; notApplicable: boolean; comment: string | null }[];
}

const HANDOUT_FIELDS = `
  id version handedOutAt returnedAt
  estate { id name }
  household { id code }
  distributor { displayName }
  responses { dimension { code } rating notApplicable comment }
`;

export const SurveyHandoutsQuery = gql<
  { surveyHandouts: Connection<SurveyHandout> },
  { campaignId: string; estateId?: string | null; returned?: boolean | null; first: number; after?: string | null }
>(`
  query SurveyEntryHandouts($campaignId: ID!, $estateId: ID, $returned: Boolean, $first: Int, $after: String) {
    surveyHandouts(campaignId: $campaignId, estateId: $estateId, returned: $returned, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ${HANDOUT_FIELDS} } }
    }
  }
`);

export interface SurveyAnswerInput { dimension: string; rating?: number; notApplicable?: boolean; comment?: string }

/** SUR-6: enters (or replaces) one questionnaire's answers with the hand-out's version; records the return (SUR-3). */
export const RecordSurveyResponseMutation = gql<
  { recordSurveyResponse: MutationPayload<SurveyHandout> },
  { input: { handoutId: string; version: number; answers: SurveyAnswerInput[] } }
>(`
  mutation RecordSurveyResponse($input: RecordSurveyResponseInput!) {
    recordSurveyResponse(input: $input) {
      __typename
      ... on Error { message }
      ... on InputError { field }
      ... on MutationRecordSurveyResponseSuccess { data { ${HANDOUT_FIELDS} } }
      ... on SurveyHandoutConflictError { current { ${HANDOUT_FIELDS} } }
    }
  }
`);
