import { Prisma } from "@tingjian/prisma/client";
import { placeTextSql } from "../recurrence/repeat-sql.ts";
import { EVERY_SLICE_KEY, METRICS, NOT_SET_KEY, ORGANIZATION_KEY, sameRows, type MetricKind, type SliceBy } from "./catalogue.ts";
import {
  CALLBACK_SLICE,
  callbackVisible,
  columns,
  COMPLAINT_SLICE,
  complaintVisible,
  DEFAULT_WINDOW_DAYS,
  estateIn,
  EVERY,
  EVERY_SLICE,
  HOUSEHOLD_SLICE,
  inPeriod,
  ISSUE_SLICE,
  SLA_SLICE,
  sliceOf,
  sliceText,
  VALID_NOT_DUPLICATE,
  VISIT_SLICE,
  type PopulationParams,
  type SliceMap,
  type Sql,
} from "./sql-parts.ts";
import { complainantHouseholds, handouts, householdsHanded, residentsAtCampaignStart, surveyAnswers } from "./survey-populations.ts";

export { complaintVisible, DEFAULT_WINDOW_DAYS, type PopulationParams, type WindowPolicy } from "./sql-parts.ts";

/**
 * SPEC §11 as SQL. Every metric is a *population*: a subquery with one row per thing counted
 * (a complaint, a confirmation round, a stage, an answer, a household …) and the columns
 *
 *   part        the dimension / SLA rule / month the row counts under ('' when the metric has one)
 *   part_label  a label of the part (a dimension's name), or null
 *   slice_key   the slice the row belongs to ('~' = no value, '*' = every slice)
 *   slice_raw   the same as its column is (uuid, enum, text; null = no value): the figures group by it
 *   row_id      unique within a part (the unit counted), node_id the GraphQL node that shows it
 *   sort_at, sort_text   the drill-down order
 *   in_num      whether the row is in the numerator (for metrics whose numerator is a subset)
 *   score       the satisfaction score of an answer (0-100), else null
 *   judged_at   the campaign's start for survey figures (the policy of that instant judges them)
 *
 * The figures (`aggregateSql`) GROUP BY the population and the drill-down (`drillCountSql`,
 * `drillPageSql`) filters the very same subquery, so a figure and the rows behind it cannot drift
 * apart. Everything is parameterised (Prisma.sql); column names come only from the constant maps
 * below. Pure: it builds SQL and runs nothing.
 *
 * SEC-2, SEC-7, issue 15 item 8: a population holds only what the caller may know exists
 * (visibility.ts). A complaint the caller may not know (TOP_SECRET, not the executive, not
 * designated) is not a row of any population, nor is anything hanging off it (its confirmation
 * rounds, SLA stages, callbacks and their issues, its household as a complainant household), nor
 * is it the earlier complaint that makes another a repeat. So a figure equals the rows its
 * drill-down lists and the rows of the ledger: no difference between them singles out a hidden record.
 */
const { sql, raw, empty, join } = Prisma;
// ---- complaints ----

/** Complaints received in the period (duplicates never count, INT-4), optionally only valid ones (CLS-1). */
function receivedComplaints(p: PopulationParams, opts: { validOnly: boolean; slice: SliceMap; inNum: Sql }): Sql {
  return sql`SELECT ${columns({ slice: sliceOf(opts.slice, p.sliceBy), rowId: raw("c.id"), nodeId: raw("c.id"), sortAt: raw("c.received_at"), sortText: raw("c.no"), inNum: opts.inNum })}
    FROM complaints c
   WHERE c.organization_id = ${p.organizationId}::uuid AND c.duplicate_of_id IS NULL ${opts.validOnly ? sql`AND c.valid` : empty}
     AND ${inPeriod(p, "c.received_at")} ${estateIn(p, "c.estate_id")} AND ${complaintVisible(p, "c")}`;
}

/**
 * REC-2 as the recurrence module decides it (domain/recurrence/repeat-sql.ts): complaint `c` is a
 * repeat when an earlier valid, non-duplicate complaint of the same second-level category at the
 * same place was received within the window before it. The place is the household; for a public
 * area (no household) the estate and the location text, compared in the recurrence module's
 * normalised form ("3栋 电梯" is "3栋电梯") so that the §11 rate and the recurring problems agree;
 * so does the order of two complaints received in the same instant (received_at, then number,
 * then id) and the window's boundary (exactly the window before still counts). Duplicates are
 * never repeats and never the earlier complaint (the scan excludes them); unclassified complaints
 * are counted in the denominator, never repeats.
 *
 * One pass with a window function instead of an index probe per complaint: the counted
 * complaints of the period and of the longest window before it (`scanFrom`), ordered per place
 * and category; the previous one (LAG) is the latest earlier one, so if it is outside the
 * complaint's window every earlier one is. The window (`repeatWindowDays`) is looked up only for
 * complaints that have a previous one.
 */
