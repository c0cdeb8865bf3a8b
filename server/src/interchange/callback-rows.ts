import type { CallbackKind, CallbackMethod, Classification, ComplaintSeverity } from "@tingjian/prisma/client";
import { resolveStamp } from "./cells.ts";
import { needsSignature } from "../domain/callbacks/record-rules.ts";
import { messages, msg, type Msg } from "../i18n/messages.ts";
import { staffOf, type HouseholdRef, type StaffIndex } from "./lookups.ts";
import type { Problems, Row } from "./rows.ts";
import type { ImportSession } from "./session.ts";

/**
 * callbacks.csv, one row read into the callback it records (CB-1, CB-5, CB-6), or problems naming
 * each bad column. The rules are recordCallback's: a callback made has its method and says whether
 * the customer was reached; a reached customer gives a verdict; one not reached gives none; in
 * person (or by appointment) carries the customer's signature.
 */
export interface ComplaintRef {
  id: string;
  no: string;
  estateId: string;
  householdId: string | null;
  complainantId: string | null;
  severity: ComplaintSeverity;
  classification: Classification;
  receivedAt: Date;
  status: string;
  confirmedAt: Date | null;
  version: number;
}

export interface CallbackDraft {
  line: number;
  no: string;
  complaint: ComplaintRef | null;
  household: HouseholdRef | null;
  estateId: string;
  kind: CallbackKind;
  method: CallbackMethod | null;
  calledAt: Date | null;
  /** The account the file's staff cell names (issue 17 item 4: by login, or by a name only one account has). */
  staffId: string | null;
  /** Issue 17 item 4: the staff cell as written when it names no account (staff who left, or never had one). */
  callerName: string | null;
  /** The staff cell as written. */
  staffText: string | null;
  reached: boolean | null;
  satisfied: boolean | null;
  ratings: { dimension: "QUALITY" | "SPEED" | "ATTITUDE"; rating: number }[];
  signed: boolean;
  comment: string | null;
}

export interface CallbackReferences {
  complaints: Map<string, ComplaintRef>;
  households: Map<string, HouseholdRef>;
  timezones: Map<string, string>;
  staff: StaffIndex;
}

const RATINGS = [
  ["rating_quality", "QUALITY"],
  ["rating_speed", "SPEED"],
  ["rating_attitude", "ATTITUDE"],
] as const;

export function readCallback(s: ImportSession, row: Row, refs: CallbackReferences, problems: Problems): CallbackDraft | null {
  const before = problems.count;
  const bad = (field: string, reason: Msg) => problems.add(row.line, field, reason);
  const complaintNo = row.text("complaint_no");
  const complaint = complaintNo ? (refs.complaints.get(complaintNo) ?? null) : null;
  if (complaintNo && !complaint) bad("complaint_no", msg("importNoComplaintInScope"));
  const householdCode = row.text("household_code");
  const household = householdCode ? (refs.households.get(householdCode) ?? null) : null;
  if (householdCode && !household) bad("household_code", msg("importNoHousehold"));
  if (complaint && household && complaint.householdId !== household.id) bad("household_code", msg("importCallbackOtherHousehold"));
  const kind = row.enum<CallbackKind>("kind")!;
  if ((kind === "COMPLAINT" || kind === "REPAIR") && !complaintNo) bad("complaint_no", msg("importCallbackNamesComplaint"));
  if (!complaintNo && !householdCode) bad("household_code", msg("importCallbackGiveTarget"));
  if (problems.count > before) return null;
  const staffText = row.text("staff");
  const { staffId, name: callerName } = staffOf(staffText, refs.staff);
  const estateId = complaint?.estateId ?? household!.estateId;
  const stamp = row.stamp("called_at");
  const calledAt = stamp ? resolveStamp(stamp, refs.timezones.get(estateId) ?? "Asia/Shanghai") : null;
  const draft: CallbackDraft = {
    line: row.line,
    no: row.text("callback_no")!,
    complaint,
    household,
    estateId,
    kind,
    method: row.enum<CallbackMethod>("method"),
    calledAt,
    staffId,
    callerName,
    staffText,
    reached: row.bool("reached"),
    satisfied: row.bool("satisfied"),
    ratings: RATINGS.flatMap(([f, dimension]) => (row.int(f) !== null ? [{ dimension, rating: row.int(f)! }] : [])),
    signed: row.bool("signed") ?? false,
    comment: row.text("comment"),
  };
  return draft;
}

