import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { createApp, createHttpServer, listen } from "@tingjian/server";
import { CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, withoutFaketime } from "./harness.ts";

/**
 * Issue 17 acceptance: a company starts on a fresh installation, only through the app. Setup →
 * the administrator signs in → creates the places (an estate in the app, another from estates.csv),
 * the complaint categories, two departments, a director and a front-desk clerk → the director
 * (temporary password changed first) imports the households and a complaint history naming those
 * departments → the clerk signs in with a temporary password, must change it (a common one is
 * refused), and sees only the complaints of their estate (§2) → the administrator deactivates the
 * clerk, whose open session is refused at the next request. The database is only read, to assert.
 */
const ADMIN = { login: "chief", name: "周立", password: "Lantern-river-1987" };
const DIRECTOR = { login: "director.he", name: "何主任", password: "Cedar-window-2031" };
const CLERK = { login: "clerk.qh", name: "青禾前台小王", password: "Maple-harbour-5520" };
const ESTATES = { mine: { code: "QH", name: "青禾苑" }, other: { code: "SL", name: "松林湾" } };
const DEPARTMENTS = { service: { code: "KF", name: "客户服务中心" }, engineering: { code: "GC", name: "工程部" } };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A past instant as the file writes it: ISO 8601 with the +08:00 offset. */
const at = (ms: number) => `${new Date(ms + 8 * HOUR).toISOString().slice(0, 19)}+08:00`;
const csv = (header: string[], rows: string[][]) => `${[header, ...rows].map((r) => r.join(",")).join("\r\n")}\r\n`;

/** households.csv with the Chinese header aliases: three households in each estate. */
function householdsCsv(): string {
  const rows = [ESTATES.mine.code, ESTATES.other.code].flatMap((estate, e) =>
    [101, 102, 201].map((room, i) => [
      `${estate}-1-${room}`,
      estate,
      "1栋",
      "1单元",
      String(room),
      "是",
      `业主${e}${i}`,
      "owner",
      `1391234${e}${i}0${i}`,
    ]),
  );
  return csv(["房号编码", "项目编号", "楼栋", "单元", "房号", "是否常住", "业主姓名", "客户类型", "联系电话"], rows);
}

/**
 * complaints.csv: four complaints of the clerk's estate, three of the other; each names one of the
 * departments the administrator created, by name or by code (WF-1), some resolved and confirmed.
 */
function complaintsCsv(now: number): { text: string; mine: string[]; other: string[] } {
  const header = [
    "complaint_no",
    "estate_code",
    "household_code",
    "channel",
    "received_at",
    "complainant_name",
    "phone",
    "kind",
    "category",
    "severity",
    "valid",
    "content",
    "department",
    "assigned_at",
    "resolved_at",
    "confirmed_at",
  ];
  const plan = [ESTATES.mine, ESTATES.mine, ESTATES.mine, ESTATES.mine, ESTATES.other, ESTATES.other, ESTATES.other];
  const rows = plan.map((estate, i) => {
    const received = now - (40 - i * 5) * DAY;
    const department = i % 2 ? DEPARTMENTS.engineering.name : DEPARTMENTS.service.code;
    const done = i < 5;
    return [
      `HIS-${estate.code}-${i + 1}`,
      estate.code,
      `${estate.code}-1-${[101, 102, 201][i % 3]}`,
      i % 2 ? "phone" : "visit",
      at(received),
      `住户${i}`,
      `1380000${String(1000 + i)}`,
      i % 2 ? "engineering" : "service",
      i % 2 ? "工程维修/漏水" : "SVC-ATT",
      "general",
      "true",
      `历史投诉 ${i + 1}`,
      department,
      at(received + 2 * HOUR),
      done ? at(received + 3 * DAY) : "",
      done ? at(received + 4 * DAY) : "",
    ];
  });
  const nos = (code: string) => rows.filter((r) => r[1] === code).map((r) => r[0]!);
  return { text: csv(header, rows), mine: nos(ESTATES.mine.code), other: nos(ESTATES.other.code) };
}

