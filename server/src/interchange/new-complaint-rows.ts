import type { ComplaintEventKind, ComplaintStatus, Prisma } from "@tingjian/prisma/client";
import { MAJOR_REPORTED_REASON } from "../domain/complaints/escalation-reason.ts";
import type { PlannedCallback } from "../services/callbacks/plan-batch.ts";
import type { StageFacts } from "../domain/sla/stages.ts";
import type { BulkRow } from "./bulk.ts";
import { newId } from "./ids.ts";
import type { ComplaintDraft } from "./complaint-rows.ts";
import { provenance, type ImportSession } from "./session.ts";
import type { NewComplaintFacts } from "./sla-bulk.ts";

/**
 * complaints.csv, the rows of one new complaint as the app would have written them (SPEC §5: the
 * complaint, its timeline, lead department, promise, confirmation, CLS-3 report, CB-1 callback)
 * and the facts its SLA stages are planned from (import-complaints.ts writes them in batches).
 */

interface Event {
  kind: ComplaintEventKind;
  at: Date;
  fromStatus?: ComplaintStatus;
  toStatus?: ComplaintStatus;
  note?: string;
  data?: Prisma.InputJsonValue;
}

interface Timeline {
  events: Event[];
  status: ComplaintStatus;
  classifiedAt: Date | null;
  closedAt: Date | null;
}

/**
 * SPEC §5: the timeline of the steps the row records, as complaints/editing.ts `performAction`
 * writes each step: its TRANSITION event (the status it moved from and to, the action) first,
 * then the step's own events (CLASSIFIED, ASSIGNED, CONFIRMED …), each after the complaint's latest
 * one (complaints/timeline.ts: strictly increasing instants). The complaint's own instants
 * (classified_at, closed_at …) are the step's instant, as the workflow stamps them with its clock.
 * Resolution and the close as invalid are TRANSITION events, which the SLA clock reads.
 */
function timeline(
  d: ComplaintDraft,
  duplicateOf: string | null,
  majorReport: { reportedToId: string | null } | null,
  callback: PlannedRow | undefined,
): Timeline {
  const events: Event[] = [];
  let status: ComplaintStatus = "REGISTERED";
  let last = -Infinity;
  const add = (e: Omit<Event, "at">, at: Date) => {
    const t = Math.max(at.getTime(), last + 1);
    last = t;
    events.push({ ...e, at: new Date(t) });
  };
  /** One workflow action at `at`: its transition, then its own events. */
  const step = (action: string, to: ComplaintStatus, at: Date, own: Omit<Event, "at">[]) => {
    add({ kind: "TRANSITION", fromStatus: status, toStatus: to, data: { action } }, at);
    status = to;
    for (const e of own) add(e, at);
    return at;
  };
  add({ kind: "REGISTERED", toStatus: "REGISTERED" }, d.receivedAt);
  if (duplicateOf) add({ kind: "DUPLICATE_LINKED", data: { duplicateOfNo: duplicateOf } }, d.receivedAt);
  // The file has no classification instant: the complaint counts as classified on receipt.
  let classifiedAt: Date | null = null;
  let closedAt: Date | null = null;
  if (d.valid === true) {
    const own: Omit<Event, "at">[] = [
      { kind: "CLASSIFIED", data: { valid: true, kind: d.kind, severity: d.severity, categoryId: d.categoryId, before: null } },
    ];
    if (majorReport) own.push({ kind: "NOTE", data: { rule: "CLS-3", ...majorReport } });
    classifiedAt = step("CLASSIFY", "CLASSIFIED", d.receivedAt, own);
  } else if (d.valid === false) {
    // CLS-1: an invalid complaint is closed on classification, which is also its answer (SLA-9).
    classifiedAt = closedAt = step("MARK_INVALID", "INVALID", d.receivedAt, [{ kind: "CLASSIFIED", data: { valid: false } }]);
  }
  if (d.assignedAt) step("ASSIGN", "ASSIGNED", d.assignedAt, [{ kind: "ASSIGNED", data: { leadDepartmentId: d.departmentId } }]);
  if (d.promisedAt) add({ kind: "PROMISE_RECORDED", data: { promisedAt: d.promisedAt.toISOString() } }, d.assignedAt!);
  if (d.resolvedAt) step("RESOLVE", "RESOLVED", d.resolvedAt, []);
  if (d.confirmedAt) step("CONFIRM", "CONFIRMED", d.confirmedAt, [{ kind: "CONFIRMED", data: { method: "IN_PERSON", satisfied: true } }]);
  // CB-1: confirmComplaintResolution plans the callback right after the confirmation (callbacks/for-complaint.ts).
  if (callback)
    add(
      {
        kind: "CALLBACK",
        data: {
          callbackId: callback.id,
          planned: true,
          dueAt: callback.dueAt.toISOString(),
          inPerson: callback.inPerson,
          repeat: callback.repeat,
        },
      },
      d.confirmedAt!,
    );
  return { events, status, classifiedAt, closedAt };
}

