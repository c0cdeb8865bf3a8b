import { encodeGlobalID, decodeGlobalID } from "@pothos/plugin-relay";
import { ComplaintChannel, ComplaintSeverity, Prisma } from "@tingjian/prisma/client";
import type { Context } from "../../access/context.ts";
import {
  EVERY_SLICE_KEY, METRICS, NOT_SET_KEY, ORGANIZATION_KEY, SLICE_NODE_TYPE, SPEC_METRICS, type MetricKind, type SliceBy,
} from "../../domain/metrics/catalogue.ts";
import { CHANNEL_LABELS, NOT_SET_LABEL, SEVERITY_LABELS } from "../../domain/metrics/labels.ts";
import { monthStart, monthsOverlapping, periodContaining, rangeRefusal, type Period, type PeriodKind } from "../../domain/metrics/periods.ts";
import { denominatorIsShared, figuresSql, sliceable, type PopulationParams } from "../../domain/metrics/populations.ts";
import { judge, targetOf, type Judged, type Target } from "../../domain/metrics/targets.ts";
import { visibleTopSecretOf } from "../../domain/metrics/visibility.ts";
import type { PolicyRow } from "../../domain/policies/policy-at.ts";
import { localDate } from "../../domain/sla/time-zone.ts";
import { InputError } from "../../errors/typed-errors.ts";
import { estateFilter, inOrganization } from "../../access/read-scope.ts";

/**
 * Runs the SQL of SPEC §11 for a request: resolves the period (in the organisation's timezone)
 * and the estates (the caller's scope, §2; within them, only the complaints the caller may know
 * exist, SEC-2 and issue 15 item 8: populations.ts), loads the policy values once, computes every figure
 * in one statement and judges each against the policy in force (SPEC preamble). The number of
 * statements is fixed — scope, policies, figures, slice labels — whatever the number of estates,
 * slices or metrics. One statement after another: the request's transaction is one connection.
 */

export interface PeriodInput {
  from?: Date | null;
  to?: Date | null;
  period?: PeriodKind | null;
  /** A day in the period (default today, local). */
  date?: Date | null;
}