/** recordCallback's rules (CB-5, CB-6) for a callback the file creates. */
export function checkNewCallback(s: ImportSession, d: CallbackDraft, row: Row, problems: Problems): void {
  const bad = (field: string, reason: Msg) => problems.add(d.line, field, reason);
  const outcome = ["reached", "satisfied", "rating_quality", "rating_speed", "rating_attitude", "signed"].filter((f) => row.given(f));
  if (!d.calledAt) {
    for (const f of outcome) bad(f, msg("importCallbackNotMade"));
    return;
  }
  if (d.calledAt.getTime() > s.now.getTime() + 60_000) bad("called_at", msg("importInFuture", { field: "called_at" }));
  if (d.complaint && d.calledAt < d.complaint.receivedAt) bad("called_at", msg("importCalledBeforeReceived"));
  if (!d.method) bad("method", msg("importCallbackGiveMethod"));
  if (d.reached === null) bad("reached", msg("importCallbackSayReached"));
  if (d.reached === false) {
    for (const f of outcome.filter((x) => x !== "reached" && x !== "signed")) bad(f, msg("importCallbackNotReached"));
  }
  if (d.reached === true) {
    if (d.satisfied === null) bad("satisfied", msg("importCallbackSaySatisfied"));
    // CB-5 (001 §2): an in-person callback carries the customer's signature — recordCallback's rule (domain/callbacks/record-rules.ts).
    if (d.method && needsSignature(d.method) && !d.signed)
      bad("signed", msg("importCallbackSigned", { rule: messages.callbackSignatureRequired }));
  }
}

/** Issue 17 item 4: the stored caller is the row's — the same account, or the same name as written (an account made since does not change a record). */
function sameCaller(d: CallbackDraft, stored: Record<string, unknown>): boolean {
  // A callback not made yet names whom it is assigned to (CB-2); a made one who called.
  const staffId = stored.calledAt ? stored.staffId : stored.assignedToId;
  if (d.staffId === staffId && d.callerName === (stored.callerName ?? null)) return true;
  return staffId === null && stored.callerName != null && stored.callerName === d.staffText;
}

const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

/** The given columns of the row that differ from the stored callback. */
export function changedCallbackColumns(
  d: CallbackDraft,
  row: Row,
  stored: Record<string, unknown> & { ratings: { dimension: string; rating: number | null }[] },
): string[] {
  const rating = (dim: string) => stored.ratings.find((r) => r.dimension === dim)?.rating ?? null;
  const pairs: [string, unknown, unknown][] = [
    ["complaint_no", d.complaint?.id, stored.complaintId],
    ["household_code", d.household?.id, stored.householdId],
    ["kind", d.kind, stored.kind],
    ["method", d.method, stored.method],
    ["called_at", d.calledAt, stored.calledAt],
    ["staff", sameCaller(d, stored), true],
    ["reached", d.reached, stored.reached],
    ["satisfied", d.satisfied, stored.satisfied],
    ["signed", d.signed, stored.signed],
    ["comment", d.comment, stored.comment],
    ...RATINGS.map(
      ([f, dim]) => [f, d.ratings.find((r) => r.dimension === dim)?.rating ?? null, rating(dim)] as [string, unknown, unknown],
    ),
  ];
  return pairs.filter(([f, a, b]) => row.given(f) && !same(a, b)).map(([f]) => f);
}
