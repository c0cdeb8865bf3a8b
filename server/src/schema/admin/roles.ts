import { builder } from "../../builder.ts";
import { signedIn } from "../../access/context.ts";
import { forbiddenFor, requiredFor, type RoleLimitRule } from "../../domain/access/role-limits.ts";
import type { Permission } from "../../domain/access/permissions.ts";
import { RoleLimitError, type RoleLimitProblem, RolePermissionsConflictError } from "../../errors/admin-roles.ts";
import { render } from "../../i18n/messages.ts";
import { describeViolation, resetRolePermissions, roleMatrix, type RoleRow, setRolePermissions } from "../../services/admin/roles.ts";
import { PermissionEnum, StaffRoleEnum } from "../access/staff.ts";
import { conflictErrorType, STANDARD_ERRORS, typedError } from "../errors.ts";

/**
 * Issue 17: the role permission matrix — SPEC §2's roles with their default permissions, which an
 * organisation may adjust within SPEC §8's limits (domain/access/role-limits.ts). Read by account
 * administrators and the auditor; edited with accounts:manage. A change takes effect at each
 * account's next request and is kept in the change log (adminChanges).
 */

const RoleLimitRuleEnum = builder.enumType("RoleLimitRule", {
  description: "Issue 17: a limit of the role permission matrix (SPEC §2, §8)",
  values: {
    EXECUTIVE_KNOWS_EVERYTHING: {
      description: "SEC-2, SEC-3: the executive keeps reading everything, designating TOP_SECRET readers and deciding approvals",
    },
    AUDITOR_READS_AUDIT: { description: "SEC-3: the auditor keeps `audit:read` (the access log and the change log)" },
    AUDITOR_READ_ONLY: {
      description: "SEC-3: the auditor is given no permission that changes or decides anything (independence from what is audited)",
    },
    LIAISON_FORWARDED_ONLY: {
      description:
        "§2: the developer liaison sees only complaints forwarded to the developer: no customer records, personal data, figures or administration",
    },
    ANALYST_MASKED: { description: "§2, SEC-7: the analyst works on figures with personal data masked: never `personal-data:read`" },
    SUPERVISORS_ONLY: { description: "SEC-2, SEC-3: classifying, designating and deciding approvals are held by supervisor roles only" },
    WRITE_NEEDS_READ: { description: "A write permission needs its read permission (complaints, customers)" },
    ACCOUNTS_LOCKOUT: {
      description: "`accounts:manage` stays with at least one role held by an active person, so the organisation cannot lock itself out",
    },
    BEYOND_EDITOR: { description: "A permission the editor does not hold cannot be given to a role" },
  } satisfies Record<RoleLimitRule, { description: string }>,
});

interface LimitView {
  role: RoleRow["role"];
  permission: Permission;
  rule: RoleLimitRule;
}

const RolePermissionLimitRef = builder.objectRef<LimitView>("RolePermissionLimit").implement({
  description: "Issue 17: a cell of the matrix fixed by a limit: a permission the role must keep or may never hold, and why",
  fields: (t) => ({
    permission: t.field({ type: PermissionEnum, description: "The permission", resolve: (l) => l.permission as never }),
    rule: t.field({ type: RoleLimitRuleEnum, description: "The limit that fixes it", resolve: (l) => l.rule }),
    message: t.string({
      description: "Why, in the request's language",
      resolve: (l, _a, ctx) => render(describeViolation(l).message, ctx.language),
    }),
  }),
});

const RolePermissionsRef = builder.objectRef<RoleRow>("RolePermissions").implement({
  description: "Issue 17: one role of the organisation's permission matrix",
  fields: (t) => ({
    role: t.field({ type: StaffRoleEnum, description: "The role (SPEC §2)", resolve: (r) => r.role }),
    permissions: t.field({
      type: [PermissionEnum],
      description: "The permissions the role has in this organisation now",
      resolve: (r) => r.permissions as never,
    }),
    defaults: t.field({
      type: [PermissionEnum],
      description: "SPEC §2's default permissions of the role",
      resolve: (r) => [...r.defaults] as never,
    }),
    customized: t.boolean({ description: "true: the organisation's own set; false: the defaults", resolve: (r) => r.customized }),
    version: t.int({
      description: "Counts the changes of this role's permissions; send it back with an edit (a stale one is a conflict)",
      resolve: (r) => r.version,
    }),
    updatedAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "When the organisation's set was last saved (null: the defaults)",
      resolve: (r) => r.updatedAt,
    }),
    updatedBy: t.prismaField({
      type: "Staff",
      nullable: true,
      description: "Who saved the organisation's set last (null: the defaults)",
      resolve: (query, r, _a, ctx) => (r.updatedById ? ctx.prisma.staff.findUnique({ ...query, where: { id: r.updatedById } }) : null),
    }),
    required: t.field({
      type: [RolePermissionLimitRef],
      description: "Permissions the role must keep (SPEC §2, §8)",
      resolve: (r) => requiredFor(r.role).map((l) => ({ role: r.role, ...l })),
    }),
    forbidden: t.field({
      type: [RolePermissionLimitRef],
      description: "Permissions the role may never be given (SPEC §2, §8)",
      resolve: (r) => forbiddenFor(r.role).map((l) => ({ role: r.role, ...l })),
    }),
  }),
});

