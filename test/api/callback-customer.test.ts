import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { createPrisma } from "@tingjian/prisma";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, rowId, signIn, type Caller } from "./graphql.ts";
import { countingPool } from "./statement-log.ts";
import { demoClock } from "../demo-clock.ts";

/**
 * CB-5: `Callback.customer`, the person called back as planned (callbacks.customer_id: a
 * complaint's complainant, a sampled household's main contact), read through the Customer type:
 * its scope (§2, SEC-2), masking (SEC-7) and access log (SEC-3) apply as anywhere else, and a page
 * of callbacks loads its customers in one query (issue 6).
 */
describe("Callback.customer (CB-5; SEC-2, SEC-3, SEC-7)", () => {
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

  interface Customer {
    id: string;
    name: string;
    phone: string | null;
  }
  interface Node {
    id: string;
    customer: Customer | null;
  }
  const PAGE = `query($n: Int!, $f: CallbackFilter) { callbacks(first: $n, filter: $f) { edges { node { id customer { id name phone } } } } }`;
  async function page(login: string, n: number, filter: Record<string, unknown> = {}) {
    const r = await gql<{ callbacks: { edges: { node: Node }[] } }>(app, PAGE, { n, f: filter }, await as(login));
    return { nodes: r.data?.callbacks.edges.map((e) => e.node) ?? [], errors: r.errors ?? [] };
  }
  const one = async (login: string, id: string) =>
    gql<{ node: Node | null }>(
      app,
      `query($id: ID!) { node(id: $id) { ... on Callback { id customer { id name phone } } } }`,
      { id },
      await as(login),
    );
  /** The stored customer of each callback, with the raw personal data. */
  async function stored(ids: string[]) {
    const rows = await q(
      `SELECT cb.id, cu.id AS customer_id, cu.name, cu.phone FROM callbacks cb LEFT JOIN customers cu ON cu.id = cb.customer_id WHERE cb.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(
      rows.map((r) => [
        r.id as string,
        r.customer_id ? { id: r.customer_id as string, name: r.name as string, phone: r.phone as string | null } : null,
      ]),
    );
  }
  const logged = async (login: string, customerIds: string[]) =>
    (
      await q(
        `SELECT count(DISTINCT l.record_id)::int AS n FROM access_logs l JOIN staff s ON s.id = l.staff_id
    WHERE s.login = $1 AND l.record_type = 'CUSTOMER' AND l.record_id = ANY($2::uuid[]) AND 'name' = ANY(l.fields)`,
        [login, customerIds],
      )
    )[0].n as number;

  beforeAll(async () => {
    app = createApp({ prisma: createPrisma({ ...t.db, pool: countingPool(t.db.pool, statements) }), clock: demoClock() });
  });

  it("CB-5: the customer is the callback's stored one (complaint callbacks: the complainant), with the personal data read by whoever may (the executive; logged, SEC-3)", async () => {
    const { nodes, errors } = await page("exec", 60);
    expect(errors).toEqual([]);
    expect(nodes).toHaveLength(60);
    const truth = await stored(nodes.map((n) => rowId(n.id)));
    for (const n of nodes) {
      const s = truth.get(rowId(n.id))!;
      expect(n.customer && { ...n.customer, id: rowId(n.customer.id) }, n.id).toEqual(s);
    }
    expect(nodes.filter((n) => n.customer).length).toBeGreaterThan(30);
    // Complaint callbacks name the complainant (callbacks/for-complaint.ts plans them so).
    const ofComplaints = await q(
      `SELECT count(*)::int AS n FROM callbacks cb JOIN complaints c ON c.id = cb.complaint_id
      WHERE cb.id = ANY($1::uuid[]) AND cb.customer_id IS DISTINCT FROM c.complainant_id`,
      [nodes.map((n) => rowId(n.id))],
    );
    expect(ofComplaints[0].n).toBe(0);
    const customers = nodes.flatMap((n) => (n.customer ? [rowId(n.customer.id)] : []));
    expect(await logged("exec", customers)).toBe(new Set(customers).size);
  }, 120_000);

  it("SEC-7: a role without personal-data:read (the analyst) gets the customer masked, as the Customer type masks it anywhere, and nothing is logged", async () => {
    const raw = new Map((await page("exec", 40)).nodes.map((n) => [n.id, n.customer]));
    const { nodes, errors } = await page("analyst", 20);
    expect(errors).toEqual([]);
    const withCustomer = nodes.filter((n) => n.customer);
    expect(withCustomer.filter((n) => raw.has(n.id)).length).toBeGreaterThan(5);
    for (const n of withCustomer) {
      const r = raw.get(n.id);
      if (r) {
        expect(n.customer!.id).toBe(r.id);
        expect(n.customer!.name).not.toBe(r.name);
        if (r.phone) expect(n.customer!.phone).not.toBe(r.phone);
      }
      // The same as the customer's own node for the analyst (the Customer field rules, not a rule of Callback's).
      const direct = await gql<{ node: Customer }>(
        app,
        `query($id: ID!) { node(id: $id) { ... on Customer { id name phone } } }`,
        { id: n.customer!.id },
        await as("analyst"),
      );
      expect(n.customer).toEqual(direct.data!.node);
    }
    expect(
      await logged(
        "analyst",
        withCustomer.map((n) => rowId(n.customer!.id)),
      ),
    ).toBe(0);
  }, 120_000);

  it("§2: a role that may not read customers at all (the auditor) is refused the field, naming the permission; the callbacks still list", async () => {
    const { nodes, errors } = await page("auditor", 5);
    expect(nodes).toHaveLength(5);
    expect(nodes.every((n) => n.customer === null)).toBe(true);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.extensions?.code === "FORBIDDEN" && e.path?.at(-1) !== undefined)).toBe(true);
    expect(errors[0]!.message).toContain("CUSTOMERS_READ");
  });

  it("SEC-2: a TOP_SECRET customer is null for who is not designated (the executive sees it); a callback without a stored customer has none", async () => {
    const [target] = await q(`SELECT cb.id, cb.customer_id FROM callbacks cb JOIN customers cu ON cu.id = cb.customer_id
      WHERE cu.classification = 'SECRET' AND cb.complaint_id IS NULL ORDER BY cb.no LIMIT 1`);
    const id = globalId("Callback", target.id);
    expect((await one("service1", id)).data!.node!.customer).not.toBeNull();
    await q(`UPDATE customers SET classification = 'TOP_SECRET' WHERE id = $1`, [target.customer_id]);
    try {
      const hidden = await one("service1", id);
      expect(hidden.errors).toBeUndefined();
      expect(hidden.data!.node).toEqual({ id, customer: null });
      expect((await one("exec", id)).data!.node!.customer!.id).toBe(globalId("Customer", target.customer_id));
    } finally {
      await q(`UPDATE customers SET classification = 'SECRET' WHERE id = $1`, [target.customer_id]);
    }
    const [none] = await q(`SELECT id FROM callbacks WHERE customer_id IS NULL ORDER BY no LIMIT 1`);
    const without =
      none ??
      (
        await q(
          `UPDATE callbacks SET customer_id = NULL WHERE id = (SELECT id FROM callbacks WHERE complaint_id IS NULL ORDER BY no DESC LIMIT 1) RETURNING id`,
        )
      )[0];
    expect((await one("exec", globalId("Callback", without.id))).data!.node).toEqual({
      id: globalId("Callback", without.id),
      customer: null,
    });
  });

  it("issue 6: a page of callbacks with their customers costs the same statements at 5 and 100 rows", async () => {
    const count = async (n: number) => {
      await page("service1", n);
      statements.length = 0;
      const r = await page("service1", n);
      expect(r.nodes).toHaveLength(n);
      expect(r.errors).toEqual([]);
      return statements.length;
    };
    expect(await count(100)).toBe(await count(5));
  }, 120_000);

  interface Ref {
    id: string;
    no: string;
  }
  interface Linked extends Ref {
    complaint: Ref | null;
    previousCallback: Ref | null;
  }
  const LINKED = `query($n: Int!) { callbacks(first: $n) { edges { node { id no complaint { id no } previousCallback { id no } } } } }`;
  async function linked(login: string, n: number) {
    const r = await gql<{ callbacks: { edges: { node: Linked }[] } }>(app, LINKED, { n }, await as(login));
    return { nodes: r.data?.callbacks.edges.map((e) => e.node) ?? [], errors: r.errors ?? [] };
  }
  /** The stored complaint and earlier callback of each callback. */
  async function storedLinks(ids: string[]) {
    const rows = await q(
      `SELECT cb.id, c.id AS complaint_id, c.no AS complaint_no, p.id AS previous_id, p.no AS previous_no FROM callbacks cb
      LEFT JOIN complaints c ON c.id = cb.complaint_id LEFT JOIN callbacks p ON p.id = cb.previous_callback_id WHERE cb.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(
      rows.map((r) => [
        r.id as string,
        {
          complaint: r.complaint_id ? { id: globalId("Complaint", r.complaint_id), no: r.complaint_no } : null,
          previousCallback: r.previous_id ? { id: globalId("Callback", r.previous_id), no: r.previous_no } : null,
        },
      ]),
    );
  }
  /** Points callbacks at earlier ones for the length of `body`, then puts back what was stored. */
  async function linking(links: [callbackId: string, previousId: string][], body: () => Promise<void>) {
    const ids = links.map(([id]) => id);
    const before = await q(`SELECT id, previous_callback_id FROM callbacks WHERE id = ANY($1::uuid[])`, [ids]);
    try {
      for (const [id, previous] of links) await q(`UPDATE callbacks SET previous_callback_id = $2 WHERE id = $1`, [id, previous]);
      await body();
    } finally {
      for (const r of before) await q(`UPDATE callbacks SET previous_callback_id = $2 WHERE id = $1`, [r.id, r.previous_callback_id]);
    }
  }

  it("issue 6, CB-7: a page of callbacks with their complaints and earlier callbacks costs the same statements at 5 and 100 rows; each is the stored one", async () => {
    const hundred = (await linked("service1", 100)).nodes.map((n) => rowId(n.id));
    expect(hundred).toHaveLength(100);
    // The demo's first callbacks of the ledger are all first rounds: make two of the first five later rounds, so that both pages load earlier callbacks.
    await linking(
      [
        [hundred[1]!, hundred[0]!],
        [hundred[3]!, hundred[60]!],
      ],
      async () => {
        const count = async (n: number) => {
          await linked("service1", n);
          statements.length = 0;
          const r = await linked("service1", n);
          const cost = statements.length;
          expect(r.errors).toEqual([]);
          expect(r.nodes).toHaveLength(n);
          const truth = await storedLinks(r.nodes.map((x) => rowId(x.id)));
          for (const x of r.nodes)
            expect({ complaint: x.complaint, previousCallback: x.previousCallback }, x.no).toEqual(truth.get(rowId(x.id)));
          return {
            cost,
            complaints: r.nodes.filter((x) => x.complaint).length,
            previous: r.nodes.filter((x) => x.previousCallback).length,
          };
        };
        const small = await count(5);
        const large = await count(100);
        // Both pages load some of each, the larger many more: a query per row would show.
        expect(small.complaints).toBeGreaterThan(0);
        expect(small.previous).toBeGreaterThan(0);
        expect(large.complaints).toBeGreaterThan(small.complaints + 10);
        expect(large.previous).toBeGreaterThan(small.previous);
        expect(large.cost).toBe(small.cost);
      },
    );
  }, 120_000);

  it("SEC-2, CB-7: an earlier callback outside the caller's estates is null for the caller, the others of the page are not; the executive sees it", async () => {
    const mine = (await linked("assistant.lx", 3)).nodes;
    expect(mine).toHaveLength(3);
    const [elsewhere] = await q(
      `SELECT cb.id, cb.no FROM callbacks cb WHERE cb.estate_id <> (SELECT estate_id FROM callbacks WHERE id = $1) ORDER BY cb.no LIMIT 1`,
      [rowId(mine[0]!.id)],
    );
    await linking(
      [
        [rowId(mine[0]!.id), elsewhere.id],
        [rowId(mine[1]!.id), rowId(mine[2]!.id)],
      ],
      async () => {
        const { nodes, errors } = await linked("assistant.lx", 3);
        expect(errors).toEqual([]);
        expect(nodes.map((n) => n.id)).toEqual(mine.map((n) => n.id));
        expect(nodes[0]!.previousCallback).toBeNull();
        expect(nodes[1]!.previousCallback).toEqual({ id: mine[2]!.id, no: mine[2]!.no });
        // A callback of a complaint is seen with its complaint, so the complaint is there.
        for (const n of nodes) expect(n.complaint, n.no).toEqual((await storedLinks([rowId(n.id)])).get(rowId(n.id))!.complaint);
        const exec = await gql<{ node: Linked }>(
          app,
          `query($id: ID!) { node(id: $id) { ... on Callback { id no previousCallback { id no } } } }`,
          { id: mine[0]!.id },
          await as("exec"),
        );
        expect(exec.data!.node.previousCallback).toEqual({ id: globalId("Callback", elsewhere.id), no: elsewhere.no });
      },
    );
  }, 120_000);
});
