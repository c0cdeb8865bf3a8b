import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, signIn, type Caller, type GqlResult } from "../api/graphql.ts";
import { demoClock } from "../demo-clock.ts";

/**
 * Issue 15 item 16: bad input gets a typed error naming every bad field and changes nothing —
 * NUL characters, texts beyond their limit, impossible dates and instants, ids and cursors this
 * API never gave out, deeply nested settings — and property-based fuzzing of registerComplaint
 * finds no "Unexpected error." and no partial write.
 */
const REGISTER = `mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) {
  __typename ... on Error { message } ... on InputError { field } ... on MutationRegisterComplaintSuccess { data { id } } } }`;

type Register = GqlResult<{ registerComplaint: { __typename: string; field?: string; data?: { id: string } } }>;
interface Problem {
  field: string;
  problem: string;
}

describe("bad input is a typed error and writes nothing (issue 15 item 16)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let clerk: Caller;
  let household = "";
  const count = async () => Number((await t.db.pool.query(`SELECT count(*) AS n FROM complaints`)).rows[0].n);
  const register = async (input: Record<string, unknown>) => (await gql(app, REGISTER, { input }, clerk)) as Register;

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: demoClock() });
    clerk = await signIn(app, "frontdesk.lx");
    const { rows } = await t.db.pool.query(
      `SELECT h.id FROM households h JOIN estates e ON e.id = h.estate_id WHERE e.code = 'LX' AND h.occupied ORDER BY h.code LIMIT 1`,
    );
    household = globalId("Household", rows[0].id);
  });

  const valid = () => ({
    channel: "PHONE",
    householdId: household,
    complainantName: "测试业主",
    complainantContact: "13900001234",
    content: "楼道灯不亮",
  });

  it("names every bad text at once: a NUL character, a 5,000,000-character location and a 1,000,000-character name", async () => {
    const before = await count();
    const r = await register({
      ...valid(),
      content: "漏水\u0000",
      location: "x".repeat(5_000_000),
      complainantName: "名".repeat(1_000_000),
    });
    expect(r.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const fields = (r.errors![0]!.extensions as { fields: Problem[] }).fields;
    expect(fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "input.content", problem: "NUL_CHARACTER" }),
        expect.objectContaining({ field: "input.location", problem: "TOO_LONG" }),
        expect.objectContaining({ field: "input.complainantName", problem: "TOO_LONG" }),
      ]),
    );
    expect(await count()).toBe(before);
  });

  it("refuses impossible instants and dates instead of storing another day", async () => {
    for (const receivedAt of [
      "0000-01-01T00:00:00Z",
      "-000001-01-01T00:00:00Z",
      "2026-02-30T10:00:00+08:00",
      "2026-11-20T25:00:00+08:00",
      "275760-09-13T00:00:00Z",
      "yesterday",
    ]) {
      const r = await register({ ...valid(), receivedAt });
      expect(r.errors?.[0]?.extensions?.code, receivedAt).toBe("BAD_USER_INPUT");
      expect(r.errors![0]!.message).toContain("input.receivedAt");
    }
    const day = await gql(app, `query($d: Date!) { dailyReview(date: $d, first: 1) { totalCount } }`, { d: "2026-02-30" }, clerk);
    expect(day.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const literal = await gql(app, `{ dailyReview(date: "2026-02-30", first: 1) { totalCount } }`, {}, clerk);
    expect(literal.errors?.[0]?.message).toMatch(/Date/);
  });

  it("an id or a cursor this API never gave out is BAD_USER_INPUT, not a fault", async () => {
    const bogus = [
      Buffer.from("Complaint:123").toString("base64"),
      "not base64 at all",
      Buffer.from("Complaint:' OR 1=1 --").toString("base64"),
    ];
    for (const id of bogus) {
      const r = await gql(app, `query($id: ID!) { node(id: $id) { id } }`, { id }, clerk);
      expect(r.errors?.[0]?.extensions?.code, id).toBe("BAD_USER_INPUT");
      const m = await register({ ...valid(), householdId: id });
      expect(m.errors?.[0]?.extensions?.code ?? m.data?.registerComplaint.__typename, id).toMatch(
        /BAD_USER_INPUT|InputError|NotFoundError/,
      );
    }
    for (const after of ["garbage", Buffer.from("GPC:S:not-a-uuid").toString("base64"), Buffer.from("OC:-5").toString("base64")]) {
      const r = await gql(
        app,
        `query($a: String) { complaints(first: 5, after: $a) { totalCount edges { node { id } } } }`,
        { a: after },
        clerk,
      );
      expect(r.errors?.[0]?.extensions?.code, `${after} ${JSON.stringify(r).slice(0, 300)}`).toBe("BAD_USER_INPUT");
    }
  });

  it("a setting nested beyond its depth, or holding a NUL, is refused by name", async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200; i++) deep = { a: deep };
    for (const value of [JSON.stringify(deep), JSON.stringify({ a: "x\u0000" })]) {
      const r = await gql<{ savePreference: { __typename: string; field?: string } }>(
        app,
        `mutation($v: String) { savePreference(input: { key: "grid.test", value: $v }) { __typename ... on InputError { field } } }`,
        { v: value },
        clerk,
      );
      const code = r.errors?.[0]?.extensions?.code;
      expect(code ?? r.data?.savePreference.field, value.slice(0, 40)).toMatch(/BAD_USER_INPUT|input\.value/);
    }
  });

  it("fuzzing registerComplaint: every answer is a success or a typed error, and only a success writes", async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: "binary", maxLength: 30 }),
      fc.constant("\u0000"),
      fc.constant(""),
      fc.constant('=HYPERLINK("x")'),
      fc.constant("x".repeat(10_001)),
    );
    const instant = fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      fc.string({ maxLength: 25 }),
      fc.constant("2026-02-30T10:00:00Z"),
      fc.constant("0000-01-01T00:00:00Z"),
    );
    const input = fc.record(
      {
        channel: fc.oneof(fc.constantFrom("PHONE", "WEB", "VISIT", "LETTER"), fc.string({ maxLength: 8 })),
        householdId: fc.oneof(fc.constant(household), fc.string({ maxLength: 20 })),
        complainantName: text,
        complainantContact: text,
        content: text,
        location: text,
        receivedAt: fc.option(instant, { nil: undefined }),
        anonymous: fc.option(fc.boolean(), { nil: undefined }),
      },
      { requiredKeys: ["channel", "content"] },
    );
    await fc.assert(
      fc.asyncProperty(input, async (i) => {
        const before = await count();
        const r = await register(i);
        const codes = (r.errors ?? []).map((e) => e.extensions?.code);
        const ok = r.data?.registerComplaint?.__typename === "MutationRegisterComplaintSuccess";
        expect(r.errors?.map((e) => e.message) ?? []).not.toContain("Unexpected error.");
        for (const c of codes) expect(["BAD_USER_INPUT", "FORBIDDEN", "NOT_FOUND"]).toContain(c);
        if (!r.errors) expect(r.data?.registerComplaint?.__typename).toMatch(/Success|Error$/);
        expect(await count()).toBe(before + (ok ? 1 : 0));
      }),
      { numRuns: 120, seed: 20261207 },
    );
  }, 120_000);
});
