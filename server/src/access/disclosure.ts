import type { Classification, RecordType } from "@tingjian/prisma/client";
import type { Context } from "../context.ts";
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

/** SEC-2, SEC-3, SEC-7: may the caller read values guarded by `rule` on this record? */
export async function entitlement(ctx: Context, record: RecordRef, rule: ProtectionRule): Promise<Entitlement> {
  const viewer = ctx.viewer;
  if (!viewer) return { ok: false };
  if (rule === "STAFF_CONTACT") return { ok: viewer.staffId === record.id || viewer.role === "ADMIN" };
  if (rule === "CASE" ? !viewer.permissions.has("complaints:read") : !viewer.permissions.has("personal-data:read")) return { ok: false };
  const designated = await ctx.grants.designatedLevel(record.recordType, record.id);
  if (!knows(viewer, record, designated)) return { ok: false };
  if (rule !== "ARCHIVE" || viewer.role === "EXECUTIVE") return { ok: true };
  const grant = await ctx.grants.grant("READ_ARCHIVE", record.recordType, record.id);
  return grant ? { ok: true, approvalId: grant.id, purpose: grant.purpose } : { ok: false };
}

/**
 * The value of a protected field for this caller: the raw value, logged (SEC-3), when entitled;
 * the masked value otherwise (SEC-7).
 */
export async function reveal(ctx: Context, record: RecordRef, field: string, value: string | null): Promise<string | null> {
  if (value === null || value === "") return value;
  const protection = protectionOf(record.recordType, field);
  if (!protection) throw new Error(`${record.recordType}.${field} is not a protected column`);
  const e = await entitlement(ctx, record, protection.rule);
  if (!e.ok) return mask(protection.mask, value);
  ctx.access.read(record.recordType, record.id, field, { classification: record.classification, approvalId: e.approvalId, purpose: e.purpose });
  return value;
}

export async function revealList(ctx: Context, record: RecordRef, field: string, values: readonly string[]): Promise<string[]> {
  if (values.length === 0) return [];
  const protection = protectionOf(record.recordType, field)!;
  const e = await entitlement(ctx, record, protection.rule);
  if (!e.ok) return values.map((v) => mask(protection.mask, v));
  ctx.access.read(record.recordType, record.id, field, { classification: record.classification, approvalId: e.approvalId, purpose: e.purpose });
  return [...values];
}

/** GraphQL field extension marking a field as protected; the access test matrix is built from it. */
export function protectedField(recordType: RecordType, column: string) {
  const protection = protectionOf(recordType, column);
  if (!protection) throw new Error(`${recordType}.${column} is not in PROTECTED_COLUMNS`);
  return { protected: { ...protection, column } };
}
