import { Prisma } from "@tingjian/prisma/client";
import { knownComplaintSql, type VisibleTopSecret } from "../metrics/visibility.ts";
import { LOCATION_TRANSLATE } from "./place.ts";
import { REC2_DEFAULT_DAYS, REC2_POLICY_KEY } from "./repeat-repair.ts";

/**
 * REC-2 in SQL: a complaint is a repeat when an earlier valid, non-duplicate complaint of the same
 * second-level category and the same place was received within the window before it. The
 * database decides it with window functions over the complaints (no rows are compared in
 * JavaScript), using the index (organisation, household, category, received_at).
 *
 *  - Counted: valid (CLS-1) and not a duplicate (INT-4) — a duplicate is never a repeat and never
 *    the earlier complaint. An unclassified complaint is not counted yet.
 *  - Place: the household; for a public area the estate and the normalised location (place.ts).
 *  - Window: REC-2.windowDays in force when the later complaint was received (the estate's
 *    override first), 90 days without a policy; "within" includes the boundary (exactly 90 × 24 h
 *    before counts, a millisecond more does not).
 *  - Order: received_at, then the registration number, then the id — two complaints received in
 *    the same millisecond are still one after the other.
 *  - Known: only complaints the caller may know exist (SEC-2, SEC-7, issue 15 item 8): a
 *    TOP_SECRET complaint not open to the caller is neither counted, nor listed, nor the earlier
 *    complaint that makes another a repeat — otherwise a count, a first-received instant or a
 *    repeat with no earlier complaint in sight would single it out.
 *
 * Since the complaints of a place are ordered, the previous one (LAG) is the latest earlier one:
 * if it is outside the window, every earlier one is.
 */
const DAY = Prisma.sql`interval '24 hours'`;

/** The comparable location of a public-area complaint (null for a household's complaint). */
export function placeTextSql(alias: string): Prisma.Sql {
  const c = Prisma.raw(alias);
  return Prisma.sql`CASE WHEN ${c}.household_id IS NULL THEN translate(coalesce(${c}.location, ''), ${LOCATION_TRANSLATE.from}, ${LOCATION_TRANSLATE.to}) END`;
}

/**
 * The CTE `rec2_policy`: the organisation's REC-2.windowDays rows (a handful), read once per
 * query so that each complaint's window is a lookup in memory, not an index probe per row.
 */
function policyCte(organizationId: string): Prisma.Sql {
  return Prisma.sql`rec2_policy AS MATERIALIZED (
      SELECT p.estate_id, p.effective_from, p.effective_to, p.value_numeric::float8 AS days FROM policy_values p
       WHERE p.organization_id = ${organizationId}::uuid AND p.key = ${REC2_POLICY_KEY} AND p.value_numeric IS NOT NULL)`;
}

/** REC-2.windowDays in force at the complaint's receipt for its estate (policyAt, in SQL; needs `rec2_policy`). */
export function windowDaysSql(alias: string): Prisma.Sql {
  const c = Prisma.raw(alias);
  return Prisma.sql`coalesce((
    SELECT p.days FROM rec2_policy p
     WHERE (p.estate_id = ${c}.estate_id OR p.estate_id IS NULL)
       AND p.effective_from <= ${c}.received_at AND (p.effective_to IS NULL OR ${c}.received_at < p.effective_to)
     ORDER BY (p.estate_id IS NULL), p.effective_from DESC LIMIT 1), ${REC2_DEFAULT_DAYS}::float8)`;
}

/** Counted by REC-2: valid, not a duplicate, categorised. */
function counted(alias: string): Prisma.Sql {
  const c = Prisma.raw(alias);
  return Prisma.sql`${c}.valid IS TRUE AND ${c}.duplicate_of_id IS NULL AND ${c}.category_id IS NOT NULL`;
}

export interface RecurrenceQuery {
  organizationId: string;
  /** The period: received in [from, to). */
  from: Date;
  to: Date;
  /** The caller's estates (null = all), narrowed by the filter. */
  estateIds: readonly string[] | null;
  /** A second-level category, or a first-level one with its children. */
  categoryId: string | null;
  /** §2, WF-5: the developer liaison counts only complaints forwarded to the developer. */
  forwardedOnly: boolean;
  /** SEC-2, issue 15 item 8: the TOP_SECRET complaints the caller may know (null: every one, the executive). */
  visibleTopSecret: VisibleTopSecret;
}

