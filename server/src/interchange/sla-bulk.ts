import type { ComplaintStatus } from "@tingjian/prisma/client";
import { changed, FACTS_INCLUDE, syncSlaStages, toFacts, type ComplaintFacts, type SlaCache } from "../services/complaints/sla-stages.ts";
import { slaBreachReason, type SystemReason } from "../domain/complaints/escalation-reason.ts";
import { departmentHead } from "../services/complaints/department-head.ts";
import { supervisorAt } from "../services/complaints/escalation.ts";
import { OPEN_STATES } from "../domain/complaints/workflow.ts";
import { planStages, type StageFacts } from "../domain/sla/stages.ts";
import { BulkWriter, chunks, type BulkRow, type Db } from "./bulk.ts";
import { sqlOf } from "./connection.ts";
import { newId } from "./ids.ts";

export interface NewComplaintFacts {
  id: string;
  organizationId: string;
  estateId: string;
  calendarId: string | null;
  leadDepartmentId: string | null;
  status: ComplaintStatus;
  /** The facts the import wrote, exactly as complaints/sla-stages.ts reads them back from the rows. */
  facts: StageFacts;
  /** The instant of the complaint's latest timeline event. */
  lastEventAt: Date;
}

/** WF-7: one escalation the app's re-plan (syncSlaStages) would make for a new complaint. */
export interface PendingEscalation {
  organizationId: string;
  complaintId: string;
  estateId: string;
  leadDepartmentId: string | null;
  slaStageId: string;
  /** 1, 2, … per complaint: its escalation level after this one. */
  level: number;
  /** Why, as data (domain/complaints/escalation-reason.ts `slaBreachReason`, as syncSlaStages escalates): reason_code, reason_params and the event's data. */
  reason: SystemReason;
  lastEventAt: Date;
}

/**
 * SPEC §6 for complaints an import creates: what complaints/sla-stages.ts `syncSlaStages` stores
 * for a new complaint, planned from the facts the import writes (no query per complaint), as rows
 * for a set-based insert — every planned stage, a breached one flagged at once (as syncSlaStages
 * claims it in the same call). Where syncSlaStages would escalate (WF-7: a stage other than the
 * developer's answer breached while the complaint is still being handled), the escalations are
 * returned in its order, one level each, to be written in bulk by `escalationRows`. The test suite
 * checks that a later syncSlaStages finds nothing to change.
 *
 * (complaints/sla-backfill.ts plans history that arrived without stages, at startup: it reads the
 * facts back from the database and never escalates. An import knows the facts already, and
 * escalates what the app would, so it plans here.)
 */
export async function planNewComplaintStages(
  db: Db,
  complaints: readonly NewComplaintFacts[],
  now: Date,
  cache: SlaCache,
  tick: () => Promise<void> | undefined = () => undefined,
): Promise<{ rows: BulkRow[]; escalations: PendingEscalation[] }> {
  const rows: BulkRow[] = [];
  const escalations: PendingEscalation[] = [];
  for (const c of complaints) {
    await tick();
    const calendar = await cache.calendar(db, c.organizationId, c.calendarId);
    const policy = await cache.policy(db, c.organizationId, c.estateId);
    const handling = OPEN_STATES.includes(c.status) && c.status !== "RESOLVED";
    let level = 0;
    for (const p of planStages(c.facts, policy, calendar, now)) {
      const id = newId();
      rows.push({
        id,
        organizationId: c.organizationId,
        complaintId: c.id,
        estateId: c.estateId,
        ...p,
        breached: p.status === "BREACHED",
        createdAt: now,
        updatedAt: now,
      });
      // The developer's own silence is answered by deemed acceptance (WF-5), not by escalation.
      if (handling && p.status === "BREACHED" && p.stage !== "developer_answer") {
        escalations.push({
          organizationId: c.organizationId,
          complaintId: c.id,
          estateId: c.estateId,
          leadDepartmentId: c.leadDepartmentId,
          slaStageId: id,
          level: ++level,
          reason: slaBreachReason(p),
          lastEventAt: c.lastEventAt,
        });
      }
    }
  }
  return { rows, escalations };
}

/**
 * WF-7 in bulk, as complaints/escalation.ts `escalate` leaves each one: the escalation (automatic,
 * from its breached stage, to the supervisor of its level: the lead department's head or the
 * estate's office director, then the company manager, then the executive), an ESCALATED event
 * after the complaint's latest one, and the complaint marked escalated with its level and version
 * raised by one per escalation. Supervisors are looked up once per level, department and estate.
 */
