import type { DepartmentKind, Prisma } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { inOrganization } from "../../access/read-scope.ts";
import { DepartmentConflictError, StaffConflictError } from "../../errors/admin-accounts.ts";
import { InputCheck, InputError, NotFoundError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { writeAtVersion } from "../versioned-write.ts";
import { changedFields, recordAdminChange } from "./change-log.ts";

/**
 * Issue 17: departments and the service centre (at most one active per organisation), and their
 * membership (staff.departmentId, set here from the department's side or on the account).
 */

export interface DepartmentFields {
  code: string;
  name: string;
  kind: DepartmentKind;
  /** An office row id, for an estate's management office team. */
  officeId: string | null;
  /** A staff row id. */
  headId: string | null;
}

const CODE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
const FIELDS = { id: true, code: true, name: true, kind: true, officeId: true, headId: true, active: true, version: true } as const;
const conflict = (id: string, v: number) => new DepartmentConflictError(id, v);

async function loadDepartment(ctx: SignedInContext, id: string) {
  const d = await ctx.prisma.department.findFirst({ where: { id, ...inOrganization(ctx) }, select: FIELDS });
  if (!d) throw new NotFoundError("Department");
  return d;
}

/** SPEC §2: one service centre receives and registers complaints; a second active one is refused. */
async function serviceCentreFree(ctx: SignedInContext, except: string | null): Promise<boolean> {
  const other = await ctx.prisma.department.findFirst({
    where: { ...inOrganization(ctx), kind: "SERVICE_CENTRE", active: true, ...(except ? { id: { not: except } } : {}) },
    select: { id: true },
  });
  return !other;
}

/** Every bad field at once (issue 16); `self` is the department edited (null for a new one). */
async function checkFields(
  ctx: SignedInContext,
  f: Partial<DepartmentFields>,
  self: { id: string; active: boolean } | null,
): Promise<Partial<DepartmentFields>> {
  const check = new InputCheck();
  const out: Partial<DepartmentFields> = { ...f };
  if (f.code !== undefined) {
    out.code = check.text(f.code, "input.code", 30).toUpperCase();
    if (out.code && check.that(CODE.test(out.code), "input.code", msg("departmentCodeFormat"))) {
      const taken = await ctx.prisma.department.findFirst({
        where: { ...inOrganization(ctx), code: out.code, ...(self ? { id: { not: self.id } } : {}) },
        select: { id: true },
      });
      check.that(!taken, "input.code", msg("departmentCodeTaken", { code: out.code }));
    }
  }
  if (f.name !== undefined) out.name = check.text(f.name, "input.name", 100);
  if (f.kind === "SERVICE_CENTRE" && (!self || self.active))
    check.that(await serviceCentreFree(ctx, self?.id ?? null), "input.kind", msg("departmentOneServiceCentre"));
  if (f.officeId)
    check.that(
      !!(await ctx.prisma.office.findFirst({ where: { id: f.officeId, ...inOrganization(ctx) }, select: { id: true } })),
      "input.officeId",
      msg("departmentNoSuchOffice"),
    );
  if (f.headId) {
    const head = await ctx.prisma.staff.findFirst({
      where: { id: f.headId, ...inOrganization(ctx), kind: "HUMAN" },
      select: { active: true },
    });
    check.that(!!head?.active, "input.headId", msg("departmentNoSuchHead"));
  }
  check.done();
  return out;
}

/** Creates a department; returns its id. */
export async function createDepartment(ctx: SignedInContext, input: DepartmentFields): Promise<string> {
  const f = (await checkFields(ctx, input, null)) as DepartmentFields;
  const d = await ctx.prisma.department.create({ data: { organizationId: ctx.organizationId, ...f }, select: { id: true } });
  await recordAdminChange(ctx, { entity: "DEPARTMENT", entityId: d.id, action: "CREATE", after: { ...f } });
  return d.id;
}

/** Edits a department at the version the caller read (stale: DepartmentConflictError). */
export async function updateDepartment(
  ctx: SignedInContext,
  input: Partial<DepartmentFields> & { id: string; version: number },
): Promise<string> {
  const d = await loadDepartment(ctx, input.id);
  if (d.version !== input.version) throw conflict(d.id, d.version);
  const { id: _id, version: _v, ...asked } = input;
  const kindChange = asked.kind !== undefined && asked.kind !== d.kind ? asked.kind : undefined;
  const f = await checkFields(ctx, { ...asked, kind: kindChange }, d);
  const data = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as Prisma.DepartmentUpdateManyMutationInput;
  await writeAtVersion(ctx.prisma.department, d, data, conflict);
  const diff = changedFields(d, data as Record<string, unknown>);
  if (diff) await recordAdminChange(ctx, { entity: "DEPARTMENT", entityId: d.id, action: "UPDATE", ...diff });
  return d.id;
}

/**
 * Deactivates a department (kept for the complaints and reports that name it, offered for nothing
 * new). Its members must be moved first.
 */
export async function deactivateDepartment(ctx: SignedInContext, input: { id: string; version: number }): Promise<string> {
  const d = await loadDepartment(ctx, input.id);
  if (!d.active) throw new InputError("input.id", msg("departmentAlreadyInactive"));
  const members = await ctx.prisma.staff.count({ where: { departmentId: d.id, active: true } });
  if (members > 0) throw new InputError("input.id", msg("departmentHasMembers", { count: members }));
  await writeAtVersion(ctx.prisma.department, input, { active: false }, conflict);
  await recordAdminChange(ctx, {
    entity: "DEPARTMENT",
    entityId: d.id,
    action: "DEACTIVATE",
    before: { active: true },
    after: { active: false },
  });
  return d.id;
}

/** Reactivates a department (a second active service centre is refused). */
export async function reactivateDepartment(ctx: SignedInContext, input: { id: string; version: number }): Promise<string> {
  const d = await loadDepartment(ctx, input.id);
  if (d.active) throw new InputError("input.id", msg("departmentAlreadyActive"));
  if (d.kind === "SERVICE_CENTRE" && !(await serviceCentreFree(ctx, d.id)))
    throw new InputError("input.id", msg("departmentOneServiceCentre"));
  await writeAtVersion(ctx.prisma.department, input, { active: true }, conflict);
  await recordAdminChange(ctx, {
    entity: "DEPARTMENT",
    entityId: d.id,
    action: "REACTIVATE",
    before: { active: false },
    after: { active: true },
  });
  return d.id;
}

/**
 * Membership from the department's side: puts the given accounts in `departmentId` (null: in no
 * department). Each account is written at its version as read now, and its change is kept.
 */
export async function moveStaffToDepartment(
  ctx: SignedInContext,
  input: { departmentId: string | null; staffIds: string[] },
): Promise<string[]> {
  const check = new InputCheck();
  if (input.departmentId) {
    const d = await ctx.prisma.department.findFirst({
      where: { id: input.departmentId, ...inOrganization(ctx) },
      select: { active: true },
    });
    if (check.that(!!d, "input.departmentId", msg("noSuchDepartment")))
      check.that(d!.active, "input.departmentId", msg("departmentInactive"));
  }
  const ids = [...new Set(input.staffIds)];
  const staff = await ctx.prisma.staff.findMany({
    where: { id: { in: ids }, ...inOrganization(ctx) },
    select: { id: true, version: true, departmentId: true },
  });
  check.that(ids.length > 0 && staff.length === ids.length, "input.staffIds", msg("departmentNoSuchMember"));
  check.done();
  for (const s of staff.filter((x) => x.departmentId !== input.departmentId)) {
    await writeAtVersion(ctx.prisma.staff, s, { departmentId: input.departmentId }, (id, v) => new StaffConflictError(id, v));
    await recordAdminChange(ctx, {
      entity: "STAFF",
      entityId: s.id,
      action: "UPDATE",
      before: { departmentId: s.departmentId },
      after: { departmentId: input.departmentId },
    });
  }
  return ids;
}
