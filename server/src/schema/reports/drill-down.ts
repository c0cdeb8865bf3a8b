import { getRefFromModel, queryFromInfo } from "@pothos/plugin-prisma";
import { offsetForArgs, offsetToCursor } from "@pothos/plugin-relay";
import type { GraphQLResolveInfo } from "graphql";
import { builder } from "../../builder.ts";
import { DEFAULT_CONNECTION_SIZE, PAGE_SIZE_CEILING } from "../../limits/settings.ts"; // the page maximum is checked before execution (issue 15 item 2)
import type { Context } from "../../access/context.ts";
import { METRICS, rowTypeOf, type MetricKind, type RowType, type SliceBy } from "../../domain/metrics/catalogue.ts";
import { drillCountSql, drillPageSql, sliceable, type DrillFilter, type PopulationParams } from "../../domain/metrics/populations.ts";
import { callbackScope } from "../callbacks/callback.ts";
import { InputError } from "../../errors/typed-errors.ts";
import { estateRecords } from "../surveys/shared.ts";
import { complaintScope, inEstates } from "../../access/read-scope.ts";
import { visitScope } from "../visits/plans.ts";
import { loadPolicies, populationParams, resolvePeriod, resolveScope, sqlSliceKey, withoutJit } from "./engine.ts";
import { MetricKindEnum, MetricSliceByEnum, ReportPeriodKindEnum } from "./metrics.ts";

/**
 * §11 drill-down: the rows behind any figure — the complaints, confirmation rounds, stages,
 * callbacks, issues, answers, hand-outs, households or visits it counts — listed through their own
 * GraphQL node types (which mask what the caller may not read, SEC-7, and log what it may, SEC-3).
 * The rows come from the very SQL population the figure groups (domain/metrics/populations.ts),
 * filtered to one part and slice, so a list and its figure cannot disagree. A figure counts only
 * what the caller may know exists (SEC-2, SEC-7, issue 15 item 8): the list holds every row it
 * counts, and `hiddenCount` is 0 (kept for clients that show it). A page costs the same statements whatever its size:
 * the page of ids, then one query per level of the selection.
 */
const RowTypeEnum = builder.enumType("MetricRowType", {
  description: "What the rows behind a figure are (one connection of MetricRows carries them)",
  values: ["COMPLAINT", "CALLBACK", "CALLBACK_ISSUE", "SLA_STAGE", "SURVEY_RESPONSE", "SURVEY_HANDOUT", "HOUSEHOLD", "VISIT_RECORD"] as const,
});

