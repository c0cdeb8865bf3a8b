import { getRefFromModel, queryFromInfo } from "@pothos/plugin-prisma";
import type { GraphQLResolveInfo } from "graphql";
import { builder } from "../../builder.ts";
import { signedIn, type Context, type SignedInContext } from "../../access/context.ts";
import { complaintScope } from "../../access/read-scope.ts";
import { SPEC_METRICS, type MetricKind, type SliceBy } from "../../domain/metrics/catalogue.ts";
import type { PeriodKind } from "../../domain/metrics/periods.ts";
import type { MetricsData } from "../../services/reports/engine.ts";
import { openReport, quarterFigures, sectionMetrics, typicalCaseRows, type ReportBase } from "../../services/reports/report-base.ts";
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

const COMPLAINT_FIGURES: MetricKind[] = ["COMPLAINT_SHARE", "VALID_COMPLAINT_RATE", "RECURRENCE_RATE"];
const CALLBACK_FIGURES: MetricKind[] = ["CALLBACK_RATE", "CALLBACK_RESOLUTION_RATE", "PHONE_SHARE", "CALLBACK_SATISFACTION"];
const SURVEY_FIGURES: MetricKind[] = ["SATISFACTION", "RETURN_RATE", "SURVEY_COVERAGE", "COMPLAINANT_COVERAGE"];

/** A section of a report: some metrics cut one way (computed when the field is asked for). */
function section(sliceBy: SliceBy, kinds: readonly MetricKind[], description: string) {
  return {
    type: MetricsRef,
    description,
    // The report's field required reports:read (a signed-in caller): its sections run in that request.
    resolve: (r: ReportBase, _a: unknown, ctx: Context): Promise<MetricsData> => sectionMetrics(signedIn(ctx), r, sliceBy, kinds),
  };
}

// ---- typical cases (REC-4) ----

interface TypicalCase {
  complaintId: string;
  escalations: number;
  fromCaseLibrary: boolean;
  complaint?: unknown;
}

const TypicalCaseRef = builder.objectRef<TypicalCase>("TypicalCase").implement({
  description:
    "REC-4: a typical case of the period: a closed complaint in the case library, or (when the library has none) one of the most escalated",
  fields: (t) => ({
    complaint: t.field({
      // The Complaint node type (its fields mask and log as everywhere); loaded with the whole list
      // by typicalCases with the selection made here, one query for every case.
      type: getRefFromModel("Complaint", builder) as never,
      nullable: true,
      description: "The case, under the complaint rules (its case-library entries are on it)",
      resolve: (c) => (c.complaint ?? null) as never,
    }),
    escalations: t.exposeInt("escalations", { description: "WF-7 escalations of the complaint" }),
    fromCaseLibrary: t.exposeBoolean("fromCaseLibrary", {
      description: "REC-4: in the case library (false: one of the most escalated, the library having none of the period)",
    }),
  }),
});

/** REC-4: the typical cases (services/reports/report-base.ts), loaded as Complaint nodes with the selection made here (one query). */
async function typicalCases(ctx: SignedInContext, r: ReportBase, limit: number, info: GraphQLResolveInfo): Promise<TypicalCase[]> {
  const rows = await typicalCaseRows(ctx, r, limit);
  if (!rows.length) return [];
  const query = (await queryFromInfo({
    context: ctx,
    info,
    typeName: "Complaint",
    paths: [["complaint"]],
    awaitSelections: true,
  })) as object;
  const complaints = await ctx.prisma.complaint.findMany({
    ...query,
    where: { id: { in: rows.map((x) => x.id) }, AND: [complaintScope(ctx)] },
  });
  const byId = new Map(complaints.map((c) => [c.id, c]));
  return rows.map((x) => ({
    complaintId: x.id,
    escalations: x.escalations,
    fromCaseLibrary: x.in_library,
    complaint: byId.get(x.id) ?? null,
  }));
}

// ---- the reports ----

function reportType(
  name: string,
  description: string,
  sections: Record<string, [SliceBy, readonly MetricKind[], string]>,
  cases?: { description: string; limit: number },
) {
  return builder.objectRef<ReportBase>(name).implement({
    description,
    fields: (t) => ({
      label: t.string({ description: "The period, e.g. 2031-W14, 2031-04, 2031-Q2, 2031", resolve: (r) => r.period.label }),
      from: t.field({ type: "DateTime", description: "The period's start (inclusive)", resolve: (r) => r.period.from }),
      to: t.field({ type: "DateTime", description: "Exclusive", resolve: (r) => r.period.to }),
      ...Object.fromEntries(
        Object.entries(sections).map(([field, [sliceBy, kinds, text]]) => [field, t.field(section(sliceBy, kinds, text))]),
      ),
      ...(cases
        ? {
            typicalCases: t.field({
              type: [TypicalCaseRef],
              description: cases.description,
              args: { limit: t.arg.int({ required: false, defaultValue: cases.limit, description: "How many cases, 1 to 50" }) },
              resolve: (r, args, ctx, info) => typicalCases(signedIn(ctx), r, args.limit ?? cases.limit, info),
            }),
          }
        : {}),
    }),
  });
}

