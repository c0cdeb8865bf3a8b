import { FIXED_DEMO_NOW } from "@tingjian/prisma";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { useBrowser } from "./harness.ts";

/**
 * SPEC §13 in the browser: a spreadsheet is uploaded from the import page (GraphQL multipart
 * request), its progress followed through importJob, and the result shown: every bad row with
 * line, column and reason and nothing written (all or nothing), or the counts. The export form
 * masks personal data without an approval (SEC-3, SEC-7).
 */
const MINUTE = 60_000;
const DAY = 86_400_000;
const sh = (at: Date) => `${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;

function complaintsCsv(prefix: string, n: number, households: string[]): { text: string; rows: Record<string, string>[] } {
  const start = FIXED_DEMO_NOW.getTime() - 90 * DAY;
  const rows = Array.from({ length: n }, (_, i) => ({
    complaint_no: `${prefix}${String(i).padStart(5, "0")}`,
    estate_code: "LX",
    household_code: households[i % households.length]!,
    channel: ["phone", "visit", "web"][i % 3]!,
    received_at: sh(new Date(start + i * 7 * MINUTE)),
    anonymous: "否",
    complainant_name: `业主${i % 50}`,
    phone: `139${String(20_000_000 + i).slice(-8)}`,
    kind: "engineering",
    category: "工程维修/漏水",
    severity: "general",
    valid: "true",
    content: `厨房漏水 #${i}`,
    classification: "secret",
  }));
  const headers = Object.keys(rows[0]!);
  const text = [headers.join(","), ...rows.map((r) => headers.map((h) => r[h as keyof typeof r]).join(","))].join("\r\n") + "\r\n";
  return { text, rows };
}