function recurrenceComplaints(p: PopulationParams): Sql {
  const place = placeTextSql("c");
  return sql`SELECT ${columns({ slice: sliceOf(COMPLAINT_SLICE, p.sliceBy), rowId: raw("c.id"), nodeId: raw("c.id"), sortAt: raw("c.received_at"), sortText: raw("c.no"), inNum: raw("c.is_repeat") })}
    FROM (SELECT k.*, CASE WHEN k.prev_at IS NULL OR k.category_id IS NULL OR NOT (k.household_id IS NOT NULL OR k.place_text <> '') THEN FALSE
                           ELSE k.prev_at >= k.received_at - ${repeatWindowDays(p, "k")} * interval '24 hours' END AS is_repeat
            FROM (SELECT c.id, c.no, c.organization_id, c.received_at, c.estate_id, c.building_id, c.lead_department_id, c.category_id, c.channel,
                         c.severity, c.assignee_id, c.household_id, ${place} AS place_text,
                         lag(c.received_at) OVER (PARTITION BY c.estate_id, c.household_id, ${place}, c.category_id ORDER BY c.received_at, c.no, c.id) AS prev_at
                    FROM complaints c
                   WHERE c.organization_id = ${p.organizationId}::uuid AND c.valid AND c.duplicate_of_id IS NULL
                     AND c.received_at >= ${scanFrom(p)}::timestamptz AND c.received_at < ${p.to}::timestamptz ${estateIn(p, "c.estate_id")}
                     AND ${complaintVisible(p, "c")}) k
           WHERE k.received_at >= ${p.from}::timestamptz) c`;
}

/**
 * Where the scan for earlier complaints starts: the period's start minus the longest REC-2 window
 * that can apply to a complaint of the period (never less than the default), and a day more
 * (earlier rows only serve as "the previous complaint"; reading more of them changes nothing).
 */
function scanFrom(p: PopulationParams): Date {
  const days = Math.max(
    DEFAULT_WINDOW_DAYS,
    ...p.windowPolicy.filter((w) => w.value !== null && Number.isFinite(w.value) && w.effectiveFrom < p.to).map((w) => w.value!),
  );
  return new Date(p.from.getTime() - (days + 1) * 86_400_000);
}

/**
 * REC-2.windowDays in force when complaint `alias` was received, the estate's override first
 * (policyAt's rule), 90 without one (the policy value's unit is days; the window is that many
 * 24-hour days). The policy rows (a handful) travel as one parameter, so the lookup reads no table.
 */
function repeatWindowDays(p: PopulationParams, alias: string): Sql {
  const rows = JSON.stringify(
    p.windowPolicy.map((w) => ({
      estate_id: w.estateId,
      days: w.value,
      eff_from: w.effectiveFrom.toISOString(),
      eff_to: w.effectiveTo?.toISOString() ?? null,
    })),
  );
  const c = raw(alias);
  return sql`coalesce((SELECT r.days FROM jsonb_to_recordset(${rows}::jsonb) AS r(estate_id uuid, days float8, eff_from timestamptz, eff_to timestamptz)
      WHERE (r.estate_id = ${c}.estate_id OR r.estate_id IS NULL) AND r.days IS NOT NULL AND r.eff_from <= ${c}.received_at AND (r.eff_to IS NULL OR ${c}.received_at < r.eff_to)
      ORDER BY r.estate_id IS NULL, r.eff_from DESC LIMIT 1), ${DEFAULT_WINDOW_DAYS}::float8)`;
}

/** Resident households (§1 常住户) of the scope, with the slice of their place (or '*'). */
function residentHouseholds(p: PopulationParams, opts: { part?: Sql; crossMonths?: boolean } = {}): Sql {
  return sql`SELECT ${columns({ part: opts.part, slice: sliceOf(HOUSEHOLD_SLICE, p.sliceBy), rowId: raw("h.id"), nodeId: raw("h.id"), sortText: raw("h.code"), inNum: sql`TRUE` })}
    FROM households h ${opts.crossMonths ? sql`CROSS JOIN unnest(${[...p.months]}::text[]) AS mo(month)` : empty}
   WHERE h.organization_id = ${p.organizationId}::uuid AND h.occupied ${estateIn(p, "h.estate_id")}`;
}

