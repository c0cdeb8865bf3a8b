import { getRefFromModel, queryFromInfo } from "@pothos/plugin-prisma";
import { Prisma } from "@tingjian/prisma/client";
import type { GraphQLResolveInfo } from "graphql";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { SPEC_METRICS, type MetricKind, type SliceBy } from "../../domain/metrics/catalogue.ts";
import { parsePeriodLabel, periodContaining, type Period, type PeriodKind } from "../../domain/metrics/periods.ts";
import { complaintVisible } from "../../domain/metrics/populations.ts";
import type { PolicyRow } from "../../domain/policies/policy-at.ts";
import { InputError } from "../../errors/typed-errors.ts";
import { complaintScope } from "../../access/read-scope.ts";
import { loadPolicies, metricsFor, metricsWithTotals, populationParams, resolveScope, type MetricsData, type Scope } from "./engine.ts";
import { MetricsRef } from "./metrics.ts";

/**
 * SPEC §12 reports as structured data: each is a set of §11 figure tables (Metrics: per slice,
 * numerator and denominator, target and met/missed, and a drill-down into metricRows), computed
 * for a past period from the stored data and judged by the policy then in force. A report
 * resolves its scope, period and policies once; each section is one SQL statement (plus one for
 * its slice labels) and is computed only when asked for. Typical cases are complaints listed
 * through the Complaint node (masked as everywhere; TOP_SECRET ones only for those who may know
 * them).
 */

interface ReportBase {
  scope: Scope;
  period: Period;
  policies: PolicyRow<number | null>[];
}

const COMPLAINT_FIGURES: MetricKind[] = ["COMPLAINT_SHARE", "VALID_COMPLAINT_RATE", "RECURRENCE_RATE"];
const CALLBACK_FIGURES: MetricKind[] = ["CALLBACK_RATE", "CALLBACK_RESOLUTION_RATE", "PHONE_SHARE", "CALLBACK_SATISFACTION"];
const SURVEY_FIGURES: MetricKind[] = ["SATISFACTION", "RETURN_RATE", "SURVEY_COVERAGE", "COMPLAINANT_COVERAGE"];

/** A report's period from its label (or, for the kinds that allow it, a day in it). */
function reportPeriod(kind: PeriodKind, value: string, timeZone: string, field: string, example: string): Period {
  const v = value.trim();
  const period = /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? periodContaining(kind, v, timeZone) : parsePeriodLabel(v, timeZone, kind);
  if (!period) throw new InputError(field, `A ${kind.toLowerCase().replace("_", "-")} such as ${example}, or a day in it (YYYY-MM-DD)`);
  return period;
}

async function base(ctx: Context, kind: PeriodKind, value: string, estateIds: readonly { id: string }[] | null | undefined, field: string, example: string, kinds: readonly MetricKind[]): Promise<ReportBase> {
  const scope = await resolveScope(ctx, estateIds, "estateIds");
  const period = reportPeriod(kind, value, scope.timeZone, field, example);
  return { scope, period, policies: await loadPolicies(ctx, kinds) };
}

/**
 * A report's sections asked for in one request, per report: its company totals and its per-estate
 * figures of the same metrics come from one statement (metricsWithTotals) when both are asked
 * for; a section asked for alone costs its own statement. The sections' resolvers run in the same
 * tick (sibling fields), so they meet here before anything runs.
 */
interface PendingCuts { kinds: readonly MetricKind[]; asked: Set<SliceBy>; result: Promise<Map<SliceBy, MetricsData>> }
const pendingCuts = new WeakMap<ReportBase, Map<string, PendingCuts>>();

function sectionMetrics(ctx: Context, r: ReportBase, sliceBy: SliceBy, kinds: readonly MetricKind[]): Promise<MetricsData> {
  if (sliceBy !== "ORGANIZATION" && sliceBy !== "ESTATE") return metricsFor(ctx, r.scope, r.period, sliceBy, kinds, r.policies);
  let open = pendingCuts.get(r);
  if (!open) pendingCuts.set(r, (open = new Map()));
  const key = [...kinds].join(",");
  let pending = open.get(key);
  if (!pending || pending.asked.has(sliceBy)) {
    const asked = new Set<SliceBy>();
    const result = new Promise<void>((done) => setImmediate(done)).then(async () => {
      if (open!.get(key) === pending) open!.delete(key);
      if (asked.size === 2) {
        const both = await metricsWithTotals(ctx, r.scope, r.period, kinds, r.policies);
        return new Map<SliceBy, MetricsData>([["ORGANIZATION", both.totals], ["ESTATE", both.byEstate]]);
      }
      const [only] = [...asked] as [SliceBy];
      return new Map([[only, await metricsFor(ctx, r.scope, r.period, only, kinds, r.policies)]]);
    });
    open.set(key, (pending = { kinds, asked, result }));
  }
  pending.asked.add(sliceBy);
  return pending.result.then((m) => m.get(sliceBy)!);
}