/**
 * The CTEs `flagged` (every counted complaint of the period and of one window before it, with
 * `placed`, `is_repeat`, and the next complaint of its place) for the queries below.
 */
function flaggedCtes(q: RecurrenceQuery): Prisma.Sql {
  const estates = q.estateIds ? [...q.estateIds] : null;
  // The earlier complaints reach back at most the longest window in force (never less than the
  // default). A row of its own (MATERIALIZED), joined: under row-level security a condition holding
  // a subquery is not used as an index bound, a column of a joined row is.
  const scanFrom = Prisma.sql`${q.from}::timestamptz - (
    SELECT greatest(${REC2_DEFAULT_DAYS}::float8, coalesce(max(p.days), 0)) FROM rec2_policy p WHERE p.effective_from < ${q.to}::timestamptz) * ${DAY}`;
  const place = Prisma.sql`PARTITION BY estate_id, household_id, place_text, category_id ORDER BY received_at, no, id`;
  return Prisma.sql`
    ${policyCte(q.organizationId)},
    scan AS MATERIALIZED (SELECT ${scanFrom} AS since),
    base AS (
      SELECT c.id, c.no, c.received_at, c.estate_id, c.household_id, c.category_id, c.location,
             ${placeTextSql("c")} AS place_text
        FROM scan JOIN complaints c ON c.received_at >= scan.since
       WHERE c.organization_id = ${q.organizationId}::uuid AND ${counted("c")}
         AND c.received_at < ${q.to}::timestamptz
         AND (${estates}::uuid[] IS NULL OR c.estate_id = ANY(${estates}::uuid[]))
         AND (NOT ${q.forwardedOnly}::boolean OR c.forwarded_to_developer_at IS NOT NULL)
         AND ${knownComplaintSql(q.visibleTopSecret, "c")}
         AND (${q.categoryId}::uuid IS NULL OR c.category_id = ${q.categoryId}::uuid
              OR c.category_id IN (SELECT k.id FROM categories k WHERE k.parent_id = ${q.categoryId}::uuid))
    ),
    seq AS (
      SELECT b.*, (b.household_id IS NOT NULL OR b.place_text <> '') AS placed, lag(b.received_at) OVER (${place}) AS prev_at
        FROM base b
    ),
    flagged AS (
      -- The window is looked up only for a complaint with a previous one at its place.
      SELECT s.*, CASE WHEN s.placed AND s.prev_at IS NOT NULL THEN s.prev_at >= s.received_at - ${windowDaysSql("s")} * ${DAY} ELSE FALSE END AS is_repeat
        FROM seq s
    ),
    linked AS (
      SELECT f.*, lead(f.is_repeat) OVER (${place}) AS next_repeat, lead(f.received_at) OVER (${place}) AS next_at
        FROM flagged f
    )`;
}

export interface RecurringProblemRow {
  estate_id: string;
  household_id: string | null;
  place_text: string | null;
  location: string | null;
  category_id: string;
  complaint_count: number;
  repeat_count: number;
  covered_count: number;
  first_received_at: Date;
  last_received_at: Date;
  complaint_ids: string[];
  total: number;
}

/**
 * REC-2 recurring problems of the period: per place × second-level category, the complaints
 * involved in a repeat — each repeat received in the period and the complaint it repeats (which
 * may lie up to one window before the period) — when there are at least `minCount` of them; how
 * many are covered by a corrective action (REC-1). Most complaints first.
 */
