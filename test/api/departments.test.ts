import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, signIn, type Caller } from "./graphql.ts";
import { demoClock } from "../demo-clock.ts";

/** Issue 17 item 2: departments, the one service centre and membership (services/admin/departments.ts). */

const CREATE = `mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) {
  __typename ... on MutationCreateDepartmentSuccess { data { id code version active } } ... on InputError { problems { field code } } ... on Error { message } } }`;
const UPDATE = `mutation($input: UpdateDepartmentInput!) { updateDepartment(input: $input) {
  __typename ... on MutationUpdateDepartmentSuccess { data { name version } } ... on DepartmentConflictError { currentVersion } ... on InputError { problems { field code } } } }`;
const VERSIONED = (name: string) => `mutation($input: DepartmentVersionInput!) { ${name}(input: $input) {
  __typename ... on InputError { code } ... on Error { message } } }`;
const MOVE = `mutation($input: MoveStaffToDepartmentInput!) { moveStaffToDepartment(input: $input) { __typename ... on Error { message } } }`;

describe("GraphQL: departments (issue 17)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let admin: Caller;
  const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => (await t.db.pool.query(sql, params)).rows as T[];
  const staff = async (login: string) =>
    globalId("Staff", (await q<{ id: string }>(`SELECT id FROM staff WHERE login = $1`, [login]))[0]!.id);

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: demoClock() });
    admin = await signIn(app, "admin");
  });

  it("creates 客服部; every bad field at once; a second active service centre and a taken code are refused", async () => {
    const bad = await gql<{ createDepartment: { problems: { field: string; code: string }[] } }>(
      app,
      CREATE,
      { input: { code: "bad code!", name: "", kind: "SERVICE_CENTRE" } },
      admin,
    );
    expect(bad.data!.createDepartment.problems.map((p) => `${p.field}:${p.code}`).sort()).toEqual([
      "input.code:DEPARTMENT_CODE_FORMAT",
      "input.kind:DEPARTMENT_ONE_SERVICE_CENTRE",
      "input.name:REQUIRED",
    ]);
    const ok = await gql<{ createDepartment: { __typename: string; data: { code: string; active: boolean } } }>(
      app,
      CREATE,
      { input: { code: "kf-02", name: "客服部", kind: "OTHER", headId: await staff("sc.head") } },
      admin,
    );
    expect(ok.data!.createDepartment.data, JSON.stringify(ok)).toMatchObject({ code: "KF-02", active: true });
    const taken = await gql<{ createDepartment: { problems: { code: string }[] } }>(
      app,
      CREATE,
      { input: { code: "KF-02", name: "再一个", kind: "OTHER" } },
      admin,
    );
    expect(taken.data!.createDepartment.problems).toEqual([{ field: "input.code", code: "DEPARTMENT_CODE_TAKEN" }]);
    const [log] = await q<{ after: Record<string, unknown> }>(
      `SELECT after FROM admin_changes WHERE entity = 'DEPARTMENT' AND action = 'CREATE'`,
    );
    expect(log!.after).toMatchObject({ code: "KF-02", name: "客服部" });
  });

  it("edits at a version (stale: conflict); membership set from the department's side; deactivation waits for the members to move", async () => {
    const [d] = await q<{ id: string; version: number }>(`SELECT id, version FROM departments WHERE code = 'KF-02'`);
    const id = globalId("Department", d!.id);
    const renamed = await gql<{ updateDepartment: { data: { version: number } } }>(
      app,
      UPDATE,
      { input: { id, version: d!.version, name: "客服二部" } },
      admin,
    );
    expect(renamed.data!.updateDepartment.data.version).toBe(d!.version + 1);
    const stale = await gql<{ updateDepartment: { __typename: string; currentVersion: number } }>(
      app,
      UPDATE,
      { input: { id, version: d!.version, name: "x" } },
      admin,
    );
    expect(stale.data!.updateDepartment).toEqual({ __typename: "DepartmentConflictError", currentVersion: d!.version + 1 });
    const moved = await gql<{ moveStaffToDepartment: unknown[] }>(
      app,
      MOVE,
      { input: { departmentId: id, staffIds: [await staff("service2")] } },
      admin,
    );
    expect(moved.errors).toBeUndefined();
    const members = await gql<{ node: { memberCount: number; members: { nodes: { login: string }[] } } }>(
      app,
      `query($id: ID!) { node(id: $id) { ... on Department { memberCount members(first: 10) { nodes { login } } } } }`,
      { id },
      admin,
    );
    expect(members.data!.node).toEqual({ memberCount: 1, members: { nodes: [{ login: "service2" }] } });
    const busy = await gql<{ deactivateDepartment: { __typename: string; code: string } }>(
      app,
      VERSIONED("deactivateDepartment"),
      { input: { id, version: d!.version + 1 } },
      admin,
    );
    expect(busy.data!.deactivateDepartment).toMatchObject({ __typename: "InputError", code: "DEPARTMENT_HAS_MEMBERS" });
    await gql(app, MOVE, { input: { departmentId: null, staffIds: [await staff("service2")] } }, admin);
    const off = await gql<{ deactivateDepartment: { __typename: string } }>(
      app,
      VERSIONED("deactivateDepartment"),
      { input: { id, version: d!.version + 1 } },
      admin,
    );
    expect(off.data!.deactivateDepartment.__typename).toBe("MutationDeactivateDepartmentSuccess");
    const on = await gql<{ reactivateDepartment: { __typename: string } }>(
      app,
      VERSIONED("reactivateDepartment"),
      { input: { id, version: d!.version + 2 } },
      admin,
    );
    expect(on.data!.reactivateDepartment.__typename).toBe("MutationReactivateDepartmentSuccess");
    const logged = await q<{ action: string }>(`SELECT action FROM admin_changes WHERE entity_id = $1 ORDER BY at`, [d!.id]);
    expect(logged.map((r) => r.action)).toEqual(["CREATE", "UPDATE", "DEACTIVATE", "REACTIVATE"]);
  });

  it("§2: a front desk account can do none of it", async () => {
    const desk = await signIn(app, "frontdesk.lx");
    const r = await gql(app, CREATE, { input: { code: "X-1", name: "x", kind: "OTHER" } }, desk);
    expect(r.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
