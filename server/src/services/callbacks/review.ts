import type { SignedInContext } from "../../access/context.ts";
import { isSupervisor } from "../../domain/access/roles.ts";
import { ForbiddenError, InputCheck } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { callbackForEdit, saveCallback } from "./edit.ts";

export interface ReviewCallbackInput {
  /** The callback's row id. */
  id: string;
  version: number;
  note?: string | null;
}

/** CB-10: a supervisor reviews and signs a callback that was made, not one they made themselves. Returns the callback's id. */
export async function reviewCallback(ctx: SignedInContext, input: ReviewCallbackInput): Promise<string> {
  const v = ctx.viewer;
  if (!isSupervisor(v.role)) throw new ForbiddenError(msg("callbackReviewBySupervisor"));
  const cb = await callbackForEdit(ctx, input.id, input.version);
  const check = new InputCheck();
  check.that(cb.status !== "PLANNED" && cb.status !== "CANCELLED", "input.id", msg("callbackReviewNotMade"));
  if (check.ok && cb.staffId === v.staffId) throw new ForbiddenError(msg("callbackReviewNotOwn"));
  check.that(!cb.reviewedAt, "input.id", msg("callbackAlreadyReviewed"));
  check.done();
  await saveCallback(ctx, cb, { reviewedById: v.staffId, reviewedAt: ctx.now, reviewSigned: true, reviewNote: input.note?.trim() || null });
  return cb.id;
}
