import { gql, signIn, type Caller } from "../api/graphql.ts";
import type { BenchContext, Row, Section, Traced } from "./sections.ts";

/**
 * Issue 6, the analysts' side: the §12 quarterly satisfaction report and the REC-2 recurring-issue
 * analysis through GraphQL (a signed-in analyst over yoga.fetch: session, the request's RLS
 * transaction, scopes), each against hand-written SQL that gives the same numbers, written here
 * from SPEC §10-§11 and the README's definitions straight against the tables (no server code).
 * The numbers are compared before anything is timed; a difference is printed loudly and marked in
 * the table. The SQL runs as the table owner on its own connection with JIT off (as the server
 * runs its requests), one statement per figure set.
 */

const fmt = (n: number, digits = 0) => n.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Wall times of `runs` calls after one warm-up, in milliseconds: the median, and the fastest. */
async function timed(fn: () => Promise<unknown>, runs: number): Promise<{ median: number; min: number }> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)]!, min: times[0]! };
}
const median = async (fn: () => Promise<unknown>, runs: number) => (await timed(fn, runs)).median;

/**
 * GraphQL against SQL, alternating so that both see the same load (the machine may be shared): the
 * medians, and the ratio of the fastest runs as a second opinion.
 */
async function sideBySide(graphql: () => Promise<unknown>, sql: () => Promise<unknown>, runs: number) {
  await graphql();
  await sql();
  const g: number[] = [],
    b: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await graphql();
    g.push(performance.now() - t);
    t = performance.now();
    await sql();
    b.push(performance.now() - t);
  }
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return { graphqlMs: med(g), sqlMs: med(b), minRatio: Math.min(...g) / Math.min(...b) };
}

/** A table row of GraphQL against SQL with its target. */
function judged(what: string, graphqlMs: number, sqlMs: number, minRatio: number, limit: number | null, note: string): Row {
  const ratio = graphqlMs / sqlMs;
  return {
    what,
    ours: fmt(graphqlMs),
    baseline: fmt(sqlMs),
    ratio: `${fmt(ratio, 2)}×`,
    target: limit === null ? "(diagnostic)" : `≤ ${limit}× — ${ratio <= limit ? "met" : "missed"}`,
    note: `${note}; fastest runs ${fmt(minRatio, 2)}×`,
  };
}

/** How many timed runs fit the section's time (at least 5, at most 25). */
async function runsFor(ctx: BenchContext, fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  const ms = performance.now() - t;
  return Math.max(5, Math.min(25, Math.floor((ctx.seconds * 1000) / Math.max(ms, 1))));
}

/** Where the time of one GraphQL request goes: its statements (count, total ms, the slowest). */
function breakdown(total: number, statements: Traced[]): string {
  // BENCH_TRACE=1 lists them.
  if (process.env.BENCH_TRACE)
    for (const x of statements) console.log(`    ${x.ms.toFixed(1).padStart(7)} ms  ${x.text.replace(/\s+/g, " ").trim().slice(0, 160)}`);
  const sql = statements.reduce((s, x) => s + x.ms, 0);
  const slowest = [...statements]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 2)
    .map((x) => fmt(x.ms))
    .join(" + ");
  return `request ${fmt(total)} ms: ${statements.length} statements, ${fmt(sql)} ms in SQL (slowest ${slowest} ms)`;
}

/** Compares two maps of key → "numerator/denominator"; prints every difference loudly. */
function compare(what: string, ours: Map<string, string>, sql: Map<string, string>): string | null {
  const diffs: string[] = [];
  for (const k of new Set([...ours.keys(), ...sql.keys()]))
    if (ours.get(k) !== sql.get(k)) diffs.push(`${k}: GraphQL ${ours.get(k) ?? "—"} vs SQL ${sql.get(k) ?? "—"}`);
  if (!diffs.length) return null;
  console.error(`\n!!! MISMATCH in ${what}: ${diffs.length} figures differ between GraphQL and the hand-written SQL !!!`);
  for (const d of diffs.slice(0, 20)) console.error(`!!!   ${d}`);
  if (diffs.length > 20) console.error(`!!!   … and ${diffs.length - 20} more`);
  return `NUMBERS DIFFER (${diffs.length})`;
}

