import { Prisma, type PrismaClient } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";

/** Issue 17: what kind of thing an administrative change touched (admin_changes.entity). */
export type AdminEntity =
  | "ORGANIZATION"
  | "ESTATE"
  | "OFFICE"
  | "BUILDING"
  | "UNIT"
  | "HOUSEHOLD"
  | "DEPARTMENT"
  | "STAFF"
  | "ROLE"
  | "PASSWORD"
  | "SESSION"
  | "CATEGORY"
  | "CALENDAR"
  | "POLICY_VALUE";

/** Issue 17: what was done (admin_changes.action). */
export type AdminAction =
  | "CREATE"
  | "UPDATE"
  | "DEACTIVATE"
  | "REACTIVATE"
  | "DELETE"
  | "RESET_PASSWORD"
  | "CHANGE_PASSWORD"
  | "REVOKE_SESSION";

export interface AdminChangeEntry {
  entity: AdminEntity;
  entityId?: string | null;
  action: AdminAction;
  /** The changed fields before (omit for a creation). Never a secret: say that it changed instead. */
  before?: Record<string, unknown> | null;
  /** The changed fields after. */
  after?: Record<string, unknown> | null;
}

type Db = Pick<PrismaClient, "adminChange">;

/**
 * Issue 17: keeps an administrative change with who, when, before and after (append-only, read
 * by the auditor). Written in the same transaction as the change, so one never stands without
 * the other.
 */
export async function recordAdminChange(ctx: SignedInContext, entry: AdminChangeEntry): Promise<void> {
  await writeAdminChange(ctx.prisma, { organizationId: ctx.organizationId, changedById: ctx.viewer.staffId, at: ctx.now }, entry);
}

/** The same for the operator's command line and jobs (no signed-in person: changedById null). */
export async function writeAdminChange(
  db: Db,
  who: { organizationId: string; changedById: string | null; at: Date },
  entry: AdminChangeEntry,
): Promise<void> {
  await db.adminChange.create({
    data: {
      organizationId: who.organizationId,
      changedById: who.changedById,
      at: who.at,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      action: entry.action,
      before: jsonOrNull(entry.before),
      after: jsonOrNull(entry.after),
    },
  });
}

function jsonOrNull(v: Record<string, unknown> | null | undefined): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return v == null ? Prisma.DbNull : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue);
}

/** The fields of `after` whose value differs from `before`, as the before/after pair to keep. */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(after)) {
    if (v === undefined) continue;
    if (JSON.stringify(before[k] ?? null) !== JSON.stringify(v ?? null)) {
      b[k] = before[k] ?? null;
      a[k] = v;
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}
