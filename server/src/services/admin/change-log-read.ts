import type { Prisma, StaffRole } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { inOrganization } from "../../access/read-scope.ts";

/**
 * Issue 17: reading the administrative change log (services/admin/change-log.ts writes it), for
 * the auditor (audit:read) and account administrators (accounts:manage). Always confined to the
 * caller's organisation (and by row-level security underneath).
 */

export interface AdminChangeFilter {
  /** admin_changes.entity, e.g. ROLE, STAFF. */
  entity?: string | null;
  /** The changed record's row id. */
  entityId?: string | null;
  /** Changes of one role's permissions (entity ROLE; the role is kept in before/after). */
  role?: StaffRole | null;
  /** Who made the change (a staff row id). */
  changedById?: string | null;
  /** At or after. */
  from?: Date | null;
  /** Before. */
  to?: Date | null;
}

/** The rows a filter selects, in the caller's organisation. */
export function adminChangeWhere(ctx: SignedInContext, f: AdminChangeFilter | null | undefined): Prisma.AdminChangeWhereInput {
  return {
    ...inOrganization(ctx),
    ...(f?.entity ? { entity: f.entity } : {}),
    ...(f?.entityId ? { entityId: f.entityId } : {}),
    ...(f?.role
      ? { entity: "ROLE", OR: [{ after: { path: ["role"], equals: f.role } }, { before: { path: ["role"], equals: f.role } }] }
      : {}),
    ...(f?.changedById ? { changedById: f.changedById } : {}),
    ...(f?.from || f?.to ? { at: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lt: f.to } : {}) } } : {}),
  };
}

/** The order of the log: newest first, the id breaking ties so that pages neither repeat nor skip. */
export const ADMIN_CHANGE_ORDER: Prisma.AdminChangeOrderByWithRelationInput[] = [{ at: "desc" }, { id: "desc" }];

/** One page of the log (`page`: the connection's take/skip/cursor). */
export function findAdminChanges<Q extends object>(ctx: SignedInContext, filter: AdminChangeFilter | null | undefined, page: Q) {
  return ctx.prisma.adminChange.findMany({ ...page, where: adminChangeWhere(ctx, filter), orderBy: ADMIN_CHANGE_ORDER });
}

export function countAdminChanges(ctx: SignedInContext, filter: AdminChangeFilter | null | undefined): Promise<number> {
  return ctx.prisma.adminChange.count({ where: adminChangeWhere(ctx, filter) });
}

/** One field of a change: its value before and after, and for lists what was added and removed. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
  added: string[];
  removed: string[];
}

const asObject = (v: Prisma.JsonValue | null): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const list = (v: unknown): string[] | null => (Array.isArray(v) ? v.map((x) => (typeof x === "string" ? x : JSON.stringify(x))) : null);

/**
 * The fields of one change, in the order written (before's, then any only after has). Fields
 * equal on both sides are kept (`changed: false`): they say what the change was about (the role
 * whose permissions changed).
 */
export function fieldChanges(change: { before: Prisma.JsonValue | null; after: Prisma.JsonValue | null }): FieldChange[] {
  const before = asObject(change.before);
  const after = asObject(change.after);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields.map((field) => {
    const b = before[field] ?? null;
    const a = after[field] ?? null;
    const [lb, la] = [list(b), list(a)];
    return {
      field,
      before: b,
      after: a,
      changed: !same(b, a),
      added: la ? la.filter((x) => !(lb ?? []).includes(x)) : [],
      removed: lb ? lb.filter((x) => !(la ?? []).includes(x)) : [],
    };
  });
}