export function recurringProblemsSql(q: RecurrenceQuery, minCount: number, limit: number, offset: number): Prisma.Sql {
  return Prisma.sql`
    WITH ${flaggedCtes(q)},
    involved AS (
      SELECT l.* FROM linked l
       WHERE (l.is_repeat AND l.received_at >= ${q.from}::timestamptz) OR (l.next_repeat AND l.next_at >= ${q.from}::timestamptz)
    ),
    grouped AS (
      SELECT i.estate_id, i.household_id, i.place_text, i.category_id,
             (array_agg(i.location ORDER BY i.received_at DESC, i.no DESC, i.id DESC))[1] AS location,
             count(*)::int AS complaint_count,
             (count(*) FILTER (WHERE i.is_repeat AND i.received_at >= ${q.from}::timestamptz))::int AS repeat_count,
             (count(*) FILTER (WHERE EXISTS (SELECT 1 FROM corrective_action_complaints k
                WHERE k.organization_id = ${q.organizationId}::uuid AND k.complaint_id = i.id)))::int AS covered_count,
             min(i.received_at) AS first_received_at, max(i.received_at) AS last_received_at,
             array_agg(i.id::text ORDER BY i.received_at, i.no, i.id) AS complaint_ids
        FROM involved i
       GROUP BY i.estate_id, i.household_id, i.place_text, i.category_id
      HAVING count(*) >= ${minCount}
    )
    SELECT g.*, (count(*) OVER ())::int AS total FROM grouped g
     ORDER BY g.complaint_count DESC, g.repeat_count DESC, g.last_received_at DESC, g.estate_id, g.household_id NULLS LAST, g.place_text NULLS LAST, g.category_id
     LIMIT ${limit} OFFSET ${offset}`;
}

export interface RecurrenceMonthRow {
  month: string;
  complaints: number;
  repeats: number;
}

/**
 * §11 recurrence rate by month (in the estate's timezone): repeat complaints (REC-2) ÷ valid
 * non-duplicate complaints, by received-at in the period.
 */
export function recurrenceTrendSql(q: RecurrenceQuery): Prisma.Sql {
  return Prisma.sql`
    WITH ${flaggedCtes(q)}
    SELECT to_char(f.received_at AT TIME ZONE e.timezone, 'YYYY-MM') AS month,
           count(*)::int AS complaints, (count(*) FILTER (WHERE f.is_repeat))::int AS repeats
      FROM flagged f JOIN estates e ON e.id = f.estate_id
     WHERE f.received_at >= ${q.from}::timestamptz
     GROUP BY 1 ORDER BY 1`;
}

export interface EarlierRow {
  complaint_id: string;
  earlier_id: string;
}

/**
 * REC-2 for given complaints: every earlier counted complaint of the same place and category
 * within the window, latest first (the first one is what LAG sees). Organisation-wide (not only
 * the caller's estates), as the recurrence rate counts it; but among the complaints the caller may
 * know exist (SEC-2, issue 15 item 8: a hidden TOP_SECRET complaint makes no repeat, or
 * `isRepeat` with no `repeatOf` would single it out).
 */
export function earlierComplaintsSql(organizationId: string, ids: readonly string[], visibleTopSecret: VisibleTopSecret): Prisma.Sql {
  return Prisma.sql`
    WITH ${policyCte(organizationId)},
    t AS (
      SELECT c.id, c.organization_id, c.estate_id, c.household_id, c.category_id, c.received_at, c.no,
             ${placeTextSql("c")} AS place_text, ${windowDaysSql("c")} AS window_days
        FROM complaints c
       WHERE c.organization_id = ${organizationId}::uuid AND c.id = ANY(${[...ids]}::uuid[]) AND ${counted("c")}
    )
    SELECT t.id::text AS complaint_id, e.id::text AS earlier_id
      FROM t JOIN LATERAL (
        SELECT e.id, e.received_at, e.no FROM complaints e
         WHERE e.organization_id = t.organization_id AND e.category_id = t.category_id AND ${counted("e")} AND ${knownComplaintSql(visibleTopSecret, "e")}
           AND e.received_at >= t.received_at - t.window_days * ${DAY}
           AND (e.received_at, e.no, e.id) < (t.received_at, t.no, t.id)
           AND CASE WHEN t.household_id IS NOT NULL THEN e.household_id = t.household_id
                    ELSE e.household_id IS NULL AND e.estate_id = t.estate_id AND t.place_text <> '' AND ${placeTextSql("e")} = t.place_text END
      ) e ON true
     ORDER BY t.id, e.received_at DESC, e.no DESC, e.id DESC`;
}
