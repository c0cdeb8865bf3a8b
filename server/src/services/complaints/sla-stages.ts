import type { Prisma, PrismaClient, SlaStage } from "@tingjian/prisma/client";
import { WorkingCalendar } from "../../domain/sla/working-calendar.ts";
import { calendarSpec } from "../../domain/sla/calendar-spec.ts";
import {
  developerDeadline,
  planStages,
  SLA_DEFAULTS,
  type PlannedStage,
  type PolicyLookup,
  type StageFacts,
} from "../../domain/sla/stages.ts";
import { policyAt, type PolicyRow } from "../../domain/policies/policy-at.ts";
import type { ClockKind } from "../../domain/sla/clock.ts";
import { slaBreachReason } from "../../domain/complaints/escalation-reason.ts";
import { escalate } from "./escalation.ts";
import { appendEvents } from "./timeline.ts";
import { OPEN_STATES } from "../../domain/complaints/workflow.ts";

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * SPEC §6 on the database: re-plans a complaint's SLA stages from its facts and stores them, so
 * that deadlines, breaches and attainment are plain columns for SQL. Also where time acts on its
 * own: the developer's silence becomes acceptance at the deadline (WF-5), and a stage found
 * breached while still running escalates the complaint one level (WF-7).
 */
export async function syncSlaStages(db: Db, complaintId: string, now: Date, cache: SlaCache = new SlaCache()): Promise<void> {
  // One re-plan of a complaint at a time: the sweep and a user's request must not both escalate one breach.
  await db.$queryRaw`SELECT id FROM complaints WHERE id = ${complaintId}::uuid FOR UPDATE`;
  let c = await loadFacts(db, complaintId);
  const calendar = await cache.calendar(db, c.organizationId, c.estate.calendarId);
  const policy = await cache.policy(db, c.organizationId, c.estateId);
  if (await deemAcceptance(db, c, policy, calendar, now)) c = await loadFacts(db, complaintId);

  const handling = OPEN_STATES.includes(c.status) && c.status !== "RESOLVED";
  const planned = planStages(toFacts(c), policy, calendar, now);
  const key = (s: { rule: string; stage: string; round: number }) => `${s.rule}/${s.stage}/${s.round}`;
  const existing = new Map(c.slaStages.map((s) => [key(s), s]));
  for (const p of planned) {
    const before = existing.get(key(p));
    existing.delete(key(p));
    // The developer's own silence is answered by deemed acceptance (WF-5), not by escalation.
    const developers = p.stage === "developer_answer";
    let stageId = before?.id;
    if (!before) {
      stageId = (
        await db.slaStage.create({
          data: {
            ...p,
            breached: developers && p.status === "BREACHED",
            organizationId: c.organizationId,
            complaintId: c.id,
            estateId: c.estateId,
          },
          select: { id: true },
        })
      ).id;
    } else if (changed(before, p)) {
      await db.slaStage.update({
        where: { id: before.id },
        data: { ...p, ...(developers ? { breached: p.status === "BREACHED" } : {}), version: { increment: 1 } },
      });
    }
    // WF-7: a breach escalates one level while the complaint is being handled, once: the flag is
    // claimed atomically, so a concurrent re-plan cannot escalate the same breach again.
    if (p.status === "BREACHED" && !developers) {
      const claimed = await db.slaStage.updateMany({ where: { id: stageId!, breached: false }, data: { breached: true } });
      if (claimed.count === 1 && handling) {
        await escalate(db, {
          organizationId: c.organizationId,
          complaintId: c.id,
          now,
          slaStageId: stageId!,
          systemReason: slaBreachReason(p),
        });
      }
    }
  }
  // A stage no longer planned (the complaint was reclassified) is kept, cancelled.
  for (const gone of existing.values()) {
    if (gone.status !== "CANCELLED")
      await db.slaStage.update({ where: { id: gone.id }, data: { status: "CANCELLED", version: { increment: 1 } } });
  }
}

