import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { createPrisma } from "@tingjian/prisma";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, rowId, signIn, type Caller } from "./graphql.ts";
import { countingPool } from "./statement-log.ts";

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

  interface Customer { id: string; name: string; phone: string | null }
  interface Node { id: string; customer: Customer | null }
  const PAGE = `query($n: Int!, $f: CallbackFilter) { callbacks(first: $n, filter: $f) { edges { node { id customer { id name phone } } } } }`;
  async function page(login: string, n: number, filter: Record<string, unknown> = {}) {
    const r = await gql<{ callbacks: { edges: { node: Node }[] } }>(app, PAGE, { n, f: filter }, await as(login));
    return { nodes: r.data?.callbacks.edges.map((e) => e.node) ?? [], errors: r.errors ?? [] };
  }
  const one = async (login: string, id: string) =>
    gql<{ node: Node | null }>(app, `query($id: ID!) { node(id: $id) { ... on Callback { id customer { id name phone } } } }`, { id }, await as(login));
  /** The stored customer of each callback, with the raw personal data. */
  async function stored(ids: string[]) {
    const rows = await q(`SELECT cb.id, cu.id AS customer_id, cu.name, cu.phone FROM callbacks cb LEFT JOIN customers cu ON cu.id = cb.customer_id WHERE cb.id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id as string, r.customer_id ? { id: r.customer_id as string, name: r.name as string, phone: r.phone as string | null } : null]));
  }
  const logged = async (login: string, customerIds: string[]) => (await q(`SELECT count(DISTINCT l.record_id)::int AS n FROM access_logs l JOIN staff s ON s.id = l.staff_id
    WHERE s.login = $1 AND l.record_type = 'CUSTOMER' AND l.record_id = ANY($2::uuid[]) AND 'name' = ANY(l.fields)`, [login, customerIds]))[0].n as number;

  beforeAll(async () => {
    app = createApp({ prisma: createPrisma({ ...t.db, pool: countingPool(t.db.pool, statements) }) });
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
    const ofComplaints = await q(`SELECT count(*)::int AS n FROM callbacks cb JOIN complaints c ON c.id = cb.complaint_id
      WHERE cb.id = ANY($1::uuid[]) AND cb.customer_id IS DISTINCT FROM c.complainant_id`, [nodes.map((n) => rowId(n.id))]);
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
      const direct = await gql<{ node: Customer }>(app, `query($id: ID!) { node(id: $id) { ... on Customer { id name phone } } }`, { id: n.customer!.id }, await as("analyst"));
      expect(n.customer).toEqual(direct.data!.node);
    }
    expect(await logged("analyst", withCustomer.map((n) => rowId(n.customer!.id)))).toBe(0);
  }, 120_000);

  it("§2: a role that may not read customers at all (the auditor) is refused the field, naming the permission; the callbacks still list", async () => {
    const { nodes, errors } = await page("auditor", 5);
    expect(nodes).toHaveLength(5);
    expect(nodes.every((n) => n.customer === null)).toBe(true);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => e.extensions?.code === "FORBIDDEN" && e.path?.at(-1) !== undefined)).toBe(true);
    expect(errors[0]!.message).toContain("customers:read");
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
    const without = none ?? (await q(`UPDATE callbacks SET customer_id = NULL WHERE id = (SELECT id FROM callbacks WHERE complaint_id IS NULL ORDER BY no DESC LIMIT 1) RETURNING id`))[0];
    expect((await one("exec", globalId("Callback", without.id))).data!.node).toEqual({ id: globalId("Callback", without.id), customer: null });
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
});
