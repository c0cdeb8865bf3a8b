import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { useBrowser } from "./harness.ts";

/** Issue 17 item 2: accounts on the administrator's pages; a temporary password changed at the first sign-in. */
describe("browser: staff accounts, the forced password change and a deactivation (issue 17)", () => {
  const b = useBrowser();
  const estateGlobalId = async (code: string) => {
    const { rows } = await b.db.db.pool.query<{ id: string }>(`SELECT id FROM estates WHERE code = $1`, [code]);
    return Buffer.from(`Estate:${rows[0]!.id}`).toString("base64");
  };
  const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it("the administrator creates a clerk of one estate; the clerk must change the temporary password; deactivated, the open session is refused", async () => {
    const admin = await b.signedIn("admin");
    admin.on("dialog", (d) => void d.accept());
    await admin.click('[data-testid="nav-/admin"]');
    await admin.waitForSelector('[data-testid="admin-hub"]');
    expect(await admin.title()).toBe("管理 · 听见");
    await admin.click('[data-testid="nav-/admin/staff"]');
    await admin.waitForSelector('[data-testid="staff-list"]');
    expect(await admin.title()).toBe("员工账号 · 听见");
    await admin.click('[data-testid="staff-new"]');
    await admin.fill('[data-testid="staff-login"]', "clerk.jh");
    await admin.fill('[data-testid="staff-name"]', "金湖新前台");
    await admin.selectOption('[data-testid="staff-role"]', "FRONT_DESK");
    await admin.check(`[data-testid="staff-estates"] input[value="${await estateGlobalId("JH")}"]`);
    await admin.click('[data-testid="staff-save"]');
    const temporary = (await admin.locator('[data-testid="temporary-password"] code').textContent({ timeout: 15_000 }))!.trim();
    expect(temporary).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    await b.screenshot(admin, "admin-staff-1440");

    // The clerk signs in with it and meets only the change-password screen.
    const clerk = await b.newPage();
    await clerk.goto(b.baseUrl);
    await clerk.fill('[data-testid="sign-in"] input[name="login"]', "clerk.jh");
    await clerk.fill('[data-testid="sign-in"] input[name="password"]', temporary);
    await clerk.click('[data-testid="sign-in"] button[type="submit"]');
    await clerk.waitForSelector('[data-testid="change-password"]');
    expect(await clerk.locator('[data-testid="whoami"]').count()).toBe(0);
    expect(await clerk.title()).toBe("请修改临时密码 · 听见");
    const change = async (next: string) => {
      await clerk.fill('[data-testid="password-current"]', temporary);
      await clerk.fill('[data-testid="password-next"]', next);
      await clerk.fill('[data-testid="password-repeat"]', next);
      await clerk.click('[data-testid="change-password-submit"]');
    };
    await change("qwerty123456");
    await expect.poll(() => clerk.textContent('[data-testid="change-password"] .field-error')).toContain("常见");
    await clerk.setViewportSize({ width: 390, height: 844 });
    expect(await noSidewaysScroll(clerk)).toBe(true);
    await b.screenshot(clerk, "forced-password-change-390");
    await change("金湖 lantern-harbour 7");
    await clerk.waitForSelector('[data-testid="whoami"]');
    expect(await clerk.textContent('[data-testid="whoami"]')).toContain("金湖新前台");

    // The administrator deactivates the clerk; the clerk's next request is refused (back to signing in).
    await admin.fill('[data-testid="staff-search"]', "clerk.jh");
    await admin.waitForSelector('[data-testid="staff-clerk.jh"] [data-testid="staff-deactivate"]');
    await admin.click('[data-testid="staff-clerk.jh"] [data-testid="staff-deactivate"]');
    await admin.selectOption('[data-testid="staff-filter-status"]', "");
    await admin.waitForSelector('[data-testid="staff-clerk.jh"] [data-testid="staff-reactivate"]');
    await clerk.reload();
    await clerk.waitForSelector('[data-testid="sign-in"]');
    expect(await clerk.locator('[data-testid="whoami"]').count()).toBe(0);
  });

  it("the account pages at 1440 and 390 px: cards on a phone, no sideways scrolling, English labels", async () => {
    const admin = await b.signedIn("admin", { locale: "en" });
    await admin.selectOption('[data-testid="language"]', "en");
    for (const [path, ready, name] of [
      ["/admin/staff", "staff-list", "admin-staff"],
      ["/admin/departments", "department-list", "admin-departments"],
      ["/account", "account-activity", "account"],
    ] as const) {
      await admin.setViewportSize({ width: 1440, height: 900 });
      await admin.goto(`${b.baseUrl}${path}`);
      await admin.waitForSelector(`[data-testid="${ready}"]`);
      await b.screenshot(admin, `${name}-en-1440`);
      await admin.setViewportSize({ width: 390, height: 844 });
      expect(await noSidewaysScroll(admin), path).toBe(true);
      await b.screenshot(admin, `${name}-en-390`);
    }
    expect(await admin.title()).toBe("My account · 听见");
  });
});
