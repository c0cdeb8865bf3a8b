import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, signIn, type Caller } from "./graphql.ts";
import { demoClock } from "../demo-clock.ts";

/** CLS-4: the administrable two-level category tree through the API. */

const CATEGORY = `id code name level active sortOrder version parent { code }`;
const CREATE_RESULT = `__typename ... on Error { message } ... on InputError { field }`;
const RESULT = `${CREATE_RESULT} ... on CategoryConflictError { currentVersion current { name version } }`;

interface Category {
  id: string;
  code: string;
  name: string;
  level: number;
  active: boolean;
  sortOrder: number;
  version: number;
  parent: { code: string } | null;
}
interface Payload {
  __typename: string;
  message?: string;
  field?: string;
  currentVersion?: number;
  current?: { name: string; version: number };
  data?: Category;
}

describe("category tree (CLS-4)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  let manager: Caller;
  const ids: Record<string, string> = {};

  const create = async (input: Record<string, unknown>, caller = manager) => {
    const r = await gql<{ r: Payload }>(
      app,
      `mutation($input: CreateCategoryInput!) { r: createCategory(input: $input) { ${CREATE_RESULT} ... on MutationCreateCategorySuccess { data { ${CATEGORY} } } } }`,
      { input },
      caller,
    );
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!.r;
  };
  const update = async (input: Record<string, unknown>, caller = manager) => {
    const r = await gql<{ r: Payload }>(
      app,
      `mutation($input: UpdateCategoryInput!) { r: updateCategory(input: $input) { ${RESULT} ... on MutationUpdateCategorySuccess { data { ${CATEGORY} } } } }`,
      { input },
      caller,
    );
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!.r;
  };
  const remove = async (id: string, version: number) => {
    const r = await gql<{ r: { __typename: string; field?: string; message?: string; data?: string } }>(
      app,
      `mutation($id: ID!, $v: Int!) { r: deleteCategory(id: $id, version: $v) {
      __typename ... on Error { message } ... on InputError { field } ... on MutationDeleteCategorySuccess { data } } }`,
      { id, v: version },
      manager,
    );
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!.r;
  };
  const tree = async () =>
    JSON.stringify(await q(`SELECT id, parent_id, code, name, level, active, sort_order, version FROM categories ORDER BY code`));
  const current = async (code: string) =>
    (await q(`SELECT id, version, active FROM categories WHERE code = $1`, [code]))[0] as { id: string; version: number; active: boolean };

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: demoClock() });
    manager = await signIn(app, "manager");
    for (const r of await q(`SELECT id, code FROM categories`)) ids[r.code] = globalId("Category", r.id);
  });

  it("CLS-4: the company manager, management representative, executive and administrator administer the tree; nobody else", async () => {
    for (const login of ["manager", "mgmtrep", "exec", "admin"]) {
      const me = await gql<{ me: { permissions: string[] } }>(app, `{ me { permissions } }`, undefined, await signIn(app, login));
      expect(me.data!.me.permissions, login).toContain("CATEGORIES_MANAGE");
    }
    const before = await tree();
    for (const login of ["frontdesk.lx", "service1", "eng.head", "director.lx", "analyst", "auditor", "developer"]) {
      const caller = await signIn(app, login);
      const r = await gql(
        app,
        `mutation { createCategory(input: { code: "X-${login.replace(/\W/g, "")}", name: "试" }) { __typename } }`,
        undefined,
        caller,
      );
      expect(r.errors?.[0]?.extensions?.code, login).toBe("FORBIDDEN");
      expect(r.errors?.[0]?.message).toContain("CATEGORIES_MANAGE");
    }
    expect(await tree()).toBe(before);
  });

  it("CLS-4: two levels: first-level categories hold second-level ones; a child of a second-level category is a typed error", async () => {
    const top = await create({ code: "reno", name: "装修管理" });
    expect(top).toMatchObject({
      __typename: "MutationCreateCategorySuccess",
      data: { code: "RENO", name: "装修管理", level: 1, active: true, version: 0, parent: null },
    });
    ids.RENO = top.data!.id;
    const a = (await create({ parentId: ids.RENO, code: "RENO-NOISE", name: "装修噪音" })).data!;
    const b = (await create({ parentId: ids.RENO, code: "RENO-WASTE", name: "装修垃圾" })).data!;
    expect(a).toMatchObject({ level: 2, parent: { code: "RENO" } });
    expect(b.sortOrder).toBeGreaterThan(a.sortOrder);
    ids["RENO-NOISE"] = a.id;
    const before = await tree();
    expect(await create({ parentId: a.id, code: "RENO-NOISE-NIGHT", name: "夜间施工" })).toMatchObject({
      __typename: "InputError",
      field: "input.parentId",
    });
    expect(await tree()).toBe(before);
    const listed = await gql<{ categories: { code: string; children: { code: string; level: number }[] }[] }>(
      app,
      `{ categories { code children { code level } } }`,
      undefined,
      manager,
    );
    expect(listed.data!.categories.find((c) => c.code === "RENO")!.children).toEqual([
      { code: "RENO-NOISE", level: 2 },
      { code: "RENO-WASTE", level: 2 },
    ]);
  });

  it("CLS-4: codes are unique in the organisation and names among siblings: typed errors, nothing written", async () => {
    const before = await tree();
    const cases: [Record<string, unknown>, string][] = [
      [{ parentId: ids.ENG, code: "ENG-LEAK", name: "渗水" }, "input.code"],
      [{ parentId: ids.ENV, code: "eng-leak", name: "渗水" }, "input.code"],
      [{ parentId: ids.ENG, code: "ENG-SEEP", name: "漏水" }, "input.name"],
      [{ code: "ENG2", name: "工程维修" }, "input.name"],
      [{ code: "bad code!", name: "坏" }, "input.code"],
      [{ code: "  ", name: "空" }, "input.code"],
      [{ code: "EMPTY", name: " " }, "input.name"],
    ];
    for (const [input, field] of cases)
      expect(await create(input), JSON.stringify(input)).toMatchObject({ __typename: "InputError", field });
    expect(await tree()).toBe(before);
    // The same name under another parent is fine.
    expect(await create({ parentId: ids.ENV, code: "ENV-LEAK", name: "漏水" })).toMatchObject({
      __typename: "MutationCreateCategorySuccess",
      data: { level: 2 },
    });
    const leak = await current("ENV-LEAK");
    expect(await update({ id: globalId("Category", leak.id), version: leak.version, name: "保洁" })).toMatchObject({
      __typename: "InputError",
      field: "input.name",
    });
  });

  it("CLS-4: an edit at a stale version is a CategoryConflictError carrying the current category, and nothing is changed", async () => {
    const c = await current("SEC-GATE");
    const renamed = await update({ id: ids["SEC-GATE"], version: c.version, name: "门禁管理" });
    expect(renamed).toMatchObject({ __typename: "MutationUpdateCategorySuccess", data: { name: "门禁管理", version: c.version + 1 } });
    const before = await tree();
    expect(await update({ id: ids["SEC-GATE"], version: c.version, name: "门禁", sortOrder: 99 })).toEqual({
      __typename: "CategoryConflictError",
      message: expect.any(String),
      currentVersion: c.version + 1,
      current: { name: "门禁管理", version: c.version + 1 },
    });
    expect(await tree()).toBe(before);
  });

  it("CLS-4: a category complaints use is deactivated, not deleted; an unused one may be deleted", async () => {
    const [{ n }] = await q(
      `SELECT count(*)::int AS n FROM complaints k JOIN categories c ON c.id = k.category_id WHERE c.code = 'ENG-LEAK'`,
    );
    expect(n).toBeGreaterThan(0);
    const leak = await current("ENG-LEAK");
    const before = await tree();
    expect(await remove(ids["ENG-LEAK"]!, leak.version)).toMatchObject({
      __typename: "InputError",
      field: "id",
      message: expect.stringContaining("deactivate"),
    });
    // A parent with active children is not deactivated on its own.
    const eng = await current("ENG");
    expect(await update({ id: ids.ENG, version: eng.version, active: false })).toMatchObject({
      __typename: "InputError",
      field: "input.active",
    });
    expect(await tree()).toBe(before);
    expect(await update({ id: ids["ENG-LEAK"], version: leak.version, active: false })).toMatchObject({
      data: { active: false, version: leak.version + 1 },
    });
    expect(
      (await q(`SELECT count(*)::int AS n FROM complaints k JOIN categories c ON c.id = k.category_id WHERE c.code = 'ENG-LEAK'`))[0].n,
    ).toBe(n);

    // An unused category goes; a subcategory cannot be reactivated under an inactive parent.
    const waste = await current("RENO-WASTE");
    expect(await remove(globalId("Category", waste.id), waste.version)).toMatchObject({ __typename: "MutationDeleteCategorySuccess" });
    expect(await current("RENO-WASTE")).toBeUndefined();
    const noise = await current("RENO-NOISE");
    await update({ id: ids["RENO-NOISE"], version: noise.version, active: false });
    const reno = await current("RENO");
    expect(await update({ id: ids.RENO, version: reno.version, active: false })).toMatchObject({ data: { active: false } });
    const noise2 = await current("RENO-NOISE");
    expect(await update({ id: ids["RENO-NOISE"], version: noise2.version, active: true })).toMatchObject({
      __typename: "InputError",
      field: "input.active",
    });
    expect(await create({ parentId: ids.RENO, code: "RENO-DUST", name: "装修粉尘" })).toMatchObject({
      __typename: "InputError",
      field: "input.parentId",
    });
  });
});