export interface MetricsRequest extends PeriodInput {
  sliceBy?: SliceBy | null;
  estateIds?: readonly { id: string }[] | null;
  metrics?: readonly MetricKind[] | null;
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

// ---- scope and period ----

/** §2: the caller's estates, narrowed to `requested` (each must be in scope); the organisation's timezone. */
export async function resolveScope(ctx: Context, requested: readonly { id: string }[] | null | undefined, field = "input.estateIds"): Promise<Scope> {
  const org = await ctx.prisma.organization.findUniqueOrThrow({ where: { id: ctx.organizationId! }, select: { name: true, timezone: true } });
  const scope = estateFilter(ctx);
  const asked = requested?.length ? [...new Set(requested.map((e) => e.id))] : null;
  const estates = await ctx.prisma.estate.findMany({
    where: { ...inOrganization(ctx), AND: [scope ? { id: scope } : {}, asked ? { id: { in: asked } } : {}] },
    select: { id: true, code: true, name: true },
    orderBy: { code: "asc" },
  });
  if (asked && estates.length !== asked.length) throw new InputError(field, "No such estate in your scope");
  return {
    organizationId: ctx.organizationId!, organizationName: org.name, timeZone: org.timezone, estates,
    // Always the explicit list, also for company-level callers: the (organisation, estate, time)
    // indexes then serve organisation-wide periods too (measured: a month's complaints 100 → 13 ms).
    estateIds: estates.map((e) => e.id), requested: asked,
  };
}

/** SPEC §11 periods: a period of a kind holding a day, or a range [from, to). */
export function resolvePeriod(input: PeriodInput, timeZone: string, now: Date, field = "input"): Period {
  if (input.period) {
    if (input.from || input.to) throw new InputError(`${field}.period`, "Give a period, or from and to, not both");
    const day = input.date ? input.date.toISOString().slice(0, 10) : localDate(timeZone, now.getTime());
    return periodContaining(input.period, day, timeZone);
  }
  if (!input.from || !input.to) throw new InputError(`${field}.from`, "Give from and to, or a period");
  const refusal = rangeRefusal(input.from, input.to);
  if (refusal) throw new InputError(`${field}.to`, refusal);
  return { kind: "RANGE", from: input.from, to: input.to, label: `${input.from.toISOString()}/${input.to.toISOString()}` };
}

// ---- policies ----

/** REC-2's window, a policy value the recurrence rate needs. */
const WINDOW_KEY = "REC-2.windowDays";

/** Every value of the metrics' policy keys and REC-2.windowDays (all periods, defaults and overrides): one query. */
export async function loadPolicies(ctx: Context, kinds: readonly MetricKind[]): Promise<PolicyRow<number | null>[]> {
  const keys = [...new Set([...kinds.map((k) => METRICS[k].policyKey).filter((k): k is string => !!k), WINDOW_KEY])];
  const rows = await ctx.prisma.policyValue.findMany({
    where: { ...inOrganization(ctx), key: { in: keys } },
    select: { key: true, estateId: true, valueNumeric: true, effectiveFrom: true, effectiveTo: true },
  });
  return rows.map((r) => ({ key: r.key, estateId: r.estateId, value: r.valueNumeric === null ? null : Number(r.valueNumeric), effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo }));
}

export function populationParams(ctx: Context, scope: Scope, period: Period, sliceBy: SliceBy, policies: readonly PolicyRow<number | null>[]): PopulationParams {
  return {
    organizationId: scope.organizationId, from: period.from, to: period.to, now: ctx.now, estateIds: scope.estateIds, sliceBy, timeZone: scope.timeZone,
    months: monthsOverlapping(period.from, period.to, scope.timeZone),
    windowPolicy: policies.filter((r) => r.key === WINDOW_KEY).map((r) => ({ estateId: r.estateId, value: r.value, effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo })),
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
const jitOff = new WeakSet<Context>();
export async function withoutJit(ctx: Context): Promise<void> {
  if (jitOff.has(ctx)) return;
  await ctx.prisma.$queryRaw`SELECT set_config('jit', 'off', true)`;
  jitOff.add(ctx);
}

// ---- slice keys ----

/** The API form of a slice key: global ids for rows, enum values as they are, null for "no value". */
export function apiSliceKey(by: SliceBy, raw: string): string | null {
  if (raw === NOT_SET_KEY) return null;
  if (by === "ORGANIZATION") return ORGANIZATION_KEY;
  const type = SLICE_NODE_TYPE[by];
  return type ? encodeGlobalID(type, raw) : raw;
}

/** The SQL form of a slice key given by a caller (a drill-down). */
export function sqlSliceKey(by: SliceBy, key: string | null | undefined, field: string): string {
  if (by === "ORGANIZATION") return ORGANIZATION_KEY;
  if (key === null || key === undefined || key === "") return NOT_SET_KEY;
  const type = SLICE_NODE_TYPE[by];
  if (type) {
    let decoded: { typename: string; id: string };
    try {
      decoded = decodeGlobalID(key);
    } catch {
      throw new InputError(field, `A ${type} id`);
    }
    if (decoded.typename !== type || !/^[0-9a-f-]{36}$/i.test(decoded.id)) throw new InputError(field, `A ${type} id`);
    return decoded.id.toLowerCase();
  }
  const values: readonly string[] = by === "CHANNEL" ? Object.values(ComplaintChannel) : Object.values(ComplaintSeverity);
  if (!values.includes(key)) throw new InputError(field, `One of ${values.join(", ")}`);
  return key;
}

interface Label { label: string; estateId: string | null }

/** Labels of the slices (one query for row slices; none for estates, which the scope holds, or enum slices). */
async function sliceLabels(ctx: Context, by: SliceBy, keys: string[], scope: Scope): Promise<Map<string, Label>> {
  const out = new Map<string, Label>();
  const ids = keys.filter((k) => k !== NOT_SET_KEY && k !== EVERY_SLICE_KEY);
  if (by === "ORGANIZATION") out.set(ORGANIZATION_KEY, { label: scope.organizationName, estateId: scope.estates.length === 1 ? scope.estates[0]!.id : null });
  else if (by === "CHANNEL") for (const k of ids) out.set(k, { label: CHANNEL_LABELS[k] ?? k, estateId: null });
  else if (by === "SEVERITY") for (const k of ids) out.set(k, { label: SEVERITY_LABELS[k] ?? k, estateId: null });
  else if (by === "ESTATE") {
    for (const e of scope.estates) out.set(e.id, { label: e.name, estateId: e.id });
  } else if (ids.length) {
    const rows = await ctx.prisma.$queryRaw<{ key: string; label: string; estate_id: string | null }[]>(
      by === "BUILDING" ? labelSql.BUILDING(ids) : by === "DEPARTMENT" ? labelSql.DEPARTMENT(ids) : by === "CATEGORY" ? labelSql.CATEGORY(ids) : labelSql.STAFF(ids));
    for (const r of rows) out.set(r.key, { label: r.label, estateId: r.estate_id });
  }
  return out;
}

const labelSql = {
  BUILDING: (ids: string[]) => Prisma.sql`SELECT b.id::text AS key, e.name || ' ' || b.name AS label, b.estate_id::text AS estate_id FROM buildings b JOIN estates e ON e.id = b.estate_id WHERE b.id = ANY(${ids}::uuid[])`,
  DEPARTMENT: (ids: string[]) => Prisma.sql`SELECT d.id::text AS key, d.name AS label, NULL::text AS estate_id FROM departments d WHERE d.id = ANY(${ids}::uuid[])`,
  CATEGORY: (ids: string[]) => Prisma.sql`SELECT c.id::text AS key, coalesce(p.name || ' › ', '') || c.name AS label, NULL::text AS estate_id FROM categories c LEFT JOIN categories p ON p.id = c.parent_id WHERE c.id = ANY(${ids}::uuid[])`,
  // A slice by staff names the staff member (allowed, §11); never a customer.
  STAFF: (ids: string[]) => Prisma.sql`SELECT s.id::text AS key, s.display_name AS label, NULL::text AS estate_id FROM staff s WHERE s.id = ANY(${ids}::uuid[])`,
};

// ---- figures ----

interface FigureRow { metric: MetricKind; part: string; part_label: string | null; slice_key: string; numerator: number; denominator: number; score: number | null; judged_at: Date | null }

/**
 * SPEC §11: the figures of `kinds` for the period, cut by `sliceBy`, each with its numerator and
 * denominator, the target in force and met/missed, and the drill-down that lists its rows.
 */
export async function computeMetrics(ctx: Context, request: MetricsRequest, field = "input"): Promise<MetricsData> {
  const scope = await resolveScope(ctx, request.estateIds, `${field}.estateIds`);
  const period = resolvePeriod(request, scope.timeZone, ctx.now, field);
  return metricsFor(ctx, scope, period, request.sliceBy ?? "ORGANIZATION", request.metrics?.length ? [...new Set(request.metrics)] : [...SPEC_METRICS]);
}

/** As computeMetrics, with the scope and period resolved (reports compute several cuts of one scope). */
export async function metricsFor(ctx: Context, scope: Scope, period: Period, sliceBy: SliceBy, kinds: readonly MetricKind[], policies?: PolicyRow<number | null>[]): Promise<MetricsData> {
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
export async function metricsWithTotals(ctx: Context, scope: Scope, period: Period, kinds: readonly MetricKind[], policies?: PolicyRow<number | null>[]): Promise<{ totals: MetricsData; byEstate: MetricsData }> {
  // Every metric can be cut by organisation and by estate (catalogue), but keep the rule general.
  const cut = kinds.filter((k) => sliceable(k, "ESTATE") && sliceable(k, "ORGANIZATION"));
  if (cut.length !== kinds.length) {
    return { totals: await metricsFor(ctx, scope, period, "ORGANIZATION", kinds, policies), byEstate: await metricsFor(ctx, scope, period, "ESTATE", kinds, policies) };
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
async function assemble(ctx: Context, scope: Scope, period: Period, sliceBy: SliceBy, kinds: readonly MetricKind[], rules: readonly PolicyRow<number | null>[], months: readonly string[], rows: FigureRow[]): Promise<MetricsData> {
  const cut = kinds.filter((k) => sliceable(k, sliceBy));
  const notSliceable = kinds.filter((k) => !sliceable(k, sliceBy));
  const p = { months };
  const keys = new Set(rows.map((r) => r.slice_key));
  if (sliceBy === "ESTATE") for (const e of scope.estates) keys.add(e.id);
  if (sliceBy === "ORGANIZATION") keys.add(ORGANIZATION_KEY);
  const labels = await sliceLabels(ctx, sliceBy, [...keys], scope);

  // Every slice shows every metric; a metric with parts shows the parts seen anywhere (every month for visits).
  const parts = new Map<MetricKind, Map<string, string | null>>();
  for (const k of cut) parts.set(k, new Map(METRICS[k].partOf === "MONTH" ? p.months.map((m) => [m, null]) : METRICS[k].partOf ? [] : [["", null]]));
  for (const r of rows) if (!parts.get(r.metric)!.has(r.part) || r.part_label) parts.get(r.metric)!.set(r.part, r.part_label);
  const byKey = new Map(rows.map((r) => [`${r.metric}|${r.part}|${r.slice_key}`, r]));
  // A slice without rows of a metric whose denominator is the scope's (households under a
  // category slice, §11) still has that denominator: 0 of it, not 0 of 0.
  const shared = new Map(rows.filter((r) => denominatorIsShared(r.metric, sliceBy)).map((r) => [`${r.metric}|${r.part}`, r.denominator]));

  const slices: SliceData[] = [...keys].sort(sliceOrder(labels)).map((key) => {
    const label = labels.get(key);
    const estateId = label?.estateId ?? null;
    const figures = cut.flatMap((metric) => [...parts.get(metric)!.entries()].sort(([a], [b]) => a.localeCompare(b, "en", { numeric: true })).map(([part, partLabel]): FigureData => {
      const r = byKey.get(`${metric}|${part}|${key}`);
      const numerator = r?.numerator ?? 0;
      const denominator = r?.denominator ?? shared.get(`${metric}|${part}`) ?? 0;
      const at = r?.judged_at ?? (METRICS[metric].partOf === "MONTH" ? monthStart(part, scope.timeZone) : period.from);
      const target = targetOf(metric, rules, estateId, at);
      return {
        metric, part: part || null, partLabel, numerator, denominator, score: r?.score ?? null, target, judged: judge(numerator, denominator, target),
        drillDown: { metric, part: part || null, from: period.from, to: period.to, sliceBy, sliceKey: apiSliceKey(sliceBy, key), estateIds: scope.requested },
      };
    }));
    return { sliceBy, key: apiSliceKey(sliceBy, key), label: key === NOT_SET_KEY ? NOT_SET_LABEL : label?.label ?? key, estateId, figures };
  });
  return { period, sliceBy, scope, slices, notSliceable };
}

function sliceOrder(labels: Map<string, Label>) {
  // The "no value" slice last; the others by label.
  return (a: string, b: string) => (a === NOT_SET_KEY ? 1 : b === NOT_SET_KEY ? -1 : (labels.get(a)?.label ?? a).localeCompare(labels.get(b)?.label ?? b, "zh"));
}

/**
 * CB-1 callback rate of a period over estates (null = all), as CB-10's monthly statistics report
 * it: the same SQL as the `metrics` figure (populations.ts), cut by organisation.
 */
export async function callbackRateRatio(ctx: Context, from: Date, to: Date, estateIds: string[] | null): Promise<{ numerator: number; denominator: number }> {
  const period: Period = { kind: "RANGE", from, to, label: "" };
  const scope: Scope = { organizationId: ctx.organizationId!, organizationName: "", timeZone: "Asia/Shanghai", estates: [], estateIds, requested: null };
  const p = populationParams(ctx, scope, period, "ORGANIZATION", []);
  const [row] = await ctx.prisma.$queryRaw<FigureRow[]>(figuresSql(["CALLBACK_RATE"], p));
  return { numerator: row?.numerator ?? 0, denominator: row?.denominator ?? 0 };
}