/** Whether a stored stage differs from its new plan (also used by the import, which re-plans in bulk). */
export function changed(before: SlaStage, p: PlannedStage): boolean {
  const t = (d: Date | null) => d?.getTime() ?? null;
  return (
    before.status !== p.status ||
    t(before.deadlineAt) !== t(p.deadlineAt) ||
    t(before.finishedAt) !== t(p.finishedAt) ||
    t(before.startedAt) !== t(p.startedAt) ||
    before.pausedSeconds !== p.pausedSeconds ||
    t(before.pausedSince) !== t(p.pausedSince) ||
    before.durationMinutes !== p.durationMinutes ||
    before.clock !== p.clock
  );
}

/** What a complaint's stages are planned from (SPEC §6). */
export const FACTS_INCLUDE = {
  estate: { select: { calendarId: true } },
  receivedByDepartment: { select: { kind: true } },
  plans: { select: { createdAt: true }, orderBy: { createdAt: "asc" }, take: 1 },
  promises: { orderBy: { sequence: "asc" }, select: { sequence: true, recordedAt: true, promisedAt: true, keptAt: true } },
  developerHandoffs: { orderBy: { forwardedAt: "desc" }, take: 1 },
  events: {
    where: { OR: [{ kind: { in: ["PAUSE", "RESUME"] } }, { kind: "TRANSITION", toStatus: { in: ["RESOLVED", "INVALID"] } }] },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { kind: true, at: true, toStatus: true },
  },
  confirmations: { where: { satisfied: true }, orderBy: { confirmedAt: "asc" }, select: { confirmedAt: true } },
  slaStages: true,
  callbacks: {
    where: { status: "DONE", reached: true, calledAt: { not: null } },
    orderBy: { calledAt: "asc" },
    select: { calledAt: true },
  },
} satisfies Prisma.ComplaintInclude;

function loadFacts(db: Db, id: string) {
  return db.complaint.findUniqueOrThrow({ where: { id }, include: FACTS_INCLUDE });
}
export type ComplaintFacts = Prisma.ComplaintGetPayload<{ include: typeof FACTS_INCLUDE }>;

export function toFacts(c: ComplaintFacts): StageFacts {
  const handoff = c.developerHandoffs[0];
  const pauses: { from: Date; to: Date | null }[] = [];
  for (const e of c.events) {
    if (e.kind === "PAUSE" && (pauses.length === 0 || pauses.at(-1)!.to)) pauses.push({ from: e.at, to: null });
    if (e.kind === "RESUME" && pauses.at(-1) && !pauses.at(-1)!.to) pauses.at(-1)!.to = e.at;
  }
  const ends = c.events.filter((e) => e.kind === "TRANSITION");
  return {
    receivedAt: c.receivedAt,
    kind: c.kind,
    valid: c.valid,
    duplicate: c.duplicateOfId !== null,
    inWarranty: c.inWarranty,
    atOffice: c.receivedAtOfficeId !== null,
    atOtherDepartment:
      !!c.receivedByDepartment && c.receivedByDepartment.kind !== "SERVICE_CENTRE" && c.receivedByDepartment.kind !== "OFFICE",
    subject: c.subjectStaffId ? "STAFF" : c.subjectDepartmentId ? "DEPARTMENT" : null,
    forwardedToServiceCentreAt: c.forwardedToServiceCentreAt,
    classifiedAt: c.classifiedAt,
    assignedAt: c.assignedAt,
    firstPlanAt: c.plans[0]?.createdAt ?? null,
    forwardedToDeveloperAt: c.forwardedToDeveloperAt,
    developerAnsweredAt: handoff?.respondedAt ?? null,
    deemedAcceptedAt: c.deemedAcceptedAt,
    firstRepliedAt: c.firstRepliedAt,
    // Complaints loaded before their timeline recorded transitions fall back to the columns.
    firstEndedAt: ends[0]?.at ?? c.resolvedAt ?? c.closedAt,
    resolutions: ends.filter((e) => e.toStatus === "RESOLVED").map((e) => e.at),
    promises: c.promises.map((p, i) => ({
      sequence: p.sequence,
      recordedAt: p.recordedAt,
      promisedAt: p.promisedAt,
      keptAt: p.keptAt,
      replacedAt: c.promises[i + 1]?.recordedAt ?? null,
    })),
    pauses,
    confirmations: c.confirmations.map((x) => x.confirmedAt),
    callbackExempt: c.callbackExempt,
    callbacksAt: c.callbacks.map((cb) => cb.calledAt!),
  };
}

