import type { SignedInContext } from "../../access/context.ts";
import { inOrganization } from "../../access/read-scope.ts";
import { MAX_ADDRESS, MAX_NAME, MAX_PHONE } from "../../domain/places/rules.ts";
import { OfficeConflictError } from "../../errors/places.ts";
import { InputCheck, NotFoundError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { recordAdminChange } from "../admin/change-log.ts";
import {
  checkActiveChange,
  checkEditable,
  estateScope,
  findEstate,
  loggable,
  noun,
  optionalText,
  placeCode,
  writeChange,
} from "./common.ts";

const conflict = (id: string, v: number) => new OfficeConflictError(id, v);

export interface OfficeFields {
  name?: string;
  phone?: string | null;
  address?: string | null;
  /** The office director (a staff member of the organisation); null: none. */
  directorId?: string | null;
  /** SLA-8: on duty around the clock. */
  onDuty24h?: boolean;
}

async function checkFields(ctx: SignedInContext, check: InputCheck, input: OfficeFields, creating: boolean): Promise<OfficeFields> {
  const out: OfficeFields = { onDuty24h: input.onDuty24h ?? undefined, directorId: input.directorId };
  if (creating || input.name !== undefined) out.name = check.text(input.name, "input.name", MAX_NAME);
  out.phone = optionalText(check, input.phone, "input.phone", MAX_PHONE);
  out.address = optionalText(check, input.address, "input.address", MAX_ADDRESS);
  if (input.directorId) {
    const staff = await ctx.prisma.staff.findFirst({ where: { id: input.directorId, ...inOrganization(ctx) }, select: { id: true } });
    check.that(!!staff, "input.directorId", msg("placeNoSuchDirector"));
  }
  return out;
}

/** Issue 17, §2: a new management office of an estate; its code is unique in the organisation and permanent. */
export async function createOffice(ctx: SignedInContext, input: OfficeFields & { estateId: string; code: string }): Promise<string> {
  const estate = await findEstate(ctx, input.estateId);
  if (!estate) throw new NotFoundError("Estate");
  const check = new InputCheck();
  check.that(estate.active, "input.estateId", msg("placeParentInactive", { what: noun.estate }));
  const code = placeCode(check, input.code, "input.code");
  const fields = await checkFields(ctx, check, input, true);
  if (code) {
    const taken = await ctx.prisma.office.findFirst({ where: { ...inOrganization(ctx), code }, select: { id: true } });
    check.that(!taken, "input.code", msg("officeCodeTaken", { code }));
  }
  check.done();
  const created = await ctx.prisma.office.create({
    data: {
      organizationId: ctx.organizationId,
      estateId: estate.id,
      code,
      name: fields.name!,
      phone: fields.phone ?? null,
      address: fields.address ?? null,
      directorId: fields.directorId ?? null,
      onDuty24h: fields.onDuty24h ?? true,
    },
  });
  await recordAdminChange(ctx, { entity: "OFFICE", entityId: created.id, action: "CREATE", after: loggable(created) });
  return created.id;
}

function findOffice(ctx: SignedInContext, id: string) {
  return ctx.prisma.office.findFirst({ where: { id, ...estateScope(ctx) }, include: { estate: { select: { active: true } } } });
}

/** Issue 17: an office's name, phone, address, director or duty hours (the code is permanent). */
export async function updateOffice(ctx: SignedInContext, input: OfficeFields & { id: string; version: number }): Promise<string> {
  const found = await findOffice(ctx, input.id);
  if (!found) throw new NotFoundError("Office");
  const { estate: _e, ...current } = found;
  if (current.version !== input.version) throw conflict(current.id, current.version);
  const check = new InputCheck();
  checkEditable(check, current.active);
  const fields = await checkFields(ctx, check, input, false);
  check.done();
  await writeChange(ctx, { entity: "OFFICE", model: ctx.prisma.office, current, version: input.version, data: fields, conflict });
  return current.id;
}

/** Issue 17: closes an office (kept for history, offered for nothing new: no new visit plans) or reopens it. */
export async function setOfficeActive(ctx: SignedInContext, input: { id: string; version: number; active: boolean }): Promise<string> {
  const found = await findOffice(ctx, input.id);
  if (!found) throw new NotFoundError("Office");
  const { estate, ...current } = found;
  checkActiveChange({
    entity: "OFFICE",
    current,
    version: input.version,
    active: input.active,
    inactiveParent: estate.active ? null : noun.estate,
    activeChildren: [],
    conflict,
  });
  await writeChange(ctx, {
    entity: "OFFICE",
    model: ctx.prisma.office,
    current,
    version: input.version,
    data: { active: input.active },
    conflict,
    action: input.active ? "REACTIVATE" : "DEACTIVATE",
  });
  return current.id;
}
