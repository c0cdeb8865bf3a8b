import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useBrowser } from "./harness.ts";

/**
 * Issue 17 item 2 in the browser: the role permission matrix (/admin/roles) — edited and saved
 * per role at a desk, a refused change marked on its cell, one role at a time on a phone — and the
 * auditor's change log (/admin/changes) with each field before → after. Chinese and English,
 * 1440 and 390 px.
 */
describe("browser: role permissions and the change log (issue 17)", () => {
  const b = useBrowser();
  const q = (sql: string, params: unknown[] = []) => b.db.db.pool.query(sql, params).then((r) => r.rows);
  const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  const SAVED = { timeout: 10_000 };

  it("the executive moves reports:read to the front desk at a desk; a write without its read is refused on its cell", async () => {
    const page = await b.signedIn("exec");
    await page.goto(`${b.baseUrl}/admin/roles`);
    await page.waitForSelector('[data-testid="role-matrix"]');
    expect(await page.title()).toBe("角色权限 · 听见");
    // Fixed cells: the analyst never reads personal data; the auditor keeps audit:read.
    expect(await page.isDisabled('[data-testid="cell-ANALYST-PERSONAL_DATA_READ"]')).toBe(true);
    expect(await page.isDisabled('[data-testid="cell-AUDITOR-AUDIT_READ"]')).toBe(true);
    expect(await page.isChecked('[data-testid="cell-AUDITOR-AUDIT_READ"]')).toBe(true);

    await page.check('[data-testid="cell-FRONT_DESK-REPORTS_READ"]');
    await page.click('[data-testid="save-FRONT_DESK"]');
    await expect
      .poll(() => q(`SELECT permissions FROM role_permission_sets WHERE role = 'FRONT_DESK'`).then((r) => r[0]?.permissions ?? []), SAVED)
      .toContain("reports:read");
    await page.waitForSelector('[data-testid="reset-FRONT_DESK"]');
    await b.screenshot(page, "admin-roles-1440");

    // Handling complaints without reading them: refused, marked on the read cell, nothing saved.
    await page.uncheck('[data-testid="cell-SERVICE_REP-COMPLAINTS_READ"]');
    await page.click('[data-testid="save-SERVICE_REP"]');
    await page.waitForSelector('[data-testid="violations-SERVICE_REP"]');
    expect(await page.locator("td.violation").count()).toBe(1);
    expect(await page.textContent('[data-testid="violations-SERVICE_REP"]')).toContain("查看投诉");
    expect(await q(`SELECT 1 FROM role_permission_sets WHERE role = 'SERVICE_REP'`)).toEqual([]);
    await b.screenshot(page, "admin-roles-refused-1440");
    expect(await noSidewaysScroll(page)).toBe(true);
  });

  it("on a phone, one role at a time as switches, in English; reset to the defaults", async () => {
    const page = await b.signedIn("exec", { locale: "en" });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${b.baseUrl}/admin/roles`);
    await page.waitForSelector('[data-testid="role-switches"]');
    expect(await page.title()).toBe("Role permissions · 听见");
    expect(await page.locator('[data-testid="role-matrix"]').count()).toBe(0);
    await page.selectOption('[data-testid="pick-role"]', "FRONT_DESK");
    expect(await page.isChecked('[data-testid="switch-REPORTS_READ"]')).toBe(true);
    const box = await page.locator('[data-testid="switch-REPORTS_READ"]').boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(24);
    expect(await noSidewaysScroll(page)).toBe(true);
    await b.screenshot(page, "admin-roles-en-390");
    await page.click('[data-testid="reset-role"]');
    await expect.poll(() => q(`SELECT 1 FROM role_permission_sets WHERE role = 'FRONT_DESK'`), SAVED).toEqual([]);
    await expect.poll(() => page.isChecked('[data-testid="switch-REPORTS_READ"]'), SAVED).toBe(false);
  });

  it("the auditor reads the matrix without changing it, and the change log with before → after", async () => {
    const page = await b.signedIn("auditor");
    await page.goto(`${b.baseUrl}/admin/roles`);
    await page.waitForSelector('[data-testid="role-matrix"]');
    expect(await page.locator('[data-testid^="save-"]').count()).toBe(0);
    expect(await page.isDisabled('[data-testid="cell-FRONT_DESK-COMPLAINTS_READ"]')).toBe(true);

    await page.goto(`${b.baseUrl}/admin/changes`);
    await page.waitForSelector('[data-testid="admin-change"]');
    expect(await page.title()).toBe("管理变更记录 · 听见");
    await page.selectOption('[data-testid="filter-entity"]', "ROLE");
    await page.selectOption('[data-testid="filter-role"]', "FRONT_DESK");
    await expect.poll(() => page.locator('[data-testid="admin-change"]').count(), SAVED).toBe(2);
    const text = await page.textContent('[data-testid="admin-changes"]');
    expect(text).toContain("查看报表");
    expect(text).toContain("前台");
    expect(text).not.toMatch(/reports:read|\d{4}-\d{2}-\d{2}T/);
    await b.screenshot(page, "admin-changes-1440");
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await noSidewaysScroll(page)).toBe(true);
    await b.screenshot(page, "admin-changes-390");
  });
});
