import { newId } from "./ids.ts";
import { methodRefusal } from "../domain/callbacks/record-rules.ts";
import type { CallbackMethod } from "@tingjian/prisma/client";
import { msg } from "../i18n/messages.ts";
import { SlaCache } from "../services/complaints/sla-stages.ts";
import { BulkWriter, chunks, type BulkRow } from "./bulk.ts";
import {
  changedCallbackColumns,
  checkNewCallback,
  readCallback,
  type CallbackDraft,
  type CallbackReferences,
  type ComplaintRef,
} from "./callback-rows.ts";
import { householdsByCode, staffIndex } from "./lookups.ts";
import { replanStages } from "./sla-bulk.ts";
import type { Problems, Row } from "./rows.ts";
import { inScope, knownComplaints, provenance, type FileRows, type ImportSession, type Plan } from "./session.ts";

/**
 * callbacks.csv: a callback per number. A new number creates the callback as recordCallback
 * would have left it (PLANNED without called_at; DONE or NOT_REACHED with it), its ratings per
 * dimension (CB-6) and its place in the complaint's callback sequence (CB-7, numbered by
 * called_at); the first complaint or repair callback of a complaint with a planned callback (CB-1:
 * planned when it was confirmed, in the app or by complaints.csv) fills that one instead. The staff
 * cell links the account it names, else keeps the name as written (issue 17 item 4: staff who left
 * or never had an account). On its complaint: the callback goes on the timeline; a satisfied customer verifies a
 * confirmed complaint (CB-6); the SLA stages are re-planned as syncSlaStages would (SLA-10, SLA-11), in bulk.
 * A dissatisfied callback does not reopen the complaint here: the file does not say what was done
 * next, so CB-7 is applied in the app. An existing number must match the stored callback in every
 * column the row gives (recorded callbacks are changed in the app, never by importing again).
 */
export async function prepareCallbacks(s: ImportSession, { rows }: FileRows, problems: Problems): Promise<Plan> {
  // Callback numbers are also handed out by createCallbacks, which takes this lock.
  await s.db.$queryRaw`SELECT id FROM organizations WHERE id = ${s.organizationId}::uuid FOR UPDATE`;
  const refs = await references(s, rows);
  const stored = await storedCallbacks(
    s,
    rows.map((r) => r.text("callback_no")!),
  );
  const created: CallbackDraft[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const d = readCallback(s, row, refs, problems);
    if (!d) continue;
    const before = stored.get(d.no);
    if (!before) {
      checkNewCallback(s, d, row, problems);
      created.push(d);
    } else if (!inScope(s, before.estateId)) {
      problems.add(d.line, "callback_no", msg("importCallbackNoOutsideScope"));
    } else {
      const changed = changedCallbackColumns(d, row, before);
      for (const f of changed) problems.add(d.line, f, msg("importCallbackDiffers", { field: f }));
      if (changed.length === 0) unchanged++;
    }
  }
  const slots = await sequence(s, created);
  for (const d of created) {
    const slot = slots.get(d)!;
    // CB-7 (001 §2), recordCallback's rule (domain/callbacks/record-rules.ts): from the second callback on a phone call will do,
    // except for a major complaint. Unlike recordCallback, a planned callback fixed in person (CB-11) does not refuse a
    // callback the history records by another method: the file says how it was made, which an import cannot change.
    const refusal = d.method ? methodRefusal(null, d.method, d.complaint?.severity ?? null, slot.sequence) : null;
    if (refusal) problems.add(d.line, "method", refusal);
  }
  return { created: created.length, updated: 0, unchanged, write: (progress) => writeCallbacks(s, created, slots, progress) };
}

async function references(s: ImportSession, rows: Row[]): Promise<CallbackReferences> {
  const complaints = new Map<string, ComplaintRef>();
  const numbers = [...new Set(rows.flatMap((r) => (r.text("complaint_no") ? [r.text("complaint_no")!] : [])))];
  for (const part of chunks(numbers)) {
    const found = await s.db.complaint.findMany({
      where: { organizationId: s.organizationId, no: { in: part } },
      select: {
        id: true,
        no: true,
        estateId: true,
        householdId: true,
        complainantId: true,
        severity: true,
        classification: true,
        receivedAt: true,
        status: true,
        confirmedAt: true,
        version: true,
      },
    });
    // §2, SEC-2: only complaints the importer may know, by the API's read rule.
    const known = await knownComplaints(
      s,
      found.map((c) => c.id),
    );
    for (const c of found) if (known.has(c.id)) complaints.set(c.no, c);
  }
  const households = await householdsByCode(
    s,
    rows.flatMap((r) => (r.text("household_code") ? [r.text("household_code")!] : [])),
  );
  const estates = await s.db.estate.findMany({ where: { organizationId: s.organizationId }, select: { id: true, timezone: true } });
  return { complaints, households, timezones: new Map(estates.map((e) => [e.id, e.timezone])), staff: await staffIndex(s) };
}

