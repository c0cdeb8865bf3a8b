import type { SignedInContext } from "../../access/context.ts";
import { inOrganization } from "../../access/read-scope.ts";
import { MAX_NAME } from "../../domain/places/rules.ts";
import { BuildingConflictError } from "../../errors/places.ts";
import { InputCheck, NotFoundError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { recordAdminChange } from "../admin/change-log.ts";
import { checkActiveChange, checkEditable, checkSortOrder, estateScope, findEstate, loggable, noun, writeChange } from "./common.ts";

const conflict = (id: string, v: number) => new BuildingConflictError(id, v);
const MAX_BUILDING_NAME = Math.min(MAX_NAME, 50);

/** §2: a building's name is unique in its estate (e.g. 3栋). */
async function nameFree(ctx: SignedInContext, estateId: string, name: string, self?: string): Promise<boolean> {
  const clash = await ctx.prisma.building.findFirst({
    where: { ...inOrganization(ctx), estateId, name, ...(self ? { id: { not: self } } : {}) },
    select: { id: true },
  });
  return !clash;
}

/** Issue 17, §2: a new building of an estate; default order: after the others. Returns its id. */
export async function createBuilding(
  ctx: SignedInContext,
  input: { estateId: string; name: string; sortOrder?: number | null },
): Promise<string> {
  const estate = await findEstate(ctx, input.estateId);
  if (!estate) throw new NotFoundError("Estate");
  const check = new InputCheck();
  check.that(estate.active, "input.estateId", msg("placeParentInactive", { what: noun.estate }));
  const name = check.text(input.name, "input.name", MAX_BUILDING_NAME);
  checkSortOrder(check, input.sortOrder, "input.sortOrder");
  if (name) check.that(await nameFree(ctx, estate.id, name), "input.name", msg("buildingNameTaken", { name }));
  check.done();
  const last = await ctx.prisma.building.aggregate({ where: { ...inOrganization(ctx), estateId: estate.id }, _max: { sortOrder: true } });
  const created = await ctx.prisma.building.create({
    data: { organizationId: ctx.organizationId, estateId: estate.id, name, sortOrder: input.sortOrder ?? (last._max.sortOrder ?? 0) + 1 },
  });
  await recordAdminChange(ctx, { entity: "BUILDING", entityId: created.id, action: "CREATE", after: loggable(created) });
  return created.id;
}

function findBuilding(ctx: SignedInContext, id: string) {
  return ctx.prisma.building.findFirst({ where: { id, ...estateScope(ctx) }, include: { estate: { select: { active: true } } } });
}

/** Issue 17: renames or reorders a building. */
export async function updateBuilding(
  ctx: SignedInContext,
  input: { id: string; version: number; name?: string; sortOrder?: number | null },
): Promise<string> {
  const found = await findBuilding(ctx, input.id);
  if (!found) throw new NotFoundError("Building");
  const { estate: _e, ...current } = found;
  if (current.version !== input.version) throw conflict(current.id, current.version);
  const check = new InputCheck();
  checkEditable(check, current.active);
  const name = input.name === undefined ? undefined : check.text(input.name, "input.name", MAX_BUILDING_NAME);
  checkSortOrder(check, input.sortOrder, "input.sortOrder");
  if (name) check.that(await nameFree(ctx, current.estateId, name, current.id), "input.name", msg("buildingNameTaken", { name }));
  check.done();
  await writeChange(ctx, {
    entity: "BUILDING",
    model: ctx.prisma.building,
    current,
    version: input.version,
    data: { name, sortOrder: input.sortOrder ?? undefined },
    conflict,
  });
  return current.id;
}

/** Issue 17: deactivates a building (after its units and households) or reactivates it (its estate active). */
export async function setBuildingActive(ctx: SignedInContext, input: { id: string; version: number; active: boolean }): Promise<string> {
  const found = await findBuilding(ctx, input.id);
  if (!found) throw new NotFoundError("Building");
  const { estate, ...current } = found;
  const where = { buildingId: current.id, active: true };
  const [units, households] = input.active
    ? [0, 0]
    : await Promise.all([ctx.prisma.unit.count({ where }), ctx.prisma.household.count({ where })]);
  checkActiveChange({
    entity: "BUILDING",
    current,
    version: input.version,
    active: input.active,
    inactiveParent: estate.active ? null : noun.estate,
    conflict,
    activeChildren: [
      { what: noun.units, count: units },
      { what: noun.households, count: households },
    ],
  });
  await writeChange(ctx, {
    entity: "BUILDING",
    model: ctx.prisma.building,
    current,
    version: input.version,
    data: { active: input.active },
    conflict,
    action: input.active ? "REACTIVATE" : "DEACTIVATE",
  });
  return current.id;
}
