import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, signIn, type Caller } from "./graphql.ts";
import { demoClock } from "../demo-clock.ts";

/**
 * Issue 17: a deactivated place is kept for history and offered for nothing new — no complaint is
 * registered on a deactivated household or estate, no visit plan made for a closed office — while
 * what was recorded before stays readable.
 */
const REGISTER = `mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) {
  __typename ... on InputError { field problems { field code } } ... on MutationRegisterComplaintSuccess { data { id } } } }`;
const PLAN = `mutation($input: CreateVisitPlanInput!) { createVisitPlan(input: $input) {
  __typename ... on InputError { field } ... on MutationCreateVisitPlanSuccess { data { id } } } }`;

describe("deactivated places offer nothing new (issue 17)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let clerk: Caller, assistant: Caller;
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: demoClock() });
    clerk = await signIn(app, "frontdesk.lx");
    assistant = await signIn(app, "assistant.lx");
  });

  it("a deactivated household takes no new complaint; the complaints it had stay readable", async () => {
    const [h] = await q(`SELECT h.id, (SELECT count(*)::int FROM complaints c WHERE c.household_id = h.id) AS n
      FROM households h JOIN estates e ON e.id = h.estate_id WHERE e.code = 'LX' AND h.occupied ORDER BY 2 DESC, h.code LIMIT 1`);
    const input = { channel: "PHONE", householdId: globalId("Household", h.id), complainantName: "王女士", content: "楼道灯不亮" };
    await q(`UPDATE households SET active = false WHERE id = $1`, [h.id]);
    const refused = await gql<{ registerComplaint: { __typename: string; field?: string } }>(app, REGISTER, { input }, clerk);
    expect(refused.data!.registerComplaint).toMatchObject({ __typename: "InputError", field: "input.householdId" });
    expect((await q(`SELECT count(*)::int AS n FROM complaints WHERE household_id = $1`, [h.id]))[0].n).toBe(h.n);
    await q(`UPDATE households SET active = true WHERE id = $1`, [h.id]);
    const taken = await gql<{ registerComplaint: { __typename: string } }>(app, REGISTER, { input }, clerk);
    expect(taken.data!.registerComplaint.__typename).toBe("MutationRegisterComplaintSuccess");
  });

  it("a deactivated estate takes no new complaint about a public location", async () => {
    const [e] = await q(`SELECT id FROM estates WHERE code = 'LX'`);
    await q(`UPDATE estates SET active = false WHERE id = $1`, [e.id]);
    try {
      const r = await gql<{ registerComplaint: { __typename: string; field?: string } }>(
        app,
        REGISTER,
        { input: { channel: "LETTER", estateId: globalId("Estate", e.id), location: "3栋电梯", anonymous: true, content: "电梯经常停运" } },
        clerk,
      );
      expect(r.data!.registerComplaint).toMatchObject({ __typename: "InputError", field: "input.estateId" });
    } finally {
      await q(`UPDATE estates SET active = true WHERE id = $1`, [e.id]);
    }
  });

  it("a closed office gets no new visit plan", async () => {
    const [o] = await q(`SELECT o.id FROM offices o JOIN estates e ON e.id = o.estate_id WHERE e.code = 'LX'`);
    await q(`UPDATE offices SET active = false WHERE id = $1`, [o.id]);
    const before = (await q(`SELECT count(*)::int AS n FROM visit_plans`))[0].n;
    const r = await gql<{ createVisitPlan: { __typename: string; field?: string } }>(
      app,
      PLAN,
      { input: { officeId: globalId("Office", o.id), month: "2026-12-01" } },
      assistant,
    );
    expect(r.data!.createVisitPlan).toMatchObject({ __typename: "InputError", field: "input.officeId" });
    expect((await q(`SELECT count(*)::int AS n FROM visit_plans`))[0].n).toBe(before);
    await q(`UPDATE offices SET active = true WHERE id = $1`, [o.id]);
  });
});
