import { msg, render, type Msg } from "../i18n/messages.ts";
import { ConflictError } from "./typed-errors.ts";

/**
 * Typed errors of the access area (classes only; schema/ registers their GraphQL types). Each
 * stale-version error is its record type's ConflictError ("Concurrent edits never silently
 * overwrite each other", issue 15 item 17).
 */

/** SEC-3: an approval request or grant changed since it was read. */
export class ApprovalConflictError extends ConflictError {}

/** SEC-1, SEC-5: two classifiers never silently undo each other. */
export class ClassificationConflictError extends ConflictError {}

/** SPEC §6: a working calendar changed since it was read. */
export class CalendarConflictError extends ConflictError {}

/** CLS-4: a category changed since it was read. */
export class CategoryConflictError extends ConflictError {}

/** SEC-6: an owner archive changed since it was read. */
export class CustomerConflictError extends ConflictError {}

/**
 * Issue 15 items 5, 6: a refusal because the caller must wait; nothing was done or checked. It
 * says how long, in whole seconds rounded up (an answer of 0 would invite an immediate retry).
 */
export class RateLimitedError extends Error {
  readonly localized: Msg;
  readonly retryAfterSeconds: number;
  constructor(retryAfterMs: number) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    const localized = msg("tooManyAttempts", { seconds });
    super(render(localized, "en"));
    this.name = "RateLimitedError";
    this.localized = localized;
    this.retryAfterSeconds = seconds;
  }
}