describe("browser: import and export (SPEC §13)", () => {
  const b = useBrowser();
  const q = async (sql: string, params: unknown[] = []) => (await b.db.db.pool.query(sql, params)).rows;
  const households = async () =>
    (await q(`SELECT h.code FROM households h JOIN estates e ON e.id = h.estate_id WHERE e.code = 'LX' ORDER BY h.code LIMIT 40`)).map(
      (r) => r.code as string,
    );

  async function upload(page: import("playwright-core").Page, fileName: string, text: string) {
    await page.goto(`${b.baseUrl}/import`);
    await page.waitForSelector('[data-testid="import-form"]');
    await page.selectOption('[data-testid="import-form"] select[name="kind"]', "COMPLAINTS");
    await page.setInputFiles('[data-testid="import-form"] input[type="file"]', {
      name: fileName,
      mimeType: "text/csv",
      buffer: Buffer.from(text),
    });
    await page.click('[data-testid="import-submit"]');
  }

  it("§13 all or nothing: a file with 3 bad rows lists exactly those rows (line, column, reason) and writes nothing", async () => {
    const page = await b.signedIn("frontdesk.lx");
    const { text } = complaintsCsv("BR-BAD-", 40, await households());
    const lines = text.split("\r\n");
    // Lines 6, 21 and 33 of the file (the header is line 1).
    lines[5] = lines[5]!.replace(/,139\d{8},/, ",12345,");
    lines[20] = lines[20]!.replace(/,\d{4}-\d{2}-\d{2}T[^,]+,/, ",2026-13-40 25:00,");
    lines[32] = lines[32]!.replace("工程维修/漏水", "工程维修/不存在的类别");
    const before = await q(`SELECT count(*)::int AS n FROM complaints`);
    await upload(page, "bad.csv", lines.join("\r\n"));
    await page.waitForSelector('[data-testid="import-rejected"]');
    const problems = await page.$$eval('[data-testid="import-problems"] tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent!.trim())),
    );
    expect(problems.map((p) => [p[0], p[1]])).toEqual([
      ["6", "phone"],
      ["21", "received_at"],
      ["33", "category"],
    ]);
    expect(problems.every((p) => p[2]!.length > 5)).toBe(true);
    expect(await page.textContent('[data-testid="import-rejected"]')).toContain("未写入任何数据");
    expect(await page.getAttribute('[data-testid="import-status"]', "data-status")).toBe("REJECTED");
    expect(await q(`SELECT count(*)::int AS n FROM complaints`)).toEqual(before);
    expect(await q(`SELECT count(*)::int AS n FROM complaints WHERE no LIKE 'BR-BAD-%'`)).toEqual([{ n: 0 }]);
    await b.screenshot(page, "import-rejected");
  });

  it("a good file: the progress follows the job to DONE and the counts show; the rows are stored", async () => {
    const page = await b.signedIn("frontdesk.lx", { locale: "en" });
    // The polls of importJob (urql sends queries as GET), in the order they were answered.
    const polls: Promise<string | undefined>[] = [];
    page.on("response", (res) => {
      const request = decodeURIComponent(res.url()) + (res.request().postData() ?? "");
      if (!res.url().includes("/graphql") || !request.includes("ImportJob")) return;
      polls.push(
        res.json().then(
          (body: { data?: { importJob: { status: string } | null } }) => body.data?.importJob?.status,
          () => undefined,
        ),
      );
    });
    // PostgreSQL answers the polls while the import runs; PGlite serves one request at a time.
    const n = b.db.target === "postgres" ? 3000 : 200;
    const { text } = complaintsCsv("BR-OK-", n, await households());
    await upload(page, "good.csv", text);
    if (b.db.target === "postgres") {
      // A picture of the bar while the server checks or writes (best effort: it may be quick).
      const running = await page
        .waitForSelector('[data-testid="import-status"]:is([data-status="CHECKING"], [data-status="WRITING"])', { timeout: 30_000 })
        .catch(() => null);
      if (running) await b.screenshot(page, "import-running");
    }
    await page.waitForSelector('[data-testid="import-status"][data-status="DONE"]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid="import-result"]');
    expect(await page.textContent('[data-testid="count-created"] strong')).toBe(n.toLocaleString("en"));
    expect(await page.textContent('[data-testid="count-unchanged"] strong')).toBe("0");
    expect(await q(`SELECT count(*)::int AS n FROM complaints WHERE no LIKE 'BR-OK-%'`)).toEqual([{ n }]);
    const statuses = (await Promise.all(polls)).filter(Boolean);
    expect(statuses.at(-1)).toBe("DONE");
    if (b.db.target === "postgres") expect(statuses.some((s) => s === "CHECKING" || s === "WRITING")).toBe(true);
    await b.screenshot(page, "import-done");

    // Re-importing the same file changes nothing (SPEC §13).
    await upload(page, "good.csv", text);
    await page.waitForSelector('[data-testid="import-status"][data-status="DONE"]', { timeout: 120_000 });
    await page.waitForSelector('[data-testid="import-result"]');
    expect(await page.textContent('[data-testid="count-unchanged"] strong')).toBe(n.toLocaleString("en"));
  }, 300_000);

  it("SEC-3, SEC-7: the analyst's export without an approval downloads a masked file and says so", async () => {
    const page = await b.signedIn("analyst");
    await page.goto(`${b.baseUrl}/import`);
    await page.waitForSelector('[data-testid="export-form"]');
    expect(await page.locator('[data-testid="import-form"]').count()).toBe(0);
    await page.selectOption('[data-testid="export-form"] select[name="kind"]', "COMPLAINTS");
    await page.fill('[data-testid="export-form"] input[name="purpose"]', "浏览器测试导出");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="export-submit"]')]);
    await page.waitForSelector('[data-testid="export-result"]');
    expect(await page.textContent('[data-testid="export-raw"]')).toContain("脱敏");
    const file = await readFile((await download.path())!, "utf8");
    const [raw] = await q(
      `SELECT complainant_name AS name, complainant_contact AS contact FROM complaints WHERE complainant_contact IS NOT NULL AND length(complainant_contact) >= 11 ORDER BY received_at DESC LIMIT 1`,
    );
    expect(file.startsWith("\uFEFFcomplaint_no,")).toBe(true);
    expect(file).not.toContain(raw.contact);
    expect(await q(`SELECT count(*)::int AS n FROM access_logs WHERE export AND purpose = '浏览器测试导出'`)).toEqual([{ n: 1 }]);
    await b.screenshot(page, "export-analyst");
  });
});
