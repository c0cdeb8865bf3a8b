import { VisitKind } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import type { RecordRef } from "../../access/disclosure.ts";
import { monthBounds } from "../../domain/visits/visit-month.ts";
import { InputError } from "../../errors/typed-errors.ts";
import { inOrganization } from "../../access/read-scope.ts";

/**
 * What recording a visit (recordVisit) and amending one (amendVisitRecord) share, so that an
 * amendment is held to exactly the rules the visit was recorded under (SEC-6 corrects, it does
 * not open a way around VIS-1's rules).
 */

export const VisitKindEnum = builder.enumType(VisitKind, { name: "VisitKind", description: "VIS-1 kinds of visits" });

type RecordForDecision = { id: string; estateId: string; visitorId: string | null };

/** SEC-2: a visit record is known to cleared staff of its estate and to the visitor. */
export function visitRecordRef(r: RecordForDecision): RecordRef {
  return { recordType: "VISIT_RECORD", id: r.id, classification: "SECRET", estateIds: [r.estateId], assignedStaffIds: r.visitorId ? [r.visitorId] : [] };
}

/** VIS-1: a visit is recorded after it happened, inside its plan's month (the estate's calendar). */
export function checkVisitedAt(ctx: Context, plan: { month: Date; estate: { timezone: string } } | null, visitedAt: Date): void {
  if (visitedAt.getTime() > ctx.now.getTime() + 60_000) throw new InputError("input.visitedAt", "A visit is recorded after it happened");
  if (!plan) return;
  const { start, end } = monthBounds(plan.estate.timezone, plan.month.toISOString().slice(0, 10));
  if (visitedAt < start || visitedAt >= end) throw new InputError("input.visitedAt", "The visit is outside the plan's month");
}

/** The household's opinions: optional, trimmed, bounded. */
export function feedbackText(value: string | null | undefined): string | null {
  const feedback = value?.trim() || null;
  if (feedback && feedback.length > 5000) throw new InputError("input.feedback", "feedback is longer than 5000 characters");
  return feedback;
}

export interface VisitTarget {
  householdId: string | null;
  /** The household's code (what staff call it; kept in the history of an amendment). */
  householdCode: string | null;
  customerId: string | null;
  area: string | null;
}

/** Exactly one of a household of the plan's estate (with its main contact) or an area, with the matching kind. */
export async function visited(ctx: Context, input: { householdId: string | null | undefined; area: string | null | undefined; kind: VisitKind | null | undefined }, estateId: string): Promise<VisitTarget> {
  const area = input.area?.trim() || null;
  if (input.householdId && area) throw new InputError("input.area", "A visit is to a household or to an area, not both");
  if (area) {
    if (input.kind !== "AREA") throw new InputError("input.kind", "An area visit has the kind AREA");
    if (area.length > 200) throw new InputError("input.area", "area is longer than 200 characters");
    return { householdId: null, householdCode: null, customerId: null, area };
  }
  if (!input.householdId) throw new InputError("input.householdId", "Name the household visited, or the area of an area visit");
  if (input.kind === "AREA") throw new InputError("input.kind", "A household visit is not an AREA visit");
  const household = await ctx.prisma.household.findFirst({
    where: { id: input.householdId, ...inOrganization(ctx), estateId },
    select: { id: true, code: true, members: { where: { until: null }, orderBy: [{ isPrimary: "desc" }, { createdAt: "asc" }, { id: "asc" }], take: 1, select: { customerId: true } } },
  });
  if (!household) throw new InputError("input.householdId", "No such household in the plan's estate");
  return { householdId: household.id, householdCode: household.code, customerId: household.members[0]?.customerId ?? null, area: null };
}
