import type { StaffRole } from "@tingjian/prisma/client";
import type { Permission } from "./permissions.ts";
import { SUPERVISOR_ROLES } from "./roles.ts";

/**
 * Issue 17: what an organisation may change in its role permission matrix, and what it may not
 * (SPEC §2 roles, §8 confidentiality). Pure: a proposed matrix in, every violation out.
 *
 * What is NOT a permission, and so not in the matrix at all:
 * - Reading TOP_SECRET. SEC-2: only the executive, and the persons the executive designates,
 *   know a TOP_SECRET record. That is decided by the role EXECUTIVE, the account's clearance and
 *   its designations (domain/access/need-to-know.ts), never by a permission: no edit of the
 *   matrix can open a TOP_SECRET record to anyone. Likewise classifying or designating at
 *   TOP_SECRET stays with the executive role (services/access/classification.ts), and which role
 *   decides which approval is SEC-3's table (domain/access/approvers.ts).
 * - Estate scope (§2) and the developer liaison's "forwarded complaints only" read scope
 *   (access/read-scope.ts): both follow the account and its role, whatever the matrix says.
 */

/** Why a proposed permission set is refused; each is one rule below (its message names it). */
export type RoleLimitRule =
  | "EXECUTIVE_KNOWS_EVERYTHING"
  | "AUDITOR_READS_AUDIT"
  | "AUDITOR_READ_ONLY"
  | "LIAISON_FORWARDED_ONLY"
  | "ANALYST_MASKED"
  | "SUPERVISORS_ONLY"
  | "WRITE_NEEDS_READ"
  | "ACCOUNTS_LOCKOUT"
  | "BEYOND_EDITOR";

export interface RoleLimitViolation {
  role: StaffRole;
  /** The permission the violation is about (the cell of the matrix to mark). */
  permission: Permission;
  rule: RoleLimitRule;
}

/**
 * Permissions a role must keep. SEC-2 "executives may know everything" and only the executive
 * designates TOP_SECRET readers, exports TOP_SECRET (SEC-3) and decides the approvals no one else
 * may: without these the organisation loses the only holder of those duties. SEC-3: the access
 * log and this change log are read by an auditor, so the auditor keeps `audit:read` (other
 * roles may be given it too).
 */
const REQUIRED: Partial<Record<StaffRole, { rule: RoleLimitRule; permissions: readonly Permission[] }>> = {
  EXECUTIVE: {
    rule: "EXECUTIVE_KNOWS_EVERYTHING",
    permissions: ["complaints:read", "customers:read", "personal-data:read", "classification:manage", "approvals:decide"],
  },
  AUDITOR: { rule: "AUDITOR_READS_AUDIT", permissions: ["audit:read"] },
};

/**
 * Every permission that changes something or decides for others. The auditor never holds one:
 * SEC-3's log is worth only as much as its reader's independence from the acts it records (an
 * auditor who could amend a customer, decide an approval, classify a record or edit this matrix
 * would audit themself). The auditor may be given the read permissions.
 */
const ACTS: readonly Permission[] = [
  "complaints:write",
  "customers:write",
  "approvals:decide",
  "classification:manage",
  "government:disclose",
  "archives:check",
  "tokens:manage",
  "categories:manage",
  "policies:manage",
  "accounts:manage",
  "places:manage",
];

/**
 * Permissions a role may never be given.
 * - DEVELOPER_LIAISON (SPEC §2: "sees only complaints forwarded to the developer"): the liaison is
 *   the builder's person, outside the company. Customer records and unmasked personal data (SEC-7),
 *   figures over every complaint (§11), the logs, and running the company are all more than the
 *   forwarded complaints; the liaison may read them and, if the organisation wants, record the
 *   developer's answer (complaints:write).
 * - ANALYST (§2, SEC-7 "aggregates never reveal one person's data"): the analyst works on figures
 *   with personal data masked, so never `personal-data:read`.
 * - AUDITOR: read-only, see ACTS.
 */
const NEVER: Partial<Record<StaffRole, { rule: RoleLimitRule; permissions: readonly Permission[] }>> = {
  DEVELOPER_LIAISON: {
    rule: "LIAISON_FORWARDED_ONLY",
    permissions: [
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
    ],
  },
  ANALYST: { rule: "ANALYST_MASKED", permissions: ["personal-data:read"] },
  AUDITOR: { rule: "AUDITOR_READ_ONLY", permissions: ACTS },
};

