import { describe, expect, it } from "vitest";
import { globalId } from "../api/graphql.ts";
import { useBrowser } from "./harness.ts";

/**
 * Household visits (SPEC §7, VIS-1, VIS-2) in the browser: recording a visit from the grid of the
 * month's plan, and correcting a stored one with a reason (SEC-6).
 */
describe("browser: household visits (VIS-1, VIS-2)", () => {
  const b = useBrowser();
  const q = (sql: string, params: unknown[] = []) => b.db.db.pool.query(sql, params).then((r) => r.rows);
  const CONTENT = "走访了解电梯噪音问题（浏览器测试）";
  const SAVED = { timeout: 10_000 };

  it("VIS-1: a property assistant records a visit in the month's plan; a refused time goes back on its cell; the coverage counts it", async () => {
    const page = await b.signedIn("assistant.lx");
    await page.goto(`${b.baseUrl}/visits`);
    // A month without a plan yet (the demo data ends on 2026-11-20): the assistant plans it first.
    await page.waitForSelector('[data-testid="plan"], [data-testid="create-plan"]');
    if (await page.locator('[data-testid="create-plan"]').count()) await page.click('[data-testid="create-plan"]');
    await page.waitForSelector('[data-testid="plan-summary"]');
    await page.waitForSelector('[data-testid="visit-grid"] .ag-header-cell');
    const planId = await page.locator('[data-testid="plan"]').inputValue();
    const plan = (
      await q(
        `SELECT p.id, e.code FROM visit_plans p JOIN estates e ON e.id = p.estate_id WHERE p.status = 'ACTIVE' AND e.code = 'LX' ORDER BY p.month DESC LIMIT 1`,
      )
    )[0];
    expect(Buffer.from(planId, "base64").toString()).toBe(`VisitPlan:${plan.id}`);
    const coverage = async () => Number((await page.textContent('[data-testid="coverage-numerator"]'))!.replace(/\D/g, ""));
    const before = await coverage();
    // A resident household not visited this month yet.
    const [household] = await q(
      `SELECT h.code FROM households h JOIN estates e ON e.id = h.estate_id WHERE e.code = 'LX' AND h.occupied
      AND NOT EXISTS (SELECT 1 FROM visit_records r WHERE r.household_id = h.id AND r.plan_id = $1) ORDER BY h.code LIMIT 1`,
      [plan.id],
    );

    await page.click('[data-testid="add-visit"]');
    const row = ".ag-row.row-new";
    const cell = (col: string) => `${row} [col-id="${col}"]`;
    await page.waitForSelector(`${cell("householdCode")} input`);
    await page.fill(`${cell("householdCode")} input`, household.code);
    await page.fill(`${cell("content")} input`, CONTENT);
    await page.fill(`${cell("feedback")} input`, "希望晚上十点后停止装修");
    await page.selectOption(`${cell("satisfied")} select`, { label: "是" });
    await page.selectOption(`${cell("resolved")} select`, { label: "否" });
    await page.selectOption(`${cell("signed")} select`, { label: "是" });
    // A visit in the future is refused by the server on the time's cell, which goes back to the time it had.
    const typedTime = await page.inputValue(`${cell("visitedAt")} input`);
    await page.fill(`${cell("visitedAt")} input`, "2099-01-01 10:00");
    await page.press(`${cell("visitedAt")} input`, "Enter");
    await page.waitForSelector(`${cell("visitedAt")}.cell-error`);
    expect(await page.textContent(cell("visitedAt"))).toBe(typedTime);
    expect(await page.textContent('[data-testid="cell-error"]')).toContain("2099-01-01 10:00");
    expect(await page.textContent(cell("householdCode"))).toBe(household.code);
    expect(await q(`SELECT count(*)::int AS n FROM visit_records WHERE content = $1`, [CONTENT])).toEqual([{ n: 0 }]);
    await b.screenshot(page, "visits-refused");

    // Saved again as it now stands: stored with the caller as the visitor; the month's coverage counts the household.
    await page.click(`${cell("state")} [data-testid="save-draft"]`);
    // The save is a round trip on a shared machine: more than expect.poll's default second.
    await expect.poll(() => page.locator(row).count(), SAVED).toBe(0);
    const [stored] = await q(
      `SELECT h.code, s.login, r.resolved, r.satisfied, r.signed FROM visit_records r JOIN households h ON h.id = r.household_id JOIN staff s ON s.id = r.visitor_id WHERE r.content = $1`,
      [CONTENT],
    );
    expect(stored).toEqual({ code: household.code, login: "assistant.lx", resolved: false, satisfied: true, signed: true });
    await expect.poll(coverage, SAVED).toBe(before + 1);
    await b.screenshot(page, "visits-saved");

    await page.reload();
    await page.waitForSelector(`.ag-row [col-id="content"]:text("${CONTENT}")`);
  });

  it("SEC-6: the visitor corrects a stored visit's cell with a reason; it is stored with its revision and stays after a reload; a stale version asks which value to keep", async () => {
    const FIXED = "走访了解电梯噪音问题（已更正）";
    const page = await b.signedIn("assistant.lx");
    await page.goto(`${b.baseUrl}/visits`);
    await page.waitForSelector(`.ag-row [col-id="content"]:text("${CONTENT}")`);
    const [visit] = await q(`SELECT id, version FROM visit_records WHERE content = $1`, [CONTENT]);
    const rowIndex = await page.locator(`.ag-row:has([col-id="content"]:text("${CONTENT}"))`).getAttribute("row-index");
    const cell = (col: string) => `.ag-row[row-index="${rowIndex}"] [col-id="${col}"]`;
    const edit = async (col: string, value: string) => {
      await page.dblclick(cell(col));
      await page.fill(`${cell(col)} input`, value);
      await page.press(`${cell(col)} input`, "Enter");
    };
    const settled = () => page.waitForSelector('[data-testid="cell-saving"]', { state: "detached" });
    const stored = async () => (await q(`SELECT content, feedback, version FROM visit_records WHERE id = $1`, [visit.id]))[0];

    // Cancelling the reason puts the cell back and writes nothing.
    await edit("content", FIXED);
    await page.waitForSelector('[data-testid="reason-dialog"][open]');
    expect(await page.textContent('[data-testid="reason-from"]')).toBe(CONTENT);
    expect(await page.textContent('[data-testid="reason-to"]')).toBe(FIXED);
    await page.click('[data-testid="reason-cancel"]');
    await page.waitForSelector('[data-testid="reason-dialog"]:not([open])', { state: "attached" });
    await expect.poll(() => page.textContent(cell("content")), SAVED).toBe(CONTENT);
    expect(await stored()).toMatchObject({ content: CONTENT, version: visit.version });

    await edit("content", FIXED);
    await page.waitForSelector('[data-testid="reason-dialog"][open]');
    await page.fill('[data-testid="reason-dialog"] textarea', "录入时错别字");
    await b.screenshot(page, "visits-amend-reason");
    await page.click('[data-testid="reason-save"]');
    await expect.poll(stored, SAVED).toMatchObject({ content: FIXED, version: visit.version + 1 });
    await settled();
    expect(await page.textContent(cell("content"))).toBe(FIXED);
    expect(
      await q(
        `SELECT r.reason, r.fields, r.before, r.after, s.login FROM record_revisions r JOIN staff s ON s.id = r.changed_by_id WHERE r.record_id = $1`,
        [visit.id],
      ),
    ).toEqual([
      { reason: "录入时错别字", fields: ["content"], before: { content: CONTENT }, after: { content: FIXED }, login: "assistant.lx" },
    ]);

    // A refused value goes back on its cell with the server's reason; nothing is written.
    await edit("visitedAt", "2099-01-01 10:00");
    await page.waitForSelector('[data-testid="reason-dialog"][open]');
    await page.fill('[data-testid="reason-dialog"] textarea', "时间填错");
    await page.click('[data-testid="reason-save"]');
    await page.waitForSelector(`${cell("visitedAt")}.cell-error`);
    expect(await page.textContent('[data-testid="cell-error"]')).toContain("2099-01-01 10:00");
    expect(await page.textContent(cell("visitedAt"))).not.toContain("2099");
    expect(await stored()).toMatchObject({ version: visit.version + 1 });
    await page.click('[data-testid="cell-error"] button');

    // Someone else changed the visit meanwhile: the conflict dialog; keeping mine saves it on the new version with the reason given.
    await q(`UPDATE visit_records SET feedback = '他人改的意见', version = version + 1 WHERE id = $1`, [visit.id]);
    await edit("feedback", "希望晚上九点后停止装修");
    await page.waitForSelector('[data-testid="reason-dialog"][open]');
    await page.fill('[data-testid="reason-dialog"] textarea', "住户更正时间");
    await page.click('[data-testid="reason-save"]');
    await page.waitForSelector('[data-testid="conflict-dialog"][open]');
    expect(await page.textContent('[data-testid="conflict-theirs"]')).toContain("他人改的意见");
    expect(await page.textContent('[data-testid="conflict-mine"]')).toContain("希望晚上九点后停止装修");
    await b.screenshot(page, "visits-amend-conflict");
    await page.click('[data-testid="conflict-mine-button"]');
    await expect.poll(stored, SAVED).toEqual({ content: FIXED, feedback: "希望晚上九点后停止装修", version: visit.version + 3 });
    expect(await page.locator('[data-testid="reason-dialog"][open]').count()).toBe(0);
    expect(await q(`SELECT reason, before FROM record_revisions WHERE record_id = $1 AND 'feedback' = ANY(fields)`, [visit.id])).toEqual([
      { reason: "住户更正时间", before: { feedback: "他人改的意见" } },
    ]);

    await page.reload();
    await page.waitForSelector(`.ag-row [col-id="content"]:text("${FIXED}")`);
    expect(await page.locator(`.ag-row [col-id="feedback"]:text("希望晚上九点后停止装修")`).count()).toBe(1);
    await b.screenshot(page, "visits-amended");
  });

  it("SEC-6: another assistant of the estate, who did not record the visit, cannot open its cells for editing", async () => {
    const page = await b.signedIn("assistant2.lx");
    await page.goto(`${b.baseUrl}/visits`);
    const FIXED = "走访了解电梯噪音问题（已更正）";
    await page.waitForSelector(`.ag-row [col-id="content"]:text("${FIXED}")`);
    const rowIndex = await page.locator(`.ag-row:has([col-id="content"]:text("${FIXED}"))`).getAttribute("row-index");
    await page.dblclick(`.ag-row[row-index="${rowIndex}"] [col-id="content"]`);
    await page.waitForTimeout(300);
    expect(await page.locator(`.ag-row[row-index="${rowIndex}"] [col-id="content"] input`).count()).toBe(0);
  });

  it("SEC-2, SEC-7: the analyst reads the plan's figures, not what was said, and records nothing (in English)", async () => {
    const page = await b.signedIn("analyst", { locale: "en" });
    const [plan] = await q(
      `SELECT p.id FROM visit_plans p JOIN estates e ON e.id = p.estate_id WHERE e.code = 'LX' ORDER BY p.month DESC LIMIT 1`,
    );
    await page.goto(`${b.baseUrl}/visits?plan=${encodeURIComponent(globalId("VisitPlan", plan.id))}`);
    await page.waitForSelector('[data-testid="plan-summary"]');
    await page.waitForSelector('[data-testid="visit-grid"] .ag-row');
    expect(await page.locator('[data-testid="add-visit"]').count()).toBe(0);
    expect(await page.textContent('[data-testid="visit-help"]')).toContain("Read only");
    expect(await page.content()).not.toContain(CONTENT);
    await b.screenshot(page, "visits-analyst");
  });
});
