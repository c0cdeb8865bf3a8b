import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, signIn, type Caller } from "./graphql.ts";
import { demoClock } from "../demo-clock.ts";

const READ = `query($key: String!) { preference(key: $key) }`;
const SAVE = `mutation($key: String!, $value: String) {
  savePreference(input: { key: $key, value: $value }) {
    __typename ... on MutationSavePreferenceSuccess { data } ... on InputError { field message }
  }
}`;

describe("per-user settings (grid layouts, report choices)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let analyst: Caller;
  let manager: Caller;
  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: demoClock() });
    analyst = await signIn(app, "analyst");
    manager = await signIn(app, "manager");
  });

  const read = async (caller: Caller, key: string) =>
    (await gql<{ preference: string | null }>(app, READ, { key }, caller)).data?.preference;
  const save = async (caller: Caller, key: string, value: string | null) =>
    (
      await gql<{ savePreference: { __typename: string; data?: boolean; field?: string; message?: string } }>(
        app,
        SAVE,
        { key, value },
        caller,
      )
    ).data!.savePreference;

  it("saves, reads back, replaces and removes a setting of one's own", async () => {
    expect(await read(analyst, "grid.complaints")).toBeNull();
    const layout = { columnOrder: { orderedColIds: ["no", "status"] }, sort: { sortModel: [{ colId: "no", sort: "asc" }] } };
    expect(await save(analyst, "grid.complaints", JSON.stringify(layout))).toEqual({
      __typename: "MutationSavePreferenceSuccess",
      data: true,
    });
    expect(JSON.parse((await read(analyst, "grid.complaints"))!)).toEqual(layout);
    await save(analyst, "grid.complaints", JSON.stringify({ sort: {} }));
    expect(JSON.parse((await read(analyst, "grid.complaints"))!)).toEqual({ sort: {} });
    await save(analyst, "grid.complaints", null);
    expect(await read(analyst, "grid.complaints")).toBeNull();
  });

  it("keeps each account's settings apart: another account neither sees nor overwrites them", async () => {
    await save(analyst, "grid.callbacks", JSON.stringify({ mine: "analyst" }));
    expect(await read(manager, "grid.callbacks")).toBeNull();
    await save(manager, "grid.callbacks", JSON.stringify({ mine: "manager" }));
    expect(JSON.parse((await read(analyst, "grid.callbacks"))!)).toEqual({ mine: "analyst" });
    expect(JSON.parse((await read(manager, "grid.callbacks"))!)).toEqual({ mine: "manager" });
  });

  it("refuses a bad key, text that is not a JSON object and an oversized value, changing nothing", async () => {
    await save(analyst, "grid.visits", JSON.stringify({ v: 1 }));
    expect(await save(analyst, "Grid Visits!", "{}")).toMatchObject({ __typename: "InputError", field: "input.key" });
    expect(await save(analyst, "grid.visits", "{not json")).toMatchObject({
      __typename: "InputError",
      field: "input.value",
      message: "Not valid JSON",
    });
    expect(await save(analyst, "grid.visits", "42")).toMatchObject({ __typename: "InputError", field: "input.value" });
    expect(await save(analyst, "grid.visits", JSON.stringify({ big: "x".repeat(40_000) }))).toMatchObject({
      __typename: "InputError",
      field: "input.value",
      message: "At most 32 KB",
    });
    expect(JSON.parse((await read(analyst, "grid.visits"))!)).toEqual({ v: 1 });
  });

  it("answers nothing to a caller who is not signed in", async () => {
    const r = await gql(app, READ, { key: "grid.complaints" });
    expect(r.data?.preference ?? null).toBeNull();
    expect(r.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
