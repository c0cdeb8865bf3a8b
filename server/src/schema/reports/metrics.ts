import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../../builder.ts";
import { METRIC_KINDS, METRICS, SLICES, type MetricKind } from "../../domain/metrics/catalogue.ts";
import { computeMetrics, type DrillDown, type FigureData, type MetricsData, type SliceData } from "./engine.ts";

/**
 * SPEC §11 as one query: every metric, per slice, with numerator, denominator, rate, the target of
 * the policy in force then and met/missed, and the drill-down (metricRows) behind each figure.
 * Figures need "reports:read"; they count the records of the caller's estates that the caller may
 * know exist — a TOP_SECRET complaint (and what hangs off it) only for the executive and those
 * designated at TOP_SECRET (SEC-2, SEC-7, issue 15 item 8), so a figure always equals the rows the
 * caller can list — and name no customer (SEC-7: a slice is a place, a category, a channel, a
 * severity, a department or a staff member, never a person served).
 */
export const MetricKindEnum = builder.enumType("MetricKind", {
  description: "SPEC §11 metrics (and two breakdowns of §12 reports)",
  values: Object.fromEntries(METRIC_KINDS.map((k) => [k, { value: k, description: METRICS[k].definition }])) as unknown as Record<MetricKind, { value: MetricKind }>,
});

export const MetricSliceByEnum = builder.enumType("MetricSliceBy", {
  description: "§11 slices: by staff is the responsible person of a complaint, who called back, who visited, who handed out the questionnaire",
  values: SLICES,
});

export const ReportPeriodKindEnum = builder.enumType("ReportPeriodKind", { description: "§11 periods (weeks for the weekly report, §12)", values: ["WEEK", "MONTH", "QUARTER", "HALF_YEAR", "YEAR"] as const });
const TargetDirectionEnum = builder.enumType("TargetDirection", { description: "The target is a floor (at least) or a ceiling (at most, e.g. CB-5 phone share)", values: ["AT_LEAST", "AT_MOST"] as const });

export const MetricDrillDownRef = builder.objectRef<DrillDown>("MetricDrillDown").implement({
  description: "The arguments of metricRows that list the rows behind a figure (the same SQL filter as the figure)",
  fields: (t) => ({
    metric: t.field({ type: MetricKindEnum, resolve: (d) => d.metric }),
    part: t.exposeString("part", { nullable: true }),
    from: t.expose("from", { type: "DateTime" }),
    to: t.expose("to", { type: "DateTime" }),
    sliceBy: t.field({ type: MetricSliceByEnum, resolve: (d) => d.sliceBy }),
    sliceKey: t.exposeString("sliceKey", { nullable: true }),
    estateIds: t.idList({ nullable: true, description: "The estates asked for; null: your scope", resolve: (d) => d.estateIds?.map((id) => encodeGlobalID("Estate", id)) ?? null }),
  }),
});

export const MetricFigureRef = builder.objectRef<FigureData>("MetricFigure").implement({
  description: "§11: one figure with its numerator and denominator, judged against the policy in force when its period (a survey: its campaign) began",
  fields: (t) => ({
    metric: t.field({ type: MetricKindEnum, resolve: (f) => f.metric }),
    part: t.exposeString("part", { nullable: true, description: "The dimension code (satisfaction), SLA rule (SLA_2 …) or month (YYYY-MM, visit rate); null for one-figure metrics" }),
    partLabel: t.exposeString("partLabel", { nullable: true }),
    numerator: t.exposeInt("numerator"),
    denominator: t.exposeInt("denominator"),
    rate: t.float({ nullable: true, description: "numerator ÷ denominator (0…1); null when the denominator is 0", resolve: (f) => f.judged.rate }),
    score: t.float({ nullable: true, description: "Satisfaction only: the mean rating on 0-100 (very dissatisfied = 0 … very satisfied = 100)", resolve: (f) => f.score }),
    target: t.float({ nullable: true, description: "The target as a share (0…1); null when none applies", resolve: (f) => (f.target.percent === null ? null : f.target.percent / 100) }),
    direction: t.field({ type: TargetDirectionEnum, resolve: (f) => f.target.direction }),
    policyKey: t.string({ nullable: true, description: "The policy value of the target, e.g. SUR-4.satisfactionTarget", resolve: (f) => f.target.policyKey }),
    targetFromPolicy: t.boolean({ description: "A policy value set the target (false: the SPEC default, or no target)", resolve: (f) => f.target.fromPolicy }),
    met: t.boolean({ nullable: true, description: "Within the target; null without a denominator or a target", resolve: (f) => f.judged.met }),
    denominatorListable: t.boolean({ description: "False when the denominator is a stored count (survey coverage: households at the campaign's start)", resolve: (f) => METRICS[f.metric].denominatorRows !== null }),
    drillDown: t.field({ type: MetricDrillDownRef, resolve: (f) => f.drillDown }),
  }),
});

