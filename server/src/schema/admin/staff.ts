import type { Prisma, StaffRole } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { inOrganization } from "../../access/read-scope.ts";
import { StaffConflictError } from "../../errors/admin-accounts.ts";
import { createStaff, deactivateStaff, reactivateStaff, updateStaff } from "../../services/admin/staff.ts";
import { ClassificationEnum, StaffRoleEnum } from "../access/staff.ts";
import { StaffConnection } from "../connections.ts";
import { conflictErrorType, STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";

/** Issue 17: staff accounts administered with accounts:manage (services/admin/staff.ts). */

const selfOrAdministrator = (staff: { id: string }, _args: unknown, ctx: { viewer: { staffId: string } | null }) =>
  staff.id === ctx.viewer?.staffId ? { signedIn: true } : { permission: "accounts:manage" as const };

builder.prismaObjectFields("Staff", (t) => ({
  version: t.exposeInt("version", { description: "Optimistic concurrency: send it back with an edit" }),
  allEstates: t.exposeBoolean("allEstates", { description: "§2: true for a company-level account (every estate)" }),
  estates: t.prismaField({
    type: ["Estate"],
    authScopes: selfOrAdministrator,
    description: "§2: the estates in the account's scope (empty with allEstates), by code; your own, or any with ACCOUNTS_MANAGE",
    resolve: (query, s, _a, ctx) =>
      ctx.prisma.estate.findMany({ ...query, where: { staffScopes: { some: { staffId: s.id } } }, orderBy: { code: "asc" } }),
  }),
  mustChangePassword: t.exposeBoolean("mustChangePassword", {
    authScopes: selfOrAdministrator,
    description: "Issue 17: a temporary password must be changed at the next sign-in",
  }),
  deactivatedAt: t.expose("deactivatedAt", {
    type: "DateTime",
    nullable: true,
    authScopes: selfOrAdministrator,
    description: "When the account was deactivated (null while active)",
  }),
  lastLoginAt: t.expose("lastLoginAt", {
    type: "DateTime",
    nullable: true,
    authScopes: selfOrAdministrator,
    description: "The last successful sign-in",
  }),
  passwordChangedAt: t.expose("passwordChangedAt", {
    type: "DateTime",
    nullable: true,
    authScopes: selfOrAdministrator,
    description: "When the password was last set",
  }),
  createdAt: t.expose("createdAt", { type: "DateTime", description: "When the account was created" }),
}));

const StaffConflictRef = conflictErrorType(StaffConflictError, "StaffConflictError");
builder.objectFields(StaffConflictRef, (t) => ({
  current: t.prismaField({
    type: "Staff",
    description: "The account as it is now",
    resolve: (query, e, _a, ctx) => ctx.prisma.staff.findUniqueOrThrow({ ...query, where: { id: e.recordId } }),
  }),
}));

const StaffAccountsFilter = builder.inputType("StaffAccountsFilter", {
  description: "Issue 17: narrows the list of accounts; every given condition must hold",
  fields: (t) => ({
    text: t.string({ required: false, description: "Part of the name or login (case-insensitive)" }),
    roles: t.field({ type: [StaffRoleEnum], required: false, description: "Only these roles" }),
    estateId: t.globalID({ required: false, description: "Only accounts working on this Estate (company-level accounts included)" }),
    departmentId: t.globalID({ required: false, description: "Only members of this Department" }),
    active: t.boolean({ required: false, description: "true: active accounts only; false: deactivated only; omitted: both" }),
  }),
});

function accountsWhere(organizationId: string, f: typeof StaffAccountsFilter.$inferInput | null | undefined): Prisma.StaffWhereInput {
  const and: Prisma.StaffWhereInput[] = [{ organizationId }];
  const text = f?.text?.trim().slice(0, 50);
  if (text)
    and.push({ OR: [{ displayName: { contains: text, mode: "insensitive" } }, { login: { contains: text, mode: "insensitive" } }] });
  if (f?.roles?.length) and.push({ role: { in: f.roles as StaffRole[] } });
  if (f?.estateId) and.push({ OR: [{ allEstates: true }, { estateScopes: { some: { estateId: f.estateId.id } } }] });
  if (f?.departmentId) and.push({ departmentId: f.departmentId.id });
  if (f?.active != null) and.push({ active: f.active });
  return { AND: and };
}

builder.queryField("staffAccounts", (t) =>
  t.withAuth({ permission: "accounts:manage" }).prismaConnection(
    {
      type: "Staff",
      cursor: "id",
      description: "Issue 17: the organisation's accounts (people and service accounts), by name, for account administrators",
      args: { filter: t.arg({ type: StaffAccountsFilter, required: false, description: "Whom to list; default everyone" }) },
      totalCount: (_c, args, ctx) => ctx.prisma.staff.count({ where: accountsWhere(inOrganization(ctx).organizationId, args.filter) }),
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.staff.findMany({
          ...query,
          where: accountsWhere(ctx.organizationId, args.filter),
          orderBy: [{ displayName: "asc" }, { id: "asc" }],
        }),
    },
    StaffConnection,
  ),
);

const CreateStaffInput = builder.inputType("CreateStaffInput", {
  description: "Issue 17: a person's account; it gets a temporary password, to be changed at the first sign-in",
  fields: (t) => ({
    login: t.string({ required: true, description: "The sign-in name, unique in the organisation (lower-case letters, digits, . _ -)" }),
    displayName: t.string({ required: true, description: "The name shown to colleagues" }),
    role: t.field({ type: StaffRoleEnum, required: true, description: "§2: the role (only the executive makes an executive)" }),
    clearance: t.field({
      type: ClassificationEnum,
      required: true,
      description: "SEC-2: up to SECRET; CONFIDENTIAL and TOP_SECRET only by the executive",
    }),
    allEstates: t.boolean({ required: false, defaultValue: false, description: "§2: every estate (a company-level account)" }),
    estateIds: t.globalIDList({ required: false, description: "The Estates in scope (ignored with allEstates)" }),
    departmentId: t.globalID({ required: false, description: "The person's Department" }),
    phone: t.string({ required: false, description: "SEC-7: the person's phone" }),
    email: t.string({ required: false, description: "SEC-7: the person's e-mail" }),
  }),
});

export const CreatedStaffRef = builder.objectRef<{ id: string; temporaryPassword: string }>("StaffWithTemporaryPassword").implement({
  description: "Issue 17: an account and its temporary password, shown this once (only its hash is kept)",
  fields: (t) => ({
    temporaryPassword: t.exposeString("temporaryPassword", {
      description: "Hand it to the person; it must be changed at the next sign-in",
    }),
    staff: t.prismaField({
      type: "Staff",
      description: "The account",
      resolve: (query, c, _a, ctx) => ctx.prisma.staff.findUniqueOrThrow({ ...nonEmpty(query), where: { id: c.id } }),
    }),
  }),
});

builder.mutationField("createStaff", (t) =>
  t.withAuth({ permission: "accounts:manage" }).field({
    type: CreatedStaffRef,
    description: "Issue 17: creates a person's account with a temporary password (returned once); every bad field is named at once",
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: CreateStaffInput, required: true, description: "The account" }) },
    resolve: (_r, { input }, ctx) =>
      createStaff(ctx, {
        login: input.login,
        displayName: input.displayName,
        role: input.role,
        clearance: input.clearance,
        allEstates: input.allEstates ?? false,
        estateIds: (input.estateIds ?? []).map((e) => e.id),
        departmentId: input.departmentId?.id ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
      }),
  }),
);

