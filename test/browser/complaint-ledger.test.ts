import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { useBrowser } from "./harness.ts";

/**
 * The complaint ledger as its users meet it: an infinite grid over `complaintPage`, filters from
 * the URL, cells amended with a reason (SEC-6) that are refused on the cell, a stale version
 * resolved by the user's choice, personal data masked for the analyst (SEC-7), and the export of
 * what is on screen.
 */
const cell = (row: number, col: string) => `.ag-row[row-index="${row}"] [col-id="${col}"]`;

interface Target {
  id: string;
  no: string;
  location: string | null;
  content: string;
  version: number;
}

describe("browser: the complaint ledger", () => {
  const b = useBrowser();
  const q = async (sql: string, params: unknown[] = []) => (await b.db.db.pool.query(sql, params)).rows;
  let targets: Target[] = [];
  const current = async (id: string) =>
    (await q(`SELECT location, content, complainant_contact AS contact, version FROM complaints WHERE id = $1`, [id]))[0];

  beforeAll(async () => {
    // Complaints of LX the front desk may amend (SECRET at most, not anonymous), each with a number no other contains.
    targets = (await q(`
      SELECT c.id, c.no, c.location, c.content, c.version FROM complaints c JOIN estates e ON e.id = c.estate_id
       WHERE e.code = 'LX' AND c.classification IN ('INTERNAL', 'SECRET') AND NOT c.anonymous AND c.complainant_name IS NOT NULL
         AND (SELECT count(*) FROM complaints o WHERE o.no LIKE '%' || c.no || '%') = 1
       ORDER BY c.received_at DESC LIMIT 4`)) as Target[];
    expect(targets).toHaveLength(4);
  });

  /** A signed-in page whose AG Grid complaints (a module not registered, a bad option) fail the test. */
  const gridErrors: string[] = [];
  async function signedIn(login: string, options?: { locale?: "zh-CN" | "en" }) {
    const page = await b.signedIn(login, options);
    page.on("console", (m) => {
      if ((m.type() === "error" || m.type() === "warning") && m.text().includes("AG Grid")) gridErrors.push(m.text());
    });
    return page;
  }
  afterEach(() => {
    expect(gridErrors.splice(0)).toEqual([]);
  });

  /** The ledger filtered (from the URL) to one complaint: its row is row 0. */
  async function openOne(page: Page, target: Target) {
    await page.goto(`${b.baseUrl}/complaints?q=${encodeURIComponent(target.no)}`);
    await page.waitForSelector(`${cell(0, "no")} a`);
    expect(await page.textContent(`${cell(0, "no")} a`)).toBe(target.no);
  }

  /** Double-click a cell (or focus it and press Enter), type, Enter; then the SEC-6 reason dialog. */
  async function edit(page: Page, col: string, value: string, reason: string | null, by: "mouse" | "keyboard" = "mouse") {
    if (by === "mouse") await page.dblclick(cell(0, col));
    else {
      await page.click(cell(0, col));
      await page.keyboard.press("Enter");
    }
    const input = col === "content" ? page.locator(".ag-popup-editor textarea") : page.locator(`${cell(0, col)} input`);
    await input.fill(value);
    await input.press("Enter");
    await page.waitForSelector('[data-testid="reason-dialog"][open]');
    if (reason === null) {
      await page.click('[data-testid="reason-cancel"]');
    } else {
      await page.fill('[data-testid="reason-dialog"] textarea', reason);
      await page.click('[data-testid="reason-save"]');
    }
  }
  const settled = (page: Page) => page.waitForSelector('[data-testid="cell-saving"]', { state: "detached" });
  const text = (page: Page, col: string) => page.textContent(cell(0, col)).then((s) => s?.trim());

  it("SEC-6: the front desk amends a location with a reason; it is stored with the revision, survives a reload, and the next edit uses the new version", async () => {
    const page = await signedIn("frontdesk.lx");
    const t = targets[0]!;
    await openOne(page, t);
    expect(await page.textContent('[data-testid="total"]')).toContain("1");
    await edit(page, "location", "3栋大堂东侧", null);
    await page.waitForSelector('[data-testid="reason-dialog"]:not([open])', { state: "attached" });
    expect(await text(page, "location")).toBe(t.location ?? "");
    expect((await current(t.id)).version).toBe(t.version);

    await edit(page, "location", "3栋大堂东侧", "业主来电更正位置");
    await settled(page);
    expect(await text(page, "location")).toBe("3栋大堂东侧");
    expect(await current(t.id)).toMatchObject({ location: "3栋大堂东侧", version: t.version + 1 });
    expect(await q(`SELECT reason, fields FROM record_revisions WHERE record_id = $1 ORDER BY changed_at`, [t.id])).toEqual([
      { reason: "业主来电更正位置", fields: ["location"] },
    ]);
    await b.screenshot(page, "ledger-edited");

    // The row now holds version + 1: a second edit goes through without a conflict.
    await edit(page, "complainantContact", "13900001111", "更正联系电话", "keyboard");
    await settled(page);
    expect(await current(t.id)).toMatchObject({ contact: "13900001111", version: t.version + 2 });
    expect(await page.locator('[data-testid="conflict-dialog"][open]').count()).toBe(0);

    await page.reload();
    await page.waitForSelector(`${cell(0, "no")} a`);
    expect(await text(page, "location")).toBe("3栋大堂东侧");
  });

  it("a refused value (empty content) turns the cell red with the reason, reverts it, and quotes what was typed", async () => {
    const page = await signedIn("frontdesk.lx", { locale: "en" });
    const t = targets[1]!;
    await openOne(page, t);
    await edit(page, "content", "", "清空内容");
    await page.waitForSelector('[data-testid="cell-error"]');
    expect(await page.textContent('[data-testid="cell-error"]')).toContain("must not be empty");
    expect(await page.getAttribute(cell(0, "content"), "class")).toContain("cell-error");
    expect(await text(page, "content")).toBe(t.content);
    expect(await current(t.id)).toMatchObject({ content: t.content, version: t.version });
    await page.hover(cell(0, "content"));
    await page.waitForSelector(".ag-tooltip", { timeout: 5000 }).catch(() => undefined);
    await b.screenshot(page, "ledger-refused");
  });

  it("a stale version: the conflict dialog shows both values; keep mine saves on the new version, take theirs drops the edit", async () => {
    const page = await signedIn("frontdesk.lx");
    const t = targets[2]!;
    await openOne(page, t);
    // Someone else changes the row behind the grid's back.
    await q(`UPDATE complaints SET location = '他人改的位置A', version = version + 1 WHERE id = $1`, [t.id]);
    await edit(page, "location", "我的位置A", "现场核实");
    await page.waitForSelector('[data-testid="conflict-dialog"][open]');
    expect(await page.textContent('[data-testid="conflict-mine"]')).toBe("我的位置A");
    expect(await page.textContent('[data-testid="conflict-theirs"]')).toBe("他人改的位置A");
    await b.screenshot(page, "ledger-conflict");
    await page.click('[data-testid="conflict-mine-button"]');
    await settled(page);
    expect(await current(t.id)).toMatchObject({ location: "我的位置A", version: t.version + 2 });
    expect(await text(page, "location")).toBe("我的位置A");

    await q(`UPDATE complaints SET location = '他人改的位置B', version = version + 1 WHERE id = $1`, [t.id]);
    await edit(page, "location", "我的位置B", "再次核实");
    await page.waitForSelector('[data-testid="conflict-dialog"][open]');
    await page.click('[data-testid="conflict-theirs-button"]');
    await settled(page);
    expect(await text(page, "location")).toBe("他人改的位置B");
    expect(await current(t.id)).toMatchObject({ location: "他人改的位置B", version: t.version + 3 });

    // Taking theirs took their version too: the next edit is not a conflict.
    await edit(page, "location", "我的位置C", "第三次");
    await settled(page);
    expect(await current(t.id)).toMatchObject({ location: "我的位置C", version: t.version + 4 });
  });

  it("SEC-7: the analyst sees complainant names and contacts masked, nowhere in the page raw, and cannot edit", async () => {
    const page = await signedIn("analyst");
    await page.goto(`${b.baseUrl}/complaints`);
    await page.waitForSelector(`${cell(0, "no")} a`);
    const nos = await page.$$eval('.ag-row [col-id="no"] a', (as) => as.map((a) => a.textContent!));
    expect(nos.length).toBeGreaterThan(5);
    const raw = await q(
      `SELECT no, complainant_name AS name, complainant_contact AS contact FROM complaints WHERE no = ANY($1) AND complainant_name IS NOT NULL`,
      [nos],
    );
    expect(raw.length).toBeGreaterThan(0);
    const html = await page.content();
    for (const r of raw) {
      expect(html).not.toContain(r.name);
      if (r.contact) expect(html).not.toContain(r.contact);
    }
    const name = (await text(page, "complainantName"))!;
    expect(name === "" || name.includes("*") || name === "匿名").toBe(true);
    await page.dblclick(cell(0, "location"));
    expect(await page.locator(`${cell(0, "location")} input`).count()).toBe(0);
    await b.screenshot(page, "ledger-analyst");

    // Another language rebuilds the grid: English headers, the rows again.
    await page.selectOption('[data-testid="language"]', "en");
    await page.waitForSelector('.ag-header-cell[col-id="no"]:has-text("No.")');
    await page.waitForSelector(`${cell(0, "no")} a`);
    expect(await page.textContent('[data-testid="total"]')).toMatch(/in total/);
  });

  it("filters come from the URL (the workbench's links), and the CSV export holds the rows shown", async () => {
    const page = await signedIn("frontdesk.lx");
    const count = async (where: string) =>
      (await q(`SELECT count(*)::int AS n FROM complaints c JOIN estates e ON e.id = c.estate_id WHERE e.code = 'LX' AND ${where}`))[0]
        .n as number;
    const totalOf = async () => Number((await page.textContent('[data-testid="total"]'))!.replace(/\D/g, ""));

    const counted = () => page.waitForSelector('[data-testid="total"]:not(:has([data-testid="loading"]))');
    await page.goto(`${b.baseUrl}/complaints?status=REGISTERED`);
    await counted();
    expect(await totalOf()).toBe(await count(`c.status = 'REGISTERED'`));
    expect(await page.inputValue('[data-testid="ledger-filters"] select[name="status"]')).toBe("REGISTERED");

    await page.goto(`${b.baseUrl}/complaints?escalated=1`);
    await counted();
    expect(await totalOf()).toBe(await count(`c.escalated`));

    await page.goto(`${b.baseUrl}/complaints?status=open&overdue=1`);
    await counted();
    expect(await page.inputValue('[data-testid="ledger-filters"] select[name="overdue"]')).toBe("1");
    expect(await totalOf()).toBeLessThanOrEqual(
      await count(`c.status IN ('REGISTERED','CLASSIFIED','ASSIGNED','PLANNED','IN_PROGRESS','FORWARDED_TO_DEVELOPER','REOPENED')`),
    );

    // A toolbar change goes to the URL.
    await page.goto(`${b.baseUrl}/complaints?status=open`);
    await page.waitForSelector(`${cell(0, "no")} a`);
    const open = await count(
      `c.status IN ('REGISTERED','CLASSIFIED','ASSIGNED','PLANNED','IN_PROGRESS','FORWARDED_TO_DEVELOPER','REOPENED')`,
    );
    expect(await totalOf()).toBe(open);
    await page.selectOption('[data-testid="ledger-filters"] select[name="severity"]', "GENERAL");
    await expect.poll(() => page.url()).toContain("severity=GENERAL");
    await expect
      .poll(totalOf)
      .toBe(
        await count(
          `c.severity = 'GENERAL' AND c.status IN ('REGISTERED','CLASSIFIED','ASSIGNED','PLANNED','IN_PROGRESS','FORWARDED_TO_DEVELOPER','REOPENED')`,
        ),
      );
    await page.waitForSelector(`${cell(0, "no")} a`);
    await b.screenshot(page, "ledger-filtered");

    const shown = await page.$$eval('.ag-row [col-id="no"] a', (links) => links.length);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="export-csv"]')]);
    expect(download.suggestedFilename()).toBe("投诉台账.csv");
    const csv = (await readFile((await download.path())!, "utf8"))
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    const header = csv[0]!.split(",");
    expect(header.slice(0, 4)).toEqual(["投诉编号", "受理时间", "项目", "房号"]);
    // Exactly the rows the grid holds for this filter (all of them here: fewer than a block).
    const loaded = Number((await page.textContent('[data-testid="loaded"]'))!.replace(/\D/g, ""));
    expect(csv.length - 1).toBe(loaded);
    if ((await totalOf()) <= 100) expect(loaded).toBe(await totalOf());
    expect(shown).toBeLessThanOrEqual(loaded);
    for (let i = 0; i < Math.min(shown, 10); i++) {
      const no = await page.textContent(`${cell(i, "no")} a`);
      const status = await text(page, "status");
      expect(csv[i + 1]!.split(",")[0]).toBe(no);
      if (i === 0) expect(csv[1]!.split(",")[header.indexOf("状态")]).toBe(status);
    }

    // The full interchange export (SEC-3): offered with the ledger's estate and period, masked without an approval.
    await page.click('[data-testid="export-full"]');
    await page.waitForSelector('[data-testid="full-export-dialog"][open] [data-testid="export-approval"]');
    expect(await page.textContent('[data-testid="full-export-dialog"] [data-testid="export-approval"] option')).toContain("脱敏");
    await b.screenshot(page, "ledger-full-export");
    await page.keyboard.press("Escape");
    await page.waitForSelector('[data-testid="full-export-dialog"]:not([open])', { state: "attached" });
  });
});