/** A section of a report: some metrics cut one way (computed when the field is asked for). */
function section(sliceBy: SliceBy, kinds: readonly MetricKind[], description: string) {
  return {
    type: MetricsRef, description,
    resolve: (r: ReportBase, _a: unknown, ctx: Context): Promise<MetricsData> => sectionMetrics(ctx, r, sliceBy, kinds),
  };
}

// ---- typical cases (REC-4) ----

interface TypicalCase { complaintId: string; escalations: number; fromCaseLibrary: boolean; complaint?: unknown }

const TypicalCaseRef = builder.objectRef<TypicalCase>("TypicalCase").implement({
  description: "REC-4: a typical case of the period: a closed complaint in the case library, or (when the library has none) one of the most escalated",
  fields: (t) => ({
    complaint: t.field({
      // The Complaint node type (its fields mask and log as everywhere); loaded with the whole list
      // by typicalCases with the selection made here, one query for every case.
      type: getRefFromModel("Complaint", builder) as never, nullable: true,
      description: "The case, under the complaint rules (its case-library entries are on it)",
      resolve: (c) => (c.complaint ?? null) as never,
    }),
    escalations: t.exposeInt("escalations", { description: "WF-7 escalations of the complaint" }),
    fromCaseLibrary: t.exposeBoolean("fromCaseLibrary"),
  }),
});

/**
 * REC-4: the complaints closed (valid, not duplicates) in the period that are in the case library;
 * absent any, those escalated most (WF-7). Only those the caller may know (SEC-2).
 */
async function typicalCases(ctx: Context, r: ReportBase, limit: number, info: GraphQLResolveInfo): Promise<TypicalCase[]> {
  if (limit < 1 || limit > 50) throw new InputError("limit", "1 to 50 cases");
  const p = populationParams(ctx, r.scope, r.period, "ORGANIZATION", r.policies);
  const estates = r.scope.estateIds ? Prisma.sql`AND c.estate_id = ANY(${r.scope.estateIds}::uuid[])` : Prisma.empty;
  const rows = await ctx.prisma.$queryRaw<{ id: string; escalations: number; in_library: boolean }[]>`
    WITH closed AS (
      SELECT c.id, c.closed_at,
             (SELECT count(*) FROM complaint_escalations x WHERE x.organization_id = c.organization_id AND x.complaint_id = c.id)::int AS escalations,
             EXISTS (SELECT 1 FROM case_library_entries e WHERE e.organization_id = c.organization_id AND e.complaint_id = c.id) AS in_library
        FROM complaints c
       WHERE c.organization_id = ${r.scope.organizationId}::uuid AND c.valid AND c.duplicate_of_id IS NULL
         AND c.closed_at >= ${r.period.from}::timestamptz AND c.closed_at < ${r.period.to}::timestamptz ${estates}
         AND ${complaintVisible(p, "c")})
    SELECT id::text, escalations, in_library FROM closed
     WHERE in_library OR (escalations > 0 AND NOT EXISTS (SELECT 1 FROM closed WHERE in_library))
     ORDER BY in_library DESC, escalations DESC, closed_at, id LIMIT ${limit}`;
  if (!rows.length) return [];
  const query = (await queryFromInfo({ context: ctx, info, typeName: "Complaint", paths: [["complaint"]], awaitSelections: true })) as object;
  const complaints = await ctx.prisma.complaint.findMany({ ...query, where: { id: { in: rows.map((x) => x.id) }, AND: [complaintScope(ctx)] } });
  const byId = new Map(complaints.map((c) => [c.id, c]));
  return rows.map((x) => ({ complaintId: x.id, escalations: x.escalations, fromCaseLibrary: x.in_library, complaint: byId.get(x.id) ?? null }));
}

// ---- the reports ----

function reportType(name: string, description: string, sections: Record<string, [SliceBy, readonly MetricKind[], string]>, cases?: { description: string; limit: number }) {
  return builder.objectRef<ReportBase>(name).implement({
    description,
    fields: (t) => ({
      label: t.string({ description: "The period, e.g. 2031-W14, 2031-04, 2031-Q2, 2031", resolve: (r) => r.period.label }),
      from: t.field({ type: "DateTime", resolve: (r) => r.period.from }),
      to: t.field({ type: "DateTime", description: "Exclusive", resolve: (r) => r.period.to }),
      ...Object.fromEntries(Object.entries(sections).map(([field, [sliceBy, kinds, text]]) => [field, t.field(section(sliceBy, kinds, text))])),
      ...(cases ? {
        typicalCases: t.field({
          type: [TypicalCaseRef], description: cases.description,
          args: { limit: t.arg.int({ required: false, defaultValue: cases.limit }) },
          resolve: (r, args, ctx, info) => typicalCases(ctx, r, args.limit ?? cases.limit, info),
        }),
      } : {}),
    }),
  });
}

