import { SlaCache } from "../services/complaints/sla-stages.ts";
import { callbackNumbers } from "../services/callbacks/create.ts";
import { planComplaintCallbacks } from "../services/callbacks/plan-batch.ts";
import { BulkWriter, chunks, textArray, ticker, yieldToIo } from "./bulk.ts";
import { sqlOf } from "./connection.ts";
import { newId } from "./ids.ts";
import { changedColumns, checkNewComplaint, readComplaint, type ComplaintDraft, type References } from "./complaint-rows.ts";
import { categoryIndex, departmentIndex, estatesByCode, householdsByCode } from "./lookups.ts";
import type { Problems, Row } from "./rows.ts";
import { msg } from "../i18n/messages.ts";
import { knownComplaints, type FileRows, type ImportSession, type Plan } from "./session.ts";
import { planNewComplaintStages, writeEscalations, type NewComplaintFacts, type PendingEscalation } from "./sla-bulk.ts";
import { complainantOf, rowsOf, type PlannedRow, type Written } from "./new-complaint-rows.ts";

/**
 * complaints.csv: a complaint per number with the history the file records. A new number creates
 * the complaint as registerComplaint and the workflow would have left it — classified (CLS-1…4),
 * assigned to its lead department (WF-1), its promise (WF-3), resolved, confirmed by the
 * complainant (WF-4) — with the timeline of those steps at the file's instants (SPEC §5), a
 * duplicate linked to its first report (INT-4), a major complaint reported to the management
 * representative (CLS-3), and its SLA stages (SPEC §6). An existing number must match the stored
 * complaint in every column the row gives: an existing complaint is changed in the app
 * (classifyComplaint, amendComplaint, the workflow steps), where each change is versioned and on
 * the timeline, never by importing it again.
 */
export async function prepareComplaints(s: ImportSession, { rows, keys }: FileRows, problems: Problems): Promise<Plan> {
  // The organisation's numbers are also handed out by registerComplaint, which takes this lock.
  await s.db.$queryRaw`SELECT id FROM organizations WHERE id = ${s.organizationId}::uuid FOR UPDATE`;
  const refs: References = {
    estates: await estatesByCode(s, rows),
    households: await householdsByCode(
      s,
      rows.flatMap((r) => (r.text("household_code") ? [r.text("household_code")!] : [])),
    ),
    categories: await categoryIndex(s),
    departments: await departmentIndex(s),
  };
  const stored = await storedComplaints(s, [
    ...rows.map((r) => r.text("complaint_no")!),
    ...rows.flatMap((r) => (r.text("duplicate_of") ? [r.text("duplicate_of")!] : [])),
  ]);
  // §2, SEC-2: the stored complaints the importer may know, by the API's read rule.
  const known = await knownComplaints(
    s,
    [...stored.values()].map((c) => c.id),
  );
  const visible = (c: Stored) => known.has(c.id);
  const drafts: { d: ComplaintDraft; row: Row }[] = [];
  for (const row of rows) {
    const d = readComplaint(s, row, refs, problems);
    if (d) drafts.push({ d, row });
  }
  const fresh = new Map(drafts.filter(({ d }) => !stored.has(d.no)).map(({ d }) => [d.no, d]));
  const created: ComplaintDraft[] = [];
  let unchanged = 0;
  for (const { d, row } of drafts) {
    const duplicateOfId = firstReport(d, fresh, keys, stored, visible, problems);
    const before = stored.get(d.no);
    if (!before) {
      checkNewComplaint(s, d, row, problems);
      created.push(d);
    } else if (!visible(before)) {
      problems.add(d.line, "complaint_no", msg("importComplaintNoOutsideScope"));
    } else {
      const changed = changedColumns(d, row, before, duplicateOfId === undefined ? null : duplicateOfId);
      for (const f of changed) problems.add(d.line, f, msg("importComplaintDiffers", { field: f }));
      if (changed.length === 0) unchanged++;
    }
  }
  return {
    created: created.length,
    updated: 0,
    unchanged,
    write: (progress) => writeComplaints(s, created, fresh, stored, progress),
  };
}

type Stored = Record<string, unknown> & { id: string; estateId: string; classification: string; duplicateOfId: string | null };

/** The stored complaints the file names (its numbers and the first reports it links to), by number: one query per 20,000 numbers. */
async function storedComplaints(s: ImportSession, numbers: string[]): Promise<Map<string, Stored>> {
  const out = new Map<string, Stored>();
  const sql = await sqlOf(s.db);
  for (const part of chunks([...new Set(numbers)], 20_000)) {
    const found = await sql.rows<Stored & { no: string }>(
      `
      SELECT id::text, no, estate_id::text AS "estateId", household_id::text AS "householdId", location, channel::text, received_at AS "receivedAt", anonymous,
             complainant_name AS "complainantName", complainant_contact AS "complainantContact", kind::text, category_id::text AS "categoryId", severity::text, valid, content,
             lead_department_id::text AS "leadDepartmentId", assigned_at AS "assignedAt", promised_at AS "promisedAt", resolved_at AS "resolvedAt", confirmed_at AS "confirmedAt",
             duplicate_of_id::text AS "duplicateOfId", classification::text
        FROM complaints WHERE organization_id = $1::uuid AND no = ANY($2::text[])`,
      [s.organizationId, textArray(part)],
    );
    for (const c of found) out.set(c.no, c);
  }
  return out;
}

/**
 * INT-4: the first report a duplicate links to, in the file or stored; never another duplicate.
 * Returns its id (the file's first reports get theirs when written: "" until then), undefined when none is named.
 */
