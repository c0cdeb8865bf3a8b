import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { createPrisma } from "@tingjian/prisma";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, rowId, signIn, type Caller } from "./graphql.ts";
import { countingPool } from "./statement-log.ts";
import { demoClock } from "../demo-clock.ts";

/**
 * `complaintPage`: the ledger by offset for spreadsheet grids (ag-grid's infinite row model). The
 * expected orders are computed here in SQL from the documented contract, not from the server's code.
 */
const PAGE = `query($filter: ComplaintFilter, $sort: [ComplaintSort!], $offset: Int, $limit: Int) {
  complaintPage(filter: $filter, sort: $sort, offset: $offset, limit: $limit) { totalCount offset rows { id } } }`;

interface Page {
  totalCount: number;
  offset: number;
  rows: { id: string }[];
}

/** ComplaintSortField → the SQL of its documented order (enums in declared order, estate by name). */
const SORT_SQL: Record<string, string> = {
  RECEIVED_AT: "c.received_at",
  NO: "c.no",
  STATUS: "c.status",
  SEVERITY: "c.severity",
  ESTATE: "e.name",
  KIND: "c.kind",
  CHANNEL: "c.channel",
  PROMISED_AT: "c.promised_at",
  RESOLVED_AT: "c.resolved_at",
  LOCATION: "c.location",
};

