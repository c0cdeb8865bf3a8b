import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, request, rowId, signIn, type Caller } from "./graphql.ts";
import { demoClock } from "../demo-clock.ts";

/** Issue 17 item 2: staff accounts administered in the API (services/admin/staff.ts). */

const CREATE = `mutation($input: CreateStaffInput!) { createStaff(input: $input) {
  __typename ... on MutationCreateStaffSuccess { data { temporaryPassword staff { id login version mustChangePassword } } }
  ... on InputError { code problems { field code } } ... on Error { message } } }`;
const UPDATE = `mutation($input: UpdateStaffInput!) { updateStaff(input: $input) {
  __typename ... on MutationUpdateStaffSuccess { data { id version role clearance estates { code } department { code } } }
  ... on StaffConflictError { currentVersion } ... on InputError { problems { field code } } ... on Error { message } } }`;
const DEACTIVATE = `mutation($input: StaffVersionInput!) { deactivateStaff(input: $input) {
  __typename ... on MutationDeactivateStaffSuccess { data { active version deactivatedAt } } ... on Error { message } } }`;
const REACTIVATE = `mutation($input: StaffVersionInput!) { reactivateStaff(input: $input) {
  __typename ... on MutationReactivateStaffSuccess { data { active version } } ... on Error { message } } }`;
const CHANGE = `mutation($input: ChangeMyPasswordInput!) { changeMyPassword(input: $input) {
  __typename ... on MutationChangeMyPasswordSuccess { data { mustChangePassword } } ... on InputError { problems { field code } } ... on Error { message } } }`;
const SIGN_IN = `mutation($login: String!, $password: String!) {
  signIn(login: $login, password: $password) { __typename ... on MutationSignInSuccess { data { mustChangePassword } } ... on Error { message } } }`;
const COMPLAINT_ESTATES = `{ complaints(first: 200) { totalCount nodes { estate { code } } } }`;

type Created = { temporaryPassword: string; staff: { id: string; login: string; version: number; mustChangePassword: boolean } };

