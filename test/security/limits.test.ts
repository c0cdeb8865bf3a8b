import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getIntrospectionQuery } from "graphql";
import { checkRequest, createApp, DEFAULT_LIMITS, queryLimitsFromEnv, schema, type App, type QueryLimits } from "@tingjian/server";
import { createPrisma } from "@tingjian/prisma";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, request, signIn, type Caller, type GqlResult } from "../api/graphql.ts";
import { countingPool } from "../api/statement-log.ts";
import { demoClock } from "../demo-clock.ts";
import { clientModules, clientOperations, operationNamesInSource, type ClientBuilders, type ClientOperation } from "./client-operations.ts";

/**
 * Issue 15 item 2: query limits. The app's own operations pass them with room; each attack of the
 * issue is refused with a typed error before any resolver runs (the request's transaction never
 * opens), and the server answers a normal query right after.
 */
const reports: ClientBuilders = (await clientModules()).builders;
interface Figure {
  denominator: number;
  drillDown: Record<string, unknown>;
}
interface Problem {
  estate: { id: string };
  category: { id: string };
}
type Result = GqlResult<Record<string, unknown>> & {
  errors?: { message: string; extensions?: { code?: string; limit?: string; field?: string; max?: number } }[];
};

describe("issue 15 item 2: the app's own operations pass the query limits", () => {
  const t = useTestDatabase("demo");
  let estateCount = 0;

  beforeAll(async () => {
    estateCount = Number((await t.db.pool.query(`SELECT count(*) AS n FROM estates`)).rows[0].n);
  });

  const check = (op: ClientOperation, limits: QueryLimits = DEFAULT_LIMITS) =>
    checkRequest(schema, op.source, { variables: op.variables, operationName: op.operationName, signedIn: true }, limits);

  it("every operation document under client/src is covered (a new one is added to client-operations.ts)", async () => {
    const covered = new Set((await clientOperations([estateCount])).map((o) => o.operationName));
    expect([...operationNamesInSource()].filter((n) => !covered.has(n))).toEqual([]);
  });

  it("each passes every limit at the largest page it asks for, with room: one more connection level, aliases, tokens and length ≤ 2/3 of the limit, cost ≤ 1/2", async () => {
    // Report pages send one alias per estate chosen: every estate of the demo company, and 50.
    const ops = await clientOperations([estateCount, 50]);
    expect(ops.length).toBeGreaterThanOrEqual(60);
    for (const op of ops) {
      const c = check(op);
      const where = `${op.origin}: ${JSON.stringify({ ...c, errors: c.errors.map((e) => e.message) })}`;
      expect(c.errors, where).toEqual([]);
      expect(c.depth, where).toBeLessThanOrEqual(DEFAULT_LIMITS.maxDepth - 3); // room for one more connection: x { edges { node
      expect(c.aliases, where).toBeLessThanOrEqual((DEFAULT_LIMITS.maxAliases * 2) / 3);
      expect(c.tokens, where).toBeLessThanOrEqual((DEFAULT_LIMITS.maxTokens * 2) / 3);
      expect(c.length, where).toBeLessThanOrEqual((DEFAULT_LIMITS.maxDocumentLength * 2) / 3);
      expect(c.directives, where).toBeLessThanOrEqual(DEFAULT_LIMITS.maxDirectives / 2);
      expect(c.cost, where).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost / 2);
    }
  });

  it("a report scoped to 100 chosen estates still passes (the alias limit: one alias per estate chosen)", async () => {
    const ops = (await clientOperations([DEFAULT_LIMITS.maxAliases])).filter((o) => /\(100\b/.test(o.origin));
    expect(ops.map((o) => o.operationName)).toEqual(["RecurringProblems", "RecurrenceTrend"]);
    for (const op of ops) expect(check(op).errors, op.origin).toEqual([]);
  });

  it("GraphiQL's introspection query passes for a signed-in caller", () => {
    const c = checkRequest(schema, getIntrospectionQuery(), { signedIn: true }, DEFAULT_LIMITS);
    expect(c.errors).toEqual([]);
    expect(c.cost).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost / 2);
  });
});

