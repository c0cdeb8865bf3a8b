import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, signIn, type Caller } from "./graphql.ts";
import { demoClock } from "../demo-clock.ts";

/**
 * Issue 17 item 2: policy values and the category tree set from the app are kept in the
 * administrative change log (who, when, before, after). policies.test.ts covers effective dates
 * per estate; here: the administrator may set them, a new value supersedes the one in force from
 * its date (the old row is closed, never edited silently), and both changes are logged.
 */
describe("policy values and categories in the administrative change log (issue 17)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let admin: Caller, analyst: Caller;
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  const clock = demoClock();

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock });
    [admin, analyst] = await Promise.all([signIn(app, "admin"), signIn(app, "analyst")]);
  });

  it("an estate override from a date: the one in force is closed there and both changes are logged", async () => {
    const [lx] = await q(`SELECT id FROM estates WHERE code = 'LX'`);
    const from = new Date(clock().getTime() + 7 * 86_400_000);
    const set = (caller: Caller, value: number) =>
      gql<{ setPolicyValue: { __typename: string; data?: { id: string; effectiveFrom: string; effectiveTo: string | null } } }>(
        app,
        `mutation($input: SetPolicyValueInput!) { setPolicyValue(input: $input) { __typename ... on MutationSetPolicyValueSuccess { data { id effectiveFrom effectiveTo } } } }`,
        {
          input: {
            key: "CB-1.callbackRate",
            estateId: globalId("Estate", lx.id),
            value,
            unit: "PERCENT",
            effectiveFrom: from.toISOString(),
            note: "整改期提高回访率",
          },
        },
        caller,
      );
    expect((await set(analyst, 90)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const first = await set(admin, 90);
    expect(first.data!.setPolicyValue.__typename).toBe("MutationSetPolicyValueSuccess");
    // A second value a week later closes the first where it begins.
    const later = new Date(from.getTime() + 7 * 86_400_000);
    await gql(
      app,
      `mutation($input: SetPolicyValueInput!) { setPolicyValue(input: $input) { ... on MutationSetPolicyValueSuccess { data { id } } } }`,
      {
        input: {
          key: "CB-1.callbackRate",
          estateId: globalId("Estate", lx.id),
          value: 95,
          unit: "PERCENT",
          effectiveFrom: later.toISOString(),
        },
      },
      admin,
    );
    const rows = await q(
      `SELECT value_numeric::float AS v, effective_from, effective_to FROM policy_values WHERE key = 'CB-1.callbackRate' AND estate_id = $1 ORDER BY effective_from`,
      [lx.id],
    );
    expect(rows).toEqual([
      { v: 90, effective_from: from, effective_to: later },
      { v: 95, effective_from: later, effective_to: null },
    ]);
    const log = await q(
      `SELECT s.login, c.action, c.before, c.after FROM admin_changes c JOIN staff s ON s.id = c.changed_by_id WHERE c.entity = 'POLICY_VALUE' ORDER BY c.at, c.action`,
    );
    expect(log).toEqual([
      {
        login: "admin",
        action: "CREATE",
        before: null,
        after: expect.objectContaining({
          key: "CB-1.callbackRate",
          estateId: lx.id,
          value: 90,
          unit: "PERCENT",
          effectiveFrom: from.toISOString(),
          effectiveTo: null,
          note: "整改期提高回访率",
        }),
      },
      { login: "admin", action: "CREATE", before: null, after: expect.objectContaining({ value: 95, effectiveFrom: later.toISOString() }) },
      {
        login: "admin",
        action: "UPDATE",
        before: { key: "CB-1.callbackRate", estateId: lx.id, effectiveTo: null },
        after: { key: "CB-1.callbackRate", estateId: lx.id, effectiveTo: later.toISOString() },
      },
    ]);
  });

  it("a category added, renamed and deactivated in the app: each change logged with before and after", async () => {
    const [top] = await q(`SELECT id FROM categories WHERE level = 1 ORDER BY sort_order LIMIT 1`);
    const created = await gql<{ createCategory: { data: { id: string; version: number } } }>(
      app,
      `mutation($input: CreateCategoryInput!) { createCategory(input: $input) { ... on MutationCreateCategorySuccess { data { id version } } } }`,
      { input: { parentId: globalId("Category", top.id), code: "eng-solar", name: "光伏设施" } },
      admin,
    );
    const { id, version } = created.data!.createCategory.data;
    const update = (input: Record<string, unknown>) =>
      gql(
        app,
        `mutation($input: UpdateCategoryInput!) { updateCategory(input: $input) { __typename } }`,
        { input: { id, ...input } },
        admin,
      );
    await update({ version, name: "光伏与充电设施" });
    await update({ version: version + 1, active: false });
    const log = await q(`SELECT c.action, c.before, c.after FROM admin_changes c WHERE c.entity = 'CATEGORY' ORDER BY c.at`);
    expect(log).toEqual([
      {
        action: "CREATE",
        before: null,
        after: expect.objectContaining({ code: "ENG-SOLAR", name: "光伏设施", level: 2, parentId: top.id }),
      },
      { action: "UPDATE", before: { name: "光伏设施" }, after: { name: "光伏与充电设施" } },
      { action: "DEACTIVATE", before: { active: true }, after: { active: false } },
    ]);
  });
});