describe("GraphQL: staff accounts — create, temporary password, forced change, deactivation (issue 17, SEC-2)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let admin: Caller;
  let exec: Caller;
  const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await t.db.pool.query(sql, params)).rows as T[];
  const estate = async (code: string) =>
    globalId("Estate", (await q<{ id: string }>(`SELECT id FROM estates WHERE code = $1`, [code]))[0]!.id);
  const staffVersion = async (id: string) =>
    (await q<{ version: number }>(`SELECT version FROM staff WHERE id = $1`, [rowId(id)]))[0]!.version;

  async function create(caller: Caller, input: Record<string, unknown>) {
    return gql<{
      createStaff: { __typename: string; data?: Created; code?: string; problems?: { field: string; code: string }[]; message?: string };
    }>(app, CREATE, { input }, caller);
  }
  /** Signs in with a password and returns the caller, with what the sign-in said. */
  async function signInWith(login: string, password: string) {
    const res = await request(app, SIGN_IN, { login, password });
    const body = (await res.json()) as { data: { signIn: { __typename: string; data?: { mustChangePassword: boolean } } } };
    return { caller: { cookie: res.headers.get("set-cookie")?.split(";")[0] } as Caller, result: body.data.signIn };
  }

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: demoClock() });
    admin = await signIn(app, "admin");
    exec = await signIn(app, "exec");
  });

  it("acceptance: a clerk of one estate signs in with the temporary password, must change it, then sees only that estate; deactivated, the open session and an API token are refused", async () => {
    const made = await create(admin, {
      login: "Clerk.LX",
      displayName: "绿溪新前台",
      role: "FRONT_DESK",
      clearance: "SECRET",
      estateIds: [await estate("LX")],
    });
    expect(made.data!.createStaff.__typename, JSON.stringify(made)).toBe("MutationCreateStaffSuccess");
    const { temporaryPassword, staff } = made.data!.createStaff.data!;
    expect(staff).toMatchObject({ login: "clerk.lx", mustChangePassword: true });
    expect(temporaryPassword).toMatch(/^[\w]{4}-[\w]{4}-[\w]{4}$/);

    const { caller: clerk, result } = await signInWith("clerk.lx", temporaryPassword);
    expect(result).toEqual({ __typename: "MutationSignInSuccess", data: { mustChangePassword: true } });
    // Everything but reading who you are, changing the password and signing out is refused.
    const refused = await gql(app, COMPLAINT_ESTATES, undefined, clerk);
    expect(refused.data ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe("PASSWORD_CHANGE_REQUIRED");
    const me = await gql<{ me: { mustChangePassword: boolean; staff: { login: string } } }>(
      app,
      `{ me { mustChangePassword staff { login } } }`,
      undefined,
      clerk,
    );
    expect(me.data!.me).toEqual({ mustChangePassword: true, staff: { login: "clerk.lx" } });
    const token = await gql(
      app,
      `mutation { createApiToken(input: { name: "x", scopes: [COMPLAINTS_READ] }) { __typename } }`,
      undefined,
      clerk,
    );
    expect(token.errors?.[0]?.extensions?.code).toBe("PASSWORD_CHANGE_REQUIRED");

    // The policy: a common password and a short one are refused.
    for (const [password, code] of [
      ["password123", "PASSWORD_TOO_COMMON"],
      ["Xk3-9q", "PASSWORD_TOO_SHORT"],
    ] as const) {
      const bad = await gql<{ changeMyPassword: { problems: { field: string; code: string }[] } }>(
        app,
        CHANGE,
        { input: { currentPassword: temporaryPassword, newPassword: password } },
        clerk,
      );
      expect(bad.data!.changeMyPassword.problems).toEqual([{ field: "input.newPassword", code }]);
    }
    const changed = await gql<{ changeMyPassword: { __typename: string; data: { mustChangePassword: boolean } } }>(
      app,
      CHANGE,
      { input: { currentPassword: temporaryPassword, newPassword: "绿溪前台 river-stone 42" } },
      clerk,
    );
    expect(changed.data!.changeMyPassword, JSON.stringify(changed)).toMatchObject({ data: { mustChangePassword: false } });

    const seen = await gql<{ complaints: { totalCount: number; nodes: { estate: { code: string } }[] } }>(
      app,
      COMPLAINT_ESTATES,
      undefined,
      clerk,
    );
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.complaints.totalCount).toBeGreaterThan(0);
    expect(new Set(seen.data!.complaints.nodes.map((n) => n.estate.code))).toEqual(new Set(["LX"]));

    // An API token of the account (a clerk may mint one for itself) works until the deactivation.
    const minted = await gql<{ createApiToken: { data: { secret: string } } }>(
      app,
      `mutation { createApiToken(input: { name: "desk", scopes: [COMPLAINTS_READ] }) { ... on MutationCreateApiTokenSuccess { data { secret } } } }`,
      undefined,
      clerk,
    );
    const bearer: Caller = { token: minted.data!.createApiToken.data.secret };
    expect((await gql(app, `{ me { staff { login } } }`, undefined, bearer)).data).toEqual({ me: { staff: { login: "clerk.lx" } } });

    const off = await gql<{ deactivateStaff: { __typename: string } }>(
      app,
      DEACTIVATE,
      { input: { id: staff.id, version: await staffVersion(staff.id) } },
      admin,
    );
    expect(off.data!.deactivateStaff.__typename).toBe("MutationDeactivateStaffSuccess");
    for (const caller of [clerk, bearer]) {
      const after = await gql(app, COMPLAINT_ESTATES, undefined, caller);
      expect(after.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    }
    expect((await signInWith("clerk.lx", "绿溪前台 river-stone 42")).result.__typename).toBe("ForbiddenError");
    const [row] = await q<{ open: number; tokens: number }>(
      `SELECT (SELECT count(*)::int FROM sessions WHERE staff_id = $1 AND revoked_at IS NULL) AS open,
      (SELECT count(*)::int FROM api_tokens WHERE staff_id = $1 AND revoked_at IS NULL) AS tokens`,
      [rowId(staff.id)],
    );
    expect(row).toEqual({ open: 0, tokens: 0 });

    // Reactivated, the account signs in with its password again.
    const on = await gql<{ reactivateStaff: { __typename: string; data: { active: boolean } } }>(
      app,
      REACTIVATE,
      { input: { id: staff.id, version: await staffVersion(staff.id) } },
      admin,
    );
    expect(on.data!.reactivateStaff).toMatchObject({ data: { active: true } });
    const again = await signInWith("clerk.lx", "绿溪前台 river-stone 42");
    expect(again.result).toEqual({ __typename: "MutationSignInSuccess", data: { mustChangePassword: false } });
    expect((await gql(app, COMPLAINT_ESTATES, undefined, again.caller)).errors).toBeUndefined();
  });

  it("SEC-2: an administrator gives at most SECRET and cannot make an executive; the executive can", async () => {
    const topSecret = await create(admin, {
      login: "ts.clerk",
      displayName: "x",
      role: "SERVICE_REP",
      clearance: "TOP_SECRET",
      allEstates: true,
    });
    expect(topSecret.data!.createStaff.__typename).toBe("ForbiddenError");
    const confidential = await create(admin, {
      login: "conf.clerk",
      displayName: "x",
      role: "SERVICE_REP",
      clearance: "CONFIDENTIAL",
      allEstates: true,
    });
    expect(confidential.data!.createStaff.__typename).toBe("ForbiddenError");
    const executive = await create(admin, { login: "exec2", displayName: "x", role: "EXECUTIVE", clearance: "INTERNAL", allEstates: true });
    expect(executive.data!.createStaff.__typename).toBe("ForbiddenError");
    expect(await q(`SELECT 1 FROM staff WHERE login IN ('ts.clerk', 'conf.clerk', 'exec2')`)).toEqual([]);
    // Nor can the administrator raise an existing account, or take over the executive's by a reset.
    const [execRow] = await q<{ id: string; version: number }>(`SELECT id, version FROM staff WHERE login = 'exec'`);
    const demote = await gql<{ updateStaff: { __typename: string } }>(
      app,
      UPDATE,
      { input: { id: globalId("Staff", execRow!.id), version: execRow!.version, role: "ANALYST" } },
      admin,
    );
    expect(demote.data!.updateStaff.__typename).toBe("ForbiddenError");
    const reset = await gql<{ resetPassword: { __typename: string } }>(
      app,
      `mutation($id: ID!) { resetPassword(staffId: $id) { __typename } }`,
      { id: globalId("Staff", execRow!.id) },
      admin,
    );
    expect(reset.data!.resetPassword.__typename).toBe("ForbiddenError");
    const byExec = await create(exec, {
      login: "deputy",
      displayName: "副总经理",
      role: "EXECUTIVE",
      clearance: "TOP_SECRET",
      allEstates: true,
    });
    expect(byExec.data!.createStaff.__typename).toBe("MutationCreateStaffSuccess");
  });

  it("names every bad field at once; a taken login is one of them", async () => {
    const r = await create(admin, {
      login: "admin",
      displayName: " ",
      role: "FRONT_DESK",
      clearance: "SECRET",
      phone: "call me",
      email: "nope",
      estateIds: [globalId("Estate", "00000000-0000-4000-8000-000000000000")],
    });
    expect(r.data!.createStaff.__typename).toBe("InputError");
    expect(r.data!.createStaff.problems!.map((p) => p.field).sort()).toEqual([
      "input.displayName",
      "input.email",
      "input.estateIds",
      "input.login",
      "input.phone",
    ]);
  });

  it("edits at a version: a stale version is a conflict and writes nothing", async () => {
    const made = (
      await create(admin, {
        login: "assistant.new",
        displayName: "新助理",
        role: "PROPERTY_ASSISTANT",
        clearance: "SECRET",
        estateIds: [await estate("LX")],
      })
    ).data!.createStaff.data!;
    const ok = await gql<{
      updateStaff: { __typename: string; data: { version: number; estates: { code: string }[]; department: { code: string } | null } };
    }>(
      app,
      UPDATE,
      {
        input: {
          id: made.staff.id,
          version: made.staff.version,
          estateIds: [await estate("JH")],
          departmentId: globalId("Department", (await q<{ id: string }>(`SELECT id FROM departments WHERE code = 'JH-OFFICE'`))[0]!.id),
        },
      },
      admin,
    );
    expect(ok.data!.updateStaff.data, JSON.stringify(ok)).toMatchObject({
      version: made.staff.version + 1,
      estates: [{ code: "JH" }],
      department: { code: "JH-OFFICE" },
    });
    const stale = await gql<{ updateStaff: { __typename: string; currentVersion: number } }>(
      app,
      UPDATE,
      { input: { id: made.staff.id, version: made.staff.version, displayName: "改名" } },
      admin,
    );
    expect(stale.data!.updateStaff).toMatchObject({ __typename: "StaffConflictError", currentVersion: made.staff.version + 1 });
    expect((await q(`SELECT display_name FROM staff WHERE id = $1`, [rowId(made.staff.id)]))[0]).toEqual({ display_name: "新助理" });
  });

  it("nobody deactivates themselves or the last active administrator", async () => {
    const [me] = await q<{ id: string; version: number }>(`SELECT id, version FROM staff WHERE login = 'admin'`);
    const self = await gql<{ deactivateStaff: { __typename: string } }>(
      app,
      DEACTIVATE,
      { input: { id: globalId("Staff", me!.id), version: me!.version } },
      admin,
    );
    expect(self.data!.deactivateStaff.__typename).toBe("ForbiddenError");
    const last = await gql<{ deactivateStaff: { __typename: string } }>(
      app,
      DEACTIVATE,
      { input: { id: globalId("Staff", me!.id), version: me!.version } },
      exec,
    );
    expect(last.data!.deactivateStaff.__typename).toBe("ForbiddenError");
    expect((await q(`SELECT active FROM staff WHERE id = $1`, [me!.id]))[0]).toEqual({ active: true });
  });

  it("keeps every change in admin_changes with who, before and after, and never a password hash", async () => {
    const rows = await q<{
      entity: string;
      action: string;
      before: unknown;
      after: unknown;
      login: string;
    }>(`SELECT c.entity, c.action, c.before, c.after, s.login
      FROM admin_changes c JOIN staff s ON s.id = c.changed_by_id WHERE c.entity IN ('STAFF', 'PASSWORD') ORDER BY c.at`);
    const actions = rows.map((r) => `${r.entity}:${r.action}:${r.login}`);
    for (const a of [
      "STAFF:CREATE:admin",
      "PASSWORD:CHANGE_PASSWORD:clerk.lx",
      "STAFF:DEACTIVATE:admin",
      "STAFF:REACTIVATE:admin",
      "STAFF:UPDATE:admin",
      "STAFF:CREATE:exec",
    ])
      expect(actions).toContain(a);
    const update = rows.find((r) => r.action === "UPDATE")!;
    expect(Object.keys(update.before as object).sort()).toEqual(["departmentId", "estateIds"]);
    const all = JSON.stringify(rows);
    expect(all).not.toMatch(/scrypt\$|passwordHash|password_hash/);
    for (const [pw] of await q<{ password_hash: string }>(`SELECT password_hash FROM staff WHERE password_hash IS NOT NULL`).then((r) =>
      r.map((x) => [x.password_hash]),
    ))
      expect(all).not.toContain(pw);
  });

  it("§2: a front desk account calls none of it, and another organisation's staff are not found", async () => {
    const desk = await signIn(app, "frontdesk.lx");
    const list = await gql(app, `{ staffAccounts(first: 5) { totalCount } }`, undefined, desk);
    expect(list.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const made = await create(desk, { login: "sneaky", displayName: "x", role: "ADMIN", clearance: "INTERNAL", allEstates: true });
    expect(made.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const [other] = await q<{ id: string }>(
      `INSERT INTO organizations (code, name, updated_at) VALUES ('OTHER-ACC', '另一家物业', now()) RETURNING id`,
    );
    const [foreign] = await q<{ id: string; version: number }>(
      `INSERT INTO staff (organization_id, login, display_name, role, all_estates, updated_at) VALUES ($1, 'other.admin', '别家管理员', 'ADMIN', true, now()) RETURNING id, version`,
      [other!.id],
    );
    const id = globalId("Staff", foreign!.id);
    const off = await gql<{ deactivateStaff: { __typename: string } }>(
      app,
      DEACTIVATE,
      { input: { id, version: foreign!.version } },
      admin,
    );
    expect(off.data!.deactivateStaff.__typename).toBe("NotFoundError");
    const reset = await gql<{ resetPassword: { __typename: string } }>(
      app,
      `mutation($id: ID!) { resetPassword(staffId: $id) { __typename } }`,
      { id },
      admin,
    );
    expect(reset.data!.resetPassword.__typename).toBe("NotFoundError");
    const node = await gql<{ node: null }>(app, `query($id: ID!) { node(id: $id) { id } }`, { id }, admin);
    expect(node.data!.node).toBeNull();
    const listed = await gql<{ staffAccounts: { nodes: { login: string }[] } }>(
      app,
      `{ staffAccounts(first: 200) { nodes { login } } }`,
      undefined,
      admin,
    );
    expect(listed.data!.staffAccounts.nodes.map((n) => n.login)).not.toContain("other.admin");
  });
});