/** A baseline connection: the table owner, JIT off as in the server's requests. */
async function baselineClient(ctx: BenchContext) {
  const client = await ctx.db.pool.connect();
  await client.query(`SET jit = off`);
  return {
    query: client.query.bind(client),
    release: async () => {
      await client.query(`RESET jit`);
      client.release();
    },
  };
}

/** [from, to) of local dates in the organisation's timezone, as instants (read once, before timing). */
async function localRange(ctx: BenchContext, from: string, to: string): Promise<{ from: Date; to: Date; timeZone: string }> {
  const { rows } = await ctx.db.pool.query<{ f: Date; t: Date; tz: string }>(
    `SELECT ($2::timestamp AT TIME ZONE o.timezone) AS f, ($3::timestamp AT TIME ZONE o.timezone) AS t, o.timezone AS tz FROM organizations o WHERE o.id = $1`,
    [ctx.organizationId, from, to],
  );
  return { from: rows[0]!.f, to: rows[0]!.t, timeZone: rows[0]!.tz };
}

/** The quarter to report: the latest whole quarter in which a survey campaign started and ran. */
async function reportQuarter(ctx: BenchContext): Promise<{ label: string; from: string; to: string }> {
  const { rows } = await ctx.db.pool.query<{ y: number; q: number }>(
    `
    SELECT extract(year FROM sc.starts_at AT TIME ZONE o.timezone)::int AS y, extract(quarter FROM sc.starts_at AT TIME ZONE o.timezone)::int AS q
      FROM survey_campaigns sc JOIN organizations o ON o.id = sc.organization_id
     WHERE sc.organization_id = $1 AND sc.status IN ('RUNNING', 'CLOSED')
       AND date_trunc('quarter', sc.starts_at AT TIME ZONE o.timezone) + interval '3 months' <= (now() AT TIME ZONE o.timezone)
     ORDER BY sc.starts_at DESC LIMIT 1`,
    [ctx.organizationId],
  );
  const { y, q } = rows[0] ?? { y: 2026, q: 2 };
  const first = (q - 1) * 3 + 1;
  const next = q === 4 ? `${y + 1}-01-01` : `${y}-${String(first + 3).padStart(2, "0")}-01`;
  return { label: `${y}-Q${q}`, from: `${y}-${String(first).padStart(2, "0")}-01`, to: next };
}

// ---------------------------------------------------------------------------------------------
// §12 quarterly satisfaction report: satisfaction per dimension, return rate, survey coverage,
// complainant coverage, callback rate, valid complaint rate and recurrence rate, for the whole
// company and per estate.
// ---------------------------------------------------------------------------------------------

const FIGURES = `slices { key label figures { metric part numerator denominator rate score target met } }`;
const QUARTERLY = `query($q: String!) { quarterlySatisfactionReport(quarter: $q) { label from to totals { ${FIGURES} } byEstate { ${FIGURES} } } }`;

interface ReportFigures {
  slices: { key: string | null; figures: { metric: string; part: string | null; numerator: number; denominator: number }[] }[];
}

/** REC-2's comparable location of a public area, written here: NFKC folds full-width forms, then case, spaces and punctuation go. */
const PLACE = (
  alias: string,
) => `CASE WHEN ${alias}.household_id IS NULL THEN lower(regexp_replace(normalize(coalesce(${alias}.location, ''), NFKC),
  '[[:space:][:punct:]\u3000、。〃〈〉《》「」『』【】〔〕〖〗〘〙〚〛〜〝〞〟・·‐‑‒–—―‘’“”…‥]', '', 'g')) END`;

/**
 * Every figure of the report in one statement: $1 organisation, $2 from, $3 to (exclusive),
 * $4 now, $5 the estates. GROUPING SETS give the company's row ('ALL') and each estate's at once.
 */
