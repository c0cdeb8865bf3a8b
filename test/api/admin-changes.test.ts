import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, hashPassword } from "@tingjian/prisma";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, request, signIn, type Caller, type GqlResult } from "./graphql.ts";
import { demoClock } from "../demo-clock.ts";

/**
 * Issue 17 item 2: every administrative change is kept with who, when, before and after, and the
 * auditor reads it (adminChanges): newest first, filtered, as field changes; account
 * administrators read it too; nobody else, and never another organisation's.
 */

const CHANGES = `query($filter: AdminChangeFilter, $first: Int, $after: String) {
  adminChanges(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id at entity entityId action changedByName changedBy { login } changes { field before after changed added removed } }
  } }`;
const SET = `mutation($input: SetRolePermissionsInput!) { setRolePermissions(input: $input) { __typename ... on MutationSetRolePermissionsSuccess { data { version } } ... on Error { message } } }`;
const RESET = `mutation($input: ResetRolePermissionsInput!) { resetRolePermissions(input: $input) { __typename ... on Error { message } } }`;
const CASE_WORK = ["COMPLAINTS_READ", "COMPLAINTS_WRITE", "CUSTOMERS_READ", "CUSTOMERS_WRITE", "PERSONAL_DATA_READ"];

type Change = {
  id: string;
  at: string;
  entity: string;
  entityId: string | null;
  action: string;
  changedByName: string;
  changedBy: { login: string } | null;
  changes: { field: string; before: string | null; after: string | null; changed: boolean; added: string[]; removed: string[] }[];
};
type Page = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Change[] };

