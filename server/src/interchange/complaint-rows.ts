import type { Classification, ComplaintChannel, ComplaintKind, ComplaintSeverity } from "@tingjian/prisma/client";
import { isPhone, PHONE_FORMAT } from "../domain/people/contact-formats.ts";
import { resolveStamp } from "./cells.ts";
import { categoryKey, type EstateRef, type HouseholdRef } from "./lookups.ts";
import type { Problems, Row } from "./rows.ts";
import { msg, type Msg } from "../i18n/messages.ts";
import type { ImportSession } from "./session.ts";

/**
 * complaints.csv, one row read into the complaint it describes (INT-1…INT-4, CLS-1…CLS-4, WF-1…WF-4),
 * or problems naming each bad column. Pure apart from the lookups handed in.
 */
export interface ComplaintDraft {
  line: number;
  no: string;
  estate: EstateRef;
  household: HouseholdRef | null;
  location: string | null;
  channel: ComplaintChannel;
  receivedAt: Date;
  anonymous: boolean;
  complainantName: string | null;
  complainantContact: string | null;
  kind: ComplaintKind | null;
  categoryId: string | null;
  severity: ComplaintSeverity;
  valid: boolean | null;
  content: string;
  departmentId: string | null;
  assignedAt: Date | null;
  promisedAt: Date | null;
  resolvedAt: Date | null;
  confirmedAt: Date | null;
  duplicateOfNo: string | null;
  classification: Classification;
}

export interface References {
  estates: Map<string, EstateRef>;
  households: Map<string, HouseholdRef>;
  categories: Map<string, string>;
  departments: Map<string, string>;
}

const FUTURE_SLACK_MS = 60_000;
const TIMES = ["received_at", "assigned_at", "promised_at", "resolved_at", "confirmed_at"] as const;

/** Reads the row's references and values; null when a reference or value is bad (problems added). */
export function readComplaint(s: ImportSession, row: Row, refs: References, problems: Problems): ComplaintDraft | null {
  const before = problems.count;
  const bad = (field: string, reason: Msg) => problems.add(row.line, field, reason);
  const estate = refs.estates.get(row.text("estate_code")!);
  if (!estate) {
    bad("estate_code", msg("importNoEstate"));
    return null;
  }
  const householdCode = row.text("household_code");
  const household = householdCode ? (refs.households.get(householdCode) ?? null) : null;
  if (householdCode && (!household || household.estateId !== estate.id)) bad("household_code", msg("importNoHouseholdInEstate"));
  const time = Object.fromEntries(
    TIMES.map((f) => {
      const stamp = row.stamp(f);
      const at = stamp ? resolveStamp(stamp, estate.timezone) : null;
      if (at && at.getTime() > s.now.getTime() + FUTURE_SLACK_MS) bad(f, msg("importInFuture", { field: f }));
      return [f, at];
    }),
  ) as Record<(typeof TIMES)[number], Date | null>;
  const phone = row.text("phone");
  if (phone && !isPhone(phone)) bad("phone", msg("importBadPhone", { format: PHONE_FORMAT }));
  const categoryText = row.text("category");
  const categoryId = categoryText ? (refs.categories.get(categoryKey(categoryText)) ?? null) : null;
  if (categoryText && !categoryId) bad("category", msg("importNoCategory"));
  const departmentText = row.text("department");
  const departmentId = departmentText ? (refs.departments.get(departmentText.toLowerCase()) ?? null) : null;
  if (departmentText && !departmentId) bad("department", msg("importNoDepartment"));
  const classification = row.enum<Classification>("classification") ?? "SECRET";
  const duplicateOfNo = row.text("duplicate_of");
  if (duplicateOfNo && duplicateOfNo === row.text("complaint_no")) bad("duplicate_of", msg("importDuplicateOfItself"));
  if (problems.count > before) return null;
  return {
    line: row.line,
    no: row.text("complaint_no")!,
    estate,
    household,
    location: row.text("location"),
    channel: row.enum<ComplaintChannel>("channel")!,
    receivedAt: time.received_at!,
    anonymous: row.bool("anonymous") ?? false,
    complainantName: row.text("complainant_name"),
    complainantContact: phone,
    kind: row.enum<ComplaintKind>("kind"),
    categoryId,
    severity: row.enum<ComplaintSeverity>("severity") ?? "GENERAL",
    valid: row.bool("valid"),
    content: row.text("content")!,
    departmentId,
    assignedAt: time.assigned_at,
    promisedAt: time.promised_at,
    resolvedAt: time.resolved_at,
    confirmedAt: time.confirmed_at,
    duplicateOfNo,
    classification,
  };
}