interface RowsParent {
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

/** How each row type is loaded: its Prisma model and the scope of its node type (defence in depth over the population's own rule). */
const NODES: Record<RowType, { typeName: string; model: string; scope: (ctx: Context) => object }> = {
  COMPLAINT: { typeName: "Complaint", model: "complaint", scope: complaintScope },
  CALLBACK: { typeName: "Callback", model: "callback", scope: callbackScope },
  CALLBACK_ISSUE: { typeName: "CallbackIssue", model: "callbackIssue", scope: (ctx) => ({ callback: callbackScope(ctx) }) },
  SLA_STAGE: { typeName: "SlaStage", model: "slaStage", scope: (ctx) => ({ complaint: complaintScope(ctx) }) },
  SURVEY_RESPONSE: { typeName: "SurveyResponse", model: "surveyResponse", scope: estateRecords },
  SURVEY_HANDOUT: { typeName: "SurveyHandout", model: "surveyHandout", scope: estateRecords },
  HOUSEHOLD: { typeName: "Household", model: "household", scope: inEstates },
  VISIT_RECORD: { typeName: "VisitRecord", model: "visitRecord", scope: visitScope },
};

type FindMany = (args: object) => Promise<{ id: string }[]>;

interface Edge { cursor: string; node: { id: string }; inNumerator: boolean }

/** One page of the rows behind the figure, loaded with the selection of the page (one query per level). */
async function page(parent: RowsParent, rowType: RowType, args: { first?: number | null; after?: string | null; last?: number | null; before?: string | null }, ctx: Context, info: GraphQLResolveInfo) {
  if (parent.rowType !== rowType) return null;
  const { offset, limit, hasPreviousPage, expectedSize, hasNextPage } = offsetForArgs({ args, defaultSize: DEFAULT_CONNECTION_SIZE, maxSize: PAGE_SIZE_CEILING, totalCount: parent.total });
  const ids = limit > 0 && expectedSize > 0 ? await ctx.prisma.$queryRaw<{ row_id: string; node_id: string; in_num: boolean }[]>(drillPageSql(parent.metric, parent.params, parent.filter, offset, limit)) : [];
  const spec = NODES[rowType];
  const query = (await queryFromInfo({ context: ctx, info, typeName: spec.typeName, paths: [["edges", "node"]], awaitSelections: true })) as object;
  const nodeIds = [...new Set(ids.slice(0, expectedSize).map((r) => r.node_id))];
  const delegate = (ctx.prisma as unknown as Record<string, { findMany: FindMany }>)[spec.model]!;
  const nodes = nodeIds.length ? await delegate.findMany({ ...query, where: { id: { in: nodeIds }, AND: [spec.scope(ctx)] } }) : [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges: Edge[] = ids.slice(0, expectedSize).flatMap((r, i) => {
    const node = byId.get(r.node_id);
    return node ? [{ cursor: offsetToCursor(offset + i), node, inNumerator: r.in_num }] : [];
  });
  return {
    edges,
    pageInfo: {
      startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null,
      hasPreviousPage, hasNextPage: hasNextPage(ids.length),
    },
  };
}

const MetricRowsRef = builder.objectRef<RowsParent>("MetricRows");

MetricRowsRef.implement({
  description: "The rows behind a figure: `rowType` says which connection carries them (the others are null)",
  fields: (t) => {
    const rows = (rowType: RowType, description: string) =>
      t.connection(
        {
          // The node type registered by its own module (its fields mask and log as everywhere else).
          type: getRefFromModel(NODES[rowType].typeName, builder) as never,
          nullable: true,
          description,
          resolve: (parent, args, ctx, info) => page(parent, rowType, args, ctx, info) as never,
        },
        {},
        { fields: (e) => ({ inNumerator: e.boolean({ description: "The row counts in the numerator too", resolve: (edge) => (edge as unknown as Edge).inNumerator }) }) },
      );
    return {
      metric: t.field({ type: MetricKindEnum, resolve: (p) => p.metric }),
      part: t.exposeString("part", { nullable: true }),
      sliceBy: t.field({ type: MetricSliceByEnum, resolve: (p) => p.sliceBy }),
      sliceKey: t.exposeString("sliceKey", { nullable: true }),
      numeratorOnly: t.exposeBoolean("numeratorOnly"),
      rowType: t.field({ type: RowTypeEnum, resolve: (p) => p.rowType }),
      totalCount: t.int({ description: "Rows behind the figure: its numerator (numeratorOnly) or its denominator", resolve: (p) => p.total }),
      hiddenCount: t.int({
        description: "Always 0: a figure counts only the rows you may list, so none is hidden from you (SEC-2, SEC-7, issue 15 item 8: TOP_SECRET records you are not designated for are neither counted nor listed)",
        resolve: () => 0,
      }),
      complaints: rows("COMPLAINT", "Complaints (the callback rate: one row per confirmation round, so a complaint confirmed twice appears twice)"),
      callbacks: rows("CALLBACK", "Callbacks made"),
      callbackIssues: rows("CALLBACK_ISSUE", "CB-7: issues raised in callbacks"),
      slaStages: rows("SLA_STAGE", "§6: SLA stages"),
      surveyResponses: rows("SURVEY_RESPONSE", "SUR-6: answers"),
      surveyHandouts: rows("SURVEY_HANDOUT", "SUR-3: questionnaires handed out"),
      households: rows("HOUSEHOLD", "Households (resident households, sampled or complainant households)"),
      visitRecords: rows("VISIT_RECORD", "VIS-1: the first visit of each household in the month"),
    };
  },
});

const MetricRowsInput = builder.inputType("MetricRowsInput", {
  description: "A figure's drillDown, plus whether to list its numerator's or its denominator's rows",
  fields: (t) => ({
    metric: t.field({ type: MetricKindEnum, required: true }),
    part: t.string({ required: false, description: "The figure's part (dimension code, SLA rule, month); required for metrics with parts" }),
    from: t.field({ type: "DateTime", required: false }),
    to: t.field({ type: "DateTime", required: false }),
    period: t.field({ type: ReportPeriodKindEnum, required: false }),
    date: t.field({ type: "Date", required: false }),
    sliceBy: t.field({ type: MetricSliceByEnum, required: false, defaultValue: "ORGANIZATION" }),
    sliceKey: t.string({ required: false, description: "The slice's key; null: the rows without a value (ignored when sliced by organisation)" }),
    estateIds: t.globalIDList({ required: false }),
    numeratorOnly: t.boolean({ required: false, defaultValue: false, description: "The numerator's rows; otherwise the denominator's (for households per resident household: the households)" }),
  }),
});

builder.queryField("metricRows", (t) =>
  t.field({
    type: MetricRowsRef,
    description: "§11 drill-down: the rows behind a figure of `metrics` (same SQL filter), paginated through their own node types",
    authScopes: { permission: "reports:read" },
    args: { input: t.arg({ type: MetricRowsInput, required: true }) },
    resolve: async (_r, { input }, ctx) => {
      const metric = input.metric as MetricKind;
      const sliceBy = (input.sliceBy ?? "ORGANIZATION") as SliceBy;
      const numeratorOnly = input.numeratorOnly ?? false;
      if (!sliceable(metric, sliceBy)) throw new InputError("input.sliceBy", `${metric} is not cut by ${sliceBy}`);
      const rowType = rowTypeOf(metric, numeratorOnly);
      if (!rowType) throw new InputError("input.numeratorOnly", `${metric}'s denominator is a stored count, not rows: list its numerator`);
      const partOf = METRICS[metric].partOf;
      const part = input.part?.trim() || null;
      if (partOf && !part) throw new InputError("input.part", `${metric} has a figure per ${partOf.toLowerCase()}: give the part`);
      if (!partOf && part) throw new InputError("input.part", `${metric} has no parts`);
      const sliceKey = sqlSliceKey(sliceBy, input.sliceKey, "input.sliceKey");
      const scope = await resolveScope(ctx, input.estateIds, "input.estateIds");
      const period = resolvePeriod(input, scope.timeZone, ctx.now);
      // REC-2's window comes from the policy values, as for the figure.
      const params = populationParams(ctx, scope, period, sliceBy, await loadPolicies(ctx, [metric]));
      const filter: DrillFilter = { part: part ?? "", sliceKey, side: numeratorOnly ? "numerator" : "denominator" };
      await withoutJit(ctx);
      const [counts] = await ctx.prisma.$queryRaw<{ total: number }[]>(drillCountSql(metric, params, filter));
      return { metric, part, sliceBy, sliceKey: input.sliceKey ?? null, numeratorOnly, rowType, total: counts?.total ?? 0, params, filter };
    },
  }),
);
