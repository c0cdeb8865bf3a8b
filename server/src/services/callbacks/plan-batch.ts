import type { Complaint, Prisma, PrismaClient } from "@tingjian/prisma/client";
import { policyAt } from "../../domain/policies/policy-at.ts";
import {
  isRepairAtHousehold,
  isRepeatRepair,
  REC3_DEFAULT_DAYS,
  REC3_POLICY_KEY,
  repeatRepairWindowStart,
  type RepairFacts,
} from "../../domain/recurrence/repeat-repair.ts";
import { departmentHead } from "../complaints/department-head.ts";
import type { SlaCache } from "../complaints/sla-stages.ts";
import { callbackOwner, complaintCallbackDue, needsComplaintCallback } from "./for-complaint.ts";

type Db = PrismaClient | Prisma.TransactionClient;

/** What planning a complaint's callback reads of it (the columns `planComplaintCallback` reads). */
export type CallbackFacts = Pick<
  Complaint,
  | "id"
  | "organizationId"
  | "estateId"
  | "kind"
  | "severity"
  | "valid"
  | "duplicateOfId"
  | "callbackExempt"
  | "confirmedAt"
  | "resolvedAt"
  | "receivedAt"
  | "householdId"
  | "categoryId"
  | "complainantId"
  | "leadDepartmentId"
  | "receivedById"
  | "classification"
> & { calendarId: string | null };

/** One callback as `planComplaintCallback` plans it (CB-1, CB-2, CB-11), not yet written. */
export interface PlannedCallback {
  complaintId: string;
  kind: "REPAIR" | "COMPLAINT";
  dueAt: Date;
  /** CB-11, REC-3: a repeated repair is called back in person, by the department head. */
  inPerson: boolean;
  repeat: boolean;
  assignedToId: string | null;
}

/**
 * CB-1 for many complaints at once (the importer's complaints.csv): for each complaint of
 * `complaints` that `planComplaintCallback` would give a callback (the same `needsComplaintCallback`),
 * the callback it would plan — the kind and due date of `complaintCallbackDue` (SLA-10, SLA-11), the
 * owner of `callbackOwner` (CB-2; the department head for a repeat), in person for a REC-3 repeat
 * (`isRepeatRepair`, the reading of recurrence/repeat-repair-rule.ts `earlierRepair`). Queries are
 * per owner key and per batch of households, not per complaint. `complaints` may be not yet
 * written: they are also the earlier repairs of one another. A disruptive repair (CB-11) is a fact
 * of the resolution the app records, which a file does not carry: not in person for that reason.
 */
export async function planComplaintCallbacks(db: Db, complaints: readonly CallbackFacts[], cache: SlaCache): Promise<PlannedCallback[]> {
  const due = complaints.filter(needsComplaintCallback);
  if (due.length === 0) return [];
  const repeats = await repeatRepairs(db, complaints, due);
  const owner = ownerLookup(db);
  const out: PlannedCallback[] = [];
  for (const c of due) {
    const policy = await cache.policy(db, c.organizationId, c.estateId);
    const calendar = await cache.calendar(db, c.organizationId, c.calendarId);
    const { kind, dueAt } = complaintCallbackDue(c, policy, calendar);
    const repeat = repeats.has(c.id);
    const assignedToId = (repeat ? await owner.head(c.leadDepartmentId) : null) ?? (await owner.of(c));
    out.push({ complaintId: c.id, kind, dueAt, inPerson: repeat, repeat, assignedToId });
  }
  return out;
}

/** CB-2 owners and department heads, asked once per key (they depend only on these columns). */
function ownerLookup(db: Db) {
  const heads = new Map<string, Promise<string | null>>();
  const owners = new Map<string, Promise<string | null>>();
  const once = <T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>) => {
    if (!map.has(key)) map.set(key, load());
    return map.get(key)!;
  };
  return {
    head: (departmentId: string | null) => once(heads, departmentId ?? "", () => departmentHead(db, departmentId)),
    of: (c: CallbackFacts) => {
      const key = [
        c.organizationId,
        c.severity,
        c.severity === "IMPORTANT" ? c.leadDepartmentId : "",
        c.severity === "GENERAL" ? `${c.estateId}/${c.receivedById}` : "",
      ].join("|");
      return once(owners, key, () => callbackOwner(db, c));
    },
  };
}

/**
 * REC-3: which of `due` repeat an earlier repair at the same household — among `complaints` and
 * the stored ones — within the window of the policy in force when each was received.
 */
async function repeatRepairs(db: Db, complaints: readonly CallbackFacts[], due: readonly CallbackFacts[]): Promise<Set<string>> {
  const candidates = due.filter(isRepairAtHousehold);
  const out = new Set<string>();
  if (candidates.length === 0) return out;
  const organizationId = candidates[0]!.organizationId;
  const rows = await db.policyValue.findMany({ where: { organizationId, key: REC3_POLICY_KEY } });
  const policies = rows.map((r) => ({ ...r, value: r.valueNumeric === null ? null : Number(r.valueNumeric) }));
  const windowDays = (c: CallbackFacts) => policyAt(policies, REC3_POLICY_KEY, c.estateId, c.receivedAt)?.value ?? REC3_DEFAULT_DAYS;
  const from = new Date(
    candidates.reduce((min, c) => Math.min(min, repeatRepairWindowStart(c.receivedAt, windowDays(c)).getTime()), Infinity),
  );
  const households = [...new Set(candidates.map((c) => c.householdId!))];
  const byHousehold = new Map<string, RepairFacts[]>();
  const add = (r: RepairFacts) => {
    const list = byHousehold.get(r.householdId!);
    if (list) list.push(r);
    else byHousehold.set(r.householdId!, [r]);
  };
  const given = new Set(complaints.map((c) => c.id));
  for (let i = 0; i < households.length; i += 5000) {
    const stored = await db.complaint.findMany({
      where: {
        organizationId,
        householdId: { in: households.slice(i, i + 5000) },
        kind: "ENGINEERING",
        valid: true,
        duplicateOfId: null,
        receivedAt: { gte: from },
      },
      select: { id: true, kind: true, valid: true, duplicateOfId: true, householdId: true, categoryId: true, receivedAt: true },
    });
    for (const r of stored) if (!given.has(r.id)) add(r);
  }
  for (const c of complaints) if (isRepairAtHousehold(c)) add(c);
  for (const c of candidates) {
    const days = windowDays(c);
    if ((byHousehold.get(c.householdId!) ?? []).some((e) => isRepeatRepair(c, e, days))) out.add(c.id);
  }
  return out;
}
