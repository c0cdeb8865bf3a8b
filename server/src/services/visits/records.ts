import type { Prisma, VisitKind } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { inEstates, inOrganization } from "../../access/read-scope.ts";
import { monthOfInstant } from "../../domain/visits/visit-month.ts";
import { InputCheck, InputError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { checkVisitedAt, feedbackText, visited } from "./record-rules.ts";
import { visitScope } from "../../access/scopes/visits.ts";

export interface RecordVisitInput {
  /** The month's plan; or the office, and the plan of the visit's month is used. */
  planId?: string | null;
  officeId?: string | null;
  householdId?: string | null;
  area?: string | null;
  kind?: VisitKind | null;
  visitedAt: Date;
  content: string;
  feedback?: string | null;
  satisfied?: boolean | null;
  resolved?: boolean | null;
  signed?: boolean | null;
}

const PLAN_SELECT = {
  id: true,
  officeId: true,
  estateId: true,
  month: true,
  status: true,
  estate: { select: { timezone: true } },
} as const;

/** The office's plan of the month the visit falls in (the estate's calendar). */
async function planOfOffice(ctx: SignedInContext, officeId: string, visitedAt: Date) {
  const office = await ctx.prisma.office.findFirst({
    where: { id: officeId, ...inEstates(ctx) },
    select: { id: true, estate: { select: { timezone: true } } },
  });
  if (!office) throw new InputError("input.officeId", msg("visitOfficeNotInScope"));
  const month = monthOfInstant(office.estate.timezone, visitedAt);
  const plan = await ctx.prisma.visitPlan.findFirst({
    where: { ...inOrganization(ctx), officeId: office.id, month: new Date(`${month}T00:00:00Z`) },
    select: PLAN_SELECT,
  });
  if (!plan) throw new InputError("input.officeId", msg("visitPlanMissing", { month: month.slice(0, 7) }));
  return plan;
}

/** The plan the visit belongs to: the one named, or the office's plan of the visit's month; still open (VIS-2). */
async function planFor(ctx: SignedInContext, input: RecordVisitInput) {
  const field = input.planId ? "input.planId" : "input.officeId";
  if (input.planId && input.officeId) throw new InputError("input.officeId", msg("visitPlanOrOffice"));
  if (!input.planId && !input.officeId) throw new InputError("input.planId", msg("visitPlanOrOfficeNeeded"));
  const plan = input.planId
    ? await ctx.prisma.visitPlan.findFirst({ where: { id: input.planId, AND: [visitScope(ctx)] }, select: PLAN_SELECT })
    : await planOfOffice(ctx, input.officeId!, input.visitedAt);
  if (!plan) throw new InputError(field, msg("visitPlanNotInScope"));
  if (plan.status === "REVIEWED") throw new InputError(field, msg("visitPlanSigned"));
  return plan;
}

/**
 * VIS-1: records a household (or area) visit in the month's plan; the caller is the visitor.
 * Every bad field is reported at once (one InputError) before anything is written. Returns the
 * record's id.
 */
export async function recordVisit(ctx: SignedInContext, input: RecordVisitInput): Promise<string> {
  const check = new InputCheck();
  const plan = await check.runAsync(() => planFor(ctx, input));
  check.run(() => checkVisitedAt(ctx.now, plan ?? null, input.visitedAt));
  const target = plan
    ? await check.runAsync(() => visited(ctx, { householdId: input.householdId, area: input.area, kind: input.kind }, plan.estateId))
    : undefined;
  const content = check.text(input.content, "input.content", 5000);
  const feedback = check.run(() => feedbackText(input.feedback)) ?? null;
  check.done();
  const { householdCode: _code, ...where } = target!;
  const data: Prisma.VisitRecordUncheckedCreateInput = {
    organizationId: ctx.organizationId,
    planId: plan!.id,
    officeId: plan!.officeId,
    estateId: plan!.estateId,
    ...where,
    kind: input.kind ?? "ROUTINE",
    visitedAt: input.visitedAt,
    visitorId: ctx.viewer.staffId,
    content,
    feedback,
    satisfied: input.satisfied ?? null,
    resolved: input.resolved ?? null,
    signed: input.signed ?? false,
    createdAt: ctx.now,
  };
  const created = await ctx.prisma.visitRecord.create({ data, select: { id: true } });
  return created.id;
}
