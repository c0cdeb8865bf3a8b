import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../../builder.ts";
import { METRIC_KINDS, METRICS, SLICES, type MetricKind } from "../../domain/metrics/catalogue.ts";
import { computeMetrics, type DrillDown, type FigureData, type MetricsData, type SliceData } from "../../services/reports/engine.ts";

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
  values: Object.fromEntries(METRIC_KINDS.map((k) => [k, { value: k, description: METRICS[k].definition }])) as unknown as Record<
    MetricKind,
    { value: MetricKind }
  >,
});

const SLICE_DESCRIPTIONS: Record<(typeof SLICES)[number], string> = {
  ORGANIZATION: "§11: the whole scope, one slice (key ALL)",
  ESTATE: "§11: per estate (key: the Estate's global id)",
  BUILDING: "§11: per building (key: the Building's global id; no value for public areas)",
  DEPARTMENT: "§11, WF-1: per department (a complaint's lead department, an issue's department)",
  CATEGORY: "§11, CLS-4: per second-level category",
  CHANNEL: "§11, INT-1: per intake channel (key: the ComplaintChannel value)",
  SEVERITY: "§11, CLS-3: per severity (key: the ComplaintSeverity value)",
  STAFF:
    "§11: per staff member: the complaint's responsible person, who called back, who visited, who handed out the questionnaire (never a customer, SEC-7)",
};

export const MetricSliceByEnum = builder.enumType("MetricSliceBy", {
  description:
    "§11 slices: by staff is the responsible person of a complaint, who called back, who visited, who handed out the questionnaire",
  values: Object.fromEntries(SLICES.map((s) => [s, { value: s, description: SLICE_DESCRIPTIONS[s] }])) as unknown as Record<
    (typeof SLICES)[number],
    { value: (typeof SLICES)[number] }
  >,
});

export const ReportPeriodKindEnum = builder.enumType("ReportPeriodKind", {
  description: "§11 periods (weeks for the weekly report, §12), local to the organisation's timezone",
  values: {
    WEEK: { description: "§12: an ISO week, Monday to Sunday" },
    MONTH: { description: "§11: a calendar month" },
    QUARTER: { description: "§11: a calendar quarter" },
    HALF_YEAR: { description: "§11: January-June or July-December" },
    YEAR: { description: "§11: a calendar year" },
  } as const,
});
const TargetDirectionEnum = builder.enumType("TargetDirection", {
  description: "The target is a floor (at least) or a ceiling (at most, e.g. CB-5 phone share)",
  values: {
    AT_LEAST: { description: "Met when the rate is at least the target (e.g. CB-1 callback rate, SUR-3 return rate)" },
    AT_MOST: { description: "Met when the rate is at most the target (e.g. CB-5 phone share, the valid complaint rate)" },
  } as const,
});

export const MetricDrillDownRef = builder.objectRef<DrillDown>("MetricDrillDown").implement({
  description: "The arguments of metricRows that list the rows behind a figure (the same SQL filter as the figure)",
  fields: (t) => ({
    metric: t.field({ type: MetricKindEnum, description: "The figure's metric", resolve: (d) => d.metric }),
    part: t.exposeString("part", {
      nullable: true,
      description: "The figure's part (dimension code, SLA rule, month); null for one-figure metrics",
    }),
    from: t.expose("from", { type: "DateTime", description: "The period's start (inclusive)" }),
    to: t.expose("to", { type: "DateTime", description: "The period's end (exclusive)" }),
    sliceBy: t.field({ type: MetricSliceByEnum, description: "How the figure was cut", resolve: (d) => d.sliceBy }),
    sliceKey: t.exposeString("sliceKey", { nullable: true, description: "The figure's slice key (as MetricSlice.key)" }),
    estateIds: t.idList({
      nullable: true,
      description: "The estates asked for; null: your scope",
      resolve: (d) => d.estateIds?.map((id) => encodeGlobalID("Estate", id)) ?? null,
    }),
  }),
});

