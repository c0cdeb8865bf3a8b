import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { createPrisma } from "@tingjian/prisma";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, signIn, type Caller } from "./graphql.ts";
import { countingPool } from "./statement-log.ts";

/**
 * README "Cost" (issue 6): a GraphQL request costs a fixed number of SQL statements, whatever the
 * page size and however many estates the caller's scope (or the request) holds — plugin-prisma
 * plans one query per level of the selection, the §11 figures are one statement per section.
 * metrics.test.ts counts `metrics`, `metricRows` and the quarterly report; this file counts the
 * complaint ledger (SPEC §5 list), the other §12 reports and the REC-2 recurring-issue analysis.
 *
 * "One estate" and "four estates" are the same role: frontdesk.jh and director.jh are given every
 * estate here (staff_estate_scopes), frontdesk.lx and director.lx keep their one.
 */
describe("SQL statements per request (README Cost; SPEC §5 ledger, §11, §12, REC-2)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  const statements: string[] = [];
  const callers = new Map<string, Caller>();
  const as = async (login: string) => {
    let c = callers.get(login);
    if (!c) callers.set(login, (c = await signIn(app, login)));
    return c;
  };
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  const estate: Record<string, string> = {};

  /** The statements one request runs (its transaction's and the session lookup's). */
  async function count(login: string, query: string, variables: Record<string, unknown> = {}): Promise<number> {
    const caller = await as(login);
    await gql(app, query, variables, caller); // warm: the first request of a caller may load what is cached afterwards
    statements.length = 0;
    const r = await gql(app, query, variables, caller);
    if (r.errors) throw new Error(JSON.stringify(r.errors).slice(0, 1000));
    return statements.length;
  }

  beforeAll(async () => {
    app = createApp({ prisma: createPrisma({ ...t.db, pool: countingPool(t.db.pool, statements) }) });
    for (const e of await q(`SELECT id, code FROM estates`)) estate[e.code] = e.id;
    // §2: the same roles with every estate in scope.
    await q(`INSERT INTO staff_estate_scopes (organization_id, staff_id, estate_id)
             SELECT s.organization_id, s.id, e.id FROM staff s JOIN estates e ON e.organization_id = s.organization_id
              WHERE s.login IN ('frontdesk.jh', 'director.jh') AND NOT EXISTS (SELECT 1 FROM staff_estate_scopes x WHERE x.staff_id = s.id AND x.estate_id = e.id)`);
    expect(await q(`SELECT s.login, count(*)::int AS n FROM staff_estate_scopes x JOIN staff s ON s.id = x.staff_id WHERE s.login IN ('frontdesk.lx', 'frontdesk.jh', 'director.lx', 'director.jh') GROUP BY 1 ORDER BY 1`))
      .toEqual([{ login: "director.jh", n: 4 }, { login: "director.lx", n: 1 }, { login: "frontdesk.jh", n: 4 }, { login: "frontdesk.lx", n: 1 }]);
  });

  it("SPEC §5 ledger: the complaint list page costs the same statements at 10 and 100 rows, for one estate or four (household, category, callbacks, masking, access log)", async () => {
    const LIST = `query($n: Int!) { complaints(first: $n) { totalCount edges { node { id no status receivedAt content complainantName complainantContact
      estate { name } household { code } category { name parent { name } } callbacks { no status calledAt } } } pageInfo { hasNextPage } } }`;
    const one10 = await count("frontdesk.lx", LIST, { n: 10 });
    const one100 = await count("frontdesk.lx", LIST, { n: 100 });
    const four10 = await count("frontdesk.jh", LIST, { n: 10 });
    const four100 = await count("frontdesk.jh", LIST, { n: 100 });
    expect({ one100, four10, four100 }).toEqual({ one100: one10, four10: one10, four100: one10 });
    // The page really holds that many rows.
    const page = await gql<{ complaints: { edges: unknown[] } }>(app, LIST, { n: 100 }, await as("frontdesk.jh"));
    expect(page.data!.complaints.edges).toHaveLength(100);
  }, 120_000);

  const FIGURES = `slices { key label figures { metric part numerator denominator target met drillDown { sliceKey } } }`;
  const REPORTS: [string, string][] = [
    ["weeklyComplaintReport", `weeklyComplaintReport(week: "2026-W20", estateIds: $e) { label totals { ${FIGURES} } byEstate { ${FIGURES} } byChannel { ${FIGURES} } byCategory { ${FIGURES} } bySeverity { ${FIGURES} } }`],
    ["monthlyComplaintAnalysis", `monthlyComplaintAnalysis(month: "2026-05", estateIds: $e) { totals { ${FIGURES} } byCategory { ${FIGURES} } byDepartment { ${FIGURES} } byEstate { ${FIGURES} } typicalCases(limit: $n) { escalations complaint { no category { name } } } }`],
    ["monthlyCallbackStatistics", `monthlyCallbackStatistics(month: "2026-05", estateIds: $e) { totals { ${FIGURES} } byEstate { ${FIGURES} } byStaff { ${FIGURES} } bySeverity { ${FIGURES} } }`],
    ["monthlyCustomerFeedback", `monthlyCustomerFeedback(month: "2026-05", estateIds: $e) { totals { ${FIGURES} } byEstate { ${FIGURES} } byCategory { ${FIGURES} } byChannel { ${FIGURES} } }`],
    ["quarterlySatisfactionReport", `quarterlySatisfactionReport(quarter: "2026-Q2", estateIds: $e) { totals { ${FIGURES} } byEstate { ${FIGURES} } }`],
    ["annualSummary", `annualSummary(year: "2026", estateIds: $e) { totals { ${FIGURES} } byEstate { ${FIGURES} } bySeverity { ${FIGURES} } byCategory { ${FIGURES} } quarters { label ${FIGURES} } typicalCases(limit: $n) { escalations complaint { no category { name } } } }`],
  ];

  it("§12 reports: each costs the same statements for one estate or four (asked for, or in the caller's scope) and whatever the number of typical cases", async () => {
    const all = ["LX", "JH", "KC", "CH"].map((c) => globalId("Estate", estate[c]!));
    const one = [globalId("Estate", estate.LX!)];
    for (const [name, field] of REPORTS) {
      const doc = `query($e: [ID!]${field.includes("$n") ? ", $n: Int" : ""}) { ${field} }`;
      const asked = { one: await count("manager", doc, { e: one, n: 1 }), four: await count("manager", doc, { e: all, n: 10 }) };
      expect(asked.four, `${name}: estates asked for`).toBe(asked.one);
      const scoped = { one: await count("director.lx", doc, { n: 1 }), four: await count("director.jh", doc, { n: 10 }) };
      expect(scoped.four, `${name}: estates in scope`).toBe(scoped.one);
    }
  }, 600_000);

  it("REC-2 recurrence trend: the same statements for one estate or four, for a month or three years", async () => {
    const TREND = `query($i: RecurrenceTrendInput!) { recurrenceTrend(input: $i) { month complaints repeats rate } }`;
    const year = { from: "2026-01-01T00:00:00+08:00", to: "2027-01-01T00:00:00+08:00" };
    const one = await count("director.lx", TREND, { i: year });
    expect(await count("director.jh", TREND, { i: year })).toBe(one);
    expect(await count("director.jh", TREND, { i: { from: "2024-01-01T00:00:00+08:00", to: "2026-12-01T00:00:00+08:00" } })).toBe(one);
    expect(await count("director.jh", TREND, { i: { ...year, estateId: globalId("Estate", estate.JH!) } })).toBe(one);
  }, 120_000);

  const PROBLEMS = `query($i: RecurringProblemsInput!, $n: Int!) { recurringProblems(input: $i, first: $n) { totalCount edges { node {
    estate { code name } household { code } location normalizedLocation category { code name parent { name } } complaintCount repeatCount covered } } } }`;
  const PERIOD = { from: "2025-01-01T00:00:00+08:00", to: "2027-01-01T00:00:00+08:00" };

  it("REC-2 recurring problems: the page holds the rows counted (the precondition of the counts below)", async () => {
    const r = await gql<{ recurringProblems: { totalCount: number; edges: unknown[] } }>(app, PROBLEMS, { i: PERIOD, n: 20 }, await as("director.jh"));
    expect(r.errors).toBeUndefined();
    expect(r.data!.recurringProblems.totalCount).toBeGreaterThan(20);
    expect(r.data!.recurringProblems.edges).toHaveLength(20);
  });

  // Issue 6: RecurringProblem.estate, .category and .household are loaded for the whole page at once
  // (schema/recurrence/problems.ts, batched): one query per field, not one per problem.
  it("REC-2 recurring problems: the same statements for 2 or 20 problems, for one estate or four", async () => {
    const two = await count("director.lx", PROBLEMS, { i: PERIOD, n: 2 });
    expect(await count("director.lx", PROBLEMS, { i: PERIOD, n: 20 })).toBe(two);
    expect(await count("director.jh", PROBLEMS, { i: PERIOD, n: 20 })).toBe(two);
  }, 120_000);
});
