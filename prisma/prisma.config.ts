import pg from "pg";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

// The Prisma CLI is used offline for `generate` and `migrate diff` (an in-memory PGlite when
// PRISMA_ADAPTER=pglite, as `pnpm migrate:new` sets: nothing to install or reach). Migrations are
// applied by the product itself at startup (src/migrations/apply.ts). Commands that do talk to a
// database (`prisma migrate status`, `prisma studio`) use DATABASE_URL through the workarounds
// of ../shared/reference/prisma.config.postgres.ts, needed by Prisma 6.19's JS schema engine.

// Report pg_catalog `name`/`"char"` columns as text (prisma/orm#27403). CLI process only.
// `addFields` is internal to pg (untyped), hence the cast.
const resultProto = pg.Result.prototype as unknown as { addFields(fields: { dataTypeID: number }[]): void };
const addFields = resultProto.addFields;
resultProto.addFields = function (fields) {
  for (const f of fields) if (f.dataTypeID === 18 || f.dataTypeID === 19) f.dataTypeID = 25;
  return addFields.call(this, fields);
};

// The WASM schema engine leaves long timers armed; don't let them keep the CLI alive.
const realSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((fn: (...args: unknown[]) => void, ms?: number, ...a: unknown[]) => {
  const t = realSetTimeout(fn, ms, ...a);
  if ((ms ?? 0) >= 5000) t.unref?.();
  return t;
}) as typeof setTimeout;

function connection(): pg.PoolConfig {
  const u = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.slice(1),
    allowExitOnIdle: true,
  };
}

class PrismaPgMigrate extends PrismaPg {
  override async connectToShadowDb() {
    const base = connection();
    const name = `prisma_shadow_${process.pid}_${Date.now()}`;
    const admin = new pg.Client(base);
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const adapter = await new PrismaPg({ ...base, database: name }).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      const a = new pg.Client(base);
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    };
    return adapter;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "schema",
  migrations: { path: "migrations" },
  adapter: async () => (process.env.PRISMA_ADAPTER === "pglite" ? new PrismaPGlite(new PGlite()) : new PrismaPgMigrate(connection())),
});
