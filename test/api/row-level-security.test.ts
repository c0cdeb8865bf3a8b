import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@tingjian/prisma/testing";

/**
 * SPEC §2 defence in depth: below the schema's organisation filters, PostgreSQL row-level
 * security confines the API's database role to the request's organisation, on PGlite as on
 * PostgreSQL.
 */
describe("row-level security on organization_id", () => {
  const t = useTestDatabase("demo");

  async function asApp<T>(
    organizationId: string | null,
    work: (query: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<T>,
  ): Promise<T> {
    const client = await t.db.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(`SELECT set_config('role', 'tingjian_app', true), set_config('tingjian.organization_id', $1, true)`, [
        organizationId ?? "",
      ]);
      return await work((sql) => client.query(sql).then((r) => r.rows));
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  }

  it("every organisation-owned table has row-level security with the tenant policy", async () => {
    const { rows } = await t.db.pool.query(`
      SELECT c.relname, c.relrowsecurity, EXISTS (SELECT 1 FROM pg_policies p WHERE p.tablename = c.relname AND p.policyname = 'tenant_isolation') AS policy
        FROM pg_class c JOIN information_schema.columns col ON col.table_name = c.relname AND col.column_name = 'organization_id' AND col.table_schema = 'public'
       WHERE c.relkind = 'r'`);
    expect(rows.length).toBeGreaterThan(60);
    expect(rows.filter((r) => !r.relrowsecurity || !r.policy).map((r) => r.relname)).toEqual([]);
  });

  it("a query without any organisation filter sees only the request's organisation", async () => {
    const {
      rows: [own],
    } = await t.db.pool.query(`SELECT id FROM organizations LIMIT 1`);
    await t.db.pool.query(`WITH o AS (INSERT INTO organizations (code, name, updated_at) VALUES ('RLS2', '别家', now()) RETURNING id)
      INSERT INTO estates (organization_id, code, name, kind, updated_at) SELECT id, 'RX', '别家小区', 'RESIDENTIAL', now() FROM o`);
    const {
      rows: [total],
    } = await t.db.pool.query(`SELECT count(*)::int AS n FROM estates`);
    const seen = await asApp(own.id, (query) => query(`SELECT code FROM estates`));
    expect(seen.length).toBe(total.n - 1);
    expect(seen.map((r) => r.code)).not.toContain("RX");
    const none = await asApp(null, (query) => query(`SELECT count(*)::int AS n FROM complaints`));
    expect(none[0]!.n).toBe(0);
  });

  it("cannot write rows into another organisation", async () => {
    const {
      rows: [own],
    } = await t.db.pool.query(`SELECT id FROM organizations WHERE code <> 'RLS2' LIMIT 1`);
    const {
      rows: [other],
    } = await t.db.pool.query(`SELECT id FROM organizations WHERE code = 'RLS2'`);
    await expect(
      asApp(own.id, (query) =>
        query(
          `INSERT INTO estates (organization_id, code, name, kind, updated_at) VALUES ('${other.id}', 'ZZ', 'x', 'RESIDENTIAL', now())`,
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it("the event timeline and the access log are append-only for the API (SEC-3, SPEC §5)", async () => {
    const {
      rows: [own],
    } = await t.db.pool.query(`SELECT id FROM organizations WHERE code <> 'RLS2' LIMIT 1`);
    await expect(asApp(own.id, (query) => query(`UPDATE complaint_events SET note = 'x'`))).rejects.toThrow(/permission denied/);
    await expect(asApp(own.id, (query) => query(`DELETE FROM access_logs`))).rejects.toThrow(/permission denied/);
    await expect(asApp(own.id, (query) => query(`DELETE FROM record_revisions`))).rejects.toThrow(/permission denied/);
  });
});
