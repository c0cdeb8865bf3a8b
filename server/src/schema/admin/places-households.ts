import { builder } from "../../builder.ts";
import { HouseholdConflictError } from "../../errors/places.ts";
import { createHousehold, setHouseholdActive, updateHousehold } from "../../services/places/households.ts";
import { HouseholdKindEnum } from "../enums.ts";
import { conflictErrorType, STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { ACTIVE_DESCRIPTION, PLACES_MANAGE } from "./places.ts";

/** Issue 17, §1-§2: administering households one at a time (in bulk: households.csv through the import). */

builder.objectFields(conflictErrorType(HouseholdConflictError, "HouseholdConflictError"), (t) => ({
  current: t.prismaField({
    type: "Household",
    description: "The household as it is now",
    resolve: (query, e, _a, ctx) => ctx.prisma.household.findUniqueOrThrow({ ...query, where: { id: e.recordId } }),
  }),
}));

const FIELD = {
  unitId: "A Unit of the building; null: not in a unit",
  room: "The room number, e.g. 1201 (required)",
  kind: "VIS-1: home, shop or office",
  occupied: "§1 常住户: resident, counted in coverage denominators",
  area: "Square metres; null: unknown",
  moveInDate: "When it moved in (not after today)",
};

const CreateHouseholdInput = builder.inputType("CreateHouseholdInput", {
  description: "Issue 17, §1: a new household",
  fields: (t) => ({
    estateId: t.globalID({ required: true, description: "The Estate (active)" }),
    buildingId: t.globalID({ required: true, description: "A Building of the estate (active)" }),
    unitId: t.globalID({ required: false, description: FIELD.unitId }),
    code: t.string({ required: true, description: "Unique in the organisation and permanent, e.g. LX-3-2-1201 (upper-cased)" }),
    room: t.string({ required: true, description: FIELD.room }),
    kind: t.field({ type: HouseholdKindEnum, required: false, description: `${FIELD.kind}; default RESIDENTIAL` }),
    occupied: t.boolean({ required: false, description: `${FIELD.occupied}; default yes` }),
    area: t.float({ required: false, description: FIELD.area }),
    moveInDate: t.field({ type: "Date", required: false, description: FIELD.moveInDate }),
  }),
});

const UpdateHouseholdInput = builder.inputType("UpdateHouseholdInput", {
  description: "Issue 17: changes to a household; omitted fields stay as they are, null clears an optional one",
  fields: (t) => ({
    id: t.globalID({ required: true, description: "The Household" }),
    version: t.int({ required: true, description: "The version read; a stale one gets a HouseholdConflictError" }),
    buildingId: t.globalID({ required: false, description: "Another Building of its estate (it leaves its unit unless unitId is given)" }),
    unitId: t.globalID({ required: false, description: FIELD.unitId }),
    room: t.string({ required: false, description: FIELD.room }),
    kind: t.field({ type: HouseholdKindEnum, required: false, description: FIELD.kind }),
    occupied: t.boolean({ required: false, description: FIELD.occupied }),
    area: t.float({ required: false, description: FIELD.area }),
    moveInDate: t.field({ type: "Date", required: false, description: FIELD.moveInDate }),
  }),
});

const SetHouseholdActiveInput = builder.inputType("SetHouseholdActiveInput", {
  description: "Issue 17: deactivates (merged or demolished) or reactivates a household",
  fields: (t) => ({
    id: t.globalID({ required: true, description: "The Household" }),
    version: t.int({ required: true, description: "The version read; a stale one gets a HouseholdConflictError" }),
    active: t.boolean({ required: true, description: `${ACTIVE_DESCRIPTION}. A deactivated household is no longer resident` }),
    occupied: t.boolean({ required: false, description: "Reactivating: resident again (default yes)" }),
  }),
});

builder.mutationField("createHousehold", (t) =>
  t.withAuth(PLACES_MANAGE).prismaField({
    type: "Household",
    description: "Issue 17, §1: adds a household to a building (and unit) of an estate; every bad field is named at once",
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: CreateHouseholdInput, required: true, description: "The household" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await createHousehold(ctx, {
        estateId: input.estateId.id,
        buildingId: input.buildingId.id,
        unitId: input.unitId?.id ?? null,
        code: input.code,
        room: input.room,
        kind: input.kind ?? undefined,
        occupied: input.occupied ?? undefined,
        area: input.area,
        moveInDate: input.moveInDate,
      });
      return ctx.prisma.household.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

builder.mutationField("updateHousehold", (t) =>
  t.withAuth(PLACES_MANAGE).prismaField({
    type: "Household",
    description:
      "Issue 17: moves a household within its estate or changes its room, kind, residence, area or move-in date (its code is permanent)",
    errors: { types: [...STANDARD_ERRORS, HouseholdConflictError] },
    args: { input: t.arg({ type: UpdateHouseholdInput, required: true, description: "The changes" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await updateHousehold(ctx, {
        id: input.id.id,
        version: input.version,
        buildingId: input.buildingId?.id ?? undefined,
        unitId: input.unitId === undefined ? undefined : (input.unitId?.id ?? null),
        room: input.room ?? undefined,
        kind: input.kind ?? undefined,
        occupied: input.occupied ?? undefined,
        area: input.area,
        moveInDate: input.moveInDate,
      });
      return ctx.prisma.household.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

builder.mutationField("setHouseholdActive", (t) =>
  t.withAuth(PLACES_MANAGE).prismaField({
    type: "Household",
    description: "Issue 17: deactivates a household (kept for history, offered for nothing new, not resident) or reactivates it",
    errors: { types: [...STANDARD_ERRORS, HouseholdConflictError] },
    args: { input: t.arg({ type: SetHouseholdActiveInput, required: true, description: "The household and its new state" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await setHouseholdActive(ctx, { id: input.id.id, version: input.version, active: input.active, occupied: input.occupied });
      return ctx.prisma.household.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);
