import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { gql, globalId, rowId, signIn, type Caller } from "../api/graphql.ts";
import { useBrowser, type BrowserHarness } from "./harness.ts";

/**
 * The callback ledger (SPEC §7) in the browser: recording a planned callback from the grid
 * (CB-5, CB-6), a refusal on its cell, a stale version, the supervisor's signature (CB-10), and
 * who is shown as called back: the callback's stored customer as the server gives it (SEC-7), an
 * anonymous complaint's as anonymous (CB-8), and nothing to a role that may not read customers (§2).
 */
const NAME = "孙晓明";
const PHONE = "13912345678";
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

/**
 * A complaint of 丽轩花园 taken to CONFIRMED now, which plans its callback for assistant.lx (CB-1, CB-2).
 * `archived`: the complainant is also the household's archive entry (complainantId), which the callback stores as its customer.
 */
async function confirmedComplaint(
  b: BrowserHarness,
  archived = false,
): Promise<{ id: string; no: string; callback: { id: string; no: string }; customer: { name: string; phone: string | null } | null }> {
  const q = (sql: string) => b.db.db.pool.query(sql).then((r) => r.rows);
  const [household] = await q(
    `SELECT h.id FROM households h JOIN estates e ON e.id = h.estate_id WHERE e.code = 'LX' AND h.occupied ORDER BY h.code LIMIT 1`,
  );
  const [category] = await q(`SELECT id FROM categories WHERE level = 2 ORDER BY code LIMIT 1`);
  const [eng] = await q(`SELECT id FROM departments WHERE code = 'ENG'`);
  const callers: Record<string, Caller> = {};
  const as = async (login: string) => (callers[login] ??= await signIn(b.app, login));
  let c = { id: "", version: 0, no: "" };
  const step = async (name: string, input: Record<string, unknown>, login: string) => {
    const type = `${name[0]!.toUpperCase()}${name.slice(1)}`;
    const r = await gql<Record<string, { __typename: string; data?: typeof c }>>(
      b.app,
      `mutation($input: ${type}Input!) { ${name}(input: $input) { __typename ... on Error { message } ... on Mutation${type}Success { data { id version no } } } }`,
      { input: c.id ? { id: c.id, version: c.version, ...input } : input },
      await as(login),
    );
    const payload = r.data?.[name];
    if (!payload?.data) throw new Error(`${name}: ${JSON.stringify(r)}`);
    c = payload.data;
  };
  const [member] = archived
    ? await q(
        `SELECT cu.id, cu.name, cu.phone FROM household_members m JOIN customers cu ON cu.id = m.customer_id WHERE m.household_id = '${household.id}' ORDER BY m.is_primary DESC, cu.id LIMIT 1`,
      )
    : [];
  await step(
    "registerComplaint",
    {
      channel: "PHONE",
      householdId: globalId("Household", household.id),
      complainantName: NAME,
      complainantContact: PHONE,
      content: "楼道灯不亮，回访测试",
      ...(member ? { complainantId: globalId("Customer", member.id) } : {}),
    },
    "service1",
  );
  await step(
    "classifyComplaint",
    { valid: true, kind: "SERVICE", severity: "GENERAL", categoryId: globalId("Category", category.id) },
    "service1",
  );
  await step("assignComplaint", { leadDepartmentId: globalId("Department", eng.id) }, "service1");
  await step(
    "recordComplaintPlan",
    {
      causeAnalysis: "灯具老化",
      responsibility: "COMPANY",
      plan: "更换灯具",
      promisedAt: new Date(b.clock().getTime() + 86_400_000).toISOString(),
    },
    "eng.head",
  );
  await step("startComplaintWork", {}, "eng.head");
  await step("resolveComplaint", { note: "已更换", disruptiveRepair: false }, "eng.head");
  await step("confirmComplaintResolution", { method: "IN_PERSON", satisfied: true }, "service1");
  const [cb] = await q(
    `SELECT c.id, c.no FROM callbacks c JOIN complaints p ON p.id = c.complaint_id WHERE p.no = '${c.no}' AND c.status = 'PLANNED'`,
  );
  return {
    id: c.id,
    no: c.no,
    callback: { id: globalId("Callback", cb.id), no: cb.no },
    customer: member ? { name: member.name, phone: member.phone } : null,
  };
}