describe("complaintPage: the ledger by offset for grids", () => {
  const t = useTestDatabase("demo");
  const statements: string[] = [];
  let app: App;
  let exec: Caller, analyst: Caller, frontdesk: Caller;
  let lx = "";
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  const page = async (caller: Caller, variables: Record<string, unknown>) => {
    const r = await gql<{ complaintPage: Page }>(app, PAGE, variables, caller);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!.complaintPage;
  };
  const ids = (p: Page) => p.rows.map((r) => rowId(r.id));

  beforeAll(async () => {
    app = createApp({ prisma: createPrisma({ ...t.db, pool: countingPool(t.db.pool, statements) }), clock: demoClock() });
    [exec, analyst, frontdesk] = [await signIn(app, "exec"), await signIn(app, "analyst"), await signIn(app, "frontdesk.lx")];
    [{ id: lx }] = await q(`SELECT id FROM estates WHERE code = 'LX'`);
  });

  it("sorts by every column in both directions, empty values last, ties by the id in the first key's direction", async () => {
    for (const [field, expr] of Object.entries(SORT_SQL)) {
      for (const descending of [false, true]) {
        const dir = descending ? "DESC" : "ASC";
        const want = (
          await q(
            `SELECT c.id FROM complaints c JOIN estates e ON e.id = c.estate_id ORDER BY ${expr} ${dir} NULLS LAST, c.id ${dir} LIMIT 150`,
          )
        ).map((r) => r.id);
        const got = await page(exec, { sort: [{ field, descending }], limit: 150 });
        expect(ids(got), `${field} ${dir}`).toEqual(want);
      }
    }
  });

  it("several keys apply in order (a repeated column counts once); no keys is the ledger's order, as `complaints`", async () => {
    const want = (
      await q(`SELECT c.id FROM complaints c ORDER BY c.severity DESC, c.status ASC, c.received_at DESC, c.id DESC LIMIT 200`)
    ).map((r) => r.id);
    const sort = [
      { field: "SEVERITY", descending: true },
      { field: "STATUS" },
      { field: "SEVERITY" },
      { field: "RECEIVED_AT", descending: true },
    ];
    expect(ids(await page(exec, { sort, limit: 200 }))).toEqual(want);
    const ledger = await gql<{ complaints: { edges: { node: { id: string } }[] } }>(
      app,
      `{ complaints(first: 100) { edges { node { id } } } }`,
      {},
      exec,
    );
    expect(ids(await page(exec, { limit: 100 }))).toEqual(ledger.data!.complaints.edges.map((e) => rowId(e.node.id)));
  });

  it("pages by offset through the whole ledger under a sort full of ties: no row repeated, none skipped", async () => {
    const want = (await q(`SELECT c.id FROM complaints c ORDER BY c.severity DESC, c.id DESC`)).map((r) => r.id);
    expect(want.length).toBeGreaterThan(500);
    const seen: string[] = [];
    for (let offset = 0; ; offset += 97) {
      const p = await page(exec, { sort: [{ field: "SEVERITY", descending: true }], offset, limit: 97 });
      expect(p).toMatchObject({ totalCount: want.length, offset });
      if (p.rows.length === 0) break;
      seen.push(...ids(p));
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(want);
  });

  it("filters and scopes as `complaints`: the same filter gives the same rows and count", async () => {
    const filter = { estateId: globalId("Estate", lx), status: ["VERIFIED", "CONFIRMED"], severity: ["GENERAL", "IMPORTANT"] };
    const [{ n }] = await q(
      `SELECT count(*)::int AS n FROM complaints WHERE estate_id = $1 AND status IN ('VERIFIED', 'CONFIRMED') AND severity IN ('GENERAL', 'IMPORTANT')`,
      [lx],
    );
    const p = await page(exec, { filter, limit: 500 });
    expect(p.totalCount).toBe(n);
    expect(p.rows).toHaveLength(Math.min(n, 500));
    const ledger = await gql<{ complaints: { totalCount: number; edges: { node: { id: string } }[] } }>(
      app,
      `query($filter: ComplaintFilter) { complaints(first: 100, filter: $filter) { totalCount edges { node { id } } } }`,
      { filter },
      exec,
    );
    expect(ledger.data!.complaints.totalCount).toBe(n);
    expect(ids(p).slice(0, 100)).toEqual(ledger.data!.complaints.edges.map((e) => rowId(e.node.id)));
    // §2: the front desk of 丽轩花园 sees its estate only, whatever it asks.
    const mine = await page(frontdesk, { limit: 500 });
    const estates = await q(`SELECT DISTINCT estate_id FROM complaints WHERE id = ANY($1)`, [ids(mine)]);
    expect(estates).toEqual([{ estate_id: lx }]);
    const theirs = await gql<{ complaints: { totalCount: number } }>(app, `{ complaints(first: 1) { totalCount } }`, {}, frontdesk);
    expect(mine.totalCount).toBe(theirs.data!.complaints.totalCount);
  });

  it("refuses an offset below 0 and a limit outside 1..500 with BAD_USER_INPUT naming the argument", async () => {
    for (const [variables, field] of [
      [{ limit: 501 }, "limit"],
      [{ limit: 0 }, "limit"],
      [{ limit: -5 }, "limit"],
      [{ offset: -1 }, "offset"],
    ] as const) {
      const r = await gql(app, PAGE, variables, exec);
      expect(r.data, JSON.stringify(variables)).toBeNull();
      expect(r.errors).toEqual([expect.objectContaining({ path: ["complaintPage"], extensions: { code: "BAD_USER_INPUT", field } })]);
    }
    expect((await page(exec, { limit: 500 })).rows).toHaveLength(500);
    const denied = await gql(app, PAGE, {}, await signIn(app, "admin"));
    expect(denied.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("SEC-2, SEC-7: an analyst's rows are masked exactly as in `complaints`", async () => {
    const fields = `id no content complainantName complainantContact invalidReason callbacks { no comment }`;
    const viaPage = await gql<{ complaintPage: { rows: unknown[] } }>(
      app,
      `{ complaintPage(limit: 60) { rows { ${fields} } } }`,
      {},
      analyst,
    );
    const viaLedger = await gql<{ complaints: { edges: { node: unknown }[] } }>(
      app,
      `{ complaints(first: 60) { edges { node { ${fields} } } } }`,
      {},
      analyst,
    );
    expect(viaPage.errors).toBeUndefined();
    expect(viaPage.data!.complaintPage.rows).toEqual(viaLedger.data!.complaints.edges.map((e) => e.node));
    const rows = viaPage.data!.complaintPage.rows as { id: string; content: string; complainantContact: string | null }[];
    const raw = await q(`SELECT id, content, complainant_contact FROM complaints WHERE id = ANY($1)`, [rows.map((r) => rowId(r.id))]);
    const body = JSON.stringify(rows);
    for (const r of raw) {
      expect(body).not.toContain(r.content);
      if (r.complainant_contact) expect(body).not.toContain(r.complainant_contact);
    }
    expect(rows.every((r) => r.content === "***")).toBe(true);
  });

  it("SEC-3: an entitled reader's raw reads are logged, in one insert for the page", async () => {
    statements.length = 0;
    const r = await gql<{ complaintPage: { rows: { id: string; content: string }[] } }>(
      app,
      `{ complaintPage(limit: 40) { rows { id content complainantContact } } }`,
      {},
      frontdesk,
    );
    const rows = r.data!.complaintPage.rows;
    expect(rows).toHaveLength(40);
    expect(statements.filter((s) => /INSERT INTO "?(public"?\.)?"?access_logs/i.test(s))).toHaveLength(1);
    const logged = await q(
      `SELECT record_id, fields FROM access_logs a JOIN staff s ON s.id = a.staff_id WHERE s.login = 'frontdesk.lx' AND a.record_id = ANY($1) AND a.action = 'READ'`,
      [rows.map((x) => rowId(x.id))],
    );
    expect(new Set(logged.map((l) => l.record_id)).size).toBe(40);
    expect(logged.every((l) => l.fields.includes("content"))).toBe(true);
  });

  it("performance: the statements of a page do not grow with its size", async () => {
    const rows = `rows { id no status receivedAt content estate { name } household { code } category { name } callbacks { no status calledAt } }`;
    const count = async (limit: number) => {
      statements.length = 0;
      const r = await gql(
        app,
        `query($limit: Int) { complaintPage(limit: $limit, sort: [{ field: ESTATE }]) { totalCount ${rows} } }`,
        { limit },
        exec,
      );
      expect(r.errors).toBeUndefined();
      return statements.length;
    };
    const [small, large] = [await count(5), await count(400)];
    expect(large).toBe(small);
    // The caller, BEGIN, the role, the count, the page with one statement per relation level at most, the access log, COMMIT.
    expect(small).toBeLessThanOrEqual(11);
  });
});