const Weekly = reportType(
  "WeeklyComplaintReport",
  "§12 weekly complaint report: the week's complaints by channel, estate, category and severity, the valid complaint and recurrence rates, callbacks and SLA attainment",
  {
    totals: ["ORGANIZATION", [...COMPLAINT_FIGURES, "CALLBACK_RATE", "SLA_ATTAINMENT"], "Every estate of the report together"],
    byEstate: ["ESTATE", [...COMPLAINT_FIGURES, "CALLBACK_RATE", "SLA_ATTAINMENT"], "Per estate"],
    byChannel: ["CHANNEL", ["COMPLAINT_SHARE"], "INT-1: complaints received per channel"],
    byCategory: ["CATEGORY", ["COMPLAINT_SHARE", "VALID_COMPLAINT_RATE"], "CLS-4: complaints per second-level category"],
    bySeverity: ["SEVERITY", ["COMPLAINT_SHARE"], "CLS-3: complaints per severity (drill into MAJOR for the major complaints of the week)"],
  },
);

const MonthlyAnalysis = reportType(
  "MonthlyComplaintAnalysis",
  "§12, REC-4, SLA-12 monthly complaint analysis: by category, department and estate, with typical cases",
  {
    totals: ["ORGANIZATION", [...COMPLAINT_FIGURES, "CALLBACK_RATE", "SLA_ATTAINMENT"], "Every estate of the report together"],
    byCategory: ["CATEGORY", [...COMPLAINT_FIGURES, "SLA_ATTAINMENT"], "CLS-4: per second-level category"],
    byDepartment: [
      "DEPARTMENT",
      ["COMPLAINT_SHARE", "RECURRENCE_RATE", "SLA_ATTAINMENT", "CALLBACK_RATE"],
      "WF-1: per lead department (no value: not yet assigned)",
    ],
    byEstate: ["ESTATE", [...COMPLAINT_FIGURES, "CALLBACK_RATE", "SLA_ATTAINMENT"], "Per estate"],
  },
  { description: "REC-4: closed complaints of the month in the case library or, absent those, the most escalated", limit: 5 },
);

const MonthlyCallbacks = reportType(
  "MonthlyCallbackStatistics",
  "CB-10, §12 monthly callback statistics for leadership (§11 definitions; the review counts are in callbackStatistics)",
  {
    totals: ["ORGANIZATION", CALLBACK_FIGURES, "Every estate of the report together"],
    byEstate: ["ESTATE", CALLBACK_FIGURES, "Per estate"],
    byStaff: ["STAFF", ["PHONE_SHARE", "CALLBACK_SATISFACTION", "CALLBACK_RESOLUTION_RATE"], "Per staff member who called back"],
    bySeverity: ["SEVERITY", ["CALLBACK_RATE"], "CB-2: callback rate by the complaint's severity"],
  },
);

const MonthlyFeedback = reportType(
  "MonthlyCustomerFeedback",
  "§12 monthly customer-feedback report: what customers raised (complaints), said in callbacks and visits, and answered in surveys",
  {
    totals: [
      "ORGANIZATION",
      [
        "COMPLAINT_SHARE",
        "VALID_COMPLAINT_RATE",
        "CALLBACK_SATISFACTION",
        "CALLBACK_RESOLUTION_RATE",
        "VISIT_RATE",
        "SATISFACTION",
        "RETURN_RATE",
      ],
      "Every estate of the report together",
    ],
    byEstate: [
      "ESTATE",
      [
        "COMPLAINT_SHARE",
        "VALID_COMPLAINT_RATE",
        "CALLBACK_SATISFACTION",
        "CALLBACK_RESOLUTION_RATE",
        "VISIT_RATE",
        "SATISFACTION",
        "RETURN_RATE",
      ],
      "Per estate",
    ],
    byCategory: ["CATEGORY", ["COMPLAINT_SHARE"], "CLS-4: what the complaints were about"],
    byChannel: ["CHANNEL", ["COMPLAINT_SHARE"], "INT-1: how they reached us"],
  },
);