describe("issue 15 item 2: the app's queries run end to end under the limits", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let exec: Caller;

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: demoClock() });
    exec = await signIn(app, "exec");
  });

  const run = async (source: string, variables: Record<string, unknown>, operationName?: string) => {
    const res = await app.fetch("http://yoga/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", cookie: exec.cookie! },
      body: JSON.stringify({ query: source, variables, operationName }),
    });
    return (await res.json()) as Result;
  };

  it("every query of the app that needs no record of its own, and the record pages at their largest size, answer without error", async () => {
    const ops = new Map((await clientOperations([])).map((o) => [o.operationName, o]));
    const byName = (name: string) => ops.get(name)!.source;
    const scope = await run(byName("ReportScope"), {});
    expect(scope.errors).toBeUndefined();
    const estates = (scope.data!.estates as { edges: { node: { id: string } }[] }).edges.map((e) => e.node.id);
    expect(estates.length).toBeGreaterThan(0);
    const q = (sql: string) => t.db.pool.query(sql).then((r) => r.rows[0]);
    const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
    const complaint = gid("Complaint", (await q(`SELECT id FROM complaints ORDER BY received_at DESC LIMIT 1`)).id);
    const plan = gid("VisitPlan", (await q(`SELECT id FROM visit_plans LIMIT 1`)).id);
    const campaign = gid("SurveyCampaign", (await q(`SELECT id FROM survey_campaigns LIMIT 1`)).id);
    const from = "2026-01-01T00:00:00+08:00";
    const to = "2026-11-01T00:00:00+08:00";
    const quarter = (i: number) => ({
      from: new Date(Date.UTC(2024, 3 * i, 1) - 8 * 3600_000).toISOString(),
      to: new Date(Date.UTC(2024, 3 * i + 3, 1) - 8 * 3600_000).toISOString(),
      metrics: ["SATISFACTION"],
    });
    const perEstate = Object.fromEntries(estates.map((id, i) => [`e${i}`, id]));
    const variables: Record<string, Record<string, unknown>> = {
      Me: {},
      Estates: {},
      EstateOptions: {},
      VisitOffices: {},
      VisitPlans: {},
      MyApprovals: {},
      SurveyEntryCampaigns: {},
      ComplaintActionLookups: {},
      WorkbenchCounts: {
        open: ["REGISTERED", "CLASSIFIED", "ASSIGNED", "PLANNED", "IN_PROGRESS", "FORWARDED_TO_DEVELOPER", "REOPENED"],
        weekFrom: "2026-11-14T00:00:00+08:00",
      },
      GridPreference: { key: "grid.complaints" },
      ComplaintPage: { filter: {}, sort: [], offset: 0, limit: 500 },
      ComplaintRows: { filter: {}, sort: [], offset: 500, limit: 500 },
      CallbackLedger: { filter: {}, first: 500, withCustomer: true },
      EstateHouseholds: { estate: estates[0], first: 1000 },
      VisitRecords: { plan, first: 500 },
      SurveyEntryHandouts: { campaignId: campaign, first: 500 },
      ComplaintDetail: { id: complaint },
      ComplaintTimeline: { id: complaint, last: 500 },
      ComplaintActionPeople: { filter: { pick: "ASSIGNEE", complaintId: complaint }, limit: 100 },
      ImportJob: { id: randomUUID() },
      ReportMetrics: { input: { from, to, sliceBy: "ESTATE" } },
      QuarterlySatisfactionReport: { quarter: "2026-Q3", estateIds: null },
      CallbackStatistics: { month: "2026-10", from, to },
    };
    let metricRowsInput: Record<string, unknown> | null = null;
    for (const [name, vars] of Object.entries(variables)) {
      const r = await run(byName(name), vars, name);
      expect(r.errors, name).toBeUndefined();
      if (name === "ReportMetrics") {
        const figure = (r.data!.metrics as { slices: { figures: Figure[] }[] }).slices
          .flatMap((s) => s.figures)
          .find((f) => f.denominator > 0)!;
        metricRowsInput = { ...figure.drillDown };
      }
    }
    // The dynamically built documents, at the sizes the report pages send.
    const trend = await run(reports.metricsOverPeriods(8), Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`p${i}`, quarter(i)])));
    expect(trend.errors).toBeUndefined();
    for (const [doc, vars] of [
      [reports.recurringProblemsQuery(0, 10), { from, to }],
      [reports.recurringProblemsQuery(estates.length, 10), { from, to, ...perEstate }],
      [reports.recurrenceTrendQuery(0), { from, to }],
      [reports.recurrenceTrendQuery(estates.length), { from, to, ...perEstate }],
    ] as const) {
      const r = await run(doc, vars);
      expect(r.errors, doc.slice(0, 60)).toBeUndefined();
    }
    const rows = await run(byName("MetricRows"), { input: metricRowsInput, first: 500, after: null });
    expect(rows.errors).toBeUndefined();
    const top = await run(reports.recurringProblemsQuery(0, 10), { from: "2024-01-01T00:00:00+08:00", to: "2026-11-20T00:00:00+08:00" });
    const problem = (top.data!.all as { edges: { node: Problem }[] }).edges[0]?.node;
    if (problem) {
      const r = await run(byName("RecurringProblemComplaints"), {
        from: "2024-01-01T00:00:00+08:00",
        to: "2026-11-20T00:00:00+08:00",
        estateId: problem.estate.id,
        categoryId: problem.category.id,
      });
      expect(r.errors).toBeUndefined();
    }
  });

  it("GraphiQL's introspection answers a signed-in caller", async () => {
    const r = await run(getIntrospectionQuery(), {});
    expect(r.errors).toBeUndefined();
    expect((r.data!.__schema as { types: unknown[] }).types.length).toBeGreaterThan(100);
  });
});

