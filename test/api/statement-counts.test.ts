import { createHash, randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { createPrisma } from "@tingjian/prisma";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, rowId, signIn, type Caller } from "./graphql.ts";
import { countingPool } from "./statement-log.ts";
import { demoClock } from "../demo-clock.ts";

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
  const clock = demoClock();
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
    app = createApp({ prisma: createPrisma({ ...t.db, pool: countingPool(t.db.pool, statements) }), clock });
    for (const e of await q(`SELECT id, code FROM estates`)) estate[e.code] = e.id;
    // §2: the same roles with every estate in scope.
    await q(`INSERT INTO staff_estate_scopes (organization_id, staff_id, estate_id)
             SELECT s.organization_id, s.id, e.id FROM staff s JOIN estates e ON e.organization_id = s.organization_id
              WHERE s.login IN ('frontdesk.jh', 'director.jh') AND NOT EXISTS (SELECT 1 FROM staff_estate_scopes x WHERE x.staff_id = s.id AND x.estate_id = e.id)`);
    expect(
      await q(
        `SELECT s.login, count(*)::int AS n FROM staff_estate_scopes x JOIN staff s ON s.id = x.staff_id WHERE s.login IN ('frontdesk.lx', 'frontdesk.jh', 'director.lx', 'director.jh') GROUP BY 1 ORDER BY 1`,
      ),
    ).toEqual([
      { login: "director.jh", n: 4 },
      { login: "director.lx", n: 1 },
      { login: "frontdesk.jh", n: 4 },
      { login: "frontdesk.lx", n: 1 },
    ]);
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
    [
      "weeklyComplaintReport",
      `weeklyComplaintReport(week: "2026-W20", estateIds: $e) { label totals { ${FIGURES} } byEstate { ${FIGURES} } byChannel { ${FIGURES} } byCategory { ${FIGURES} } bySeverity { ${FIGURES} } }`,
    ],
    [
      "monthlyComplaintAnalysis",
      `monthlyComplaintAnalysis(month: "2026-05", estateIds: $e) { totals { ${FIGURES} } byCategory { ${FIGURES} } byDepartment { ${FIGURES} } byEstate { ${FIGURES} } typicalCases(limit: $n) { escalations complaint { no category { name } } } }`,
    ],
    [
      "monthlyCallbackStatistics",
      `monthlyCallbackStatistics(month: "2026-05", estateIds: $e) { totals { ${FIGURES} } byEstate { ${FIGURES} } byStaff { ${FIGURES} } bySeverity { ${FIGURES} } }`,
    ],
    [
      "monthlyCustomerFeedback",
      `monthlyCustomerFeedback(month: "2026-05", estateIds: $e) { totals { ${FIGURES} } byEstate { ${FIGURES} } byCategory { ${FIGURES} } byChannel { ${FIGURES} } }`,
    ],
    [
      "quarterlySatisfactionReport",
      `quarterlySatisfactionReport(quarter: "2026-Q2", estateIds: $e) { totals { ${FIGURES} } byEstate { ${FIGURES} } }`,
    ],
    [
      "annualSummary",
      `annualSummary(year: "2026", estateIds: $e) { totals { ${FIGURES} } byEstate { ${FIGURES} } bySeverity { ${FIGURES} } byCategory { ${FIGURES} } quarters { label ${FIGURES} } typicalCases(limit: $n) { escalations complaint { no category { name } } } }`,
    ],
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
    const r = await gql<{ recurringProblems: { totalCount: number; edges: unknown[] } }>(
      app,
      PROBLEMS,
      { i: PERIOD, n: 20 },
      await as("director.jh"),
    );
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

  // Issue 6: RecurringProblem.complaints is loaded for the whole page of problems (the positions of
  // their complaints, then the complaints of the pages, then the totals), not per problem.
  const PAGE = `totalCount edges { cursor node { id no receivedAt complainantName content estate { code } } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;
  const WITH_COMPLAINTS = `query($i: RecurringProblemsInput!, $n: Int!) { recurringProblems(input: $i, first: $n) { edges { node {
    estate { code } category { code } complaintCount complaints(first: 2) { ${PAGE} } } } } }`;
  interface Page {
    totalCount: number;
    edges: {
      cursor: string;
      node: { id: string; no: string; receivedAt: string; complainantName: string | null; content: string; estate: { code: string } };
    }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  }
  interface ProblemPages {
    estate: { code: string };
    category: { code: string };
    complaintCount: number;
    complaints: Page;
    all?: Page;
    last?: Page;
    next?: Page;
    before?: Page;
  }

  it("REC-2 recurring problems with their complaints: the same statements for 2 or 20 problems, for one estate or four", async () => {
    const two = await count("director.jh", WITH_COMPLAINTS, { i: PERIOD, n: 2 });
    expect(await count("director.jh", WITH_COMPLAINTS, { i: PERIOD, n: 20 })).toBe(two);
    expect(await count("director.lx", WITH_COMPLAINTS, { i: PERIOD, n: 20 })).toBe(two);
    const page = await gql<{ recurringProblems: { edges: { node: ProblemPages }[] } }>(
      app,
      WITH_COMPLAINTS,
      { i: PERIOD, n: 20 },
      await as("director.jh"),
    );
    expect(page.data!.recurringProblems.edges).toHaveLength(20);
    expect(page.data!.recurringProblems.edges.every((e) => e.node.complaints.edges.length === 2)).toBe(true);
    // Different arguments on the same page (aliases) are batches of their own, still not one per problem.
    const ALIASED = `query($i: RecurringProblemsInput!, $n: Int!) { recurringProblems(input: $i, first: $n) { edges { node {
      a: complaints(first: 1) { totalCount edges { node { no } } } b: complaints(last: 3) { edges { node { no content } } } } } } }`;
    expect(await count("director.jh", ALIASED, { i: PERIOD, n: 20 })).toBe(await count("director.jh", ALIASED, { i: PERIOD, n: 2 }));
  }, 120_000);

  it("REC-2 recurring problems: each problem's complaint pages (first/after, last/before, totals) are those it has alone, in your scope, under the Complaint field rules", async () => {
    const PAGES = `query($i: RecurringProblemsInput!, $n: Int!, $after: String) { recurringProblems(input: $i, first: $n, after: $after) { edges { cursor node {
      estate { code } category { code } complaintCount complaints(first: 2) { ${PAGE} } all: complaints(first: 100) { ${PAGE} } last: complaints(last: 2) { ${PAGE} } } } } }`;
    type Edges = { recurringProblems: { edges: { cursor: string; node: ProblemPages }[] } };
    for (const login of ["director.lx", "analyst"]) {
      const caller = await as(login);
      const page = await gql<Edges>(app, PAGES, { i: PERIOD, n: 6 }, caller);
      expect(page.errors).toBeUndefined();
      const problems = page.data!.recurringProblems.edges;
      // director.lx's one estate has fewer than six.
      expect(problems.length).toBeGreaterThanOrEqual(3);
      for (const [i, { node: p }] of problems.entries()) {
        const after = i === 0 ? null : problems[i - 1]!.cursor;
        // The batch answers every problem as the problem asked alone would be answered.
        const alone = await gql<Edges>(app, PAGES, { i: PERIOD, n: 1, after }, caller);
        expect(
          alone.data!.recurringProblems.edges.map((e) => e.node),
          `${login} ${p.estate.code} ${p.category.code}`,
        ).toEqual([p]);

        const all = p.all!.edges.map((e) => e.node);
        expect(p.all!.totalCount).toBe(all.length);
        expect(all.length).toBeGreaterThanOrEqual(2);
        if (login === "director.lx") expect(new Set(all.map((c) => c.estate.code))).toEqual(new Set(["LX"]));
        // Oldest first (received, then number).
        const sorted = [...all].sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || (a.no < b.no ? -1 : a.no > b.no ? 1 : 0));
        expect(all.map((c) => c.id)).toEqual(sorted.map((c) => c.id));
        expect(p.complaints.edges.map((e) => e.node)).toEqual(all.slice(0, 2));
        expect(p.complaints.pageInfo).toMatchObject({
          hasNextPage: all.length > 2,
          hasPreviousPage: false,
          endCursor: p.all!.edges[1]!.cursor,
        });
        expect(p.last!.edges.map((e) => e.node)).toEqual(all.slice(-2));
        expect(p.last!.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: all.length > 2 });

        // Forward from a cursor and backward to one, as a cursor connection pages.
        const FROM = `query($i: RecurringProblemsInput!, $after: String, $c: String!) { recurringProblems(input: $i, first: 1, after: $after) { edges { node {
          estate { code } category { code } complaintCount complaints(first: 2) { ${PAGE} } next: complaints(first: 2, after: $c) { ${PAGE} } before: complaints(last: 1, before: $c) { ${PAGE} } } } } }`;
        const from = await gql<Edges>(app, FROM, { i: PERIOD, after, c: p.complaints.pageInfo.endCursor }, caller);
        const one = from.data!.recurringProblems.edges[0]!.node;
        expect(one.next!.edges.map((e) => e.node)).toEqual(all.slice(2, 4));
        expect(one.next!.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: all.length > 4 });
        expect(one.before!.edges.map((e) => e.node)).toEqual(all.slice(0, 1));
        expect(one.next!.totalCount).toBe(all.length);
      }
      // SEC-7: the complaints are read through the Complaint type: what a caller sees of one is what it sees of it anywhere.
      const sample = problems[0]!.node.all!.edges[0]!.node;
      const direct = await gql<{ node: { complainantName: string | null; content: string } }>(
        app,
        `query($id: ID!) { node(id: $id) { ... on Complaint { complainantName content } } }`,
        { id: sample.id },
        caller,
      );
      expect({ complainantName: sample.complainantName, content: sample.content }).toEqual(direct.data!.node);
    }
    // SEC-2, SEC-7: the analyst (INTERNAL clearance, no personal data) does not read the case the director of its estate reads.
    const lx = { ...PERIOD, estateId: globalId("Estate", estate.LX!) };
    const firstComplaint = async (login: string) =>
      (await gql<Edges>(app, PAGES, { i: lx, n: 1 }, await as(login))).data!.recurringProblems.edges[0]!.node.all!.edges[0]!.node;
    const [director, analyst] = [await firstComplaint("director.lx"), await firstComplaint("analyst")];
    expect(analyst.id).toBe(director.id);
    expect(analyst.content).not.toBe(director.content);
  }, 600_000);

  // Issue 6, INT-2, INT-6: the bytes of a list of attachments or recordings are read in one query,
  // not one per row; each row still decides its own disclosure (SEC-2) and is logged (SEC-3).
  it("INT-2, INT-6 evidence: contentBase64 of 2 or 12 attachments, and of 2 or 12 recordings, costs the same statements; each read logged, none for who may not read the case", async () => {
    const exec = await as("exec");
    const [a, b] = (
      await q(`SELECT c.id FROM complaints c JOIN estates e ON e.id = c.estate_id
      WHERE e.code = 'LX' AND c.classification = 'SECRET' AND NOT EXISTS (SELECT 1 FROM attachments x WHERE x.complaint_id = c.id) ORDER BY c.no LIMIT 2`)
    ).map((r) => globalId("Complaint", r.id));
    const stored = new Map<string, string>();
    const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(48)]);
    const ok = (r: { errors?: unknown; data?: Record<string, { __typename: string }> | null }) => {
      const payload = Object.values(r.data ?? {})[0];
      if (r.errors || !payload?.__typename.endsWith("Success")) throw new Error(JSON.stringify(r));
    };
    for (const [complaint, n] of [
      [a!, 2],
      [b!, 12],
    ] as const) {
      for (let i = 0; i < n; i++) {
        const bytes = png();
        stored.set(createHash("sha256").update(bytes).digest("hex"), bytes.toString("base64"));
        ok(
          await gql(
            app,
            `mutation($input: AddComplaintAttachmentInput!) { addComplaintAttachment(input: $input) { __typename } }`,
            {
              input: {
                id: complaint,
                kind: "PHOTO",
                fileName: `现场${i}.png`,
                mimeType: "image/png",
                contentBase64: bytes.toString("base64"),
              },
            },
            exec,
          ),
        );
      }
    }
    const audio = new Map<string, string>();
    for (let i = 0; i < 12; i++) {
      const bytes = Buffer.concat([Buffer.from("RIFF"), randomBytes(64)]);
      const r = await gql<{ registerHotlineRecording: { __typename: string; data?: { id: string } } }>(
        app,
        `mutation($input: RegisterHotlineRecordingInput!) { registerHotlineRecording(input: $input) {
        __typename ... on MutationRegisterHotlineRecordingSuccess { data { id } } } }`,
        {
          input: {
            startedAt: new Date(clock().getTime() - (i + 1) * 60_000).toISOString(),
            durationSeconds: 60,
            complaintId: b,
            contentBase64: bytes.toString("base64"),
          },
        },
        exec,
      );
      ok(r);
      audio.set(r.data!.registerHotlineRecording.data!.id, bytes.toString("base64"));
    }

    const ATTACHMENTS = `query($id: ID!) { node(id: $id) { ... on Complaint { attachments { id sha256 contentBase64 } } } }`;
    expect(await count("exec", ATTACHMENTS, { id: b })).toBe(await count("exec", ATTACHMENTS, { id: a }));
    const RECORDINGS = `query($n: Int!, $f: HotlineRecordingFilter) { hotlineRecordings(first: $n, filter: $f) { edges { node { id contentBase64 } } } }`;
    expect(await count("exec", RECORDINGS, { n: 12, f: { complaintId: b } })).toBe(
      await count("exec", RECORDINGS, { n: 2, f: { complaintId: b } }),
    );

    // Every row its own bytes (the batch is answered by key).
    const read = await gql<{ node: { attachments: { id: string; sha256: string; contentBase64: string | null }[] } }>(
      app,
      ATTACHMENTS,
      { id: b },
      exec,
    );
    expect(read.data!.node.attachments).toHaveLength(12);
    for (const x of read.data!.node.attachments) expect(x.contentBase64).toBe(stored.get(x.sha256));
    const calls = await gql<{ hotlineRecordings: { edges: { node: { id: string; contentBase64: string | null } }[] } }>(
      app,
      RECORDINGS,
      { n: 12, f: { complaintId: b } },
      exec,
    );
    expect(new Map(calls.data!.hotlineRecordings.edges.map((e) => [e.node.id, e.node.contentBase64]))).toEqual(audio);

    // SEC-3: one log line per record read, in the request that read it.
    const logged = async (login: string, type: string, ids: string[]) =>
      (
        await q(
          `SELECT count(DISTINCT l.record_id)::int AS n FROM access_logs l JOIN staff s ON s.id = l.staff_id
      WHERE s.login = $1 AND l.record_type = $2 AND l.record_id = ANY($3::uuid[]) AND 'contentBase64' = ANY(l.fields)`,
          [login, type, ids],
        )
      )[0].n as number;
    expect(
      await logged(
        "exec",
        "ATTACHMENT",
        read.data!.node.attachments.map((x) => rowId(x.id)),
      ),
    ).toBe(12);
    expect(await logged("exec", "HOTLINE_RECORDING", [...audio.keys()].map(rowId))).toBe(12);
    // SEC-2: the analyst (INTERNAL clearance) may not read these cases: no bytes, nothing logged, for every row of the list.
    const analyst = await gql<{ node: { attachments: { contentBase64: string | null }[] } }>(
      app,
      ATTACHMENTS,
      { id: b },
      await as("analyst"),
    );
    expect(analyst.data!.node.attachments.map((x) => x.contentBase64)).toEqual(Array(12).fill(null));
    const analystCalls = await gql<{ hotlineRecordings: { edges: { node: { contentBase64: string | null } }[] } }>(
      app,
      RECORDINGS,
      { n: 12, f: { complaintId: b } },
      await as("analyst"),
    );
    expect(analystCalls.data!.hotlineRecordings.edges.map((e) => e.node.contentBase64)).toEqual(Array(12).fill(null));
    expect(
      (await logged(
        "analyst",
        "ATTACHMENT",
        read.data!.node.attachments.map((x) => rowId(x.id)),
      )) + (await logged("analyst", "HOTLINE_RECORDING", [...audio.keys()].map(rowId))),
    ).toBe(0);
  }, 120_000);
});