/**
 * Permissions only supervisors may hold (SPEC §2's supervisors, domain/access/roles.ts).
 * SEC-2: CONFIDENTIAL is known by "the responsible supervisors and the people they designate", so
 * classifying and designating is a supervisor's act. SEC-3: reading an owner archive "needs
 * approval by a supervisor", copying it the office director's, exporting the company manager's or
 * the executive's: approvals are decided by supervisors (which supervisor, per kind, stays
 * approvers.ts' table).
 */
const SUPERVISOR_ONLY: readonly Permission[] = ["classification:manage", "approvals:decide"];

/** A write that is useless, and misleading in the matrix, without the matching read. */
const NEEDS: readonly [write: Permission, read: Permission][] = [
  ["complaints:write", "complaints:read"],
  ["customers:write", "customers:read"],
];

/**
 * `tokens:manage` needs no limit of its own: a token carries at most what both its account and its
 * minter hold (issue 15 item 10), so issuing tokens never passes on more than the issuer has.
 */

/** The permissions `role` may never hold, with the rule that forbids each (empty when none). */
export function forbiddenFor(role: StaffRole): { permission: Permission; rule: RoleLimitRule }[] {
  const out: { permission: Permission; rule: RoleLimitRule }[] = [];
  const never = NEVER[role];
  if (never) out.push(...never.permissions.map((permission) => ({ permission, rule: never.rule })));
  if (!SUPERVISOR_ROLES.includes(role)) {
    for (const permission of SUPERVISOR_ONLY)
      if (!out.some((o) => o.permission === permission)) out.push({ permission, rule: "SUPERVISORS_ONLY" });
  }
  return out;
}

/** The permissions `role` must keep, with the rule that requires each (empty when none). */
export function requiredFor(role: StaffRole): { permission: Permission; rule: RoleLimitRule }[] {
  const req = REQUIRED[role];
  return req ? req.permissions.map((permission) => ({ permission, rule: req.rule })) : [];
}

/** Every violation of one role's proposed set, taken alone. */
export function roleViolations(role: StaffRole, proposed: ReadonlySet<Permission>): RoleLimitViolation[] {
  const out: RoleLimitViolation[] = [];
  for (const { permission, rule } of requiredFor(role)) if (!proposed.has(permission)) out.push({ role, permission, rule });
  for (const { permission, rule } of forbiddenFor(role)) if (proposed.has(permission)) out.push({ role, permission, rule });
  for (const [write, read] of NEEDS)
    if (proposed.has(write) && !proposed.has(read)) out.push({ role, permission: read, rule: "WRITE_NEEDS_READ" });
  return out;
}

/** What a change of one role is judged against besides the role's own limits. */
export interface MatrixContext {
  /** Every role's permissions in force now (the organisation's sets or the defaults). */
  matrix: ReadonlyMap<StaffRole, ReadonlySet<Permission>>;
  /** The roles held by at least one active person (not a service account). */
  rolesOfActivePeople: ReadonlySet<StaffRole>;
  /** The permissions of the person making the change. */
  editor: ReadonlySet<Permission>;
}

/**
 * Every violation of a proposed change of `role` within the whole matrix: the role's own limits,
 * and the organisation's:
 * - `accounts:manage` must stay with at least one role that an active person holds, or nobody
 *   could ever edit accounts or this matrix again (the organisation would lock itself out; only
 *   the operator's command line could repair it).
 * - a permission the editor does not hold cannot be added to a role (as a token carries only what
 *   its minter holds, issue 15 item 10): the administrator, who reads no complaint data, cannot
 *   open complaint or personal data to a role, their own included; the executive can. Taking a
 *   permission away opens nothing and is not limited this way.
 */
export function matrixViolations(role: StaffRole, proposed: ReadonlySet<Permission>, context: MatrixContext): RoleLimitViolation[] {
  const out = roleViolations(role, proposed);
  const before = context.matrix.get(role) ?? new Set<Permission>();
  for (const p of proposed) if (!before.has(p) && !context.editor.has(p)) out.push({ role, permission: p, rule: "BEYOND_EDITOR" });
  const after = new Map(context.matrix).set(role, proposed);
  const managed = [...after].some(([r, set]) => set.has("accounts:manage") && context.rolesOfActivePeople.has(r));
  if (!managed) out.push({ role, permission: "accounts:manage", rule: "ACCOUNTS_LOCKOUT" });
  return out;
}

/**
 * A stored set as it takes effect: only known permissions, and never one the role may not hold
 * (a row written outside the service, or before a limit existed, cannot open more than the
 * limits allow).
 */
export function withinLimits(role: StaffRole, stored: readonly string[], known: (p: string) => p is Permission): Permission[] {
  const forbidden = new Set(forbiddenFor(role).map((f) => f.permission));
  return stored.filter(known).filter((p) => !forbidden.has(p));
}
