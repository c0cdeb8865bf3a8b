import type { EstateKind } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { inOrganization } from "../../access/read-scope.ts";
import { isTimeZone, MAX_ADDRESS, MAX_NAME } from "../../domain/places/rules.ts";
import { EstateConflictError } from "../../errors/places.ts";
import { ForbiddenError, InputCheck, NotFoundError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { recordAdminChange } from "../admin/change-log.ts";
import { checkActiveChange, checkEditable, findEstate, loggable, noun, optionalText, placeCode, writeChange } from "./common.ts";

const conflict = (id: string, v: number) => new EstateConflictError(id, v);

export interface EstateFields {
  name?: string;
  kind?: EstateKind;
  timezone?: string;
  address?: string | null;
  /** The working calendar its SLA clocks run on (§6); null: the organisation's default calendar. */
  calendarId?: string | null;
}

/** Every bad field of an estate's fields at once; returns them trimmed. */
async function checkFields(ctx: SignedInContext, check: InputCheck, input: EstateFields, creating: boolean): Promise<EstateFields> {
  const out: EstateFields = { kind: input.kind, calendarId: input.calendarId };
  if (creating || input.name !== undefined) out.name = check.text(input.name, "input.name", MAX_NAME);
  if (input.timezone !== undefined) {
    out.timezone = check.text(input.timezone, "input.timezone", 64);
    if (out.timezone) check.that(isTimeZone(out.timezone), "input.timezone", msg("placeTimezone"));
  }
  out.address = optionalText(check, input.address, "input.address", MAX_ADDRESS);
  if (input.calendarId) {
    const cal = await ctx.prisma.workingCalendar.findFirst({
      where: { id: input.calendarId, ...inOrganization(ctx) },
      select: { id: true },
    });
    check.that(!!cal, "input.calendarId", msg("placeNoSuchCalendar"));
  }
  return out;
}

/** Issue 17, §2: a new estate; its code is unique in the organisation and permanent. Returns its id. */
export async function createEstate(ctx: SignedInContext, input: EstateFields & { code: string }): Promise<string> {
  // An account confined to some estates cannot widen its own scope by creating one.
  if (ctx.viewer.estates !== "ALL") throw new ForbiddenError(msg("placeEstateNeedsAllEstates"));
  const check = new InputCheck();
  const code = placeCode(check, input.code, "input.code");
  const fields = await checkFields(ctx, check, input, true);
  if (check.ok) {
    const taken = await ctx.prisma.estate.findFirst({ where: { ...inOrganization(ctx), code }, select: { id: true } });
    check.that(!taken, "input.code", msg("estateCodeTaken", { code }));
  }
  check.done();
  const created = await ctx.prisma.estate.create({
    data: {
      organizationId: ctx.organizationId,
      code,
      name: fields.name!,
      kind: fields.kind ?? "RESIDENTIAL",
      timezone: fields.timezone ?? "Asia/Shanghai",
      address: fields.address ?? null,
      calendarId: fields.calendarId ?? null,
    },
  });
  await recordAdminChange(ctx, { entity: "ESTATE", entityId: created.id, action: "CREATE", after: loggable(created) });
  return created.id;
}

/** Issue 17: renames an estate, or changes its kind, timezone, address or calendar (the code is permanent). */
export async function updateEstate(ctx: SignedInContext, input: EstateFields & { id: string; version: number }): Promise<string> {
  const current = await findEstate(ctx, input.id);
  if (!current) throw new NotFoundError("Estate");
  if (current.version !== input.version) throw conflict(current.id, current.version);
  const check = new InputCheck();
  checkEditable(check, current.active);
  const fields = await checkFields(ctx, check, input, false);
  check.done();
  await writeChange(ctx, { entity: "ESTATE", model: ctx.prisma.estate, current, version: input.version, data: fields, conflict });
  return current.id;
}

/** Issue 17: deactivates (kept for history, offered for nothing new) or reactivates an estate. */
export async function setEstateActive(ctx: SignedInContext, input: { id: string; version: number; active: boolean }): Promise<string> {
  const current = await findEstate(ctx, input.id);
  if (!current) throw new NotFoundError("Estate");
  const where = { estateId: current.id, active: true };
  const [offices, buildings] = input.active
    ? [0, 0]
    : await Promise.all([ctx.prisma.office.count({ where }), ctx.prisma.building.count({ where })]);
  checkActiveChange({
    entity: "ESTATE",
    current,
    version: input.version,
    active: input.active,
    inactiveParent: null,
    conflict,
    activeChildren: [
      { what: noun.offices, count: offices },
      { what: noun.buildings, count: buildings },
    ],
  });
  await writeChange(ctx, {
    entity: "ESTATE",
    model: ctx.prisma.estate,
    current,
    version: input.version,
    data: { active: input.active },
    conflict,
    action: input.active ? "REACTIVATE" : "DEACTIVATE",
  });
  return current.id;
}
