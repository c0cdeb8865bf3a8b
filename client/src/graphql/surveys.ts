import { graphql, type ResultOf, type VariablesOf } from "./graphql.ts";

/** Answers are entered while a campaign runs and after it closed (the late returns). */
export const SurveyCampaignsQuery = graphql(`
  query SurveyEntryCampaigns {
    surveyCampaigns(first: 50, status: [RUNNING, CLOSED]) {
      edges { node {
        id code name status startsAt endsAt
        estates { estate { id name } }
        questionnaire { id code revision title dimensions { code name order allowNotApplicable isOverall } }
      } }
    }
  }
`);

/** SUR-1, SUR-6: a campaign whose questionnaires come back, with its (frozen) questionnaire revision. */
export type SurveyCampaign = ResultOf<typeof SurveyCampaignsQuery>["surveyCampaigns"]["edges"][number]["node"];
export type QuestionnaireDimension = SurveyCampaign["questionnaire"]["dimensions"][number];

/** SUR-3, SUR-6: a questionnaire handed out to a household, with its answers (comments masked as the server decides). */
export const SurveyHandoutFields = graphql(`
  fragment SurveyHandoutFields on SurveyHandout {
    id version handedOutAt returnedAt
    estate { id name }
    household { id code }
    distributor { displayName }
    responses { dimension { code } rating notApplicable comment }
  }
`);

export type SurveyHandout = ResultOf<typeof SurveyHandoutFields>;

export const SurveyHandoutsQuery = graphql(
  `
  query SurveyEntryHandouts($campaignId: ID!, $estateId: ID, $returned: Boolean, $first: Int, $after: String) {
    surveyHandouts(campaignId: $campaignId, estateId: $estateId, returned: $returned, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...SurveyHandoutFields } }
    }
  }
`,
  [SurveyHandoutFields],
);

/** SUR-6: enters (or replaces) one questionnaire's answers with the hand-out's version; records the return (SUR-3). */
export const RecordSurveyResponseMutation = graphql(
  `
  mutation RecordSurveyResponse($input: RecordSurveyResponseInput!) {
    recordSurveyResponse(input: $input) {
      __typename
      ... on Error { message }
      ... on InputError { field }
      ... on MutationRecordSurveyResponseSuccess { data { ...SurveyHandoutFields } }
      ... on SurveyHandoutConflictError { current { ...SurveyHandoutFields } }
    }
  }
`,
  [SurveyHandoutFields],
);

export type SurveyAnswerInput = VariablesOf<typeof RecordSurveyResponseMutation>["input"]["answers"][number];
