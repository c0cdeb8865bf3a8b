import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { FIXED_DEMO_NOW } from "@tingjian/prisma";
import { gql, globalId, rowId, signIn, type Caller } from "./graphql.ts";
import { demoClock } from "../demo-clock.ts";

/**
 * Issue acceptance for access control (SPEC §2, SEC-1…SEC-8), one behaviour per test, on the
 * demo company.
 */
describe("access control: who sees what", () => {
  const t = useTestDatabase("demo");
  let app: App;
  const clock = demoClock();
  const callers: Record<string, Caller> = {};
  const as = async (login: string) => (callers[login] ??= await signIn(app, login));
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  let lx: string, jh: string;

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock });
    const estates = await q(`SELECT id, code FROM estates ORDER BY code`);
    lx = estates.find((e) => e.code === "LX").id;
    jh = estates.find((e) => e.code === "JH").id;
  });

  it("§2: anonymous callers get UNAUTHENTICATED and no data", async () => {
    const r = await gql(app, `{ complaints(first: 1) { totalCount } }`);
    expect(r.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(r.data ?? null).toBeNull();
  });

  it("SEC-7: an analyst sees figures across all estates with personal data masked", async () => {
    const analyst = await as("analyst");
    const r = await gql<{
      complaintCounts: { key: string; count: number }[];
      complaints: { edges: { node: { complainantContact: string | null; complainantName: string | null } }[] };
    }>(
      app,
      `{
      complaintCounts(by: ESTATE, from: "2020-01-01T00:00:00+08:00", before: "2027-01-01T00:00:00+08:00") { key count }
      complaints(first: 30, filter: { status: [VERIFIED] }) { edges { node { complainantName complainantContact } } }
    }`,
      undefined,
      analyst,
    );
    expect(r.errors).toBeUndefined();
    // SEC-2, issue 15 item 8: figures count what the analyst may know exists — no TOP_SECRET complaint unless designated at TOP_SECRET.
    const expected = await q(
      `SELECT c.estate_id AS key, count(*)::int AS count FROM complaints c WHERE c.duplicate_of_id IS NULL
      AND (c.classification <> 'TOP_SECRET' OR EXISTS (SELECT 1 FROM access_designations d JOIN staff s ON s.id = d.staff_id WHERE s.login = 'analyst'
        AND d.record_type = 'COMPLAINT' AND d.record_id = c.id AND d.level = 'TOP_SECRET' AND d.revoked_at IS NULL AND (d.expires_at IS NULL OR d.expires_at > $1)))
      GROUP BY c.estate_id`,
      [FIXED_DEMO_NOW],
    );
    expect(new Map(r.data!.complaintCounts.map((c) => [c.key, c.count]))).toEqual(new Map(expected.map((e) => [e.key, e.count])));
    expect(r.data!.complaintCounts.length).toBe(4);
    const contacts = r.data!.complaints.edges.map((e) => e.node.complainantContact).filter((c): c is string => !!c);
    expect(contacts.length).toBeGreaterThan(0);
    for (const c of contacts) expect(c).toMatch(/^\d{3}\*{4}\d{4}$/);
  });

  it("§2: a developer liaison sees only complaints forwarded to the developer", async () => {
    const developer = await as("developer");
    const r = await gql<{ complaints: { totalCount: number } }>(app, `{ complaints(first: 1) { totalCount } }`, undefined, developer);
    const [{ n }] = await q(`SELECT count(*)::int AS n FROM complaints WHERE forwarded_to_developer_at IS NOT NULL`);
    expect(n).toBeGreaterThan(0);
    expect(r.data!.complaints.totalCount).toBe(n);
    const [other] = await q(`SELECT id FROM complaints WHERE forwarded_to_developer_at IS NULL LIMIT 1`);
    const byId = await gql<{ node: unknown }>(
      app,
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: globalId("Complaint", other.id) },
      developer,
    );
    expect(byId.data!.node).toBeNull();
    // No relation leads from a forwarded complaint to one that was not forwarded.
    const [fwd] = await q(
      `UPDATE complaints SET duplicate_of_id = $1 WHERE id = (SELECT id FROM complaints WHERE forwarded_to_developer_at IS NOT NULL LIMIT 1) RETURNING id`,
      [other.id],
    );
    const dup = await gql<{ node: { duplicateOf: unknown } }>(
      app,
      `query($id: ID!) { node(id: $id) { ... on Complaint { duplicateOf { id content } } } }`,
      { id: globalId("Complaint", fwd.id) },
      developer,
    );
    expect(dup.errors).toBeUndefined();
    expect(dup.data!.node.duplicateOf).toBeNull();
    const seenByExec = await gql<{ node: { duplicateOf: { id: string } } }>(
      app,
      `query($id: ID!) { node(id: $id) { ... on Complaint { duplicateOf { id } } } }`,
      { id: globalId("Complaint", fwd.id) },
      await as("exec"),
    );
    expect(seenByExec.data!.node.duplicateOf.id).toBe(globalId("Complaint", other.id));
    const customers = await gql(app, `{ customers(first: 1) { totalCount } }`, undefined, developer);
    expect(customers.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("§2: a front-desk clerk of one estate sees nothing of another", async () => {
    const clerk = await as("frontdesk.lx");
    const [complaint] = await q(`SELECT id FROM complaints WHERE estate_id = $1 LIMIT 1`, [jh]);
    const [household] = await q(`SELECT id FROM households WHERE estate_id = $1 LIMIT 1`, [jh]);
    const [customer] = await q(
      `SELECT m.customer_id AS id FROM household_members m JOIN households h ON h.id = m.household_id WHERE h.estate_id = $1 LIMIT 1`,
      [jh],
    );
    const r = await gql<{
      estates: { edges: { node: { code: string } }[] };
      complaints: { totalCount: number };
      customers: { totalCount: number };
      a: unknown;
      b: unknown;
      c: unknown;
      d: unknown;
    }>(
      app,
      `
      query($c: ID!, $h: ID!, $cu: ID!, $e: ID!) {
        estates(first: 10) { edges { node { code } } }
        complaints(first: 1, filter: { estateId: $e }) { totalCount }
        customers(first: 1, filter: { estateId: $e }) { totalCount }
        a: node(id: $c) { id } b: node(id: $h) { id } c: node(id: $cu) { id } d: node(id: $e) { id }
      }`,
      {
        c: globalId("Complaint", complaint.id),
        h: globalId("Household", household.id),
        cu: globalId("Customer", customer.id),
        e: globalId("Estate", jh),
      },
      clerk,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.estates.edges.map((e) => e.node.code)).toEqual(["LX"]);
    expect(r.data!.complaints.totalCount).toBe(0);
    expect(r.data!.customers.totalCount).toBe(0);
    expect([r.data!.a, r.data!.b, r.data!.c, r.data!.d]).toEqual([null, null, null, null]);

    // An owner of flats in both estates: the clerk sees only the flat in their own estate.
    const [own] = await q(
      `SELECT m.customer_id AS id FROM household_members m JOIN households h ON h.id = m.household_id WHERE h.estate_id = $1 LIMIT 1`,
      [lx],
    );
    await q(
      `INSERT INTO household_members (organization_id, household_id, customer_id, kind, updated_at) SELECT organization_id, $1, $2, 'OWNER', now() FROM households WHERE id = $1`,
      [household.id, own.id],
    );
    const both = await gql<{ node: { households: { household: { estate: { code: string } } }[] } }>(
      app,
      `query($id: ID!) {
      node(id: $id) { ... on Customer { households { household { estate { code } } } } } }`,
      { id: globalId("Customer", own.id) },
      clerk,
    );
    expect(both.data!.node.households.map((h) => h.household.estate.code)).toEqual(["LX"]);
    const exec = await gql<{ node: { households: unknown[] } }>(
      app,
      `query($id: ID!) { node(id: $id) { ... on Customer { households { kind } } } }`,
      { id: globalId("Customer", own.id) },
      await as("exec"),
    );
    expect(exec.data!.node.households).toHaveLength(2);
  });

  it("§2: an external token without reports:read gets a typed FORBIDDEN error; with it, the figures", async () => {
    // Issue 15 item 10: a token carries only scopes its minter holds, so the executive issues it.
    const minter = await as("exec");
    const [bi] = await q(`SELECT id FROM staff WHERE login = 'bi.tool'`);
    const create = (scopes: string[]) =>
      gql<{ createApiToken: { __typename: string; data?: { secret: string } } }>(
        app,
        `mutation($input: CreateApiTokenInput!) {
      createApiToken(input: $input) { __typename ... on MutationCreateApiTokenSuccess { data { secret } } ... on Error { message } }
    }`,
        { input: { name: "BI", scopes, staffId: globalId("Staff", bi.id) } },
        minter,
      );
    const narrow = (await create(["COMPLAINTS_READ"])).data!.createApiToken.data!.secret;
    const wide = (await create(["COMPLAINTS_READ", "REPORTS_READ"])).data!.createApiToken.data!.secret;
    const report = `{ complaintCounts(by: STATUS, from: "2026-01-01T00:00:00Z", before: "2026-07-01T00:00:00Z") { key count } }`;
    const denied = await gql(app, report, undefined, { token: narrow });
    expect(denied.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(denied.errors?.[0]?.message).toContain("REPORTS_READ");
    const allowed = await gql<{ complaintCounts: { count: number }[] }>(app, report, undefined, { token: wide });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!.complaintCounts.reduce((s, c) => s + c.count, 0)).toBeGreaterThan(0);
    // Stored hashed: the secret is nowhere in the database.
    const stored = await q(`SELECT token_hash, prefix FROM api_tokens`);
    expect(stored.some((s) => s.token_hash === wide)).toBe(false);
    expect(stored.map((s) => s.prefix)).toContain(wide.slice(0, 10));
  });

  it("§2: a type's permission holds wherever the object is reached (node(id:)), checked once per object", async () => {
    const minter = await as("exec");
    const [bi] = await q(`SELECT id FROM staff WHERE login = 'bi.tool'`);
    const [c] = await q(`SELECT id, no FROM complaints WHERE classification <> 'TOP_SECRET' ORDER BY received_at LIMIT 1`);
    const created = await gql<{ createApiToken: { data: { secret: string } } }>(
      app,
      `mutation($input: CreateApiTokenInput!) {
      createApiToken(input: $input) { ... on MutationCreateApiTokenSuccess { data { secret } } }
    }`,
      { input: { name: "customers only", scopes: ["CUSTOMERS_READ"], staffId: globalId("Staff", bi.id) } },
      minter,
    );
    const token = created.data!.createApiToken.data!.secret;
    const query = `query($id: ID!) { node(id: $id) { id ... on Complaint { no status receivedAt } } }`;
    const denied = await gql<{ node: unknown }>(app, query, { id: globalId("Complaint", c.id) }, { token });
    expect(denied.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(denied.data?.node ?? null).toBeNull();
    expect(JSON.stringify(denied)).not.toContain(c.no);
    const allowed = await gql<{ node: { no: string } }>(app, query, { id: globalId("Complaint", c.id) }, await as("exec"));
    expect(allowed.data!.node.no).toBe(c.no);
  });

  it("SEC-3: every read of an owner archive leaves exactly one access-log entry with its purpose", async () => {
    const clerk = await as("frontdesk.lx");
    const director = await as("director.lx");
    const [customer] = await q(
      `SELECT c.id, c.id_number, c.phone FROM customers c JOIN household_members m ON m.customer_id = c.id JOIN households h ON h.id = m.household_id
      WHERE h.estate_id = $1 AND c.kind = 'OWNER' AND c.classification = 'SECRET' AND c.id_number IS NOT NULL LIMIT 1`,
      [lx],
    );
    const id = globalId("Customer", customer.id);
    const read = `query($id: ID!) {
      node(id: $id) { ... on Customer { name phone idNumber plates address occupation nativePlace familyMembers { name } } }
      again: node(id: $id) { ... on Customer { idNumber households { household { members { customer { idNumber phone } } } } } }
    }`;
    const before = await gql<{ node: { idNumber: string } }>(app, read, { id }, clerk);
    expect(before.data!.node.idNumber).not.toBe(customer.id_number);
    expect(before.data!.node.idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);

    const request = await gql<{ requestApproval: { data: { id: string; version: number; requiredRole: string } } }>(
      app,
      `mutation($id: ID!) {
      requestApproval(input: { kind: READ_ARCHIVE, customerId: $id, purpose: "核实业主身份办理车位登记" }) { ... on MutationRequestApprovalSuccess { data { id version requiredRole } } }
    }`,
      { id },
      clerk,
    );
    const approval = request.data!.requestApproval.data;
    expect(approval.requiredRole).toBe("DEPARTMENT_HEAD");
    const self = await gql<{ decideApproval: { __typename: string } }>(
      app,
      `mutation($id: ID!, $v: Int!) { decideApproval(input: { id: $id, version: $v, approve: true }) { __typename } }`,
      { id: approval.id, v: approval.version },
      clerk,
    );
    expect(self.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const ok = await gql<{ decideApproval: { __typename: string } }>(
      app,
      `mutation($id: ID!, $v: Int!) { decideApproval(input: { id: $id, version: $v, approve: true, grantHours: 2 }) { __typename } }`,
      { id: approval.id, v: approval.version },
      director,
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.decideApproval.__typename).toBe("MutationDecideApprovalSuccess");

    const logsBefore = await q(`SELECT count(*)::int AS n FROM access_logs WHERE record_id = $1`, [customer.id]);
    const after = await gql<{ node: { idNumber: string; phone: string } }>(app, read, { id }, clerk);
    expect(after.errors).toBeUndefined();
    expect(after.data!.node.idNumber).toBe(customer.id_number);
    const logs = await q(
      `SELECT l.fields, l.purpose, l.action, l.approval_id, s.login FROM access_logs l JOIN staff s ON s.id = l.staff_id WHERE l.record_id = $1 ORDER BY l.at`,
      [customer.id],
    );
    expect(logs.length - logsBefore[0].n).toBe(1);
    const entry = logs.at(-1);
    expect(entry).toMatchObject({ login: "frontdesk.lx", action: "READ", purpose: "核实业主身份办理车位登记" });
    expect(entry.fields).toEqual(expect.arrayContaining(["idNumber", "phone", "name", "familyMembers"]));
    expect(entry.approval_id).not.toBeNull();
  });

  it("SEC-3: the access log is for auditors only", async () => {
    const denied = await gql(app, `{ accessLogs(first: 1) { totalCount } }`, undefined, await as("exec"));
    expect(denied.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const r = await gql<{ accessLogs: { totalCount: number; edges: { node: { staff: { login: string }; fields: string[] } }[] } }>(
      app,
      `{ accessLogs(first: 5) { totalCount edges { node { staff { login } fields purpose action } } } }`,
      undefined,
      await as("auditor"),
    );
    expect(r.errors).toBeUndefined();
    const [{ n }] = await q(`SELECT count(*)::int AS n FROM access_logs`);
    expect(r.data!.accessLogs.totalCount).toBe(n);
  });

  it("SEC-3: a denied request grants nothing, a grant ends at its time, and supervisors see what awaits their decision", async () => {
    const assistant = await as("assistant2.lx");
    const director = await as("director.lx");
    const [customer] = await q(
      `SELECT c.id, c.id_number FROM customers c JOIN household_members m ON m.customer_id = c.id JOIN households h ON h.id = m.household_id
      WHERE h.estate_id = $1 AND c.kind = 'OWNER' AND c.classification = 'SECRET' AND c.id_number IS NOT NULL ORDER BY c.id DESC LIMIT 1`,
      [lx],
    );
    const id = globalId("Customer", customer.id);
    const ask = async () =>
      (
        await gql<{ requestApproval: { data: { id: string; version: number } } }>(
          app,
          `mutation($id: ID!) {
      requestApproval(input: { kind: READ_ARCHIVE, customerId: $id, purpose: "核对产权" }) { ... on MutationRequestApprovalSuccess { data { id version } } } }`,
          { id },
          assistant,
        )
      ).data!.requestApproval.data;
    const decide = (a: { id: string; version: number }, approve: boolean) =>
      gql<{ decideApproval: { data: { status: string } } }>(
        app,
        `mutation($id: ID!, $v: Int!, $ok: Boolean!) {
      decideApproval(input: { id: $id, version: $v, approve: $ok, note: "见面核实" }) { ... on MutationDecideApprovalSuccess { data { status } } } }`,
        { id: a.id, v: a.version, ok: approve },
        director,
      );
    const readId = async () =>
      (
        await gql<{ node: { idNumber: string } }>(
          app,
          `query($id: ID!) { node(id: $id) { ... on Customer { idNumber } } }`,
          { id },
          assistant,
        )
      ).data!.node.idNumber;

    const first = await ask();
    const pending = await gql<{ approvals: { edges: { node: { id: string } }[] } }>(
      app,
      `{ approvals(first: 50, listing: TO_DECIDE) { edges { node { id } } } }`,
      undefined,
      director,
    );
    expect(pending.data!.approvals.edges.map((e) => e.node.id)).toContain(first.id);
    expect((await decide(first, false)).data!.decideApproval.data.status).toBe("DENIED");
    expect(await readId()).not.toBe(customer.id_number);

    const second = await ask();
    expect((await decide(second, true)).data!.decideApproval.data.status).toBe("APPROVED");
    expect(await readId()).toBe(customer.id_number);
    await q(`UPDATE approvals SET granted_until = $2::timestamptz - interval '1 second' WHERE id = $1`, [rowId(second.id), clock()]);
    expect(await readId()).not.toBe(customer.id_number);
  });
});
