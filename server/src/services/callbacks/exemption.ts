import type { SignedInContext } from "../../access/context.ts";
import { InputCheck } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { checkFileName, checkMimeType, decodeContent, storeContent } from "../complaints/evidence-files.ts";
import { complaintForEdit, saveComplaint } from "../complaints/editing.ts";
import type { FileInput } from "./record.ts";

export interface ExemptFromCallbackInput {
  /** The complaint's row id. */
  id: string;
  version: number;
  /** Which body asked for a written reply only. */
  note: string;
  replyLetter: FileInput;
}

/**
 * CB-8 (001 §2): a complaint for which a superior body asked only for a written reply needs no
 * callback; the reply letter is attached instead and planned callbacks are cancelled. Every bad
 * field is named at once. Returns the complaint's id.
 */
export async function exemptComplaintFromCallback(ctx: SignedInContext, input: ExemptFromCallbackInput): Promise<string> {
  const row = await complaintForEdit(ctx, input.id, input.version);
  const check = new InputCheck();
  const note = check.text(input.note, "input.note", 2000);
  check.that(!row.callbackExempt, "input.id", msg("callbackAlreadyExempt", { reason: row.exemptReason ?? "" }));
  const bytes = check.run(() => decodeContent(input.replyLetter.contentBase64, "input.replyLetter.contentBase64"));
  const mimeType = check.run(() => checkMimeType("REPLY_LETTER", input.replyLetter.mimeType, bytes ?? null, "input.replyLetter.mimeType"));
  const fileName = check.run(() => checkFileName(input.replyLetter.fileName, "input.replyLetter.fileName"));
  check.done();
  const stored = await storeContent(ctx, bytes!);
  const letter = await ctx.prisma.attachment.create({
    data: {
      organizationId: ctx.organizationId,
      kind: "REPLY_LETTER",
      fileName: fileName!,
      mimeType: mimeType!,
      ...stored,
      complaintId: row.id,
      uploadedById: ctx.viewer.staffId,
      uploadedAt: ctx.now,
    },
    select: { id: true },
  });
  const cancelled = await ctx.prisma.callback.updateMany({
    where: { complaintId: row.id, status: "PLANNED" },
    data: { status: "CANCELLED", version: { increment: 1 } },
  });
  await saveComplaint(ctx, row, { callbackExempt: true, exemptReason: "WRITTEN_REPLY_ONLY", exemptNote: note }, [
    { kind: "NOTE", note, data: { rule: "CB-8", replyLetterId: letter.id, cancelledCallbacks: cancelled.count } },
  ]);
  return row.id;
}
