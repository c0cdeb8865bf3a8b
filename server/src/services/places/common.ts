import type { SignedInContext } from "../../access/context.ts";
import { estateFilter, inOrganization } from "../../access/read-scope.ts";
import { MAX_CODE, PLACE_CODE, sortOrderOk } from "../../domain/places/rules.ts";
import { InputCheck, InputError } from "../../errors/typed-errors.ts";
import { adminPlacesMessages } from "../../i18n/catalogue/admin-places.ts";
import { msg, type Bilingual } from "../../i18n/messages.ts";
import { changedFields, recordAdminChange, type AdminEntity } from "../admin/change-log.ts";
import { writeAtVersion } from "../versioned-write.ts";

/**
 * Issue 17: what the places services share — code and order checks, the estates a caller may
 * manage, and one way to write a versioned change with its entry in the administrative change log.
 */

export const noun = {
  estate: adminPlacesMessages.placeNounEstate,
  offices: adminPlacesMessages.placeNounOffices,
  building: adminPlacesMessages.placeNounBuilding,
  buildings: adminPlacesMessages.placeNounBuildings,
  unit: adminPlacesMessages.placeNounUnit,
  units: adminPlacesMessages.placeNounUnits,
  households: adminPlacesMessages.placeNounHouseholds,
} satisfies Record<string, Bilingual>;

/** A permanent code, trimmed and upper-cased; a bad one is noted on `check`. */
export function placeCode(check: InputCheck, value: string, field: string): string {
  const code = check.text(value, field, MAX_CODE).toUpperCase();
  if (code) check.that(PLACE_CODE.test(code), field, msg("placeCodeFormat"));
  return code;
}

/** An optional text: undefined stays undefined (unchanged), empty becomes null (cleared). */
export function optionalText(check: InputCheck, value: string | null | undefined, field: string, max: number): string | null | undefined {
  if (value === undefined) return undefined;
  const v = value?.trim() ?? "";
  if (!v) return null;
  check.that(v.length <= max, field, msg("tooLong", { field, max }));
  return v;
}

export function checkSortOrder(check: InputCheck, value: number | null | undefined, field: string): void {
  if (value != null) check.that(sortOrderOk(value), field, msg("placeSortOrder"));
}

/** The caller's estates as a filter on an estate id column (every estate for company-level accounts). */
export function estateScope(ctx: SignedInContext): { organizationId: string; estateId?: { in: string[] } } {
  const scope = estateFilter(ctx);
  return { ...inOrganization(ctx), ...(scope ? { estateId: scope } : {}) };
}

/** The estate of `id` the caller may manage, or null. */
export function findEstate(ctx: SignedInContext, id: string) {
  const scope = estateFilter(ctx);
  return ctx.prisma.estate.findFirst({ where: { id, ...inOrganization(ctx), ...(scope ? { AND: [{ id: scope }] } : {}) } });
}

/** The fields of a row worth keeping in the change log (no timestamps, no organisation). */
export function loggable(row: Record<string, unknown>): Record<string, unknown> {
  const { organizationId: _o, createdAt: _c, updatedAt: _u, version: _v, ...rest } = row;
  return rest;
}

interface VersionedModel<Data> {
  updateMany(args: { where: { id: string; version: number }; data: Data }): PromiseLike<{ count: number }>;
  findUniqueOrThrow(args: { where: { id: string }; select: { version: true } }): PromiseLike<{ version: number }>;
}

export interface Change<Data extends object> {
  entity: AdminEntity;
  model: VersionedModel<Data>;
  current: { id: string; version: number } & Record<string, unknown>;
  /** The version the caller read. */
  version: number;
  data: Data;
  conflict: (id: string, currentVersion: number) => Error;
  action?: "UPDATE" | "DEACTIVATE" | "REACTIVATE";
}

/**
 * Writes the changed fields of `data` at the version the caller read (a stale one is the
 * record's conflict error) and records who changed what from what (issue 17). Nothing changed is
 * an InputError.
 */
export async function writeChange<Data extends object>(ctx: SignedInContext, c: Change<Data>): Promise<void> {
  const diff = changedFields(c.current, c.data as Record<string, unknown>);
  if (!diff) throw new InputError("input", msg("nothingToChange"));
  await writeAtVersion(c.model, { id: c.current.id, version: c.version }, diff.after as Data, c.conflict);
  await recordAdminChange(ctx, {
    entity: c.entity,
    entityId: c.current.id,
    action: c.action ?? "UPDATE",
    before: diff.before,
    after: diff.after,
  });
}

export interface ActiveChange {
  entity: AdminEntity;
  current: { id: string; version: number; active: boolean };
  version: number;
  active: boolean;
  /** Reactivating: the noun of a deactivated parent (nothing goes under it), else null. */
  inactiveParent: Bilingual | null;
  /** Deactivating: the active children still under it, by noun. */
  activeChildren: readonly { what: Bilingual; count: number }[];
  conflict: (id: string, currentVersion: number) => Error;
}

/**
 * Issue 17: deactivates or reactivates a place. A deactivated place is kept for history and
 * offered for nothing new; it is deactivated after what is under it (bulk through the import)
 * and reactivated before it.
 */
export function checkActiveChange(a: ActiveChange): void {
  if (a.current.version !== a.version) throw a.conflict(a.current.id, a.current.version);
  const check = new InputCheck();
  check.that(a.current.active !== a.active, "input.active", msg(a.active ? "placeAlreadyActive" : "placeAlreadyInactive"));
  if (a.active && a.inactiveParent) check.add("input.active", msg("placeParentInactive", { what: a.inactiveParent }));
  if (!a.active)
    for (const c of a.activeChildren)
      if (c.count > 0) check.add("input.active", msg("placeActiveChildren", { what: c.what, count: c.count }));
  check.done();
}

/** Editing a deactivated place is refused: it is kept for history as it was. */
export function checkEditable(check: InputCheck, active: boolean): void {
  check.that(active, "input.id", msg("placeInactiveNoEdit"));
}
