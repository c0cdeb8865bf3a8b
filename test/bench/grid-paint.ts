/**
 * `pnpm --filter @tingjian/test bench:grid [--scale N] [--jumps N] [--login L]`: how fast the
 * complaint ledger paints with ≈ 100,000 complaints, in headless Chromium against the production
 * client and the real HTTP server (in this process), on PostgreSQL.
 *
 * It prepares a database `tingjian_grid_bench` on the server of BENCH_DATABASE_URL (default: the
 * local one, trust auth) with the demo data at `--scale` (10 ≈ 100 k complaints; kept between
 * runs, a marker says at which scale), builds the client if client/dist is missing, and measures:
 * - first rows: from the navigation to /complaints to the first frame painted after the first
 *   data rows are in the DOM (the app, the session, the page's chunk, the grid, the first block);
 * - jump: from setting the grid's scroll position to row 90,000 (what dragging the scrollbar
 *   there does) to the frame painted after that row has its data (one block fetched at offset
 *   90,000, target ≤ 0.3 s).
 * "Painted" is the first task after the next animation frame (rAF, then a message: it runs once
 * the frame that shows the rows has been produced).
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import pg from "pg";
import { chromium, type Page } from "playwright-core";
import {
  applyMigrations,
  createPrisma,
  DEMO_PASSWORD,
  isEmpty,
  openDatabase,
  seedDemoData,
  FIXED_DEMO_NOW,
  type Database,
} from "@tingjian/prisma";
import { backfillSlaStages, createApp, createHttpServer, listen } from "@tingjian/server";
import { CHROMIUM, CHROMIUM_ARGS } from "../browser/harness.ts";
import { demoClock } from "../demo-clock.ts";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "10" },
    jumps: { type: "string", default: "5" },
    login: { type: "string", default: "exec" },
  },
});
const scale = Number(values.scale);
const jumps = Number(values.jumps);
const DB_NAME = "tingjian_grid_bench";
const JUMP_TARGET = 90_000;
const server = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const clientDir = fileURLToPath(new URL("../../client", import.meta.url));

async function prepare(): Promise<Database> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  if ((await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DB_NAME])).rowCount === 0)
    await admin.query(`CREATE DATABASE ${DB_NAME}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${DB_NAME}`;
  const db = await openDatabase({ databaseUrl: url.toString(), poolSize: 8 });
  await applyMigrations(db.pool);
  const marker = `scale=${scale}`;
  await db.pool.query(`CREATE TABLE IF NOT EXISTS grid_bench_marker (what text)`);
  const have = (await db.pool.query<{ what: string }>(`SELECT what FROM grid_bench_marker`)).rows[0]?.what;
  if (have !== marker || (await isEmpty(db.pool))) {
    console.log(`preparing ${DB_NAME} (${marker}) …`);
    const started = Date.now();
    const { rows } = await db.pool.query<{ t: string }>(
      `SELECT quote_ident(tablename) AS t FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('_prisma_migrations', 'grid_bench_marker')`,
    );
    await db.pool.query(`TRUNCATE ${rows.map((r) => r.t).join(", ")} CASCADE`);
    // Survey answers play no part in the ledger: the smallest survey volume.
    await seedDemoData(db.pool, { scale, surveyScale: 1, now: FIXED_DEMO_NOW, onProgress: (m) => console.log(`  ${m}`) });
    await backfillSlaStages(createPrisma(db), FIXED_DEMO_NOW);
    await db.pool.query(`ANALYZE`);
    await db.pool.query(`DELETE FROM grid_bench_marker`);
    await db.pool.query(`INSERT INTO grid_bench_marker VALUES ($1)`, [marker]);
    console.log(`  prepared in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  return db;
}

async function buildClientIfMissing(): Promise<void> {
  if (existsSync(`${clientDir}/dist/index.html`)) return;
  console.log("building the client …");
  await promisify(execFile)("pnpm", ["exec", "vite", "build", "--logLevel", "warn"], {
    cwd: clientDir,
    env: { ...process.env, NODE_ENV: "production" },
  });
}

/**
 * In the page: `(row) => Promise<number>`, performance.now() after the frame that shows `row` with
 * its data. Plain JavaScript source (tsx would wrap a compiled function in helpers the page lacks).
 */
const PAINT_WATCHER = `(row) => new Promise((resolve) => {
  const selector = '.ag-row[row-index="' + row + '"] [col-id="no"] a';
  const afterPaint = () => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(null);
  });
  if (document.querySelector(selector)) return afterPaint();
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    afterPaint();
  });
  observer.observe(document, { childList: true, subtree: true });
})`;

