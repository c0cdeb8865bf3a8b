import type { Classification, StaffRole } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { inOrganization } from "../../access/read-scope.ts";
import { mayGiveClearance, mayGiveRole } from "../../domain/access/account-limits.ts";
import { ForbiddenError, InputCheck } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";

/** Issue 17: the fields of a staff account an administrator sets. */
export interface StaffFields {
  displayName: string;
  role: StaffRole;
  clearance: Classification;
  /** §2: every estate (company-level accounts); else `estateIds`. */
  allEstates: boolean;
  /** Estate row ids in scope. */
  estateIds: string[];
  departmentId: string | null;
  phone: string | null;
  email: string | null;
}

export const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{1,49}$/;
const PHONE = /^\+?[\d\s-]{5,30}$/;
const EMAIL = /^[^\s@]{1,100}@[^\s@]{1,100}\.[^\s@]{1,50}$/;

/** Fields to check: those of a creation, or the ones an edit changes. */
export type CheckedFields = Partial<StaffFields> & { login?: string };

/**
 * Every bad field at once (issue 16), then the refusals of privilege escalation (SEC-2): a role
 * or clearance the caller may not give, estates outside the caller's own scope. Returns the
 * normalised texts.
 */
export async function checkStaffFields(
  ctx: SignedInContext,
  f: CheckedFields,
  selfId: string | null,
): Promise<{ login?: string; displayName?: string; phone?: string | null; email?: string | null }> {
  const check = new InputCheck();
  const out: { login?: string; displayName?: string; phone?: string | null; email?: string | null } = {};
  if (f.login !== undefined) {
    const login = check.text(f.login, "input.login", 50).toLowerCase();
    if (login && check.that(LOGIN_PATTERN.test(login), "input.login", msg("staffLoginFormat"))) {
      const taken = await ctx.prisma.staff.findFirst({ where: { ...inOrganization(ctx), login }, select: { id: true } });
      check.that(!taken, "input.login", msg("staffLoginTaken", { login }));
    }
    out.login = login;
  }
  if (f.displayName !== undefined) out.displayName = check.text(f.displayName, "input.displayName", 100);
  if (f.phone !== undefined) {
    out.phone = f.phone?.trim() || null;
    check.that(!out.phone || PHONE.test(out.phone), "input.phone", msg("staffPhoneFormat"));
  }
  if (f.email !== undefined) {
    out.email = f.email?.trim() || null;
    check.that(!out.email || EMAIL.test(out.email), "input.email", msg("staffEmailFormat"));
  }
  await checkPlacement(ctx, f, check);
  check.done();
  checkGrants(ctx, f, selfId);
  return out;
}

/** The department and estates named exist in the organisation (and, for a caller confined to estates, are its own). */
async function checkPlacement(ctx: SignedInContext, f: CheckedFields, check: InputCheck): Promise<void> {
  if (f.departmentId) {
    const d = await ctx.prisma.department.findFirst({ where: { id: f.departmentId, ...inOrganization(ctx) }, select: { active: true } });
    if (check.that(!!d, "input.departmentId", msg("noSuchDepartment")))
      check.that(d!.active, "input.departmentId", msg("departmentInactive"));
  }
  const mine = ctx.viewer.estates;
  if (f.allEstates) check.that(mine === "ALL", "input.allEstates", msg("staffEstatesBeyondYours"));
  if (f.estateIds?.length) {
    const found = await ctx.prisma.estate.count({ where: { ...inOrganization(ctx), id: { in: f.estateIds } } });
    if (check.that(found === new Set(f.estateIds).size, "input.estateIds", msg("noSuchEstate"))) {
      check.that(mine === "ALL" || f.estateIds.every((e) => mine.has(e)), "input.estateIds", msg("staffEstatesBeyondYours"));
    }
  }
}

/** SEC-2, issue 17: nobody gives a role or clearance beyond what their own role may give. */
function checkGrants(ctx: SignedInContext, f: CheckedFields, selfId: string | null): void {
  const { role } = ctx.viewer;
  if (f.role && !mayGiveRole(role, f.role)) throw new ForbiddenError(msg("staffRoleBeyondYours"));
  if (f.clearance && !mayGiveClearance(role, f.clearance)) throw new ForbiddenError(msg("staffClearanceBeyondYours"));
  // Your own role is changed by another administrator, never by yourself.
  if (selfId === ctx.viewer.staffId && f.role && f.role !== role) throw new ForbiddenError(msg("staffOwnRole"));
}