describe("GraphQL: the administrative change log (issue 17)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  const callers = new Map<string, Caller>();
  const as = (login: string) => callers.get(login)!;
  const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    (await t.db.pool.query(sql, params)).rows as [T, ...T[]];
  const changes = async (caller: Caller, variables: Record<string, unknown> = {}) => {
    const r = await gql<{ adminChanges: Page }>(app, CHANGES, variables, caller);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!.adminChanges;
  };
  const mutate = async (caller: Caller, query: string, input: Record<string, unknown>) => {
    const r = await gql<Record<string, { __typename: string }>>(app, query, { input }, caller);
    expect(Object.values(r.data ?? {})[0]?.__typename, JSON.stringify(r)).toMatch(/Success$/);
  };
  let otherAuditor: Caller;
  let otherChange = "";
  let execName = "";

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: demoClock() });
    for (const login of ["exec", "admin", "auditor", "frontdesk.lx", "manager"]) callers.set(login, await signIn(app, login));
    [{ display_name: execName }] = await q<{ display_name: string }>(`SELECT display_name FROM staff WHERE login = 'exec'`);
    // Three changes of roles: the executive's edit, the administrator's, the executive's reset.
    await mutate(as("exec"), SET, { role: "FRONT_DESK", permissions: [...CASE_WORK, "REPORTS_READ"], version: 0 });
    await mutate(as("admin"), SET, { role: "PROPERTY_ASSISTANT", permissions: ["COMPLAINTS_READ", "COMPLAINTS_WRITE"], version: 0 });
    await mutate(as("exec"), RESET, { role: "FRONT_DESK", version: 1 });
    // §2: another company with its own auditor and one change of its own.
    const [other] = await q<{ id: string }>(
      `INSERT INTO organizations (code, name, updated_at) VALUES ('OTHER-LOG', '另一家物业', now()) RETURNING id`,
    );
    const [auditor] = await q<{ id: string }>(
      `INSERT INTO staff (organization_id, login, display_name, role, all_estates, password_hash, updated_at) VALUES ($1, 'other.auditor', '别家审计', 'AUDITOR', true, $2, now()) RETURNING id`,
      [other!.id, await hashPassword(DEMO_PASSWORD)],
    );
    [{ id: otherChange }] = await q<{ id: string }>(
      `INSERT INTO admin_changes (organization_id, changed_by_id, entity, action, before, after) VALUES ($1, $2, 'ROLE', 'UPDATE', '{"role":"FRONT_DESK","permissions":[]}', '{"role":"FRONT_DESK","permissions":["complaints:read"]}') RETURNING id`,
      [other!.id, auditor!.id],
    );
    const res = await request(
      app,
      `mutation($o: String, $l: String!, $p: String!) { signIn(organization: $o, login: $l, password: $p) { __typename } }`,
      { o: "OTHER-LOG", l: "other.auditor", p: DEMO_PASSWORD },
    );
    expect(((await res.json()) as GqlResult<{ signIn: { __typename: string } }>).data?.signIn.__typename).toBe("MutationSignInSuccess");
    otherAuditor = { cookie: res.headers.get("set-cookie")!.split(";")[0]! };
  });

  it("the auditor reads a role's edit with who, when, and each field before and after, newest first", async () => {
    const page = await changes(as("auditor"), { filter: { entity: "ROLE" } });
    expect(page.totalCount).toBe(3);
    const [resetChange, assistant, desk] = page.nodes;
    expect(page.nodes.map((n) => [n.action, n.changedBy?.login])).toEqual([
      ["UPDATE", "exec"],
      ["UPDATE", "admin"],
      ["UPDATE", "exec"],
    ]);
    expect(new Date(resetChange!.at).getTime()).toBeGreaterThanOrEqual(new Date(desk!.at).getTime());
    expect(desk!.changedByName).toBe(execName);
    const field = (c: Change, name: string) => c.changes.find((f) => f.field === name)!;
    expect(field(desk!, "role")).toMatchObject({ before: "FRONT_DESK", after: "FRONT_DESK", changed: false });
    expect(field(desk!, "permissions")).toMatchObject({ changed: true, added: ["reports:read"], removed: [] });
    expect(JSON.parse(field(desk!, "permissions").after!)).toContain("reports:read");
    expect(field(desk!, "customized")).toMatchObject({ before: "false", after: "true", changed: true });
    expect(field(assistant!, "permissions")).toMatchObject({
      added: [],
      removed: ["customers:read", "customers:write", "personal-data:read"],
    });
    expect(field(resetChange!, "permissions")).toMatchObject({ added: [], removed: ["reports:read"] });
    expect(field(resetChange!, "customized")).toMatchObject({ before: "true", after: "false" });
  });

  it("filters by role, by who, by time, and pages newest first", async () => {
    const assistant = await changes(as("auditor"), { filter: { role: "PROPERTY_ASSISTANT" } });
    expect(assistant.nodes.map((n) => n.changedBy?.login)).toEqual(["admin"]);
    const [{ id: execId }] = await q<{ id: string }>(`SELECT id FROM staff WHERE login = 'exec'`);
    const byExec = await changes(as("auditor"), { filter: { entity: "ROLE", changedBy: globalId("Staff", execId!) } });
    expect(byExec.totalCount).toBe(2);
    const first = (await changes(as("auditor"), { filter: { entity: "ROLE" } })).nodes;
    const late = new Date(new Date(first[0]!.at).getTime() + 1).toISOString();
    expect((await changes(as("auditor"), { filter: { entity: "ROLE", from: late } })).totalCount).toBe(0);
    expect((await changes(as("auditor"), { filter: { entity: "ROLE", to: late } })).totalCount).toBe(3);
    const one = await changes(as("auditor"), { filter: { entity: "ROLE" }, first: 1 });
    expect(one.pageInfo.hasNextPage).toBe(true);
    const two = await changes(as("auditor"), { filter: { entity: "ROLE" }, first: 2, after: one.pageInfo.endCursor });
    expect([...one.nodes, ...two.nodes].map((n) => n.id)).toEqual(first.map((n) => n.id));
  });

  it("other administrative changes are in the same log (a policy value: its before and after)", async () => {
    const r = await gql<{ setPolicyValue: { __typename: string } }>(
      app,
      `mutation { setPolicyValue(input: { key: "SLA-2.duration", value: 3, unit: HOURS }) { __typename } }`,
      undefined,
      as("exec"),
    );
    expect(r.data?.setPolicyValue.__typename, JSON.stringify(r)).toMatch(/Success$/);
    const page = await changes(as("auditor"), { filter: { entity: "POLICY_VALUE" } });
    expect(page.totalCount).toBeGreaterThan(0);
    const created = page.nodes.find((n) => n.action === "CREATE")!;
    expect(created.changes.find((f) => f.field === "value")).toMatchObject({ before: null, after: "3", changed: true });
    expect(created.changedByName).toBe(execName);
  });

  it("account administrators read it; no other role does", async () => {
    expect((await changes(as("admin"), { filter: { entity: "ROLE" } })).totalCount).toBe(3);
    for (const login of ["frontdesk.lx", "manager"]) {
      const r = await gql(app, CHANGES, {}, as(login));
      expect(r.errors?.[0]?.extensions?.code, login).toBe("FORBIDDEN");
    }
    const [{ id }] = await q<{ id: string }>(`SELECT id FROM admin_changes WHERE entity = 'ROLE' ORDER BY at LIMIT 1`);
    const node = await gql<{ node: { id: string } | null }>(
      app,
      `query($id: ID!) { node(id: $id) { id ... on AdminChange { action } } }`,
      { id: globalId("AdminChange", id!) },
      as("frontdesk.lx"),
    );
    expect(node.data?.node ?? null).toBeNull();
  });

  it("§2: never across organisations", async () => {
    const theirs = await changes(otherAuditor, { filter: { entity: "ROLE" } });
    expect(theirs.nodes.map((n) => n.id)).toEqual([globalId("AdminChange", otherChange)]);
    const [{ id: ours }] = await q<{ id: string }>(
      `SELECT id FROM admin_changes WHERE entity = 'ROLE' AND organization_id <> (SELECT id FROM organizations WHERE code = 'OTHER-LOG') LIMIT 1`,
    );
    const node = await gql<{ node: unknown }>(
      app,
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: globalId("AdminChange", ours!) },
      otherAuditor,
    );
    expect(node.data?.node).toBeNull();
    const mine = await changes(as("auditor"), { filter: { entity: "ROLE" } });
    expect(mine.nodes.map((n) => n.id)).not.toContain(globalId("AdminChange", otherChange));
    // Append-only: the application's database role cannot rewrite the log.
    const client = await t.db.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(`SELECT set_config('role', 'tingjian_app', true)`);
      await expect(client.query(`UPDATE admin_changes SET action = 'DELETE'`)).rejects.toThrow(/permission denied/);
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });
});