export interface Written {
  complaints: BulkRow[];
  events: BulkRow[];
  departments: BulkRow[];
  promises: BulkRow[];
  confirmations: BulkRow[];
  escalations: BulkRow[];
  callbacks: BulkRow[];
}

/** A callback planned for a new complaint: its id and number with what the service planned. */
export type PlannedRow = PlannedCallback & { id: string; no: string };

/** What the rows of one complaint refer to: the new complaints' ids, the stored ones, the CLS-3 recipient, the planned callbacks. */
export interface RowContext {
  ids: Map<string, string>;
  fresh: Map<string, ComplaintDraft>;
  stored: ReadonlyMap<string, { id: string }>;
  managementRep: string | null;
  callbacks: Map<string, PlannedRow>;
}

/** INT-2: the household's primary customer is the complainant when the names agree. */
export function complainantOf(d: ComplaintDraft): string | null {
  return d.household?.primaryCustomerId && d.household.primaryCustomerName === d.complainantName ? d.household.primaryCustomerId : null;
}

/** One new complaint as its rows are built: the draft, its id, its complainant and its timeline. */
interface NewComplaint {
  s: ImportSession;
  d: ComplaintDraft;
  id: string;
  complainantId: string | null;
  t: Timeline;
}

/** The rows of one new complaint (SPEC §5: the complaint, its timeline, lead department, promise, confirmation, CLS-3 report) and the facts its SLA stages are planned from. */
export function rowsOf(
  s: ImportSession,
  d: ComplaintDraft,
  { ids, fresh, stored, managementRep, callbacks }: RowContext,
  w: Written,
  facts: NewComplaintFacts[],
): void {
  const id = ids.get(d.no)!;
  const callback = callbacks.get(id);
  const duplicateOfId = d.duplicateOfNo ? (fresh.has(d.duplicateOfNo) ? ids.get(d.duplicateOfNo)! : stored.get(d.duplicateOfNo)!.id) : null;
  const major = d.valid === true && d.severity === "MAJOR";
  const c: NewComplaint = {
    s,
    d,
    id,
    complainantId: complainantOf(d),
    t: timeline(d, d.duplicateOfNo, major ? { reportedToId: managementRep } : null, callback),
  };
  w.complaints.push(complaintRow(c, duplicateOfId));
  w.events.push(...eventRows(c));
  workflowRows(c, w);
  if (major) w.escalations.push(majorReportRow(c, managementRep));
  if (callback) w.callbacks.push(callbackRow(c, callback));
  const { events, status, classifiedAt, closedAt } = c.t;
  facts.push({
    id,
    organizationId: s.organizationId,
    estateId: d.estate.id,
    calendarId: d.estate.calendarId,
    leadDepartmentId: d.departmentId,
    status,
    facts: stageFacts(d, events, classifiedAt, closedAt, duplicateOfId),
    lastEventAt: events.at(-1)!.at,
  });
}

/** The complaint's own row, in the state its timeline leaves it. */
function complaintRow({ s, d, id, complainantId, t }: NewComplaint, duplicateOfId: string | null): BulkRow {
  return {
    id,
    organizationId: s.organizationId,
    no: d.no,
    receivedAt: d.receivedAt,
    channel: d.channel,
    estateId: d.estate.id,
    buildingId: d.household?.buildingId ?? null,
    householdId: d.household?.id ?? null,
    location: d.location,
    complainantId,
    complainantName: d.complainantName,
    complainantContact: d.complainantContact,
    anonymous: d.anonymous,
    content: d.content,
    kind: d.kind,
    severity: d.severity,
    valid: d.valid,
    categoryId: d.categoryId,
    status: t.status,
    duplicateOfId,
    duplicateLinkedAt: duplicateOfId ? d.receivedAt : null,
    // SLA-8: a visit is received at the estate's office (as the demo data has it).
    receivedAtOfficeId: d.channel === "VISIT" ? d.estate.officeId : null,
    leadDepartmentId: d.departmentId,
    classifiedAt: t.classifiedAt,
    assignedAt: d.assignedAt,
    promisedAt: d.promisedAt,
    firstRepliedAt: t.closedAt,
    resolvedAt: d.resolvedAt,
    confirmedAt: d.confirmedAt,
    closedAt: t.closedAt,
    callbackExempt: d.anonymous,
    exemptReason: d.anonymous ? "ANONYMOUS" : null,
    inWarranty: d.kind === "WARRANTY",
    classification: d.classification,
    createdAt: s.now,
    updatedAt: s.now,
  };
}

