import type { ApprovalKind, Classification, StaffRole } from "@tingjian/prisma/client";

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