// ---- callback rate (CB-1; the one implementation, also behind callbackStatistics) ----

/**
 * CB-1, §11 callback rate: the satisfied confirmations in the period of valid, non-duplicate,
 * non-exempt (CB-8) complaints — a complaint reopened and confirmed again is due again — and in
 * the numerator those whose callback round (SLA-10, or SLA-11 for repairs; the n-th satisfied
 * confirmation is round n) was met, i.e. the customer reached in time. A confirmation's round is
 * its rank among the complaint's satisfied confirmations (by time, then id: row_number's order),
 * counted through the (organisation, complaint) index for the period's confirmations only. The met
 * stage is looked up per confirmation through the (organisation, complaint, rule, stage, round) key
 * (a scalar subquery, not EXISTS: the planner would rather hash every met stage of the organisation).
 */
function callbackRounds(p: PopulationParams): Sql {
  return sql`SELECT ${columns({
    slice: sliceOf(COMPLAINT_SLICE, p.sliceBy),
    rowId: raw("r.id"),
    nodeId: raw("c.id"),
    sortAt: raw("r.confirmed_at"),
    sortText: raw("c.no"),
    inNum: sql`coalesce((SELECT TRUE FROM sla_stages s WHERE s.organization_id = ${p.organizationId}::uuid AND s.complaint_id = r.complaint_id
                 AND s.rule IN ('SLA_10', 'SLA_11') AND s.round = n.round AND s.status = 'MET' LIMIT 1), FALSE)`,
  })}
    FROM complaint_confirmations r
    -- The complaint of each confirmation by its key (OFFSET 0: not a hash join over every complaint).
    CROSS JOIN LATERAL (SELECT c.* FROM complaints c WHERE c.id = r.complaint_id OFFSET 0) c
    CROSS JOIN LATERAL (SELECT count(*)::int AS round FROM complaint_confirmations e
                         WHERE e.organization_id = r.organization_id AND e.complaint_id = r.complaint_id AND e.satisfied
                           AND (e.confirmed_at, e.id) <= (r.confirmed_at, r.id)) n
   WHERE r.organization_id = ${p.organizationId}::uuid AND r.satisfied AND ${inPeriod(p, "r.confirmed_at")}
     AND ${VALID_NOT_DUPLICATE("c")} AND NOT c.callback_exempt ${estateIn(p, "c.estate_id")} AND ${complaintVisible(p, "c")}`;
}

// ---- callbacks ----

/** CB-6: a callback was made (the customer reached, DONE, or not, NOT_REACHED); planned and cancelled ones were not. */
const CALLBACK_MADE = sql`cb.status IN ('DONE', 'NOT_REACHED')`;

function callbacksMade(p: PopulationParams, opts: { where: Sql; inNum: Sql }): Sql {
  return sql`SELECT ${columns({ slice: sliceOf(CALLBACK_SLICE, p.sliceBy), rowId: raw("cb.id"), nodeId: raw("cb.id"), sortAt: raw("cb.called_at"), sortText: raw("cb.no"), inNum: opts.inNum })}
    FROM callbacks cb LEFT JOIN complaints c ON c.id = cb.complaint_id LEFT JOIN households hh ON hh.id = cb.household_id
   WHERE cb.organization_id = ${p.organizationId}::uuid AND ${inPeriod(p, "cb.called_at")} AND ${opts.where} ${estateIn(p, "cb.estate_id")} AND ${callbackVisible(p)}`;
}

/** CB-6, CB-7: issues raised in the callbacks made (reached or not) in the period; resolved ones in the numerator. */
function callbackIssues(p: PopulationParams): Sql {
  return sql`SELECT ${columns({ slice: sliceOf(ISSUE_SLICE, p.sliceBy), rowId: raw("i.id"), nodeId: raw("i.id"), sortAt: raw("i.created_at"), inNum: raw("i.resolved") })}
    FROM callback_issues i JOIN callbacks cb ON cb.id = i.callback_id
    LEFT JOIN complaints c ON c.id = cb.complaint_id LEFT JOIN households hh ON hh.id = cb.household_id
   WHERE cb.organization_id = ${p.organizationId}::uuid AND ${CALLBACK_MADE} AND ${inPeriod(p, "cb.called_at")} ${estateIn(p, "cb.estate_id")} AND ${callbackVisible(p)}`;
}