const QUARTERLY_CTES = `
WITH camp AS MATERIALIZED (
  -- §11: the campaigns that started in the period and ran
  SELECT sc.id, sc.starts_at, prev.starts_at AS prev_starts_at
    FROM survey_campaigns sc LEFT JOIN survey_campaigns prev ON prev.id = sc.previous_campaign_id
   WHERE sc.organization_id = $1 AND sc.starts_at >= $2 AND sc.starts_at < $3 AND sc.status IN ('RUNNING', 'CLOSED')
),
satisfaction AS (
  -- SUR-4: ratings 4-5 of ratings 1-5 per dimension (blank and not applicable left out)
  SELECT CASE WHEN grouping(r.estate_id) = 1 THEN 'ALL' ELSE r.estate_id::text END AS slice, 'SATISFACTION' AS metric, d.code AS part,
         count(*) FILTER (WHERE r.rating >= 4) AS num, count(*) AS den
    FROM survey_responses r JOIN camp ON camp.id = r.campaign_id JOIN questionnaire_dimensions d ON d.id = r.dimension_id
   WHERE r.organization_id = $1 AND r.estate_id = ANY($5) AND NOT r.not_applicable AND r.rating BETWEEN 1 AND 5
   GROUP BY GROUPING SETS ((d.code), (d.code, r.estate_id))
),
returned AS (
  -- SUR-3: questionnaires returned of those handed out (by now)
  SELECT CASE WHEN grouping(ho.estate_id) = 1 THEN 'ALL' ELSE ho.estate_id::text END, 'RETURN_RATE', '',
         count(*) FILTER (WHERE ho.returned_at <= $4), count(*)
    FROM survey_handouts ho JOIN camp ON camp.id = ho.campaign_id
   WHERE ho.organization_id = $1 AND ho.estate_id = ANY($5) AND ho.handed_out_at <= $4
   GROUP BY GROUPING SETS ((), (ho.estate_id))
),
sampled AS (
  SELECT m.estate_id, count(*) AS n FROM survey_sample_members m JOIN camp ON camp.id = m.campaign_id JOIN households h ON h.id = m.household_id
   WHERE m.organization_id = $1 AND m.estate_id = ANY($5) AND h.occupied GROUP BY m.estate_id
),
at_start AS (
  SELECT ce.estate_id, sum(coalesce(ce.resident_households, 0)) AS n FROM survey_campaign_estates ce JOIN camp ON camp.id = ce.campaign_id
   WHERE ce.organization_id = $1 AND ce.estate_id = ANY($5) GROUP BY ce.estate_id
),
coverage AS (
  -- SUR-2: sampled resident households of the resident households stored at the campaign's start
  SELECT CASE WHEN grouping(x.estate_id) = 1 THEN 'ALL' ELSE x.estate_id::text END, 'SURVEY_COVERAGE', '', sum(x.num), sum(x.den)
    FROM (SELECT estate_id, coalesce(s.n, 0) AS num, coalesce(a.n, 0) AS den FROM sampled s FULL JOIN at_start a USING (estate_id)) x
   GROUP BY GROUPING SETS ((), (x.estate_id))
),
complainant AS (
  -- SUR-2: households with a valid complaint since the previous campaign's start, per campaign
  SELECT DISTINCT camp.id AS campaign_id, h.id AS household_id, h.estate_id
    FROM camp JOIN survey_campaign_estates ce ON ce.campaign_id = camp.id
    JOIN complaints c ON c.organization_id = $1 AND c.estate_id = ce.estate_id AND c.valid
                     AND c.received_at < camp.starts_at AND (camp.prev_starts_at IS NULL OR c.received_at >= camp.prev_starts_at)
    JOIN households h ON h.id = c.household_id AND h.estate_id = ce.estate_id
   WHERE ce.estate_id = ANY($5)
),
complainant_coverage AS (
  SELECT CASE WHEN grouping(k.estate_id) = 1 THEN 'ALL' ELSE k.estate_id::text END, 'COMPLAINANT_COVERAGE', '',
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM survey_sample_members m WHERE m.campaign_id = k.campaign_id AND m.household_id = k.household_id)), count(*)
    FROM complainant k GROUP BY GROUPING SETS ((), (k.estate_id))
),
confirmed AS (
  -- CB-1: satisfied confirmations of the period, of valid, non-duplicate, non-exempt complaints
  SELECT r.id, r.complaint_id, c.estate_id FROM complaint_confirmations r JOIN complaints c ON c.id = r.complaint_id
   WHERE r.organization_id = $1 AND r.satisfied AND r.confirmed_at >= $2 AND r.confirmed_at < $3
     AND c.valid AND c.duplicate_of_id IS NULL AND NOT c.callback_exempt AND c.estate_id = ANY($5)
),
numbered AS (
  -- the n-th satisfied confirmation of a complaint is its n-th callback round (SLA-10 / SLA-11)
  SELECT x.id, row_number() OVER (PARTITION BY x.complaint_id ORDER BY x.confirmed_at, x.id) AS round
    FROM complaint_confirmations x WHERE x.organization_id = $1 AND x.satisfied AND x.complaint_id IN (SELECT complaint_id FROM confirmed)
),
callback_rate AS (
  SELECT CASE WHEN grouping(k.estate_id) = 1 THEN 'ALL' ELSE k.estate_id::text END, 'CALLBACK_RATE', '',
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM sla_stages s WHERE s.organization_id = $1 AND s.complaint_id = k.complaint_id
                                           AND s.rule IN ('SLA_10', 'SLA_11') AND s.round = n.round AND s.status = 'MET')), count(*)
    FROM confirmed k JOIN numbered n ON n.id = k.id
   GROUP BY GROUPING SETS ((), (k.estate_id))
),
valid AS (
  SELECT c.estate_id, count(*) AS n FROM complaints c
   WHERE c.organization_id = $1 AND c.estate_id = ANY($5) AND c.valid AND c.duplicate_of_id IS NULL AND c.received_at >= $2 AND c.received_at < $3
   GROUP BY c.estate_id
),
residents AS (
  SELECT h.estate_id, count(*) AS n FROM households h WHERE h.organization_id = $1 AND h.estate_id = ANY($5) AND h.occupied GROUP BY h.estate_id
),
valid_rate AS (
  -- §11: valid non-duplicate complaints per resident household
  SELECT CASE WHEN grouping(x.estate_id) = 1 THEN 'ALL' ELSE x.estate_id::text END, 'VALID_COMPLAINT_RATE', '', sum(x.num), sum(x.den)
    FROM (SELECT estate_id, coalesce(v.n, 0) AS num, coalesce(r.n, 0) AS den FROM valid v FULL JOIN residents r USING (estate_id)) x
   GROUP BY GROUPING SETS ((), (x.estate_id))
),
rec_window AS MATERIALIZED (
  SELECT p.estate_id, p.value_numeric::float8 AS days, p.effective_from, p.effective_to FROM policy_values p
   WHERE p.organization_id = $1 AND p.key = 'REC-2.windowDays' AND p.value_numeric IS NOT NULL
),
counted AS (
  -- REC-2: valid non-duplicate complaints of the period and of the longest window before it
  SELECT c.id, c.no, c.received_at, c.estate_id, c.household_id, c.category_id, ${PLACE("c")} AS place
    FROM complaints c
   WHERE c.organization_id = $1 AND c.estate_id = ANY($5) AND c.valid AND c.duplicate_of_id IS NULL AND c.received_at < $3
     AND c.received_at >= $2::timestamptz - (SELECT greatest(90, coalesce(max(days), 0)) FROM rec_window) * interval '24 hours'
),
previous AS (
  -- the latest earlier complaint of the same place and category: if it is outside the window, every earlier one is
  SELECT k.*, lag(k.received_at) OVER (PARTITION BY k.estate_id, k.household_id, k.place, k.category_id ORDER BY k.received_at, k.no, k.id) AS prev_at
    FROM counted k
),
recurrence AS (
  SELECT CASE WHEN grouping(k.estate_id) = 1 THEN 'ALL' ELSE k.estate_id::text END, 'RECURRENCE_RATE', '',
         count(*) FILTER (WHERE k.category_id IS NOT NULL AND (k.household_id IS NOT NULL OR k.place <> '')
                            AND k.prev_at >= k.received_at - coalesce(w.days, 90) * interval '24 hours'), count(*)
    FROM previous k
    LEFT JOIN LATERAL (SELECT p.days FROM rec_window p WHERE (p.estate_id = k.estate_id OR p.estate_id IS NULL) AND p.effective_from <= k.received_at
                          AND (p.effective_to IS NULL OR k.received_at < p.effective_to) ORDER BY p.estate_id IS NULL, p.effective_from DESC LIMIT 1) w ON true
   WHERE k.received_at >= $2
   GROUP BY GROUPING SETS ((), (k.estate_id))
)`;
/** The figure sets of QUARTERLY_CTES, by the metric each computes. */
export const QUARTERLY_PARTS: Record<string, string> = {
  SATISFACTION: "satisfaction",
  RETURN_RATE: "returned",
  SURVEY_COVERAGE: "coverage",
  COMPLAINANT_COVERAGE: "complainant_coverage",
  CALLBACK_RATE: "callback_rate",
  VALID_COMPLAINT_RATE: "valid_rate",
  RECURRENCE_RATE: "recurrence",
};
export const quarterlySql = (parts: string[]) => `${QUARTERLY_CTES}
SELECT x.slice, x.metric, x.part, x.num::int AS num, x.den::int AS den
  FROM (${parts.map((p) => `SELECT * FROM ${p} AS t (slice, metric, part, num, den)`).join(" UNION ALL ")}) x`;
