import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, signIn, type Caller } from "./graphql.ts";
import { demoClock } from "../demo-clock.ts";

const REGISTER = `mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) {
  __typename ... on Error { message } ... on InputError { field }
  ... on MutationRegisterComplaintSuccess { data { id no status channel anonymous callbackExempt receivedBy { login } duplicateOf { no } timeline(first: 5) { edges { node { kind toStatus } } } } } } }`;

interface Registered {
  id: string;
  no: string;
  status: string;
  anonymous: boolean;
  callbackExempt: boolean;
  receivedBy: { login: string };
  duplicateOf: { no: string } | null;
  timeline: { edges: { node: { kind: string } }[] };
}

describe("complaint intake (SPEC §3)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let clerk: Caller;
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  let lxHousehold: string, jhHousehold: string;
  const register = (input: Record<string, unknown>, caller = clerk) =>
    gql<{ registerComplaint: Registered & { __typename: string; field?: string; message?: string; data?: Registered } }>(
      app,
      REGISTER,
      { input },
      caller,
    );
  const count = async () => (await q(`SELECT count(*)::int AS n FROM complaints`))[0].n as number;

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: demoClock() });
    clerk = await signIn(app, "frontdesk.lx");
    [{ id: lxHousehold }] = await q(
      `SELECT h.id FROM households h JOIN estates e ON e.id = h.estate_id WHERE e.code = 'LX' ORDER BY h.code DESC LIMIT 1`,
    );
    [{ id: jhHousehold }] = await q(`SELECT h.id FROM households h JOIN estates e ON e.id = h.estate_id WHERE e.code = 'JH' LIMIT 1`);
  });

  it("INT-2, INT-3: anyone on duty registers; the receiver is the caller; numbers follow each other", async () => {
    const input = {
      channel: "PHONE",
      householdId: globalId("Household", lxHousehold),
      complainantName: "王女士",
      complainantContact: "13812340000",
      content: "楼上卫生间漏水到我家天花板",
    };
    const first = (await register(input)).data!.registerComplaint.data!;
    const second = (await register({ ...input, content: "电梯按钮失灵" })).data!.registerComplaint.data!;
    expect(first).toMatchObject({ status: "REGISTERED", anonymous: false, callbackExempt: false, receivedBy: { login: "frontdesk.lx" } });
    expect(first.no).toMatch(/^TS\d{4}\d{8}$/);
    expect(Number(second.no.slice(6))).toBe(Number(first.no.slice(6)) + 1);
    expect(first.timeline.edges.map((e) => e.node.kind)).toEqual(["REGISTERED"]);
  });

  it("INT-2, CB-8: an anonymous complaint has no complainant and is exempt from callbacks", async () => {
    const r = (
      await register({
        channel: "LETTER",
        estateId: globalId("Estate", (await q(`SELECT id FROM estates WHERE code = 'LX'`))[0].id),
        location: "3栋电梯",
        anonymous: true,
        content: "电梯经常停运",
      })
    ).data!.registerComplaint.data!;
    expect(r).toMatchObject({ anonymous: true, callbackExempt: true });
  });

  it("bad input is a typed error naming the field, and nothing is written", async () => {
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ channel: "PHONE", householdId: globalId("Household", jhHousehold), complainantName: "x", content: "x" }, "input.householdId"],
      [{ channel: "PHONE", householdId: globalId("Household", lxHousehold), complainantName: "x", content: "  " }, "input.content"],
      [
        {
          channel: "PHONE",
          householdId: globalId("Household", lxHousehold),
          complainantName: "x",
          content: "x",
          receivedAt: "2099-01-01T00:00:00Z",
        },
        "input.receivedAt",
      ],
      [
        {
          channel: "PHONE",
          householdId: globalId("Household", lxHousehold),
          complainantName: "x",
          complainantContact: "12345",
          content: "x",
        },
        "input.complainantContact",
      ],
      [{ channel: "PHONE", householdId: globalId("Household", lxHousehold), content: "x" }, "input.complainantName"],
      [
        { channel: "PHONE", householdId: globalId("Household", lxHousehold), anonymous: true, complainantName: "x", content: "x" },
        "input.anonymous",
      ],
    ];
    for (const [input, field] of cases) {
      const r = await register(input);
      expect(r.data!.registerComplaint, JSON.stringify(input)).toMatchObject({ __typename: "InputError", field });
    }
    expect(await count()).toBe(before);
    const analyst = await gql(app, REGISTER, { input: cases[1]![0] }, await signIn(app, "analyst"));
    expect(analyst.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("issue 16: three bad fields are ONE InputError naming all three (fields, paths, codes), and nothing is written", async () => {
    const before = await count();
    const r = await gql<{
      registerComplaint: {
        __typename: string;
        field: string;
        problems: { field: string; path: string[]; code: string; message: string }[];
      };
    }>(
      app,
      `mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { __typename ... on InputError { field problems { field path code message } } } }`,
      {
        input: {
          channel: "PHONE",
          householdId: globalId("Household", lxHousehold),
          complainantName: "x",
          content: "  ",
          receivedAt: "2099-01-01T00:00:00Z",
          complainantContact: "12345",
        },
      },
      clerk,
    );
    const e = r.data!.registerComplaint;
    expect(e.__typename).toBe("InputError");
    expect(e.problems.map((p) => ({ field: p.field, path: p.path, code: p.code }))).toEqual([
      { field: "input.content", path: ["input", "content"], code: "REQUIRED" },
      { field: "input.receivedAt", path: ["input", "receivedAt"], code: "INTAKE_RECEIVED_AT_FUTURE" },
      { field: "input.complainantContact", path: ["input", "complainantContact"], code: "INTAKE_BAD_CONTACT" },
    ]);
    expect(e.field).toBe("input.content");
    for (const p of e.problems) expect(p.message).not.toContain("12345");
    expect(await count()).toBe(before);
  });

  it("INT-4: a second report of the same problem is suggested, linked to the first, and not a new first report", async () => {
    const input = {
      channel: "VISIT",
      householdId: globalId("Household", lxHousehold),
      complainantName: "王女士",
      content: "天花板还在漏水",
    };
    const suggestions = await gql<{ likelyDuplicates: { no: string }[] }>(
      app,
      `query($h: ID!) { likelyDuplicates(input: { householdId: $h }) { no } }`,
      { h: globalId("Household", lxHousehold) },
      clerk,
    );
    const first = suggestions.data!.likelyDuplicates[suggestions.data!.likelyDuplicates.length - 1]!;
    const [firstRow] = await q(`SELECT id FROM complaints WHERE no = $1`, [first.no]);
    const dup = (await register({ ...input, duplicateOfId: globalId("Complaint", firstRow.id) })).data!.registerComplaint.data!;
    expect(dup.duplicateOf).toEqual({ no: first.no });
    expect(dup.timeline.edges.map((e) => e.node.kind)).toEqual(["REGISTERED", "DUPLICATE_LINKED"]);
    const chained = await register({ ...input, duplicateOfId: dup.id });
    expect(chained.data!.registerComplaint).toMatchObject({ __typename: "InputError", field: "input.duplicateOfId" });
    const again = await gql<{ likelyDuplicates: { no: string }[] }>(
      app,
      `query($h: ID!) { likelyDuplicates(input: { householdId: $h }) { no } }`,
      { h: globalId("Household", lxHousehold) },
      clerk,
    );
    expect(again.data!.likelyDuplicates.map((c) => c.no)).not.toContain(dup.no);
  });
});
