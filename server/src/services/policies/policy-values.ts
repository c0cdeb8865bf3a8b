import type { PolicyUnit } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { inOrganization } from "../../access/read-scope.ts";
import { InputCheck, InputError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { recordAdminChange } from "../admin/change-log.ts";

export type PolicyClock = "WORKING" | "WALL";

export interface SetPolicyValueInput {
  key: string;
  /** An estate's row id for its override; null for the organisation default. */
  estateId: string | null;
  value: number;
  unit: PolicyUnit;
  clock: PolicyClock | null;
  effectiveFrom: Date | null;
  note: string | null;
}

const KEY = /^(?:[A-Z]+-\d+|KPI)\.[A-Za-z]+$/;
const DURATIONS: readonly PolicyUnit[] = ["MINUTES", "HOURS", "WORKING_HOURS", "DAYS", "WORKING_DAYS"];

/** Preamble, §6: every bad field of a policy value at once (issue 16). */
function checkValue(input: SetPolicyValueInput, from: Date, now: Date): void {
  const check = new InputCheck();
  const duration = DURATIONS.includes(input.unit);
  check.that(KEY.test(input.key), "input.key", msg("policyKey"));
  check.that(from.getTime() >= now.getTime() - 60_000, "input.effectiveFrom", msg("policyNotInPast"));
  if (check.that(Number.isFinite(input.value) && input.value >= 0, "input.value", msg("policyNonNegative"))) {
    check.that(input.unit !== "PERCENT" || input.value <= 100, "input.value", msg("policyPercent"));
  }
  // The SLA clock counts working hours, not working days (whose length differs by calendar).
  check.that(!(input.key.startsWith("SLA-") && input.unit === "WORKING_DAYS"), "input.unit", msg("policySlaUnit"));
  if (check.that(!input.clock || duration, "input.clock", msg("policyClockOnlyDuration"))) {
    check.that(!(input.unit === "WORKING_HOURS" && input.clock === "WALL"), "input.clock", msg("policyWorkingHoursClock"));
  }
  check.done();
}

/**
 * SPEC preamble, §6: a new policy value from a date on (now or later); the value in force before
 * is closed where the new one begins, so a new value never rewrites how a past period is judged.
 * Returns the new value's id.
 */
export async function setPolicyValue(ctx: SignedInContext, input: SetPolicyValueInput): Promise<string> {
  const from = input.effectiveFrom ?? ctx.now;
  checkValue(input, from, ctx.now);
  const estateId = input.estateId;
  if (estateId && !(await ctx.prisma.estate.findFirst({ where: { id: estateId, ...inOrganization(ctx) }, select: { id: true } })))
    throw new InputError("input.estateId", msg("noSuchEstate"));
  const same = { ...inOrganization(ctx), key: input.key, estateId };
  if (await ctx.prisma.policyValue.findFirst({ where: { ...same, effectiveFrom: from }, select: { id: true } }))
    throw new InputError("input.effectiveFrom", msg("policySameInstant"));
  // The value in force at `from` ends there; a value already scheduled later bounds the new one.
  const superseded = await ctx.prisma.policyValue.findMany({
    where: { ...same, effectiveFrom: { lt: from }, OR: [{ effectiveTo: null }, { effectiveTo: { gt: from } }] },
    select: { id: true, effectiveTo: true },
  });
  await ctx.prisma.policyValue.updateMany({
    where: { id: { in: superseded.map((r) => r.id) } },
    data: { effectiveTo: from, version: { increment: 1 } },
  });
  for (const r of superseded) {
    await recordAdminChange(ctx, {
      entity: "POLICY_VALUE",
      entityId: r.id,
      action: "UPDATE",
      before: { key: input.key, estateId, effectiveTo: r.effectiveTo },
      after: { key: input.key, estateId, effectiveTo: from },
    });
  }
  const next = await ctx.prisma.policyValue.findFirst({
    where: { ...same, effectiveFrom: { gt: from } },
    orderBy: { effectiveFrom: "asc" },
    select: { effectiveFrom: true },
  });
  const duration = DURATIONS.includes(input.unit);
  const created = await ctx.prisma.policyValue.create({
    data: {
      ...same,
      valueNumeric: input.value,
      unit: input.unit,
      clock: input.clock ?? (input.unit === "WORKING_HOURS" ? "WORKING" : duration ? "WALL" : null),
      effectiveFrom: from,
      effectiveTo: next?.effectiveFrom ?? null,
      note: input.note?.trim() || null,
      createdById: ctx.viewer.staffId,
    },
  });
  await recordAdminChange(ctx, {
    entity: "POLICY_VALUE",
    entityId: created.id,
    action: "CREATE",
    after: {
      key: created.key,
      estateId,
      value: input.value,
      unit: created.unit,
      clock: created.clock,
      effectiveFrom: from,
      effectiveTo: created.effectiveTo,
      note: created.note,
    },
  });
  return created.id;
}
