import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyMigrations, migrationsDir, readMigrations } from "../src/migrations/apply.ts";
import { useTestDatabase } from "../src/testing/index.ts";

describe("startup migrations", () => {
  const t = useTestDatabase("empty");

  it("records every committed migration in Prisma's own table, so prisma migrate status agrees", async () => {
    const { rows } = await t.db.pool.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows).toEqual(readMigrations().map((m) => ({ migration_name: m.name, checksum: m.checksum })));
  });

  it("applies nothing the second time", async () => {
    expect(await applyMigrations(t.db.pool)).toEqual([]);
  });

  it("applies a new migration, and rolls back a failing one completely", async () => {
    const dir = mkdtempSync(join(tmpdir(), "migrations-"));
    cpSync(migrationsDir, dir, { recursive: true });
    mkdirSync(join(dir, "29990101000000_add_note"));
    writeFileSync(join(dir, "29990101000000_add_note", "migration.sql"), `ALTER TABLE "estates" ADD COLUMN "probe_note" TEXT;`);
    expect(await applyMigrations(t.db.pool, dir)).toEqual(["29990101000000_add_note"]);

    mkdirSync(join(dir, "29990102000000_broken"));
    writeFileSync(join(dir, "29990102000000_broken", "migration.sql"), `CREATE TABLE "probe" (x int); SELECT no_such_function();`);
    await expect(applyMigrations(t.db.pool, dir)).rejects.toThrow(/29990102000000_broken failed/);
    const probe = await t.db.pool.query(`SELECT to_regclass('probe') AS t`);
    expect(probe.rows[0].t).toBeNull();
  });

  it("refuses a migration edited after it was applied", async () => {
    const dir = mkdtempSync(join(tmpdir(), "migrations-"));
    cpSync(migrationsDir, dir, { recursive: true });
    const first = readMigrations(dir)[0]!;
    writeFileSync(join(dir, first.name, "migration.sql"), `${first.sql}\n-- edited`);
    await expect(applyMigrations(t.db.pool, dir)).rejects.toThrow(/was edited after it was applied/);
  });
});
