import type { StaffRole } from "@tingjian/prisma/client";
import { withinLimits } from "./role-limits.ts";

/**
 * What an account may do (SPEC §2). Token scopes for external tools are the same strings: a
 * token's effective permissions are its owner's role permissions intersected with its scopes.
 */
export const PERMISSIONS = [
  "complaints:read",
  "complaints:write",
  "customers:read",
  "customers:write",
  "personal-data:read",
  "reports:read",
  "audit:read",
  "approvals:decide",
  "classification:manage",
  "government:disclose",
  "archives:check",
  "tokens:manage",
  "categories:manage",
  "policies:manage",
  "accounts:manage",
  "places:manage",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export function isPermission(s: string): s is Permission {
  return (PERMISSIONS as readonly string[]).includes(s);
}

const caseWork: Permission[] = ["complaints:read", "complaints:write", "customers:read", "customers:write", "personal-data:read"];
const supervision: Permission[] = [...caseWork, "reports:read", "approvals:decide", "archives:check"];

/**
 * SPEC §2 default roles. The analyst sees figures with personal data masked; the auditor reads the access log.
 * CLS-4: the category tree serves every report and recurrence detection, so company leadership
 * and the administrator keep it ("categories:manage"). Policy values and working calendars
 * (SPEC §6: durations, targets, holidays) are set by company leadership ("policies:manage").
 */
export const ROLE_PERMISSIONS: Record<StaffRole, readonly Permission[]> = {
  FRONT_DESK: caseWork,
  PROPERTY_ASSISTANT: caseWork,
  SERVICE_REP: [...caseWork, "reports:read", "archives:check"],
  DEPARTMENT_HEAD: supervision,
  OFFICE_DIRECTOR: [...supervision, "classification:manage", "government:disclose"],
  ANALYST: ["complaints:read", "customers:read", "reports:read"],
  COMPANY_MANAGER: [...supervision, "classification:manage", "government:disclose", "categories:manage", "policies:manage"],
  MANAGEMENT_REP: [...supervision, "categories:manage", "policies:manage"],
  // Issue 15 item 10: a token carries only what its minter holds, so the administrator (who reads
  // no complaint data) can no longer give a service account data scopes; the executive, who may
  // know everything (SEC-2), issues those tokens.
  EXECUTIVE: [
    ...supervision,
    "classification:manage",
    "government:disclose",
    "categories:manage",
    "policies:manage",
    "tokens:manage",
    "accounts:manage",
    "places:manage",
  ],
  DEVELOPER_LIAISON: ["complaints:read"],
  AUDITOR: ["complaints:read", "audit:read"],
  // Issue 17: the administrator runs the company's accounts and its places, calendars and policy
  // values, and still reads no complaint data.
  ADMIN: ["tokens:manage", "categories:manage", "policies:manage", "accounts:manage", "places:manage"],
};

/**
 * The permissions of a role in an organisation: its own set when it has one (issue 17, the
 * editable matrix; role_permission_sets), else SPEC §2's defaults above. A stored set takes effect
 * only within the limits of domain/access/role-limits.ts.
 */
export function rolePermissions(role: StaffRole, organizationSet: readonly string[] | null | undefined): readonly Permission[] {
  return organizationSet ? withinLimits(role, organizationSet, isPermission) : ROLE_PERMISSIONS[role];
}

/**
 * An account's permissions: its role's (the organisation's set or the defaults), and through an
 * API token only those also among the token's scopes.
 */
export function permissionsOf(
  role: StaffRole,
  tokenScopes: readonly string[] | null,
  organizationSet?: readonly string[] | null,
): Set<Permission> {
  const own = rolePermissions(role, organizationSet);
  return new Set(tokenScopes ? own.filter((p) => tokenScopes.includes(p)) : own);
}

/**
 * The API's one notation for a permission: the GraphQL enum value (`complaints:read` →
 * COMPLAINTS_READ). SPEC §2 and the README write the lower-case form; every enum value's
 * description names it.
 */
export function permissionEnumName(p: Permission): string {
  return p.replace(/[:-]/g, "_").toUpperCase();
}

/** SPEC §2: what each permission allows (the enum values' descriptions). */
export const PERMISSION_MEANING: Record<Permission, string> = {
  "complaints:read": "read complaints and their case data (SEC-2 need-to-know still applies)",
  "complaints:write": "register and handle complaints (WF-1 … WF-8)",
  "customers:read": "read customer records, personal data masked (SEC-7)",
  "customers:write": "amend customer records (SEC-6)",
  "personal-data:read": "read personal data unmasked where entitled, logged (SEC-3, SEC-7)",
  "reports:read": "read reports and metrics (REP-*)",
  "audit:read": "read the access log and approvals (SEC-3)",
  "approvals:decide": "decide approval requests (SEC-3)",
  "classification:manage": "classify records and designate who may know them (SEC-1, SEC-2, SEC-5)",
  "government:disclose": "register government inquiries and disclose to them (SEC-4)",
  "archives:check": "run the six-monthly archive checks (SEC-8)",
  "tokens:manage": "issue and revoke API tokens of service accounts (§2)",
  "categories:manage": "administer the category tree (CLS-4)",
  "policies:manage": "set policy values and working calendars (SPEC §6)",
  "accounts:manage": "administer staff accounts, departments, passwords, sessions and the role permission matrix (issue 17)",
  "places:manage": "administer estates, offices, buildings, units and households (issue 17)",
};
