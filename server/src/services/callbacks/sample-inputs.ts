import type { CallbackSampleKind } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { estateFilter, inEstates, inOrganization } from "../../access/read-scope.ts";
import { policyNumberAt, policyRows } from "../../domain/callbacks/policy-number.ts";
import {
  durationMs,
  monthAfter,
  rateRefusal,
  SAMPLE_RULES,
  storedRate,
  type PopulationMember,
} from "../../domain/callbacks/sample-rules.ts";
import { policyAt } from "../../domain/policies/policy-at.ts";
import { newSeed } from "../../domain/sampling/draw.ts";
import type { InputCheck } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";

export interface DrawCallbackSampleInput {
  kind: CallbackSampleKind;
  /** Row ids. */
  estateId?: string | null;
  communityEventId?: string | null;
  assignedToId?: string | null;
  periodStart: Date;
  periodEnd: Date;
  rate?: number | null;
  seed?: string | null;
  dueAt?: Date | null;
}

export interface SampleEstate {
  estateId: string | null;
  event: { id: string; heldOn: Date } | null;
}

/**
 * CB-3, CB-4: the estate of the sample — the event's, the one given (in scope), the caller's only
 * one, or all. Problems go to `check`.
 */
export async function sampleEstate(ctx: SignedInContext, check: InputCheck, input: DrawCallbackSampleInput): Promise<SampleEstate> {
  const scope = estateFilter(ctx);
  const inScope = (id: string) => !scope || scope.in.includes(id);
  let estateId = input.estateId ?? null;
  if (
    estateId &&
    !(inScope(estateId) && (await ctx.prisma.estate.findFirst({ where: { id: estateId, ...inOrganization(ctx) }, select: { id: true } })))
  ) {
    check.add("input.estateId", msg("callbackSampleEstateScope"));
    estateId = null;
  }
  if (input.kind !== "EVENT") {
    check.that(!input.communityEventId, "input.communityEventId", msg("callbackSampleEventOnly"));
  } else {
    if (!check.that(!!input.communityEventId, "input.communityEventId", msg("callbackSampleEventRequired")))
      return { estateId, event: null };
    const event = await ctx.prisma.communityEvent.findFirst({
      where: { id: input.communityEventId!, ...inEstates(ctx) },
      select: { id: true, estateId: true, heldOn: true },
    });
    if (!check.that(!!event, "input.communityEventId", msg("callbackSampleEventScope"))) return { estateId, event: null };
    check.that(!estateId || estateId === event!.estateId, "input.estateId", msg("callbackSampleEventEstate"));
    return { estateId: event!.estateId, event };
  }
  if (!estateId && !input.estateId && scope) {
    if (check.that(scope.in.length === 1, "input.estateId", msg("callbackSampleNameEstate"))) estateId = scope.in[0]!;
  }
  return { estateId, event: null };
}

/** CB-3, CB-4: the rate (given, or the policy in force at the period's start), the seed and the assignee. */
export async function sampleSettings(ctx: SignedInContext, check: InputCheck, input: DrawCallbackSampleInput, estateId: string | null) {
  const rule = SAMPLE_RULES[input.kind];
  let rate = input.rate ?? null;
  if (rate !== null) {
    const refusal = rateRefusal(rate);
    if (refusal) check.add("input.rate", refusal);
  } else {
    // SPEC preamble: the rate of a period is the policy in force when it began.
    const percent = rule.policyKey
      ? await policyNumberAt(ctx.prisma, ctx.organizationId, rule.policyKey, estateId, input.periodStart)
      : null;
    if (check.that(percent !== null && percent > 0, "input.rate", msg("callbackSampleNoPolicyRate", { kind: input.kind })))
      rate = Math.min(1, percent! / 100);
  }
  const seed = input.seed?.trim() || newSeed();
  check.that(seed.length <= 200, "input.seed", msg("tooLong", { field: "input.seed", max: 200 }));
  check.that(!input.dueAt || input.dueAt > input.periodStart, "input.dueAt", msg("callbackSampleDueAt"));
  let assignee: string | null = null;
  if (input.assignedToId) {
    const staff = await ctx.prisma.staff.findFirst({
      where: {
        id: input.assignedToId,
        ...inOrganization(ctx),
        active: true,
        OR: [{ allEstates: true }, ...(estateId ? [{ estateScopes: { some: { estateId } } }] : [])],
      },
      select: { id: true },
    });
    if (check.that(!!staff, "input.assignedToId", msg("callbackSampleAssignee"))) assignee = staff!.id;
  }
  return { rate: storedRate(rate ?? 0), seed, assignee };
}

/** CB-2: a general callback is made by the estate's property assistant (the first by login). */
export async function propertyAssistants(ctx: SignedInContext, estateIds: string[]): Promise<Map<string, string>> {
  const staff = await ctx.prisma.staff.findMany({
    where: { ...inOrganization(ctx), role: "PROPERTY_ASSISTANT", active: true, estateScopes: { some: { estateId: { in: estateIds } } } },
    select: { id: true, estateScopes: { where: { estateId: { in: estateIds } }, select: { estateId: true } } },
    orderBy: [{ login: "asc" }, { id: "asc" }],
  });
  const byEstate = new Map<string, string>();
  for (const s of staff) for (const e of s.estateScopes) if (!byEstate.has(e.estateId)) byEstate.set(e.estateId, s.id);
  return byEstate;
}

/** The callbacks' deadlines: given, or SLA-11 after each repair (the policy in force then, per estate), or a month after the event (CB-4). */
export async function dueDates(
  ctx: SignedInContext,
  input: DrawCallbackSampleInput,
  members: PopulationMember[],
  event: { heldOn: Date } | null,
): Promise<(Date | null)[]> {
  if (input.dueAt) return members.map(() => input.dueAt!);
  if (event) return members.map(() => monthAfter(event.heldOn));
  if (input.kind !== "REPAIR") return members.map(() => null);
  const rows = await policyRows(ctx.prisma, ctx.organizationId, "SLA-11.repairCallback");
  return members.map((m) => {
    const p = policyAt(rows, "SLA-11.repairCallback", m.estateId, m.resolvedAt!)?.value;
    return new Date(m.resolvedAt!.getTime() + (durationMs(p?.value ?? null, p?.unit ?? null) ?? 7 * 86_400_000));
  });
}