const QUARTERLY_SQL = quarterlySql(Object.values(QUARTERLY_PARTS));

const decodeKey = (key: string | null) =>
  key === null ? "~" : key === "ALL" ? "ALL" : Buffer.from(key, "base64").toString().split(":")[1]!;
const nonZero = (entries: [string, number, number][]) =>
  new Map(entries.filter(([, n, d]) => n !== 0 || d !== 0).map(([k, n, d]) => [k, `${n}/${d}`]));

export const quarterlyReport: Section = async (ctx) => {
  const analyst: Caller = await signIn(ctx.app, "analyst");
  const quarter = await reportQuarter(ctx);
  const range = await localRange(ctx, quarter.from, quarter.to);
  const estates = (
    await ctx.db.pool.query<{ id: string }>(`SELECT id FROM estates WHERE organization_id = $1`, [ctx.organizationId])
  ).rows.map((r) => r.id);

  const viaGraphql = async () => {
    const r = await gql<{ quarterlySatisfactionReport: { label: string; totals: ReportFigures; byEstate: ReportFigures } }>(
      ctx.app,
      QUARTERLY,
      { q: quarter.label },
      analyst,
    );
    if (r.errors) throw new Error(`quarterlySatisfactionReport: ${JSON.stringify(r.errors).slice(0, 300)}`);
    return r.data!.quarterlySatisfactionReport;
  };
  const baseline = await baselineClient(ctx);
  try {
    const viaSql = async () =>
      (
        await baseline.query<{ slice: string; metric: string; part: string; num: number; den: number }>(QUARTERLY_SQL, [
          ctx.organizationId,
          range.from,
          range.to,
          ctx.clock(),
          estates,
        ])
      ).rows;

    // The numbers first: the same figures, or the timing means nothing.
    const report = await viaGraphql();
    const ours = nonZero(
      [...report.totals.slices, ...report.byEstate.slices].flatMap((s) =>
        s.figures.map((f) => [`${decodeKey(s.key)}|${f.metric}|${f.part ?? ""}`, f.numerator, f.denominator] as [string, number, number]),
      ),
    );
    const sql = nonZero((await viaSql()).map((r) => [`${r.slice}|${r.metric}|${r.part}`, r.num, r.den] as [string, number, number]));
    const mismatch = compare(`the quarterly satisfaction report ${quarter.label}`, ours, sql);

    const runs = await runsFor(ctx, viaGraphql);
    const { graphqlMs, sqlMs, minRatio } = await sideBySide(viaGraphql, viaSql, runs);
    const traced = await ctx.statements.traced(viaGraphql);
    if (process.env.BENCH_PROFILE) await profileMetrics(ctx, analyst, quarter.from, range, estates, baseline.query);
    if (ctx.explain) {
      await ctx.explain("quarterly-report", traced.statements);
      await ctx.explain("quarterly-report-baseline", (await ctx.statements.traced(viaSql)).statements, true);
    }
    return [
      judged(
        `quarterly satisfaction report ${quarter.label} (company + ${estates.length} estates, ${ours.size} figures), ms`,
        graphqlMs,
        sqlMs,
        minRatio,
        1.3,
        `${mismatch ?? "same numbers"}; median of ${runs}; ${breakdown(graphqlMs, traced.statements)}`,
      ),
    ];
  } finally {
    await baseline.release();
  }
};