export async function escalationRows(
  db: Db,
  escalations: readonly PendingEscalation[],
  now: Date,
): Promise<{ escalations: BulkRow[]; events: BulkRow[]; complaints: { id: string; count: number }[] }> {
  const heads = new Map<string, Promise<string | null>>();
  const supervisors = new Map<string, Promise<string | null>>();
  const headOf = (departmentId: string | null) => {
    const key = departmentId ?? "";
    if (!heads.has(key)) heads.set(key, departmentHead(db, departmentId));
    return heads.get(key)!;
  };
  const out = { escalations: [] as BulkRow[], events: [] as BulkRow[], complaints: [] as { id: string; count: number }[] };
  const last = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const e of escalations) {
    const key = `${e.organizationId}/${e.level > 1 ? "" : `${e.leadDepartmentId ?? ""}/${e.estateId}`}/${Math.min(e.level, 3)}`;
    if (!supervisors.has(key))
      supervisors.set(
        key,
        headOf(e.leadDepartmentId).then((head) => supervisorAt(db, e.organizationId, e.level, head, e.estateId)),
      );
    const toStaffId = await supervisors.get(key)!;
    out.escalations.push({
      id: newId(),
      organizationId: e.organizationId,
      complaintId: e.complaintId,
      level: e.level,
      at: now,
      automatic: true,
      slaStageId: e.slaStageId,
      reason: null,
      reasonCode: e.reason.code,
      reasonParams: e.reason.params,
      escalatedById: null,
      escalatedToId: toStaffId,
    });
    // complaints/timeline.ts appendEvents: after the complaint's latest event.
    const at = Math.max(now.getTime(), (last.get(e.complaintId) ?? e.lastEventAt.getTime()) + 1);
    last.set(e.complaintId, at);
    out.events.push({
      id: newId(),
      organizationId: e.organizationId,
      complaintId: e.complaintId,
      at: new Date(at),
      actorId: null,
      kind: "ESCALATED",
      fromStatus: null,
      toStatus: null,
      note: null,
      data: { level: e.level, toStaffId, automatic: true, slaStageId: e.slaStageId, ...e.reason.params },
      createdAt: now,
    });
    counts.set(e.complaintId, (counts.get(e.complaintId) ?? 0) + 1);
  }
  for (const [id, count] of counts) out.complaints.push({ id, count });
  return out;
}

/**
 * SPEC §6 for stored complaints whose facts an import changed (callbacks: SLA-10, SLA-11, CB-6):
 * what complaints/sla-stages.ts `syncSlaStages` does for each, for all of them at once. The
 * complaints are locked and their facts read in batches of 2,000; each is re-planned; new stages
 * are inserted, changed ones updated (version raised), a breach newly found flagged and — while
 * the complaint is being handled — escalated one level (WF-7, as `escalationRows`), and stages no
 * longer planned cancelled; all set-based. A complaint waiting for a silent developer goes through
 * syncSlaStages itself (its deemed acceptance, WF-5, changes the complaint first).
 */
