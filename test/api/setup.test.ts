import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, type Caller } from "./graphql.ts";
import { count, GOOD, INSTALLATION, SET_UP, type SetUpPayload, signInTo, useApp } from "./organizations.ts";

/**
 * Issue 17 item 1: a real company sets itself up. On an empty installation the first-run page's
 * `setUpOrganization` creates the organisation and its administrator, who then signs in; once an
 * organisation exists the mutation is refused to everyone (the API never creates a second one).
 * On PostgreSQL the requests run as the restricted role itself (openAppRolePool), as in production.
 */

describe("issue 17 item 1: first-run setup through the API", () => {
  const t = useTestDatabase("empty");
  const s = useApp(t);

  it("an empty installation says setup is needed", async () => {
    const r = await gql<{ installation: Record<string, boolean> }>(s.app, INSTALLATION);
    expect(r.errors).toBeUndefined();
    expect(r.data!.installation).toEqual({ setupNeeded: true, organizationCodeRequired: false, demoCompany: false });
  });

  it("bad input names every bad field and creates nothing", async () => {
    const r = await gql<SetUpPayload>(s.app, SET_UP, {
      input: { code: "1x", name: "  ", timezone: "Mars/Olympus", adminLogin: "li ming!", adminName: "", adminPassword: "short" },
    });
    expect(r.errors).toBeUndefined();
    const p = r.data!.setUpOrganization;
    expect(p.__typename).toBe("InputError");
    expect(p.problems!.map((x) => [x.field, x.code])).toEqual([
      ["input.code", "SETUP_ORGANIZATION_CODE_FORMAT"],
      ["input.name", "REQUIRED"],
      ["input.timezone", "SETUP_TIMEZONE_UNKNOWN"],
      ["input.adminLogin", "SETUP_LOGIN_FORMAT"],
      ["input.adminName", "REQUIRED"],
      ["input.adminPassword", "TOO_SHORT"],
    ]);
    for (const table of ["organizations", "staff", "working_calendars", "policy_values", "admin_changes"])
      expect(await count(t, table)).toBe(0);
  });

  it("a common password, or one containing the login, is refused (password policy)", async () => {
    const common = await gql<SetUpPayload>(s.app, SET_UP, { input: { ...GOOD, adminPassword: "Password123!" } });
    expect(common.data!.setUpOrganization.problems!.map((x) => [x.field, x.code])).toEqual([["input.adminPassword", "TOO_COMMON"]]);
    const withLogin = await gql<SetUpPayload>(s.app, SET_UP, { input: { ...GOOD, adminPassword: "admin.li-is-here-2026" } });
    expect(withLogin.data!.setUpOrganization.problems!.map((x) => x.code)).toEqual(["CONTAINS_LOGIN"]);
    expect(await count(t, "organizations")).toBe(0);
  });

  it("creates the organisation with its calendar and policy defaults; the administrator signs in", async () => {
    const r = await gql<SetUpPayload>(s.app, SET_UP, { input: GOOD });
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(r.data!.setUpOrganization.data).toEqual({ code: "ACME", name: GOOD.name, adminLogin: "admin.li" });
    const admin = await signInTo(s.app, null, "admin.li", GOOD.adminPassword);
    expect(typeof admin).toBe("object");
    const me = await gql<{ me: { staff: { role: string; displayName: string } }; organization: { code: string; timezone: string } }>(
      s.app,
      `{ me { staff { role displayName } } organization { code timezone } }`,
      {},
      admin as Caller,
    );
    expect(me.data).toEqual({
      me: { staff: { role: "ADMIN", displayName: GOOD.adminName } },
      organization: { code: "ACME", timezone: "Asia/Shanghai" },
    });
    const rows = async (sql: string) => (await t.db.pool.query(sql)).rows;
    expect(await rows(`SELECT all_estates, clearance::text, must_change_password FROM staff`)).toEqual([
      { all_estates: true, clearance: "INTERNAL", must_change_password: false },
    ]);
    expect(await rows(`SELECT name, timezone, is_default FROM working_calendars`)).toEqual([
      { name: "公司标准工作日历", timezone: "Asia/Shanghai", is_default: true },
    ]);
    expect(await count(t, "working_time_slots")).toBe(10);
    expect(await count(t, "calendar_days")).toBeGreaterThan(100);
    const policies = await rows(`SELECT key, value_numeric::float AS v FROM policy_values WHERE estate_id IS NULL ORDER BY key`);
    expect(policies).toHaveLength(30);
    expect(policies).toContainEqual({ key: "SLA-2.duration", v: 2 });
    expect(policies).toContainEqual({ key: "SUR-4.satisfactionTarget", v: 90 });
    // The administrative change log: who (nobody signed in), what, and never the password.
    const changes = await rows(`SELECT entity, action, changed_by_id, after::text AS after FROM admin_changes ORDER BY entity`);
    expect(changes.map((c) => [c.entity, c.action, c.changed_by_id])).toEqual([
      ["ORGANIZATION", "CREATE", null],
      ["STAFF", "CREATE", null],
    ]);
    expect(changes.map((c) => c.after).join()).not.toMatch(/Lantern|scrypt|password/i);
  });

  it("afterwards setup is refused to anyone, signed in or not, and creates nothing (attacker test)", async () => {
    const second = { ...GOOD, code: "EVIL", adminLogin: "evil", adminPassword: "Another-strong-pw-77" };
    const anonymous = await gql<SetUpPayload>(s.app, SET_UP, { input: second });
    expect(anonymous.data!.setUpOrganization.__typename).toBe("ForbiddenError");
    const admin = (await signInTo(s.app, null, "admin.li", GOOD.adminPassword)) as Caller;
    const signedIn = await gql<SetUpPayload>(s.app, SET_UP, { input: second }, admin);
    expect(signedIn.data!.setUpOrganization.__typename).toBe("ForbiddenError");
    // Nor through the database function the mutation uses, called as the request role.
    const client = await t.db.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(`SELECT set_config('role', 'tingjian_app', true)`);
      const { rows } = await client.query(`SELECT tingjian_create_first_organization('EVIL', 'x', 'UTC', now()) AS id`);
      expect(rows[0].id).toBeNull();
      await expect(client.query(`INSERT INTO organizations (code, name, updated_at) VALUES ('EVIL2', 'x', now())`)).rejects.toThrow(
        /permission denied/,
      );
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
    expect(await count(t, "organizations")).toBe(1);
    expect(await count(t, "staff")).toBe(1);
    const status = await gql<{ installation: Record<string, boolean> }>(s.app, INSTALLATION);
    expect(status.data!.installation).toEqual({ setupNeeded: false, organizationCodeRequired: false, demoCompany: false });
  });
});

