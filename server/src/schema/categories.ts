import { builder } from "../builder.ts";
import { DepartmentKindEnum } from "./enums.ts";
import { CategoryConflictError } from "../errors/access.ts";
import { createCategory, deleteCategory, updateCategory } from "../services/categories/tree.ts";
import { conflictErrorType, STANDARD_ERRORS } from "./errors.ts";
import { nonEmpty } from "./prisma-query.ts";
import { inOrganization, organizationNode } from "../access/read-scope.ts";

builder.prismaNode("Category", {
  ...organizationNode,
  authScopes: { authenticated: true },
  description: "CLS-4: the two-level category tree",
  fields: (t) => ({
    code: t.exposeString("code", { description: "CLS-4: permanent code, e.g. ENG-LEAK (reports and recurrence detection key on it)" }),
    name: t.exposeString("name", { description: "Unique among its siblings" }),
    level: t.exposeInt("level", { description: "1 or 2" }),
    active: t.exposeBoolean("active", {
      description: "CLS-4: an inactive category is kept for the complaints and reports that use it, but not offered for new ones",
    }),
    sortOrder: t.exposeInt("sortOrder", { description: "Position among its siblings" }),
    version: t.exposeInt("version", { description: "Optimistic concurrency: send it back with an edit" }),
    parent: t.relation("parent", { nullable: true, description: "The first-level category above; null at the first level" }),
    children: t.relation("children", { description: "The second-level categories below", query: { orderBy: { sortOrder: "asc" } } }),
  }),
});

builder.prismaNode("Department", {
  ...organizationNode,
  authScopes: { authenticated: true },
  description: "§2, WF-1: a department of the organisation (a complaint's lead or assisting department)",
  fields: (t) => ({
    code: t.exposeString("code", { description: "Unique in the organisation" }),
    name: t.exposeString("name", { description: "The department's name" }),
    kind: t.expose("kind", { type: DepartmentKindEnum, description: "What the department does" }),
  }),
});

builder.queryField("categories", (t) =>
  t.prismaField({
    type: ["Category"],
    description: "The first level of the category tree; children hang below",
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.category.findMany({ ...query, where: { ...inOrganization(ctx), parentId: null }, orderBy: { sortOrder: "asc" } }),
  }),
);

builder.queryField("departments", (t) =>
  t.prismaField({
    type: ["Department"],
    authScopes: { authenticated: true },
    description: "§2: the organisation's departments, by code",
    resolve: (query, _root, _args, ctx) =>
      ctx.prisma.department.findMany({ ...query, where: inOrganization(ctx), orderBy: { code: "asc" } }),
  }),
);

// ---- CLS-4: administering the tree (services/categories/tree.ts) ----

builder.objectFields(conflictErrorType(CategoryConflictError, "CategoryConflictError"), (t) => ({
  current: t.prismaField({
    type: "Category",
    description: "The category as it is now",
    resolve: (query, e, _a, ctx) => ctx.prisma.category.findUniqueOrThrow({ ...query, where: { id: e.recordId } }),
  }),
}));

const CreateCategoryInput = builder.inputType("CreateCategoryInput", {
  description: "CLS-4: a new category",
  fields: (t) => ({
    parentId: t.globalID({ required: false, description: "A first-level category; none for a new first-level category" }),
    code: t.string({ required: true, description: "Unique in the organisation, e.g. ENG-LEAK (upper-cased)" }),
    name: t.string({ required: true, description: "Unique among its siblings" }),
    sortOrder: t.int({ required: false, description: "Default: after its siblings" }),
  }),
});

builder.mutationField("createCategory", (t) =>
  t.withAuth({ permission: "categories:manage" }).prismaField({
    type: "Category",
    description: "CLS-4: adds a category to the two-level tree",
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: CreateCategoryInput, required: true, description: "The category" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await createCategory(ctx, {
        parentId: input.parentId?.id ?? null,
        code: input.code,
        name: input.name,
        sortOrder: input.sortOrder ?? null,
      });
      return ctx.prisma.category.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

const UpdateCategoryInput = builder.inputType("UpdateCategoryInput", {
  description: "CLS-4: changes to a category; omitted fields stay as they are",
  fields: (t) => ({
    id: t.globalID({ required: true, description: "The Category" }),
    version: t.int({ required: true, description: "The version read; a stale one gets a CategoryConflictError" }),
    name: t.string({ required: false, description: "A new name, unique among its siblings" }),
    sortOrder: t.int({ required: false, description: "A new position among its siblings" }),
    active: t.boolean({
      required: false,
      description: "CLS-4: deactivate a category instead of deleting it; complaints and reports keep it",
    }),
  }),
});

builder.mutationField("updateCategory", (t) =>
  t.withAuth({ permission: "categories:manage" }).prismaField({
    type: "Category",
    description:
      "CLS-4: renames, reorders, deactivates or reactivates a category (the code is permanent: reports and recurrence detection key on it)",
    errors: { types: [...STANDARD_ERRORS, CategoryConflictError] },
    args: { input: t.arg({ type: UpdateCategoryInput, required: true, description: "The changes" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await updateCategory(ctx, {
        id: input.id.id,
        version: input.version,
        name: input.name ?? null,
        sortOrder: input.sortOrder ?? null,
        active: input.active ?? null,
      });
      return ctx.prisma.category.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

builder.mutationField("deleteCategory", (t) =>
  t.withAuth({ permission: "categories:manage" }).field({
    type: "ID",
    description:
      "CLS-4: removes a category nothing refers to; one that complaints, corrective actions, cases or subcategories use is deactivated instead (updateCategory)",
    errors: { types: [...STANDARD_ERRORS, CategoryConflictError] },
    args: {
      id: t.arg.globalID({ required: true, description: "The Category" }),
      version: t.arg.int({ required: true, description: "The version read; a stale one gets a CategoryConflictError" }),
    },
    resolve: async (_r, { id, version }, ctx) => {
      await deleteCategory(ctx, id.id, version);
      return id.id;
    },
  }),
);
