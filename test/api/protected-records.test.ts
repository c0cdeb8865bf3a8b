import { beforeAll, describe, expect, it } from "vitest";
import { createApp, declassifyExpired, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, rowId, signIn, type Caller } from "./graphql.ts";
import { demoClock } from "../demo-clock.ts";

describe("protected records: amendments, approvals, classification, inquiries, archive checks", () => {
  const t = useTestDatabase("demo");
  let app: App;
  const clock = demoClock();
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  const callers: Record<string, Caller> = {};
  const as = async (login: string) => (callers[login] ??= await signIn(app, login));
  let customer: { id: string; version: number; phone: string };

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock });
    [customer] =
      await q(`SELECT c.id, c.version, c.phone FROM customers c JOIN household_members m ON m.customer_id = c.id JOIN households h ON h.id = m.household_id
      JOIN estates e ON e.id = h.estate_id WHERE e.code = 'LX' AND c.classification = 'SECRET' AND c.kind = 'OWNER' ORDER BY c.id LIMIT 1`);
  });

  const UPDATE = `mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) {
    __typename ... on Error { message } ... on InputError { field } ... on CustomerConflictError { currentVersion current { phone } }
    ... on MutationUpdateCustomerSuccess { data { phone version history { reason changedBy { login } changes { field before after } } } } } }`;

  it("SEC-6: an amendment keeps the previous value with who, when and why", async () => {
    const clerk = await as("frontdesk.lx");
    const r = await gql<{
      updateCustomer: {
        data: {
          phone: string;
          version: number;
          history: { reason: string; changedBy: { login: string }; changes: { field: string; before: string; after: string }[] }[];
        };
      };
    }>(
      app,
      UPDATE,
      { input: { id: globalId("Customer", customer.id), version: customer.version, reason: "业主来电更正手机号", phone: "13900001111" } },
      clerk,
    );
    const data = r.data!.updateCustomer.data;
    expect(data).toMatchObject({ phone: "13900001111", version: customer.version + 1 });
    expect(data.history[0]).toMatchObject({
      reason: "业主来电更正手机号",
      changedBy: { login: "frontdesk.lx" },
      changes: [{ field: "phone", before: customer.phone, after: "13900001111" }],
    });
  });

  it("bad input is a typed error naming the field, without echoing the value, and changes nothing", async () => {
    const clerk = await as("frontdesk.lx");
    const r = await gql<{ updateCustomer: { __typename: string; field: string; message: string } }>(
      app,
      UPDATE,
      { input: { id: globalId("Customer", customer.id), version: customer.version + 1, reason: "x", phone: "1390000111Z" } },
      clerk,
    );
    expect(r.data!.updateCustomer).toMatchObject({ __typename: "InputError", field: "input.phone" });
    expect(r.data!.updateCustomer.message).not.toContain("1390000111Z");
    const noReason = await gql<{ updateCustomer: { field: string } }>(
      app,
      UPDATE,
      { input: { id: globalId("Customer", customer.id), version: customer.version + 1, reason: " ", phone: "13900002222" } },
      clerk,
    );
    expect(noReason.data!.updateCustomer.field).toBe("reason");
    const [row] = await q(`SELECT phone, version FROM customers WHERE id = $1`, [customer.id]);
    expect(row).toEqual({ phone: "13900001111", version: customer.version + 1 });
  });

  it("a stale write gets a conflict carrying the current values, under the field rules, and changes nothing", async () => {
    const clerk = await as("frontdesk.lx");
    const r = await gql<{ updateCustomer: { __typename: string; currentVersion: number; current: { phone: string } } }>(
      app,
      UPDATE,
      { input: { id: globalId("Customer", customer.id), version: customer.version, reason: "old form", phone: "13900003333" } },
      clerk,
    );
    expect(r.data!.updateCustomer).toEqual({
      __typename: "CustomerConflictError",
      message: expect.any(String),
      currentVersion: customer.version + 1,
      current: { phone: "13900001111" },
    });
    const [row] = await q(`SELECT phone FROM customers WHERE id = $1`, [customer.id]);
    expect(row.phone).toBe("13900001111");
    const revisions = await q(`SELECT count(*)::int AS n FROM record_revisions WHERE record_id = $1`, [customer.id]);
    expect(revisions[0].n).toBe(1);
  });

  it("SEC-3: approvals are decided by the right role, lapse when undecided, and a grant ends on time", async () => {
    const assistant = await as("assistant.lx");
    const request = async () =>
      (
        await gql<{ requestApproval: { data: { id: string; version: number } } }>(
          app,
          `mutation($id: ID!) {
      requestApproval(input: { kind: COPY_ARCHIVE, customerId: $id, purpose: "复印档案交房管局" }) { ... on MutationRequestApprovalSuccess { data { id version } } } }`,
          { id: globalId("Customer", customer.id) },
          assistant,
        )
      ).data!.requestApproval.data;
    const decide = (who: Caller, a: { id: string; version: number }) =>
      gql<{ decideApproval: { __typename: string; message?: string; data?: { status: string } } }>(
        app,
        `mutation($id: ID!, $v: Int!) {
      decideApproval(input: { id: $id, version: $v, approve: true }) { __typename ... on Error { message } ... on MutationDecideApprovalSuccess { data { status } } } }`,
        { id: a.id, v: a.version },
        who,
      );
    const a = await request();
    // COPY_ARCHIVE is the office director's (SEC-3): a department head may not decide it.
    const head = await decide(await as("eng.head"), a);
    expect(head.data!.decideApproval).toMatchObject({ __typename: "ForbiddenError" });
    const b = await request();
    await q(`UPDATE approvals SET request_expires_at = $2::timestamptz - interval '1 second' WHERE id = $1`, [rowId(b.id), clock()]);
    const lapsed = await decide(await as("director.lx"), b);
    expect(lapsed.data!.decideApproval.message).toMatch(/EXPIRED/);
    const ok = await decide(await as("director.lx"), a);
    expect(ok.data!.decideApproval.data!.status).toBe("APPROVED");
    const copied = await gql<{ copyArchive: { data: number } }>(
      app,
      `mutation($id: ID!) { copyArchive(approvalId: $id) { ... on MutationCopyArchiveSuccess { data } } }`,
      { id: a.id },
      assistant,
    );
    const [{ n: docs }] = await q(`SELECT count(*)::int AS n FROM attachments WHERE customer_id = $1 AND copy_of_id IS NULL`, [
      customer.id,
    ]);
    expect(copied.data!.copyArchive.data).toBe(docs);
    const [{ n: copies }] = await q(`SELECT count(*)::int AS n FROM attachments WHERE customer_id = $1 AND copy_of_id IS NOT NULL`, [
      customer.id,
    ]);
    expect(copies).toBe(docs);
    const [log] = await q(`SELECT action, approval_id IS NOT NULL AS approved FROM access_logs WHERE record_id = $1 AND action = 'COPY'`, [
      customer.id,
    ]);
    expect(log).toEqual({ action: "COPY", approved: true });
  });

  it("SEC-4: a government inquiry is registered with the officer's credentials before disclosure, and the disclosure is logged", async () => {
    const director = await as("director.lx");
    const inquiry = await gql<{ registerGovernmentInquiry: { data: { id: string } } }>(
      app,
      `mutation {
      registerGovernmentInquiry(input: { officerName: "王警官", agency: "浦东公安分局", credentialType: "警官证", credentialNumber: "沪公001234", purpose: "案件调查" }) { ... on MutationRegisterGovernmentInquirySuccess { data { id } } } }`,
      undefined,
      director,
    );
    const id = inquiry.data!.registerGovernmentInquiry.data.id;
    const r = await gql<{ discloseArchiveToInquiry: { data: { field: string; value: string }[] } }>(
      app,
      `mutation($i: ID!, $c: ID!) {
      discloseArchiveToInquiry(inquiryId: $i, customerId: $c, fields: ["phone", "idNumber"]) { ... on MutationDiscloseArchiveToInquirySuccess { data { field value } } } }`,
      { i: id, c: globalId("Customer", customer.id) },
      director,
    );
    expect(r.data!.discloseArchiveToInquiry.data[0]).toEqual({ field: "phone", value: "13900001111" });
    const [log] = await q(
      `SELECT action, fields, purpose, government_inquiry_id IS NOT NULL AS inquiry FROM access_logs WHERE record_id = $1 AND action = 'DISCLOSE'`,
      [customer.id],
    );
    expect(log).toEqual({ action: "DISCLOSE", fields: ["idNumber", "phone"], purpose: "案件调查", inquiry: true });
    const clerk = await gql(
      app,
      `mutation { registerGovernmentInquiry(input: { officerName: "x", agency: "x", credentialNumber: "x", purpose: "x" }) { __typename } }`,
      undefined,
      await as("frontdesk.lx"),
    );
    expect(clerk.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("SEC-5: an expired classification is declassified (to SECRET, customer data's floor) and recorded", async () => {
    const [c] = await q(
      `UPDATE customers SET classification = 'CONFIDENTIAL', classified_until = $1::timestamptz - interval '1 day' WHERE id = (SELECT id FROM customers WHERE classification = 'SECRET' ORDER BY id DESC LIMIT 1) RETURNING id`,
      [clock()],
    );
    const pending = await q(`SELECT count(*)::int AS n FROM customers WHERE classified_until <= $1`, [clock()]);
    const n = await declassifyExpired(t.prisma, clock());
    expect(n).toBeGreaterThanOrEqual(pending[0].n);
    const [row] = await q(`SELECT classification, classified_until FROM customers WHERE id = $1`, [c.id]);
    expect(row).toEqual({ classification: "SECRET", classified_until: null });
    const [change] = await q(`SELECT kind, from_level, to_level, actor_id FROM classification_changes WHERE record_id = $1`, [c.id]);
    expect(change).toEqual({ kind: "DECLASSIFY_EXPIRED", from_level: "CONFIDENTIAL", to_level: "SECRET", actor_id: null });
    expect(await declassifyExpired(t.prisma, clock())).toBe(0);
  });

  it("SEC-8: the archive check lists every missing document of the owners in scope", async () => {
    const r = await gql<{ runArchiveCheck: { data: { status: string; recordsChecked: number; missing: { totalCount: number } } } }>(
      app,
      `mutation {
      runArchiveCheck { ... on MutationRunArchiveCheckSuccess { data { status recordsChecked missing(first: 5) { totalCount edges { node { documentType customer { name } } } } } } } }`,
      undefined,
      await as("director.lx"),
    );
    const data = r.data!.runArchiveCheck.data;
    const [expected] = await q(`
      WITH owners AS (SELECT DISTINCT m.customer_id FROM household_members m JOIN households h ON h.id = m.household_id JOIN estates e ON e.id = h.estate_id WHERE e.code = 'LX' AND m.kind = 'OWNER')
      SELECT (SELECT count(*)::int FROM owners) AS owners,
             (SELECT count(*)::int FROM owners o CROSS JOIN unnest(ARRAY['ID_COPY','PURCHASE_CONTRACT','MOVE_IN_FORM']) d(t)
               WHERE NOT EXISTS (SELECT 1 FROM attachments a WHERE a.customer_id = o.customer_id AND a.document_type = d.t AND a.copy_of_id IS NULL)) AS missing`);
    expect(data.recordsChecked).toBe(expected.owners);
    expect(data.missing.totalCount).toBe(expected.missing);
    expect(expected.missing).toBeGreaterThan(0);
    expect(data.status).toBe("INCOMPLETE");
  });
});
