/** SPEC §2's roles in the order the matrix lists them (the role filter's choices). */
export const ROLE_ORDER = [
  "FRONT_DESK",
  "PROPERTY_ASSISTANT",
  "SERVICE_REP",
  "DEPARTMENT_HEAD",
  "OFFICE_DIRECTOR",
  "ANALYST",
  "COMPANY_MANAGER",
  "MANAGEMENT_REP",
  "EXECUTIVE",
  "DEVELOPER_LIAISON",
  "AUDITOR",
  "ADMIN",
] as const;