/**
 * The rules registerComplaint, classifyComplaint and the workflow apply, for a complaint the file
 * creates: where it is (INT-2), who complained (INT-2), how it was classified (CLS-1, CLS-2,
 * CLS-4), and that its steps come in their order (WF-1…WF-4).
 */
export function checkNewComplaint(s: ImportSession, d: ComplaintDraft, row: Row, problems: Problems): void {
  const bad = (field: string, reason: Msg) => problems.add(d.line, field, reason);
  // SEC-1: complaints are customer information, at least SECRET (as changeClassification holds).
  if (d.classification === "INTERNAL") bad("classification", msg("importAtLeastSecret"));
  else {
    const refusal = s.classifyRefusal(d.classification);
    if (refusal) bad("classification", refusal);
  }
  if (!d.household && !d.location) bad("location", msg("importPublicAreaLocation"));
  if (d.anonymous) {
    for (const f of ["complainant_name", "phone"]) if (row.given(f)) bad(f, msg("importAnonymousNoContact"));
  } else if (!d.complainantName) bad("complainant_name", msg("importComplainantName"));
  const classified = d.kind || d.categoryId || d.departmentId || d.assignedAt || d.promisedAt || d.resolvedAt || d.confirmedAt;
  if (d.valid === null && (classified || row.given("severity"))) bad("valid", msg("importSayValid"));
  if (d.valid === true) {
    if (!d.kind) bad("kind", msg("importValidNeedsKind"));
    if (!d.categoryId) bad("category", msg("importValidNeedsCategory"));
  }
  if (d.valid === false) {
    for (const f of ["department", "assigned_at", "promised_at", "resolved_at", "confirmed_at"]) {
      if (row.given(f)) bad(f, msg("importInvalidClosed"));
    }
    return;
  }
  if (d.departmentId && !d.assignedAt) bad("assigned_at", msg("importGiveAssignedAt"));
  if (d.assignedAt && !d.departmentId) bad("department", msg("importAssignedNeedsDepartment"));
  if (d.assignedAt && d.assignedAt < d.receivedAt) bad("assigned_at", msg("importAssignedBeforeReceived"));
  if (d.promisedAt && !d.assignedAt) bad("promised_at", msg("importPromiseAfterAssignment"));
  if (d.promisedAt && d.assignedAt && d.promisedAt <= d.assignedAt) bad("promised_at", msg("importPromiseAfterAssigned"));
  if (d.resolvedAt && !d.assignedAt) bad("resolved_at", msg("importResolvedNeedsAssigned"));
  if (d.resolvedAt && d.assignedAt && d.resolvedAt < d.assignedAt) bad("resolved_at", msg("importResolvedBeforeAssigned"));
  if (d.confirmedAt && !d.resolvedAt) bad("confirmed_at", msg("importConfirmNeedsResolved"));
  if (d.confirmedAt && d.resolvedAt && d.confirmedAt < d.resolvedAt) bad("confirmed_at", msg("importConfirmedBeforeResolved"));
}

const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

/** The columns of the row that differ from the stored complaint (only columns the row gives are compared). */
export function changedColumns(d: ComplaintDraft, row: Row, stored: Record<string, unknown>, duplicateOfId: string | null): string[] {
  const pairs: [string, unknown, unknown][] = [
    ["estate_code", d.estate.id, stored.estateId],
    ["household_code", d.household?.id, stored.householdId],
    ["location", d.location, stored.location],
    ["channel", d.channel, stored.channel],
    ["received_at", d.receivedAt, stored.receivedAt],
    ["anonymous", d.anonymous, stored.anonymous],
    ["complainant_name", d.complainantName, stored.complainantName],
    ["phone", d.complainantContact, stored.complainantContact],
    ["kind", d.kind, stored.kind],
    ["category", d.categoryId, stored.categoryId],
    ["severity", d.severity, stored.severity],
    ["valid", d.valid, stored.valid],
    ["content", d.content, stored.content],
    ["department", d.departmentId, stored.leadDepartmentId],
    ["assigned_at", d.assignedAt, stored.assignedAt],
    ["promised_at", d.promisedAt, stored.promisedAt],
    ["resolved_at", d.resolvedAt, stored.resolvedAt],
    ["confirmed_at", d.confirmedAt, stored.confirmedAt],
    ["duplicate_of", duplicateOfId, stored.duplicateOfId],
    ["classification", d.classification, stored.classification],
  ];
  return pairs.filter(([f, a, b]) => row.given(f) && !same(a, b)).map(([f]) => f);
}
