import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, hashPassword } from "@tingjian/prisma";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, request, signIn, type Caller, type GqlResult } from "./graphql.ts";
import { demoClock } from "../demo-clock.ts";

/**
 * Issue 17 item 2: the role permission matrix. SPEC §2's roles with their default permissions; an
 * organisation adjusts a role within SPEC §8's limits; the edit takes effect at each account's
 * next request (sessions and API tokens alike), never in another organisation.
 *
 * The expectations are this file's own statement of SPEC §2's defaults, not the server's table.
 */

const CASE_WORK = ["COMPLAINTS_READ", "COMPLAINTS_WRITE", "CUSTOMERS_READ", "CUSTOMERS_WRITE", "PERSONAL_DATA_READ"];
const SUPERVISION = [...CASE_WORK, "REPORTS_READ", "APPROVALS_DECIDE", "ARCHIVES_CHECK"];
const LEADERSHIP = ["CLASSIFICATION_MANAGE", "GOVERNMENT_DISCLOSE", "CATEGORIES_MANAGE", "POLICIES_MANAGE"];
const DEFAULTS: Record<string, string[]> = {
  FRONT_DESK: CASE_WORK,
  PROPERTY_ASSISTANT: CASE_WORK,
  SERVICE_REP: [...CASE_WORK, "REPORTS_READ", "ARCHIVES_CHECK"],
  DEPARTMENT_HEAD: SUPERVISION,
  OFFICE_DIRECTOR: [...SUPERVISION, "CLASSIFICATION_MANAGE", "GOVERNMENT_DISCLOSE"],
  ANALYST: ["COMPLAINTS_READ", "CUSTOMERS_READ", "REPORTS_READ"],
  COMPANY_MANAGER: [...SUPERVISION, ...LEADERSHIP],
  MANAGEMENT_REP: [...SUPERVISION, "CATEGORIES_MANAGE", "POLICIES_MANAGE"],
  EXECUTIVE: [...SUPERVISION, ...LEADERSHIP, "TOKENS_MANAGE", "ACCOUNTS_MANAGE", "PLACES_MANAGE"],
  DEVELOPER_LIAISON: ["COMPLAINTS_READ"],
  AUDITOR: ["COMPLAINTS_READ", "AUDIT_READ"],
  ADMIN: ["TOKENS_MANAGE", "CATEGORIES_MANAGE", "POLICIES_MANAGE", "ACCOUNTS_MANAGE", "PLACES_MANAGE"],
};
const ACCOUNTS: Record<string, string> = {
  FRONT_DESK: "frontdesk.lx",
  PROPERTY_ASSISTANT: "assistant.lx",
  SERVICE_REP: "service1",
  DEPARTMENT_HEAD: "eng.head",
  OFFICE_DIRECTOR: "director.lx",
  ANALYST: "analyst",
  COMPANY_MANAGER: "manager",
  MANAGEMENT_REP: "mgmtrep",
  EXECUTIVE: "exec",
  DEVELOPER_LIAISON: "developer",
  AUDITOR: "auditor",
  ADMIN: "admin",
};

const MATRIX = `{ rolePermissionMatrix { role permissions defaults customized version forbidden { permission rule } required { permission rule } } }`;
const SET = `mutation($input: SetRolePermissionsInput!) { setRolePermissions(input: $input) {
  __typename ... on MutationSetRolePermissionsSuccess { data { role permissions customized version } }
  ... on RoleLimitError { message violations { role permission rule message } }
  ... on RolePermissionsConflictError { currentVersion } ... on Error { message } } }`;
const RESET = `mutation($input: ResetRolePermissionsInput!) { resetRolePermissions(input: $input) {
  __typename ... on MutationResetRolePermissionsSuccess { data { role permissions customized version } }
  ... on RoleLimitError { violations { permission rule } } ... on RolePermissionsConflictError { currentVersion } ... on Error { message } } }`;
const REPORT = `query($from: DateTime!, $before: DateTime!) { complaintCounts(by: STATUS, from: $from, before: $before) { count } }`;

