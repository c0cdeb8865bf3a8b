import { describe, expect, it } from "vitest";
import { globalId } from "../api/graphql.ts";
import { useBrowser } from "./harness.ts";

/** Household visits (SPEC §7, VIS-1, VIS-2) in the browser: recording a visit from the grid of the month's plan. */
describe("browser: household visits (VIS-1, VIS-2)", () => {
  const b = useBrowser();
  const q = (sql: string, params: unknown[] = []) => b.db.db.pool.query(sql, params).then((r) => r.rows);
  const CONTENT = "走访了解电梯噪音问题（浏览器测试）";

  it("VIS-1: a property assistant records a visit in the month's plan; a refused time goes back on its cell; the coverage counts it", async () => {
    const page = await b.signedIn("assistant.lx");
    await page.goto(`${b.baseUrl}/visits`);
    // A month without a plan yet (the demo data ends on 2026-11-20): the assistant plans it first.
    await page.waitForSelector('[data-testid="plan"], [data-testid="create-plan"]');
    if (await page.locator('[data-testid="create-plan"]').count()) await page.click('[data-testid="create-plan"]');
    await page.waitForSelector('[data-testid="plan-summary"]');
    await page.waitForSelector('[data-testid="visit-grid"] .ag-header-cell');
    const planId = await page.locator('[data-testid="plan"]').inputValue();
    const plan = (await q(`SELECT p.id, e.code FROM visit_plans p JOIN estates e ON e.id = p.estate_id WHERE p.status = 'ACTIVE' AND e.code = 'LX' ORDER BY p.month DESC LIMIT 1`))[0];
    expect(Buffer.from(planId, "base64").toString()).toBe(`VisitPlan:${plan.id}`);
    const coverage = async () => Number((await page.textContent('[data-testid="coverage-numerator"]'))!.replace(/\D/g, ""));
    const before = await coverage();
    // A resident household not visited this month yet.
    const [household] = await q(`SELECT h.code FROM households h JOIN estates e ON e.id = h.estate_id WHERE e.code = 'LX' AND h.occupied
      AND NOT EXISTS (SELECT 1 FROM visit_records r WHERE r.household_id = h.id AND r.plan_id = $1) ORDER BY h.code LIMIT 1`, [plan.id]);

    await page.click('[data-testid="add-visit"]');
    const row = '.ag-row.row-new';
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
    await expect.poll(() => page.locator(row).count()).toBe(0);
    const [stored] = await q(`SELECT h.code, s.login, r.resolved, r.satisfied, r.signed FROM visit_records r JOIN households h ON h.id = r.household_id JOIN staff s ON s.id = r.visitor_id WHERE r.content = $1`, [CONTENT]);
    expect(stored).toEqual({ code: household.code, login: "assistant.lx", resolved: false, satisfied: true, signed: true });
    await expect.poll(coverage).toBe(before + 1);
    await b.screenshot(page, "visits-saved");

    await page.reload();
    await page.waitForSelector(`.ag-row [col-id="content"]:text("${CONTENT}")`);
  });

  it("SEC-2, SEC-7: the analyst reads the plan's figures, not what was said, and records nothing (in English)", async () => {
    const page = await b.signedIn("analyst", { locale: "en" });
    const [plan] = await q(`SELECT p.id FROM visit_plans p JOIN estates e ON e.id = p.estate_id WHERE e.code = 'LX' ORDER BY p.month DESC LIMIT 1`);
    await page.goto(`${b.baseUrl}/visits?plan=${encodeURIComponent(globalId("VisitPlan", plan.id))}`);
    await page.waitForSelector('[data-testid="plan-summary"]');
    await page.waitForSelector('[data-testid="visit-grid"] .ag-row');
    expect(await page.locator('[data-testid="add-visit"]').count()).toBe(0);
    expect(await page.textContent('[data-testid="visit-help"]')).toContain("Read only");
    expect(await page.content()).not.toContain(CONTENT);
    await b.screenshot(page, "visits-analyst");
  });
});