describe("issue 15 item 2: attacks are refused with a typed error before any resolver runs", () => {
  const t = useTestDatabase("demo");
  const statements: string[] = [];
  let app: App;
  let analyst: Caller;
  let exec: Caller;

  beforeAll(async () => {
    app = createApp({ prisma: createPrisma({ ...t.db, pool: countingPool(t.db.pool, statements) }), clock: demoClock() });
    analyst = await signIn(app, "analyst");
    exec = await signIn(app, "exec");
  });

  /**
   * Sends an attack and returns its answer, having checked that the request's transaction never
   * opened (no `set_config('role' …)`: every resolver runs inside it), that it took little CPU, and
   * that the same caller is answered a normal query right after.
   */
  const attack = async (caller: Caller, query: string, variables?: Record<string, unknown>): Promise<Result> => {
    statements.length = 0;
    const cpu = process.cpuUsage();
    const res = await request(app, query, variables, caller);
    const body = (await res.json()) as Result;
    const used = process.cpuUsage(cpu);
    expect(
      statements.filter((s) => s.includes("set_config('role'")),
      "the request's transaction opened",
    ).toEqual([]);
    expect((used.user + used.system) / 1000, "CPU ms").toBeLessThan(2000);
    const after = await gql<{ me: { staff: { login: string } } | null }>(app, `{ me { staff { login } } }`, {}, caller);
    expect(after.errors).toBeUndefined();
    return body;
  };
  const refusal = (body: Result) => {
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.length).toBeGreaterThan(0);
    return body.errors![0]!;
  };

  it("15 levels of estate → households → complaints → estate … (QUERY_TOO_COMPLEX, depth)", async () => {
    const levels = [
      ["households(first: 100) { edges { node {", "} } }"],
      ["complaints(first: 100) { edges { node {", "} } }"],
      ["estate {", "}"],
    ];
    let open = "estates(first: 100) { edges { node {";
    let close = "} } }";
    for (let i = 0; i < 15; i++) {
      open += ` ${levels[i % 3]![0]}`;
      close = `${levels[i % 3]![1]} ${close}`;
    }
    const q = `{ ${open} id ${close} }`;
    const e = refusal(await attack(analyst, q));
    expect(e.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "depth", max: DEFAULT_LIMITS.maxDepth });
  });

  it("600 aliased searches (QUERY_TOO_COMPLEX, aliases)", async () => {
    const q = `query($t: String) { ${Array.from({ length: 600 }, (_, i) => `s${i}: complaints(filter: { text: $t }) { totalCount }`).join(" ")} }`;
    const e = refusal(await attack(analyst, q, { t: "漏水" }));
    expect(e.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "aliases", max: DEFAULT_LIMITS.maxAliases, actual: 600 });
  });

  it("a huge token count (QUERY_TOO_COMPLEX, tokens) and a huge document (QUERY_TOO_COMPLEX, length), refused before parsing", async () => {
    const tokens = refusal(await attack(analyst, `{ nodes(ids: [${"1 ".repeat(12_000)}]) { id } }`));
    expect(tokens.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "tokens", max: DEFAULT_LIMITS.maxTokens });
    const long = refusal(await attack(analyst, `{ me { staff { login } } } # ${"x".repeat(2_000_000)}`));
    expect(long.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "length", max: DEFAULT_LIMITS.maxDocumentLength });
  });

  it("1,000 directives (QUERY_TOO_COMPLEX, directives)", async () => {
    const e = refusal(await attack(analyst, `{ ${"__typename @skip(if: false) ".repeat(1000)} }`));
    expect(e.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "directives", max: DEFAULT_LIMITS.maxDirectives, actual: 1000 });
  });

  it("a cost bomb: first: 100 at each of 4 levels (refused for its depth; by cost alone when depth allows it), 3 levels, and aliases multiplying a page", async () => {
    const four = `{ estates(first: 100) { edges { node { households(first: 100) { edges { node { complaints(first: 100) { edges { node {
      household { complaints(first: 100) { edges { node { id no content } } } } } } } } } } } } } }`;
    const e4 = refusal(await attack(analyst, four));
    expect(e4.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    const byCost = checkRequest(schema, four, { signedIn: true }, { ...DEFAULT_LIMITS, maxDepth: 100 });
    expect(byCost.errors[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "cost" });
    expect(byCost.cost).toBeGreaterThan(100 ** 4);
    const three = `{ estates(first: 100) { edges { node { households(first: 100) { edges { node { complaints(first: 100) { edges { node { id no content } } } } } } } } } }`;
    const e3 = refusal(await attack(analyst, three));
    expect(e3.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "cost", max: DEFAULT_LIMITS.maxCost });
    expect(e3.extensions!).toHaveProperty("actual");
    const wide = `{ ${Array.from({ length: 99 }, (_, i) => `p${i}: complaints(first: 500) { edges { node { id no content status severity location receivedAt channel kind version } } }`).join(" ")} }`;
    const ew = refusal(await attack(analyst, wide));
    expect(ew.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "cost" });
  });

  it("first: 1000 and last: 1000 are BAD_USER_INPUT naming the argument, literal or variable, not a silent cut to 100; a negative page too", async () => {
    const literal = refusal(await attack(analyst, `{ complaints(first: 1000) { edges { node { id } } } }`));
    expect(literal.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first", max: DEFAULT_LIMITS.maxPageSize });
    expect(literal.message).toMatch(/at most 500/);
    const variable = refusal(await attack(analyst, `query($n: Int) { complaints(first: $n) { edges { node { id } } } }`, { n: 1000 }));
    expect(variable.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    const nested = refusal(
      await attack(
        exec,
        `query($id: ID!, $n: Int!) { node(id: $id) { ... on Complaint { timeline(last: $n) { edges { node { id } } } } } }`,
        { id: "x", n: 1000 },
      ),
    );
    expect(nested.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "last" });
    const negative = refusal(await attack(analyst, `{ estates(first: -1) { edges { node { id } } } }`));
    expect(negative.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    // At the maximum the page is served whole (500 rows, not 100).
    const full = await gql<{ complaints: { edges: unknown[]; totalCount: number } }>(
      app,
      `{ complaints(first: 500) { totalCount edges { node { id } } } }`,
      {},
      exec,
    );
    expect(full.errors).toBeUndefined();
    expect(full.data!.complaints.edges.length).toBe(Math.min(500, full.data!.complaints.totalCount));
    expect(full.data!.complaints.edges.length).toBeGreaterThan(100);
  });

  it("nodes(ids:) with 10,000 ids is BAD_USER_INPUT (as a variable; as a literal the document is too long)", async () => {
    const ids = Array.from({ length: 10_000 }, () => Buffer.from(`Complaint:${randomUUID()}`).toString("base64"));
    const variable = refusal(await attack(analyst, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids }));
    expect(variable.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "ids", max: DEFAULT_LIMITS.maxNodeIds });
    const literal = refusal(await attack(analyst, `{ nodes(ids: [${ids.map((i) => `"${i}"`).join(",")}]) { id } }`));
    expect(literal.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "length" });
    const ok = await gql(app, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ids.slice(0, DEFAULT_LIMITS.maxNodeIds) }, analyst);
    expect(ok.errors).toBeUndefined();
  });

  it("introspection anonymously is UNAUTHENTICATED; with a session or an API token it answers", async () => {
    for (const q of [getIntrospectionQuery(), `{ __schema { queryType { name } } }`, `{ __type(name: "Complaint") { fields { name } } }`]) {
      const e = refusal(await attack({}, q));
      expect(e.extensions).toMatchObject({ code: "UNAUTHENTICATED" });
      // A rejected session is anonymous too.
      expect(refusal(await attack({ cookie: "tj_session=forged" }, q)).extensions?.code).toBe("UNAUTHENTICATED");
    }
    const token = (
      await gql<{ createApiToken: { data: { secret: string } } }>(
        app,
        `mutation { createApiToken(input: { name: "limits", scopes: [COMPLAINTS_READ] }) { ... on MutationCreateApiTokenSuccess { data { secret } } } }`,
        {},
        exec,
      )
    ).data!.createApiToken.data.secret;
    for (const caller of [analyst, { token }]) {
      const signedIn = await gql<{ __type: { fields: unknown[] } }>(app, `{ __type(name: "Complaint") { fields { name } } }`, {}, caller);
      expect(signedIn.errors).toBeUndefined();
      expect(signedIn.data!.__type.fields.length).toBeGreaterThan(10);
      expect((await gql(app, `{ complaint(first: 1) { totalCount } }`, {}, caller)).errors![0]!.message).toMatch(
        /Did you mean "complaints"/,
      );
    }
    // __typename is not introspection: the graphql-http audit and health probes use it anonymously.
    expect((await gql(app, `{ __typename }`)).data).toEqual({ __typename: "Query" });
  });

  it('a misspelt field, argument or enum value tells an anonymous caller no suggestion; a signed-in caller gets "Did you mean"', async () => {
    const cases = [
      `{ complaint(first: 1) { totalCount } }`,
      `{ complaints(frist: 1) { totalCount } }`,
      `{ complaints(first: 1, filter: { status: [REGISTRED] }) { totalCount } }`,
    ];
    for (const q of cases) {
      const anonymous = refusal(await attack({}, q));
      expect(anonymous.message, q).not.toMatch(/Did you mean/);
      expect(anonymous.message, q).toMatch(/Cannot query field|Unknown argument|does not exist/);
      const forged = refusal(await attack({ cookie: "tj_session=forged" }, q));
      expect(forged.message, q).not.toMatch(/Did you mean/);
      const signedIn = (await gql(app, q, {}, analyst)).errors![0]!;
      expect(signedIn.message, q).toMatch(/Did you mean/);
    }
    // Also when the misspelling is in a variable's value (coerced during execution).
    const enumVar = `query($s: [ComplaintStatus!]) { complaints(first: 1, filter: { status: $s }) { totalCount } }`;
    expect((await gql(app, enumVar, { s: ["REGISTRED"] })).errors![0]!.message).not.toMatch(/Did you mean/);
    expect((await gql(app, enumVar, { s: ["REGISTRED"] }, analyst)).errors![0]!.message).toMatch(/Did you mean/);
  });

  it("refusals follow the request's language", async () => {
    const res = await app.fetch("http://yoga/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", cookie: analyst.cookie!, "accept-language": "zh-CN" },
      body: JSON.stringify({ query: `{ complaints(first: 1000) { edges { node { id } } } }` }),
    });
    const e = refusal((await res.json()) as Result);
    expect(e.extensions?.code).toBe("BAD_USER_INPUT");
    expect(e.message).toMatch(/最大为 500/);
  });

  it("the largest request the cost limit lets through stays within 5 s of CPU and 256 MB of heap", async () => {
    // Complaints with their content are the heaviest rows (field rules, masking, the access log).
    const one = (i: number) => `a${i}: complaints(first: 500) { edges { node { id no content } } }`;
    const n = Math.floor(DEFAULT_LIMITS.maxCost / checkRequest(schema, `{ ${one(0)} }`, {}, DEFAULT_LIMITS).cost);
    const query = `{ ${Array.from({ length: n }, (_, i) => one(i)).join(" ")} }`;
    expect(checkRequest(schema, query, {}, DEFAULT_LIMITS).errors).toEqual([]);
    expect(
      checkRequest(schema, `{ ${Array.from({ length: n + 1 }, (_, i) => one(i)).join(" ")} }`, {}, DEFAULT_LIMITS).errors[0]?.extensions,
    ).toMatchObject({ limit: "cost" });
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 2);
    const cpu = process.cpuUsage();
    const r = await gql<Record<string, { edges: unknown[] }>>(app, query, {}, exec);
    const used = process.cpuUsage(cpu);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    expect(r.errors).toBeUndefined();
    expect(Object.keys(r.data!)).toHaveLength(n);
    expect((used.user + used.system) / 1e6, "CPU s").toBeLessThan(5);
    expect((peak - baseline) / 1024 ** 2, "heap MB").toBeLessThan(256);
  });

  // Issue 15 item 2's budget for the whole attack suite (the server under 1 GB) is measured on a
  // real server process in attack-replay.test.ts: this worker's RSS also holds the embedded
  // database and the test runner, so it says nothing about the server's.
});