const Weekly = reportType("WeeklyComplaintReport", "§12 weekly complaint report: the week's complaints by channel, estate, category and severity, the valid complaint and recurrence rates, callbacks and SLA attainment", {
  totals: ["ORGANIZATION", [...COMPLAINT_FIGURES, "CALLBACK_RATE", "SLA_ATTAINMENT"], "Every estate of the report together"],
  byEstate: ["ESTATE", [...COMPLAINT_FIGURES, "CALLBACK_RATE", "SLA_ATTAINMENT"], "Per estate"],
  byChannel: ["CHANNEL", ["COMPLAINT_SHARE"], "INT-1: complaints received per channel"],
  byCategory: ["CATEGORY", ["COMPLAINT_SHARE", "VALID_COMPLAINT_RATE"], "CLS-4: complaints per second-level category"],
  bySeverity: ["SEVERITY", ["COMPLAINT_SHARE"], "CLS-3: complaints per severity (drill into MAJOR for the major complaints of the week)"],
});

const MonthlyAnalysis = reportType("MonthlyComplaintAnalysis", "§12, REC-4, SLA-12 monthly complaint analysis: by category, department and estate, with typical cases", {
  totals: ["ORGANIZATION", [...COMPLAINT_FIGURES, "CALLBACK_RATE", "SLA_ATTAINMENT"], "Every estate of the report together"],
  byCategory: ["CATEGORY", [...COMPLAINT_FIGURES, "SLA_ATTAINMENT"], "CLS-4: per second-level category"],
  byDepartment: ["DEPARTMENT", ["COMPLAINT_SHARE", "RECURRENCE_RATE", "SLA_ATTAINMENT", "CALLBACK_RATE"], "WF-1: per lead department (no value: not yet assigned)"],
  byEstate: ["ESTATE", [...COMPLAINT_FIGURES, "CALLBACK_RATE", "SLA_ATTAINMENT"], "Per estate"],
}, { description: "REC-4: closed complaints of the month in the case library or, absent those, the most escalated", limit: 5 });

const MonthlyCallbacks = reportType("MonthlyCallbackStatistics", "CB-10, §12 monthly callback statistics for leadership (§11 definitions; the review counts are in callbackStatistics)", {
  totals: ["ORGANIZATION", CALLBACK_FIGURES, "Every estate of the report together"],
  byEstate: ["ESTATE", CALLBACK_FIGURES, "Per estate"],
  byStaff: ["STAFF", ["PHONE_SHARE", "CALLBACK_SATISFACTION", "CALLBACK_RESOLUTION_RATE"], "Per staff member who called back"],
  bySeverity: ["SEVERITY", ["CALLBACK_RATE"], "CB-2: callback rate by the complaint's severity"],
});

const MonthlyFeedback = reportType("MonthlyCustomerFeedback", "§12 monthly customer-feedback report: what customers raised (complaints), said in callbacks and visits, and answered in surveys", {
  totals: ["ORGANIZATION", ["COMPLAINT_SHARE", "VALID_COMPLAINT_RATE", "CALLBACK_SATISFACTION", "CALLBACK_RESOLUTION_RATE", "VISIT_RATE", "SATISFACTION", "RETURN_RATE"], "Every estate of the report together"],
  byEstate: ["ESTATE", ["COMPLAINT_SHARE", "VALID_COMPLAINT_RATE", "CALLBACK_SATISFACTION", "CALLBACK_RESOLUTION_RATE", "VISIT_RATE", "SATISFACTION", "RETURN_RATE"], "Per estate"],
  byCategory: ["CATEGORY", ["COMPLAINT_SHARE"], "CLS-4: what the complaints were about"],
  byChannel: ["CHANNEL", ["COMPLAINT_SHARE"], "INT-1: how they reached us"],
});

const Quarterly = reportType("QuarterlySatisfactionReport", "§12, SUR-2…SUR-4, CB-1 quarterly satisfaction report: satisfaction per dimension × estate with targets, return rate, coverage, complainant coverage, callback rate, valid complaint rate and recurrence", {
  totals: ["ORGANIZATION", [...SURVEY_FIGURES, "CALLBACK_RATE", "VALID_COMPLAINT_RATE", "RECURRENCE_RATE"], "Every estate of the report together"],
  byEstate: ["ESTATE", [...SURVEY_FIGURES, "CALLBACK_RATE", "VALID_COMPLAINT_RATE", "RECURRENCE_RATE"], "Per estate (satisfaction: one figure per dimension)"],
});

