import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { createApp, createHttpServer, listen } from "@tingjian/server";
import { createOrganizationAsOperator } from "../../server/src/services/organization/operator.ts";
import { CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, withoutFaketime } from "./harness.ts";

/**
 * Issue 17 item 1: a company's first visit to a fresh installation. The app opens the first-run
 * page by itself, shows each problem next to its field, creates the organisation, and takes the
 * administrator to sign-in with the login filled in; afterwards /setup leads to sign-in. In
 * Chinese and English, at 1440 and 390 px. (The shared harness serves the demo company; this file
 * needs an empty database, so it starts its own server.)
 */
describe("issue 17 item 1: the first-run page", () => {
  const t = useTestDatabase("empty");
  let server: Server;
  let browser: Browser;
  let baseUrl = "";

  beforeAll(async () => {
    server = createHttpServer({ app: createApp({ prisma: t.prisma }), db: t.db }, inject("clientDist"));
    await listen(server, 0, "127.0.0.1");
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, env: withoutFaketime(process.env) });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function open(locale: "zh-CN" | "en", width: number, path = "/"): Promise<Page> {
    const context = await browser.newContext({ locale, viewport: { width, height: width < 600 ? 844 : 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${baseUrl}${path}`, { timeout: 60_000 });
    return page;
  }
  const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS}${t.target}-${name}.png`, fullPage: true });
  const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it("opens by itself on an empty installation, and shows every problem next to its field (Chinese, 1440 px)", async () => {
    const page = await open("zh-CN", 1440);
    await page.waitForSelector('[data-testid="setup"]', { timeout: 60_000 });
    expect(new URL(page.url()).pathname).toBe("/setup");
    expect(await page.title()).toBe("首次设置 · 听见 Tingjian");
    expect(await page.inputValue('select[name="timezone"]')).toBe("Asia/Shanghai");
    await shot(page, "setup-zh-1440");
    await page.fill('input[name="code"]', "1x");
    await page.fill('input[name="adminLogin"]', "li ming");
    await page.fill('input[name="adminPassword"]', "password123");
    await page.fill('input[name="adminPassword2"]', "password123");
    await page.click('button[type="submit"]');
    await page.waitForSelector('[data-testid="problem-code"]');
    for (const field of ["name", "code", "adminLogin", "adminName", "adminPassword"]) {
      expect(await page.locator(`[data-testid="problem-${field}"]`).textContent(), field).toBeTruthy();
    }
    expect(await page.textContent('[data-testid="problem-adminPassword"]')).toContain("常见密码");
    expect(await page.getAttribute('input[name="code"]', "aria-invalid")).toBe("true");
    await shot(page, "setup-zh-1440-problems");
    await page.fill('input[name="adminPassword2"]', "something-else-1");
    await page.click('button[type="submit"]');
    await page.waitForSelector('[data-testid="problem-adminPassword2"]');
    await page.context().close();
  });

  it("fits a phone (English, 390 px): no sideways scrolling, 44 px touch targets", async () => {
    const page = await open("en", 390);
    await page.waitForSelector('[data-testid="setup"]', { timeout: 60_000 });
    expect(await page.title()).toBe("First-run setup · 听见 Tingjian");
    expect(await noSidewaysScroll(page)).toBe(true);
    const heights = await page.$$eval(
      '[data-testid="setup"] input, [data-testid="setup"] button, [data-testid="setup"] select[name="timezone"]',
      (els) => els.map((e) => e.getBoundingClientRect().height),
    );
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
    await shot(page, "setup-en-390");
    await page.context().close();
  });

  it("creates the organisation, then the administrator signs in; afterwards /setup leads to sign-in", async () => {
    const page = await open("en", 1440);
    await page.waitForSelector('[data-testid="setup"]', { timeout: 60_000 });
    await page.fill('input[name="name"]', "Acme Property Services");
    await page.fill('input[name="code"]', "acme");
    await page.fill('input[name="adminLogin"]', "chief");
    await page.fill('input[name="adminName"]', "Li Ming");
    await page.fill('input[name="adminPassword"]', "Lantern-river-1987");
    await page.fill('input[name="adminPassword2"]', "Lantern-river-1987");
    await page.click('button[type="submit"]');
    await page.waitForSelector('[data-testid="sign-in"]');
    expect(new URL(page.url()).pathname).toBe("/");
    expect(await page.inputValue('[data-testid="sign-in"] input[name="login"]')).toBe("chief");
    // One organisation: no demo hint (these are not the README's accounts).
    expect(await page.textContent('[data-testid="sign-in"]')).not.toContain("README");
    await page.fill('[data-testid="sign-in"] input[name="password"]', "Lantern-river-1987");
    await shot(page, "setup-en-1440-sign-in");
    await page.click('[data-testid="sign-in"] button[type="submit"]');
    await page.waitForSelector('[data-testid="whoami"]', { timeout: 30_000 });
    expect(await page.textContent('[data-testid="whoami"]')).toContain("Li Ming");
    // Signed in, /setup is the workbench.
    await page.goto(`${baseUrl}/setup`);
    await page.waitForSelector('[data-testid="whoami"]');
    await page.waitForURL(`${baseUrl}/`);
    await page.context().close();

    const later = await open("zh-CN", 390, "/setup");
    await later.waitForSelector('[data-testid="sign-in"]', { timeout: 60_000 });
    expect(new URL(later.url()).pathname).toBe("/");
    expect(await noSidewaysScroll(later)).toBe(true);
    expect(await later.locator('[data-testid="sign-in"] input[name="organization"]').count()).toBe(0);
    await later.context().close();
  });

  it("with a second organisation (pnpm run setup --another) sign-in asks for the organisation code", async () => {
    await createOrganizationAsOperator(
      t.prisma,
      {
        code: "BETA",
        name: "贝塔物业",
        timezone: "Asia/Shanghai",
        adminLogin: "chief",
        adminName: "贝塔管理员",
        adminPassword: "Quiet-harbour-2027",
      },
      { another: true },
    );
    const page = await open("zh-CN", 390);
    await page.waitForSelector('[data-testid="sign-in"] input[name="organization"]', { timeout: 60_000 });
    await page.fill('[data-testid="sign-in"] input[name="organization"]', "beta");
    await page.fill('[data-testid="sign-in"] input[name="login"]', "chief");
    await page.fill('[data-testid="sign-in"] input[name="password"]', "Quiet-harbour-2027");
    expect(await noSidewaysScroll(page)).toBe(true);
    await shot(page, "sign-in-organization-zh-390");
    await page.click('[data-testid="sign-in"] button[type="submit"]');
    await page.waitForSelector('[data-testid="whoami"]', { timeout: 30_000 });
    expect(await page.textContent('[data-testid="whoami"]')).toContain("贝塔管理员");
    await page.context().close();
  });
});
