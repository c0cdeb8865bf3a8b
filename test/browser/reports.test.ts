import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { backfillSlaStages } from "@tingjian/server";
import { gql, signIn, type Caller } from "../api/graphql.ts";
import { useBrowser } from "./harness.ts";

/**
 * SPEC §11-§12 in the browser as the analyst: the reports page's charts, the drill-down into the
 * rows behind a figure, the exports, and the quarterly satisfaction report — every figure shown
 * checked against the API's. The demo history runs to 2026-11; 2026-Q2 holds a survey campaign.
 */
const QUARTER = "2026-Q2";
const QUARTER_DAY = "2026-05-15";
const CHARTS = [
  "chart-satisfaction-dimension",
  "chart-satisfaction-estate",
  "chart-satisfaction-quarter",
  "chart-callbacks",
  "chart-sla",
  "chart-recurring-top",
  "chart-recurrence-trend",
];

interface Figure {
  metric: string;
  part: string | null;
  numerator: number;
  denominator: number;
  rate: number | null;
}
interface Slice {
  key: string | null;
  label: string;
  figures: Figure[];
}

describe("browser: reports, drill-down and the quarterly satisfaction report (§11, §12)", () => {
  const b = useBrowser();
  let analyst: Caller;
  const estate: Record<string, string> = {};

  beforeAll(async () => {
    // §6: the demo complaints get their SLA stages as at server start (main.ts), so SLA-* and CB-1 have figures.
    await backfillSlaStages(b.db.prisma, b.clock());
    analyst = await signIn(b.app, "analyst");
    const { rows } = await b.db.db.pool.query(`SELECT id, code FROM estates`);
    for (const r of rows) estate[r.code] = Buffer.from(`Estate:${r.id}`).toString("base64");
  }, 120_000);

  async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const r = await gql<T>(b.app, query, variables, analyst);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data!;
  }

  /** Waits until a chart card has drawn its chart (not loading, canvas present). */
  async function chartReady(page: Page, testid: string) {
    await page.waitForSelector(`[data-testid="${testid}"][aria-busy="false"] canvas`);
    await page.waitForFunction((id) => {
      const c = document.querySelector(`[data-testid="${id}"] canvas`) as HTMLCanvasElement & {
        __chart?: { animating?: boolean; _animationsDisabled?: boolean };
      };
      return !!c?.__chart;
    }, testid);
    await page.waitForTimeout(400); // the 300 ms draw animation
  }

  /** Pixels drawn on a chart's canvas (a blank canvas has none). */
  const inkOf = (page: Page, testid: string) =>
    page.evaluate((id) => {
      const c = document.querySelector(`[data-testid="${id}"] canvas`) as HTMLCanvasElement;
      const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) ink++;
      return ink;
    }, testid);

  /** Where bar (or point) `index` of dataset 0 is drawn, in page coordinates (chart.getDatasetMeta(0).data[i]). */
  const barPosition = (page: Page, testid: string, index: number) =>
    page.evaluate(
      ([id, i]) => {
        const canvas = document.querySelector(`[data-testid="${id}"] canvas`) as HTMLCanvasElement & {
          __chart: {
            getDatasetMeta(n: number): { data: { getProps(p: string[], final: boolean): { x: number; y: number; base?: number } }[] };
          };
        };
        canvas.scrollIntoView({ block: "center" });
        const el = canvas.__chart.getDatasetMeta(0).data[i as number]!.getProps(["x", "y", "base"], true);
        const rect = canvas.getBoundingClientRect();
        const y = el.base != null && !Number.isNaN(el.base) ? (el.y + el.base) / 2 : el.y;
        return { x: rect.left + el.x, y: rect.top + y };
      },
      [testid, index] as const,
    );

  const chartLabels = (page: Page, testid: string) =>
    page.evaluate(
      (id) =>
        (
          document.querySelector(`[data-testid="${id}"] canvas`) as HTMLCanvasElement & {
            __chart: { data: { labels: string[]; datasets: { label: string }[] } };
          }
        ).__chart.data,
      testid,
    );

  async function quarterMetrics(metrics: string[], sliceBy = "ORGANIZATION", estateIds: string[] | null = null) {
    return (
      await api<{ metrics: { slices: Slice[] } }>(
        `query($i: MetricsInput!) { metrics(input: $i) { slices { key label figures { metric part numerator denominator rate } } } }`,
        { i: { period: "QUARTER", date: QUARTER_DAY, sliceBy, metrics, estateIds } },
      )
    ).metrics;
  }

  it("SUR-4, §11: the reports page draws every chart; the data table's figures equal the API's; a click on a bar lists the rows of its denominator; CSV and PNG export", async () => {
    const page = await b.signedIn("analyst");
    await page.goto(`${b.baseUrl}/reports?period=QUARTER&at=${QUARTER}`);
    for (const id of CHARTS) {
      await chartReady(page, id);
      expect(await inkOf(page, id), `${id} is drawn`).toBeGreaterThan(2_000);
    }
    await b.screenshot(page, "reports-page");
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await b.screenshot(page, "reports-page-bottom");
    await page.evaluate(() => window.scrollTo(0, 0));

    // The data table of satisfaction by dimension: the overall figure's numerator and denominator are the API's.
    const org = (await quarterMetrics(["SATISFACTION"])).slices[0]!;
    const overall = org.figures.find((f) => f.part === "overall")!;
    expect(overall.denominator).toBeGreaterThan(0);
    const card = page.locator('[data-testid="chart-satisfaction-dimension"]');
    await card.locator('[data-testid="toggle-table"]').click();
    const row = card.locator('[data-testid="chart-table"] tbody tr', { hasText: "总体满意度" });
    const cells = await row.locator("td").allTextContents();
    expect([cells[1], Number(cells[2]!.replace(/\D/g, "")), Number(cells[3]!.replace(/\D/g, ""))]).toEqual([
      `${(overall.rate! * 100).toFixed(1)}%`,
      overall.numerator,
      overall.denominator,
    ]);
    await b.screenshot(page, "reports-data-table");

    // PNG of the chart: a download with the PNG signature.
    const [png] = await Promise.all([page.waitForEvent("download"), card.locator('[data-testid="png"]').click()]);
    expect(png.suggestedFilename()).toBe(`satisfaction-by-dimension-${QUARTER}.png`);
    expect([...readFileSync((await png.path())!).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

    // Click the overall bar: the drill-down lists the answers of its denominator (SUR-4: rated 1-5).
    const { labels } = await chartLabels(page, "chart-satisfaction-dimension");
    const at = await barPosition(page, "chart-satisfaction-dimension", labels.indexOf("总体满意度"));
    await page.mouse.click(at.x, at.y);
    await page.waitForURL(/\/reports\/rows\?/);
    expect(new URL(page.url()).searchParams.get("part")).toBe("overall");
    await page.waitForSelector('[data-testid="row-count"]');
    await page.waitForSelector('[data-testid="drill-grid"] .ag-row[row-index="0"]');
    const listed = Number(await page.getAttribute('[data-testid="row-count"]', "data-count"));
    const hidden = (await page.locator('[data-testid="hidden-count"]').count())
      ? Number((await page.textContent('[data-testid="hidden-count"]'))!.replace(/\D/g, ""))
      : 0;
    expect(listed + hidden).toBe(overall.denominator);
    expect(await page.textContent('[data-testid="figure-fraction"]')).toBe(`${overall.numerator} / ${overall.denominator}`);
    await b.screenshot(page, "drill-down-satisfaction");

    // CSV of what the grid shows: a header and one line per row, UTF-8 with BOM.
    const [csv] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="export-csv"]')]);
    const text = readFileSync((await csv.path())!, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split("\r\n");
    expect(lines[0]).toContain("评分");
    expect(lines).toHaveLength(listed + 1);
    expect(lines.slice(1).filter((l) => l.startsWith("是,")).length, lines.slice(0, 3).join("\n")).toBe(overall.numerator);

    // The numerator side lists exactly the satisfied answers.
    await page.click('[data-testid="side-numerator"]');
    await expect.poll(async () => Number(await page.getAttribute('[data-testid="row-count"]', "data-count"))).toBe(overall.numerator);
  });

  it("§6, REC-2: an SLA bar drills into its stages and a recurring problem into its complaints", async () => {
    const page = await b.signedIn("analyst");
    await page.goto(`${b.baseUrl}/reports?period=QUARTER&at=${QUARTER}`);
    await chartReady(page, "chart-sla");
    const sla = (await quarterMetrics(["SLA_ATTAINMENT"])).slices[0]!.figures;
    const { labels } = await chartLabels(page, "chart-sla");
    const first = labels.findIndex((l) => l.startsWith("SLA-2"));
    const figure = sla.find((f) => f.part === "SLA_2")!;
    const at = await barPosition(page, "chart-sla", first);
    await page.mouse.click(at.x, at.y);
    await page.waitForURL(/metric=SLA_ATTAINMENT/);
    await page.waitForSelector('[data-testid="drill-grid"] .ag-row[row-index="0"]');
    const listed = Number(await page.getAttribute('[data-testid="row-count"]', "data-count"));
    expect(listed).toBe(figure.denominator);
    await b.screenshot(page, "drill-down-sla");

    await page.goBack();
    await chartReady(page, "chart-recurring-top");
    const top = await api<{
      recurringProblems: { edges: { node: { complaintCount: number; household: { code: string } | null; category: { name: string } } }[] };
    }>(
      `query($f: DateTime!, $t: DateTime!) { recurringProblems(first: 1, input: { from: $f, to: $t }) { edges { node { complaintCount household { code } category { name } } } } }`,
      { f: "2026-03-31T16:00:00Z", t: "2026-06-30T16:00:00Z" },
    );
    const biggest = top.recurringProblems.edges[0]!.node;
    const bar = await barPosition(page, "chart-recurring-top", 0);
    await page.mouse.click(bar.x, bar.y);
    await page.waitForURL(/source=recurring/);
    await page.waitForSelector('[data-testid="drill-grid"] .ag-row[row-index="0"]');
    expect(Number(await page.getAttribute('[data-testid="row-count"]', "data-count"))).toBe(biggest.complaintCount);
    await b.screenshot(page, "drill-down-recurring");

    // A month without survey answers or stages: each chart says so instead of drawing an empty canvas.
    await page.goto(`${b.baseUrl}/reports?period=MONTH&at=2026-12`);
    await page.waitForSelector('[data-testid="chart-satisfaction-dimension"] [data-testid="empty"]');
    await page.waitForSelector('[data-testid="chart-sla"] [data-testid="empty"]');
    expect(await page.locator('[data-testid="chart-satisfaction-dimension"] canvas').count()).toBe(0);
    await b.screenshot(page, "reports-empty-month");
    // §11 periods: a year, then a custom range, each kept in the URL.
    await page.selectOption('[data-testid="period-kind"]', "YEAR");
    await page.waitForURL(/period=YEAR&at=2026/);
    await chartReady(page, "chart-satisfaction-dimension");
    await page.selectOption('[data-testid="period-kind"]', "CUSTOM");
    await page.waitForURL(/period=CUSTOM&at=2026-01-01\.\.2026-12-31/);
    await page.fill('[data-testid="period-from"]', "2026-04-01");
    await page.waitForURL(/at=2026-04-01\.\.2026-12-31/);
    await chartReady(page, "chart-satisfaction-dimension");
    await page.goto(`${b.baseUrl}/reports/rows`);
    await page.waitForSelector('[data-testid="drill-down-page"] [data-testid="empty"]');
  });

  it("§12: the quarterly satisfaction report for a chosen quarter and two estates shows the API's figures, prints without the app frame, and exports its tables", async () => {
    const page = await b.signedIn("analyst");
    await page.goto(`${b.baseUrl}/reports/quarterly`);
    await page.waitForSelector('[data-testid="quarterly-report"]');
    await page.selectOption('[data-testid="period-key"]', QUARTER);
    await page.click('[data-testid="estate-picker"] summary');
    await page.check('[data-testid="estate-picker"] input[data-code="LX"]');
    await page.check('[data-testid="estate-picker"] input[data-code="JH"]');
    await page.click('[data-testid="estate-picker"] summary');
    await page.waitForSelector(`[data-testid="quarterly-report"][data-label="${QUARTER}"]`);
    await expect.poll(() => page.locator('[data-testid="q-table-estate"] tbody tr').count()).toBe(3);

    const ids = [estate.LX!, estate.JH!];
    const report = (
      await api<{ quarterlySatisfactionReport: { totals: { slices: Slice[] }; byEstate: { slices: Slice[] } } }>(
        `query($e: [ID!]) { quarterlySatisfactionReport(quarter: "${QUARTER}", estateIds: $e) { totals { slices { key label figures { metric part numerator denominator rate } } } byEstate { slices { key label figures { metric part numerator denominator rate } } } } }`,
        { e: ids },
      )
    ).quarterlySatisfactionReport;
    const totals = report.totals.slices[0]!.figures;
    const headline = await page.$$eval('[data-testid^="headline-"]', (els) =>
      els.map((e) => [e.getAttribute("data-testid"), Number(e.getAttribute("data-numerator")), Number(e.getAttribute("data-denominator"))]),
    );
    const want = totals
      .filter((f) => (f.metric === "SATISFACTION" ? f.part === "overall" : f.part == null))
      .map((f) => [`headline-${f.metric}`, f.numerator, f.denominator]);
    expect(headline).toEqual(want);
    // Per estate: every figure of the table is the API's.
    const shown = await page.$$eval('[data-testid="q-table-estate"] tbody tr', (trs) =>
      trs.map((tr) => [
        tr.querySelector("th")!.textContent,
        [...tr.querySelectorAll(".figure-value")].map((v) => [
          Number(v.getAttribute("data-numerator")),
          Number(v.getAttribute("data-denominator")),
        ]),
      ]),
    );
    for (const s of report.byEstate.slices) {
      const row = shown.find(([label]) => label === s.label)!;
      const expected = want.map(([id]) => {
        const metric = String(id).slice("headline-".length);
        const f = s.figures.find((x) => x.metric === metric && (metric === "SATISFACTION" ? x.part === "overall" : x.part == null));
        return [f!.numerator, f!.denominator];
      });
      expect(row[1], s.label).toEqual(expected);
    }
    await chartReady(page, "q-chart-dimension");
    expect(await inkOf(page, "q-chart-dimension")).toBeGreaterThan(2_000);
    await b.screenshot(page, "quarterly-report");
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await b.screenshot(page, "quarterly-report-bottom");

    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.click('[data-testid="q-table-estate"] [data-testid="export-csv"]'),
    ]);
    const lines = readFileSync((await csv.path())!, "utf8")
      .slice(1)
      .split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain("总体满意率 分子");

    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".topbar").isVisible()).toBe(false);
    expect(await page.locator('[data-testid="print"]').isVisible()).toBe(false);
    await page.evaluate(() => window.scrollTo(0, 0));
    await b.screenshot(page, "quarterly-report-print");
  });

  it("i18n: switching to English re-labels the charts (titles, categories, series) and the drill-down", async () => {
    const page = await b.signedIn("analyst");
    await page.goto(`${b.baseUrl}/reports?period=QUARTER&at=${QUARTER}`);
    await chartReady(page, "chart-satisfaction-dimension");
    expect((await chartLabels(page, "chart-satisfaction-dimension")).labels).toContain("总体满意度");
    await page.selectOption('[data-testid="language"]', "en");
    await expect.poll(async () => (await chartLabels(page, "chart-satisfaction-dimension")).labels).toContain("Overall");
    for (const id of CHARTS) await chartReady(page, id);
    const data = await chartLabels(page, "chart-satisfaction-dimension");
    expect(data.datasets.map((d) => d.label)).toEqual(["Satisfaction rate", "Target"]);
    expect(await page.textContent('[data-testid="chart-sla"] figcaption')).toBe("Attainment per SLA rule");
    expect((await chartLabels(page, "chart-sla")).labels.some((l) => l.startsWith("SLA-2 Forwarded"))).toBe(true);
    await b.screenshot(page, "reports-page-en");

    const at = await barPosition(page, "chart-satisfaction-estate", 0);
    await page.mouse.click(at.x, at.y);
    await page.waitForURL(/sliceBy=ESTATE/);
    await page.waitForSelector('[data-testid="drill-grid"] .ag-row[row-index="0"]');
    expect(await page.textContent('[data-testid="figure-summary"] h1')).toContain("Satisfaction rate · Overall");
    expect(await page.locator('[data-testid="drill-grid"] .ag-header-cell-text').allTextContents()).toEqual([
      "In numerator",
      "Dimension",
      "Rating",
      "Not applicable",
      "Comment",
    ]);
    await b.screenshot(page, "drill-down-en");
  });
});
