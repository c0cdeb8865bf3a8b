import { ConflictError } from "./typed-errors.ts";

/**
 * Typed errors of places administration (issue 17; classes only, schema/admin/places*.ts
 * registers their GraphQL types). Each is its record type's stale-version error: concurrent edits
 * never silently overwrite each other.
 */

/** An estate changed since it was read. */
export class EstateConflictError extends ConflictError {}

/** An office changed since it was read. */
export class OfficeConflictError extends ConflictError {}

/** A building changed since it was read. */
export class BuildingConflictError extends ConflictError {}

/** A unit changed since it was read. */
export class UnitConflictError extends ConflictError {}

/** A household changed since it was read. */
export class HouseholdConflictError extends ConflictError {}
