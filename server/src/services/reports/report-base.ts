import { Prisma } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import type { MetricKind, SliceBy } from "../../domain/metrics/catalogue.ts";
import { parsePeriodLabel, periodContaining, type Period, type PeriodKind } from "../../domain/metrics/periods.ts";
import { complaintVisible } from "../../domain/metrics/populations.ts";
import type { PolicyRow } from "../../domain/policies/policy-at.ts";
import { InputError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { metricsFor, metricsWithTotals, type MetricsData } from "./engine.ts";
import { loadPolicies, populationParams, resolveScope, type Scope } from "./scope.ts";

/**
 * SPEC §12 reports: each is a set of §11 figure tables computed for a past period from the stored
 * data and judged by the policy then in force (engine.ts: the same figures as `metrics`). A report
 * resolves its scope, period and policies once (openReport); each section is one SQL statement
 * (plus one for its slice labels) and is computed only when asked for.
 */

export interface ReportBase {
  scope: Scope;
  period: Period;
  policies: PolicyRow<number | null>[];
}

const KIND_NAMES: Record<PeriodKind, [string, string]> = {
  WEEK: ["周", "week"],
  MONTH: ["月份", "month"],
  QUARTER: ["季度", "quarter"],
  HALF_YEAR: ["半年", "half-year"],
  YEAR: ["年份", "year"],
};

/** A report's period from its label (2031-W14, 2031-04, 2031-Q2, 2031) or a day in it (YYYY-MM-DD). */
export function reportPeriod(kind: PeriodKind, value: string, timeZone: string, field: string, example: string): Period {
  const v = value.trim();
  const period =
    /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))
      ? periodContaining(kind, v, timeZone)
      : parsePeriodLabel(v, timeZone, kind);
  if (!period) throw new InputError(field, msg("reportPeriodLabel", { kind: KIND_NAMES[kind], example }));
  return period;
}

/** §12: the scope (estate row ids of the caller's scope, default all), the period and the policy values of a report. */
export async function openReport(
  ctx: SignedInContext,
  kind: PeriodKind,
  value: string,
  estateIds: readonly string[] | null | undefined,
  field: string,
  example: string,
  kinds: readonly MetricKind[],
): Promise<ReportBase> {
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
interface PendingCuts {
  kinds: readonly MetricKind[];
  asked: Set<SliceBy>;
  result: Promise<Map<SliceBy, MetricsData>>;
}
const pendingCuts = new WeakMap<ReportBase, Map<string, PendingCuts>>();

export function sectionMetrics(ctx: SignedInContext, r: ReportBase, sliceBy: SliceBy, kinds: readonly MetricKind[]): Promise<MetricsData> {
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
        return new Map<SliceBy, MetricsData>([
          ["ORGANIZATION", both.totals],
          ["ESTATE", both.byEstate],
        ]);
      }
      const [only] = [...asked] as [SliceBy];
      return new Map([[only, await metricsFor(ctx, r.scope, r.period, only, kinds, r.policies)]]);
    });
    open.set(key, (pending = { kinds, asked, result }));
  }
  pending.asked.add(sliceBy);
  return pending.result.then((m) => m.get(sliceBy)!);
}

/** The year's quarters of an annual report, each judged by its own quarter's policy (§12, SPEC preamble). */
export async function quarterFigures(ctx: SignedInContext, r: ReportBase, kinds: readonly MetricKind[]): Promise<MetricsData[]> {
  const out: MetricsData[] = [];
  for (const q of [1, 2, 3, 4]) {
    const period = parsePeriodLabel(`${r.period.label}-Q${q}`, r.scope.timeZone, "QUARTER")!;
    out.push(await metricsFor(ctx, r.scope, period, "ORGANIZATION", kinds, r.policies));
  }
  return out;
}

export interface TypicalCaseRow {
  id: string;
  escalations: number;
  in_library: boolean;
}

/**
 * REC-4: the complaints closed (valid, not duplicates) in the period that are in the case library;
 * absent any, those escalated most (WF-7). Only those the caller may know (SEC-2, issue 15 item 8).
 */
export async function typicalCaseRows(ctx: SignedInContext, r: ReportBase, limit: number): Promise<TypicalCaseRow[]> {
  if (limit < 1 || limit > 50) throw new InputError("limit", msg("reportCaseLimit"));
  const p = populationParams(ctx, r.scope, r.period, "ORGANIZATION", r.policies);
  const estates = r.scope.estateIds ? Prisma.sql`AND c.estate_id = ANY(${r.scope.estateIds}::uuid[])` : Prisma.empty;
  return ctx.prisma.$queryRaw<TypicalCaseRow[]>`
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
}
