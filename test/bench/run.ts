/**
 * `pnpm bench [--scale N] [--survey-scale N] [--seconds N] [--only a,b] [--database NAME]
 * [--explain DIR] [--prepare-only]`: the benchmark of issue 6, a script (not a test), on
 * PostgreSQL. It prepares a database (`tingjian_bench`, or NAME) on the server of
 * BENCH_DATABASE_URL (default: the local one, trust auth) with the demo data at that scale
 * (kept between runs; a different scale reseeds), then measures side by side and prints a
 * table. The benchmark volume of the README is `--scale 200 --survey-scale 16` (2 M complaints,
 * 1 M survey answers); give it its own `--database` so that the default one stays as it is.
 * `--only` runs some sections (listPage, importRate, importSurveyRate, quarterlyReport, recurrence); `--explain DIR`
 * writes EXPLAIN (ANALYZE, BUFFERS) of every statement the measured GraphQL requests issue, run as
 * the request runs them (role tingjian_app, the organisation set, JIT off), and of the
 * hand-written baselines; `--prepare-only` only prepares the database (and says how long the seed
 * and the SLA stages took). BENCH_TRACE=1 lists the statements of each measured request,
 * BENCH_PROFILE=1 times each metric of the quarterly report on its own.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import pg from "pg";
import { createYoga, createSchema } from "graphql-yoga";
import { applyMigrations, createPrisma, isEmpty, openDatabase, seedDemoData, FIXED_DEMO_NOW, type Database } from "@tingjian/prisma";
import { backfillSlaStages, createApp, type App } from "@tingjian/server";
import { signIn, type Caller } from "../api/graphql.ts";
import { demoClock } from "../demo-clock.ts";
import { SECTIONS, type BenchContext, type Row, type Statements, type Traced } from "./sections.ts";

const { values } = parseArgs({
  allowPositionals: true,
  options: {
    scale: { type: "string", default: "4" },
    "survey-scale": { type: "string" },
    seconds: { type: "string", default: "5" },
    only: { type: "string" },
    database: { type: "string", default: "tingjian_bench" },
    explain: { type: "string" },
    "prepare-only": { type: "boolean" },
  },
});
const scale = Number(values.scale);
const surveyScale = values["survey-scale"] === undefined ? undefined : Number(values["survey-scale"]);
const seconds = Number(values.seconds);
const server = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const databaseName = values.database!;
if (!/^[a-z_][a-z0-9_]*$/.test(databaseName)) throw new Error("--database: lower-case letters, digits and _");
const benchUrl = (() => {
  const u = new URL(server);
  u.pathname = `/${databaseName}`;
  return u.toString();
})();

/**
 * Counts the statements every connection runs (SQL statements per request); while tracing, also
 * keeps each statement's text, parameters and time (from the call to its result, so a statement
 * queued behind another one of the same connection includes the wait; the request's transaction
 * runs one at a time).
 */
function countStatements(): Statements {
  const state = { count: 0, trace: null as Traced[] | null };
  const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  (pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown }).query = function (this: pg.Client, ...a: unknown[]) {
    state.count++;
    const trace = state.trace;
    const result = query.apply(this, a);
    if (trace && result && typeof (result as Promise<unknown>).then === "function") {
      const started = performance.now();
      const config = a[0] as string | { text?: string; values?: unknown[] };
      const text = typeof config === "string" ? config : (config?.text ?? "");
      const params = (Array.isArray(a[1]) ? a[1] : typeof config === "object" ? config?.values : undefined) ?? [];
      const done = () => trace.push({ text, values: params, ms: performance.now() - started });
      (result as Promise<unknown>).then(done, done);
    }
    return result;
  };
  return {
    reset: () => (state.count = 0),
    get count() {
      return state.count;
    },
    async traced<T>(fn: () => Promise<T>): Promise<{ result: T; statements: Traced[] }> {
      const statements: Traced[] = [];
      state.trace = statements;
      try {
        return { result: await fn(), statements };
      } finally {
        state.trace = null;
      }
    },
  };
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the statements a GraphQL request issued, each run as the request
 * ran it (useRequestTransaction: role tingjian_app, the organisation set; engine.ts: JIT off), in a
 * transaction rolled back. Statements under 2 ms and the transaction's own bookkeeping are left out.
 */
async function explain(dir: string, name: string, statements: Traced[], organizationId: string, asOwner = false): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const client = new pg.Client({ connectionString: benchUrl });
  await client.connect();
  let n = 0;
  try {
    for (const s of statements) {
      if (s.ms < 2 || /^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(s.text.trim()) || /set_config\('role'/.test(s.text)) continue;
      await client.query("BEGIN");
      try {
        // The baselines run as the table owner (no row-level security), the requests as tingjian_app.
        if (asOwner) await client.query(`SELECT set_config('jit', 'off', true)`);
        else
          await client.query(
            `SELECT set_config('role', 'tingjian_app', true), set_config('tingjian.organization_id', $1, true), set_config('jit', 'off', true)`,
            [organizationId],
          );
        const plan = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, s.values as unknown[]);
        const file = `${dir}/${name}-${String(++n).padStart(2, "0")}.txt`;
        writeFileSync(
          file,
          `-- ${s.ms.toFixed(1)} ms in the request\n-- parameters: ${JSON.stringify(s.values).slice(0, 2000)}\n${s.text}\n\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}\n`,
        );
      } catch (e) {
        writeFileSync(`${dir}/${name}-${String(++n).padStart(2, "0")}-failed.txt`, `${(e as Error).message}\n\n${s.text}\n`);
      } finally {
        await client.query("ROLLBACK");
      }
    }
  } finally {
    await client.end();
  }
  console.log(`  EXPLAIN ANALYZE of ${name}: ${n} statements in ${dir}/`);
}

