/**
 * `pnpm bench [--scale N] [--survey-scale N] [--seconds N]`: the benchmark of issue 6, a script
 * (not a test), on PostgreSQL. It prepares a database `tingjian_bench` on the server of
 * BENCH_DATABASE_URL (default: the local one, trust auth) with the demo data at that scale
 * (kept between runs; a different scale reseeds), then measures side by side and prints a
 * table. The benchmark volume of the README is `--scale 200 --survey-scale 16` (2 M complaints,
 * 1 M survey answers; about 25 minutes to prepare the first time).
 */
import { parseArgs } from "node:util";
import pg from "pg";
import { createYoga, createSchema } from "graphql-yoga";
import { applyMigrations, createPrisma, isEmpty, openDatabase, seedDemoData, type Database } from "@tingjian/prisma";
import { backfillSlaStages, createApp, type App } from "@tingjian/server";
import { signIn, type Caller } from "../api/graphql.ts";
import { SECTIONS, type BenchContext, type Row } from "./sections.ts";

const { values } = parseArgs({ allowPositionals: true, options: { scale: { type: "string", default: "4" }, "survey-scale": { type: "string" }, seconds: { type: "string", default: "5" } } });
const scale = Number(values.scale);
const surveyScale = values["survey-scale"] === undefined ? undefined : Number(values["survey-scale"]);
const seconds = Number(values.seconds);
const server = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const benchUrl = (() => {
  const u = new URL(server);
  u.pathname = "/tingjian_bench";
  return u.toString();
})();

/** Counts the statements every connection runs (SQL statements per request). */
function countStatements(): { reset(): void; readonly count: number } {
  const state = { count: 0 };
  const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  (pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown }).query = function (this: pg.Client, ...a: unknown[]) {
    state.count++;
    return query.apply(this, a);
  };
  return { reset: () => (state.count = 0), get count() { return state.count; } };
}

async function prepare(): Promise<Database> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'tingjian_bench'`);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE tingjian_bench`);
  await admin.end();
  const db = await openDatabase({ databaseUrl: benchUrl, poolSize: 8 });
  await applyMigrations(db.pool);
  const marker = `scale=${scale};survey=${surveyScale ?? scale}`;
  await db.pool.query(`CREATE TABLE IF NOT EXISTS bench_marker (what text)`);
  const have = (await db.pool.query<{ what: string }>(`SELECT what FROM bench_marker`)).rows[0]?.what;
  if (have !== marker || (await isEmpty(db.pool))) {
    console.log(`preparing the benchmark database (${marker}) …`);
    const { rows } = await db.pool.query<{ t: string }>(`SELECT quote_ident(tablename) AS t FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('_prisma_migrations', 'bench_marker')`);
    await db.pool.query(`TRUNCATE ${rows.map((r) => r.t).join(", ")} CASCADE`);
    const started = Date.now();
    await seedDemoData(db.pool, { scale, surveyScale, onProgress: (m) => console.log(`  ${m}`) });
    const stages = await backfillSlaStages(createPrisma(db));
    await db.pool.query(`ANALYZE`);
    await db.pool.query(`DELETE FROM bench_marker`);
    await db.pool.query(`INSERT INTO bench_marker VALUES ($1)`, [marker]);
    console.log(`  prepared in ${((Date.now() - started) / 1000).toFixed(0)} s (SLA stages for ${stages} complaints)`);
  }
  return db;
}

/** Runs `fn` repeatedly for the given time with `concurrency` callers; requests per second. */
export async function throughput(fn: () => Promise<void>, secondsToRun: number, concurrency = 4): Promise<number> {
  await fn(); // warm-up
  let done = 0;
  const until = Date.now() + secondsToRun * 1000;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (Date.now() < until) {
      await fn();
      done++;
    }
  }));
  return done / secondsToRun;
}

async function main() {
  const db = await prepare();
  const statements = countStatements();
  const prisma = createPrisma(db);
  const app: App = createApp({ prisma });
  const exec: Caller = await signIn(app, "exec");
  const count = async (table: string) => (await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
  const complaints = await count("complaints");
  const answers = await count("survey_responses");
  console.log(`database: ${complaints.toLocaleString("en")} complaints, ${answers.toLocaleString("en")} survey answers; ${seconds} s per measurement\n`);
  const ctx: BenchContext = { db, app, exec, statements, seconds, throughput, createYoga, createSchema };
  const rows: Row[] = [];
  for (const section of SECTIONS) {
    try {
      rows.push(...(await section(ctx)));
    } catch (e) {
      rows.push({ what: section.name, ours: "failed", baseline: "", ratio: "", target: "", note: (e as Error).message.slice(0, 120) });
    }
  }
  const head: Row = { what: "measurement", ours: "ours", baseline: "baseline", ratio: "ratio", target: "target", note: "" };
  const widths = (Object.keys(head) as (keyof Row)[]).map((k) => Math.max(...[head, ...rows].map((r) => String(r[k]).length)));
  const line = (r: Row) => (Object.keys(head) as (keyof Row)[]).map((k, i) => String(r[k]).padEnd(widths[i]!)).join("  ").trimEnd();
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
  await db.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
