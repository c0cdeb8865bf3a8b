import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../database.ts";
import { applyMigrations } from "../migrations/apply.ts";
import { FIXED_DEMO_NOW, seedDemoData } from "../seed/index.ts";
import { DEMO_TEMPLATE_SCALE, type TemplateKind, type TestTarget } from "./targets.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** pglite: path of a dumpDataDir() tarball; postgres: name of a template database. */
    templates: Record<TemplateKind, string>;
  }
}

/**
 * Builds the templates once per run: a migrated empty database and one with a small demo
 * company. Test files copy a template (PGlite: load the dump; PostgreSQL: CREATE DATABASE …
 * TEMPLATE) instead of migrating or running initdb each time.
 */
export default async function setup(project: TestProject) {
  const target = project.config.env.TEST_TARGET as TestTarget;
  if (target === "postgres") return setupPostgres(project);
  const dir = mkdtempSync(join(tmpdir(), "tingjian-templates-"));
  const templates = {} as Record<TemplateKind, string>;
  for (const kind of ["empty", "demo"] as const) {
    const db = await openDatabase({ dataDir: join(dir, `${kind}-data`) });
    await applyMigrations(db.pool);
    if (kind === "demo") await seedDemoData(db.pool, { scale: DEMO_TEMPLATE_SCALE, now: FIXED_DEMO_NOW });
    await db.pool.query("CHECKPOINT");
    const dump = await db.pglite!.dumpDataDir("none");
    await db.close();
    templates[kind] = join(dir, `${kind}.tar`);
    writeFileSync(templates[kind], Buffer.from(await dump.arrayBuffer()));
  }
  project.provide("templates", templates);
  return () => rmSync(dir, { recursive: true, force: true });
}

async function setupPostgres(project: TestProject) {
  const url = process.env.DATABASE_URL!;
  const prefix = `tj_tmpl_${process.pid}_${project.name.replace(/\W/g, "")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const templates = {} as Record<TemplateKind, string>;
  for (const kind of ["empty", "demo"] as const) {
    const name = `${prefix}_${kind}`;
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    const db = await openDatabase({ databaseUrl: withDatabase(url, name), poolSize: 2 });
    await applyMigrations(db.pool);
    if (kind === "demo") await seedDemoData(db.pool, { scale: DEMO_TEMPLATE_SCALE, now: FIXED_DEMO_NOW });
    await db.close();
    templates[kind] = name;
  }
  await admin.end();
  project.provide("templates", templates);
  return async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    for (const name of Object.values(templates)) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
