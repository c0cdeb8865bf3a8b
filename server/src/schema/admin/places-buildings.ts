import { builder } from "../../builder.ts";
import { BuildingConflictError, UnitConflictError } from "../../errors/places.ts";
import { createBuilding, setBuildingActive, updateBuilding } from "../../services/places/buildings.ts";
import { createUnit, setUnitActive, updateUnit } from "../../services/places/units.ts";
import { conflictErrorType, STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { PLACES_MANAGE, setActiveInput } from "./places.ts";

/** Issue 17: administering buildings and units (households: places-households.ts). */

builder.objectFields(conflictErrorType(BuildingConflictError, "BuildingConflictError"), (t) => ({
  current: t.prismaField({
    type: "Building",
    description: "The building as it is now",
    resolve: (query, e, _a, ctx) => ctx.prisma.building.findUniqueOrThrow({ ...query, where: { id: e.recordId } }),
  }),
}));

builder.objectFields(conflictErrorType(UnitConflictError, "UnitConflictError"), (t) => ({
  current: t.prismaField({
    type: "Unit",
    description: "The unit as it is now",
    resolve: (query, e, _a, ctx) => ctx.prisma.unit.findUniqueOrThrow({ ...query, where: { id: e.recordId } }),
  }),
}));

const CreateBuildingInput = builder.inputType("CreateBuildingInput", {
  description: "Issue 17, §2: a new building of an estate",
  fields: (t) => ({
    estateId: t.globalID({ required: true, description: "The Estate (active)" }),
    name: t.string({ required: true, description: "Unique in the estate, e.g. 3栋" }),
    sortOrder: t.int({ required: false, description: "Its position among the estate's buildings; default after them" }),
  }),
});

const CreateUnitInput = builder.inputType("CreateUnitInput", {
  description: "Issue 17, §2: a new unit of a building",
  fields: (t) => ({
    buildingId: t.globalID({ required: true, description: "The Building (active)" }),
    name: t.string({ required: true, description: "Unique in the building, e.g. 2单元" }),
    sortOrder: t.int({ required: false, description: "Its position among the building's units; default after them" }),
  }),
});

/** Renaming or reordering a building or a unit. */
function renameInput(name: string, type: string, conflict: string) {
  return builder.inputType(name, {
    description: `Issue 17: renames or reorders a ${type.toLowerCase()}; omitted fields stay as they are`,
    fields: (t) => ({
      id: t.globalID({ required: true, description: `The ${type}` }),
      version: t.int({ required: true, description: `The version read; a stale one gets a ${conflict}` }),
      name: t.string({ required: false, description: "A new name, unique beside its siblings" }),
      sortOrder: t.int({ required: false, description: "A new position among its siblings" }),
    }),
  });
}

builder.mutationField("createBuilding", (t) =>
  t.withAuth(PLACES_MANAGE).prismaField({
    type: "Building",
    description: "Issue 17, §2: adds a building to an estate",
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: CreateBuildingInput, required: true, description: "The building" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await createBuilding(ctx, { estateId: input.estateId.id, name: input.name, sortOrder: input.sortOrder });
      return ctx.prisma.building.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

builder.mutationField("updateBuilding", (t) =>
  t.withAuth(PLACES_MANAGE).prismaField({
    type: "Building",
    description: "Issue 17: renames or reorders a building",
    errors: { types: [...STANDARD_ERRORS, BuildingConflictError] },
    args: {
      input: t.arg({
        type: renameInput("UpdateBuildingInput", "Building", "BuildingConflictError"),
        required: true,
        description: "The changes",
      }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await updateBuilding(ctx, {
        id: input.id.id,
        version: input.version,
        name: input.name ?? undefined,
        sortOrder: input.sortOrder,
      });
      return ctx.prisma.building.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

builder.mutationField("setBuildingActive", (t) =>
  t.withAuth(PLACES_MANAGE).prismaField({
    type: "Building",
    description: "Issue 17: deactivates a building (after its units and households) or reactivates it",
    errors: { types: [...STANDARD_ERRORS, BuildingConflictError] },
    args: {
      input: t.arg({
        type: setActiveInput("SetBuildingActiveInput", "Building", "BuildingConflictError"),
        required: true,
        description: "The building and its new state",
      }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await setBuildingActive(ctx, { id: input.id.id, version: input.version, active: input.active });
      return ctx.prisma.building.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

builder.mutationField("createUnit", (t) =>
  t.withAuth(PLACES_MANAGE).prismaField({
    type: "Unit",
    description: "Issue 17, §2: adds a unit to a building",
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: CreateUnitInput, required: true, description: "The unit" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await createUnit(ctx, { buildingId: input.buildingId.id, name: input.name, sortOrder: input.sortOrder });
      return ctx.prisma.unit.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

builder.mutationField("updateUnit", (t) =>
  t.withAuth(PLACES_MANAGE).prismaField({
    type: "Unit",
    description: "Issue 17: renames or reorders a unit",
    errors: { types: [...STANDARD_ERRORS, UnitConflictError] },
    args: {
      input: t.arg({ type: renameInput("UpdateUnitInput", "Unit", "UnitConflictError"), required: true, description: "The changes" }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await updateUnit(ctx, {
        id: input.id.id,
        version: input.version,
        name: input.name ?? undefined,
        sortOrder: input.sortOrder,
      });
      return ctx.prisma.unit.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

builder.mutationField("setUnitActive", (t) =>
  t.withAuth(PLACES_MANAGE).prismaField({
    type: "Unit",
    description: "Issue 17: deactivates a unit (after its households) or reactivates it",
    errors: { types: [...STANDARD_ERRORS, UnitConflictError] },
    args: {
      input: t.arg({
        type: setActiveInput("SetUnitActiveInput", "Unit", "UnitConflictError"),
        required: true,
        description: "The unit and its new state",
      }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await setUnitActive(ctx, { id: input.id.id, version: input.version, active: input.active });
      return ctx.prisma.unit.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);
