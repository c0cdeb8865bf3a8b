import { ConflictError } from "./typed-errors.ts";

/**
 * Typed errors of account administration (issue 17); schema/admin/ registers their GraphQL types.
 * A stale edit of a staff account or a department is its record type's conflict, carrying the
 * version now stored: concurrent edits never silently overwrite each other.
 */

/** Issue 17: a staff account changed since it was read. */
export class StaffConflictError extends ConflictError {}

/** Issue 17: a department changed since it was read. */
export class DepartmentConflictError extends ConflictError {}