async function storedCallbacks(s: ImportSession, numbers: string[]) {
  const out = new Map<string, Awaited<ReturnType<typeof load>>[number]>();
  const load = (part: string[]) =>
    s.db.callback.findMany({
      where: { organizationId: s.organizationId, no: { in: part } },
      select: {
        no: true,
        estateId: true,
        complaintId: true,
        householdId: true,
        kind: true,
        method: true,
        calledAt: true,
        staffId: true,
        assignedToId: true,
        callerName: true,
        reached: true,
        satisfied: true,
        signed: true,
        comment: true,
        ratings: { select: { dimension: true, rating: true } },
      },
    });
  for (const part of chunks(numbers)) for (const c of await load(part)) out.set(c.no, c);
  return out;
}

/** A stored callback planned for a complaint (CB-1, on its confirmation) that the file's callback fills. */
interface PlannedRef {
  id: string;
  sequence: number;
  previousCallbackId: string | null;
  method: CallbackMethod | null;
  assignedToId: string | null;
  version: number;
}

/** Where a new callback of the file goes: its id, its place in the complaint's sequence, the planned callback it fills. */
interface Slot {
  id: string;
  sequence: number;
  previousId: string | null;
  fills: PlannedRef | null;
}

/** CB-1: the callbacks that answer a complaint's planned callback (sampling, periodic … callbacks are programmes of their own). */
const ANSWERS_PLANNED = new Set(["COMPLAINT", "REPAIR"]);

/**
 * CB-7: each complaint's callbacks numbered in call order after those stored, each following the
 * one before. CB-1: the first complaint or repair callback of the file for a complaint with a
 * planned callback (confirmComplaintResolution plans it; so does the import of a confirmed
 * complaint) fills that one — as recordCallback records the planned callback — instead of adding
 * a second and leaving the planned one open.
 */
async function sequence(s: ImportSession, created: CallbackDraft[]): Promise<Map<CallbackDraft, Slot>> {
  const out = new Map<CallbackDraft, Slot>();
  const complaintIds = [...new Set(created.flatMap((d) => (d.complaint ? [d.complaint.id] : [])))];
  const last = new Map<string, { id: string; sequence: number }>();
  const planned = new Map<string, PlannedRef>();
  for (const part of chunks(complaintIds)) {
    const rows = await s.db.callback.findMany({
      where: { complaintId: { in: part } },
      orderBy: [{ sequence: "asc" }, { calledAt: "asc" }],
      select: {
        id: true,
        complaintId: true,
        sequence: true,
        status: true,
        previousCallbackId: true,
        method: true,
        assignedToId: true,
        version: true,
      },
    });
    for (const r of rows) {
      last.set(r.complaintId!, { id: r.id, sequence: r.sequence });
      if (r.status === "PLANNED") planned.set(r.complaintId!, r);
    }
  }
  const order = [...created].sort((a, b) => (a.calledAt?.getTime() ?? Infinity) - (b.calledAt?.getTime() ?? Infinity) || a.line - b.line);
  for (const d of order) {
    const fills = d.complaint && ANSWERS_PLANNED.has(d.kind) ? planned.get(d.complaint.id) : undefined;
    if (fills) {
      planned.delete(d.complaint!.id);
      out.set(d, { id: fills.id, sequence: fills.sequence, previousId: fills.previousCallbackId, fills });
      continue;
    }
    const prev = d.complaint ? last.get(d.complaint.id) : undefined;
    const slot = { id: newId(), sequence: (prev?.sequence ?? 0) + 1, previousId: prev?.id ?? null, fills: null };
    if (d.complaint) last.set(d.complaint.id, { id: slot.id, sequence: slot.sequence });
    out.set(d, d.complaint ? slot : { ...slot, sequence: 1, previousId: null });
  }
  return out;
}