/**
 * BENCH_PROFILE=1: each metric of the report on its own, cut by estate — the `metrics` query (one
 * figure statement) against the hand-written figure set of that metric (both slicings) — to see
 * which population costs what.
 */
async function profileMetrics(
  ctx: BenchContext,
  analyst: Caller,
  date: string,
  range: { from: Date; to: Date },
  estates: string[],
  query: (sql: string, params: unknown[]) => Promise<unknown>,
) {
  const METRICS = `query($i: MetricsInput!) { metrics(input: $i) { slices { key figures { metric part numerator denominator } } } }`;
  console.log(`  per metric (metrics query by estate, GraphQL ms / hand-written SQL for company + estates, ms):`);
  for (const [metric, part] of Object.entries(QUARTERLY_PARTS)) {
    const gq = async () => {
      const r = await gql(ctx.app, METRICS, { i: { period: "QUARTER", date, sliceBy: "ESTATE", metrics: [metric] } }, analyst);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
    };
    const sqlPart = quarterlySql([part]);
    const sq = () => query(sqlPart, [ctx.organizationId, range.from, range.to, ctx.clock(), estates]);
    const g = await median(gq, 7);
    const b = await median(sq, 7);
    const traced = await ctx.statements.traced(gq);
    const figures = [...traced.statements].sort((x, y) => y.ms - x.ms)[0]!;
    console.log(`    ${metric.padEnd(22)} ${fmt(g).padStart(6)} ms (figures statement ${fmt(figures.ms)} ms) / ${fmt(b).padStart(6)} ms`);
  }
}