const RoleLimitViolationRef = builder.objectRef<RoleLimitProblem>("RoleLimitViolation").implement({
  description: "Issue 17: one limit a proposed permission set breaks",
  fields: (t) => ({
    role: t.field({ type: StaffRoleEnum, description: "The role changed", resolve: (v) => v.role }),
    permission: t.field({
      type: PermissionEnum,
      description: "The permission (the matrix cell) the violation is about",
      resolve: (v) => v.permission as never,
    }),
    rule: t.field({ type: RoleLimitRuleEnum, description: "The limit broken", resolve: (v) => v.rule as RoleLimitRule }),
    message: t.string({ description: "Why, in the request's language", resolve: (v, _a, ctx) => render(v.message, ctx.language) }),
  }),
});

typedError(RoleLimitError, {
  name: "RoleLimitError",
  description: "Issue 17: the proposed permissions break limits of SPEC §2/§8; every violation is listed and nothing was saved",
  fields: (t) => ({
    violations: t.field({ type: [RoleLimitViolationRef], description: "Every limit broken", resolve: (e) => [...e.violations] }),
  }),
});
conflictErrorType(RolePermissionsConflictError, "RolePermissionsConflictError");

/** Account administrators and the auditor read the matrix. */
const readers = { permission: "accounts:manage", $all: { permission: "audit:read" } } as const;

builder.queryField("rolePermissionMatrix", (t) =>
  t.field({
    type: [RolePermissionsRef],
    description:
      "Issue 17: every role with its permissions in this organisation, its defaults and its limits (accounts:manage or audit:read)",
    authScopes: readers,
    resolve: (_r, _a, ctx) => roleMatrix(signedIn(ctx)),
  }),
);

const SetRolePermissionsInput = builder.inputType("SetRolePermissionsInput", {
  description: "Issue 17: a role's whole permission set in this organisation",
  fields: (t) => ({
    role: t.field({ type: StaffRoleEnum, required: true, description: "The role" }),
    permissions: t.field({
      type: [PermissionEnum],
      required: true,
      description: "Every permission the role is to have (the others are taken away)",
    }),
    version: t.int({ required: true, description: "The role's version as read (RolePermissions.version)" }),
  }),
});

const ResetRolePermissionsInput = builder.inputType("ResetRolePermissionsInput", {
  description: "Issue 17: a role back to SPEC §2's default permissions",
  fields: (t) => ({
    role: t.field({ type: StaffRoleEnum, required: true, description: "The role" }),
    version: t.int({ required: true, description: "The role's version as read (RolePermissions.version)" }),
  }),
});

const ROLE_ERRORS = [RoleLimitError, RolePermissionsConflictError, ...STANDARD_ERRORS];

builder.mutationField("setRolePermissions", (t) =>
  t.withAuth({ permission: "accounts:manage" }).field({
    type: RolePermissionsRef,
    description:
      "Issue 17: sets a role's permissions in this organisation, within SPEC §2/§8's limits; takes effect at each account's next request",
    errors: { types: ROLE_ERRORS },
    args: {
      input: t.arg({ type: SetRolePermissionsInput, required: true, description: "The role, its permissions and the version read" }),
    },
    resolve: (_r, { input }, ctx) =>
      setRolePermissions(ctx, { role: input.role, permissions: input.permissions as unknown as Permission[], version: input.version }),
  }),
);

builder.mutationField("resetRolePermissions", (t) =>
  t.withAuth({ permission: "accounts:manage" }).field({
    type: RolePermissionsRef,
    description: "Issue 17: gives a role SPEC §2's default permissions again in this organisation",
    errors: { types: ROLE_ERRORS },
    args: { input: t.arg({ type: ResetRolePermissionsInput, required: true, description: "The role and the version read" }) },
    resolve: (_r, { input }, ctx) => resetRolePermissions(ctx, { role: input.role, version: input.version }),
  }),
);