// Each step waits for pages and imports of its own; under the full suite's load that takes a while.
describe("issue 17 acceptance: a company set up through the app, from the first-run page to a deactivated clerk", {
  timeout: 90_000,
}, () => {
  const t = useTestDatabase("empty");
  const q = async (sql: string, params: unknown[] = []) => (await t.db.pool.query(sql, params)).rows;
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

  async function open(width = 1440): Promise<Page> {
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width, height: width < 600 ? 844 : 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on("dialog", (d) => void d.accept());
    await page.goto(baseUrl, { timeout: 60_000 });
    return page;
  }
  const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS}${t.target}-journey-${name}.png` });
  const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  /** Through the navigation bar; an administration page through the administration page (/admin). */
  const nav = async (page: Page, path: string, ready: string) => {
    if (path.startsWith("/admin/")) await page.click('[data-testid="nav-/admin"]');
    await page.click(`[data-testid="nav-${path}"]`);
    await page.waitForSelector(ready);
  };

  async function signIn(page: Page, login: string, password: string, ready = '[data-testid="whoami"]') {
    await page.waitForSelector('[data-testid="sign-in"]', { timeout: 60_000 });
    await page.fill('[data-testid="sign-in"] input[name="login"]', login);
    await page.fill('[data-testid="sign-in"] input[name="password"]', password);
    await page.click('[data-testid="sign-in"] button[type="submit"]');
    await page.waitForSelector(ready, { timeout: 30_000 });
  }

  /** The forced change of a temporary password: nothing else opens until it is done. */
  async function changeTemporary(page: Page, temporary: string, next: string) {
    expect(await page.locator('[data-testid="whoami"]').count()).toBe(0);
    await page.fill('[data-testid="password-current"]', temporary);
    await page.fill('[data-testid="password-next"]', next);
    await page.fill('[data-testid="password-repeat"]', next);
    await page.click('[data-testid="change-password-submit"]');
  }

  /** An estate, a department or a category through its page's form (AdminForm: `<testid>-<field>`). */
  async function fillAdminForm(page: Page, testid: string, values: Record<string, string>) {
    for (const [field, value] of Object.entries(values)) await page.fill(`[data-testid="${testid}-${field}"]`, value);
    await page.click(`[data-testid="${testid}-submit"]`);
  }

  /** A staff account created on the staff page; returns the temporary password it shows once. */
  async function createStaff(admin: Page, who: { login: string; name: string }, role: string, estates: string[]): Promise<string> {
    await admin.click('[data-testid="staff-new"]');
    await admin.fill('[data-testid="staff-login"]', who.login);
    await admin.fill('[data-testid="staff-name"]', who.name);
    await admin.selectOption('[data-testid="staff-role"]', role);
    for (const name of estates) await admin.check(`[data-testid="staff-estates"] label:has-text("${name}") input`);
    await admin.click('[data-testid="staff-save"]');
    await admin.waitForSelector(`[data-testid="staff-${who.login}"]`);
    const password = (await admin.locator('[data-testid="temporary-password"] code').textContent())!.trim();
    expect(password).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    return password;
  }

  /** A file uploaded on the import page, followed to DONE; returns the rows it created. */
  async function importFile(page: Page, kind: string, name: string, text: string): Promise<string> {
    await page.selectOption('[data-testid="import-form"] select[name="kind"]', kind);
    await page.setInputFiles('[data-testid="import-form"] input[type="file"]', { name, mimeType: "text/csv", buffer: Buffer.from(text) });
    await page.click('[data-testid="import-submit"]');
    const result = await page.waitForSelector('[data-testid="import-result"]', { timeout: 60_000 });
    const outcome = await result.getAttribute("data-outcome");
    expect(outcome, `${name}: ${await result.textContent()}`).toBe("MutationImportFileSuccess");
    return (await page.textContent('[data-testid="count-created"] strong'))!.trim();
  }

  let admin: Page;
  const temporary = { director: "", clerk: "" };
  let clerk: Page;

  it("setup on the first-run page, then the administrator signs in", async () => {
    admin = await open();
    await admin.waitForSelector('[data-testid="setup"]', { timeout: 60_000 });
    await admin.fill('input[name="name"]', "青禾物业服务有限公司");
    await admin.fill('input[name="code"]', "qinghe");
    await admin.fill('input[name="adminLogin"]', ADMIN.login);
    await admin.fill('input[name="adminName"]', ADMIN.name);
    await admin.fill('input[name="adminPassword"]', ADMIN.password);
    await admin.fill('input[name="adminPassword2"]', ADMIN.password);
    await shot(admin, "1-setup");
    await admin.click('button[type="submit"]');
    expect(await admin.inputValue('[data-testid="sign-in"] input[name="login"]')).toBe(ADMIN.login);
    await signIn(admin, ADMIN.login, ADMIN.password);
    expect(await admin.textContent('[data-testid="whoami"]')).toContain(ADMIN.name);
    expect(await q(`SELECT code, name FROM organizations`)).toEqual([{ code: "QINGHE", name: "青禾物业服务有限公司" }]);
  });

  it("the administrator adds an estate in the app and another from estates.csv (the places page's import link)", async () => {
    await nav(admin, "/admin/places", '[data-testid="add-estate"]');
    await admin.click('[data-testid="add-estate"]');
    await fillAdminForm(admin, "new-estate", ESTATES.mine);
    await admin.waitForSelector(`[data-testid="estate-${ESTATES.mine.code}"]`);
    await admin.click('a[href="/import"]');
    await admin.waitForSelector('[data-testid="import-form"]');
    const kinds = await admin.$$eval('[data-testid="import-form"] select[name="kind"] option', (os) =>
      os.map((o) => (o as HTMLOptionElement).value),
    );
    expect(kinds).toEqual(["ESTATES"]); // the administrator keeps places, not customers or cases
    const estatesCsv = csv(
      ["estate_code", "name", "kind", "timezone"],
      [[ESTATES.other.code, ESTATES.other.name, "residential", "Asia/Shanghai"]],
    );
    expect(await importFile(admin, "ESTATES", "estates.csv", estatesCsv)).toBe("1");
    await nav(admin, "/admin/places", `[data-testid="estate-${ESTATES.other.code}"]`);
    await shot(admin, "2-places");
    expect(await q(`SELECT code, name FROM estates ORDER BY code`)).toEqual([
      { code: "QH", name: ESTATES.mine.name },
      { code: "SL", name: ESTATES.other.name },
    ]);
  });

  it("the administrator keeps the category tree and creates two departments", async () => {
    await nav(admin, "/admin/categories", "section.admin > .toolbar button.primary");
    for (const [top, child] of [
      [
        { code: "ENG", name: "工程维修" },
        { code: "ENG-LEAK", name: "漏水" },
      ],
      [
        { code: "SVC", name: "客户服务" },
        { code: "SVC-ATT", name: "服务态度" },
      ],
    ] as const) {
      await admin.click("section.admin > .toolbar button.primary");
      await fillAdminForm(admin, "new-category", top);
      const card = admin.locator(`li.admin-card:has([data-testid="category-${top.code}"])`);
      await card.locator('> .actions button:has-text("新增子类别")').click();
      await fillAdminForm(admin, "new-subcategory", child);
      await admin.waitForSelector(`[data-testid="category-${child.code}"]`);
    }
    await nav(admin, "/admin/departments", '[data-testid="department-new"]');
    for (const [d, kind] of [
      [DEPARTMENTS.service, "SERVICE_CENTRE"],
      [DEPARTMENTS.engineering, "ENGINEERING"],
    ] as const) {
      await admin.click('[data-testid="department-new"]');
      await admin.fill('[data-testid="department-code"]', d.code);
      await admin.fill('[data-testid="department-name"]', d.name);
      await admin.selectOption('[data-testid="department-kind"]', kind);
      await admin.click('[data-testid="department-save"]');
      await admin.waitForSelector(`[data-testid="department-${d.code}"]`);
    }
    await shot(admin, "3-departments");
    expect(await q(`SELECT code, kind::text FROM departments ORDER BY code`)).toEqual([
      { code: "GC", kind: "ENGINEERING" },
      { code: "KF", kind: "SERVICE_CENTRE" },
    ]);
  });

  it("the administrator creates the director (both estates) and the clerk (one estate), each with a temporary password", async () => {
    await nav(admin, "/admin/staff", '[data-testid="staff-list"]');
    temporary.director = await createStaff(admin, DIRECTOR, "OFFICE_DIRECTOR", [ESTATES.mine.name, ESTATES.other.name]);
    temporary.clerk = await createStaff(admin, CLERK, "FRONT_DESK", [ESTATES.mine.name]);
    await shot(admin, "4-staff");
    const rows = await q(`SELECT s.login, s.role::text, s.must_change_password AS must, array_agg(e.code ORDER BY e.code) AS estates
      FROM staff s JOIN staff_estate_scopes se ON se.staff_id = s.id JOIN estates e ON e.id = se.estate_id GROUP BY s.id ORDER BY s.login`);
    expect(rows).toEqual([
      { login: CLERK.login, role: "FRONT_DESK", must: true, estates: ["QH"] },
      { login: DIRECTOR.login, role: "OFFICE_DIRECTOR", must: true, estates: ["QH", "SL"] },
    ]);
  });

  it("the director changes the temporary password, then imports the households and the complaint history", async () => {
    const director = await open();
    await signIn(director, DIRECTOR.login, temporary.director, '[data-testid="change-password"]');
    await changeTemporary(director, temporary.director, DIRECTOR.password);
    await director.waitForSelector('[data-testid="whoami"]');
    await nav(director, "/import", '[data-testid="import-form"]');
    expect(await importFile(director, "HOUSEHOLDS", "households.csv", householdsCsv())).toBe("6");
    const history = complaintsCsv(Date.now());
    expect(await importFile(director, "COMPLAINTS", "complaints.csv", history.text)).toBe("7");
    await shot(director, "5-import-complaints");
    // WF-1: each complaint's responsible department is one the administrator created, named by name or by code.
    const stored = await q(`SELECT c.no, e.code AS estate, d.code AS department FROM complaints c JOIN estates e ON e.id = c.estate_id
      JOIN departments d ON d.id = c.lead_department_id ORDER BY c.no`);
    expect(stored.map((r) => r.no).sort()).toEqual([...history.mine, ...history.other].sort());
    expect(new Set(stored.map((r) => r.department))).toEqual(new Set(["KF", "GC"]));
    await director.context().close();
  });

  it("the clerk must change the temporary password (a common one refused, on a phone), then sees only their estate's complaints", async () => {
    clerk = await open(390);
    await signIn(clerk, CLERK.login, temporary.clerk, '[data-testid="change-password"]');
    expect(await clerk.title()).toBe("请修改临时密码 · 听见");
    await changeTemporary(clerk, temporary.clerk, "qwerty123456");
    await expect.poll(() => clerk.textContent('[data-testid="change-password"] .field-error')).toContain("常见");
    expect(await noSidewaysScroll(clerk)).toBe(true);
    await shot(clerk, "6-forced-change-390");
    await changeTemporary(clerk, temporary.clerk, CLERK.password);
    await clerk.waitForSelector('[data-testid="whoami"]');
    expect(await q(`SELECT must_change_password AS must FROM staff WHERE login = $1`, [CLERK.login])).toEqual([{ must: false }]);

    await clerk.setViewportSize({ width: 1440, height: 900 });
    const pages: Promise<{ no: string; estate: { name: string } }[]>[] = [];
    clerk.on("response", (res) => {
      if (!decodeURIComponent(res.url()).includes("ComplaintPage")) return;
      pages.push(
        res
          .json()
          .then((body: { data: { complaintPage: { rows: { no: string; estate: { name: string } }[] } } }) => body.data.complaintPage.rows),
      );
    });
    await nav(clerk, "/complaints", `.ag-row [col-id="no"] a`);
    const { mine, other } = complaintsCsv(Date.now());
    await expect
      .poll(() =>
        clerk
          .locator('.ag-row [col-id="no"] a')
          .allTextContents()
          .then((nos) => nos.sort()),
      )
      .toEqual([...mine].sort());
    expect(await clerk.textContent('[data-testid="total"]')).toContain(String(mine.length));
    const served = (await Promise.all(pages)).flat();
    expect(served.length).toBeGreaterThan(0);
    expect(served.filter((r) => other.includes(r.no) || r.estate.name !== ESTATES.mine.name)).toEqual([]);
    await shot(clerk, "7-clerk-ledger");
  });

  it("the administrator deactivates the clerk; the clerk's open session is refused at the next request", async () => {
    await nav(admin, "/admin/staff", '[data-testid="staff-list"]');
    await admin.click(`[data-testid="staff-${CLERK.login}"] [data-testid="staff-deactivate"]`);
    await expect
      .poll(() => q(`SELECT deactivated_at IS NOT NULL AS off FROM staff WHERE login = $1`, [CLERK.login]))
      .toEqual([{ off: true }]);
    // The clerk's next request (opening another page) is refused by the server, and the app lands on sign-in.
    const refused = clerk.waitForResponse(
      async (res) => res.url().includes("/graphql") && JSON.stringify(await res.json().catch(() => null)).includes('"UNAUTHENTICATED"'),
    );
    await nav(clerk, "/callbacks", '[data-testid="sign-in"]');
    await refused;
    expect(await clerk.locator('[data-testid="whoami"]').count()).toBe(0);
    await shot(clerk, "8-clerk-refused");
    // Signing in again is refused too.
    await signIn(clerk, CLERK.login, CLERK.password, '[data-testid="sign-in"] [role="alert"]');
    expect(await clerk.locator('[data-testid="whoami"]').count()).toBe(0);
  });
});