// ---- SLA ----

/**
 * §6, §11: the stages started in the period that are due — finished (met or breached), or still
 * running past their deadline now (missed even before the sweep stores the breach). A cancelled
 * stage, or a paused one (waiting for the customer), is not due.
 */
function slaStages(p: PopulationParams): Sql {
  return sql`SELECT ${columns({ part: raw("s.rule::text"), slice: sliceOf(SLA_SLICE, p.sliceBy), rowId: raw("s.id"), nodeId: raw("s.id"), sortAt: raw("s.started_at"), inNum: sql`s.status = 'MET'` })}
    FROM sla_stages s JOIN complaints c ON c.id = s.complaint_id
   WHERE s.organization_id = ${p.organizationId}::uuid AND ${inPeriod(p, "s.started_at")} ${estateIn(p, "s.estate_id")} AND ${complaintVisible(p, "c")}
     AND (s.status IN ('MET', 'BREACHED') OR (s.status = 'RUNNING' AND s.deadline_at < ${p.now}::timestamptz))`;
}

// ---- visits ----

/** VIS-1: the first visit of each household in each local month of the period (a household counts once a month). */
function householdsVisited(p: PopulationParams): Sql {
  return sql`SELECT ${columns({ part: raw("x.month"), slice: raw("x.slice_key"), rowId: raw("x.id"), nodeId: raw("x.id"), sortAt: raw("x.visited_at"), inNum: sql`TRUE` })}
    FROM (SELECT DISTINCT ON (k.slice_key, v.household_id, k.month) v.id, v.visited_at, k.slice_key, k.month
            FROM visit_records v JOIN households h ON h.id = v.household_id
           CROSS JOIN LATERAL (SELECT ${sliceText(VISIT_SLICE, p.sliceBy)} AS slice_key, to_char(v.visited_at AT TIME ZONE ${p.timeZone}, 'YYYY-MM') AS month) k
           WHERE v.organization_id = ${p.organizationId}::uuid AND ${inPeriod(p, "v.visited_at")} ${estateIn(p, "v.estate_id")}
           ORDER BY k.slice_key, v.household_id, k.month, v.visited_at, v.id) x`;
}

// ---- the populations of each metric ----

export type Side = "numerator" | "denominator";

/**
 * The rows of a metric's numerator or denominator. For metrics whose numerator is a subset of the
 * denominator (sameRows), both sides are the one population (the numerator filtered by in_num).
 * Null: the side is a stored count, not rows (survey coverage's denominator).
 */
export function populationSql(kind: MetricKind, side: Side, p: PopulationParams): Sql | null {
  switch (kind) {
    case "SATISFACTION":
      return surveyAnswers(p);
    case "RETURN_RATE":
      return handouts(p);
    case "COMPLAINANT_COVERAGE":
      return complainantHouseholds(p);
    case "SURVEY_COVERAGE":
      return side === "numerator" ? householdsHanded(p) : null;
    case "CALLBACK_RATE":
      return callbackRounds(p);
    case "CALLBACK_RESOLUTION_RATE":
      return callbackIssues(p);
    // CB-5, §11: phone callbacks ÷ every callback made, the customer reached or not; the one
    // definition behind `metrics`, the §12 reports, callbackStatistics and callbackMethodShare.
    case "PHONE_SHARE":
      return callbacksMade(p, { where: CALLBACK_MADE, inNum: sql`cb.method = 'PHONE'` });
    case "CALLBACK_SATISFACTION":
      return callbacksMade(p, { where: sql`cb.status = 'DONE' AND cb.satisfied IS NOT NULL`, inNum: raw("cb.satisfied") });
    case "VISIT_RATE":
      return side === "numerator" ? householdsVisited(p) : residentHouseholds(p, { part: raw("mo.month"), crossMonths: true });
    case "VALID_COMPLAINT_RATE":
      return side === "numerator"
        ? receivedComplaints(p, { validOnly: true, slice: COMPLAINT_SLICE, inNum: sql`TRUE` })
        : residentHouseholds(p);
    case "SLA_ATTAINMENT":
      return slaStages(p);
    case "RECURRENCE_RATE":
      return recurrenceComplaints(p);
    case "COMPLAINT_SHARE":
      return receivedComplaints(p, { validOnly: false, slice: side === "numerator" ? COMPLAINT_SLICE : EVERY_SLICE, inNum: sql`TRUE` });
  }
}

