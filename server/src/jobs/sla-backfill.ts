import type { PrismaClient } from "@tingjian/prisma/client";
import { planStages, type PlannedStage } from "../domain/sla/stages.ts";
import { FACTS_INCLUDE, SlaCache, toFacts } from "../services/complaints/sla-stages.ts";

const BATCH = 2_000;

/**
 * SPEC §6 for complaints that arrived without their stages (the demo data, an import of
 * history): plans every stage from the recorded facts and stores it in bulk. History is not
 * escalated again: a breach found here is stored as breached, as it happened. Runs as the owner
 * across organisations; complaints that have stages are left alone. Returns the complaints planned.
 */
export async function backfillSlaStages(prisma: PrismaClient, now: Date, after = "00000000-0000-0000-0000-000000000000"): Promise<number> {
  const cache = new SlaCache();
  let last = after;
  let planned = 0;
  for (;;) {
    const ids = await prisma.$queryRaw<{ id: string }[]>`
      SELECT c.id FROM complaints c
       WHERE c.id > ${last}::uuid AND c.duplicate_of_id IS NULL
         AND NOT EXISTS (SELECT 1 FROM sla_stages s WHERE s.organization_id = c.organization_id AND s.complaint_id = c.id)
       ORDER BY c.id LIMIT ${BATCH}`;
    if (ids.length === 0) return planned;
    last = ids.at(-1)!.id;
    const complaints = await prisma.complaint.findMany({ where: { id: { in: ids.map((r) => r.id) } }, include: FACTS_INCLUDE });
    const rows = [];
    for (const c of complaints) {
      const policy = await cache.policy(prisma, c.organizationId, c.estateId);
      const calendar = await cache.calendar(prisma, c.organizationId, c.estate.calendarId);
      for (const p of planStages(toFacts(c), policy, calendar, now)) {
        rows.push({ ...p, breached: p.status === "BREACHED", organizationId: c.organizationId, complaintId: c.id, estateId: c.estateId });
      }
    }
    await insertStages(prisma, rows);
    planned += complaints.length;
  }
}

type StageRow = PlannedStage & { breached: boolean; organizationId: string; complaintId: string; estateId: string };

/** One `INSERT … SELECT FROM unnest(…)` per batch: several times faster than row-by-row values on the embedded database. */
async function insertStages(prisma: PrismaClient, rows: StageRow[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <T>(f: (r: StageRow) => T) => rows.map(f);
  const time = (d: Date | null) => d?.toISOString() ?? null;
  const now = new Date().toISOString();
  await prisma.$executeRaw`
    INSERT INTO sla_stages (organization_id, complaint_id, estate_id, rule, stage, round, clock, policy_key, duration_minutes, started_at, deadline_at,
                            finished_at, paused_seconds, paused_since, status, breached, breached_at, updated_at)
    SELECT * FROM unnest(${col((r) => r.organizationId)}::text[]::uuid[], ${col((r) => r.complaintId)}::text[]::uuid[], ${col((r) => r.estateId)}::text[]::uuid[],
                         ${col((r) => r.rule)}::text[]::sla_rule[], ${col((r) => r.stage)}::text[], ${col((r) => r.round)}::int[], ${col((r) => r.clock)}::text[]::sla_clock[],
                         ${col((r) => r.policyKey)}::text[], ${col((r) => r.durationMinutes)}::int[], ${col((r) => time(r.startedAt))}::text[]::timestamptz[],
                         ${col((r) => time(r.deadlineAt))}::text[]::timestamptz[], ${col((r) => time(r.finishedAt))}::text[]::timestamptz[], ${col((r) => r.pausedSeconds)}::int[],
                         ${col((r) => time(r.pausedSince))}::text[]::timestamptz[], ${col((r) => r.status)}::text[]::sla_stage_status[], ${col((r) => r.breached)}::boolean[],
                         ${col((r) => time(r.breachedAt))}::text[]::timestamptz[], ${col(() => now)}::text[]::timestamptz[])
    ON CONFLICT DO NOTHING`;
}
