import type { Classification, RecordType } from "@tingjian/prisma/client";
import type { Context } from "./context.ts";
import { knows } from "../domain/access/need-to-know.ts";
import { mask } from "../domain/access/masking.ts";
import { protectionOf, type ProtectionRule } from "../domain/access/protected-fields.ts";

/** A protected record as the resolvers know it (enough to decide without another query). */
export interface RecordRef {
  recordType: RecordType;
  id: string;
  classification: Classification;
  estateIds: readonly string[];
  assignedStaffIds?: readonly string[];
}

export interface Entitlement {
  ok: boolean;
  approvalId?: string;
  purpose?: string;
}

type MaybePromise<T> = T | Promise<T>;

const GRANTED: Entitlement = Object.freeze({ ok: true });
const DENIED: Entitlement = Object.freeze({ ok: false });

const isPromise = <T>(v: MaybePromise<T>): v is Promise<T> => typeof (v as Promise<T>)?.then === "function";

/**
 * SEC-2, SEC-3, SEC-7: may the caller read values guarded by `rule` on this record?
 * Decided synchronously from the request's viewer (role, clearance, estates, designations); only
 * an owner-archive field asks for the request's approvals, loaded once per request. A list page
 * of protected fields thus costs no promise and no query per field.
 */
export function entitlement(ctx: Context, record: RecordRef, rule: ProtectionRule): MaybePromise<Entitlement> {
  const viewer = ctx.viewer;
  if (!viewer) return DENIED;
  if (rule === "STAFF_CONTACT") return viewer.staffId === record.id || viewer.role === "ADMIN" ? GRANTED : DENIED;
  if (rule === "CASE" ? !viewer.permissions.has("complaints:read") : !viewer.permissions.has("personal-data:read")) return DENIED;
  if (!knows(viewer, record, ctx.grants.designatedLevel(record.recordType, record.id))) return DENIED;
  if (rule !== "ARCHIVE" || viewer.role === "EXECUTIVE") return GRANTED;
  return ctx.grants
    .grant("READ_ARCHIVE", record.recordType, record.id)
    .then((grant) => (grant ? { ok: true, approvalId: grant.id, purpose: grant.purpose } : DENIED));
}

function protectionFor(record: RecordRef, field: string) {
  const protection = protectionOf(record.recordType, field);
  if (!protection) throw new Error(`${record.recordType}.${field} is not a protected column`);
  return protection;
}

/**
 * The value of a protected field for this caller: the raw value, logged (SEC-3), when entitled;
 * the masked value otherwise (SEC-7). Synchronous unless the rule needs the request's approvals.
 */
export function reveal(ctx: Context, record: RecordRef, field: string, value: string | null): MaybePromise<string | null> {
  if (value === null || value === "") return value;
  const protection = protectionFor(record, field);
  const decide = (e: Entitlement) => {
    if (!e.ok) return mask(protection.mask, value);
    ctx.access.read(record.recordType, record.id, field, {
      classification: record.classification,
      approvalId: e.approvalId,
      purpose: e.purpose,
    });
    return value;
  };
  const e = entitlement(ctx, record, protection.rule);
  return isPromise(e) ? e.then(decide) : decide(e);
}

export function revealList(ctx: Context, record: RecordRef, field: string, values: readonly string[]): MaybePromise<string[]> {
  if (values.length === 0) return [];
  const protection = protectionFor(record, field);
  const decide = (e: Entitlement) => {
    if (!e.ok) return values.map((v) => mask(protection.mask, v));
    ctx.access.read(record.recordType, record.id, field, {
      classification: record.classification,
      approvalId: e.approvalId,
      purpose: e.purpose,
    });
    return [...values];
  };
  const e = entitlement(ctx, record, protection.rule);
  return isPromise(e) ? e.then(decide) : decide(e);
}

/** GraphQL field extension marking a field as protected; the access test matrix is built from it. */
export function protectedField(recordType: RecordType, column: string) {
  const protection = protectionOf(recordType, column);
  if (!protection) throw new Error(`${recordType}.${column} is not in PROTECTED_COLUMNS`);
  return { protected: { ...protection, column } };
}