/** The callback row a draft writes: a new callback, or the planned callback it fills (its owner and due date kept, CB-2). */
function callbackRow(s: ImportSession, d: CallbackDraft, slot: Slot): BulkRow {
  const status = !d.calledAt ? "PLANNED" : d.reached ? "DONE" : "NOT_REACHED";
  const outcome = {
    no: d.no,
    kind: d.kind,
    method: d.method ?? slot.fills?.method ?? null,
    status,
    calledAt: d.calledAt,
    staffId: d.calledAt ? d.staffId : null,
    callerName: d.callerName,
    reached: d.calledAt ? d.reached : null,
    satisfied: d.reached ? d.satisfied : null,
    signed: d.signed,
    comment: d.comment,
  };
  if (slot.fills)
    return {
      id: slot.id,
      ...outcome,
      assignedToId: slot.fills.assignedToId ?? d.staffId,
      version: slot.fills.version + 1,
      updatedAt: s.now,
    };
  return {
    id: slot.id,
    organizationId: s.organizationId,
    ...outcome,
    estateId: d.estateId,
    complaintId: d.complaint?.id ?? null,
    householdId: d.household?.id ?? d.complaint?.householdId ?? null,
    customerId: d.complaint?.complainantId ?? d.household?.primaryCustomerId ?? null,
    sequence: slot.sequence,
    previousCallbackId: slot.previousId,
    assignedToId: d.staffId,
    classification: d.complaint && d.complaint.classification !== "INTERNAL" ? d.complaint.classification : "SECRET",
    createdAt: s.now,
    updatedAt: s.now,
  };
}

/** CB-6: each complaint verified by its first satisfied callback after the confirmation: the complaint's row and its VERIFY transition. */
function verificationRows(s: ImportSession, verifying: Map<string, CallbackDraft>, verified: BulkRow[], events: BulkRow[]): void {
  for (const [complaintId, d] of verifying) {
    const c = d.complaint!;
    verified.push({
      id: complaintId,
      status: "VERIFIED",
      verifiedAt: d.calledAt,
      closedAt: d.calledAt,
      version: c.version + 1,
      updatedAt: s.now,
    });
    events.push({
      id: newId(),
      organizationId: s.organizationId,
      complaintId,
      at: new Date(d.calledAt!.getTime() + 1),
      actorId: s.actorId,
      kind: "TRANSITION",
      fromStatus: "CONFIRMED",
      toStatus: "VERIFIED",
      data: { action: "VERIFY", ...provenance(s, d.line) },
      createdAt: s.now,
    });
  }
}

async function writeCallbacks(
  s: ImportSession,
  created: CallbackDraft[],
  slots: Map<CallbackDraft, Slot>,
  progress: (n: number) => void,
): Promise<void> {
  const org = s.organizationId;
  const callbacks: BulkRow[] = [],
    filled: BulkRow[] = [],
    ratings: BulkRow[] = [],
    events: BulkRow[] = [],
    verified: BulkRow[] = [];
  const touched = new Set<string>();
  const verifying = new Map<string, CallbackDraft>();
  for (const d of created) {
    const slot = slots.get(d)!;
    (slot.fills ? filled : callbacks).push(callbackRow(s, d, slot));
    for (const r of d.ratings)
      ratings.push({
        id: newId(),
        organizationId: org,
        callbackId: slot.id,
        dimension: r.dimension,
        rating: r.rating,
        satisfied: r.rating >= 4,
      });
    if (!d.complaint || !d.calledAt) continue;
    touched.add(d.complaint.id);
    events.push({
      id: newId(),
      organizationId: org,
      complaintId: d.complaint.id,
      at: d.calledAt,
      actorId: s.actorId,
      kind: "CALLBACK",
      note: null,
      data: { callbackId: slot.id, sequence: slot.sequence, reached: d.reached, satisfied: d.satisfied, ...provenance(s, d.line) },
      createdAt: s.now,
    });
    // CB-6: the first satisfied callback after the confirmation verifies the result.
    const c = d.complaint;
    if (d.reached && d.satisfied && c.status === "CONFIRMED" && c.confirmedAt && d.calledAt >= c.confirmedAt && !verifying.has(c.id))
      verifying.set(c.id, d);
  }
  verificationRows(s, verifying, verified, events);
  const bulk = new BulkWriter(s.db);
  await bulk.insert("callbacks", callbacks);
  await bulk.update("callbacks", filled);
  await bulk.insert("callback_ratings", ratings);
  await bulk.insert("complaint_events", events);
  await bulk.update("complaints", verified);
  progress(Math.round(created.length / 2));
  // SLA-10, SLA-11: the callback rounds are stages; the complaints touched are re-planned as the app re-plans each (in bulk).
  await replanStages(s.db, [...touched], s.now, new SlaCache(), (n) => {
    if (n % 500 === 0) progress(Math.round(created.length / 2 + (n / touched.size) * (created.length / 2)));
  });
  progress(created.length);
}