describe("issue 17 item 1: two setups at once create one organisation", () => {
  const t = useTestDatabase("empty");
  const s = useApp(t);

  it("the second waits for the first and is refused", async () => {
    const results = await Promise.all(
      ["ONE", "TWO", "THREE"].map((code, i) =>
        gql<SetUpPayload>(s.app, SET_UP, { input: { ...GOOD, code, adminLogin: `admin${i}` } }).then(
          (r) => r.data!.setUpOrganization.__typename,
        ),
      ),
    );
    expect(results.sort()).toEqual(["ForbiddenError", "ForbiddenError", "MutationSetUpOrganizationSuccess"]);
    expect(await count(t, "organizations")).toBe(1);
    expect(await count(t, "staff")).toBe(1);
    expect(await count(t, "working_calendars")).toBe(1);
  });
});

describe("issue 17 item 1: setup hashes a password, so it shares sign-in's per-address budget", () => {
  const t = useTestDatabase("empty");
  const s = useApp(t);

  it("an address that spent its hashes on sign-in attempts must wait before setting up", async () => {
    for (let i = 0; i < 20; i++) expect(await signInTo(s.app, null, "nobody", `guess-${i}`)).toBe("ForbiddenError");
    const r = await gql<SetUpPayload>(s.app, SET_UP, { input: GOOD });
    expect(r.data!.setUpOrganization.__typename).toBe("RateLimitedError");
    expect(r.data!.setUpOrganization.retryAfterSeconds).toBeGreaterThan(0);
    expect(await count(t, "organizations")).toBe(0);
  });
});
