import { builder } from "../../builder.ts";
import { EstateConflictError, OfficeConflictError } from "../../errors/places.ts";
import { createEstate, setEstateActive, updateEstate } from "../../services/places/estates.ts";
import { createOffice, setOfficeActive, updateOffice } from "../../services/places/offices.ts";
import { EstateKindEnum } from "../enums.ts";
import { conflictErrorType, STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";

/**
 * Issue 17: administering the places of the organisation — estates and their offices here,
 * buildings, units and households in places-buildings.ts. Writes need `places:manage` (the
 * administrator and the executive); each change is kept in the administrative change log with
 * who, when, before and after. Bulk changes go through the import (estates.csv, households.csv).
 * Codes are permanent (imports, reports and household codes key on them).
 */

export const PLACES_MANAGE = { permission: "places:manage" } as const;
export const ACTIVE_DESCRIPTION =
  "false: deactivate (kept for history, offered for nothing new; what is under it first); true: reactivate (what it is under first)";

builder.objectFields(conflictErrorType(EstateConflictError, "EstateConflictError"), (t) => ({
  current: t.prismaField({
    type: "Estate",
    description: "The estate as it is now",
    resolve: (query, e, _a, ctx) => ctx.prisma.estate.findUniqueOrThrow({ ...query, where: { id: e.recordId } }),
  }),
}));

builder.objectFields(conflictErrorType(OfficeConflictError, "OfficeConflictError"), (t) => ({
  current: t.prismaField({
    type: "Office",
    description: "The office as it is now",
    resolve: (query, e, _a, ctx) => ctx.prisma.office.findUniqueOrThrow({ ...query, where: { id: e.recordId } }),
  }),
}));

const CreateEstateInput = builder.inputType("CreateEstateInput", {
  description: "Issue 17, §2: a new estate",
  fields: (t) => ({
    code: t.string({ required: true, description: "Unique in the organisation and permanent, e.g. LX (upper-cased)" }),
    name: t.string({ required: true, description: "The estate's name" }),
    kind: t.field({ type: EstateKindEnum, required: false, description: "Default RESIDENTIAL" }),
    timezone: t.string({ required: false, description: "IANA timezone of its deadlines and reports; default Asia/Shanghai" }),
    address: t.string({ required: false, description: "Its public address" }),
    calendarId: t.globalID({ required: false, description: "§6: its WorkingCalendar; default the organisation's" }),
  }),
});

const UpdateEstateInput = builder.inputType("UpdateEstateInput", {
  description: "Issue 17: changes to an estate; omitted fields stay as they are, null clears an optional one",
  fields: (t) => ({
    id: t.globalID({ required: true, description: "The Estate" }),
    version: t.int({ required: true, description: "The version read; a stale one gets an EstateConflictError" }),
    name: t.string({ required: false, description: "A new name" }),
    kind: t.field({ type: EstateKindEnum, required: false, description: "A new kind" }),
    timezone: t.string({ required: false, description: "A new IANA timezone" }),
    address: t.string({ required: false, description: "A new address; null clears it" }),
    calendarId: t.globalID({
      required: false,
      description: "§6: the WorkingCalendar its deadlines run on from now; null: the organisation's default",
    }),
  }),
});

/** The active flag of one place, at the version read. */
export function setActiveInput(name: string, type: string, conflict: string) {
  return builder.inputType(name, {
    description: `Issue 17: deactivates or reactivates a ${type.toLowerCase()}`,
    fields: (t) => ({
      id: t.globalID({ required: true, description: `The ${type}` }),
      version: t.int({ required: true, description: `The version read; a stale one gets a ${conflict}` }),
      active: t.boolean({ required: true, description: ACTIVE_DESCRIPTION }),
    }),
  });
}

builder.mutationField("createEstate", (t) =>
  t.withAuth(PLACES_MANAGE).prismaField({
    type: "Estate",
    description: "Issue 17, §2: adds an estate (accounts over every estate only)",
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: CreateEstateInput, required: true, description: "The estate" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await createEstate(ctx, {
        code: input.code,
        name: input.name,
        kind: input.kind ?? undefined,
        timezone: input.timezone ?? undefined,
        address: input.address,
        calendarId: input.calendarId?.id ?? null,
      });
      return ctx.prisma.estate.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

builder.mutationField("updateEstate", (t) =>
  t.withAuth(PLACES_MANAGE).prismaField({
    type: "Estate",
    description: "Issue 17: renames an estate or changes its kind, timezone, address or working calendar (its code is permanent)",
    errors: { types: [...STANDARD_ERRORS, EstateConflictError] },
    args: { input: t.arg({ type: UpdateEstateInput, required: true, description: "The changes" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await updateEstate(ctx, {
        id: input.id.id,
        version: input.version,
        name: input.name ?? undefined,
        kind: input.kind ?? undefined,
        timezone: input.timezone ?? undefined,
        address: input.address,
        calendarId: input.calendarId === undefined ? undefined : (input.calendarId?.id ?? null),
      });
      return ctx.prisma.estate.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

builder.mutationField("setEstateActive", (t) =>
  t.withAuth(PLACES_MANAGE).prismaField({
    type: "Estate",
    description: "Issue 17: deactivates an estate (after its offices and buildings) or reactivates it",
    errors: { types: [...STANDARD_ERRORS, EstateConflictError] },
    args: {
      input: t.arg({
        type: setActiveInput("SetEstateActiveInput", "Estate", "EstateConflictError"),
        required: true,
        description: "The estate and its new state",
      }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await setEstateActive(ctx, { id: input.id.id, version: input.version, active: input.active });
      return ctx.prisma.estate.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

const OfficeFields = {
  phone: "The public duty phone; null clears it",
  address: "The office's address; null clears it",
  directorId: "The office director (Staff); null: none",
  onDuty24h: "SLA-8: on duty around the clock (default yes)",
};

const CreateOfficeInput = builder.inputType("CreateOfficeInput", {
  description: "Issue 17, §2: a new management office of an estate",
  fields: (t) => ({
    estateId: t.globalID({ required: true, description: "The Estate (active)" }),
    code: t.string({ required: true, description: "Unique in the organisation and permanent, e.g. LX-OFFICE (upper-cased)" }),
    name: t.string({ required: true, description: "The office's name" }),
    phone: t.string({ required: false, description: OfficeFields.phone }),
    address: t.string({ required: false, description: OfficeFields.address }),
    directorId: t.globalID({ required: false, description: OfficeFields.directorId }),
    onDuty24h: t.boolean({ required: false, description: OfficeFields.onDuty24h }),
  }),
});

const UpdateOfficeInput = builder.inputType("UpdateOfficeInput", {
  description: "Issue 17: changes to an office; omitted fields stay as they are",
  fields: (t) => ({
    id: t.globalID({ required: true, description: "The Office" }),
    version: t.int({ required: true, description: "The version read; a stale one gets an OfficeConflictError" }),
    name: t.string({ required: false, description: "A new name" }),
    phone: t.string({ required: false, description: OfficeFields.phone }),
    address: t.string({ required: false, description: OfficeFields.address }),
    directorId: t.globalID({ required: false, description: OfficeFields.directorId }),
    onDuty24h: t.boolean({ required: false, description: OfficeFields.onDuty24h }),
  }),
});

builder.mutationField("createOffice", (t) =>
  t.withAuth(PLACES_MANAGE).prismaField({
    type: "Office",
    description: "Issue 17, §2: adds a management office to an estate",
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: CreateOfficeInput, required: true, description: "The office" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await createOffice(ctx, {
        estateId: input.estateId.id,
        code: input.code,
        name: input.name,
        phone: input.phone,
        address: input.address,
        directorId: input.directorId?.id ?? null,
        onDuty24h: input.onDuty24h ?? undefined,
      });
      return ctx.prisma.office.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

builder.mutationField("updateOffice", (t) =>
  t.withAuth(PLACES_MANAGE).prismaField({
    type: "Office",
    description: "Issue 17: changes an office's name, phone, address, director or duty hours (its code is permanent)",
    errors: { types: [...STANDARD_ERRORS, OfficeConflictError] },
    args: { input: t.arg({ type: UpdateOfficeInput, required: true, description: "The changes" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await updateOffice(ctx, {
        id: input.id.id,
        version: input.version,
        name: input.name ?? undefined,
        phone: input.phone,
        address: input.address,
        directorId: input.directorId === undefined ? undefined : (input.directorId?.id ?? null),
        onDuty24h: input.onDuty24h ?? undefined,
      });
      return ctx.prisma.office.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

builder.mutationField("setOfficeActive", (t) =>
  t.withAuth(PLACES_MANAGE).prismaField({
    type: "Office",
    description: "Issue 17: closes an office (no new visit plans; kept for history) or reopens it",
    errors: { types: [...STANDARD_ERRORS, OfficeConflictError] },
    args: {
      input: t.arg({
        type: setActiveInput("SetOfficeActiveInput", "Office", "OfficeConflictError"),
        required: true,
        description: "The office and its new state",
      }),
    },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await setOfficeActive(ctx, { id: input.id.id, version: input.version, active: input.active });
      return ctx.prisma.office.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);
