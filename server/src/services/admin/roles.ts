import type { StaffRole } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { inOrganization } from "../../access/read-scope.ts";
import { PERMISSIONS, type Permission, ROLE_PERMISSIONS, rolePermissions } from "../../domain/access/permissions.ts";
import { matrixViolations, type RoleLimitRule, type RoleLimitViolation } from "../../domain/access/role-limits.ts";
import { RoleLimitError, type RoleLimitProblem, RolePermissionsConflictError } from "../../errors/admin-roles.ts";
import { type MessageKey, messages, msg } from "../../i18n/messages.ts";
import { writeAtVersion } from "../versioned-write.ts";
import { recordAdminChange } from "./change-log.ts";

/**
 * Issue 17: the organisation's role permission matrix. A role without a set of its own has SPEC
 * §2's defaults (domain/access/permissions.ts); an edit stays within SPEC §8's limits
 * (domain/access/role-limits.ts), is versioned, and is kept in the change log with the permission
 * lists before and after. It takes effect at each account's next request (auth/authenticate.ts
 * reads the set with the credential).
 *
 * A role's version counts the changes of its permissions (the change log's ROLE entries), so it
 * keeps rising across a reset to the defaults (which deletes the organisation's set): a form read
 * before a reset and saved after it is a conflict, never a silent overwrite.
 */

/** One role's row of the matrix. */
export interface RoleRow {
  role: StaffRole;
  /** The permissions in force, in SPEC §2's order. */
  permissions: Permission[];
  defaults: readonly Permission[];
  /** true: the organisation's own set; false: the defaults. */
  customized: boolean;
  version: number;
  updatedAt: Date | null;
  updatedById: string | null;
}

export const ROLES = Object.keys(ROLE_PERMISSIONS) as StaffRole[];

const ROLE_KEY: Record<StaffRole, MessageKey> = {
  FRONT_DESK: "roleFrontDesk",
  PROPERTY_ASSISTANT: "rolePropertyAssistant",
  SERVICE_REP: "roleServiceRep",
  DEPARTMENT_HEAD: "roleDepartmentHead",
  OFFICE_DIRECTOR: "roleOfficeDirector",
  ANALYST: "roleAnalyst",
  COMPANY_MANAGER: "roleCompanyManager",
  MANAGEMENT_REP: "roleManagementRep",
  EXECUTIVE: "roleExecutive",
  DEVELOPER_LIAISON: "roleDeveloperLiaison",
  AUDITOR: "roleAuditor",
  ADMIN: "roleAdmin",
};

const RULE_KEY: Record<RoleLimitRule, MessageKey> = {
  EXECUTIVE_KNOWS_EVERYTHING: "roleLimitExecutive",
  AUDITOR_READS_AUDIT: "roleLimitAuditorReads",
  AUDITOR_READ_ONLY: "roleLimitAuditorReadOnly",
  LIAISON_FORWARDED_ONLY: "roleLimitLiaison",
  ANALYST_MASKED: "roleLimitAnalyst",
  SUPERVISORS_ONLY: "roleLimitSupervisors",
  WRITE_NEEDS_READ: "roleLimitWriteNeedsRead",
  ACCOUNTS_LOCKOUT: "roleLimitLockout",
  BEYOND_EDITOR: "roleLimitBeyondEditor",
};

/** A violation with its message; the permission is named by the API's enum (PERSONAL_DATA_READ). */
export function describeViolation(v: RoleLimitViolation): RoleLimitProblem {
  const permission = v.permission.replace(/[:-]/g, "_").toUpperCase();
  return { ...v, message: msg(RULE_KEY[v.rule], { role: messages[ROLE_KEY[v.role]], permission }) };
}

const inOrder = (set: ReadonlySet<Permission>): Permission[] => PERMISSIONS.filter((p) => set.has(p));

/** Every role's row: the organisation's sets, the defaults for the rest. */
export async function roleMatrix(ctx: SignedInContext): Promise<RoleRow[]> {
  const [sets, versions] = await Promise.all([ctx.prisma.rolePermissionSet.findMany({ where: inOrganization(ctx) }), changeCounts(ctx)]);
  return ROLES.map((role) => {
    const set = sets.find((s) => s.role === role);
    return {
      role,
      permissions: inOrder(new Set(rolePermissions(role, set?.permissions))),
      defaults: ROLE_PERMISSIONS[role],
      customized: !!set,
      version: set?.version ?? versions.get(role) ?? 0,
      updatedAt: set?.updatedAt ?? null,
      updatedById: set?.updatedById ?? null,
    };
  });
}

/**
 * One role's permissions in force in this organisation (its own set, else the defaults): for
 * checks that concern another account than the caller's (e.g. the scopes a token for a service
 * account may carry), where the caller's own viewer permissions do not answer.
 */
