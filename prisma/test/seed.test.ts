import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../src/testing/index.ts";
import { DEMO_TEMPLATE_SCALE } from "../src/testing/targets.ts";

describe("demo data", () => {
  const t = useTestDatabase("demo");
  const one = async <T>(sql: string) => (await t.db.pool.query(sql)).rows[0] as T;

  it("is a company with residential, commercial, office and villa estates and resident households", async () => {
    const { rows } = await t.db.pool.query(`SELECT kind::text FROM estates ORDER BY kind::text`);
    expect(rows.map((r) => r.kind)).toEqual(["COMMERCIAL", "OFFICE", "RESIDENTIAL", "VILLA"]);
    const h = await one<{ all: number; occupied: number }>(
      `SELECT count(*)::int AS all, count(*) FILTER (WHERE occupied)::int AS occupied FROM households`,
    );
    expect(h.all).toBeGreaterThan(2000 * DEMO_TEMPLATE_SCALE * 0.8);
    expect(h.occupied / h.all).toBeGreaterThan(0.75);
  });

  it("has staff in every role of SPEC §2", async () => {
    const { rows } = await t.db.pool.query(`SELECT DISTINCT role::text FROM staff ORDER BY 1`);
    expect(rows.map((r) => r.role)).toEqual(
      [
        "ADMIN",
        "ANALYST",
        "AUDITOR",
        "COMPANY_MANAGER",
        "DEPARTMENT_HEAD",
        "DEVELOPER_LIAISON",
        "EXECUTIVE",
        "FRONT_DESK",
        "MANAGEMENT_REP",
        "OFFICE_DIRECTOR",
        "PROPERTY_ASSISTANT",
        "SERVICE_REP",
      ].sort(),
    );
  });

  it("has three years of complaints with leaks peaking in the rainy season", async () => {
    const span = await one<{ first: Date; last: Date }>(`SELECT min(received_at) AS first, max(received_at) AS last FROM complaints`);
    expect(span.first.toISOString() < "2024-02-01").toBe(true);
    expect(span.last.toISOString() > "2026-11-01").toBe(true);
    const leaks = await one<{ rainy: number; winter: number }>(`
      SELECT count(*) FILTER (WHERE extract(month FROM c.received_at AT TIME ZONE 'Asia/Shanghai') IN (6, 7))::int AS rainy,
             count(*) FILTER (WHERE extract(month FROM c.received_at AT TIME ZONE 'Asia/Shanghai') IN (12, 1))::int AS winter
        FROM complaints c JOIN categories k ON k.id = c.category_id WHERE k.code = 'ENG-LEAK'`);
    expect(leaks.rainy).toBeGreaterThan(leaks.winter * 2);
  });

  it("has duplicates linked to a first report (INT-4), anonymous and in-warranty complaints, recurring places (REC-2)", async () => {
    const c = await one<{ dup: number; anon: number; warranty: number; total: number }>(`
      SELECT count(*) FILTER (WHERE duplicate_of_id IS NOT NULL)::int AS dup, count(*) FILTER (WHERE anonymous)::int AS anon,
             count(*) FILTER (WHERE kind = 'WARRANTY')::int AS warranty, count(*)::int AS total FROM complaints`);
    expect(c.dup).toBeGreaterThan(0);
    expect(c.anon).toBeGreaterThan(0);
    expect(c.warranty).toBeGreaterThan(0);
    const repeats = await one<{ n: number }>(`
      SELECT count(*)::int AS n FROM complaints a JOIN complaints b
        ON b.household_id = a.household_id AND b.category_id = a.category_id AND b.received_at > a.received_at
       AND b.received_at <= a.received_at + interval '90 days'
       WHERE a.valid AND b.valid AND a.duplicate_of_id IS NULL AND b.duplicate_of_id IS NULL`);
    expect(repeats.n).toBeGreaterThan(0);
  });

  it("keeps every complaint's timeline consistent with its status", async () => {
    const bad = await one<{ n: number }>(`
      SELECT count(*)::int AS n FROM complaints c
       WHERE NOT EXISTS (SELECT 1 FROM complaint_events e WHERE e.complaint_id = c.id AND e.kind = 'REGISTERED')
          OR (c.status NOT IN ('REGISTERED') AND c.duplicate_of_id IS NULL AND NOT EXISTS (
               SELECT 1 FROM complaint_events e WHERE e.complaint_id = c.id AND e.to_status = c.status))`);
    expect(bad.n).toBe(0);
  });

  it("calls back confirmed complaints (CB-1) and samples every complainant household into the next survey (SUR-2)", async () => {
    const cb = await one<{ due: number; called: number }>(`
      SELECT count(*)::int AS due, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM callbacks b WHERE b.complaint_id = c.id))::int AS called
        FROM complaints c WHERE c.confirmed_at IS NOT NULL AND NOT c.callback_exempt AND c.duplicate_of_id IS NULL`);
    expect(cb.called).toBe(cb.due);
    const missing = await one<{ n: number }>(`
      SELECT count(*)::int AS n FROM survey_campaigns sc JOIN survey_campaigns prev ON prev.id = sc.previous_campaign_id
        JOIN complaints c ON c.received_at >= prev.starts_at AND c.received_at < sc.starts_at AND c.valid AND c.household_id IS NOT NULL
       WHERE NOT EXISTS (SELECT 1 FROM survey_sample_members m WHERE m.campaign_id = sc.id AND m.household_id = c.household_id)`);
    expect(missing.n).toBe(0);
    const coverage = await one<{ min: number }>(`
      SELECT min(s.sample_size::float / s.population_size) AS min FROM survey_samples s`);
    expect(coverage.min).toBeGreaterThanOrEqual(0.6);
  });
});
