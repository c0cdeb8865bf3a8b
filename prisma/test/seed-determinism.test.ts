import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../src/testing/index.ts";
import { FIXED_DEMO_NOW, seedDemoData } from "../src/seed/index.ts";

describe("the demo-data generator", () => {
  const t = useTestDatabase("empty");

  async function fingerprint() {
    const { rows } = await t.db.pool.query(`
      SELECT (SELECT md5(string_agg(id::text || no || received_at::text || status::text, ',' ORDER BY id)) FROM complaints) AS complaints,
             (SELECT md5(string_agg(id::text || coalesce(rating::text, '-'), ',' ORDER BY id)) FROM survey_responses) AS answers,
             (SELECT count(*)::int FROM complaints) AS n`);
    return rows[0];
  }

  it("is deterministic: the same seed and scale give the same rows", async () => {
    const first = await seedDemoData(t.db.pool, { scale: 0.05, now: FIXED_DEMO_NOW });
    const a = await fingerprint();
    const { rows } = await t.db.pool.query(
      `SELECT string_agg(quote_ident(tablename), ', ') AS t FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
    );
    await t.db.pool.query(`TRUNCATE ${rows[0].t} CASCADE`);
    const second = await seedDemoData(t.db.pool, { scale: 0.05, now: FIXED_DEMO_NOW });
    expect(second).toEqual(first);
    expect(await fingerprint()).toEqual(a);
    expect(a.n).toBeGreaterThan(0);
  }, 180_000);

  it("writes nothing when it fails half way (one transaction)", async () => {
    await expect(seedDemoData(t.db.pool, { scale: 0.05, now: FIXED_DEMO_NOW })).rejects.toThrow(/duplicate key/);
    const { rows } = await t.db.pool.query(`SELECT count(*)::int AS n FROM organizations`);
    expect(rows[0].n).toBe(1);
  });
});
