/**
 * `pnpm seed [--scale N] [--survey-scale N] [--at INSTANT] [--reset] [--bulk | --no-bulk]`: generates
 * the demo company into the database of DATABASE_URL (or the embedded one in DATA_DIR), its history
 * ending now (or at --at, an ISO instant, for data with exact, repeatable figures). An existing
 * company is left alone unless --reset drops all data first. --bulk / --no-bulk force bulk-load
 * mode on or off (default: on from scale 10 on a PostgreSQL server; never on PGlite).
 */
import { parseArgs } from "node:util";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../database.ts";
import { applyMigrations } from "../migrations/apply.ts";
import { StartupError } from "../startup-error.ts";
import { isEmpty, seedDemoData } from "./index.ts";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    "survey-scale": { type: "string" },
    reset: { type: "boolean", default: false },
    at: { type: "string" },
    bulk: { type: "boolean" },
    "no-bulk": { type: "boolean" },
  },
});
const scale = Number(values.scale);
const surveyScale = values["survey-scale"] === undefined ? undefined : Number(values["survey-scale"]);
const bulk = values["no-bulk"] ? false : values.bulk ? true : undefined;
const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

async function main() {
  if (values.bulk && values["no-bulk"]) throw new StartupError("--bulk and --no-bulk exclude each other");
  if (!(scale > 0) || (surveyScale !== undefined && !(surveyScale > 0)))
    throw new StartupError("--scale and --survey-scale must be positive numbers");
  const now = values.at ? new Date(values.at) : new Date();
  if (Number.isNaN(now.getTime()))
    throw new StartupError(`--at must be an ISO instant such as 2026-11-20T18:00:00+08:00 (got "${values.at}")`);
  const db = await openDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: resolve(repoRoot, process.env.DATA_DIR ?? "data/pglite"),
  });
  try {
    await applyMigrations(db.pool);
    if (values.reset) {
      const { rows } = await db.pool.query<{ t: string }>(
        `SELECT quote_ident(tablename) AS t FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
      );
      await db.pool.query(`TRUNCATE ${rows.map((r) => r.t).join(", ")} CASCADE`);
    } else if (!(await isEmpty(db.pool))) {
      console.log("The database already holds a company; use --reset to replace it.");
      return;
    }
    const started = Date.now();
    const counts = await seedDemoData(db.pool, { scale, surveyScale, bulk, now, onProgress: (m) => console.log(m) });
    const seconds = (Date.now() - started) / 1000;
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    for (const [table, n] of Object.entries(counts).sort((a, b) => b[1] - a[1]))
      console.log(`${table.padEnd(28)} ${String(n).padStart(10)}`);
    console.log(`${total} rows in ${seconds.toFixed(1)} s (${Math.round(total / seconds)} rows/s) on ${db.kind} database`);
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error(e instanceof StartupError ? `seed: ${e.message}` : e);
  process.exit(1);
});