/** SPEC §5: the timeline's events, each with the file and line it came from. */
function eventRows({ s, d, id, t }: NewComplaint): BulkRow[] {
  return t.events.map((e) => ({
    id: newId(),
    organizationId: s.organizationId,
    complaintId: id,
    at: e.at,
    actorId: s.actorId,
    kind: e.kind,
    fromStatus: e.fromStatus ?? null,
    toStatus: e.toStatus ?? null,
    note: e.note ?? null,
    data: { ...(e.data as object | undefined), ...provenance(s, d.line) },
    createdAt: s.now,
  }));
}

/** The workflow's own rows for the steps the file records: the lead department (WF-1), the promise (WF-3), the confirmation (WF-4). */
function workflowRows({ s, d, id, complainantId }: NewComplaint, w: Written): void {
  if (d.departmentId)
    w.departments.push({
      id: newId(),
      organizationId: s.organizationId,
      complaintId: id,
      departmentId: d.departmentId,
      role: "LEAD",
      assignedAt: d.assignedAt,
      assignedById: s.actorId,
    });
  if (d.promisedAt) {
    w.promises.push({
      id: newId(),
      organizationId: s.organizationId,
      complaintId: id,
      sequence: 1,
      promisedAt: d.promisedAt,
      recordedById: s.actorId,
      recordedAt: d.assignedAt,
      keptAt: d.resolvedAt,
      missed: !!d.resolvedAt && d.resolvedAt > d.promisedAt,
    });
  }
  if (d.confirmedAt) {
    // WF-4: the ledger does not say how the complainant confirmed; recorded as in person, with that noted.
    w.confirmations.push({
      id: newId(),
      organizationId: s.organizationId,
      complaintId: id,
      customerId: complainantId,
      confirmedByName: d.complainantName,
      confirmedAt: d.confirmedAt,
      method: "IN_PERSON",
      satisfied: true,
      recordedById: s.actorId,
      note: `导入 ${s.fileName}：确认方式未记录`,
      createdAt: s.now,
    });
  }
}

/** CLS-3: a major complaint reported to the management representative on classification. */
function majorReportRow({ s, id, t }: NewComplaint, managementRep: string | null): BulkRow {
  return {
    id: newId(),
    organizationId: s.organizationId,
    complaintId: id,
    level: 0,
    at: t.classifiedAt,
    automatic: true,
    reasonCode: MAJOR_REPORTED_REASON.code,
    reasonParams: MAJOR_REPORTED_REASON.params,
    escalatedById: s.actorId,
    escalatedToId: managementRep,
    notifiedAt: t.classifiedAt,
  };
}

/** CB-1, CB-2, CB-11: the callback as planComplaintCallback creates it (createCallbacks: PLANNED, the first of the complaint's callbacks). */
function callbackRow({ s, d, id, complainantId }: NewComplaint, callback: PlannedRow): BulkRow {
  return {
    id: callback.id,
    organizationId: s.organizationId,
    no: callback.no,
    kind: callback.kind,
    method: callback.inPerson ? "IN_PERSON" : null,
    status: "PLANNED",
    estateId: d.estate.id,
    complaintId: id,
    householdId: d.household?.id ?? null,
    customerId: complainantId,
    assignedToId: callback.assignedToId,
    dueAt: callback.dueAt,
    sequence: 1,
    classification: d.classification === "INTERNAL" ? "SECRET" : d.classification,
    createdAt: s.now,
    updatedAt: s.now,
  };
}

/** The facts complaints/sla-stages.ts would read back from the rows just written (no pauses, plans, hand-offs or callbacks yet). */
function stageFacts(
  d: ComplaintDraft,
  events: Event[],
  classifiedAt: Date | null,
  closedAt: Date | null,
  duplicateOfId: string | null,
): StageFacts {
  const ends = events.filter((e) => e.kind === "TRANSITION" && (e.toStatus === "RESOLVED" || e.toStatus === "INVALID"));
  return {
    receivedAt: d.receivedAt,
    kind: d.kind,
    valid: d.valid,
    duplicate: duplicateOfId !== null,
    inWarranty: d.kind === "WARRANTY",
    atOffice: d.channel === "VISIT" && d.estate.officeId !== null,
    atOtherDepartment: false,
    subject: null,
    forwardedToServiceCentreAt: null,
    classifiedAt,
    assignedAt: d.assignedAt,
    firstPlanAt: null,
    forwardedToDeveloperAt: null,
    developerAnsweredAt: null,
    deemedAcceptedAt: null,
    firstRepliedAt: closedAt,
    firstEndedAt: ends[0]?.at ?? d.resolvedAt ?? closedAt,
    resolutions: ends.filter((e) => e.toStatus === "RESOLVED").map((e) => e.at),
    promises: d.promisedAt
      ? [{ sequence: 1, recordedAt: d.assignedAt!, promisedAt: d.promisedAt, keptAt: d.resolvedAt, replacedAt: null }]
      : [],
    pauses: [],
    confirmations: d.confirmedAt ? [d.confirmedAt] : [],
    callbackExempt: d.anonymous,
    callbacksAt: [],
  };
}