const ANNUAL_QUARTER_FIGURES: MetricKind[] = ["VALID_COMPLAINT_RATE", "RECURRENCE_RATE", "CALLBACK_RATE", "CALLBACK_RESOLUTION_RATE", "PHONE_SHARE", "SLA_ATTAINMENT"];

const Annual = reportType("AnnualSummary", "§12, REC-4 annual summary for the management review: satisfaction, every §11 figure by estate and quarter, important cases and lessons", {
  totals: ["ORGANIZATION", [...SPEC_METRICS, "COMPLAINT_SHARE"], "Every §11 figure of the year"],
  byEstate: ["ESTATE", [...SPEC_METRICS, "COMPLAINT_SHARE"], "Per estate"],
  bySeverity: ["SEVERITY", ["COMPLAINT_SHARE", "CALLBACK_RATE"], "CLS-3: important cases: drill into IMPORTANT and MAJOR"],
  byCategory: ["CATEGORY", ["COMPLAINT_SHARE", "RECURRENCE_RATE"], "CLS-4: per second-level category"],
}, { description: "REC-4: the year's closed complaints in the case library (their lessons on complaint.caseLibraryEntries) or, absent those, the most escalated", limit: 10 });

builder.objectField(Annual, "quarters", (t) =>
  t.field({
    type: [MetricsRef],
    description: "The year quarter by quarter (each judged by its own quarter's policy)",
    resolve: async (r, _a, ctx) => {
      const out: MetricsData[] = [];
      for (const q of [1, 2, 3, 4]) {
        const period = parsePeriodLabel(`${r.period.label}-Q${q}`, r.scope.timeZone, "QUARTER")!;
        out.push(await metricsFor(ctx, r.scope, period, "ORGANIZATION", ANNUAL_QUARTER_FIGURES, r.policies));
      }
      return out;
    },
  }));

// ---- queries ----

const ALL_KINDS: MetricKind[] = [...SPEC_METRICS, "COMPLAINT_SHARE", "CALLBACK_SATISFACTION"];

builder.queryFields((t) => ({
  weeklyComplaintReport: t.field({
    type: Weekly, description: "§12 weekly complaint report of an ISO week (2031-W14, or a day in it)", authScopes: { permission: "reports:read" },
    args: { week: t.arg.string({ required: true }), estateIds: t.arg.globalIDList({ required: false }) },
    resolve: (_r, a, ctx) => base(ctx, "WEEK", a.week, a.estateIds, "week", "2031-W14", ALL_KINDS),
  }),
  monthlyComplaintAnalysis: t.field({
    type: MonthlyAnalysis, description: "§12 monthly complaint analysis (month YYYY-MM)", authScopes: { permission: "reports:read" },
    args: { month: t.arg.string({ required: true }), estateIds: t.arg.globalIDList({ required: false }) },
    resolve: (_r, a, ctx) => base(ctx, "MONTH", a.month, a.estateIds, "month", "2031-04", ALL_KINDS),
  }),
  monthlyCallbackStatistics: t.field({
    type: MonthlyCallbacks, description: "CB-10, §12 monthly callback statistics (month YYYY-MM)", authScopes: { permission: "reports:read" },
    args: { month: t.arg.string({ required: true }), estateIds: t.arg.globalIDList({ required: false }) },
    resolve: (_r, a, ctx) => base(ctx, "MONTH", a.month, a.estateIds, "month", "2031-04", ALL_KINDS),
  }),
  monthlyCustomerFeedback: t.field({
    type: MonthlyFeedback, description: "§12 monthly customer-feedback report (month YYYY-MM)", authScopes: { permission: "reports:read" },
    args: { month: t.arg.string({ required: true }), estateIds: t.arg.globalIDList({ required: false }) },
    resolve: (_r, a, ctx) => base(ctx, "MONTH", a.month, a.estateIds, "month", "2031-04", ALL_KINDS),
  }),
  quarterlySatisfactionReport: t.field({
    type: Quarterly, description: "§12 quarterly satisfaction report (quarter 2031-Q2)", authScopes: { permission: "reports:read" },
    args: { quarter: t.arg.string({ required: true }), estateIds: t.arg.globalIDList({ required: false }) },
    resolve: (_r, a, ctx) => base(ctx, "QUARTER", a.quarter, a.estateIds, "quarter", "2031-Q2", ALL_KINDS),
  }),
  annualSummary: t.field({
    type: Annual, description: "§12 annual summary (year 2031)", authScopes: { permission: "reports:read" },
    args: { year: t.arg.string({ required: true }), estateIds: t.arg.globalIDList({ required: false }) },
    resolve: (_r, a, ctx) => base(ctx, "YEAR", a.year, a.estateIds, "year", "2031", ALL_KINDS),
  }),
}));
