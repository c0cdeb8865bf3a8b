import type { ComplaintStatus } from "@tingjian/prisma/client";
import type { Msg } from "../i18n/messages.ts";
import { render } from "../i18n/messages.ts";
import { ConflictError } from "./typed-errors.ts";

/**
 * The complaint workflow's typed errors (SPEC §5). Classes only: services throw them, the schema
 * registers their GraphQL types (schema/complaints/editing.ts).
 */

/** A stale complaint write (optimistic concurrency): nothing was written; carries the version now stored. */
export class ComplaintConflictError extends ConflictError {}

/** SPEC §5: an action the complaint's state does not allow; names the actions it does allow (domain/complaints/workflow.ts). */
export class WorkflowError extends Error {
  readonly field = "input.id";
  readonly localized: Msg | undefined;
  constructor(
    readonly status: ComplaintStatus,
    readonly allowedActions: readonly string[],
    message: string | Msg,
  ) {
    super(typeof message === "string" ? message : render(message, "en"));
    this.name = "WorkflowError";
    this.localized = typeof message === "string" ? undefined : message;
  }
}
