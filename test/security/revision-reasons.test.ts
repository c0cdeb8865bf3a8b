import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, signIn, type Caller } from "../api/graphql.ts";
import { demoClock } from "../demo-clock.ts";

/**
 * Issue 15 item 11 (SEC-7): a revision's reason is free text that quotes what changed. It reaches
 * the analyst and the auditor masked, like the record's personal data; the front desk that may
 * read the customer's contact sees it as typed; a change of an archive field (the ID number)
 * needs the archive right for its reason too.
 */
const UPDATE = `mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) {
  __typename ... on Error { message } ... on MutationUpdateCustomerSuccess { data { version } } } }`;
const HISTORY = `query($id: ID!) { node(id: $id) { ... on Customer { history { reason changes { field } } } } }`;
const PHONE = "13900004567";
const REASON = `客户更换号码 ${PHONE}，身份证 310101199001011234`;

describe("revision reasons are masked like the record (issue 15 item 11, SEC-7)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let customerId = "";
  const callers: Record<string, Caller> = {};
  const as = async (login: string) => (callers[login] ??= await signIn(app, login));
  const reasons = async (login: string) => {
    const r = await gql<{ node: { history: { reason: string; changes: { field: string }[] }[] } | null }>(
      app,
      HISTORY,
      { id: globalId("Customer", customerId) },
      await as(login),
    );
    if (r.errors?.[0]?.extensions?.code === "FORBIDDEN") return null;
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!.node?.history.map((h) => h.reason) ?? null;
  };

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: demoClock() });
    const { rows } =
      await t.db.pool.query(`SELECT c.id, c.version FROM customers c JOIN household_members m ON m.customer_id = c.id JOIN households h ON h.id = m.household_id
      JOIN estates e ON e.id = h.estate_id WHERE e.code = 'LX' AND c.classification = 'SECRET' AND c.kind = 'OWNER' ORDER BY c.id DESC LIMIT 1`);
    customerId = rows[0].id;
    const r = await gql<{ updateCustomer: { __typename: string } }>(
      app,
      UPDATE,
      { input: { id: globalId("Customer", customerId), version: rows[0].version, reason: REASON, phone: PHONE } },
      await as("frontdesk.lx"),
    );
    expect(r.data!.updateCustomer.__typename, JSON.stringify(r)).toBe("MutationUpdateCustomerSuccess");
  });

  it("the analyst and the auditor get the reason masked; the clerk and the executive as typed", async () => {
    let seen = 0;
    for (const login of ["analyst", "auditor"]) {
      const shown = await reasons(login);
      seen += shown?.length ?? 0;
      // A role that cannot open the customer at all sees no history; one that can sees no digit of it.
      for (const reason of shown ?? []) {
        expect(reason).not.toContain(PHONE);
        expect(reason).not.toContain("310101199001011234");
        expect(reason).not.toMatch(/\d{4}/);
      }
    }
    // At least one of them reads the customer's history (the analyst, masked).
    expect(seen).toBeGreaterThan(0);
    expect(await reasons("frontdesk.lx")).toEqual([REASON]);
    expect(await reasons("exec")).toEqual([REASON]);
  });
});
