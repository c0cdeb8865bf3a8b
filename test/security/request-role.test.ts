import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type pg from "pg";
import { createPrisma, openAppRolePool } from "@tingjian/prisma";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { createApp, type App } from "@tingjian/server";
import { gql, globalId, signIn } from "../api/graphql.ts";
import { demoClock } from "../demo-clock.ts";

/**
 * Issue 15 item 12: requests run as a role that cannot leave its restrictions, and the access log
 * keeps who read what whatever is deleted later.
 */
describe("the request role and the access log's references (issue 15 item 12)", () => {
  const t = useTestDatabase("demo");
  let appPool: pg.Pool | null = null;
  let app: App;
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);

  beforeAll(async () => {
    appPool = await openAppRolePool(t.db);
    app = createApp({
      prisma: t.prisma,
      requestPrisma: appPool ? createPrisma({ ...t.db, pool: appPool }) : undefined,
      clock: demoClock(),
    });
  });
  afterAll(async () => {
    await appPool?.end();
  });

  it("SEC-3: a person, token or approval the access log names cannot be deleted; the entry keeps them", async () => {
    const exec = await signIn(app, "exec");
    const [c] = await q(`SELECT id FROM complaints WHERE classification = 'SECRET' ORDER BY no LIMIT 1`);
    const r = await gql<{ node: { content: string } }>(
      app,
      `query($id: ID!) { node(id: $id) { ... on Complaint { content } } }`,
      { id: globalId("Complaint", c.id) },
      exec,
    );
    expect(r.errors).toBeUndefined();
    const [log] = await q(
      `SELECT l.id, l.staff_id FROM access_logs l JOIN staff s ON s.id = l.staff_id WHERE s.login = 'exec' AND l.record_id = $1`,
      [c.id],
    );
    expect(log).toBeTruthy();
    // In a transaction of its own, as an administrator's SQL console would.
    await expect(
      t.prisma.$transaction((tx) => tx.$executeRawUnsafe(`DELETE FROM staff WHERE id = $1::uuid`, log.staff_id)),
    ).rejects.toThrow(/foreign key|violates|constraint/i);
    expect((await q(`SELECT staff_id FROM access_logs WHERE id = $1`, [log.id]))[0].staff_id).toBe(log.staff_id);
    const fks = await q(
      `SELECT conname, confdeltype FROM pg_constraint WHERE conrelid = 'access_logs'::regclass AND contype = 'f' AND conname <> 'access_logs_organization_id_fkey' ORDER BY conname`,
    );
    // r = RESTRICT: none is SET NULL (n) any more.
    expect(fks.map((f) => f.confdeltype)).toEqual(fks.map(() => "r"));
  });

  it.skipIf(t.target === "pglite")(
    "on a PostgreSQL server a request's connection is tingjian_app itself: RESET ROLE leaves nothing",
    async () => {
      expect(appPool).not.toBeNull();
      const client = await appPool!.connect();
      try {
        await client.query("BEGIN");
        await client.query(`SELECT set_config('role', 'tingjian_app', true), set_config('tingjian.organization_id', '', true)`);
        await client.query("RESET ROLE");
        const [me] = (
          await client.query(`SELECT current_user AS who, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS super`)
        ).rows;
        expect(me).toEqual({ who: "tingjian_app", super: false });
        // No organisation set: row-level security admits no complaint at all, RESET ROLE or not.
        expect((await client.query(`SELECT count(*)::int AS n FROM complaints`)).rows[0].n).toBe(0);
        await expect(client.query(`SET ROLE postgres`)).rejects.toThrow(/permission denied/);
        await client.query("ROLLBACK");
      } finally {
        client.release();
      }
      // The owner connection, by contrast, is what a RESET ROLE used to fall back to.
      const [owner] = await q(`SELECT current_user AS who`);
      expect(owner.who).not.toBe("tingjian_app");
      // And the API works as before on the restricted connections.
      const analyst = await signIn(app, "analyst");
      const r = await gql<{ complaints: { totalCount: number } }>(app, `{ complaints(first: 0) { totalCount } }`, {}, analyst);
      expect(r.data!.complaints.totalCount).toBeGreaterThan(0);
    },
  );
});
