import type { Classification, StaffRole } from "@tingjian/prisma/client";
import type { Permission } from "./permissions.ts";

/** The signed-in account of a request, as every access decision sees it. */
export interface Viewer {
  staffId: string;
  organizationId: string;
  login: string;
  role: StaffRole;
  clearance: Classification;
  departmentId: string | null;
  /** §2: estates in scope; "ALL" for company-level accounts. */
  estates: "ALL" | ReadonlySet<string>;
  permissions: ReadonlySet<Permission>;
  /** SEC-2: active designations, "RECORD_TYPE:id" → the level designated for. */
  designations: ReadonlyMap<string, Classification>;
  /** Set when the request came with an API token rather than a session cookie. */
  apiTokenId: string | null;
  sessionId: string | null;
  /** Issue 17: a temporary password must be changed before the session may do anything else. */
  mustChangePassword?: boolean;
}

export function can(viewer: Viewer | null, permission: Permission): boolean {
  return !!viewer && viewer.permissions.has(permission);
}

export function inEstateScope(viewer: Viewer, estateId: string | null | undefined): boolean {
  return viewer.estates === "ALL" || (!!estateId && viewer.estates.has(estateId));
}
