import type { HouseholdKind } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { inOrganization } from "../../access/read-scope.ts";
import { areaOk, deactivatedHousehold, MAX_ROOM } from "../../domain/places/rules.ts";
import { HouseholdConflictError } from "../../errors/places.ts";
import { InputCheck, NotFoundError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { recordAdminChange } from "../admin/change-log.ts";
import { checkActiveChange, checkEditable, estateScope, findEstate, loggable, noun, placeCode, writeChange } from "./common.ts";

const conflict = (id: string, v: number) => new HouseholdConflictError(id, v);

export interface HouseholdFields {
  buildingId?: string;
  /** Null: not in a unit (villas, shops). */
  unitId?: string | null;
  room?: string;
  kind?: HouseholdKind;
  /** §1 常住户: counts in coverage denominators. */
  occupied?: boolean;
  /** Square metres; null: unknown. */
  area?: number | null;
  moveInDate?: Date | null;
}

/** The building (of the estate, active) and unit (of the building, active) a household is placed in. */
async function checkPlace(
  ctx: SignedInContext,
  check: InputCheck,
  estateId: string,
  buildingId: string,
  unitId: string | null,
): Promise<void> {
  const building = await ctx.prisma.building.findFirst({
    where: { id: buildingId, ...inOrganization(ctx), estateId },
    select: { active: true },
  });
  if (!check.that(!!building, "input.buildingId", msg("placeNoSuchBuilding"))) {
    if (unitId) check.add("input.unitId", msg("placeNoSuchUnit"));
    return;
  }
  check.that(building!.active, "input.buildingId", msg("placeParentInactive", { what: noun.building }));
  if (!unitId) return;
  const unit = await ctx.prisma.unit.findFirst({ where: { id: unitId, ...inOrganization(ctx), buildingId }, select: { active: true } });
  if (check.that(!!unit, "input.unitId", msg("placeNoSuchUnit")))
    check.that(unit!.active, "input.unitId", msg("placeParentInactive", { what: noun.unit }));
}

/** Every bad field other than the place; returns the room trimmed. */
function checkFields(ctx: SignedInContext, check: InputCheck, input: HouseholdFields, creating: boolean): string | undefined {
  const room = creating || input.room !== undefined ? check.text(input.room, "input.room", MAX_ROOM) : undefined;
  if (input.area != null) check.that(areaOk(input.area), "input.area", msg("placeArea"));
  if (input.moveInDate) check.that(input.moveInDate.getTime() <= ctx.now.getTime(), "input.moveInDate", msg("placeMoveInFuture"));
  return room;
}

/**
 * Issue 17, §1-§2: a new household of an estate, in one of its buildings (and a unit of that
 * building); its code is unique in the organisation and permanent, its room required. Every bad
 * field is named at once. Returns its id.
 */
export async function createHousehold(
  ctx: SignedInContext,
  input: HouseholdFields & { estateId: string; buildingId: string; code: string },
): Promise<string> {
  const estate = await findEstate(ctx, input.estateId);
  if (!estate) throw new NotFoundError("Estate");
  const check = new InputCheck();
  check.that(estate.active, "input.estateId", msg("placeParentInactive", { what: noun.estate }));
  const code = placeCode(check, input.code, "input.code");
  const room = checkFields(ctx, check, input, true)!;
  await checkPlace(ctx, check, estate.id, input.buildingId, input.unitId ?? null);
  if (code) {
    const taken = await ctx.prisma.household.findFirst({ where: { ...inOrganization(ctx), code }, select: { id: true } });
    check.that(!taken, "input.code", msg("householdCodeTaken", { code }));
  }
  check.done();
  const created = await ctx.prisma.household.create({
    data: {
      organizationId: ctx.organizationId,
      estateId: estate.id,
      buildingId: input.buildingId,
      unitId: input.unitId ?? null,
      code,
      room,
      kind: input.kind ?? "RESIDENTIAL",
      occupied: input.occupied ?? true,
      area: input.area ?? null,
      moveInDate: input.moveInDate ?? null,
    },
  });
  await recordAdminChange(ctx, { entity: "HOUSEHOLD", entityId: created.id, action: "CREATE", after: plain(loggable(created)) });
  return created.id;
}

/** A household row as compared and logged: its area a number, not a Decimal. */
function plain<T extends { area?: unknown }>(row: T): T {
  return { ...row, area: row.area == null ? null : Number(row.area) };
}

function findHousehold(ctx: SignedInContext, id: string) {
  return ctx.prisma.household.findFirst({
    where: { id, ...estateScope(ctx) },
    include: { building: { select: { active: true } }, unit: { select: { active: true } } },
  });
}

/** Issue 17: moves a household to another building or unit of its estate, or changes its room, kind, residence, area or move-in date. */
export async function updateHousehold(ctx: SignedInContext, input: HouseholdFields & { id: string; version: number }): Promise<string> {
  const found = await findHousehold(ctx, input.id);
  if (!found) throw new NotFoundError("Household");
  const { building: _b, unit: _u, ...row } = found;
  const current = plain(row);
  if (current.version !== input.version) throw conflict(current.id, current.version);
  const check = new InputCheck();
  checkEditable(check, current.active);
  const room = checkFields(ctx, check, input, false);
  const buildingId = input.buildingId ?? current.buildingId;
  // A household moved to another building leaves its unit unless a unit of the new building is given.
  const unitId = input.unitId !== undefined ? input.unitId : buildingId === current.buildingId ? current.unitId : null;
  if (buildingId !== current.buildingId || unitId !== current.unitId) await checkPlace(ctx, check, current.estateId, buildingId, unitId);
  check.done();
  const data = { buildingId, unitId, room, kind: input.kind, occupied: input.occupied, area: input.area, moveInDate: input.moveInDate };
  await writeChange(ctx, { entity: "HOUSEHOLD", model: ctx.prisma.household, current, version: input.version, data, conflict });
  return current.id;
}

/**
 * Issue 17: deactivates a household (merged or demolished: kept for history, offered for nothing
 * new, no longer resident so counted in no denominator) or reactivates it (its building and unit
 * active), resident again unless `occupied` says otherwise.
 */
export async function setHouseholdActive(
  ctx: SignedInContext,
  input: { id: string; version: number; active: boolean; occupied?: boolean | null },
): Promise<string> {
  const found = await findHousehold(ctx, input.id);
  if (!found) throw new NotFoundError("Household");
  const { building, unit, ...current } = found;
  const inactiveParent = !building.active ? noun.building : unit && !unit.active ? noun.unit : null;
  checkActiveChange({
    entity: "HOUSEHOLD",
    current,
    version: input.version,
    active: input.active,
    inactiveParent,
    activeChildren: [],
    conflict,
  });
  const data = input.active ? { active: true, occupied: input.occupied ?? true } : deactivatedHousehold();
  await writeChange(ctx, {
    entity: "HOUSEHOLD",
    model: ctx.prisma.household,
    current: plain(current),
    version: input.version,
    data,
    conflict,
    action: input.active ? "REACTIVATE" : "DEACTIVATE",
  });
  return current.id;
}