describe("browser: the callback ledger (CB-1…CB-10, SEC-7)", () => {
  const b = useBrowser();
  let complaint: Awaited<ReturnType<typeof confirmedComplaint>>;
  let inPerson: Awaited<ReturnType<typeof confirmedComplaint>>;
  let anonymous: Awaited<ReturnType<typeof confirmedComplaint>>;
  /** The personal data of the anonymous complaint's household: none of it may reach the grid. */
  let household: { name: string; phone: string | null }[];
  const row = (c = complaint) => `.ag-row[row-id="${c.callback.id}"]`;
  const cell = (col: string, c = complaint) => `${row(c)} [col-id="${col}"]`;
  const stored = async () =>
    (
      await b.db.db.pool.query(
        `SELECT c.status::text, c.version, c.method::text, c.reached, c.satisfied, s.login AS staff FROM callbacks c LEFT JOIN staff s ON s.id = c.staff_id WHERE c.no = $1 AND c.sequence = 1 ORDER BY c.created_at LIMIT 1`,
        [complaint.callback.no],
      )
    ).rows[0];

  /** Full-row editing: double-click a result cell, choose in the row's selects, Enter commits. */
  async function recordInGrid(page: Page, choices: Record<string, string>) {
    await page.dblclick(cell("method"));
    for (const [col, label] of Object.entries(choices)) await page.selectOption(`${cell(col)} select`, { label });
    await page.focus(`${cell("method")} select`);
    await page.keyboard.press("Enter");
  }

  beforeAll(async () => {
    complaint = await confirmedComplaint(b);
    inPerson = await confirmedComplaint(b, true);
    // CB-8: an anonymous complaint is exempt, yet a callback of one may exist (planned before the
    // complainant asked for anonymity, or imported): it has no stored person, its household has.
    anonymous = await confirmedComplaint(b);
    const q = (sql: string, params: unknown[]) => b.db.db.pool.query(sql, params).then((r) => r.rows);
    const id = rowId(anonymous.id);
    await q(
      `UPDATE complaints SET anonymous = true, complainant_id = NULL, complainant_name = NULL, complainant_contact = NULL WHERE id = $1`,
      [id],
    );
    await q(`UPDATE callbacks SET customer_id = NULL WHERE complaint_id = $1`, [id]);
    household = await q(
      `SELECT cu.name, cu.phone FROM household_members m JOIN customers cu ON cu.id = m.customer_id
      WHERE m.household_id = (SELECT household_id FROM complaints WHERE id = $1)`,
      [id],
    );
    expect(household.length).toBeGreaterThan(0);
  }, 240_000);

  it("CB-5, CB-6: a refusal marks its cell and reverts it, a stale version asks, and the record made from the grid is kept after a reload", async () => {
    const page = await b.signedIn("assistant.lx");
    await page.goto(`${b.baseUrl}/callbacks?view=due&q=${complaint.callback.no}`);
    await page.waitForSelector(row());
    // CB-5: no archive entry, so no stored customer: the complainant as recorded on the complaint.
    expect(await page.textContent(cell("customerName"))).toBe(NAME);
    expect(await page.textContent(cell("customerPhone"))).toBe(PHONE);
    const before = await stored();
    expect(before).toMatchObject({ status: "PLANNED", reached: null });

    // Not reached, yet satisfied: refused on the "reached" cell, which goes back to empty; nothing is stored.
    await recordInGrid(page, { method: "电话", reached: "未联系上", satisfied: "满意" });
    await page.waitForSelector(`${cell("reached")}.cell-error`);
    expect((await page.textContent(cell("reached")))!.trim()).toBe("");
    expect(await page.textContent('[data-testid="cell-error"]')).toContain("未联系上");
    expect(await page.textContent(cell("satisfied"))).toBe("满意");
    await b.screenshot(page, "callbacks-refused");
    expect(await stored()).toEqual(before);

    // Someone else touched the callback meanwhile: the dialog shows both sides; keep mine saves on the new version.
    await b.db.db.pool.query(`UPDATE callbacks SET version = version + 1 WHERE no = $1 AND status = 'PLANNED'`, [complaint.callback.no]);
    await page.dblclick(cell("reached"));
    await page.selectOption(`${cell("reached")} select`, { label: "已联系上" });
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-testid="conflict-dialog"][open]');
    expect(await page.textContent('[data-testid="conflict-mine"]')).toContain("已联系上");
    await b.screenshot(page, "callbacks-conflict");
    await page.click('[data-testid="conflict-mine-button"]');
    await expect.poll(() => page.textContent(cell("status"))).toBe("已回访");
    expect(await stored()).toMatchObject({
      status: "DONE",
      method: "PHONE",
      reached: true,
      satisfied: true,
      staff: "assistant.lx",
      version: before.version + 2,
    });
    // CB-6: the satisfied customer verifies the complaint.
    expect((await b.db.db.pool.query(`SELECT status::text FROM complaints WHERE no = $1`, [complaint.no])).rows[0].status).toBe("VERIFIED");

    await page.goto(`${b.baseUrl}/callbacks?view=done&q=${complaint.callback.no}`);
    await page.waitForSelector(row());
    expect(await page.textContent(cell("status"))).toBe("已回访");
    expect(await page.textContent(cell("method"))).toBe("电话");
    await b.screenshot(page, "callbacks-done");
  });

  it("CB-5: an in-person callback carries the customer's signature, picked in the grid", async () => {
    const page = await b.signedIn("assistant.lx");
    await page.goto(`${b.baseUrl}/callbacks?view=due&q=${inPerson.callback.no}`);
    await page.waitForSelector(row(inPerson));
    // CB-5: the callback's stored customer (the archive entry), not the name the caller gave.
    expect(await page.textContent(cell("customerName", inPerson))).toBe(inPerson.customer!.name);
    await page.dblclick(cell("method", inPerson));
    await page.selectOption(`${cell("method", inPerson)} select`, { label: "上门" });
    await page.selectOption(`${cell("reached", inPerson)} select`, { label: "已联系上" });
    await page.selectOption(`${cell("satisfied", inPerson)} select`, { label: "满意" });
    await page.setInputFiles(`${cell("signature", inPerson)} input[type="file"]`, { name: "签名.png", mimeType: "image/png", buffer: PNG });
    await expect.poll(() => page.textContent(`${cell("signature", inPerson)} span`)).toBe("签名.png");
    await page.focus(`${cell("method", inPerson)} select`);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.textContent(cell("status", inPerson))).toBe("已回访");
    expect(await page.textContent(cell("signature", inPerson))).toContain("✓");
    const [r] = (
      await b.db.db.pool.query(
        `SELECT c.method::text, c.signed, count(a.id)::int AS signatures FROM callbacks c LEFT JOIN attachments a ON a.callback_id = c.id AND a.kind = 'SIGNATURE'
      WHERE c.no = $1 AND c.status = 'DONE' GROUP BY c.id`,
        [inPerson.callback.no],
      )
    ).rows;
    expect(r).toEqual({ method: "IN_PERSON", signed: true, signatures: 1 });
    await b.screenshot(page, "callbacks-signed");
  });

  it("CB-10: the office director signs the callback record from the grid", async () => {
    const page = await b.signedIn("director.lx");
    await page.goto(`${b.baseUrl}/callbacks?view=done&q=${complaint.callback.no}`);
    await page.click(`${cell("reviewedBy")} [data-testid="review-callback"]`);
    await expect.poll(() => page.textContent(cell("reviewedBy"))).not.toBe("审核签字");
    const [r] = (
      await b.db.db.pool.query(
        `SELECT s.login, c.review_signed FROM callbacks c JOIN staff s ON s.id = c.reviewed_by_id WHERE c.no = $1 AND c.status = 'DONE'`,
        [complaint.callback.no],
      )
    ).rows;
    expect(r).toEqual({ login: "director.lx", review_signed: true });
  });

  it("CB-8, SEC-1: an anonymous complaint's callback says anonymous and shows no person (not the household's, not the complainant's)", async () => {
    const page = await b.signedIn("assistant.lx");
    await page.goto(`${b.baseUrl}/callbacks?view=due&q=${anonymous.callback.no}`);
    await page.waitForSelector(row(anonymous));
    expect(await page.textContent(cell("customerName", anonymous))).toBe("匿名");
    expect(await page.textContent(cell("customerPhone", anonymous))).toBe("匿名");
    // The row's every part (pinned and scrolling containers).
    const text = await page.$$eval(row(anonymous), (parts) => parts.map((p) => p.textContent).join(" "));
    for (const person of household) {
      expect(text).not.toContain(person.name);
      if (person.phone) expect(text).not.toContain(person.phone);
    }
    expect(text).not.toContain(NAME);
    expect(text).not.toContain(PHONE);
    await b.screenshot(page, "callbacks-anonymous");
    // The marker is what is shown, so it is what a search finds (and only that).
    await page.goto(`${b.baseUrl}/callbacks?view=due&q=${encodeURIComponent("匿名")}`);
    await page.waitForSelector(row(anonymous));
    expect(await page.$$eval('.ag-row [col-id="customerName"]', (cells) => cells.map((c) => c.textContent))).toEqual(["匿名"]);
  });

  it("§2: a role that may not read customers (the auditor) does not ask for them; the customer columns say they are not available to the role", async () => {
    const page = await b.signedIn("auditor");
    const asked: { query: string; variables: { withCustomer?: boolean } }[] = [];
    page.on("request", (r) => {
      if (!new URL(r.url()).pathname.endsWith("/graphql")) return;
      const url = new URL(r.url());
      const body = r.postData()
        ? JSON.parse(r.postData()!)
        : { query: url.searchParams.get("query"), variables: JSON.parse(url.searchParams.get("variables") ?? "{}") };
      if (String(body.query).includes("CallbackLedger")) asked.push(body);
    });
    const answers: string[] = [];
    page.on("response", (r) => {
      if (new URL(r.url()).pathname.endsWith("/graphql"))
        void r.text().then(
          (t) => answers.push(t),
          () => {},
        );
    });
    await page.goto(`${b.baseUrl}/callbacks?view=done&q=${inPerson.callback.no}`);
    await page.waitForSelector(row(inPerson));
    expect(await page.textContent(cell("customerName", inPerson))).toBe("无权查看");
    expect(await page.textContent(cell("customerPhone", inPerson))).toBe("无权查看");
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((body) => body.variables.withCustomer === false)).toBe(true);
    // Not asked, so not refused: no FORBIDDEN for the customer field.
    expect(answers.join("\n")).not.toContain("CUSTOMERS_READ");
    expect(await page.content()).not.toContain(NAME);
  });

  it("SEC-7: the analyst sees the customer masked, cannot edit, and sees the month's statistics with CB-5's phone share", async () => {
    const page = await b.signedIn("analyst");
    await page.goto(`${b.baseUrl}/callbacks?view=done&q=${complaint.callback.no}`);
    await page.waitForSelector(row());
    await page.waitForSelector('[data-testid="stat-phone"]');
    expect(await page.textContent(cell("customerName"))).toContain("*");
    expect(await page.textContent(cell("customerPhone"))).toContain("*");
    const html = await page.content();
    expect(html).not.toContain(PHONE);
    expect(html).not.toContain(NAME);
    expect(await page.textContent('[data-testid="callback-help"]')).toContain("只读");
    await b.screenshot(page, "callbacks-analyst");
    await page.dblclick(cell("method"));
    await page.keyboard.press("Enter");
    expect(await page.locator(`${row()} select, ${row()} input`).count()).toBe(0);

    // The export is what is on screen: the same row, the customer still masked (SEC-7).
    const [csv] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="export-csv"]')]);
    const text = readFileSync((await csv.path())!, "utf8");
    expect(csv.suggestedFilename()).toMatch(/^callbacks-done-\d{4}-\d{2}\.csv$/);
    expect(text.split("\r\n")[0]).toContain("回访编号");
    expect(text).toContain(complaint.callback.no);
    expect(text).not.toContain(PHONE);
    const [xlsx] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="export-xlsx"]')]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);

    // A callback with a stored customer: the customer exactly as the API gives it to the analyst (masked by the Customer type).
    await page.goto(`${b.baseUrl}/callbacks?view=done&q=${inPerson.callback.no}`);
    await page.waitForSelector(row(inPerson));
    const api = await gql<{ node: { customer: { name: string; phone: string | null } } }>(
      b.app,
      `query($id: ID!) { node(id: $id) { ... on Callback { customer { name phone } } } }`,
      { id: inPerson.callback.id },
      await signIn(b.app, "analyst"),
    );
    expect(api.data!.node.customer.name).toContain("*");
    expect(api.data!.node.customer.name).not.toBe(inPerson.customer!.name);
    expect(await page.textContent(cell("customerName", inPerson))).toBe(api.data!.node.customer.name);
    expect(await page.textContent(cell("customerPhone", inPerson))).toBe(api.data!.node.customer.phone ?? "");
    const shown = await page.content();
    expect(shown).not.toContain(inPerson.customer!.name);
    if (inPerson.customer!.phone) expect(shown).not.toContain(inPerson.customer!.phone);
  });
});
