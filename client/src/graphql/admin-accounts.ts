import { graphql, type ResultOf } from "./graphql.ts";

/** Issue 17: staff accounts, departments, passwords and sessions (pages admin-staff, admin-departments, account). */

export const StaffAccountsQuery = graphql(`
  query StaffAccounts($filter: StaffAccountsFilter, $after: String) {
    staffAccounts(filter: $filter, first: 50, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id login displayName kind role clearance active version allEstates mustChangePassword lastLoginAt deactivatedAt
        phone email
        estates { id code name }
        department { id code name }
      }
    }
  }
`);
export type StaffAccount = ResultOf<typeof StaffAccountsQuery>["staffAccounts"]["nodes"][number];

export const AccountChoicesQuery = graphql(`
  query AccountChoices {
    estates(first: 200) { nodes { id code name } }
    departments { id code name kind active version memberCount office { id name } head { id displayName } }
  }
`);
export type DepartmentRow = ResultOf<typeof AccountChoicesQuery>["departments"][number];

export const CreateStaffMutation = graphql(`
  mutation CreateStaff($input: CreateStaffInput!) {
    createStaff(input: $input) {
      __typename
      ... on MutationCreateStaffSuccess { data { temporaryPassword staff { id login } } }
      ... on InputError { problems { field message } }
      ... on Error { message }
    }
  }
`);

export const UpdateStaffMutation = graphql(`
  mutation UpdateStaff($input: UpdateStaffInput!) {
    updateStaff(input: $input) {
      __typename
      ... on MutationUpdateStaffSuccess { data { id version } }
      ... on InputError { problems { field message } }
      ... on Error { message }
    }
  }
`);

export const DeactivateStaffMutation = graphql(`
  mutation DeactivateStaff($input: StaffVersionInput!) {
    deactivateStaff(input: $input) { __typename ... on MutationDeactivateStaffSuccess { data { id active version } } ... on Error { message } }
  }
`);

export const ReactivateStaffMutation = graphql(`
  mutation ReactivateStaff($input: StaffVersionInput!) {
    reactivateStaff(input: $input) { __typename ... on MutationReactivateStaffSuccess { data { id active version } } ... on Error { message } }
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($staffId: ID!) {
    resetPassword(staffId: $staffId) { __typename ... on MutationResetPasswordSuccess { data { temporaryPassword } } ... on Error { message } }
  }
`);

export const ChangeMyPasswordMutation = graphql(`
  mutation ChangeMyPassword($input: ChangeMyPasswordInput!) {
    changeMyPassword(input: $input) {
      __typename
      ... on MutationChangeMyPasswordSuccess { data { id mustChangePassword } }
      ... on InputError { problems { field message } }
      ... on Error { message }
    }
  }
`);

export const AccountActivityQuery = graphql(`
  query AccountActivity($id: ID!) {
    node(id: $id) {
      ... on Staff {
        id
        openSessions(first: 20) { totalCount nodes { id createdAt lastSeenAt ip userAgent current } }
        signInHistory(first: 20) { totalCount nodes { id at outcome ip userAgent } }
      }
    }
  }
`);

export const RevokeSessionMutation = graphql(`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id) { __typename ... on Error { message } }
  }
`);

export const CreateDepartmentMutation = graphql(`
  mutation CreateDepartment($input: CreateDepartmentInput!) {
    createDepartment(input: $input) {
      __typename
      ... on MutationCreateDepartmentSuccess { data { id } }
      ... on InputError { problems { field message } }
      ... on Error { message }
    }
  }
`);

export const UpdateDepartmentMutation = graphql(`
  mutation UpdateDepartment($input: UpdateDepartmentInput!) {
    updateDepartment(input: $input) {
      __typename
      ... on MutationUpdateDepartmentSuccess { data { id version } }
      ... on InputError { problems { field message } }
      ... on Error { message }
    }
  }
`);

export const DeactivateDepartmentMutation = graphql(`
  mutation DeactivateDepartment($input: DepartmentVersionInput!) {
    deactivateDepartment(input: $input) { __typename ... on Error { message } }
  }
`);

export const ReactivateDepartmentMutation = graphql(`
  mutation ReactivateDepartment($input: DepartmentVersionInput!) {
    reactivateDepartment(input: $input) { __typename ... on Error { message } }
  }
`);

/** A mutation's typed error as the form shows it: messages per field, and one for the whole form. */
export interface FormProblems {
  fields: Record<string, string>;
  form: string | null;
}

export function problemsOf(
  result: { __typename: string; problems?: readonly { field: string; message: string }[]; message?: string } | undefined,
): FormProblems {
  const fields: Record<string, string> = {};
  for (const p of result?.problems ?? []) fields[p.field.replace(/^input\./, "")] ??= p.message;
  return { fields, form: result?.problems?.length ? null : (result?.message ?? null) };
}