export async function permissionsOfRole(ctx: SignedInContext, role: StaffRole): Promise<readonly Permission[]> {
  const set = await ctx.prisma.rolePermissionSet.findFirst({ where: { ...inOrganization(ctx), role }, select: { permissions: true } });
  return rolePermissions(role, set?.permissions);
}

/** How many times each role's permissions changed in this organisation (the change log). */
async function changeCounts(ctx: SignedInContext): Promise<Map<string, number>> {
  const rows = await ctx.prisma.$queryRaw<{ role: string; n: number }[]>`
    SELECT coalesce("after"->>'role', "before"->>'role') AS role, count(*)::int AS n
      FROM admin_changes WHERE organization_id = ${ctx.organizationId}::uuid AND entity = 'ROLE' GROUP BY 1`;
  return new Map(rows.map((r) => [r.role, r.n]));
}

async function rolesOfActivePeople(ctx: SignedInContext): Promise<Set<StaffRole>> {
  const rows = await ctx.prisma.staff.findMany({
    where: { ...inOrganization(ctx), active: true, kind: "HUMAN" },
    distinct: ["role"],
    select: { role: true },
  });
  return new Set(rows.map((r) => r.role));
}

/** Refuses a change that breaks a limit, naming every violation. */
async function checkLimits(ctx: SignedInContext, role: StaffRole, proposed: ReadonlySet<Permission>, matrix: RoleRow[]): Promise<void> {
  const violations = matrixViolations(role, proposed, {
    matrix: new Map(matrix.map((r) => [r.role, new Set(r.permissions)])),
    rolesOfActivePeople: await rolesOfActivePeople(ctx),
    editor: ctx.viewer.permissions,
  });
  if (violations.length) throw new RoleLimitError(violations.map(describeViolation));
}

function rowOf(matrix: RoleRow[], role: StaffRole, version: number): RoleRow {
  const row = matrix.find((r) => r.role === role)!;
  if (row.version !== version) throw new RolePermissionsConflictError(role, row.version);
  return row;
}

export interface SetRolePermissionsInput {
  role: StaffRole;
  permissions: readonly Permission[];
  /** The role's version the editor read. */
  version: number;
}

/** Issue 17: gives a role exactly `permissions` in this organisation (within the limits). */
export async function setRolePermissions(ctx: SignedInContext, input: SetRolePermissionsInput): Promise<RoleRow> {
  const matrix = await roleMatrix(ctx);
  const row = rowOf(matrix, input.role, input.version);
  const proposed = new Set(input.permissions);
  await checkLimits(ctx, input.role, proposed, matrix);
  const permissions = inOrder(proposed);
  if (row.customized && permissions.join() === row.permissions.join()) return row;
  const data = { permissions, updatedById: ctx.viewer.staffId };
  const existing = await ctx.prisma.rolePermissionSet.findFirst({
    where: { ...inOrganization(ctx), role: input.role },
    select: { id: true, version: true },
  });
  if (existing) {
    await writeAtVersion(ctx.prisma.rolePermissionSet, existing, data, (_id, v) => new RolePermissionsConflictError(input.role, v));
  } else {
    // Two first edits at once: the second finds the row made (unique per organisation and role).
    const made = await ctx.prisma.rolePermissionSet.createMany({
      data: [{ ...inOrganization(ctx), role: input.role, version: row.version + 1, ...data }],
      skipDuplicates: true,
    });
    if (made.count === 0) throw new RolePermissionsConflictError(input.role, row.version + 1);
  }
  await recordAdminChange(ctx, {
    entity: "ROLE",
    action: "UPDATE",
    before: { role: input.role, permissions: row.permissions, customized: row.customized },
    after: { role: input.role, permissions, customized: true },
  });
  return (await roleMatrix(ctx)).find((r) => r.role === input.role)!;
}

/** Issue 17: the role has SPEC §2's defaults again in this organisation (its own set is removed). */
export async function resetRolePermissions(ctx: SignedInContext, input: { role: StaffRole; version: number }): Promise<RoleRow> {
  const matrix = await roleMatrix(ctx);
  const row = rowOf(matrix, input.role, input.version);
  if (!row.customized) return row;
  await checkLimits(ctx, input.role, new Set(row.defaults), matrix);
  const removed = await ctx.prisma.rolePermissionSet.deleteMany({
    where: { ...inOrganization(ctx), role: input.role, version: input.version },
  });
  if (removed.count === 0) throw new RolePermissionsConflictError(input.role, input.version + 1);
  await recordAdminChange(ctx, {
    entity: "ROLE",
    action: "UPDATE",
    before: { role: input.role, permissions: row.permissions, customized: true },
    after: { role: input.role, permissions: inOrder(new Set(row.defaults)), customized: false },
  });
  return (await roleMatrix(ctx)).find((r) => r.role === input.role)!;
}
