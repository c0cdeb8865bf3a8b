import type { SignedInContext } from "../../access/context.ts";
import { inEstates, inOrganization } from "../../access/read-scope.ts";
import { policyNumberAt } from "../../domain/callbacks/policy-number.ts";
import { monthBounds, monthStartOf, targetVisits } from "../../domain/visits/visit-month.ts";
import { InputError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { isoDate } from "../../access/scopes/visits.ts";

export interface CreateVisitPlanInput {
  officeId: string;
  /** Any day of the month planned. */
  month: Date;
}

/**
 * VIS-1 (000 §6 4.3.1): an office's visit plan for a month. It snapshots the resident households
 * (§1 常住户, the denominator) and the target = ceil(VIS-1.monthlyVisitRate in force at the month's
 * start × resident households). A second plan of the month is an InputError. Returns the plan's id.
 */
export async function createVisitPlan(ctx: SignedInContext, input: CreateVisitPlanInput): Promise<string> {
  // Issue 17: a closed office gets no new plan.
  const office = await ctx.prisma.office.findFirst({
    where: { id: input.officeId, active: true, ...inEstates(ctx) },
    select: { id: true, estateId: true, estate: { select: { timezone: true } } },
  });
  if (!office) throw new InputError("input.officeId", msg("visitOfficeNotInScope"));
  const month = monthStartOf(isoDate(input.month));
  const resident = await ctx.prisma.household.count({
    where: { ...inOrganization(ctx), estateId: office.estateId, occupied: true, active: true },
  });
  const { start } = monthBounds(office.estate.timezone, month);
  // SPEC preamble: the month is judged by the rate in force when it began (SPEC's 10% if none is set).
  const percent = (await policyNumberAt(ctx.prisma, ctx.organizationId, "VIS-1.monthlyVisitRate", office.estateId, start)) ?? 10;
  const monthDate = new Date(`${month}T00:00:00Z`);
  // ON CONFLICT DO NOTHING: a second plan of the month is a typed error, also under a race.
  const written = await ctx.prisma.visitPlan.createMany({
    data: [
      {
        organizationId: ctx.organizationId,
        officeId: office.id,
        estateId: office.estateId,
        month: monthDate,
        residentHouseholds: resident,
        targetVisits: targetVisits(resident, percent),
        status: "ACTIVE",
        createdById: ctx.viewer.staffId,
        createdAt: ctx.now,
      },
    ],
    skipDuplicates: true,
  });
  if (written.count === 0) throw new InputError("input.month", msg("visitPlanExists", { month: month.slice(0, 7) }));
  const plan = await ctx.prisma.visitPlan.findUniqueOrThrow({
    where: { organizationId_officeId_month: { organizationId: ctx.organizationId, officeId: office.id, month: monthDate } },
    select: { id: true },
  });
  return plan.id;
}