// ---------------------------------------------------------------------------------------------
// REC-2 recurring problems (the top list of places × categories) and the monthly recurrence trend.
// ---------------------------------------------------------------------------------------------

const PROBLEMS = `query($i: RecurringProblemsInput!, $n: Int!) { recurringProblems(input: $i, first: $n) { totalCount edges { node {
  estate { code name } household { code } location normalizedLocation category { code name }
  complaintCount repeatCount firstReceivedAt lastReceivedAt coveredComplaintCount covered } } } }`;
const TREND = `query($i: RecurrenceTrendInput!) { recurrenceTrend(input: $i) { month complaints repeats rate } }`;

interface Problem {
  estate: { code: string; name: string };
  household: { code: string } | null;
  location: string | null;
  normalizedLocation: string | null;
  category: { code: string; name: string };
  complaintCount: number;
  repeatCount: number;
  firstReceivedAt: string;
  lastReceivedAt: string;
  coveredComplaintCount: number;
  covered: boolean;
}

/**
 * REC-2 by hand, shared by both statements: the valid, non-duplicate, categorised complaints of the
 * period and of the longest window before it ($1 organisation, $2 from, $3 to), each with its
 * place, its window (REC-2.windowDays in force at its receipt, the estate's value first, else 90
 * days) and whether it repeats the previous complaint of its place and category.
 */
const FLAGGED = `
rec_window AS MATERIALIZED (
  SELECT p.estate_id, p.value_numeric::float8 AS days, p.effective_from, p.effective_to FROM policy_values p
   WHERE p.organization_id = $1 AND p.key = 'REC-2.windowDays' AND p.value_numeric IS NOT NULL
),
counted AS (
  SELECT c.id, c.no, c.received_at, c.estate_id, c.household_id, c.category_id, c.location, ${PLACE("c")} AS place
    FROM complaints c
   WHERE c.organization_id = $1 AND c.valid AND c.duplicate_of_id IS NULL AND c.category_id IS NOT NULL AND c.received_at < $3
     AND c.received_at >= $2::timestamptz - (SELECT greatest(90, coalesce(max(days), 0)) FROM rec_window) * interval '24 hours'
),
ordered AS (
  SELECT k.*, lag(k.received_at) OVER w AS prev_at, coalesce(d.days, 90) AS days
    FROM counted k
    LEFT JOIN LATERAL (SELECT p.days FROM rec_window p WHERE (p.estate_id = k.estate_id OR p.estate_id IS NULL) AND p.effective_from <= k.received_at
                          AND (p.effective_to IS NULL OR k.received_at < p.effective_to) ORDER BY p.estate_id IS NULL, p.effective_from DESC LIMIT 1) d ON true
  WINDOW w AS (PARTITION BY k.estate_id, k.household_id, k.place, k.category_id ORDER BY k.received_at, k.no, k.id)
),
flagged AS (
  SELECT o.*, ((o.household_id IS NOT NULL OR o.place <> '') AND o.prev_at >= o.received_at - o.days * interval '24 hours') AS is_repeat
    FROM ordered o
)`;

