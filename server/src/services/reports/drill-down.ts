import type { SignedInContext } from "../../access/context.ts";
import { METRICS, rowTypeOf, type MetricKind, type RowType, type SliceBy } from "../../domain/metrics/catalogue.ts";
import type { PeriodKind } from "../../domain/metrics/periods.ts";
import { drillCountSql, drillPageSql, sliceable, type DrillFilter, type PopulationParams } from "../../domain/metrics/populations.ts";
import { InputCheck } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { loadPolicies, populationParams, resolvePeriod, resolveScope, withoutJit } from "./scope.ts";
import { sqlSliceKey } from "./slice-keys.ts";

/**
 * §11 drill-down: the rows behind any figure, from the very SQL population the figure groups
 * (domain/metrics/populations.ts), filtered to one part and slice, so a list and its figure cannot
 * disagree. A figure counts only what the caller may know exists (SEC-2, SEC-7, issue 15 item 8).
 */

export interface DrillInput {
  metric: MetricKind;
  part?: string | null;
  from?: Date | null;
  to?: Date | null;
  period?: PeriodKind | null;
  date?: Date | null;
  sliceBy?: SliceBy | null;
  sliceKey?: string | null;
  /** Row ids of estates of the caller's scope. */
  estateIds?: readonly string[] | null;
  numeratorOnly?: boolean | null;
}

export interface DrillDownRows {
  metric: MetricKind;
  part: string | null;
  sliceBy: SliceBy;
  sliceKey: string | null;
  numeratorOnly: boolean;
  rowType: RowType;
  total: number;
  params: PopulationParams;
  filter: DrillFilter;
}

/** Checks the input (every problem at once), resolves scope and period, and counts the rows behind the figure. */
export async function openDrillDown(ctx: SignedInContext, input: DrillInput): Promise<DrillDownRows> {
  const { metric } = input;
  const sliceBy = input.sliceBy ?? "ORGANIZATION";
  const numeratorOnly = input.numeratorOnly ?? false;
  const check = new InputCheck();
  check.that(sliceable(metric, sliceBy), "input.sliceBy", msg("reportMetricNotSliceable", { metric, sliceBy }));
  const rowType = rowTypeOf(metric, numeratorOnly);
  check.that(rowType !== null, "input.numeratorOnly", msg("reportDenominatorNotRows", { metric }));
  const partOf = METRICS[metric].partOf;
  const part = input.part?.trim() || null;
  if (partOf) check.that(!!part, "input.part", msg("reportPartRequired", { metric, partOf: partOf.toLowerCase() }));
  else check.that(!part, "input.part", msg("reportNoParts", { metric }));
  const sliceKey = check.run(() => sqlSliceKey(sliceBy, input.sliceKey, "input.sliceKey"));
  const scope = await check.runAsync(() => resolveScope(ctx, input.estateIds, "input.estateIds"));
  const period = scope ? check.run(() => resolvePeriod(input, scope.timeZone, ctx.now)) : undefined;
  check.done();
  // REC-2's window comes from the policy values, as for the figure.
  const params = populationParams(ctx, scope!, period!, sliceBy, await loadPolicies(ctx, [metric]));
  const filter: DrillFilter = { part: part ?? "", sliceKey: sliceKey!, side: numeratorOnly ? "numerator" : "denominator" };
  await withoutJit(ctx);
  const [counts] = await ctx.prisma.$queryRaw<{ total: number }[]>(drillCountSql(metric, params, filter));
  return {
    metric,
    part,
    sliceBy,
    sliceKey: input.sliceKey ?? null,
    numeratorOnly,
    rowType: rowType!,
    total: counts?.total ?? 0,
    params,
    filter,
  };
}

/** One page of the rows behind the figure, in a stable order: row, node and whether it counts in the numerator. */
export function drillPage(
  ctx: SignedInContext,
  rows: DrillDownRows,
  offset: number,
  limit: number,
): Promise<{ row_id: string; node_id: string; in_num: boolean }[]> {
  return ctx.prisma.$queryRaw(drillPageSql(rows.metric, rows.params, rows.filter, offset, limit));
}
