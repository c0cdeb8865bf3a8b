import { randomUUID } from "node:crypto";
import type { ComplaintStatus } from "@tingjian/prisma/client";
import { SlaCache, syncSlaStages } from "../complaints/sla-stages.ts";
import { OPEN_STATES } from "../domain/complaints/workflow.ts";
import { planStages, type StageFacts } from "../domain/sla/stages.ts";
import { BulkWriter, type BulkRow, type Db } from "./bulk.ts";

export interface NewComplaintFacts {
  id: string;
  organizationId: string;
  estateId: string;
  calendarId: string | null;
  status: ComplaintStatus;
  /** The facts the import wrote, exactly as complaints/sla-stages.ts reads them back from the rows. */
  facts: StageFacts;
}

/**
 * SPEC §6 for complaints an import created: the stages syncSlaStages would store for a new
 * complaint, planned from the facts the import just wrote (no query per complaint) and inserted
 * set-based. Where syncSlaStages would do more than store them — escalate a breached stage of a
 * complaint still being handled (WF-7) — it runs itself for that complaint. The test suite checks
 * that a later syncSlaStages finds nothing to change.
 */
export async function planNewComplaintStages(db: Db, complaints: readonly NewComplaintFacts[], now: Date, cache = new SlaCache()): Promise<void> {
  const rows: BulkRow[] = [];
  const escalating: string[] = [];
  for (const c of complaints) {
    const calendar = await cache.calendar(db, c.organizationId, c.calendarId);
    const policy = await cache.policy(db, c.organizationId, c.estateId);
    const planned = planStages(c.facts, policy, calendar, now);
    const handling = OPEN_STATES.includes(c.status) && c.status !== "RESOLVED";
    if (handling && planned.some((p) => p.status === "BREACHED" && p.stage !== "developer_answer")) {
      escalating.push(c.id);
      continue;
    }
    for (const p of planned) {
      // A breach found at creation is flagged at once (syncSlaStages claims it in the same call).
      rows.push({ id: randomUUID(), organizationId: c.organizationId, complaintId: c.id, estateId: c.estateId, ...p, breached: p.status === "BREACHED", createdAt: now, updatedAt: now });
    }
  }
  await new BulkWriter(db).insert("sla_stages", rows);
  for (const id of escalating) await syncSlaStages(db, id, now, cache);
}
