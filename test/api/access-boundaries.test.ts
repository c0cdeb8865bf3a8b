import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { DEMO_PASSWORD } from "@tingjian/prisma";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, request, signIn, type Caller } from "./graphql.ts";
import { demoClock } from "../demo-clock.ts";

/** The edges of access control: combined operations, foreign origins, hidden records, other people's things. */
describe("access boundaries", () => {
  const t = useTestDatabase("demo");
  let app: App;
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  const callers: Record<string, Caller> = {};
  const as = async (login: string) => (callers[login] ??= await signIn(app, login));
  beforeAll(() => {
    app = createApp({ prisma: t.prisma, clock: demoClock() });
  });

  it("sign-in cannot share an operation with another field (a rollback would erase the failed attempt)", async () => {
    const res = await request(app, `mutation($p: String!) { signIn(login: "manager", password: $p) { __typename } signOut }`, {
      p: DEMO_PASSWORD,
    });
    const body = await res.json();
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("no other origin may call the API with a user's cookie (no CORS grant)", async () => {
    const res = await app.fetch("http://yoga/graphql", {
      method: "OPTIONS",
      headers: { origin: "http://evil.example", "access-control-request-method": "POST" },
    });
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("SEC-2: a TOP_SECRET archive does not exist for anyone but the executive and those designated", async () => {
    const [c] = await q(
      `UPDATE customers SET classification = 'TOP_SECRET' WHERE id = (SELECT m.customer_id FROM household_members m JOIN households h ON h.id = m.household_id JOIN estates e ON e.id = h.estate_id WHERE e.code = 'LX' AND m.is_primary ORDER BY m.customer_id LIMIT 1) RETURNING id`,
    );
    const id = globalId("Customer", c.id);
    const look = async (login: string) =>
      (
        await gql<{ node: { id: string } | null }>(
          app,
          `query($id: ID!) { node(id: $id) { ... on Customer { id } } }`,
          { id },
          await as(login),
        )
      ).data?.node ?? null;
    expect(await look("frontdesk.lx")).toBeNull();
    expect(await look("manager")).toBeNull();
    expect(await look("exec")).toEqual({ id });
    const [director] = await q(`SELECT id FROM staff WHERE login = 'director.lx'`);
    const [execRow] = await q(`SELECT id FROM staff WHERE login = 'exec'`);
    await q(
      `INSERT INTO access_designations (organization_id, record_type, record_id, level, staff_id, designated_by_id) SELECT organization_id, 'CUSTOMER', $1, 'TOP_SECRET', $2, $3 FROM customers WHERE id = $1`,
      [c.id, director.id, execRow.id],
    );
    delete callers["director.lx"];
    expect(await look("director.lx")).toEqual({ id });
  });

  it("SEC-4: disclosing to an inquiry needs personal-data:read, even for a director's token", async () => {
    const director = await as("director.lx");
    const token = (
      await gql<{ createApiToken: { data: { secret: string } } }>(
        app,
        `mutation { createApiToken(input: { name: "gov", scopes: [GOVERNMENT_DISCLOSE, CUSTOMERS_READ] }) { ... on MutationCreateApiTokenSuccess { data { secret } } } }`,
        undefined,
        director,
      )
    ).data!.createApiToken.data.secret;
    const inquiry = (
      await gql<{ registerGovernmentInquiry: { data: { id: string } } }>(
        app,
        `mutation { registerGovernmentInquiry(input: { officerName: "李警官", agency: "派出所", credentialNumber: "A1", purpose: "核查" }) { ... on MutationRegisterGovernmentInquirySuccess { data { id } } } }`,
        undefined,
        { token },
      )
    ).data!.registerGovernmentInquiry.data.id;
    const [c] = await q(
      `SELECT m.customer_id AS id, cu.id_number FROM household_members m JOIN households h ON h.id = m.household_id JOIN estates e ON e.id = h.estate_id JOIN customers cu ON cu.id = m.customer_id WHERE e.code = 'LX' AND cu.classification = 'SECRET' LIMIT 1`,
    );
    const r = await gql(
      app,
      `mutation($i: ID!, $c: ID!) { discloseArchiveToInquiry(inquiryId: $i, customerId: $c, fields: ["idNumber"]) { __typename ... on Error { message } } }`,
      { i: inquiry, c: globalId("Customer", c.id) },
      { token },
    );
    expect(JSON.stringify(r)).toContain("ForbiddenError");
    expect(JSON.stringify(r)).not.toContain(c.id_number);
  });

  it("another account's API token, approval or archive check of another estate is not found by id", async () => {
    const [bi] = await q(`SELECT id FROM staff WHERE login = 'bi.tool'`);
    const [token] = await q(
      `INSERT INTO api_tokens (organization_id, staff_id, name, token_hash, prefix) SELECT organization_id, id, 'bi', 'hash-x', 'tj_x' FROM staff WHERE id = $1 RETURNING id`,
      [bi.id],
    );
    const tokenNode = await gql<{ node: unknown }>(
      app,
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: globalId("ApiToken", token.id) },
      await as("frontdesk.lx"),
    );
    expect(tokenNode.data!.node).toBeNull();
    const adminView = await gql<{ node: unknown }>(
      app,
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: globalId("ApiToken", token.id) },
      await as("admin"),
    );
    expect(adminView.data!.node).not.toBeNull();

    const check = await gql<{ runArchiveCheck: { data: { id: string } } }>(
      app,
      `mutation { runArchiveCheck { ... on MutationRunArchiveCheckSuccess { data { id } } } }`,
      undefined,
      await as("director.jh"),
    );
    const checkId = check.data!.runArchiveCheck.data.id;
    const fromLx = await gql<{ node: unknown; archiveChecks: { edges: unknown[] } }>(
      app,
      `query($id: ID!) { node(id: $id) { id } archiveChecks(first: 10) { edges { node { id } } } }`,
      { id: checkId },
      await as("director.lx"),
    );
    expect(fromLx.data!.node).toBeNull();
    expect(fromLx.data!.archiveChecks.edges).toEqual([]);
  });

  it("SEC-1: without personal-data:read a customer's flats are not listed (the flat is the address)", async () => {
    const [c] = await q(`SELECT customer_id AS id FROM household_members LIMIT 1`);
    const r = await gql<{ node: { households: unknown[] } }>(
      app,
      `query($id: ID!) { node(id: $id) { ... on Customer { households { household { code } } } } }`,
      { id: globalId("Customer", c.id) },
      await as("analyst"),
    );
    expect(r.data!.node.households).toEqual([]);
  });
});