/**
 * WF-5, SLA-7: a developer that has not answered by the deadline has accepted; the complaint goes
 * on (at the developer's cost) from that wall-clock instant, whenever the system notices.
 */
async function deemAcceptance(db: Db, c: ComplaintFacts, policy: PolicyLookup, calendar: WorkingCalendar, now: Date): Promise<boolean> {
  const handoff = c.developerHandoffs[0];
  if (c.status !== "FORWARDED_TO_DEVELOPER" || !handoff || handoff.respondedAt || handoff.deemedAcceptedAt) return false;
  const at = handoff.deadlineAt ?? developerDeadline(policy, calendar, handoff.forwardedAt);
  if (now < at) return false;
  await db.developerHandoff.update({ where: { id: handoff.id }, data: { deemedAcceptedAt: at, version: { increment: 1 } } });
  await db.complaint.update({ where: { id: c.id }, data: { status: "IN_PROGRESS", deemedAcceptedAt: at, version: { increment: 1 } } });
  // Recorded when the system notices; the acceptance itself dates from the deadline.
  await appendEvents({ prisma: db, now, viewer: null, organizationId: c.organizationId }, c.id, [
    {
      kind: "TRANSITION",
      fromStatus: "FORWARDED_TO_DEVELOPER",
      toStatus: "IN_PROGRESS",
      data: { action: "DEEM_ACCEPTED", deemedAcceptedAt: at.toISOString() },
    },
    { kind: "DEEMED_ACCEPTED", data: { handoffId: handoff.id, deemedAcceptedAt: at.toISOString() } },
  ]);
  return true;
}

const MINUTES_PER: Partial<Record<string, number>> = { MINUTES: 1, HOURS: 60, WORKING_HOURS: 60, DAYS: 1440 };

/** Calendars and SLA policy rows, loaded once per organisation for a batch of complaints. */
export class SlaCache {
  private calendars = new Map<string, WorkingCalendar>();
  private policies = new Map<string, PolicyRow<{ minutes: number; clock: ClockKind }>[]>();

  async calendar(db: Db, organizationId: string, calendarId: string | null): Promise<WorkingCalendar> {
    const key = calendarId ?? `default:${organizationId}`;
    let cal = this.calendars.get(key);
    if (!cal) {
      const row = await db.workingCalendar.findFirst({
        where: calendarId ? { id: calendarId } : { organizationId, isDefault: true },
        include: { slots: true, days: true },
      });
      // Without a calendar the office hours of SPEC §6 apply: no working time would mean no deadline.
      cal = new WorkingCalendar(
        row
          ? calendarSpec(row)
          : {
              timezone: "Asia/Shanghai",
              slots: [1, 2, 3, 4, 5].flatMap((weekday) => [
                { weekday, startMinute: 510, endMinute: 720 },
                { weekday, startMinute: 810, endMinute: 1050 },
              ]),
              days: [],
            },
      );
      this.calendars.set(key, cal);
    }
    return cal;
  }

  async policy(db: Db, organizationId: string, estateId: string): Promise<PolicyLookup> {
    let rows = this.policies.get(organizationId);
    if (!rows) {
      const raw = await db.policyValue.findMany({ where: { organizationId, key: { startsWith: "SLA-" } } });
      rows = raw.flatMap((r) => {
        const per = r.unit ? MINUTES_PER[r.unit] : undefined;
        if (per === undefined || r.valueNumeric === null) return [];
        const clock: ClockKind = r.clock ?? (r.unit === "WORKING_HOURS" ? "WORKING" : "WALL");
        return [
          {
            key: r.key,
            estateId: r.estateId,
            effectiveFrom: r.effectiveFrom,
            effectiveTo: r.effectiveTo,
            value: { minutes: Number(r.valueNumeric) * per, clock },
          },
        ];
      });
      this.policies.set(organizationId, rows);
    }
    const all = rows;
    return (key, at) => {
      const row = policyAt(all, key, estateId, at);
      const value = row?.value ?? SLA_DEFAULTS[key];
      if (!value) throw new Error(`No policy value or default for ${key}`);
      return { key, ...value };
    };
  }
}
