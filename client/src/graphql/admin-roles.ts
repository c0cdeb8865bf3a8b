import { graphql, type ResultOf, type VariablesOf } from "./graphql.ts";

/** Issue 17: the role permission matrix (page admin-roles) and the administrative change log (page admin-changes). */

export const RoleMatrixQuery = graphql(`
  query RoleMatrix {
    rolePermissionMatrix {
      role permissions defaults customized version updatedAt
      updatedBy { id displayName }
      required { permission rule }
      forbidden { permission rule }
    }
  }
`);
export type RoleRow = ResultOf<typeof RoleMatrixQuery>["rolePermissionMatrix"][number];
export type PermissionName = RoleRow["permissions"][number];
export type LimitRule = RoleRow["required"][number]["rule"];

export const SetRolePermissionsMutation = graphql(`
  mutation SetRolePermissions($input: SetRolePermissionsInput!) {
    setRolePermissions(input: $input) {
      __typename
      ... on MutationSetRolePermissionsSuccess { data { role permissions customized version updatedAt } }
      ... on RoleLimitError { message violations { role permission rule message } }
      ... on RolePermissionsConflictError { message currentVersion }
      ... on Error { message }
    }
  }
`);

export const ResetRolePermissionsMutation = graphql(`
  mutation ResetRolePermissions($input: ResetRolePermissionsInput!) {
    resetRolePermissions(input: $input) {
      __typename
      ... on MutationResetRolePermissionsSuccess { data { role permissions customized version updatedAt } }
      ... on RoleLimitError { message violations { role permission rule message } }
      ... on RolePermissionsConflictError { message currentVersion }
      ... on Error { message }
    }
  }
`);
/** The answer of either mutation (both select the same fields). */
export type RoleSaveResult =
  | ResultOf<typeof SetRolePermissionsMutation>["setRolePermissions"]
  | ResultOf<typeof ResetRolePermissionsMutation>["resetRolePermissions"];
export type Violation = Extract<RoleSaveResult, { __typename: "RoleLimitError" }>["violations"][number];

export const AdminChangesQuery = graphql(`
  query AdminChanges($filter: AdminChangeFilter, $after: String) {
    adminChanges(filter: $filter, first: 30, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id at entity entityId action changedByName
        changes { field before after changed added removed }
      }
    }
  }
`);
export type AdminChangeFilter = NonNullable<VariablesOf<typeof AdminChangesQuery>["filter"]>;
export type AdminChangeRow = ResultOf<typeof AdminChangesQuery>["adminChanges"]["nodes"][number];
