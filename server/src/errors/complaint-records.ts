import type { ClaimStatus } from "@tingjian/prisma/client";
import { render, type Msg } from "../i18n/messages.ts";
import { ConflictError } from "./typed-errors.ts";

/**
 * The typed errors of the complaint records (claims, WF-6). Classes only: services throw them,
 * schema/complaints/claims.ts registers their GraphQL types.
 */

/** A stale claim step (optimistic concurrency): nothing was written; carries the version now stored. */
export class ClaimConflictError extends ConflictError {}

/**
 * WF-6: a step the claim's state does not allow; names the steps it does allow (ClaimAction values:
 * the rule's type lives in domain/, which this base layer may not import).
 */
export class ClaimWorkflowError extends Error {
  readonly field = "input.id";
  readonly localized: Msg;
  constructor(
    readonly status: ClaimStatus,
    readonly allowedSteps: readonly string[],
    message: Msg,
  ) {
    super(render(message, "en"));
    this.name = "ClaimWorkflowError";
    this.localized = message;
  }
}