const UpdateStaffInput = builder.inputType("UpdateStaffInput", {
  description: "Issue 17: changes to an account; omitted fields stay as they are (the login is permanent)",
  fields: (t) => ({
    id: t.globalID({ required: true, description: "The Staff account" }),
    version: t.int({ required: true, description: "The version read; a stale one gets a StaffConflictError" }),
    displayName: t.string({ required: false, description: "A new display name" }),
    role: t.field({
      type: StaffRoleEnum,
      required: false,
      description: "A new role (not your own; only the executive makes an executive)",
    }),
    clearance: t.field({
      type: ClassificationEnum,
      required: false,
      description: "SEC-2: a new clearance (above SECRET only by the executive)",
    }),
    allEstates: t.boolean({ required: false, description: "§2: every estate" }),
    estateIds: t.globalIDList({ required: false, description: "The Estates in scope, replacing the present ones" }),
    departmentId: t.globalID({ required: false, description: "A new Department; see clearDepartment" }),
    clearDepartment: t.boolean({ required: false, description: "true: the person belongs to no department" }),
    phone: t.string({ required: false, description: "A new phone (empty: none)" }),
    email: t.string({ required: false, description: "A new e-mail (empty: none)" }),
  }),
});

builder.mutationField("updateStaff", (t) =>
  t.withAuth({ permission: "accounts:manage" }).prismaField({
    type: "Staff",
    description: "Issue 17: edits an account at the version read; every bad field is named at once",
    errors: { types: [...STANDARD_ERRORS, StaffConflictError] },
    args: { input: t.arg({ type: UpdateStaffInput, required: true, description: "The changes" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await updateStaff(ctx, {
        id: input.id.id,
        version: input.version,
        displayName: input.displayName ?? undefined,
        role: input.role ?? undefined,
        clearance: input.clearance ?? undefined,
        allEstates: input.allEstates ?? undefined,
        estateIds: input.estateIds?.map((e) => e.id),
        departmentId: input.clearDepartment ? null : (input.departmentId?.id ?? undefined),
        phone: input.phone ?? undefined,
        email: input.email ?? undefined,
      });
      return ctx.prisma.staff.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

const StaffVersionInput = builder.inputType("StaffVersionInput", {
  description: "Issue 17: an account at the version read",
  fields: (t) => ({
    id: t.globalID({ required: true, description: "The Staff account" }),
    version: t.int({ required: true, description: "The version read; a stale one gets a StaffConflictError" }),
  }),
});

for (const [name, run, description] of [
  [
    "deactivateStaff",
    deactivateStaff,
    "Issue 17: deactivates an account: it cannot sign in, its sessions and API tokens are revoked and refused at their next request (not yourself, not the last administrator)",
  ],
  ["reactivateStaff", reactivateStaff, "Issue 17: reactivates an account; it signs in with its password again"],
] as const) {
  builder.mutationField(name, (t) =>
    t.withAuth({ permission: "accounts:manage" }).prismaField({
      type: "Staff",
      description,
      errors: { types: [...STANDARD_ERRORS, StaffConflictError] },
      args: { input: t.arg({ type: StaffVersionInput, required: true, description: "The account and the version read" }) },
      resolve: async (query, _r, { input }, ctx) => {
        const id = await run(ctx, { id: input.id.id, version: input.version });
        return ctx.prisma.staff.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
      },
    }),
  );
}