describe("issue 15 item 2: the limits are settings", () => {
  const t = useTestDatabase("demo");
  const saved = { ...process.env };
  afterAll(() => {
    process.env = saved;
  });

  it("are read from the environment; a bad value stops the start naming the variable", () => {
    expect(queryLimitsFromEnv({})).toEqual(DEFAULT_LIMITS);
    expect(queryLimitsFromEnv({ GRAPHQL_MAX_DEPTH: "4", STATEMENT_TIMEOUT_MS: "2500" })).toMatchObject({
      maxDepth: 4,
      statementTimeoutMs: 2500,
    });
    expect(() => queryLimitsFromEnv({ GRAPHQL_MAX_COST: "lots" })).toThrow(/GRAPHQL_MAX_COST must be a positive whole number/);
    expect(() => queryLimitsFromEnv({ GRAPHQL_MAX_PAGE_SIZE: "0" })).toThrow(/GRAPHQL_MAX_PAGE_SIZE/);
  });

  it("an app started with GRAPHQL_MAX_DEPTH=4 refuses depth 5 and answers depth 4", async () => {
    process.env.GRAPHQL_MAX_DEPTH = "4";
    const app = createApp({ prisma: t.prisma, clock: demoClock() });
    delete process.env.GRAPHQL_MAX_DEPTH;
    const exec = await signIn(app, "exec");
    expect((await gql(app, `{ me { staff { department { name } } } }`, {}, exec)).errors).toBeUndefined();
    const r = await gql(app, `{ estates(first: 1) { edges { node { households(first: 1) { totalCount } } } } }`, {}, exec);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "depth", max: 4, actual: 5 });
  });
});

