import type { SignedInContext } from "../../access/context.ts";
import { METRICS, NOT_SET_KEY, ORGANIZATION_KEY, SPEC_METRICS, type MetricKind, type SliceBy } from "../../domain/metrics/catalogue.ts";
import { monthStart, type Period } from "../../domain/metrics/periods.ts";
import { denominatorIsShared, figuresSql, sliceable } from "../../domain/metrics/populations.ts";
import { judge, targetOf, type Judged, type Target } from "../../domain/metrics/targets.ts";
import type { PolicyRow } from "../../domain/policies/policy-at.ts";
import { loadPolicies, populationParams, resolvePeriod, resolveScope, withoutJit, type PeriodInput, type Scope } from "./scope.ts";
import { apiSliceKey, NOT_SET_LABEL, sliceLabels, type Label } from "./slice-keys.ts";

/**
 * Runs the SQL of SPEC §11 for a request: resolves the period (in the organisation's timezone)
 * and the estates (the caller's scope, §2; within them, only the complaints the caller may know
 * exist, SEC-2 and issue 15 item 8: domain/metrics/populations.ts), loads the policy values once,
 * computes every figure in one statement and judges each against the policy in force (SPEC
 * preamble). The number of statements is fixed — scope, policies, figures, slice labels — whatever
 * the number of estates, slices or metrics. One statement after another: the request's
 * transaction is one connection. `metrics` and every §12 report call this (issue 16 item 3: one
 * definition per figure).
 */

export interface MetricsRequest extends PeriodInput {
  sliceBy?: SliceBy | null;
  /** Row ids of estates of the caller's scope (default: all of them). */
  estateIds?: readonly string[] | null;
  metrics?: readonly MetricKind[] | null;
}

export interface DrillDown {
  metric: MetricKind;
  part: string | null;
  from: Date;
  to: Date;
  sliceBy: SliceBy;
  sliceKey: string | null;
  estateIds: string[] | null;
}

export interface FigureData {
  metric: MetricKind;
  part: string | null;
  partLabel: string | null;
  numerator: number;
  denominator: number;
  score: number | null;
  target: Target;
  judged: Judged;
  drillDown: DrillDown;
}

export interface SliceData {
  sliceBy: SliceBy;
  /** The key in the API: a global id, an enum value, "ALL", or null for "no value". */
  key: string | null;
  label: string;
  estateId: string | null;
  figures: FigureData[];
}

export interface MetricsData {
  period: Period;
  sliceBy: SliceBy;
  scope: Scope;
  slices: SliceData[];
  notSliceable: MetricKind[];
}

// ---- figures ----

interface FigureRow {
  metric: MetricKind;
  part: string;
  part_label: string | null;
  slice_key: string;
  numerator: number;
  denominator: number;
  score: number | null;
  judged_at: Date | null;
}

/**
 * SPEC §11: the figures of `kinds` for the period, cut by `sliceBy`, each with its numerator and
 * denominator, the target in force and met/missed, and the drill-down that lists its rows.
 */
export async function computeMetrics(ctx: SignedInContext, request: MetricsRequest, field = "input"): Promise<MetricsData> {
  const scope = await resolveScope(ctx, request.estateIds, `${field}.estateIds`);
  const period = resolvePeriod(request, scope.timeZone, ctx.now, field);
  return metricsFor(
    ctx,
    scope,
    period,
    request.sliceBy ?? "ORGANIZATION",
    request.metrics?.length ? [...new Set(request.metrics)] : [...SPEC_METRICS],
  );
}

/** As computeMetrics, with the scope and period resolved (reports compute several cuts of one scope). */
export async function metricsFor(
  ctx: SignedInContext,
  scope: Scope,
  period: Period,
  sliceBy: SliceBy,
  kinds: readonly MetricKind[],
  policies?: PolicyRow<number | null>[],
): Promise<MetricsData> {
  const cut = kinds.filter((k) => sliceable(k, sliceBy));
  const rules = policies ?? (await loadPolicies(ctx, kinds));
  const p = populationParams(ctx, scope, period, sliceBy, rules);
  if (cut.length) await withoutJit(ctx);
  const rows = cut.length ? await ctx.prisma.$queryRaw<FigureRow[]>(figuresSql(cut, p)) : [];
  return assemble(ctx, scope, period, sliceBy, kinds, rules, p.months, rows);
}

/**
 * A report's company totals and its per-estate figures of the same metrics from one statement
 * (figuresSql's `withTotal`: GROUPING SETS count every row once for the estates and once for the
 * total), each exactly what metricsFor gives cut by ORGANIZATION and by ESTATE.
 */