function firstReport(
  d: ComplaintDraft,
  fresh: Map<string, ComplaintDraft>,
  keys: ReadonlySet<string>,
  stored: Map<string, Stored>,
  visible: (c: Stored) => boolean,
  problems: Problems,
): string | null | undefined {
  if (!d.duplicateOfNo) return undefined;
  const inFile = fresh.get(d.duplicateOfNo);
  if (inFile && !inFile.duplicateOfNo) return "";
  // A first report on a bad line of the file: that line's problems say what to fix.
  if (!inFile && !stored.has(d.duplicateOfNo) && keys.has(d.duplicateOfNo)) return "";
  const first = stored.get(d.duplicateOfNo);
  if (first && visible(first) && first.duplicateOfId === null) return first.id;
  problems.add(d.line, "duplicate_of", msg("importNoFirstReport"));
  return null;
}

/** Complaints per batch: one statement per table for each (the timeline's five to seven events per complaint included). */
const BATCH = 2500;

/**
 * The rows of the new complaints, batch by batch: while the database stores one batch, the next is
 * built and its SLA stages planned (bulk.ts queues the statements on the transaction's
 * connection). First reports come before their duplicates, so a batch never points at a row of a
 * later batch. Progress counts the complaints whose rows are all stored.
 */
async function writeComplaints(
  s: ImportSession,
  created: ComplaintDraft[],
  fresh: Map<string, ComplaintDraft>,
  stored: Map<string, Stored>,
  progress: (n: number) => void,
): Promise<void> {
  const ordered = [...created].sort((a, b) => Number(!!a.duplicateOfNo) - Number(!!b.duplicateOfNo));
  const ids = new Map(ordered.map((d) => [d.no, newId()]));
  const rep = await s.db.staff.findFirst({
    where: { organizationId: s.organizationId, role: "MANAGEMENT_REP", active: true },
    orderBy: { login: "asc" },
    select: { id: true },
  });
  const org = s.organizationId;
  const cache = new SlaCache();
  // CB-1: the callbacks the app plans on confirmation, before the statements start (the connection is free).
  const callbacks = await plannedCallbacks(s, ordered, ids, cache);
  const bulk = new BulkWriter(s.db, BATCH * 8);
  try {
    await bulk.prepare();
    const tick = ticker();
    const escalations: PendingEscalation[] = [];
    // Calendars and policies are read before the statements start: nothing else uses the connection meanwhile.
    for (const d of ordered) {
      await cache.calendar(s.db, org, d.estate.calendarId);
      await cache.policy(s.db, org, d.estate.id);
    }
    for (let start = 0; start < ordered.length; start += BATCH) {
      const w: Written = { complaints: [], events: [], departments: [], promises: [], confirmations: [], escalations: [], callbacks: [] };
      const facts: NewComplaintFacts[] = [];
      const batch = ordered.slice(start, start + BATCH);
      for (const d of batch) {
        await tick();
        rowsOf(s, d, { ids, fresh, stored, managementRep: rep?.id ?? null, callbacks }, w, facts);
      }
      const stages = await planNewComplaintStages(s.db, facts, s.now, cache, tick);
      escalations.push(...stages.escalations);
      bulk.add("complaints", w.complaints);
      bulk.add("complaint_events", w.events);
      bulk.add("complaint_departments", w.departments);
      bulk.add("complaint_promises", w.promises);
      bulk.add("complaint_confirmations", w.confirmations);
      bulk.add("complaint_escalations", w.escalations);
      bulk.add("callbacks", w.callbacks);
      bulk.add("sla_stages", stages.rows);
      const written = start + batch.length;
      bulk.after(() => progress(written));
      // The statements go out, and the database stores this batch while the next one is built.
      await yieldToIo();
    }
    await bulk.flush();
    if (escalations.length) {
      // WF-7: what syncSlaStages would escalate, in bulk (the supervisors are looked up now that the connection is free).
      await writeEscalations(s.db, bulk, escalations, s.now);
    }
    progress(created.length);
  } catch (e) {
    await bulk.stop();
    throw e;
  }
}

/**
 * CB-1: the callback confirmComplaintResolution would plan for each new confirmed complaint, by the
 * service's own planning (services/callbacks/plan-batch.ts, the rules of planComplaintCallback),
 * numbered as createCallbacks numbers them. Keyed by complaint id.
 */
async function plannedCallbacks(
  s: ImportSession,
  drafts: readonly ComplaintDraft[],
  ids: Map<string, string>,
  cache: SlaCache,
): Promise<Map<string, PlannedRow>> {
  const facts = drafts.map((d) => ({
    id: ids.get(d.no)!,
    organizationId: s.organizationId,
    estateId: d.estate.id,
    calendarId: d.estate.calendarId,
    kind: d.kind,
    severity: d.severity,
    valid: d.valid,
    duplicateOfId: d.duplicateOfNo ? (ids.get(d.duplicateOfNo) ?? d.duplicateOfNo) : null,
    callbackExempt: d.anonymous,
    confirmedAt: d.confirmedAt,
    resolvedAt: d.resolvedAt,
    receivedAt: d.receivedAt,
    householdId: d.household?.id ?? null,
    categoryId: d.categoryId,
    complainantId: complainantOf(d),
    leadDepartmentId: d.departmentId,
    receivedById: null,
    classification: d.classification,
  }));
  const plans = await planComplaintCallbacks(s.db, facts, cache);
  const out = new Map<string, PlannedRow>();
  if (plans.length === 0) return out;
  const number = await callbackNumbers(s.db, s.organizationId);
  for (const p of plans) out.set(p.complaintId, { ...p, id: newId(), no: number() });
  return out;
}