type Row = {
  role: string;
  permissions: string[];
  defaults: string[];
  customized: boolean;
  version: number;
  forbidden: { permission: string; rule: string }[];
  required: { permission: string; rule: string }[];
};
type SetResult = {
  __typename: string;
  data?: { role: string; permissions: string[]; customized: boolean; version: number };
  violations?: { role: string; permission: string; rule: string; message: string }[];
  currentVersion?: number;
  message?: string;
};

describe("GraphQL: the role permission matrix (issue 17, SPEC §2, §8)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  const callers = new Map<string, Caller>();
  const as = (login: string) => callers.get(login)!;
  const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await t.db.pool.query(sql, params)).rows as T[];
  const matrix = async (caller: Caller) => {
    const r = await gql<{ rolePermissionMatrix: Row[] }>(app, MATRIX, undefined, caller);
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return new Map(r.data!.rolePermissionMatrix.map((x) => [x.role, x]));
  };
  const set = async (caller: Caller, role: string, permissions: string[], version?: number) => {
    const v = version ?? (await matrix(as("exec"))).get(role)!.version;
    const r = await gql<{ setRolePermissions: SetResult }>(app, SET, { input: { role, permissions, version: v } }, caller);
    return r.data?.setRolePermissions ?? ({ __typename: r.errors?.[0]?.extensions?.code ?? "?" } as SetResult);
  };
  const reset = async (caller: Caller, role: string) => {
    const v = (await matrix(as("exec"))).get(role)!.version;
    return (await gql<{ resetRolePermissions: SetResult }>(app, RESET, { input: { role, version: v } }, caller)).data!.resetRolePermissions;
  };
  const permissionsOf = async (caller: Caller) =>
    (await gql<{ me: { permissions: string[] } }>(app, `{ me { permissions } }`, undefined, caller)).data!.me.permissions;
  const window = { from: "2020-01-01T00:00:00Z", before: "2030-01-01T00:00:00Z" };
  const readsReports = async (caller: Caller) => {
    const r = await gql(app, REPORT, window, caller);
    if (r.errors) expect(r.errors[0]!.extensions?.code).toBe("FORBIDDEN");
    return !r.errors;
  };
  let otherAdmin: Caller;
  let otherDesk: Caller;

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: demoClock() });
    // Signed in before a second organisation exists (then sign-in asks for the organisation's code).
    for (const login of Object.values(ACCOUNTS)) callers.set(login, await signIn(app, login));
    // §2: another company with its own administrator and front desk, the same roles.
    const [other] = await q<{ id: string }>(
      `INSERT INTO organizations (code, name, updated_at) VALUES ('OTHER-ROLES', '另一家物业', now()) RETURNING id`,
    );
    const hash = await hashPassword(DEMO_PASSWORD);
    for (const [login, role] of [
      ["other.admin", "ADMIN"],
      ["other.desk", "FRONT_DESK"],
    ]) {
      await q(
        `INSERT INTO staff (organization_id, login, display_name, role, all_estates, password_hash, updated_at) VALUES ($1, $2, $2, $3, true, $4, now())`,
        [other!.id, login, role, hash],
      );
    }
    const signInTo = async (login: string) => {
      const res = await request(
        app,
        `mutation($o: String, $l: String!, $p: String!) { signIn(organization: $o, login: $l, password: $p) { __typename } }`,
        { o: "OTHER-ROLES", l: login, p: DEMO_PASSWORD },
      );
      expect(((await res.json()) as GqlResult<{ signIn: { __typename: string } }>).data?.signIn.__typename).toBe("MutationSignInSuccess");
      return { cookie: res.headers.get("set-cookie")!.split(";")[0]! };
    };
    otherAdmin = await signInTo("other.admin");
    otherDesk = await signInTo("other.desk");
  });

  it("§2: every role with its default permissions; administrators and the auditor read the matrix, nobody else", async () => {
    for (const login of ["admin", "exec", "auditor"]) {
      const m = await matrix(as(login));
      expect([...m.keys()].sort()).toEqual(Object.keys(DEFAULTS).sort());
      for (const [role, want] of Object.entries(DEFAULTS)) {
        expect(new Set(m.get(role)!.permissions), role).toEqual(new Set(want));
        expect(new Set(m.get(role)!.defaults), role).toEqual(new Set(want));
        expect(m.get(role)!.customized).toBe(false);
      }
    }
    for (const [role, login] of Object.entries(ACCOUNTS))
      expect(new Set(await permissionsOf(as(login))), role).toEqual(new Set(DEFAULTS[role]));
    for (const login of ["frontdesk.lx", "service1", "analyst", "developer"]) {
      expect((await gql(app, MATRIX, undefined, as(login))).errors?.[0]?.extensions?.code, login).toBe("FORBIDDEN");
    }
    // The limits come with the matrix, so a form can show a fixed cell before anything is sent.
    const m = await matrix(as("admin"));
    expect(m.get("ANALYST")!.forbidden).toContainEqual({ permission: "PERSONAL_DATA_READ", rule: "ANALYST_MASKED" });
    expect(m.get("AUDITOR")!.required).toEqual([{ permission: "AUDIT_READ", rule: "AUDITOR_READS_AUDIT" }]);
    expect(m.get("DEVELOPER_LIAISON")!.forbidden.map((f) => f.permission)).toEqual(
      expect.arrayContaining(["CUSTOMERS_READ", "PERSONAL_DATA_READ", "REPORTS_READ"]),
    );
  });

  it("an edited role takes effect at the next request: reports:read moved from the service rep to the front desk", async () => {
    const token = await gql<{ createApiToken: { data: { secret: string } } }>(
      app,
      `mutation { createApiToken(input: { name: "roles", scopes: [COMPLAINTS_READ, REPORTS_READ] }) { ... on MutationCreateApiTokenSuccess { data { secret } } } }`,
      undefined,
      as("service1"),
    );
    const serviceToken = { token: token.data!.createApiToken.data.secret };
    expect(await readsReports(as("service1"))).toBe(true);
    expect(await readsReports(serviceToken)).toBe(true);
    expect(await readsReports(as("frontdesk.lx"))).toBe(false);

    const exec = as("exec");
    const desk = await set(exec, "FRONT_DESK", [...CASE_WORK, "REPORTS_READ"]);
    expect(desk.__typename, JSON.stringify(desk)).toBe("MutationSetRolePermissionsSuccess");
    expect(desk.data).toMatchObject({ customized: true, version: 1 });
    const rep = await set(exec, "SERVICE_REP", [...CASE_WORK, "ARCHIVES_CHECK"]);
    expect(rep.__typename, JSON.stringify(rep)).toBe("MutationSetRolePermissionsSuccess");

    // The same sessions and token, their next request: the matrix's expectations follow the edit.
    expect(await readsReports(as("frontdesk.lx"))).toBe(true);
    expect(await readsReports(as("service1"))).toBe(false);
    expect(await readsReports(serviceToken)).toBe(false);
    expect(new Set(await permissionsOf(as("frontdesk.lx")))).toEqual(new Set([...CASE_WORK, "REPORTS_READ"]));
    expect(new Set(await permissionsOf(as("service1")))).toEqual(new Set([...CASE_WORK, "ARCHIVES_CHECK"]));
    // A token still carries only its scopes among the role's permissions.
    expect(new Set(await permissionsOf(serviceToken))).toEqual(new Set(["COMPLAINTS_READ"]));
    for (const [role, login] of Object.entries(ACCOUNTS)) {
      if (role === "FRONT_DESK" || role === "SERVICE_REP") continue;
      expect(new Set(await permissionsOf(as(login))), role).toEqual(new Set(DEFAULTS[role]));
    }
    const [row] = await q<{ permissions: string[]; version: number }>(
      `SELECT permissions, version FROM role_permission_sets WHERE role = 'FRONT_DESK'`,
    );
    expect(row).toMatchObject({ version: 1 });
    expect(row!.permissions).toContain("reports:read");
  });

  it("§2: an edit does not reach another organisation's same role", async () => {
    const theirs = await matrix(otherAdmin);
    expect(theirs.get("FRONT_DESK")).toMatchObject({ customized: false, version: 0 });
    expect(new Set(theirs.get("FRONT_DESK")!.permissions)).toEqual(new Set(DEFAULTS.FRONT_DESK));
    expect(new Set(await permissionsOf(otherDesk))).toEqual(new Set(DEFAULTS.FRONT_DESK));
    expect(await readsReports(otherDesk)).toBe(false);
    // And the other organisation's own edit stays its own.
    const mine = await set(otherAdmin, "FRONT_DESK", ["COMPLAINTS_READ", "COMPLAINTS_WRITE"], 0);
    expect(mine.__typename, JSON.stringify(mine)).toBe("MutationSetRolePermissionsSuccess");
    expect(new Set(await permissionsOf(otherDesk))).toEqual(new Set(["COMPLAINTS_READ", "COMPLAINTS_WRITE"]));
    expect(new Set((await matrix(as("admin"))).get("FRONT_DESK")!.permissions)).toEqual(new Set([...CASE_WORK, "REPORTS_READ"]));
  });

  it("SPEC §8 limits: a violating set is refused with every violation named, and nothing is written", async () => {
    const before = await q(`SELECT count(*)::int AS n FROM admin_changes`);
    const analyst = await set(as("exec"), "ANALYST", ["COMPLAINTS_READ", "CUSTOMERS_READ", "REPORTS_READ", "PERSONAL_DATA_READ"]);
    expect(analyst.__typename).toBe("RoleLimitError");
    expect(analyst.violations!.map((v) => [v.role, v.permission, v.rule])).toEqual([["ANALYST", "PERSONAL_DATA_READ", "ANALYST_MASKED"]]);
    // Several at once: every one, each on its cell.
    const auditor = await set(as("exec"), "AUDITOR", ["COMPLAINTS_READ", "COMPLAINTS_WRITE", "CUSTOMERS_WRITE"]);
    expect(auditor.__typename).toBe("RoleLimitError");
    expect(auditor.violations!.map((v) => `${v.permission}:${v.rule}`).sort()).toEqual([
      "AUDIT_READ:AUDITOR_READS_AUDIT",
      "COMPLAINTS_WRITE:AUDITOR_READ_ONLY",
      "CUSTOMERS_READ:WRITE_NEEDS_READ",
      "CUSTOMERS_WRITE:AUDITOR_READ_ONLY",
    ]);
    expect(auditor.message).toContain("4");
    const liaison = await set(as("exec"), "DEVELOPER_LIAISON", ["COMPLAINTS_READ", "CUSTOMERS_READ", "PERSONAL_DATA_READ", "REPORTS_READ"]);
    expect(liaison.violations!.map((v) => v.rule)).toEqual(["LIAISON_FORWARDED_ONLY", "LIAISON_FORWARDED_ONLY", "LIAISON_FORWARDED_ONLY"]);
    // SEC-2: only supervisors classify and designate; the executive keeps knowing everything.
    const desk = await set(as("exec"), "FRONT_DESK", [...CASE_WORK, "CLASSIFICATION_MANAGE"]);
    expect(desk.violations!.map((v) => `${v.permission}:${v.rule}`)).toEqual(["CLASSIFICATION_MANAGE:SUPERVISORS_ONLY"]);
    const exec = await set(
      as("exec"),
      "EXECUTIVE",
      DEFAULTS.EXECUTIVE!.filter((p) => p !== "PERSONAL_DATA_READ"),
    );
    expect(exec.violations!.map((v) => `${v.permission}:${v.rule}`)).toEqual(["PERSONAL_DATA_READ:EXECUTIVE_KNOWS_EVERYTHING"]);
    // In the caller's language.
    const zh = await Promise.resolve(
      app.fetch("http://yoga/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", cookie: as("exec").cookie!, "accept-language": "zh-CN" },
        body: JSON.stringify({
          query: SET,
          variables: { input: { role: "ANALYST", permissions: ["PERSONAL_DATA_READ", "COMPLAINTS_READ"], version: 0 } },
        }),
      }),
    ).then((r: Response) => r.json() as Promise<GqlResult<{ setRolePermissions: SetResult }>>);
    expect(zh.data!.setRolePermissions.violations![0]!.message).toContain("数据分析员");
    expect(await q(`SELECT count(*)::int AS n FROM admin_changes`)).toEqual(before);
    expect(await q(`SELECT 1 FROM role_permission_sets WHERE role IN ('ANALYST', 'AUDITOR', 'DEVELOPER_LIAISON', 'EXECUTIVE')`)).toEqual(
      [],
    );
  });

  it("the administrator cannot open what they do not hold, nor can the organisation lock itself out of accounts:manage", async () => {
    // The administrator reads no complaint data, and cannot give it to a role (their own included).
    const self = await set(as("admin"), "ADMIN", [...DEFAULTS.ADMIN!, "COMPLAINTS_READ", "PERSONAL_DATA_READ"]);
    expect(self.violations!.map((v) => `${v.permission}:${v.rule}`)).toEqual([
      "COMPLAINTS_READ:BEYOND_EDITOR",
      "PERSONAL_DATA_READ:BEYOND_EDITOR",
    ]);
    // Taking a permission away is the administrator's to do.
    const lx = await set(as("admin"), "PROPERTY_ASSISTANT", ["COMPLAINTS_READ", "COMPLAINTS_WRITE"]);
    expect(lx.__typename, JSON.stringify(lx)).toBe("MutationSetRolePermissionsSuccess");
    expect(new Set(await permissionsOf(as("assistant.lx")))).toEqual(new Set(["COMPLAINTS_READ", "COMPLAINTS_WRITE"]));
    // accounts:manage may leave the administrator while the executive (an active person) keeps it …
    const admin = await set(
      as("exec"),
      "ADMIN",
      DEFAULTS.ADMIN!.filter((p) => p !== "ACCOUNTS_MANAGE"),
    );
    expect(admin.__typename, JSON.stringify(admin)).toBe("MutationSetRolePermissionsSuccess");
    expect((await gql(app, MATRIX, undefined, as("admin"))).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    // … but not both.
    const lockout = await set(
      as("exec"),
      "EXECUTIVE",
      DEFAULTS.EXECUTIVE!.filter((p) => p !== "ACCOUNTS_MANAGE"),
    );
    expect(lockout.violations!.map((v) => `${v.permission}:${v.rule}`)).toEqual(["ACCOUNTS_MANAGE:ACCOUNTS_LOCKOUT"]);
    const back = await reset(as("exec"), "ADMIN");
    expect(back.__typename, JSON.stringify(back)).toBe("MutationResetRolePermissionsSuccess");
    expect(back.data).toMatchObject({ customized: false, version: 2 });
    expect(new Set(await permissionsOf(as("admin")))).toEqual(new Set(DEFAULTS.ADMIN));
  });

  it("a role without accounts:manage cannot edit; a stale version is a conflict, also across a reset to the defaults", async () => {
    for (const login of ["frontdesk.lx", "auditor", "manager"]) {
      const r = await gql(app, SET, { input: { role: "FRONT_DESK", permissions: CASE_WORK, version: 1 } }, as(login));
      expect(r.errors?.[0]?.extensions?.code, login).toBe("FORBIDDEN");
      const z = await gql(app, RESET, { input: { role: "FRONT_DESK", version: 1 } }, as(login));
      expect(z.errors?.[0]?.extensions?.code, login).toBe("FORBIDDEN");
    }
    const read = (await matrix(as("admin"))).get("FRONT_DESK")!;
    expect(read.version).toBe(1);
    const done = await reset(as("exec"), "FRONT_DESK");
    expect(done.data).toMatchObject({ customized: false, version: 2 });
    expect(await readsReports(as("frontdesk.lx"))).toBe(false);
    // A form read before the reset (version 1) is stale: the version kept rising.
    const stale = await set(as("exec"), "FRONT_DESK", [...CASE_WORK, "REPORTS_READ"], read.version);
    expect(stale).toMatchObject({ __typename: "RolePermissionsConflictError", currentVersion: 2 });
    const again = await set(as("exec"), "FRONT_DESK", [...CASE_WORK, "REPORTS_READ"], 2);
    expect(again.data).toMatchObject({ customized: true, version: 3 });
    const twice = await set(as("exec"), "FRONT_DESK", CASE_WORK, 2);
    expect(twice).toMatchObject({ __typename: "RolePermissionsConflictError", currentVersion: 3 });
  });
});