export const MetricFigureRef = builder.objectRef<FigureData>("MetricFigure").implement({
  description:
    "§11: one figure with its numerator and denominator, judged against the policy in force when its period (a survey: its campaign) began",
  fields: (t) => ({
    metric: t.field({
      type: MetricKindEnum,
      description: "The metric (its definition: the enum value's description)",
      resolve: (f) => f.metric,
    }),
    part: t.exposeString("part", {
      nullable: true,
      description: "The dimension code (satisfaction), SLA rule (SLA_2 …) or month (YYYY-MM, visit rate); null for one-figure metrics",
    }),
    partLabel: t.exposeString("partLabel", { nullable: true, description: "The part's label (a dimension's name); null otherwise" }),
    numerator: t.exposeInt("numerator", { description: "§11: what is counted (drill in with numeratorOnly)" }),
    denominator: t.exposeInt("denominator", {
      description: "§11: what it is counted out of (drill in without numeratorOnly, unless a stored count)",
    }),
    rate: t.float({
      nullable: true,
      description: "numerator ÷ denominator (0…1); null when the denominator is 0",
      resolve: (f) => f.judged.rate,
    }),
    score: t.float({
      nullable: true,
      description: "Satisfaction only: the mean rating on 0-100 (very dissatisfied = 0 … very satisfied = 100)",
      resolve: (f) => f.score,
    }),
    target: t.float({
      nullable: true,
      description: "The target as a share (0…1); null when none applies",
      resolve: (f) => (f.target.percent === null ? null : f.target.percent / 100),
    }),
    direction: t.field({ type: TargetDirectionEnum, description: "A floor or a ceiling", resolve: (f) => f.target.direction }),
    policyKey: t.string({
      nullable: true,
      description: "The policy value of the target, e.g. SUR-4.satisfactionTarget",
      resolve: (f) => f.target.policyKey,
    }),
    targetFromPolicy: t.boolean({
      description: "A policy value set the target (false: the SPEC default, or no target)",
      resolve: (f) => f.target.fromPolicy,
    }),
    met: t.boolean({
      nullable: true,
      description: "Within the target; null without a denominator or a target",
      resolve: (f) => f.judged.met,
    }),
    denominatorListable: t.boolean({
      description: "False when the denominator is a stored count (survey coverage: households at the campaign's start)",
      resolve: (f) => METRICS[f.metric].denominatorRows !== null,
    }),
    drillDown: t.field({
      type: MetricDrillDownRef,
      description: "The metricRows input that lists the rows behind this figure",
      resolve: (f) => f.drillDown,
    }),
  }),
});

export const MetricSliceRef = builder.objectRef<SliceData>("MetricSlice").implement({
  description: "One slice and its figures",
  fields: (t) => ({
    sliceBy: t.field({ type: MetricSliceByEnum, description: "How the figures are cut", resolve: (s) => s.sliceBy }),
    key: t.exposeString("key", {
      nullable: true,
      description:
        "A global id (estate, building, department, category, staff), an enum value (channel, severity), ALL (organisation); null: rows without a value",
    }),
    label: t.exposeString("label", {
      description:
        "The slice's name (an estate, building, department, category or staff member; a channel or severity in Chinese); 未设定 for no value",
    }),
    figures: t.field({
      type: [MetricFigureRef],
      description: "The slice's figures, one per metric and part",
      args: { metric: t.arg({ type: MetricKindEnum, required: false, description: "Only this metric's figures" }) },
      resolve: (s, args) => (args.metric ? s.figures.filter((f) => f.metric === args.metric) : s.figures),
    }),
  }),
});

export const MetricsRef = builder.objectRef<MetricsData>("Metrics").implement({
  description: "SPEC §11 figures of a period, per slice",
  fields: (t) => ({
    from: t.field({ type: "DateTime", description: "The period's start (inclusive)", resolve: (m) => m.period.from }),
    to: t.field({ type: "DateTime", description: "Exclusive", resolve: (m) => m.period.to }),
    label: t.string({ description: "The period, e.g. 2031-04, 2031-Q2, or from/to for a range", resolve: (m) => m.period.label }),
    timeZone: t.string({ description: "The organisation's: periods and months are local", resolve: (m) => m.scope.timeZone }),
    sliceBy: t.field({ type: MetricSliceByEnum, description: "How the figures are cut", resolve: (m) => m.sliceBy }),
    estateIds: t.idList({ description: "The estates counted", resolve: (m) => m.scope.estates.map((e) => encodeGlobalID("Estate", e.id)) }),
    slices: t.field({ type: [MetricSliceRef], description: "One per slice, ordered by label (no value last)", resolve: (m) => m.slices }),
    notSliceable: t.field({
      type: [MetricKindEnum],
      description: "Metrics asked for that this slice cannot cut (e.g. satisfaction by department)",
      resolve: (m) => m.notSliceable,
    }),
  }),
});

export const MetricsInput = builder.inputType("MetricsInput", {
  description: "§11: the period (a kind and a day, or a range), the slice and the estates of a metrics query",
  fields: (t) => ({
    from: t.field({ type: "DateTime", required: false, description: "With `to`: any range [from, to)" }),
    to: t.field({
      type: "DateTime",
      required: false,
      description: "With `from`: the range's end (exclusive); at most three years after it",
    }),
    period: t.field({
      type: ReportPeriodKindEnum,
      required: false,
      description: "Instead of from/to: the period of this kind holding `date`",
    }),
    date: t.field({ type: "Date", required: false, description: "A day of the period (default today)" }),
    sliceBy: t.field({
      type: MetricSliceByEnum,
      required: false,
      defaultValue: "ORGANIZATION",
      description: "How to cut the figures (default: the whole scope)",
    }),
    estateIds: t.globalIDList({ required: false, description: "Estates of your scope (default all of them)" }),
    metrics: t.field({ type: [MetricKindEnum], required: false, description: "Default: every §11 metric" }),
  }),
});

builder.queryField("metrics", (t) =>
  t.withAuth({ permission: "reports:read" }).field({
    type: MetricsRef,
    description: "SPEC §11: every metric of a period per slice, counted in SQL (one statement whatever the number of slices or estates)",
    args: { input: t.arg({ type: MetricsInput, required: true, description: "The period, slice, estates and metrics" }) },
    resolve: (_r, { input }, ctx) => computeMetrics(ctx, { ...input, estateIds: input.estateIds?.map((e) => e.id) ?? null }),
  }),
);
