import { gql } from "@urql/core";

export interface Me {
  staff: { login: string; displayName: string; role: string };
  permissions: string[];
}

export const MeQuery = gql<{ me: Me | null }>`
  query Me {
    me { staff { id login displayName role } permissions }
  }
`;

export const SignInMutation = gql<
  { signIn: { __typename: string; message?: string } },
  { organization?: string; login: string; password: string }
>`
  mutation SignIn($organization: String, $login: String!, $password: String!) {
    signIn(organization: $organization, login: $login, password: $password) {
      __typename
      ... on Error { message }
    }
  }
`;

export const SignOutMutation = gql<{ signOut: boolean }>`
  mutation SignOut { signOut }
`;
