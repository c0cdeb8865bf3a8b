import type { EstateInfo } from "./company.ts";
import { localDate, type SeedContext } from "./context.ts";

/**
 * The defaults of SPEC §6-§11 as policy values effective from the start of the demo history,
 * plus changes that show effective dating and per-estate overrides.
 */
export async function seedPolicies(ctx: SeedContext, estates: EstateInfo[]) {
  const { rng, organizationId } = ctx;
  const from = localDate(ctx.start);
  // The quality target was raised at the start of the year the company is generated in.
  const year = localDate(ctx.end).slice(0, 4);
  const raised = `${year}-01-01`;
  const p = (key: string, value: number, unit: string, clock: string | null, note: string, estateId: string | null = null, effectiveFrom = from, effectiveTo: string | null = null) =>
    ({ id: rng.uuid(), organizationId, key, estateId, valueNumeric: value, unit, clock, note, effectiveFrom, effectiveTo, createdAt: ctx.start });
  const rows = [
    p("SLA-1.duration", 4, "WORKING_HOURS", "WORKING", "SLA-1 other department to service centre"),
    p("SLA-2.duration", 2, "WORKING_HOURS", "WORKING", "SLA-2 valid complaint to responsible department"),
    p("SLA-3.duration", 8, "WORKING_HOURS", "WORKING", "SLA-3 complaint about an employee"),
    p("SLA-4.duration", 12, "WORKING_HOURS", "WORKING", "SLA-4 complaint about an office or department"),
    p("SLA-5.duration", 8, "WORKING_HOURS", "WORKING", "SLA-5 engineering site survey and plan"),
    p("SLA-7.plan", 6, "WORKING_HOURS", "WORKING", "SLA-7 warranty plan"),
    p("SLA-7.toDeveloper", 4, "WORKING_HOURS", "WORKING", "SLA-7 forward to developer"),
    p("SLA-7.developerAnswer", 8, "HOURS", "WALL", "SLA-7 developer answer, else deemed accepted"),
    p("SLA-8.reach", 15, "MINUTES", "WALL", "SLA-8 reaches the responsible person"),
    p("SLA-8.serviceResolve", 1, "HOURS", "WALL", "SLA-8 service complaint at an office"),
    p("SLA-8.repairAnswer", 6, "HOURS", "WALL", "SLA-8 repair complaint at an office"),
    p("SLA-8.toServiceCentre", 2, "HOURS", "WALL", "SLA-8 beyond the office's means"),
    p("SLA-9.firstReply", 24, "HOURS", "WALL", "SLA-9 first reply"),
    p("SLA-10.callback", 3, "DAYS", "WALL", "SLA-10 callback after confirmation"),
    p("SLA-11.repairCallback", 7, "DAYS", "WALL", "SLA-11 repair callback"),
    p("SLA-12.officeMonthly", 2, "DAY_OF_MONTH", null, "SLA-12 office monthly data"),
    p("SLA-12.companyMonthly", 5, "DAY_OF_MONTH", null, "SLA-12 company summary"),
    p("CB-1.callbackRate", 100, "PERCENT", null, "CB-1 callback rate target"),
    p("CB-3.periodicSample", 35, "PERCENT", null, "CB-3 quarterly periodic sample"),
    p("CB-4.repairCallback", 100, "PERCENT", null, "CB-4 repairs called back"),
    p("CB-4.eventCallback", 10, "PERCENT", null, "CB-4 community events"),
    p("CB-5.phoneShareMax", 50, "PERCENT", null, "CB-5 phone callbacks at most"),
    p("VIS-1.monthlyVisitRate", 10, "PERCENT", null, "VIS-1 monthly visits"),
    p("SUR-2.coverage", 60, "PERCENT", null, "SUR-2 sampled households"),
    p("SUR-3.returnRate", 80, "PERCENT", null, "SUR-3 return rate"),
    p("SUR-4.satisfactionTarget", 90, "PERCENT", null, "SUR-4 quality target", null, from, raised),
    p("SUR-4.satisfactionTarget", 92, "PERCENT", null, `SUR-4 quality target raised for ${year}`, null, raised),
    p("REC-2.windowDays", 90, "DAYS", null, "REC-2 repeat window"),
    p("REC-3.repeatRepairDays", 30, "DAYS", null, "REC-3 same repair twice"),
    p("KPI.validComplaintRateMax", 1, "PERCENT", null, "valid complaints per resident household"),
    p("INT-6.retentionDays", 30, "DAYS", null, "INT-6 hotline recordings kept at least this long"),
  ];
  // Commercial tenants are visited every year in full (VIS-1) and held to a higher target.
  for (const e of estates.filter((x) => x.kind === "COMMERCIAL")) {
    rows.push(p("SUR-4.satisfactionTarget", 95, "PERCENT", null, "SUR-4 commercial estate override", e.id));
  }
  await ctx.writer.insert("policy_values", rows);
}