export const MetricSliceRef = builder.objectRef<SliceData>("MetricSlice").implement({
  description: "One slice and its figures",
  fields: (t) => ({
    sliceBy: t.field({ type: MetricSliceByEnum, resolve: (s) => s.sliceBy }),
    key: t.exposeString("key", { nullable: true, description: "A global id (estate, building, department, category, staff), an enum value (channel, severity), ALL (organisation); null: rows without a value" }),
    label: t.exposeString("label"),
    figures: t.field({
      type: [MetricFigureRef],
      args: { metric: t.arg({ type: MetricKindEnum, required: false }) },
      resolve: (s, args) => (args.metric ? s.figures.filter((f) => f.metric === args.metric) : s.figures),
    }),
  }),
});

export const MetricsRef = builder.objectRef<MetricsData>("Metrics").implement({
  description: "SPEC §11 figures of a period, per slice",
  fields: (t) => ({
    from: t.field({ type: "DateTime", resolve: (m) => m.period.from }),
    to: t.field({ type: "DateTime", description: "Exclusive", resolve: (m) => m.period.to }),
    label: t.string({ resolve: (m) => m.period.label }),
    timeZone: t.string({ description: "The organisation's: periods and months are local", resolve: (m) => m.scope.timeZone }),
    sliceBy: t.field({ type: MetricSliceByEnum, resolve: (m) => m.sliceBy }),
    estateIds: t.idList({ description: "The estates counted", resolve: (m) => m.scope.estates.map((e) => encodeGlobalID("Estate", e.id)) }),
    slices: t.field({ type: [MetricSliceRef], resolve: (m) => m.slices }),
    notSliceable: t.field({ type: [MetricKindEnum], description: "Metrics asked for that this slice cannot cut (e.g. satisfaction by department)", resolve: (m) => m.notSliceable }),
  }),
});

export const MetricsInput = builder.inputType("MetricsInput", {
  fields: (t) => ({
    from: t.field({ type: "DateTime", required: false, description: "With `to`: any range [from, to)" }),
    to: t.field({ type: "DateTime", required: false }),
    period: t.field({ type: ReportPeriodKindEnum, required: false, description: "Instead of from/to: the period of this kind holding `date`" }),
    date: t.field({ type: "Date", required: false, description: "A day of the period (default today)" }),
    sliceBy: t.field({ type: MetricSliceByEnum, required: false, defaultValue: "ORGANIZATION" }),
    estateIds: t.globalIDList({ required: false, description: "Estates of your scope (default all of them)" }),
    metrics: t.field({ type: [MetricKindEnum], required: false, description: "Default: every §11 metric" }),
  }),
});

builder.queryField("metrics", (t) =>
  t.field({
    type: MetricsRef,
    description: "SPEC §11: every metric of a period per slice, counted in SQL (one statement whatever the number of slices or estates)",
    authScopes: { permission: "reports:read" },
    args: { input: t.arg({ type: MetricsInput, required: true }) },
    resolve: (_r, { input }, ctx) => computeMetrics(ctx, input),
  }),
);