/** The top $4 recurring problems of the period with their codes and names, and how many there are. */
const PROBLEMS_SQL = `
WITH ${FLAGGED},
linked AS (
  SELECT f.*, lead(f.is_repeat) OVER w AS next_repeat, lead(f.received_at) OVER w AS next_at
    FROM flagged f WINDOW w AS (PARTITION BY f.estate_id, f.household_id, f.place, f.category_id ORDER BY f.received_at, f.no, f.id)
),
involved AS (
  -- each repeat received in the period, and the complaint it repeats (which may be older)
  SELECT l.* FROM linked l WHERE (l.is_repeat AND l.received_at >= $2) OR (l.next_repeat AND l.next_at >= $2)
),
problems AS (
  SELECT i.estate_id, i.household_id, i.place, i.category_id,
         (array_agg(i.location ORDER BY i.received_at DESC, i.no DESC, i.id DESC))[1] AS location,
         count(*) AS complaints, count(*) FILTER (WHERE i.is_repeat AND i.received_at >= $2) AS repeats,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM corrective_action_complaints a WHERE a.organization_id = $1 AND a.complaint_id = i.id)) AS covered,
         min(i.received_at) AS first_at, max(i.received_at) AS last_at
    FROM involved i GROUP BY i.estate_id, i.household_id, i.place, i.category_id
  HAVING count(*) >= 2
)
SELECT e.code AS estate, h.code AS household, CASE WHEN p.household_id IS NULL THEN p.location END AS location, p.place, k.code AS category,
       p.complaints::int, p.repeats::int, p.covered::int, p.first_at, p.last_at, (count(*) OVER ())::int AS total
  FROM problems p JOIN estates e ON e.id = p.estate_id JOIN categories k ON k.id = p.category_id LEFT JOIN households h ON h.id = p.household_id
 ORDER BY p.complaints DESC, p.repeats DESC, p.last_at DESC, p.estate_id, p.household_id NULLS LAST, p.place NULLS LAST, p.category_id
 LIMIT $4`;

/** §11 recurrence rate per month of the estate's timezone: repeats and the complaints counted. */
const TREND_SQL = `
WITH ${FLAGGED}
SELECT to_char(f.received_at AT TIME ZONE e.timezone, 'YYYY-MM') AS month, count(*)::int AS complaints, (count(*) FILTER (WHERE f.is_repeat))::int AS repeats
  FROM flagged f JOIN estates e ON e.id = f.estate_id
 WHERE f.received_at >= $2
 GROUP BY 1 ORDER BY 1`;

