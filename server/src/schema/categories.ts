import type { Category } from "@tingjian/prisma/client";
import { builder } from "../builder.ts";
import type { Context } from "../access/context.ts";
import { DepartmentKindEnum } from "./enums.ts";
import { ConflictError, InputError, NotFoundError, requiredText } from "../errors/typed-errors.ts";
import { conflictErrorType, STANDARD_ERRORS } from "./errors.ts";
import { nonEmpty } from "./prisma-query.ts";
import { inOrganization, organizationNode } from "../access/read-scope.ts";

builder.prismaNode("Category", {
  ...organizationNode,
  authScopes: { authenticated: true },
  description: "CLS-4: the two-level category tree",
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    level: t.exposeInt("level"),
    active: t.exposeBoolean("active", { description: "CLS-4: an inactive category is kept for the complaints and reports that use it, but not offered for new ones" }),
    sortOrder: t.exposeInt("sortOrder"),
    version: t.exposeInt("version", { description: "Optimistic concurrency: send it back with an edit" }),
    parent: t.relation("parent", { nullable: true }),
    children: t.relation("children", { query: { orderBy: { sortOrder: "asc" } } }),
  }),
});

builder.prismaNode("Department", {
  ...organizationNode,
  authScopes: { authenticated: true },
  fields: (t) => ({
    code: t.exposeString("code"),
    name: t.exposeString("name"),
    kind: t.expose("kind", { type: DepartmentKindEnum }),
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
    resolve: (query, _root, _args, ctx) => ctx.prisma.department.findMany({ ...query, where: inOrganization(ctx), orderBy: { code: "asc" } }),
  }),
);

// ---- CLS-4: administering the tree ----

/** Codes as the seed writes them: upper-case letters and digits, parts joined by hyphens (ENG, ENG-LEAK). */
const CODE = /^[A-Z0-9]+(-[A-Z0-9]+)*$/;
const MAX_CODE = 32;
const MAX_NAME = 50;

class CategoryConflictError extends ConflictError {}
builder.objectFields(conflictErrorType(CategoryConflictError, "CategoryConflictError"), (t) => ({
  current: t.prismaField({ type: "Category", resolve: (query, e, _a, ctx) => ctx.prisma.category.findUniqueOrThrow({ ...query, where: { id: e.recordId } }) }),
}));

/**
 * Tree edits of one organisation are serialised on its row (as complaint numbering is), so that
 * the sibling-name check below cannot race: the database's unique index does not cover top-level
 * names (parent NULL), and a typed error is owed in any case rather than a database error.
 */
async function lockTree(ctx: Context): Promise<void> {
  await ctx.prisma.$queryRaw`SELECT id FROM organizations WHERE id = ${ctx.organizationId}::uuid FOR UPDATE`;
}

/** CLS-4: names are unique among siblings (the same name may recur under different parents). */
async function assertNameFree(ctx: Context, parentId: string | null, name: string, self?: string): Promise<void> {
  const clash = await ctx.prisma.category.findFirst({ where: { ...inOrganization(ctx), parentId, name, ...(self ? { id: { not: self } } : {}) }, select: { id: true } });
  if (clash) throw new InputError("input.name", `Another category ${parentId ? "under the same parent" : "at the top level"} is already named ${name}`);
}

const CreateCategoryInput = builder.inputType("CreateCategoryInput", {
  fields: (t) => ({
    parentId: t.globalID({ required: false, description: "A first-level category; none for a new first-level category" }),
    code: t.string({ required: true, description: "Unique in the organisation, e.g. ENG-LEAK (upper-cased)" }),
    name: t.string({ required: true, description: "Unique among its siblings" }),
    sortOrder: t.int({ required: false, description: "Default: after its siblings" }),
  }),
});

builder.mutationField("createCategory", (t) =>
  t.prismaField({
    type: "Category",
    description: "CLS-4: adds a category to the two-level tree",
    authScopes: { permission: "categories:manage" },
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: CreateCategoryInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const code = requiredText(input.code, "input.code", MAX_CODE).toUpperCase();
      if (!CODE.test(code)) throw new InputError("input.code", "code is upper-case letters and digits, parts joined by hyphens (e.g. ENG-LEAK)");
      const name = requiredText(input.name, "input.name", MAX_NAME);
      await lockTree(ctx);
      let parent: Category | null = null;
      if (input.parentId) {
        parent = await ctx.prisma.category.findFirst({ where: { id: input.parentId.id, ...inOrganization(ctx) } });
        if (!parent) throw new InputError("input.parentId", "No such category");
        if (parent.level !== 1) throw new InputError("input.parentId", "The tree has two levels (CLS-4): a second-level category has no children");
        if (!parent.active) throw new InputError("input.parentId", "The parent category is inactive; activate it first");
      }
      if (await ctx.prisma.category.findFirst({ where: { ...inOrganization(ctx), code }, select: { id: true } })) throw new InputError("input.code", `The code ${code} is taken`);
      await assertNameFree(ctx, parent?.id ?? null, name);
      const last = await ctx.prisma.category.aggregate({ where: { ...inOrganization(ctx), parentId: parent?.id ?? null }, _max: { sortOrder: true } });
      const created = await ctx.prisma.category.create({
        data: {
          organizationId: ctx.organizationId!, parentId: parent?.id ?? null, level: parent ? 2 : 1, code, name,
          sortOrder: input.sortOrder ?? (last._max.sortOrder ?? 0) + 1,
        },
        select: { id: true },
      });
      return ctx.prisma.category.findUniqueOrThrow({ ...nonEmpty(query), where: { id: created.id } });
    },
  }),
);

