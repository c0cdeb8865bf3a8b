import { getRefFromModel, queryFromInfo } from "@pothos/plugin-prisma";
import { offsetForArgs, offsetToCursor } from "@pothos/plugin-relay";
import type { GraphQLResolveInfo } from "graphql";
import { builder } from "../../builder.ts";
import { DEFAULT_CONNECTION_SIZE, PAGE_SIZE_CEILING } from "../../limits/settings.ts"; // the page maximum is checked before execution (issue 15 item 2)
import { signedIn, type Context } from "../../access/context.ts";
import type { MetricKind, RowType, SliceBy } from "../../domain/metrics/catalogue.ts";
import type { PeriodKind } from "../../domain/metrics/periods.ts";
import { drillPage, openDrillDown, type DrillDownRows } from "../../services/reports/drill-down.ts";
import { callbackScope } from "../../access/scopes/callbacks.ts";
import { estateRecords } from "../../access/scopes/surveys.ts";
import { complaintScope, inEstates } from "../../access/read-scope.ts";
import { visitScope } from "../../access/scopes/visits.ts";
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
  values: {
    COMPLAINT: { description: "Complaints (`complaints`); for the callback rate one row per confirmation round" },
    CALLBACK: { description: "CB-6: callbacks made (`callbacks`)" },
    CALLBACK_ISSUE: { description: "CB-7: issues raised in callbacks (`callbackIssues`)" },
    SLA_STAGE: { description: "§6: SLA stages (`slaStages`)" },
    SURVEY_RESPONSE: { description: "SUR-6: answers (`surveyResponses`)" },
    SURVEY_HANDOUT: { description: "SUR-3: questionnaires handed out (`surveyHandouts`)" },
    HOUSEHOLD: { description: "Households: resident, handed a questionnaire, or complainant households (`households`)" },
    VISIT_RECORD: { description: "VIS-1: visits (`visitRecords`)" },
  } as const,
});

type RowsParent = DrillDownRows;

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

interface Edge {
  cursor: string;
  node: { id: string };
  inNumerator: boolean;
}

/** One page of the rows behind the figure, loaded with the selection of the page (one query per level). */
async function page(
  parent: RowsParent,
  rowType: RowType,
  args: { first?: number | null; after?: string | null; last?: number | null; before?: string | null },
  ctx: Context,
  info: GraphQLResolveInfo,
) {
  if (parent.rowType !== rowType) return null;
  const { offset, limit, hasPreviousPage, expectedSize, hasNextPage } = offsetForArgs({
    args,
    defaultSize: DEFAULT_CONNECTION_SIZE,
    maxSize: PAGE_SIZE_CEILING,
    totalCount: parent.total,
  });
  const ids = limit > 0 && expectedSize > 0 ? await drillPage(signedIn(ctx), parent, offset, limit) : [];
  const spec = NODES[rowType];
  const query = (await queryFromInfo({
    context: ctx,
    info,
    typeName: spec.typeName,
    paths: [["edges", "node"]],
    awaitSelections: true,
  })) as object;
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
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
      hasPreviousPage,
      hasNextPage: hasNextPage(ids.length),
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
        {
          description: `§11: a page of the ${NODES[rowType].typeName} rows behind a figure; its edges say whether each row counts in the numerator (\`inNumerator\`), so it is its own type, not ${NODES[rowType].typeName}Connection`,
        },
        {
          fields: (e) => ({
            inNumerator: e.boolean({
              description: "The row counts in the numerator too",
              resolve: (edge) => (edge as unknown as Edge).inNumerator,
            }),
          }),
        },
      );
    return {
      metric: t.field({ type: MetricKindEnum, description: "The figure's metric", resolve: (p) => p.metric }),
      part: t.exposeString("part", { nullable: true, description: "The figure's part; null for one-figure metrics" }),
      sliceBy: t.field({ type: MetricSliceByEnum, description: "How the figure was cut", resolve: (p) => p.sliceBy }),
      sliceKey: t.exposeString("sliceKey", { nullable: true, description: "The slice's key as given" }),
      numeratorOnly: t.exposeBoolean("numeratorOnly", { description: "True: the numerator's rows; false: the denominator's" }),
      rowType: t.field({ type: RowTypeEnum, description: "Which connection carries the rows", resolve: (p) => p.rowType }),
      totalCount: t.int({
        description: "Rows behind the figure: its numerator (numeratorOnly) or its denominator",
        resolve: (p) => p.total,
      }),
      hiddenCount: t.int({
        description:
          "Always 0: a figure counts only the rows you may list, so none is hidden from you (SEC-2, SEC-7, issue 15 item 8: TOP_SECRET records you are not designated for are neither counted nor listed)",
        resolve: () => 0,
      }),
      complaints: rows(
        "COMPLAINT",
        "Complaints (the callback rate: one row per confirmation round, so a complaint confirmed twice appears twice)",
      ),
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
    metric: t.field({ type: MetricKindEnum, required: true, description: "The figure's metric" }),
    part: t.string({
      required: false,
      description: "The figure's part (dimension code, SLA rule, month); required for metrics with parts",
    }),
    from: t.field({ type: "DateTime", required: false, description: "With `to`: the figure's range [from, to)" }),
    to: t.field({ type: "DateTime", required: false, description: "With `from`: the range's end (exclusive)" }),
    period: t.field({
      type: ReportPeriodKindEnum,
      required: false,
      description: "Instead of from/to: the period of this kind holding `date`",
    }),
    date: t.field({ type: "Date", required: false, description: "A day of the period (default today)" }),
    sliceBy: t.field({ type: MetricSliceByEnum, required: false, defaultValue: "ORGANIZATION", description: "How the figure was cut" }),
    sliceKey: t.string({
      required: false,
      description: "The slice's key; null: the rows without a value (ignored when sliced by organisation)",
    }),
    estateIds: t.globalIDList({ required: false, description: "The figure's estates (default your scope)" }),
    numeratorOnly: t.boolean({
      required: false,
      defaultValue: false,
      description: "The numerator's rows; otherwise the denominator's (for households per resident household: the households)",
    }),
  }),
});

builder.queryField("metricRows", (t) =>
  t.withAuth({ permission: "reports:read" }).field({
    type: MetricRowsRef,
    description: "§11 drill-down: the rows behind a figure of `metrics` (same SQL filter), paginated through their own node types",
    args: { input: t.arg({ type: MetricRowsInput, required: true, description: "A figure's drillDown and the side to list" }) },
    resolve: (_r, { input }, ctx) =>
      openDrillDown(ctx, {
        ...input,
        metric: input.metric as MetricKind,
        sliceBy: input.sliceBy as SliceBy | null,
        period: input.period as PeriodKind | null,
        estateIds: input.estateIds?.map((e) => e.id) ?? null,
      }),
  }),
);
