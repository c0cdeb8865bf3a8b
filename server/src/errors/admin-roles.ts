import type { StaffRole } from "@tingjian/prisma/client";
import { msg, render, type Msg } from "../i18n/messages.ts";
import { ConflictError } from "./typed-errors.ts";

/**
 * Typed errors of the role permission matrix (issue 17); schema/admin/roles.ts registers their
 * GraphQL types.
 */

/** Issue 17: a role's permission set changed since it was read (another administrator saved first). */
export class RolePermissionsConflictError extends ConflictError {}

/**
 * One broken limit (domain/access/role-limits.ts names the rules; errors/ sits below the domain,
 * so the names are plain strings here), with its message rendered in the reader's language when read.
 */
export interface RoleLimitProblem {
  role: StaffRole;
  /** The permission in SPEC §2's notation ("personal-data:read"). */
  permission: string;
  /** A RoleLimitRule. */
  rule: string;
  message: Msg;
}

/** Issue 17: a proposed permission set breaks SPEC §2/§8's limits; every violation is named and nothing was written. */
export class RoleLimitError extends Error {
  readonly localized: Msg;
  constructor(readonly violations: readonly RoleLimitProblem[]) {
    const details: [string, string] = [
      violations.map((v) => render(v.message, "zh")).join("；"),
      violations.map((v) => render(v.message, "en")).join("; "),
    ];
    const localized = msg("roleLimitsViolated", { count: violations.length, details });
    super(render(localized, "en"));
    this.name = "RoleLimitError";
    this.localized = localized;
  }
}
