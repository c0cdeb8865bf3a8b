import type { StaffRole } from "@tingjian/prisma/client";

/**
 * SPEC §2: the supervisors — those who decide escalations (WF-7), review callbacks (CB-10),
 * open and close corrective actions (REC-1) and may override the handling department (WF-2).
 */
export const SUPERVISOR_ROLES: readonly StaffRole[] = [
  "DEPARTMENT_HEAD",
  "OFFICE_DIRECTOR",
  "COMPANY_MANAGER",
  "MANAGEMENT_REP",
  "EXECUTIVE",
];

export function isSupervisor(role: StaffRole): boolean {
  return SUPERVISOR_ROLES.includes(role);
}
