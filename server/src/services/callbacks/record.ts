import type { Callback, CallbackDimension, CallbackMethod, ComplaintSeverity } from "@tingjian/prisma/client";
import { methodRefusal, needsSignature } from "../../domain/callbacks/record-rules.ts";
import type { SignedInContext } from "../../access/context.ts";
import { InputCheck } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { checkFileName, checkMimeType, decodeContent, storeContent } from "../complaints/evidence-files.ts";
import { createCallbacks } from "./create.ts";
import { callbackForEdit, saveCallback } from "./edit.ts";
import { onComplaint, retryNextDay, type Outcome } from "./outcome.ts";

/** An uploaded file (the customer's signature), bytes in base64. */
export interface FileInput {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

export interface RecordCallbackInput {
  /** The callback's row id. */
  id: string;
  version: number;
  method: CallbackMethod;
  calledAt?: Date | null;
  reached: boolean;
  satisfied?: boolean | null;
  ratings?: readonly { dimension: CallbackDimension; rating?: number | null; satisfied?: boolean | null; comment?: string | null }[] | null;
  issues?: readonly { description: string; answeredOnSpot: boolean; promisedReplyAt?: Date | null; departmentId?: string | null }[] | null;
  comment?: string | null;
  signature?: FileInput | null;
}

/**
 * CB-5…CB-7: records the outcome of a planned callback. Every bad field is named at once, before
 * anything is written. Returns the callback's id.
 */
export async function recordCallback(ctx: SignedInContext, input: RecordCallbackInput): Promise<string> {
  const cb = await callbackForEdit(ctx, input.id, input.version);
  const complaint = cb.complaintId
    ? await ctx.prisma.complaint.findUniqueOrThrow({ where: { id: cb.complaintId }, select: { id: true, severity: true } })
    : null;
  const check = new InputCheck();
  check.that(cb.status === "PLANNED", "input.id", msg("callbackAlreadyRecorded", { status: cb.status }));
  const outcome = validate(ctx, check, cb, complaint?.severity ?? null, input);
  const bytes = input.signature && outcome.reached ? check.run(() => signatureFile(input.signature!)) : undefined;
  check.done();
  const signature = bytes ? { fileName: bytes.fileName, mimeType: bytes.mimeType, ...(await storeContent(ctx, bytes.bytes)) } : null;
  const { organizationId, viewer } = ctx;
  await saveCallback(ctx, cb, {
    status: outcome.reached ? "DONE" : "NOT_REACHED",
    method: input.method,
    calledAt: outcome.calledAt,
    staffId: viewer.staffId,
    reached: outcome.reached,
    satisfied: outcome.satisfied,
    signed: !!signature,
    comment: input.comment?.trim() || null,
  });
  if (signature) {
    await ctx.prisma.attachment.create({
      data: {
        organizationId,
        kind: "SIGNATURE",
        ...signature,
        callbackId: cb.id,
        complaintId: cb.complaintId,
        uploadedById: viewer.staffId,
        uploadedAt: ctx.now,
      },
    });
  }
  if (outcome.ratings.length)
    await ctx.prisma.callbackRating.createMany({ data: outcome.ratings.map((r) => ({ organizationId, callbackId: cb.id, ...r })) });
  if (outcome.issues.length)
    await ctx.prisma.callbackIssue.createMany({ data: outcome.issues.map((i) => ({ organizationId, callbackId: cb.id, ...i })) });
  if (!outcome.reached) await createCallbacks(ctx.prisma, [retryNextDay(ctx, cb)]);
  if (complaint) await onComplaint(ctx, cb, complaint.id, outcome);
  return cb.id;
}

/** CB-5…CB-7: the outcome as recorded; problems go to `check`. */
function validate(
  ctx: SignedInContext,
  check: InputCheck,
  cb: Callback,
  severity: ComplaintSeverity | null,
  input: RecordCallbackInput,
): Outcome {
  const calledAt = input.calledAt ?? ctx.now;
  check.that(calledAt.getTime() <= ctx.now.getTime() + 60_000 && calledAt >= cb.createdAt, "input.calledAt", msg("callbackCalledAt"));
  // CB-11, CB-7: a callback fixed in advance as in person stays so; a major complaint's follow-up is not by phone.
  const refusal = methodRefusal(cb.method, input.method, severity, cb.sequence);
  if (refusal) check.add("input.method", refusal);
  if (!input.reached) {
    check.that(
      input.satisfied == null && !input.ratings?.length && !input.issues?.length,
      "input.reached",
      msg("callbackNotReachedNoVerdict"),
    );
    return { reached: false, satisfied: null, calledAt, ratings: [], issues: [] };
  }
  check.that(input.satisfied != null, "input.satisfied", msg("callbackSatisfiedRequired"));
  // CB-5 (001 §2): an in-person callback carries the customer's signature; a phone one needs none.
  check.that(!needsSignature(input.method) || !!input.signature, "input.signature", msg("callbackSignatureRequired"));
  return { reached: true, satisfied: input.satisfied ?? null, calledAt, ratings: ratings(check, input), issues: issues(ctx, check, input) };
}

/** CB-6: one verdict per dimension, a rating from 1 to 5 or satisfied / dissatisfied. */
function ratings(check: InputCheck, input: RecordCallbackInput): Outcome["ratings"] {
  const seen = new Set<string>();
  return (input.ratings ?? []).map((r, i) => {
    check.that(!seen.has(r.dimension), `input.ratings.${i}.dimension`, msg("callbackRatedTwice", { dimension: r.dimension }));
    seen.add(r.dimension);
    if (r.rating != null)
      check.that(Number.isInteger(r.rating) && r.rating >= 1 && r.rating <= 5, `input.ratings.${i}.rating`, msg("callbackRatingRange"));
    else check.that(r.satisfied != null, `input.ratings.${i}.rating`, msg("callbackRatingMissing"));
    return {
      dimension: r.dimension,
      rating: r.rating ?? null,
      satisfied: r.satisfied ?? (r.rating != null ? r.rating >= 4 : null),
      comment: r.comment?.trim() || null,
    };
  });
}

/** CB-6, CB-7: new issues; one not answered on the spot gets a promised reply time in the future. */
function issues(ctx: SignedInContext, check: InputCheck, input: RecordCallbackInput): Outcome["issues"] {
  return (input.issues ?? []).map((x, i) => {
    const description = check.text(x.description, `input.issues.${i}.description`, 2000);
    check.that(x.answeredOnSpot || !!x.promisedReplyAt, `input.issues.${i}.promisedReplyAt`, msg("callbackIssueReplyTimeRequired"));
    if (x.promisedReplyAt)
      check.that(x.promisedReplyAt > ctx.now, `input.issues.${i}.promisedReplyAt`, msg("callbackIssueReplyTimeFuture"));
    return {
      description,
      answeredOnSpot: x.answeredOnSpot,
      promisedReplyAt: x.answeredOnSpot ? null : (x.promisedReplyAt ?? null),
      departmentId: x.departmentId ?? null,
      repliedAt: x.answeredOnSpot ? ctx.now : null,
    };
  });
}

/** CB-5: the signature's bytes, media type and name, checked before anything is stored. */
function signatureFile(file: FileInput): { fileName: string; mimeType: string; bytes: Buffer } {
  const check = new InputCheck();
  const bytes = check.run(() => decodeContent(file.contentBase64, "input.signature.contentBase64"));
  const mimeType = check.run(() => checkMimeType("SIGNATURE", file.mimeType, bytes ?? null, "input.signature.mimeType"));
  const fileName = check.run(() => checkFileName(file.fileName, "input.signature.fileName"));
  check.done();
  return { fileName: fileName!, mimeType: mimeType!, bytes: bytes! };
}
