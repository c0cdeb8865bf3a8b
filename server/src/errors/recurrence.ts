import type { CorrectiveActionStatus } from "@tingjian/prisma/client";
import { render, type Msg } from "../i18n/messages.ts";
import { ConflictError } from "./typed-errors.ts";

/**
 * The recurrence area's typed errors (REC-1). Classes only: services throw them, the schema
 * registers their GraphQL types (schema/recurrence/corrective-action-links.ts).
 */

/** REC-1: a stale change of a corrective action; nothing was written. */
export class CorrectiveActionConflictError extends ConflictError {}

/** REC-1: a step the action's state does not allow; names the steps it does allow. */
export class CorrectiveActionWorkflowError extends Error {
  readonly field = "input.step";
  readonly localized: Msg | undefined;
  constructor(
    readonly status: CorrectiveActionStatus,
    readonly allowedSteps: string[],
    message: string | Msg,
  ) {
    super(typeof message === "string" ? message : render(message, "en"));
    this.name = "CorrectiveActionWorkflowError";
    this.localized = typeof message === "string" ? undefined : message;
  }
}
