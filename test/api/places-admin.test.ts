import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, rowId, signIn, type Caller } from "./graphql.ts";
import { demoClock } from "../demo-clock.ts";

/**
 * Issue 17 item 2: the administrator (and the executive) keep the organisation's places —
 * estates, offices, buildings, units and households — in the app: create, edit at the version
 * read, deactivate and reactivate; every change in the administrative change log with who, when,
 * before and after.
 */
type Payload = {
  __typename: string;
  message?: string;
  field?: string;
  problems?: { field: string; code: string }[];
  currentVersion?: number;
  data?: { id: string; version: number; active: boolean };
};

const FIELDS = "__typename ... on Error { message } ... on InputError { field problems { field code } }";

describe("places administration (issue 17)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let admin: Caller, exec: Caller, frontdesk: Caller, analyst: Caller;
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  const ids = {} as Record<"estate" | "office" | "building" | "unit" | "household", string>;

  const run = async (
    caller: Caller,
    name: string,
    input: Record<string, unknown>,
    data = "id version active",
  ): Promise<Payload & { errors?: unknown }> => {
    const type = { Estate: "Estate", Office: "Office", Building: "Building", Unit: "Unit", Household: "Household" }[
      name.replace(/^(create|update|set)|Active$/g, "")
    ]!;
    const conflict = name.startsWith("create") ? "" : `... on ${type}ConflictError { currentVersion }`;
    const r = await gql<Record<string, Payload>>(
      app,
      `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${FIELDS} ${conflict}
      ... on Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success { data { ... on ${type} { id version active } ${data === "id version active" ? "" : data} } } } }`,
      { input },
      caller,
    );
    if (r.errors) return { __typename: "GraphQLError", errors: r.errors };
    return r.data![name]!;
  };

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: demoClock() });
    [admin, exec, frontdesk, analyst] = await Promise.all([
      signIn(app, "admin"),
      signIn(app, "exec"),
      signIn(app, "frontdesk.lx"),
      signIn(app, "analyst"),
    ]);
  });

  it("creates an estate, its office, a building, a unit and a household; each is kept in the change log with who and after", async () => {
    const estate = await run(admin, "createEstate", { code: "xh", name: "西湖苑", kind: "RESIDENTIAL", address: "杭州市西湖区" });
    expect(estate.__typename).toBe("MutationCreateEstateSuccess");
    ids.estate = estate.data!.id;
    const office = await run(exec, "createOffice", {
      estateId: ids.estate,
      code: "XH-OFFICE",
      name: "西湖苑管理处",
      phone: "0571-88880000",
    });
    expect(office.__typename).toBe("MutationCreateOfficeSuccess");
    ids.office = office.data!.id;
    const building = await run(admin, "createBuilding", { estateId: ids.estate, name: "1栋" });
    ids.building = building.data!.id;
    const unit = await run(admin, "createUnit", { buildingId: ids.building, name: "1单元" });
    ids.unit = unit.data!.id;
    const household = await run(admin, "createHousehold", {
      estateId: ids.estate,
      buildingId: ids.building,
      unitId: ids.unit,
      code: "XH-1-1-101",
      room: "101",
      area: 89.5,
      moveInDate: "2025-05-01",
    });
    expect(household.__typename).toBe("MutationCreateHouseholdSuccess");
    ids.household = household.data!.id;

    const [row] = await q(`SELECT e.code, h.room, h.area::float AS area, h.active, h.occupied, b.name AS building, u.name AS unit
      FROM households h JOIN estates e ON e.id = h.estate_id JOIN buildings b ON b.id = h.building_id JOIN units u ON u.id = h.unit_id WHERE h.code = 'XH-1-1-101'`);
    expect(row).toEqual({ code: "XH", room: "101", area: 89.5, active: true, occupied: true, building: "1栋", unit: "1单元" });
    const log = await q(
      `SELECT c.entity, c.action, s.login, c.before, c.after->>'code' AS code, c.after->>'name' AS name FROM admin_changes c JOIN staff s ON s.id = c.changed_by_id
      WHERE c.entity_id = ANY($1::uuid[]) ORDER BY c.at, c.entity`,
      [[ids.estate, ids.office, ids.building, ids.unit, ids.household].map(rowId)],
    );
    expect(log).toEqual([
      { entity: "ESTATE", action: "CREATE", login: "admin", before: null, code: "XH", name: "西湖苑" },
      { entity: "OFFICE", action: "CREATE", login: "exec", before: null, code: "XH-OFFICE", name: "西湖苑管理处" },
      { entity: "BUILDING", action: "CREATE", login: "admin", before: null, code: null, name: "1栋" },
      { entity: "UNIT", action: "CREATE", login: "admin", before: null, code: null, name: "1单元" },
      { entity: "HOUSEHOLD", action: "CREATE", login: "admin", before: null, code: "XH-1-1-101", name: null },
    ]);
  });

  it("names every bad field at once: a taken code, a building of another estate, a unit of another building, no room, a bad area", async () => {
    const [lx] = await q(
      `SELECT b.id AS building, u.id AS unit FROM buildings b JOIN estates e ON e.id = b.estate_id JOIN units u ON u.building_id = b.id WHERE e.code = 'LX' LIMIT 1`,
    );
    const bad = await run(admin, "createHousehold", {
      estateId: ids.estate,
      buildingId: globalId("Building", lx.building),
      unitId: globalId("Unit", lx.unit),
      code: "XH-1-1-101",
      room: "  ",
      area: -3,
      moveInDate: "2099-01-01",
    });
    expect(bad.__typename).toBe("InputError");
    expect(bad.problems!.map((p) => p.field).sort()).toEqual([
      "input.area",
      "input.buildingId",
      "input.code",
      "input.moveInDate",
      "input.room",
      "input.unitId",
    ]);
    expect(bad.problems!.find((p) => p.field === "input.code")!.code).toBe("HOUSEHOLD_CODE_TAKEN");
    // A unit of another building of the same estate is refused too.
    const other = await run(admin, "createBuilding", { estateId: ids.estate, name: "2栋" });
    const misplaced = await run(admin, "createHousehold", {
      estateId: ids.estate,
      buildingId: other.data!.id,
      unitId: ids.unit,
      code: "XH-2-101",
      room: "101",
    });
    expect(misplaced.problems!.map((p) => p.field)).toEqual(["input.unitId"]);
    expect((await run(admin, "createEstate", { code: "LX", name: "重复" })).problems).toEqual([
      { field: "input.code", code: "ESTATE_CODE_TAKEN" },
    ]);
    expect(
      (await run(admin, "createEstate", { code: "bad code!", name: "", timezone: "Mars/Base" })).problems!.map((p) => p.field),
    ).toEqual(["input.code", "input.name", "input.timezone"]);
    expect((await run(admin, "createOffice", { estateId: ids.estate, code: "LX-OFFICE", name: "x" })).problems).toEqual([
      { field: "input.code", code: "OFFICE_CODE_TAKEN" },
    ]);
    expect((await run(admin, "createBuilding", { estateId: ids.estate, name: "1栋" })).problems).toEqual([
      { field: "input.name", code: "BUILDING_NAME_TAKEN" },
    ]);
    expect(await q(`SELECT count(*)::int AS n FROM households WHERE code LIKE 'XH-%'`)).toEqual([{ n: 1 }]);
  });

  it("refuses a front desk or an analyst, and finds no place of another organisation", async () => {
    for (const caller of [frontdesk, analyst]) {
      const r = await run(caller, "createBuilding", { estateId: ids.estate, name: "9栋" });
      expect(r.__typename).toBe("GraphQLError");
      expect(JSON.stringify(r.errors)).toContain("PLACES_MANAGE");
    }
    const [foreign] =
      await q(`WITH o AS (INSERT INTO organizations (code, name, updated_at) VALUES ('ELSE', '别家物业', now()) RETURNING id),
      e AS (INSERT INTO estates (organization_id, code, name, updated_at) SELECT id, 'YY', '别家小区', now() FROM o RETURNING id, organization_id)
      INSERT INTO buildings (organization_id, estate_id, name, updated_at) SELECT organization_id, id, '1栋', now() FROM e RETURNING id, estate_id`);
    expect((await run(admin, "createBuilding", { estateId: globalId("Estate", foreign.estate_id), name: "9栋" })).__typename).toBe(
      "NotFoundError",
    );
    expect((await run(admin, "updateBuilding", { id: globalId("Building", foreign.id), version: 0, name: "改名" })).__typename).toBe(
      "NotFoundError",
    );
    expect(
      (
        await run(admin, "createHousehold", { estateId: ids.estate, buildingId: globalId("Building", foreign.id), code: "XH-9", room: "9" })
      ).problems!.map((p) => p.field),
    ).toEqual(["input.buildingId"]);
    expect(await q(`SELECT name FROM buildings WHERE id = $1`, [foreign.id])).toEqual([{ name: "1栋" }]);
  });

  it("edits at the version read: a stale version is a conflict and changes nothing; the log keeps before and after", async () => {
    const edit = await run(admin, "updateHousehold", { id: ids.household, version: 0, room: "102", occupied: false }, "room occupied");
    expect(edit.__typename).toBe("MutationUpdateHouseholdSuccess");
    const stale = await run(exec, "updateHousehold", { id: ids.household, version: 0, room: "103" });
    expect(stale).toMatchObject({ __typename: "HouseholdConflictError", currentVersion: 1 });
    expect(await q(`SELECT room, occupied, version FROM households WHERE code = 'XH-1-1-101'`)).toEqual([
      { room: "102", occupied: false, version: 1 },
    ]);
    const estate = await run(admin, "updateEstate", { id: ids.estate, version: 0, name: "西湖苑（一期）", timezone: "Asia/Urumqi" });
    expect(estate.__typename).toBe("MutationUpdateEstateSuccess");
    expect((await run(admin, "updateEstate", { id: ids.estate, version: 0, name: "x" })).__typename).toBe("EstateConflictError");
    const log = await q(
      `SELECT entity, action, before, after FROM admin_changes WHERE entity_id = ANY($1::uuid[]) AND action = 'UPDATE' ORDER BY at`,
      [[ids.household, ids.estate].map(rowId)],
    );
    expect(log).toEqual([
      { entity: "HOUSEHOLD", action: "UPDATE", before: { room: "101", occupied: true }, after: { room: "102", occupied: false } },
      {
        entity: "ESTATE",
        action: "UPDATE",
        before: { name: "西湖苑", timezone: "Asia/Shanghai" },
        after: { name: "西湖苑（一期）", timezone: "Asia/Urumqi" },
      },
    ]);
  });

  it("a deactivated household is kept, no longer resident and no longer offered in the estate's lists; what is under a place goes first", async () => {
    const households = () =>
      gql<{ node: { households: { totalCount: number }; all: { totalCount: number }; occupiedHouseholds: number } }>(
        app,
        `query($id: ID!) { node(id: $id) { ... on Estate { households(first: 10) { totalCount } all: households(first: 10, includeInactive: true) { totalCount } occupiedHouseholds } } }`,
        { id: ids.estate },
        admin,
      ).then((r) => r.data!.node);
    await run(admin, "updateHousehold", { id: ids.household, version: 1, occupied: true });
    expect(await households()).toEqual({ households: { totalCount: 1 }, all: { totalCount: 1 }, occupiedHouseholds: 1 });
    // The building still holds an active unit and household: those first.
    const [b] = await q(`SELECT version FROM buildings WHERE id = $1`, [rowId(ids.building)]);
    const early = await run(admin, "setBuildingActive", { id: ids.building, version: b.version, active: false });
    expect(early.problems!.map((p) => p.code)).toEqual(["PLACE_ACTIVE_CHILDREN", "PLACE_ACTIVE_CHILDREN"]);
    const off = await run(admin, "setHouseholdActive", { id: ids.household, version: 2, active: false }, "occupied");
    expect(off.data).toMatchObject({ active: false, occupied: false });
    expect(await households()).toEqual({ households: { totalCount: 0 }, all: { totalCount: 1 }, occupiedHouseholds: 0 });
    expect((await run(admin, "updateHousehold", { id: ids.household, version: 3, room: "105" })).problems!.map((p) => p.code)).toEqual([
      "PLACE_INACTIVE_NO_EDIT",
    ]);
    const [u] = await q(`SELECT version FROM units WHERE id = $1`, [rowId(ids.unit)]);
    expect((await run(admin, "setUnitActive", { id: ids.unit, version: u.version, active: false })).data!.active).toBe(false);
    // Nothing new goes under a deactivated unit, and its household comes back only after it.
    expect(
      (
        await run(admin, "createHousehold", {
          estateId: ids.estate,
          buildingId: ids.building,
          unitId: ids.unit,
          code: "XH-1-1-201",
          room: "201",
        })
      ).problems!.map((p) => p.code),
    ).toEqual(["PLACE_PARENT_INACTIVE"]);
    expect((await run(admin, "setHouseholdActive", { id: ids.household, version: 3, active: true })).problems!.map((p) => p.code)).toEqual([
      "PLACE_PARENT_INACTIVE",
    ]);
    await run(admin, "setUnitActive", { id: ids.unit, version: u.version + 1, active: true });
    expect((await run(admin, "setHouseholdActive", { id: ids.household, version: 3, active: true }, "occupied")).data).toMatchObject({
      active: true,
      occupied: true,
    });
    const log = await q(
      `SELECT action, before, after FROM admin_changes WHERE entity_id = $1 AND action IN ('DEACTIVATE', 'REACTIVATE') ORDER BY at`,
      [rowId(ids.household)],
    );
    expect(log).toEqual([
      { action: "DEACTIVATE", before: { active: true, occupied: true }, after: { active: false, occupied: false } },
      { action: "REACTIVATE", before: { active: false, occupied: false }, after: { active: true, occupied: true } },
    ]);
  });

  it("a closed office is left out of the estate's offices (no new visit plans) and kept for history", async () => {
    const [o] = await q(`SELECT version FROM offices WHERE id = $1`, [rowId(ids.office)]);
    expect((await run(admin, "setOfficeActive", { id: ids.office, version: o.version, active: false })).data!.active).toBe(false);
    const offices = await gql<{ node: { offices: { code: string }[]; all: { code: string; active: boolean }[] } }>(
      app,
      `query($id: ID!) { node(id: $id) { ... on Estate { offices { code } all: offices(includeInactive: true) { code active } } } }`,
      { id: ids.estate },
      admin,
    );
    expect(offices.data!.node).toEqual({ offices: [], all: [{ code: "XH-OFFICE", active: false }] });
    const estates = await gql<{ estates: { edges: { node: { code: string } }[] } }>(
      app,
      `{ estates(first: 50) { edges { node { code } } } }`,
      undefined,
      admin,
    );
    expect(estates.data!.estates.edges.map((e) => e.node.code)).toContain("XH");
    expect(
      await q(`SELECT action, before, after FROM admin_changes WHERE entity = 'OFFICE' AND entity_id = $1 AND action = 'DEACTIVATE'`, [
        rowId(ids.office),
      ]),
    ).toEqual([{ action: "DEACTIVATE", before: { active: true }, after: { active: false } }]);
  });
});