export const recurrence: Section = async (ctx) => {
  const analyst: Caller = await signIn(ctx.app, "analyst");
  const quarter = await reportQuarter(ctx);
  const range = await localRange(ctx, quarter.from, quarter.to);
  const year = quarter.from.slice(0, 4);
  const yearRange = await localRange(ctx, `${year}-01-01`, `${Number(year) + 1}-01-01`);
  const first = 20;
  const rows: Row[] = [];
  const baseline = await baselineClient(ctx);
  try {
    // ---- recurringProblems: the top 20 of the quarter ----
    const problems = async () => {
      const r = await gql<{ recurringProblems: { totalCount: number; edges: { node: Problem }[] } }>(
        ctx.app,
        PROBLEMS,
        { i: { from: range.from.toISOString(), to: range.to.toISOString() }, n: first },
        analyst,
      );
      if (r.errors) throw new Error(`recurringProblems: ${JSON.stringify(r.errors).slice(0, 300)}`);
      return r.data!.recurringProblems;
    };
    type SqlProblem = {
      estate: string;
      household: string | null;
      location: string | null;
      place: string | null;
      category: string;
      complaints: number;
      repeats: number;
      covered: number;
      first_at: Date;
      last_at: Date;
      total: number;
    };
    const problemsSql = async () =>
      (await baseline.query<SqlProblem>(PROBLEMS_SQL, [ctx.organizationId, range.from, range.to, first])).rows;
    const got = await problems();
    const want = await problemsSql();
    const line = (p: {
      estate: string;
      household: string | null;
      location: string | null;
      place: string | null;
      category: string;
      complaints: number;
      repeats: number;
      covered: number;
      first: string;
      last: string;
    }) =>
      `${p.estate} ${p.household ?? `${p.location}(${p.place})`} ${p.category}: ${p.complaints} complaints, ${p.repeats} repeats, ${p.covered} covered, ${p.first}…${p.last}`;
    const ours = new Map(
      got.edges.map((e, i) => [
        `#${i + 1}`,
        line({
          estate: e.node.estate.code,
          household: e.node.household?.code ?? null,
          location: e.node.location,
          place: e.node.normalizedLocation,
          category: e.node.category.code,
          complaints: e.node.complaintCount,
          repeats: e.node.repeatCount,
          covered: e.node.coveredComplaintCount,
          first: new Date(e.node.firstReceivedAt).toISOString(),
          last: new Date(e.node.lastReceivedAt).toISOString(),
        }),
      ]),
    );
    ours.set("totalCount", String(got.totalCount));
    const sql = new Map(want.map((p, i) => [`#${i + 1}`, line({ ...p, first: p.first_at.toISOString(), last: p.last_at.toISOString() })]));
    sql.set("totalCount", String(want[0]?.total ?? 0));
    const mismatch = compare(`recurringProblems ${quarter.label}`, ours, sql);
    const runs = await runsFor(ctx, problems);
    const { graphqlMs, sqlMs, minRatio } = await sideBySide(problems, problemsSql, runs);
    const traced = await ctx.statements.traced(problems);
    if (ctx.explain) {
      await ctx.explain("recurring-problems", traced.statements);
      await ctx.explain("recurring-problems-baseline", (await ctx.statements.traced(problemsSql)).statements, true);
    }
    rows.push(
      judged(
        `recurringProblems ${quarter.label}, top ${first} of ${fmt(got.totalCount)} (estate, household, category), ms`,
        graphqlMs,
        sqlMs,
        minRatio,
        1.5,
        `${mismatch ?? "same rows"}; median of ${runs}; ${breakdown(graphqlMs, traced.statements)}`,
      ),
    );

    // ---- recurrenceTrend: the year month by month ----
    const trend = async () => {
      const r = await gql<{ recurrenceTrend: { month: string; complaints: number; repeats: number }[] }>(
        ctx.app,
        TREND,
        { i: { from: yearRange.from.toISOString(), to: yearRange.to.toISOString() } },
        analyst,
      );
      if (r.errors) throw new Error(`recurrenceTrend: ${JSON.stringify(r.errors).slice(0, 300)}`);
      return r.data!.recurrenceTrend;
    };
    const trendSql = async () =>
      (
        await baseline.query<{ month: string; complaints: number; repeats: number }>(TREND_SQL, [
          ctx.organizationId,
          yearRange.from,
          yearRange.to,
        ])
      ).rows;
    const months = await trend();
    const tOurs = new Map(months.filter((m) => m.complaints > 0).map((m) => [m.month, `${m.repeats}/${m.complaints}`]));
    const tSql = new Map((await trendSql()).map((m) => [m.month, `${m.repeats}/${m.complaints}`]));
    const tMismatch = compare(`recurrenceTrend ${year}`, tOurs, tSql);
    const tRuns = await runsFor(ctx, trend);
    const { graphqlMs: tGraphql, sqlMs: tSqlMs, minRatio: tMin } = await sideBySide(trend, trendSql, tRuns);
    const tTraced = await ctx.statements.traced(trend);
    if (ctx.explain) {
      await ctx.explain("recurrence-trend", tTraced.statements);
      await ctx.explain("recurrence-trend-baseline", (await ctx.statements.traced(trendSql)).statements, true);
    }
    rows.push(
      judged(
        `recurrenceTrend ${year} (${months.length} months, ${fmt([...tSql.values()].reduce((s, v) => s + Number(v.split("/")[1]), 0))} complaints), ms`,
        tGraphql,
        tSqlMs,
        tMin,
        1.5,
        `${tMismatch ?? "same numbers"}; median of ${tRuns}; ${breakdown(tGraphql, tTraced.statements)}`,
      ),
    );
    return rows;
  } finally {
    await baseline.release();
  }
};
