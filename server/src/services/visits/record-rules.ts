import type { VisitKind } from "@tingjian/prisma/client";
import type { Context } from "../../access/context.ts";
import type { RecordRef } from "../../access/disclosure.ts";
import { inOrganization } from "../../access/read-scope.ts";
import { monthBounds } from "../../domain/visits/visit-month.ts";
import { InputError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";

/**
 * What recording a visit (recordVisit) and amending one (amendVisitRecord) share, so that an
 * amendment is held to exactly the rules the visit was recorded under (SEC-6 corrects, it does
 * not open a way around VIS-1's rules).
 */

type RecordForDecision = { id: string; estateId: string; visitorId: string | null };

/** SEC-2: a visit record is known to cleared staff of its estate and to the visitor. */
export function visitRecordRef(r: RecordForDecision): RecordRef {
  return {
    recordType: "VISIT_RECORD",
    id: r.id,
    classification: "SECRET",
    estateIds: [r.estateId],
    assignedStaffIds: r.visitorId ? [r.visitorId] : [],
  };
}

/** VIS-1: a visit is recorded after it happened, inside its plan's month (the estate's calendar). */
export function checkVisitedAt(now: Date, plan: { month: Date; estate: { timezone: string } } | null, visitedAt: Date): void {
  if (visitedAt.getTime() > now.getTime() + 60_000) throw new InputError("input.visitedAt", msg("visitInFuture"));
  if (!plan) return;
  const { start, end } = monthBounds(plan.estate.timezone, plan.month.toISOString().slice(0, 10));
  if (visitedAt < start || visitedAt >= end) throw new InputError("input.visitedAt", msg("visitOutsideMonth"));
}

/** The household's opinions: optional, trimmed, bounded. */
export function feedbackText(value: string | null | undefined): string | null {
  const feedback = value?.trim() || null;
  if (feedback && feedback.length > 5000) throw new InputError("input.feedback", msg("visitTextTooLong", { name: "feedback", max: 5000 }));
  return feedback;
}

export interface VisitTarget {
  householdId: string | null;
  /** The household's code (what staff call it; kept in the history of an amendment). */
  householdCode: string | null;
  customerId: string | null;
  area: string | null;
}

/** Exactly one of a household of the plan's estate (with its main contact) or an area, with the matching kind (VIS-1). */
export async function visited(
  ctx: Context,
  input: { householdId: string | null | undefined; area: string | null | undefined; kind: VisitKind | null | undefined },
  estateId: string,
): Promise<VisitTarget> {
  const area = input.area?.trim() || null;
  if (input.householdId && area) throw new InputError("input.area", msg("visitHouseholdOrArea"));
  if (area) {
    if (input.kind !== "AREA") throw new InputError("input.kind", msg("visitAreaKind"));
    if (area.length > 200) throw new InputError("input.area", msg("visitTextTooLong", { name: "area", max: 200 }));
    return { householdId: null, householdCode: null, customerId: null, area };
  }
  if (!input.householdId) throw new InputError("input.householdId", msg("visitTargetNeeded"));
  if (input.kind === "AREA") throw new InputError("input.kind", msg("visitHouseholdNotArea"));
  const household = await ctx.prisma.household.findFirst({
    // Issue 17: a visit is to an active household (an amendment keeping its household does not look it up again).
    where: { id: input.householdId, ...inOrganization(ctx), estateId, active: true },
    select: {
      id: true,
      code: true,
      members: {
        where: { until: null },
        orderBy: [{ isPrimary: "desc" }, { createdAt: "asc" }, { id: "asc" }],
        take: 1,
        select: { customerId: true },
      },
    },
  });
  if (!household) throw new InputError("input.householdId", msg("visitHouseholdNotInEstate"));
  return { householdId: household.id, householdCode: household.code, customerId: household.members[0]?.customerId ?? null, area: null };
}
