import type { SignedInContext } from "../../access/context.ts";
import { inOrganization } from "../../access/read-scope.ts";
import { UnitConflictError } from "../../errors/places.ts";
import { InputCheck, NotFoundError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { recordAdminChange } from "../admin/change-log.ts";
import { checkActiveChange, checkEditable, checkSortOrder, estateScope, loggable, noun, writeChange } from "./common.ts";

const conflict = (id: string, v: number) => new UnitConflictError(id, v);
const MAX_UNIT_NAME = 50;

/** §2: a unit's name is unique in its building (e.g. 2单元). */
async function nameFree(ctx: SignedInContext, buildingId: string, name: string, self?: string): Promise<boolean> {
  const clash = await ctx.prisma.unit.findFirst({
    where: { ...inOrganization(ctx), buildingId, name, ...(self ? { id: { not: self } } : {}) },
    select: { id: true },
  });
  return !clash;
}

/** A building the caller may manage (its estate in scope), with whether it and its estate are active. */
export function findBuildingInScope(ctx: SignedInContext, id: string) {
  return ctx.prisma.building.findFirst({ where: { id, ...estateScope(ctx) }, select: { id: true, estateId: true, active: true } });
}

/** Issue 17, §2: a new unit of a building; default order: after the others. Returns its id. */
export async function createUnit(
  ctx: SignedInContext,
  input: { buildingId: string; name: string; sortOrder?: number | null },
): Promise<string> {
  const building = await findBuildingInScope(ctx, input.buildingId);
  if (!building) throw new NotFoundError("Building");
  const check = new InputCheck();
  check.that(building.active, "input.buildingId", msg("placeParentInactive", { what: noun.building }));
  const name = check.text(input.name, "input.name", MAX_UNIT_NAME);
  checkSortOrder(check, input.sortOrder, "input.sortOrder");
  if (name) check.that(await nameFree(ctx, building.id, name), "input.name", msg("unitNameTaken", { name }));
  check.done();
  const last = await ctx.prisma.unit.aggregate({ where: { ...inOrganization(ctx), buildingId: building.id }, _max: { sortOrder: true } });
  const created = await ctx.prisma.unit.create({
    data: {
      organizationId: ctx.organizationId,
      buildingId: building.id,
      name,
      sortOrder: input.sortOrder ?? (last._max.sortOrder ?? 0) + 1,
    },
  });
  await recordAdminChange(ctx, { entity: "UNIT", entityId: created.id, action: "CREATE", after: loggable(created) });
  return created.id;
}

function findUnit(ctx: SignedInContext, id: string) {
  return ctx.prisma.unit.findFirst({
    where: { id, ...inOrganization(ctx), building: estateScope(ctx) },
    include: { building: { select: { active: true } } },
  });
}

/** Issue 17: renames or reorders a unit. */
export async function updateUnit(
  ctx: SignedInContext,
  input: { id: string; version: number; name?: string; sortOrder?: number | null },
): Promise<string> {
  const found = await findUnit(ctx, input.id);
  if (!found) throw new NotFoundError("Unit");
  const { building: _b, ...current } = found;
  if (current.version !== input.version) throw conflict(current.id, current.version);
  const check = new InputCheck();
  checkEditable(check, current.active);
  const name = input.name === undefined ? undefined : check.text(input.name, "input.name", MAX_UNIT_NAME);
  checkSortOrder(check, input.sortOrder, "input.sortOrder");
  if (name) check.that(await nameFree(ctx, current.buildingId, name, current.id), "input.name", msg("unitNameTaken", { name }));
  check.done();
  await writeChange(ctx, {
    entity: "UNIT",
    model: ctx.prisma.unit,
    current,
    version: input.version,
    data: { name, sortOrder: input.sortOrder ?? undefined },
    conflict,
  });
  return current.id;
}

/** Issue 17: deactivates a unit (after its households) or reactivates it (its building active). */
export async function setUnitActive(ctx: SignedInContext, input: { id: string; version: number; active: boolean }): Promise<string> {
  const found = await findUnit(ctx, input.id);
  if (!found) throw new NotFoundError("Unit");
  const { building, ...current } = found;
  const households = input.active ? 0 : await ctx.prisma.household.count({ where: { unitId: current.id, active: true } });
  checkActiveChange({
    entity: "UNIT",
    current,
    version: input.version,
    active: input.active,
    inactiveParent: building.active ? null : noun.building,
    conflict,
    activeChildren: [{ what: noun.households, count: households }],
  });
  await writeChange(ctx, {
    entity: "UNIT",
    model: ctx.prisma.unit,
    current,
    version: input.version,
    data: { active: input.active },
    conflict,
    action: input.active ? "REACTIVATE" : "DEACTIVATE",
  });
  return current.id;
}