export async function replanStages(
  db: Db,
  complaintIds: readonly string[],
  now: Date,
  cache: SlaCache,
  progress: (done: number) => void = () => {},
): Promise<void> {
  if (complaintIds.length === 0) return;
  const ids = [...new Set(complaintIds)].sort();
  const sql = await sqlOf(db);
  // One re-plan of a complaint at a time (as syncSlaStages): the minute sweep waits for the import.
  await sql.rows(`SELECT id FROM complaints WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [`{${ids.join(",")}}`]);
  const stamp = new Date(); // Prisma stamps @updatedAt with the wall clock.
  const out: Replan = { creates: [], updates: [], escalations: [] };
  const oneByOne: string[] = [];
  let done = 0;
  for (const part of chunks(ids, 2000)) {
    for (const c of await db.complaint.findMany({ where: { id: { in: part } }, include: FACTS_INCLUDE })) {
      const handoff = c.developerHandoffs[0];
      if (c.status === "FORWARDED_TO_DEVELOPER" && handoff && !handoff.respondedAt && !handoff.deemedAcceptedAt) {
        oneByOne.push(c.id);
        continue;
      }
      await replanComplaint(db, c, now, cache, stamp, out);
      progress(++done);
    }
  }
  const bulk = new BulkWriter(db);
  bulk.add("sla_stages", out.creates);
  bulk.change("sla_stages", out.updates);
  await bulk.flush();
  if (out.escalations.length) {
    await stampLastEvents(db, out.escalations);
    await writeEscalations(db, bulk, out.escalations, now);
  }
  for (const id of oneByOne) {
    await syncSlaStages(db, id, now, cache);
    progress(++done);
  }
}

/** What the re-plan of stored complaints writes: new stages, changed ones, escalations. */
interface Replan {
  creates: BulkRow[];
  updates: BulkRow[];
  escalations: PendingEscalation[];
}

const stageKey = (x: { rule: string; stage: string; round: number }) => `${x.rule}/${x.stage}/${x.round}`;

/** One stored complaint re-planned as syncSlaStages re-plans it (see `replanStages`), its rows added to `out`. */
async function replanComplaint(db: Db, c: ComplaintFacts, now: Date, cache: SlaCache, stamp: Date, out: Replan): Promise<void> {
  const calendar = await cache.calendar(db, c.organizationId, c.estate.calendarId);
  const policy = await cache.policy(db, c.organizationId, c.estateId);
  const handling = OPEN_STATES.includes(c.status) && c.status !== "RESOLVED";
  const existing = new Map(c.slaStages.map((x) => [stageKey(x), x]));
  let level = c.escalationLevel;
  for (const p of planStages(toFacts(c), policy, calendar, now)) {
    const before = existing.get(stageKey(p));
    existing.delete(stageKey(p));
    // The developer's own silence is answered by deemed acceptance (WF-5), not by escalation.
    const developers = p.stage === "developer_answer";
    const claim = p.status === "BREACHED" && !developers && !before?.breached;
    let id: string;
    if (!before) {
      id = newId();
      out.creates.push({
        id,
        organizationId: c.organizationId,
        complaintId: c.id,
        estateId: c.estateId,
        ...p,
        breached: p.status === "BREACHED",
        createdAt: stamp,
        updatedAt: stamp,
      });
    } else {
      id = before.id;
      const change = changed(before, p);
      if (change || claim) {
        out.updates.push({
          id,
          ...(change ? { ...p, ...(developers ? { breached: p.status === "BREACHED" } : {}), version: before.version + 1 } : {}),
          ...(claim ? { breached: true } : {}),
          updatedAt: stamp,
        });
      }
    }
    if (claim && handling) {
      out.escalations.push({
        organizationId: c.organizationId,
        complaintId: c.id,
        estateId: c.estateId,
        leadDepartmentId: c.leadDepartmentId,
        slaStageId: id,
        level: ++level,
        reason: slaBreachReason(p),
        lastEventAt: new Date(0),
      });
    }
  }
  // A stage no longer planned (the complaint was reclassified) is kept, cancelled.
  for (const gone of existing.values())
    if (gone.status !== "CANCELLED") out.updates.push({ id: gone.id, status: "CANCELLED", version: gone.version + 1, updatedAt: stamp });
}

/** complaints/timeline.ts: an event goes after the complaint's latest one; each escalation learns its complaint's. */
async function stampLastEvents(db: Db, escalations: PendingEscalation[]): Promise<void> {
  const sql = await sqlOf(db);
  const escalated = [...new Set(escalations.map((e) => e.complaintId))];
  const last = new Map(
    (
      await sql.rows<{ id: string; at: Date }>(
        `SELECT complaint_id::text AS id, max(at) AS at FROM complaint_events WHERE complaint_id = ANY($1::uuid[]) GROUP BY complaint_id`,
        [`{${escalated.join(",")}}`],
      )
    ).map((r) => [r.id, new Date(r.at)]),
  );
  for (const e of escalations) e.lastEventAt = last.get(e.complaintId) ?? new Date(0);
}

/** WF-7 in bulk (`escalationRows`): the escalations, their events and the complaints' level and version. */
export async function writeEscalations(db: Db, bulk: BulkWriter, escalations: readonly PendingEscalation[], now: Date): Promise<void> {
  const e = await escalationRows(db, escalations, now);
  bulk.add("complaint_escalations", e.escalations);
  bulk.add("complaint_events", e.events);
  // complaints/escalation.ts: each escalation raises the level and the version by one (Prisma stamps updated_at with the wall clock).
  bulk.statement(
    `UPDATE complaints AS x SET escalated = true, escalation_level = x.escalation_level + u.n, version = x.version + u.n, updated_at = $3::timestamptz
    FROM unnest($1::uuid[], $2::int[]) AS u(id, n) WHERE x.id = u.id`,
    [`{${e.complaints.map((c) => c.id).join(",")}}`, `{${e.complaints.map((c) => c.count).join(",")}}`, new Date().toISOString()],
  );
  await bulk.flush();
}