/** Whether the denominator of `kind` cut by `by` is the scope's, shared by every slice ('*'). */
export function denominatorIsShared(kind: MetricKind, by: SliceBy): boolean {
  if (sameRows(kind)) return false;
  if (kind === "COMPLAINT_SHARE") return true;
  if (kind === "SURVEY_COVERAGE") return false;
  return HOUSEHOLD_SLICE[by] === EVERY;
}

/**
 * GROUP BY of the figures: per (part, slice); `withTotal` adds the total of every slice per part as
 * the slice ORGANIZATION_KEY (GROUPING SETS: the same rows counted once, so the total is exactly
 * what the figure cut by organisation counts — distinct rows, averages and minimums included).
 */
function grouping(withTotal: boolean): { slice: Sql; by: Sql } {
  // By the slice's own column (a uuid hashes faster than its text); the text is injective on it.
  const text = sql`coalesce((x.slice_raw)::text, '${raw(NOT_SET_KEY)}')`;
  return withTotal
    ? {
        slice: sql`CASE WHEN grouping(x.slice_raw) = 1 THEN ${ORGANIZATION_KEY}::text ELSE ${text} END`,
        by: sql`GROUPING SETS ((x.part, x.slice_raw), (x.part))`,
      }
    : { slice: text, by: sql`x.part, x.slice_raw` };
}

/** The denominator per (part, slice) of a two-population metric, as (part, slice_key, n, judged_at). */
function denominatorCounts(kind: MetricKind, p: PopulationParams, withTotal = false): Sql {
  if (kind === "SURVEY_COVERAGE") return residentsAtCampaignStart(p, withTotal);
  if (kind === "VISIT_RATE") {
    if (withTotal) throw new Error("VISIT_RATE: no total by grouping sets (its rows depend on the slice)");
    // Every month has the same resident households: count them once, then per month.
    return sql`SELECT mo.month AS part, d.slice_key, d.n, NULL::timestamptz AS judged_at
      FROM (SELECT x.slice_key, count(*)::int AS n FROM (${residentHouseholds(p)}) x GROUP BY x.slice_key) d
      CROSS JOIN unnest(${[...p.months]}::text[]) AS mo(month)`;
  }
  const g = grouping(withTotal);
  return sql`SELECT x.part, ${g.slice} AS slice_key, count(*)::int AS n, min(x.judged_at) AS judged_at FROM (${populationSql(kind, "denominator", p)!}) x GROUP BY ${g.by}`;
}

/**
 * Whether a metric's figures cut by `by` and their total can come from one statement
 * (aggregateSql's `withTotal`): its rows must not depend on the slice. VISIT_RATE counts a
 * household once per month *and slice*, so its total is counted on its own.
 */
export function totalByGroupingSets(kind: MetricKind): boolean {
  return kind !== "VISIT_RATE";
}

/**
 * One figure per (part, slice) of a metric: metric, part, part_label, slice_key, numerator,
 * denominator, score, judged_at. A slice with denominator rows and no numerator rows is a 0.
 * `withTotal` (totalByGroupingSets): also the figure of every slice together, as the slice
 * ORGANIZATION_KEY, exactly as the metric cut by organisation gives it.
 */