/**
 * In the page: scrolls the grid so that `row` is at the top, as dragging the scrollbar there does;
 * the time until painted, and how long the complaintPage request(s) of that took.
 */
const JUMP = String.raw`async (row) => {
  const height = document.querySelector('.ag-row[row-index]').getBoundingClientRect().height;
  const scroller = [...document.querySelectorAll('.grid *')].find((e) => e.scrollHeight > 1000000 && e.clientHeight > 100);
  performance.clearResourceTimings();
  const started = performance.now();
  const painted = (${PAINT_WATCHER})(row);
  scroller.scrollTop = row * height;
  const end = await painted;
  const requests = performance.getEntriesByType('resource').filter((e) => e.name.includes('/graphql') && /complaintpage/i.test(e.name));
  return { ms: end - started, requestMs: requests.length ? Math.max(...requests.map((r) => r.responseEnd - r.requestStart)) : NaN };
}`;

async function firstRows(page: Page, baseUrl: string): Promise<{ ms: number; total: string }> {
  await page.goto(`${baseUrl}/complaints`, { waitUntil: "commit" });
  const ms = (await page.evaluate(() => (window as unknown as { __painted: Promise<number> }).__painted)) as number;
  await page.waitForSelector('[data-testid="total"]:not(:has([data-testid="loading"]))');
  return { ms, total: (await page.textContent('[data-testid="total"]'))!.trim() };
}

async function jump(page: Page, row: number): Promise<{ ms: number; requestMs: number }> {
  return page.evaluate(`(${JUMP})(${row})`) as Promise<{ ms: number; requestMs: number }>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const s = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

async function main() {
  const db = await prepare();
  await buildClientIfMissing();
  const complaints = (await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM complaints`)).rows[0]!.n;
  const app = createApp({
    prisma: createPrisma(db),
    clock: demoClock(),
    rateLimits: { perSessionPerMinute: 0, perTokenPerMinute: 0, perAddressPerMinute: 0 },
  });
  const http = createHttpServer({ app, db });
  await listen(http, 0, "127.0.0.1");
  const baseUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  try {
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto(baseUrl);
    await page.fill('[data-testid="sign-in"] input[name="login"]', values.login!);
    await page.fill('[data-testid="sign-in"] input[name="password"]', DEMO_PASSWORD);
    await page.click('[data-testid="sign-in"] button[type="submit"]');
    await page.waitForSelector('[data-testid="whoami"]');

    // The watcher is installed before the app runs (an init script), so nothing is missed.
    await page.addInitScript(`window.__painted = (${PAINT_WATCHER})(0);`);
    const firsts: number[] = [];
    let total = "";
    for (let i = 0; i < 3; i++) {
      const r = await firstRows(page, baseUrl);
      firsts.push(r.ms);
      total = r.total;
    }
    const jumped: { ms: number; requestMs: number }[] = [];
    for (let i = 0; i < jumps; i++) jumped.push(await jump(page, JUMP_TARGET + i * 1_000));
    await jump(page, 0);

    console.log(
      `\ndatabase: ${complaints.toLocaleString("en")} complaints; ledger of ${values.login}: ${total}; Chromium headless, 1440×900; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}\n`,
    );
    const rows = [
      ["measurement", "median", "runs", "target"],
      ["navigation → first rows painted", s(median(firsts)), firsts.map(s).join(", "), ""],
      [
        `jump to row ${JUMP_TARGET.toLocaleString("en")} → painted`,
        s(median(jumped.map((j) => j.ms))),
        jumped.map((j) => s(j.ms)).join(", "),
        "≤ 0.300 s",
      ],
      ["  of which the complaintPage request", s(median(jumped.map((j) => j.requestMs))), jumped.map((j) => s(j.requestMs)).join(", "), ""],
      [
        "  of which the grid (rows in → painted)",
        s(median(jumped.map((j) => j.ms - j.requestMs))),
        jumped.map((j) => s(j.ms - j.requestMs)).join(", "),
        "≤ 0.300 s",
      ],
    ];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    const line = (r: string[]) =>
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join("  ")
        .trimEnd();
    console.log(line(rows[0]!));
    console.log(widths.map((w) => "-".repeat(w)).join("  "));
    for (const r of rows.slice(1)) console.log(line(r));
  } finally {
    await browser.close();
    await new Promise((resolve) => http.close(resolve));
    await db.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
