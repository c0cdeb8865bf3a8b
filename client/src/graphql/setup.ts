import { graphql, type ResultOf } from "./graphql.ts";

/** Issue 17: whether the installation needs its first-run setup, and how sign-in works. */
export const InstallationQuery = graphql(`
  query Installation {
    installation { setupNeeded organizationCodeRequired demoCompany }
  }
`);

export type Installation = ResultOf<typeof InstallationQuery>["installation"];

export const SetUpOrganizationMutation = graphql(`
  mutation SetUpOrganization($input: SetUpOrganizationInput!) {
    setUpOrganization(input: $input) {
      __typename
      ... on MutationSetUpOrganizationSuccess { data { code name adminLogin } }
      ... on Error { message }
      ... on InputError { problems { field message } }
    }
  }
`);