export function aggregateSql(kind: MetricKind, p: PopulationParams, withTotal = false): Sql {
  const metric = sql`${kind}::text AS metric`;
  const g = grouping(withTotal);
  if (sameRows(kind)) {
    // Two steps: the rows counted per (part, label, slice) by hashing, then the labels (a
    // dimension's name: compared under the collation, costly per row) and the total over those few
    // groups. The score is avg() of values that are whole multiples of 25 (surveyAnswers), so the
    // sums are exact and sum ÷ count is bit for bit the avg() over the rows.
    const total = withTotal
      ? {
          slice: sql`CASE WHEN grouping(x.slice_key) = 1 THEN ${ORGANIZATION_KEY}::text ELSE x.slice_key END`,
          by: sql`GROUPING SETS ((x.part, x.slice_key), (x.part))`,
        }
      : { slice: sql`x.slice_key`, by: sql`x.part, x.slice_key` };
    return sql`SELECT ${metric}, x.part, min(x.part_label) AS part_label, ${total.slice} AS slice_key, sum(x.num)::int AS numerator, sum(x.n)::int AS denominator,
        (sum(x.score_sum) / nullif(sum(x.score_n), 0))::float8 AS score, min(x.judged_at) AS judged_at
      FROM (SELECT x.part, x.part_label, coalesce((x.slice_raw)::text, '${raw(NOT_SET_KEY)}') AS slice_key, count(*) FILTER (WHERE x.in_num) AS num, count(*) AS n,
                   sum(x.score) AS score_sum, count(x.score) AS score_n, min(x.judged_at) AS judged_at
              FROM (${populationSql(kind, "numerator", p)!}) x GROUP BY x.part, x.part_label, x.slice_raw) x
     GROUP BY ${total.by}`;
  }
  const num = sql`SELECT x.part, min(x.part_label) AS part_label, ${g.slice} AS slice_key, count(*)::int AS n, min(x.judged_at) AS judged_at FROM (${populationSql(kind, "numerator", p)!}) x GROUP BY ${g.by}`;
  if (denominatorIsShared(kind, p.sliceBy)) {
    // The scope's denominator ('*'), one row per part, shared by every slice and the total.
    return sql`SELECT ${metric}, n.part, n.part_label, n.slice_key, n.n AS numerator, coalesce(d.n, 0) AS denominator, NULL::float8 AS score, coalesce(n.judged_at, d.judged_at) AS judged_at
      FROM (${num}) n LEFT JOIN (${denominatorCounts(kind, p)}) d ON d.part = n.part`;
  }
  return sql`SELECT ${metric}, coalesce(n.part, d.part) AS part, n.part_label, coalesce(n.slice_key, d.slice_key) AS slice_key, coalesce(n.n, 0) AS numerator,
      coalesce(d.n, 0) AS denominator, NULL::float8 AS score, coalesce(n.judged_at, d.judged_at) AS judged_at
    FROM (${num}) n FULL JOIN (${denominatorCounts(kind, p, withTotal)}) d ON d.part = n.part AND d.slice_key = n.slice_key`;
}

/**
 * Every requested metric's figures in one statement (UNION ALL of the aggregates). `withTotal`:
 * also the total of every slice (slice key ORGANIZATION_KEY), as the same metrics cut by
 * organisation give it — one statement for a report's totals and its slices.
 */
export function figuresSql(kinds: readonly MetricKind[], p: PopulationParams, withTotal = false): Sql {
  return join(
    kinds.flatMap((k) => {
      if (!withTotal || totalByGroupingSets(k)) return [sql`(${aggregateSql(k, p, withTotal)})`];
      return [sql`(${aggregateSql(k, p)})`, sql`(${aggregateSql(k, { ...p, sliceBy: "ORGANIZATION" })})`];
    }),
    " UNION ALL ",
  );
}

export interface DrillFilter {
  part: string;
  sliceKey: string;
  side: Side;
}

/** The rows behind one figure: the same population, one part and slice, the numerator's or the denominator's. */
function drillRows(kind: MetricKind, p: PopulationParams, f: DrillFilter): Sql {
  const rows = populationSql(kind, sameRows(kind) ? "numerator" : f.side, p);
  if (!rows) throw new Error(`${kind}: the ${f.side} is not made of rows`);
  const numeratorOnly = f.side === "numerator" && sameRows(kind);
  const key = f.side === "denominator" && denominatorIsShared(kind, p.sliceBy) ? EVERY_SLICE_KEY : f.sliceKey;
  return sql`SELECT x.row_id, x.node_id, x.sort_at, x.sort_text, x.in_num FROM (${rows}) x
    WHERE x.part = ${f.part} AND x.slice_key = ${key} ${numeratorOnly ? sql`AND x.in_num` : empty}`;
}

/** How many rows are behind the figure (all of them the caller may list: SEC-2, issue 15 item 8). */
export function drillCountSql(kind: MetricKind, p: PopulationParams, f: DrillFilter): Sql {
  return sql`SELECT count(*)::int AS total FROM (${drillRows(kind, p, f)}) d`;
}

/** One page of the rows behind the figure, in a stable order. */
export function drillPageSql(kind: MetricKind, p: PopulationParams, f: DrillFilter, offset: number, limit: number): Sql {
  return sql`SELECT d.row_id, d.node_id, d.in_num FROM (${drillRows(kind, p, f)}) d
    ORDER BY d.sort_at NULLS LAST, d.sort_text NULLS LAST, d.row_id LIMIT ${limit} OFFSET ${offset}`;
}

/** Whether a metric can be cut by a slice (its rows carry that dimension). */
export function sliceable(kind: MetricKind, by: SliceBy): boolean {
  return METRICS[kind].slices.includes(by);
}