const UpdateCategoryInput = builder.inputType("UpdateCategoryInput", {
  fields: (t) => ({
    id: t.globalID({ required: true }),
    version: t.int({ required: true, description: "The version read; a stale one gets a CategoryConflictError" }),
    name: t.string({ required: false }),
    sortOrder: t.int({ required: false }),
    active: t.boolean({ required: false, description: "CLS-4: deactivate a category instead of deleting it; complaints and reports keep it" }),
  }),
});

builder.mutationField("updateCategory", (t) =>
  t.prismaField({
    type: "Category",
    description: "CLS-4: renames, reorders, deactivates or reactivates a category (the code is permanent: reports and recurrence detection key on it)",
    authScopes: { permission: "categories:manage" },
    errors: { types: [...STANDARD_ERRORS, CategoryConflictError] },
    args: { input: t.arg({ type: UpdateCategoryInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      await lockTree(ctx);
      const current = await ctx.prisma.category.findFirst({ where: { id: input.id.id, ...inOrganization(ctx) }, include: { parent: { select: { active: true } } } });
      if (!current) throw new NotFoundError("Category");
      if (current.version !== input.version) throw new CategoryConflictError(current.id, current.version);
      const data: { name?: string; sortOrder?: number; active?: boolean } = {};
      if (input.name !== undefined && input.name !== null) {
        data.name = requiredText(input.name, "input.name", MAX_NAME);
        await assertNameFree(ctx, current.parentId, data.name, current.id);
      }
      if (input.sortOrder !== undefined && input.sortOrder !== null) data.sortOrder = input.sortOrder;
      if (input.active !== undefined && input.active !== null && input.active !== current.active) {
        if (input.active && current.parent && !current.parent.active) throw new InputError("input.active", "The parent category is inactive; activate it first");
        if (!input.active && (await ctx.prisma.category.count({ where: { parentId: current.id, active: true } })) > 0) {
          throw new InputError("input.active", "Deactivate its active subcategories first");
        }
        data.active = input.active;
      }
      if (Object.keys(data).length === 0) throw new InputError("input", "Nothing to change");
      const updated = await ctx.prisma.category.updateMany({ where: { id: current.id, version: current.version }, data: { ...data, version: { increment: 1 } } });
      if (updated.count === 0) throw new CategoryConflictError(current.id, current.version + 1);
      return ctx.prisma.category.findUniqueOrThrow({ ...nonEmpty(query), where: { id: current.id } });
    },
  }),
);

builder.mutationField("deleteCategory", (t) =>
  t.field({
    type: "ID",
    description: "CLS-4: removes a category nothing refers to; one that complaints, corrective actions, cases or subcategories use is deactivated instead (updateCategory)",
    authScopes: { permission: "categories:manage" },
    errors: { types: [...STANDARD_ERRORS, CategoryConflictError] },
    args: { id: t.arg.globalID({ required: true }), version: t.arg.int({ required: true }) },
    resolve: async (_r, { id, version }, ctx) => {
      await lockTree(ctx);
      const current = await ctx.prisma.category.findFirst({
        where: { id: id.id, ...inOrganization(ctx) },
        select: { id: true, version: true, _count: { select: { children: true, complaints: true, correctiveActions: true, caseLibraryEntries: true } } },
      });
      if (!current) throw new NotFoundError("Category");
      if (current.version !== version) throw new CategoryConflictError(current.id, current.version);
      const uses = Object.entries(current._count).filter(([, n]) => n > 0).map(([what, n]) => `${n} ${what}`);
      if (uses.length) throw new InputError("id", `The category is in use (${uses.join(", ")}): deactivate it instead`);
      await ctx.prisma.category.delete({ where: { id: current.id } });
      return id.id;
    },
  }),
);
