import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { openDatabase, type Database } from "../database.ts";
import { createPrisma } from "../prisma-client.ts";
import type { PrismaClient } from "../../generated/client/client.ts";
import type { TemplateKind, TestTarget } from "./targets.ts";
import { withDatabase } from "./global-setup.ts";

export interface TestDatabase {
  readonly db: Database;
  readonly prisma: PrismaClient;
  readonly target: TestTarget;
}

/**
 * Gives the calling test file its own database, copied from a template and dropped after the
 * file: an in-memory PGlite loaded from the template dump, or a PostgreSQL database created
 * from the template database.
 */
export function useTestDatabase(kind: TemplateKind = "empty"): TestDatabase {
  const target = (process.env.TEST_TARGET ?? "pglite") as TestTarget;
  let db: Database | undefined;
  let prisma: PrismaClient | undefined;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const template = inject("templates")[kind];
    if (target === "pglite") {
      db = await openDatabase({ loadFrom: new Blob([readFileSync(template)]) });
    } else {
      const url = process.env.DATABASE_URL!;
      const name = `tj_test_${randomBytes(6).toString("hex")}`;
      await adminQuery(url, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      db = await openDatabase({ databaseUrl: withDatabase(url, name), poolSize: 4 });
      drop = () => adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
    prisma = createPrisma(db);
  }, 60_000);

  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.close();
    await drop?.();
  });

  return {
    target,
    get db() {
      if (!db) throw new Error("useTestDatabase: the database is ready only inside tests");
      return db;
    },
    get prisma() {
      if (!prisma) throw new Error("useTestDatabase: the database is ready only inside tests");
      return prisma;
    },
  };
}

async function adminQuery(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}