const Quarterly = reportType(
  "QuarterlySatisfactionReport",
  "§12, SUR-2…SUR-4, CB-1 quarterly satisfaction report: satisfaction per dimension × estate with targets, return rate, coverage, complainant coverage, callback rate, valid complaint rate and recurrence",
  {
    totals: [
      "ORGANIZATION",
      [...SURVEY_FIGURES, "CALLBACK_RATE", "VALID_COMPLAINT_RATE", "RECURRENCE_RATE"],
      "Every estate of the report together",
    ],
    byEstate: [
      "ESTATE",
      [...SURVEY_FIGURES, "CALLBACK_RATE", "VALID_COMPLAINT_RATE", "RECURRENCE_RATE"],
      "Per estate (satisfaction: one figure per dimension)",
    ],
  },
);

const ANNUAL_QUARTER_FIGURES: MetricKind[] = [
  "VALID_COMPLAINT_RATE",
  "RECURRENCE_RATE",
  "CALLBACK_RATE",
  "CALLBACK_RESOLUTION_RATE",
  "PHONE_SHARE",
  "SLA_ATTAINMENT",
];

const Annual = reportType(
  "AnnualSummary",
  "§12, REC-4 annual summary for the management review: satisfaction, every §11 figure by estate and quarter, important cases and lessons",
  {
    totals: ["ORGANIZATION", [...SPEC_METRICS, "COMPLAINT_SHARE"], "Every §11 figure of the year"],
    byEstate: ["ESTATE", [...SPEC_METRICS, "COMPLAINT_SHARE"], "Per estate"],
    bySeverity: ["SEVERITY", ["COMPLAINT_SHARE", "CALLBACK_RATE"], "CLS-3: important cases: drill into IMPORTANT and MAJOR"],
    byCategory: ["CATEGORY", ["COMPLAINT_SHARE", "RECURRENCE_RATE"], "CLS-4: per second-level category"],
  },
  {
    description:
      "REC-4: the year's closed complaints in the case library (their lessons on complaint.caseLibraryEntries) or, absent those, the most escalated",
    limit: 10,
  },
);

builder.objectField(Annual, "quarters", (t) =>
  t.field({
    type: [MetricsRef],
    description: "The year quarter by quarter (each judged by its own quarter's policy)",
    resolve: (r, _a, ctx) => quarterFigures(signedIn(ctx), r, ANNUAL_QUARTER_FIGURES),
  }),
);

// ---- queries ----

const ALL_KINDS: MetricKind[] = [...SPEC_METRICS, "COMPLAINT_SHARE", "CALLBACK_SATISFACTION"];

const REPORTS: [
  field: string,
  type: ReturnType<typeof reportType>,
  description: string,
  arg: string,
  kind: PeriodKind,
  example: string,
  argDescription: string,
][] = [
  [
    "weeklyComplaintReport",
    Weekly,
    "§12 weekly complaint report of an ISO week (2031-W14, or a day in it)",
    "week",
    "WEEK",
    "2031-W14",
    "An ISO week such as 2031-W14, or a day in it (YYYY-MM-DD)",
  ],
  [
    "monthlyComplaintAnalysis",
    MonthlyAnalysis,
    "§12 monthly complaint analysis (month YYYY-MM)",
    "month",
    "MONTH",
    "2031-04",
    "A month such as 2031-04, or a day in it",
  ],
  [
    "monthlyCallbackStatistics",
    MonthlyCallbacks,
    "CB-10, §12 monthly callback statistics (month YYYY-MM)",
    "month",
    "MONTH",
    "2031-04",
    "A month such as 2031-04, or a day in it",
  ],
  [
    "monthlyCustomerFeedback",
    MonthlyFeedback,
    "§12 monthly customer-feedback report (month YYYY-MM)",
    "month",
    "MONTH",
    "2031-04",
    "A month such as 2031-04, or a day in it",
  ],
  [
    "quarterlySatisfactionReport",
    Quarterly,
    "§12 quarterly satisfaction report (quarter 2031-Q2)",
    "quarter",
    "QUARTER",
    "2031-Q2",
    "A quarter such as 2031-Q2, or a day in it",
  ],
  ["annualSummary", Annual, "§12 annual summary (year 2031)", "year", "YEAR", "2031", "A year such as 2031, or a day in it"],
];

for (const [field, type, description, arg, kind, example, argDescription] of REPORTS) {
  builder.queryField(field, (t) =>
    t.withAuth({ permission: "reports:read" }).field({
      type,
      description,
      args: {
        [arg]: t.arg.string({ required: true, description: argDescription }),
        estateIds: t.arg.globalIDList({ required: false, description: "Estates of your scope (default all of them)" }),
      },
      resolve: (_r, a, ctx) =>
        openReport(
          ctx,
          kind,
          a[arg] as string,
          (a.estateIds as { id: string }[] | null | undefined)?.map((e) => e.id),
          arg,
          example,
          ALL_KINDS,
        ),
    }),
  );
}
