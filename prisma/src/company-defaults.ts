/**
 * What a new company starts with (issue 17): the standard working calendar of SPEC §6 and the
 * default policy values of SPEC §6-§11. Shared by the demo seed (seed/company.ts, seed/policies.ts)
 * and by the setup of a real organisation (server/src/services/organization/), so that both
 * start from the same values.
 */
export { calendarDays, statutoryHolidays } from "./seed/holidays.ts";

/** The demo company's organisation code (the accounts of README "Demo accounts" belong to it). */
export const DEMO_ORGANIZATION_CODE = "HUATING";

/** The name of the standard working calendar every organisation starts with. */
export const STANDARD_CALENDAR_NAME = "公司标准工作日历";

export interface WorkingSlot {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes after local midnight, start inclusive. */
  startMinute: number;
  /** Minutes after local midnight, end exclusive. */
  endMinute: number;
}

/**
 * §6 working clock: Monday to Friday, morning and afternoon with the lunch break between
 * (08:30-12:00, 13:30-17:30), in this order.
 */
export const STANDARD_WORKING_SLOTS: readonly WorkingSlot[] = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, startMinute: 8 * 60 + 30, endMinute: 12 * 60 },
  { weekday, startMinute: 13 * 60 + 30, endMinute: 17 * 60 + 30 },
]);

export type DefaultPolicyUnit = "MINUTES" | "HOURS" | "DAYS" | "WORKING_HOURS" | "DAY_OF_MONTH" | "PERCENT";

export interface DefaultPolicyValue {
  key: string;
  value: number;
  unit: DefaultPolicyUnit;
  clock: "WORKING" | "WALL" | null;
  note: string;
}

const d = (key: string, value: number, unit: DefaultPolicyUnit, clock: DefaultPolicyValue["clock"], note: string): DefaultPolicyValue => ({
  key,
  value,
  unit,
  clock,
  note,
});

/** The defaults of SPEC §6-§11 (the values the SPEC shows), one per key, in this order. */
export const DEFAULT_POLICY_VALUES: readonly DefaultPolicyValue[] = [
  d("SLA-1.duration", 4, "WORKING_HOURS", "WORKING", "SLA-1 other department to service centre"),
  d("SLA-2.duration", 2, "WORKING_HOURS", "WORKING", "SLA-2 valid complaint to responsible department"),
  d("SLA-3.duration", 8, "WORKING_HOURS", "WORKING", "SLA-3 complaint about an employee"),
  d("SLA-4.duration", 12, "WORKING_HOURS", "WORKING", "SLA-4 complaint about an office or department"),
  d("SLA-5.duration", 8, "WORKING_HOURS", "WORKING", "SLA-5 engineering site survey and plan"),
  d("SLA-7.plan", 6, "WORKING_HOURS", "WORKING", "SLA-7 warranty plan"),
  d("SLA-7.toDeveloper", 4, "WORKING_HOURS", "WORKING", "SLA-7 forward to developer"),
  d("SLA-7.developerAnswer", 8, "HOURS", "WALL", "SLA-7 developer answer, else deemed accepted"),
  d("SLA-8.reach", 15, "MINUTES", "WALL", "SLA-8 reaches the responsible person"),
  d("SLA-8.serviceResolve", 1, "HOURS", "WALL", "SLA-8 service complaint at an office"),
  d("SLA-8.repairAnswer", 6, "HOURS", "WALL", "SLA-8 repair complaint at an office"),
  d("SLA-8.toServiceCentre", 2, "HOURS", "WALL", "SLA-8 beyond the office's means"),
  d("SLA-9.firstReply", 24, "HOURS", "WALL", "SLA-9 first reply"),
  d("SLA-10.callback", 3, "DAYS", "WALL", "SLA-10 callback after confirmation"),
  d("SLA-11.repairCallback", 7, "DAYS", "WALL", "SLA-11 repair callback"),
  d("SLA-12.officeMonthly", 2, "DAY_OF_MONTH", null, "SLA-12 office monthly data"),
  d("SLA-12.companyMonthly", 5, "DAY_OF_MONTH", null, "SLA-12 company summary"),
  d("CB-1.callbackRate", 100, "PERCENT", null, "CB-1 callback rate target"),
  d("CB-3.periodicSample", 35, "PERCENT", null, "CB-3 quarterly periodic sample"),
  d("CB-4.repairCallback", 100, "PERCENT", null, "CB-4 repairs called back"),
  d("CB-4.eventCallback", 10, "PERCENT", null, "CB-4 community events"),
  d("CB-5.phoneShareMax", 50, "PERCENT", null, "CB-5 phone callbacks at most"),
  d("VIS-1.monthlyVisitRate", 10, "PERCENT", null, "VIS-1 monthly visits"),
  d("SUR-2.coverage", 60, "PERCENT", null, "SUR-2 sampled households"),
  d("SUR-3.returnRate", 80, "PERCENT", null, "SUR-3 return rate"),
  d("SUR-4.satisfactionTarget", 90, "PERCENT", null, "SUR-4 quality target"),
  d("REC-2.windowDays", 90, "DAYS", null, "REC-2 repeat window"),
  d("REC-3.repeatRepairDays", 30, "DAYS", null, "REC-3 same repair twice"),
  d("KPI.validComplaintRateMax", 1, "PERCENT", null, "valid complaints per resident household"),
  d("INT-6.retentionDays", 30, "DAYS", null, "INT-6 hotline recordings kept at least this long"),
];
