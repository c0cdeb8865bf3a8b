import { builder } from "../../builder.ts";
import { DepartmentConflictError, StaffConflictError } from "../../errors/admin-accounts.ts";
import {
  createDepartment,
  deactivateDepartment,
  moveStaffToDepartment,
  reactivateDepartment,
  updateDepartment,
} from "../../services/admin/departments.ts";
import { StaffConnection } from "../connections.ts";
import { DepartmentKindEnum } from "../enums.ts";
import { conflictErrorType, STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";

/** Issue 17: departments, the service centre and membership (services/admin/departments.ts). */

builder.prismaObjectFields("Department", (t) => ({
  active: t.exposeBoolean("active", { description: "false: kept for the complaints and reports that name it, offered for nothing new" }),
  version: t.exposeInt("version", { description: "Optimistic concurrency: send it back with an edit" }),
  office: t.relation("office", { nullable: true, description: "The management office whose team it is, if any" }),
  head: t.relation("head", { nullable: true, description: "The department's head" }),
  memberCount: t.relationCount("staff", { where: { active: true }, description: "Its active members" }),
  members: t.relatedConnection(
    "staff",
    {
      cursor: "id",
      totalCount: true,
      description: "Its members (active and deactivated), by name",
      query: () => ({ orderBy: [{ displayName: "asc" }, { id: "asc" }] }),
    },
    StaffConnection,
  ),
}));

const DepartmentConflictRef = conflictErrorType(DepartmentConflictError, "DepartmentConflictError");
builder.objectFields(DepartmentConflictRef, (t) => ({
  current: t.prismaField({
    type: "Department",
    description: "The department as it is now",
    resolve: (query, e, _a, ctx) => ctx.prisma.department.findUniqueOrThrow({ ...query, where: { id: e.recordId } }),
  }),
}));

const CreateDepartmentInput = builder.inputType("CreateDepartmentInput", {
  description: "Issue 17: a new department",
  fields: (t) => ({
    code: t.string({ required: true, description: "Unique in the organisation, e.g. KF-01 (upper-cased)" }),
    name: t.string({ required: true, description: "The department's name, e.g. 客服部" }),
    kind: t.field({ type: DepartmentKindEnum, required: true, description: "What it does; at most one active SERVICE_CENTRE" }),
    officeId: t.globalID({ required: false, description: "The Office, for an estate's management office team" }),
    headId: t.globalID({ required: false, description: "The head (an active Staff account)" }),
  }),
});

builder.mutationField("createDepartment", (t) =>
  t.withAuth({ permission: "accounts:manage" }).prismaField({
    type: "Department",
    description: "Issue 17: adds a department; every bad field is named at once",
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: CreateDepartmentInput, required: true, description: "The department" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await createDepartment(ctx, {
        code: input.code,
        name: input.name,
        kind: input.kind,
        officeId: input.officeId?.id ?? null,
        headId: input.headId?.id ?? null,
      });
      return ctx.prisma.department.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

const UpdateDepartmentInput = builder.inputType("UpdateDepartmentInput", {
  description: "Issue 17: changes to a department; omitted fields stay as they are",
  fields: (t) => ({
    id: t.globalID({ required: true, description: "The Department" }),
    version: t.int({ required: true, description: "The version read; a stale one gets a DepartmentConflictError" }),
    code: t.string({ required: false, description: "A new code, unique in the organisation" }),
    name: t.string({ required: false, description: "A new name" }),
    kind: t.field({ type: DepartmentKindEnum, required: false, description: "A new kind (at most one active SERVICE_CENTRE)" }),
    officeId: t.globalID({ required: false, description: "A new Office; see clearOffice" }),
    clearOffice: t.boolean({ required: false, description: "true: the department is no office's team" }),
    headId: t.globalID({ required: false, description: "A new head; see clearHead" }),
    clearHead: t.boolean({ required: false, description: "true: the department has no head" }),
  }),
});

builder.mutationField("updateDepartment", (t) =>
  t.withAuth({ permission: "accounts:manage" }).prismaField({
    type: "Department",
    description: "Issue 17: edits a department at the version read; every bad field is named at once",
    errors: { types: [...STANDARD_ERRORS, DepartmentConflictError] },
    args: { input: t.arg({ type: UpdateDepartmentInput, required: true, description: "The changes" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await updateDepartment(ctx, {
        id: input.id.id,
        version: input.version,
        code: input.code ?? undefined,
        name: input.name ?? undefined,
        kind: input.kind ?? undefined,
        officeId: input.clearOffice ? null : (input.officeId?.id ?? undefined),
        headId: input.clearHead ? null : (input.headId?.id ?? undefined),
      });
      return ctx.prisma.department.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

const DepartmentVersionInput = builder.inputType("DepartmentVersionInput", {
  description: "Issue 17: a department at the version read",
  fields: (t) => ({
    id: t.globalID({ required: true, description: "The Department" }),
    version: t.int({ required: true, description: "The version read; a stale one gets a DepartmentConflictError" }),
  }),
});

for (const [name, run, description] of [
  [
    "deactivateDepartment",
    deactivateDepartment,
    "Issue 17: deactivates a department without active members (move them first); it stays on the records that name it",
  ],
  ["reactivateDepartment", reactivateDepartment, "Issue 17: reactivates a department (a second active service centre is refused)"],
] as const) {
  builder.mutationField(name, (t) =>
    t.withAuth({ permission: "accounts:manage" }).prismaField({
      type: "Department",
      description,
      errors: { types: [...STANDARD_ERRORS, DepartmentConflictError] },
      args: { input: t.arg({ type: DepartmentVersionInput, required: true, description: "The department and the version read" }) },
      resolve: async (query, _r, { input }, ctx) => {
        const id = await run(ctx, { id: input.id.id, version: input.version });
        return ctx.prisma.department.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
      },
    }),
  );
}

const MoveStaffInput = builder.inputType("MoveStaffToDepartmentInput", {
  description: "Issue 17: department membership, from the department's side",
  fields: (t) => ({
    departmentId: t.globalID({ required: false, description: "The (active) Department; omitted: the accounts belong to no department" }),
    staffIds: t.globalIDList({ required: true, description: "The Staff accounts to move" }),
  }),
});

builder.mutationField("moveStaffToDepartment", (t) =>
  t.withAuth({ permission: "accounts:manage" }).prismaField({
    type: ["Staff"],
    description: "Issue 17: puts accounts in a department (or in none); each change is kept in the change log",
    errors: { types: [...STANDARD_ERRORS, StaffConflictError] },
    args: { input: t.arg({ type: MoveStaffInput, required: true, description: "The department and the accounts" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const ids = await moveStaffToDepartment(ctx, {
        departmentId: input.departmentId?.id ?? null,
        staffIds: input.staffIds.map((s) => s.id),
      });
      return ctx.prisma.staff.findMany({ ...nonEmpty(query), where: { id: { in: ids } }, orderBy: { displayName: "asc" } });
    },
  }),
);