describe("issue 15 item 2: statement timeout", () => {
  const t = useTestDatabase("demo");
  const saved = { ...process.env };
  afterAll(() => {
    process.env = saved;
  });

  // PGlite (WebAssembly in this process) does not enforce statement_timeout (measured: a 78 s
  // statement under a 500 ms timeout ran to its end): on the embedded database the limits above,
  // which refuse a request before it runs, are the protection.
  it.runIf(process.env.TEST_TARGET === "postgres")(
    "a statement past the request's timeout ends it with one QUERY_TIMEOUT and nothing written; a report gets its larger budget",
    async () => {
      process.env.STATEMENT_TIMEOUT_MS = "300";
      process.env.REPORT_STATEMENT_TIMEOUT_MS = "20000";
      const app = createApp({ prisma: t.prisma, clock: demoClock() });
      const exec = await signIn(app, "exec");
      const clerk = await signIn(app, "frontdesk.lx");
      const [complaint] = (
        await t.db.pool.query(
          `SELECT c.id, c.version FROM complaints c JOIN estates e ON e.id = c.estate_id WHERE e.code = 'LX' ORDER BY c.received_at DESC LIMIT 1`,
        )
      ).rows;
      const preference = async () =>
        (await gql<{ preference: string | null }>(app, `{ preference(key: "grid.limits-test") }`, {}, clerk)).data!.preference;
      // Another session holds the complaints table: every statement reading it waits, and the wait counts.
      const holder = await t.db.pool.connect();
      try {
        await holder.query(`BEGIN; LOCK TABLE complaints IN ACCESS EXCLUSIVE MODE`);
        const started = Date.now();
        const read = await gql(app, `{ complaints(first: 5) { totalCount edges { node { id } } } }`, {}, exec);
        expect(Date.now() - started).toBeLessThan(5000);
        expect(read.data ?? null).toBeNull();
        expect(read.errors).toHaveLength(1);
        expect(read.errors![0]!.extensions).toMatchObject({ code: "QUERY_TIMEOUT", timeoutMs: 300 });
        // A mutation that times out writes nothing, the fields before the timeout included.
        const write = await gql(
          app,
          `mutation($id: ID!, $v: Int!) {
          a: savePreference(input: { key: "grid.limits-test", value: "x" }) { __typename }
          b: amendComplaint(input: { id: $id, version: $v, reason: "limits test", content: "limits test" }) { __typename }
        }`,
          { id: Buffer.from(`Complaint:${complaint.id}`).toString("base64"), v: complaint.version },
          clerk,
        );
        expect(write.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TIMEOUT" });
        // A report waits on the same lock within its budget and answers once it is released.
        const report = gql(
          app,
          `query($i: MetricsInput!) { metrics(input: $i) { label } }`,
          { i: { from: "2026-01-01T00:00:00+08:00", to: "2026-04-01T00:00:00+08:00" } },
          exec,
        );
        await new Promise((r) => setTimeout(r, 1000));
        await holder.query(`ROLLBACK`);
        expect((await report).errors).toBeUndefined();
      } finally {
        await holder.query(`ROLLBACK`).catch(() => {});
        holder.release();
      }
      expect(await preference()).toBeNull();
      // The server answers right after.
      expect((await gql(app, `{ me { staff { login } } }`, {}, exec)).errors).toBeUndefined();
    },
  );

  it("reports, exports and imports get REPORT_STATEMENT_TIMEOUT_MS, everything else STATEMENT_TIMEOUT_MS", async () => {
    const { statementTimeoutFor } = await import("../../server/src/limits/statement-timeout.ts");
    const { parse } = await import("graphql");
    const limits = { ...DEFAULT_LIMITS, statementTimeoutMs: 1000, reportStatementTimeoutMs: 9000 };
    expect(statementTimeoutFor(parse(`{ complaints(first: 5) { totalCount } }`), null, limits)).toBe(1000);
    expect(
      statementTimeoutFor(parse(`{ me { permissions } q: quarterlySatisfactionReport(quarter: "2026-Q1") { label } }`), null, limits),
    ).toBe(9000);
    expect(statementTimeoutFor(parse(reports.metricsOverPeriods(8)), null, limits)).toBe(9000);
    expect(statementTimeoutFor(parse(`mutation($i: ImportFileInput!) { importFile(input: $i) { __typename } }`), null, limits)).toBe(9000);
  });
});
