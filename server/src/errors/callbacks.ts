import { ConflictError } from "./typed-errors.ts";

/**
 * The typed errors of the callbacks area (CB-*), classes only; schema/callbacks registers their
 * GraphQL types. Both carry the record's current version (optimistic concurrency).
 */

/** A callback changed since the caller read it (recordCallback, reviewCallback). */
export class CallbackConflictError extends ConflictError {}

/** A callback issue changed since the caller read it (replyToCallbackIssue, CB-7). */
export class CallbackIssueConflictError extends ConflictError {}