async function prepare(): Promise<Database> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [databaseName]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${databaseName}`);
  await admin.end();
  const db = await openDatabase({ databaseUrl: benchUrl, poolSize: 8 });
  await applyMigrations(db.pool);
  const marker = `scale=${scale};survey=${surveyScale ?? scale}`;
  await db.pool.query(`CREATE TABLE IF NOT EXISTS bench_marker (what text)`);
  const have = (await db.pool.query<{ what: string }>(`SELECT what FROM bench_marker`)).rows[0]?.what;
  if (have !== marker || (await isEmpty(db.pool))) {
    console.log(`preparing the benchmark database ${databaseName} (${marker}) …`);
    const { rows } = await db.pool.query<{ t: string }>(
      `SELECT quote_ident(tablename) AS t FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT IN ('_prisma_migrations', 'bench_marker')`,
    );
    await db.pool.query(`TRUNCATE ${rows.map((r) => r.t).join(", ")} CASCADE`);
    const started = Date.now();
    const since = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
    await seedDemoData(db.pool, { scale, surveyScale, now: FIXED_DEMO_NOW, onProgress: (m) => console.log(`  [${since()}] ${m}`) });
    const seeded = since();
    console.log(`  [${seeded}] seeded; planning the SLA stages …`);
    const stages = await backfillSlaStages(createPrisma(db), FIXED_DEMO_NOW);
    await db.pool.query(`ANALYZE`);
    await db.pool.query(`DELETE FROM bench_marker`);
    await db.pool.query(`INSERT INTO bench_marker VALUES ($1)`, [marker]);
    console.log(`  prepared in ${since()} (seed ${seeded}, then SLA stages for ${stages} complaints)`);
  }
  return db;
}

/** Runs `fn` repeatedly for the given time with `concurrency` callers; requests per second. */
export async function throughput(fn: () => Promise<void>, secondsToRun: number, concurrency = 4): Promise<number> {
  await fn(); // warm-up
  let done = 0;
  const until = Date.now() + secondsToRun * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < until) {
        await fn();
        done++;
      }
    }),
  );
  return done / secondsToRun;
}

async function main() {
  const db = await prepare();
  if (values["prepare-only"]) {
    await db.close();
    return;
  }
  const statements = countStatements();
  const prisma = createPrisma(db);
  const clock = demoClock();
  // The benchmark measures throughput: the API's rate limits (issue 15 item 4) would cap it.
  const app: App = createApp({ prisma, clock, rateLimits: { perSessionPerMinute: 0, perTokenPerMinute: 0, perAddressPerMinute: 0 } });
  const exec: Caller = await signIn(app, "exec");
  const count = async (table: string) => (await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
  const complaints = await count("complaints");
  const answers = await count("survey_responses");
  console.log(
    `database: ${complaints.toLocaleString("en")} complaints, ${answers.toLocaleString("en")} survey answers; ${seconds} s per measurement\n`,
  );
  const [{ id: organizationId }] = (await db.pool.query<{ id: string }>(`SELECT id FROM organizations ORDER BY code LIMIT 1`)).rows as [
    { id: string },
  ];
  const ctx: BenchContext = {
    db,
    app,
    clock,
    exec,
    statements,
    seconds,
    throughput,
    createYoga,
    createSchema,
    organizationId,
    explain: values.explain ? (name, traced, asOwner) => explain(values.explain!, name, traced, organizationId, asOwner) : null,
  };
  const only = values.only ? new Set(values.only.split(",").map((s) => s.trim())) : null;
  const rows: Row[] = [];
  for (const section of SECTIONS) {
    if (only && !only.has(section.name)) continue;
    try {
      rows.push(...(await section(ctx)));
    } catch (e) {
      rows.push({ what: section.name, ours: "failed", baseline: "", ratio: "", target: "", note: (e as Error).message.slice(0, 120) });
    }
  }
  const head: Row = { what: "measurement", ours: "ours", baseline: "baseline", ratio: "ratio", target: "target", note: "" };
  const widths = (Object.keys(head) as (keyof Row)[]).map((k) => Math.max(...[head, ...rows].map((r) => String(r[k]).length)));
  const line = (r: Row) =>
    (Object.keys(head) as (keyof Row)[])
      .map((k, i) => String(r[k]).padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
  await db.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