export async function metricsWithTotals(
  ctx: SignedInContext,
  scope: Scope,
  period: Period,
  kinds: readonly MetricKind[],
  policies?: PolicyRow<number | null>[],
): Promise<{ totals: MetricsData; byEstate: MetricsData }> {
  // Every metric can be cut by organisation and by estate (catalogue), but keep the rule general.
  const cut = kinds.filter((k) => sliceable(k, "ESTATE") && sliceable(k, "ORGANIZATION"));
  if (cut.length !== kinds.length) {
    return {
      totals: await metricsFor(ctx, scope, period, "ORGANIZATION", kinds, policies),
      byEstate: await metricsFor(ctx, scope, period, "ESTATE", kinds, policies),
    };
  }
  const rules = policies ?? (await loadPolicies(ctx, kinds));
  const p = populationParams(ctx, scope, period, "ESTATE", rules);
  if (cut.length) await withoutJit(ctx);
  const rows = cut.length ? await ctx.prisma.$queryRaw<FigureRow[]>(figuresSql(cut, p, true)) : [];
  const total = rows.filter((r) => r.slice_key === ORGANIZATION_KEY);
  const estates = rows.filter((r) => r.slice_key !== ORGANIZATION_KEY);
  return {
    totals: await assemble(ctx, scope, period, "ORGANIZATION", kinds, rules, p.months, total),
    byEstate: await assemble(ctx, scope, period, "ESTATE", kinds, rules, p.months, estates),
  };
}

/** The figures of the rows of figuresSql: every slice, every metric and part, judged. */
async function assemble(
  ctx: SignedInContext,
  scope: Scope,
  period: Period,
  sliceBy: SliceBy,
  kinds: readonly MetricKind[],
  rules: readonly PolicyRow<number | null>[],
  months: readonly string[],
  rows: FigureRow[],
): Promise<MetricsData> {
  const cut = kinds.filter((k) => sliceable(k, sliceBy));
  const notSliceable = kinds.filter((k) => !sliceable(k, sliceBy));
  const p = { months };
  const keys = new Set(rows.map((r) => r.slice_key));
  if (sliceBy === "ESTATE") for (const e of scope.estates) keys.add(e.id);
  if (sliceBy === "ORGANIZATION") keys.add(ORGANIZATION_KEY);
  const labels = await sliceLabels(ctx, sliceBy, [...keys], scope);

  // Every slice shows every metric; a metric with parts shows the parts seen anywhere (every month for visits).
  const parts = new Map<MetricKind, Map<string, string | null>>();
  for (const k of cut)
    parts.set(k, new Map(METRICS[k].partOf === "MONTH" ? p.months.map((m) => [m, null]) : METRICS[k].partOf ? [] : [["", null]]));
  for (const r of rows) if (!parts.get(r.metric)!.has(r.part) || r.part_label) parts.get(r.metric)!.set(r.part, r.part_label);
  const byKey = new Map(rows.map((r) => [`${r.metric}|${r.part}|${r.slice_key}`, r]));
  // A slice without rows of a metric whose denominator is the scope's (households under a
  // category slice, §11) still has that denominator: 0 of it, not 0 of 0.
  const shared = new Map(rows.filter((r) => denominatorIsShared(r.metric, sliceBy)).map((r) => [`${r.metric}|${r.part}`, r.denominator]));

  const slices: SliceData[] = [...keys].sort(sliceOrder(labels)).map((key) => {
    const label = labels.get(key);
    const estateId = label?.estateId ?? null;
    const figures = cut.flatMap((metric) =>
      [...parts.get(metric)!.entries()]
        .sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true }))
        .map(([part, partLabel]): FigureData => {
          const r = byKey.get(`${metric}|${part}|${key}`);
          const numerator = r?.numerator ?? 0;
          const denominator = r?.denominator ?? shared.get(`${metric}|${part}`) ?? 0;
          const at = r?.judged_at ?? (METRICS[metric].partOf === "MONTH" ? monthStart(part, scope.timeZone) : period.from);
          const target = targetOf(metric, rules, estateId, at);
          return {
            metric,
            part: part || null,
            partLabel,
            numerator,
            denominator,
            score: r?.score ?? null,
            target,
            judged: judge(numerator, denominator, target),
            drillDown: {
              metric,
              part: part || null,
              from: period.from,
              to: period.to,
              sliceBy,
              sliceKey: apiSliceKey(sliceBy, key),
              estateIds: scope.requested,
            },
          };
        }),
    );
    return {
      sliceBy,
      key: apiSliceKey(sliceBy, key),
      label: key === NOT_SET_KEY ? NOT_SET_LABEL : (label?.label ?? key),
      estateId,
      figures,
    };
  });
  return { period, sliceBy, scope, slices, notSliceable };
}

function sliceOrder(labels: Map<string, Label>) {
  // The "no value" slice last; the others by label.
  return (a: string, b: string) =>
    a === NOT_SET_KEY ? 1 : b === NOT_SET_KEY ? -1 : (labels.get(a)?.label ?? a).localeCompare(labels.get(b)?.label ?? b, "zh");
}
