import type { SignedInContext } from "../../access/context.ts";
import { estateFilter, inOrganization } from "../../access/read-scope.ts";
import { METRICS, type MetricKind, type SliceBy } from "../../domain/metrics/catalogue.ts";
import { monthsOverlapping, periodContaining, rangeRefusal, type Period, type PeriodKind } from "../../domain/metrics/periods.ts";
import type { PopulationParams } from "../../domain/metrics/populations.ts";
import type { PolicyRow } from "../../domain/policies/policy-at.ts";
import { localDate } from "../../domain/sla/time-zone.ts";
import { InputCheck, InputError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { visibleTopSecretOf } from "../../access/scopes/top-secret-figures.ts";

/**
 * What every figure of SPEC §11 needs before its SQL runs: the caller's estates (§2), the period
 * in the organisation's timezone (§11 periods), the policy values that judge it (SPEC preamble)
 * and the parameters of the populations, with what the caller may know exists (SEC-2, issue 15
 * item 8). `metrics`, the §12 reports, metricRows and the callback and survey figures all start here.
 */

export interface PeriodInput {
  from?: Date | null;
  to?: Date | null;
  period?: PeriodKind | null;
  /** A day in the period (default today, local). */
  date?: Date | null;
}

export interface Scope {
  organizationId: string;
  organizationName: string;
  timeZone: string;
  /** Estates counted (the caller's, narrowed to those asked for), by code. */
  estates: { id: string; code: string; name: string }[];
  /** For SQL: the estates counted; null = every estate of the organisation (nothing to filter). */
  estateIds: string[] | null;
  /** The estates asked for (row ids), echoed in drill-downs; null = the whole scope. */
  requested: string[] | null;
}

/** §2: the caller's estates, narrowed to `requested` (row ids, each must be in scope); the organisation's timezone. */
export async function resolveScope(
  ctx: SignedInContext,
  requested: readonly string[] | null | undefined,
  field = "input.estateIds",
): Promise<Scope> {
  const org = await ctx.prisma.organization.findUniqueOrThrow({
    where: { id: ctx.organizationId },
    select: { name: true, timezone: true },
  });
  const scope = estateFilter(ctx);
  const asked = requested?.length ? [...new Set(requested)] : null;
  const estates = await ctx.prisma.estate.findMany({
    where: { ...inOrganization(ctx), AND: [scope ? { id: scope } : {}, asked ? { id: { in: asked } } : {}] },
    select: { id: true, code: true, name: true },
    orderBy: { code: "asc" },
  });
  if (asked && estates.length !== asked.length) throw new InputError(field, msg("reportEstateNotInScope"));
  return {
    organizationId: ctx.organizationId,
    organizationName: org.name,
    timeZone: org.timezone,
    estates,
    // Always the explicit list, also for company-level callers: the (organisation, estate, time)
    // indexes then serve organisation-wide periods too (measured: a month's complaints 100 → 13 ms).
    estateIds: estates.map((e) => e.id),
    requested: asked,
  };
}

/** SPEC §11 periods: a period of a kind holding a day, or a range [from, to); every problem of the input at once. */
export function resolvePeriod(input: PeriodInput, timeZone: string, now: Date, field = "input"): Period {
  const check = new InputCheck();
  if (input.period) {
    check.that(!input.from && !input.to, `${field}.period`, msg("reportPeriodOrRange"));
    check.done();
    const day = input.date ? input.date.toISOString().slice(0, 10) : localDate(timeZone, now.getTime());
    return periodContaining(input.period, day, timeZone);
  }
  check.that(!!input.from, `${field}.from`, msg("reportPeriodMissing"));
  check.that(!!input.to, `${field}.to`, msg("reportPeriodMissing"));
  check.done();
  const refusal = rangeRefusal(input.from!, input.to!);
  if (refusal) throw new InputError(`${field}.to`, refusal);
  return { kind: "RANGE", from: input.from!, to: input.to!, label: `${input.from!.toISOString()}/${input.to!.toISOString()}` };
}

/** REC-2's window, a policy value the recurrence rate needs. */
const WINDOW_KEY = "REC-2.windowDays";

/** Every value of the metrics' policy keys and REC-2.windowDays (all periods, defaults and overrides): one query. */
export async function loadPolicies(ctx: SignedInContext, kinds: readonly MetricKind[]): Promise<PolicyRow<number | null>[]> {
  const keys = [...new Set([...kinds.map((k) => METRICS[k].policyKey).filter((k): k is string => !!k), WINDOW_KEY])];
  const rows = await ctx.prisma.policyValue.findMany({
    where: { ...inOrganization(ctx), key: { in: keys } },
    select: { key: true, estateId: true, valueNumeric: true, effectiveFrom: true, effectiveTo: true },
  });
  return rows.map((r) => ({
    key: r.key,
    estateId: r.estateId,
    value: r.valueNumeric === null ? null : Number(r.valueNumeric),
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
  }));
}

export function populationParams(
  ctx: SignedInContext,
  scope: Pick<Scope, "organizationId" | "timeZone" | "estateIds">,
  period: Pick<Period, "from" | "to">,
  sliceBy: SliceBy,
  policies: readonly PolicyRow<number | null>[],
): PopulationParams {
  return {
    organizationId: scope.organizationId,
    from: period.from,
    to: period.to,
    now: ctx.now,
    estateIds: scope.estateIds,
    sliceBy,
    timeZone: scope.timeZone,
    months: monthsOverlapping(period.from, period.to, scope.timeZone),
    windowPolicy: policies
      .filter((r) => r.key === WINDOW_KEY)
      .map((r) => ({ estateId: r.estateId, value: r.value, effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo })),
    // SEC-2, SEC-7, issue 15 item 8: figures count what the caller may know exists — every
    // complaint for the executive, for others the TOP_SECRET ones designated to them at TOP_SECRET
    // (from the viewer of the request: no statement of its own).
    visibleTopSecret: visibleTopSecretOf(ctx.viewer),
  };
}

/**
 * PostgreSQL's JIT compiles a statement whose estimated cost is high; these wide aggregates cost
 * far more to compile than they save (measured on 200 k complaints: every §11 figure of a year in
 * 2.9 s without JIT, 6.7 s with it). Off for the rest of the request's transaction only, once.
 */
const jitOff = new WeakSet<object>();
export async function withoutJit(ctx: SignedInContext): Promise<void> {
  if (jitOff.has(ctx)) return;
  await ctx.prisma.$queryRaw`SELECT set_config('jit', 'off', true)`;
  jitOff.add(ctx);
}
