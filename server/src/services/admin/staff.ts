import { hashPassword } from "@tingjian/prisma";
import type { SignedInContext } from "../../access/context.ts";
import { inOrganization } from "../../access/read-scope.ts";
import { temporaryPassword } from "../../auth/temporary-password.ts";
import { mayGiveRole } from "../../domain/access/account-limits.ts";
import { StaffConflictError } from "../../errors/admin-accounts.ts";
import { ForbiddenError, InputError, NotFoundError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { writeAtVersion } from "../versioned-write.ts";
import { changedFields, recordAdminChange } from "./change-log.ts";
import { revokeAccountCredentials } from "./sessions.ts";
import { checkStaffFields, type StaffFields } from "./staff-input.ts";

/**
 * Issue 17: staff accounts, administered with accounts:manage — created with a temporary password
 * that must be changed at the first sign-in, edited at a version, deactivated (their sessions and
 * tokens end; refused at their next request) and reactivated. Every change is kept with who,
 * when, before and after (never a password hash).
 */

export interface CreateStaffInput extends StaffFields {
  login: string;
}

export interface UpdateStaffInput extends Partial<StaffFields> {
  id: string;
  version: number;
}

const ACCOUNT = {
  id: true,
  login: true,
  displayName: true,
  kind: true,
  role: true,
  clearance: true,
  allEstates: true,
  departmentId: true,
  phone: true,
  email: true,
  active: true,
  version: true,
  estateScopes: { select: { estateId: true } },
} as const;

/** The account as the change log keeps it (contact details are personal data: only that they changed). */
type Account = Awaited<ReturnType<typeof loadAccount>>;

async function loadAccount(ctx: SignedInContext, id: string) {
  const s = await ctx.prisma.staff.findFirst({ where: { id, ...inOrganization(ctx) }, select: ACCOUNT });
  if (!s) throw new NotFoundError("Staff");
  return s;
}

function logged(
  s: Pick<Account, "displayName" | "role" | "clearance" | "allEstates" | "departmentId"> & { estateIds: string[] },
): Record<string, unknown> {
  return {
    displayName: s.displayName,
    role: s.role,
    clearance: s.clearance,
    allEstates: s.allEstates,
    estateIds: [...s.estateIds].sort(),
    departmentId: s.departmentId,
  };
}

/** Creates a person's account; returns its id and the temporary password (shown this once). */
export async function createStaff(ctx: SignedInContext, input: CreateStaffInput): Promise<{ id: string; temporaryPassword: string }> {
  const t = await checkStaffFields(ctx, input, null);
  const password = temporaryPassword();
  const estateIds = input.allEstates ? [] : [...new Set(input.estateIds)];
  const created = await ctx.prisma.staff.create({
    data: {
      organizationId: ctx.organizationId,
      login: t.login!,
      displayName: t.displayName!,
      kind: "HUMAN",
      role: input.role,
      clearance: input.clearance,
      allEstates: input.allEstates,
      departmentId: input.departmentId,
      phone: t.phone ?? null,
      email: t.email ?? null,
      passwordHash: await hashPassword(password),
      passwordChangedAt: ctx.now,
      mustChangePassword: true,
      estateScopes: { create: estateIds.map((estateId) => ({ organizationId: ctx.organizationId, estateId })) },
    },
    select: { id: true },
  });
  const after = {
    login: t.login,
    ...logged({ ...input, displayName: t.displayName!, estateIds }),
    contactGiven: !!(t.phone || t.email),
    mustChangePassword: true,
  };
  await recordAdminChange(ctx, { entity: "STAFF", entityId: created.id, action: "CREATE", after });
  return { id: created.id, temporaryPassword: password };
}

/** The fields of an edit that differ from the account as it is. */
function changesOf(s: Account, input: UpdateStaffInput): Partial<StaffFields> {
  const current: Record<string, unknown> = { ...s, estateIds: s.estateScopes.map((e) => e.estateId).sort() };
  const asked: Record<string, unknown> = { ...input, estateIds: input.estateIds ? [...new Set(input.estateIds)].sort() : undefined };
  const out: Record<string, unknown> = {};
  for (const k of ["displayName", "role", "clearance", "allEstates", "estateIds", "departmentId", "phone", "email"] as const) {
    if (asked[k] !== undefined && JSON.stringify(asked[k]) !== JSON.stringify(current[k] ?? null)) out[k] = asked[k];
  }
  return out as Partial<StaffFields>;
}

/** Edits an account at the version the caller read (stale: StaffConflictError). Returns its id. */
export async function updateStaff(ctx: SignedInContext, input: UpdateStaffInput): Promise<string> {
  const s = await loadAccount(ctx, input.id);
  if (!mayGiveRole(ctx.viewer.role, s.role)) throw new ForbiddenError(msg("staffRoleBeyondYours"));
  if (s.version !== input.version) throw new StaffConflictError(s.id, s.version);
  const change = changesOf(s, input);
  const t = await checkStaffFields(ctx, change, s.id);
  if (change.role && s.role === "ADMIN" && s.active) await keepAnAdministrator(ctx, s.id);
  const { estateIds, ...fields } = { ...change, ...t };
  const allEstates = change.allEstates ?? s.allEstates;
  await writeAtVersion(ctx.prisma.staff, s, fields, (id, v) => new StaffConflictError(id, v));
  if (estateIds !== undefined || change.allEstates)
    await setEstates(ctx, s.id, allEstates ? [] : (estateIds ?? s.estateScopes.map((e) => e.estateId)));
  const contactChanged = change.phone !== undefined || change.email !== undefined;
  const before = { ...logged({ ...s, estateIds: s.estateScopes.map((e) => e.estateId) }), contactChanged: false };
  const after = {
    ...logged({ ...s, ...fields, allEstates, estateIds: allEstates ? [] : (estateIds ?? s.estateScopes.map((e) => e.estateId)) }),
    contactChanged,
  };
  const diff = changedFields(before, after);
  if (diff) await recordAdminChange(ctx, { entity: "STAFF", entityId: s.id, action: "UPDATE", ...diff });
  return s.id;
}

async function setEstates(ctx: SignedInContext, staffId: string, estateIds: string[]): Promise<void> {
  await ctx.prisma.staffEstateScope.deleteMany({ where: { staffId, estateId: { notIn: estateIds } } });
  await ctx.prisma.staffEstateScope.createMany({
    data: estateIds.map((estateId) => ({ organizationId: ctx.organizationId, staffId, estateId })),
    skipDuplicates: true,
  });
}

/** Issue 17: the organisation keeps at least one active administrator. */
async function keepAnAdministrator(ctx: SignedInContext, leaving: string): Promise<void> {
  const others = await ctx.prisma.staff.count({
    where: { ...inOrganization(ctx), role: "ADMIN", active: true, kind: "HUMAN", id: { not: leaving } },
  });
  if (others === 0) throw new ForbiddenError(msg("staffLastAdministrator"));
}

/**
 * Deactivates an account: it can no longer sign in, its open sessions and its API tokens are
 * revoked (and any request still carrying them is refused). Not yourself; not the last
 * administrator. Returns its id.
 */
export async function deactivateStaff(ctx: SignedInContext, input: { id: string; version: number }): Promise<string> {
  const s = await loadAccount(ctx, input.id);
  if (s.id === ctx.viewer.staffId) throw new ForbiddenError(msg("staffDeactivateSelf"));
  if (!mayGiveRole(ctx.viewer.role, s.role)) throw new ForbiddenError(msg("staffRoleBeyondYours"));
  if (!s.active) throw new InputError("input.id", msg("staffAlreadyInactive"));
  if (s.role === "ADMIN") await keepAnAdministrator(ctx, s.id);
  await writeAtVersion(ctx.prisma.staff, input, { active: false, deactivatedAt: ctx.now }, (id, v) => new StaffConflictError(id, v));
  const sessions = await revokeAccountCredentials(ctx.prisma, s.id, ctx.now, { tokens: true });
  await recordAdminChange(ctx, {
    entity: "STAFF",
    entityId: s.id,
    action: "DEACTIVATE",
    before: { active: true },
    after: { active: false, deactivatedAt: ctx.now.toISOString(), sessionsRevoked: sessions, tokensRevoked: true },
  });
  return s.id;
}

/** Reactivates an account (it signs in with its password; tokens revoked at deactivation stay revoked). */
export async function reactivateStaff(ctx: SignedInContext, input: { id: string; version: number }): Promise<string> {
  const s = await loadAccount(ctx, input.id);
  if (!mayGiveRole(ctx.viewer.role, s.role)) throw new ForbiddenError(msg("staffRoleBeyondYours"));
  if (s.active) throw new InputError("input.id", msg("staffAlreadyActive"));
  await writeAtVersion(ctx.prisma.staff, input, { active: true, deactivatedAt: null }, (id, v) => new StaffConflictError(id, v));
  await recordAdminChange(ctx, {
    entity: "STAFF",
    entityId: s.id,
    action: "REACTIVATE",
    before: { active: false },
    after: { active: true },
  });
  return s.id;
}
