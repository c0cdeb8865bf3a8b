import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, signIn, type Caller } from "./graphql.ts";
import { demoClock } from "../demo-clock.ts";

describe("GraphQL: estates, households and complaints of the demo company", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let exec: Caller;
  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: demoClock() });
    exec = await signIn(app, "exec");
  });

  it("lists estates with their households and resident counts", async () => {
    const r = await gql<{
      estates: {
        totalCount: number;
        edges: {
          node: {
            code: string;
            kind: string;
            occupiedHouseholds: number;
            households: { totalCount: number; edges: { node: { code: string } }[] };
          };
        }[];
      };
    }>(
      app,
      `{
      estates(first: 10) { totalCount edges { node { code kind occupiedHouseholds households(first: 3) { totalCount edges { node { code } } } } } }
    }`,
      undefined,
      exec,
    );
    expect(r.errors).toBeUndefined();
    const estates = r.data!.estates;
    expect(estates.totalCount).toBe(4);
    const { rows } = await t.db.pool.query(`SELECT e.code, count(h.*)::int AS n, count(h.*) FILTER (WHERE h.occupied)::int AS occ
      FROM estates e JOIN households h ON h.estate_id = e.id GROUP BY e.code ORDER BY e.code`);
    expect(estates.edges.map((e) => [e.node.code, e.node.households.totalCount, e.node.occupiedHouseholds])).toEqual(
      rows.map((x) => [x.code, x.n, x.occ]),
    );
    for (const e of estates.edges) {
      expect(e.node.households.edges).toHaveLength(3);
      for (const h of e.node.households.edges) expect(h.node.code.startsWith(`${e.node.code}-`)).toBe(true);
    }
  });

  it("pages through complaints with a filter and fetches one by its global id", async () => {
    const first = await gql<{
      complaints: {
        totalCount: number;
        pageInfo: { endCursor: string; hasNextPage: boolean };
        edges: { node: { id: string; no: string; status: string } }[];
      };
    }>(
      app,
      `{
      complaints(first: 5, filter: { status: [VERIFIED] }) { totalCount pageInfo { endCursor hasNextPage } edges { node { id no status } } }
    }`,
      undefined,
      exec,
    );
    expect(first.errors).toBeUndefined();
    const { rows } = await t.db.pool.query(`SELECT count(*)::int AS n FROM complaints WHERE status = 'VERIFIED'`);
    expect(first.data!.complaints.totalCount).toBe(rows[0].n);
    expect(first.data!.complaints.edges.every((e) => e.node.status === "VERIFIED")).toBe(true);
    const next = await gql<{ complaints: { edges: { node: { no: string } }[] } }>(
      app,
      `query($after: String) {
      complaints(first: 5, after: $after, filter: { status: [VERIFIED] }) { edges { node { no } } }
    }`,
      { after: first.data!.complaints.pageInfo.endCursor },
      exec,
    );
    const seen = new Set(first.data!.complaints.edges.map((e) => e.node.no));
    expect(next.data!.complaints.edges.some((e) => seen.has(e.node.no))).toBe(false);

    const one = first.data!.complaints.edges[0]!.node;
    const byId = await gql<{ node: { no: string; timeline: { edges: { node: { kind: string } }[] } } }>(
      app,
      `query($id: ID!) {
      node(id: $id) { ... on Complaint { no timeline(first: 50) { edges { node { kind } } } } }
    }`,
      { id: one.id },
      exec,
    );
    expect(byId.data!.node.no).toBe(one.no);
    expect(byId.data!.node.timeline.edges[0]!.node.kind).toBe("REGISTERED");
  });

  it("never crosses organisations (SPEC §2): another organisation's estate is invisible, even by global id", async () => {
    const { rows } = await t.db.pool.query(`
      WITH o AS (INSERT INTO organizations (code, name, updated_at) VALUES ('OTHER', '另一家物业', now()) RETURNING id)
      INSERT INTO estates (organization_id, code, name, kind, updated_at) SELECT id, 'ZZ', '别家小区', 'RESIDENTIAL', now() FROM o RETURNING id`);
    const foreignId = Buffer.from(`Estate:${rows[0].id}`).toString("base64");
    const list = await gql<{ estates: { edges: { node: { code: string } }[] } }>(
      app,
      `{ estates(first: 50) { edges { node { code } } } }`,
      undefined,
      exec,
    );
    expect(list.data!.estates.edges.map((e) => e.node.code)).not.toContain("ZZ");
    const byId = await gql(app, `query($id: ID!) { node(id: $id) { id } }`, { id: foreignId }, exec);
    expect(byId.data?.node ?? null).toBeNull();
    expect(JSON.stringify(byId)).not.toContain("别家小区");
  });
});
