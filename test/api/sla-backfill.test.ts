import { FIXED_DEMO_NOW } from "@tingjian/prisma";
import { describe, expect, it } from "vitest";
import { backfillSlaStages } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";

/** §6: the demo history (loaded without stages) gets its SLA stages from its recorded facts. */
describe("SLA stages for loaded history (§6)", () => {
  const t = useTestDatabase("demo");
  const q = (sql: string) => t.db.pool.query(sql).then((r) => r.rows);

  it("plans every non-duplicate complaint once, duplicates none, and a second run changes nothing", async () => {
    // Two days after the template's history ends.
    const now = new Date(FIXED_DEMO_NOW.getTime() + 2 * 86_400_000);
    const [{ n: complaints }] = await q(`SELECT count(*)::int AS n FROM complaints WHERE duplicate_of_id IS NULL`);
    expect(await backfillSlaStages(t.prisma, now)).toBe(complaints);
    // SLA-9 (first reply) runs for every complaint that is not a duplicate (INT-4: duplicates run no clock).
    expect(await q(`SELECT count(DISTINCT complaint_id)::int AS n FROM sla_stages WHERE rule = 'SLA_9'`)).toEqual([{ n: complaints }]);
    expect(
      await q(`SELECT count(*)::int AS n FROM sla_stages s JOIN complaints c ON c.id = s.complaint_id WHERE c.duplicate_of_id IS NOT NULL`),
    ).toEqual([{ n: 0 }]);
    // Closed history is met or breached, never left running; breaches are stored, not escalated again.
    expect(
      await q(
        `SELECT count(*)::int AS n FROM sla_stages s JOIN complaints c ON c.id = s.complaint_id WHERE c.status = 'VERIFIED' AND s.status IN ('RUNNING', 'PAUSED') AND s.rule NOT IN ('SLA_10', 'SLA_11')`,
      ),
    ).toEqual([{ n: 0 }]);
    const [{ met, breached }] = await q(
      `SELECT count(*) FILTER (WHERE status = 'MET')::int AS met, count(*) FILTER (WHERE status = 'BREACHED')::int AS breached FROM sla_stages`,
    );
    expect(met).toBeGreaterThan(breached);
    expect(await q(`SELECT count(*)::int AS n FROM sla_stages WHERE status = 'BREACHED' AND NOT breached`)).toEqual([{ n: 0 }]);
    const before = await q(`SELECT count(*)::int AS n FROM sla_stages`);
    expect(await backfillSlaStages(t.prisma, now)).toBe(0);
    expect(await q(`SELECT count(*)::int AS n FROM sla_stages`)).toEqual(before);
  });
});
