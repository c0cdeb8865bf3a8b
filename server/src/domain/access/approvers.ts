import type { ApprovalKind, ApprovalStatus, Classification, StaffRole } from "@tingjian/prisma/client";

/**
 * SEC-3: reading an owner archive needs a supervisor's approval; copying it, the office
 * director's; exporting TOP_SECRET data, the executive's; CONFIDENTIAL or SECRET data, the
 * (subsidiary) company manager's. A higher role may always approve in place of a lower one.
 */
export function approverRoles(kind: ApprovalKind, level: Classification | null): readonly StaffRole[] {
  switch (kind) {
    case "READ_ARCHIVE":
      return ["DEPARTMENT_HEAD", "OFFICE_DIRECTOR", "COMPANY_MANAGER", "EXECUTIVE"];
    case "COPY_ARCHIVE":
      return ["OFFICE_DIRECTOR", "EXECUTIVE"];
    case "EXPORT_CLASSIFIED":
      return level === "TOP_SECRET" ? ["EXECUTIVE"] : ["COMPANY_MANAGER", "EXECUTIVE"];
    case "EXTEND_CLASSIFICATION":
      return ["OFFICE_DIRECTOR", "COMPANY_MANAGER", "EXECUTIVE"];
    default:
      return ["COMPANY_MANAGER", "EXECUTIVE"];
  }
}

/** The role recorded on the request: the lowest that may decide it. */
export function requiredRole(kind: ApprovalKind, level: Classification | null): StaffRole {
  return approverRoles(kind, level)[0]!;
}

const HOUR = 3_600_000;
/** SEC-3: a request lapses after three days undecided. */
export const REQUEST_LIFETIME_MS = 72 * HOUR;
/** SEC-3: a grant lasts 24 hours unless the approver says otherwise, at most a week. */
export const DEFAULT_GRANT_HOURS = 24;
export const MAX_GRANT_HOURS = 168;

/** SEC-3: a pending request past its deadline, or a grant past its end, reads as EXPIRED even before the sweep writes it. */
export function effectiveStatus(
  a: { status: ApprovalStatus; requestExpiresAt: Date | null; grantedUntil: Date | null },
  now: Date,
): ApprovalStatus {
  if (a.status === "PENDING" && a.requestExpiresAt && a.requestExpiresAt <= now) return "EXPIRED";
  if (a.status === "APPROVED" && a.grantedUntil && a.grantedUntil <= now) return "EXPIRED";
  return a.status;
}
