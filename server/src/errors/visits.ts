import { msg, render, type Msg } from "../i18n/messages.ts";
import { ConflictError } from "./typed-errors.ts";

/**
 * The visits area's typed errors (VIS-1, VIS-2, SEC-6). Classes only: services throw them, the
 * schema registers their GraphQL types (schema/visits/).
 */

/** SEC-6: a stale amendment of a visit record; nothing was written. */
export class VisitRecordConflictError extends ConflictError {}

/** VIS-2: a stale review of a month's plan; nothing was written. */
export class VisitPlanConflictError extends ConflictError {}

/** VIS-2: a stale close of a nonconformity report; nothing was written. */
export class NonconformityConflictError extends ConflictError {}

/** VIS-2: the month is reviewed once it is over. */
export class VisitReviewNotDueError extends Error {
  readonly field = "input.id";
  readonly localized: Msg;
  constructor(readonly reviewableFrom: Date) {
    const localized = msg("visitReviewNotDue", { from: reviewableFrom.toISOString() });
    super(render(localized, "en"));
    this.name = "VisitReviewNotDueError";
    this.localized = localized;
  }
}

/** VIS-2: unresolved visits need a nonconformity report (owner, deadline) before the director signs. */
export class UnresolvedVisitsError extends Error {
  readonly field = "input.id";
  readonly localized: Msg;
  constructor(readonly recordIds: string[]) {
    const localized = msg("unresolvedVisits", { count: recordIds.length });
    super(render(localized, "en"));
    this.name = "UnresolvedVisitsError";
    this.localized = localized;
  }
}
