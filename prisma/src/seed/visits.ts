import { addMonths, DAY, HOUR, months, shanghai, type SeedContext } from "./context.ts";
import type { Row } from "./bulk-insert.ts";
import type { EstateInfo, HouseholdInfo } from "./company.ts";

/**
 * VIS-1 / VIS-2: each office's monthly visit plan reaching at least 10% of its resident
 * households (commercial tenants more), the visit records, and the director's month-end review
 * and signature; badly resolved items get a nonconformity report.
 */
export async function seedEstateVisits(ctx: SeedContext, estate: EstateInfo): Promise<void> {
  const { rng, organizationId } = ctx;
  const occupied = estate.households.filter((h) => h.occupied);
  const rows: VisitRows = { plans: [], records: [], nonconformities: [] };
  for (const month of months(ctx.start, ctx.end)) {
    const monthStart = new Date(`${month}T09:00:00+08:00`);
    const planId = rng.uuid();
    const rate = estate.kind === "COMMERCIAL" ? 0.12 : 0.1;
    const target = Math.ceil(occupied.length * rate);
    const monthEnd = new Date(monthStart.getTime() + 30 * DAY);
    // VIS-2: signed once the month is over (a company generated on the 31st still has it open).
    const reviewed = monthEnd < ctx.end && shanghai(addMonths(month, 1)) <= ctx.end;
    rows.plans.push({
      id: planId,
      organizationId,
      officeId: estate.officeId,
      estateId: estate.id,
      month,
      residentHouseholds: occupied.length,
      targetVisits: target,
      status: reviewed ? "REVIEWED" : "ACTIVE",
      createdById: estate.staff.director,
      reviewedById: reviewed ? estate.staff.director : null,
      reviewedAt: reviewed ? monthEnd : null,
      directorSigned: reviewed,
      createdAt: monthStart,
    });
    seedMonthVisits(ctx, estate, occupied, rows, { planId, monthStart, monthEnd, target, reviewed });
  }
  await ctx.writer.insert("visit_plans", rows.plans);
  await ctx.writer.insert("visit_records", rows.records);
  await ctx.writer.insert("nonconformity_reports", rows.nonconformities);
}

interface VisitRows {
  plans: Row[];
  records: Row[];
  nonconformities: Row[];
}

/** One month's visits of a plan (households drawn at random, each at most once) and their nonconformities. */
function seedMonthVisits(
  ctx: SeedContext,
  estate: EstateInfo,
  occupied: HouseholdInfo[],
  rows: VisitRows,
  plan: { planId: string; monthStart: Date; monthEnd: Date; target: number; reviewed: boolean },
) {
  const { rng, organizationId } = ctx;
  const { planId, monthStart, monthEnd, target, reviewed } = plan;
  const visits = Math.round(target * (0.92 + rng.next() * 0.25));
  const seen = new Set<string>();
  for (let i = 0; i < visits; i++) {
    const h = rng.pick(occupied);
    if (seen.has(h.id)) continue;
    seen.add(h.id);
    const visitedAt = new Date(monthStart.getTime() + rng.int(0, 27) * DAY + rng.int(0, 8) * HOUR);
    if (visitedAt >= ctx.end) continue;
    const resolved = rng.chance(0.93);
    const id = rng.uuid();
    rows.records.push({
      id,
      organizationId,
      planId,
      officeId: estate.officeId,
      estateId: estate.id,
      householdId: h.id,
      customerId: h.customerId,
      kind:
        estate.kind === "COMMERCIAL"
          ? "COMMERCIAL"
          : rng.weighted([
              ["ROUTINE", 8],
              ["DOOR_TO_DOOR", 2],
              ["HOLIDAY", 1],
            ] as const),
      visitedAt,
      visitorId: rng.pick(estate.staff.assistants),
      content: "走访了解居住情况及意见",
      feedback: resolved ? "无意见" : "反映楼道照明不足",
      satisfied: resolved ? rng.chance(0.95) : false,
      resolved,
      signed: rng.chance(0.8),
      createdAt: visitedAt,
    });
    if (!resolved && reviewed) {
      rows.nonconformities.push({
        id: rng.uuid(),
        organizationId,
        visitPlanId: planId,
        visitRecordId: id,
        estateId: estate.id,
        description: "走访反映问题未解决",
        ownerId: rng.pick(estate.staff.assistants),
        deadlineAt: new Date(monthEnd.getTime() + 10 * DAY),
        createdById: estate.staff.director,
        createdAt: monthEnd,
      });
    }
  }
}
