import { graphql, type ResultOf } from "./graphql.ts";

export const MeQuery = graphql(`
  query Me {
    me { staff { id login displayName role } permissions mustChangePassword }
  }
`);

export type Me = NonNullable<ResultOf<typeof MeQuery>["me"]>;

export const SignInMutation = graphql(`
  mutation SignIn($organization: String, $login: String!, $password: String!) {
    signIn(organization: $organization, login: $login, password: $password) {
      __typename
      ... on Error { message }
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut { signOut }
`);
