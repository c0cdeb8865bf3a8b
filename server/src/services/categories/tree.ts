import type { Category } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { inOrganization } from "../../access/read-scope.ts";
import { CategoryConflictError } from "../../errors/access.ts";
import { InputCheck, InputError, NotFoundError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { changedFields, recordAdminChange } from "../admin/change-log.ts";
import { writeAtVersion } from "../versioned-write.ts";

/** Codes as the seed writes them: upper-case letters and digits, parts joined by hyphens (ENG, ENG-LEAK). */
const CODE = /^[A-Z0-9]+(-[A-Z0-9]+)*$/;
const MAX_CODE = 32;
const MAX_NAME = 50;

/**
 * Tree edits of one organisation are serialised on its row (as complaint numbering is), so that
 * the sibling-name check below cannot race: the database's unique index does not cover top-level
 * names (parent NULL), and a typed error is owed in any case rather than a database error.
 */
async function lockTree(ctx: SignedInContext): Promise<void> {
  await ctx.prisma.$queryRaw`SELECT id FROM organizations WHERE id = ${ctx.organizationId}::uuid FOR UPDATE`;
}

/** CLS-4: names are unique among siblings (the same name may recur under different parents). */
async function nameFree(ctx: SignedInContext, parentId: string | null, name: string, self?: string): Promise<boolean> {
  const clash = await ctx.prisma.category.findFirst({
    where: { ...inOrganization(ctx), parentId, name, ...(self ? { id: { not: self } } : {}) },
    select: { id: true },
  });
  return !clash;
}

const nameTaken = (parentId: string | null, name: string) => msg(parentId ? "categoryNameTakenSibling" : "categoryNameTakenTop", { name });

export interface CreateCategoryInput {
  parentId: string | null;
  code: string;
  name: string;
  sortOrder: number | null;
}

/** CLS-4: adds a category to the two-level tree. Returns its id. */
export async function createCategory(ctx: SignedInContext, input: CreateCategoryInput): Promise<string> {
  const check = new InputCheck();
  const code = check.text(input.code, "input.code", MAX_CODE).toUpperCase();
  if (code) check.that(CODE.test(code), "input.code", msg("categoryCodeFormat"));
  const name = check.text(input.name, "input.name", MAX_NAME);
  await lockTree(ctx);
  let parent: Category | null = null;
  if (input.parentId) {
    parent = await ctx.prisma.category.findFirst({ where: { id: input.parentId, ...inOrganization(ctx) } });
    if (
      check.that(!!parent, "input.parentId", msg("noSuchCategory")) &&
      check.that(parent!.level === 1, "input.parentId", msg("categoryTwoLevels"))
    ) {
      check.that(parent!.active, "input.parentId", msg("categoryParentInactive"));
    }
  }
  if (code && CODE.test(code)) {
    const taken = await ctx.prisma.category.findFirst({ where: { ...inOrganization(ctx), code }, select: { id: true } });
    check.that(!taken, "input.code", msg("categoryCodeTaken", { code }));
  }
  if (name) check.that(await nameFree(ctx, parent?.id ?? null, name), "input.name", nameTaken(parent?.id ?? null, name));
  check.done();
  const last = await ctx.prisma.category.aggregate({
    where: { ...inOrganization(ctx), parentId: parent?.id ?? null },
    _max: { sortOrder: true },
  });
  const created = await ctx.prisma.category.create({
    data: {
      organizationId: ctx.organizationId,
      parentId: parent?.id ?? null,
      level: parent ? 2 : 1,
      code,
      name,
      sortOrder: input.sortOrder ?? (last._max.sortOrder ?? 0) + 1,
    },
  });
  await recordAdminChange(ctx, {
    entity: "CATEGORY",
    entityId: created.id,
    action: "CREATE",
    after: { parentId: created.parentId, level: created.level, code, name, sortOrder: created.sortOrder, active: created.active },
  });
  return created.id;
}

export interface UpdateCategoryInput {
  id: string;
  version: number;
  name: string | null;
  sortOrder: number | null;
  active: boolean | null;
}

/** CLS-4: renames, reorders, deactivates or reactivates a category (the code is permanent). Returns its id. */
export async function updateCategory(ctx: SignedInContext, input: UpdateCategoryInput): Promise<string> {
  await lockTree(ctx);
  const current = await ctx.prisma.category.findFirst({
    where: { id: input.id, ...inOrganization(ctx) },
    include: { parent: { select: { active: true } } },
  });
  if (!current) throw new NotFoundError("Category");
  if (current.version !== input.version) throw new CategoryConflictError(current.id, current.version);
  const check = new InputCheck();
  const data: { name?: string; sortOrder?: number; active?: boolean } = {};
  if (input.name !== null) {
    data.name = check.text(input.name, "input.name", MAX_NAME);
    if (data.name)
      check.that(await nameFree(ctx, current.parentId, data.name, current.id), "input.name", nameTaken(current.parentId, data.name));
  }
  if (input.sortOrder !== null) data.sortOrder = input.sortOrder;
  if (input.active !== null && input.active !== current.active) {
    if (input.active) check.that(!current.parent || current.parent.active, "input.active", msg("categoryParentInactive"));
    else
      check.that(
        (await ctx.prisma.category.count({ where: { parentId: current.id, active: true } })) === 0,
        "input.active",
        msg("categoryActiveChildren"),
      );
    data.active = input.active;
  }
  check.that(Object.keys(data).length > 0, "input", msg("nothingToChange"));
  check.done();
  await writeAtVersion(ctx.prisma.category, current, data, (id, v) => new CategoryConflictError(id, v));
  const diff = changedFields(current, data);
  const action = data.active === false ? "DEACTIVATE" : data.active === true ? "REACTIVATE" : "UPDATE";
  if (diff) await recordAdminChange(ctx, { entity: "CATEGORY", entityId: current.id, action, ...diff });
  return current.id;
}

/** CLS-4: removes a category nothing refers to; one in use is deactivated instead (updateCategory). */
export async function deleteCategory(ctx: SignedInContext, id: string, version: number): Promise<void> {
  await lockTree(ctx);
  const current = await ctx.prisma.category.findFirst({
    where: { id, ...inOrganization(ctx) },
    select: {
      id: true,
      version: true,
      parentId: true,
      code: true,
      name: true,
      _count: { select: { children: true, complaints: true, correctiveActions: true, caseLibraryEntries: true } },
    },
  });
  if (!current) throw new NotFoundError("Category");
  if (current.version !== version) throw new CategoryConflictError(current.id, current.version);
  const uses = Object.entries(current._count)
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${n} ${what}`);
  if (uses.length) throw new InputError("id", msg("categoryInUse", { uses: uses.join(", ") }));
  await ctx.prisma.category.delete({ where: { id: current.id } });
  await recordAdminChange(ctx, {
    entity: "CATEGORY",
    entityId: current.id,
    action: "DELETE",
    before: { parentId: current.parentId, code: current.code, name: current.name },
  });
}
