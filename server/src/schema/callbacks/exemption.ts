import { builder } from "../../builder.ts";
import { InputError, requiredText } from "../../errors/typed-errors.ts";
import { checkFileName, checkMimeType, decodeContent, storeContent } from "../complaints/evidence.ts";
import { saveComplaint } from "../complaints/editing.ts";
import { complaintMutation } from "../complaints/mutation.ts";
import { FileUpload } from "./record.ts";

/**
 * CB-8 (001 §2): a complaint for which a superior body asked only for a written reply needs no
 * callback; the reply letter is attached instead. Planned callbacks of it are cancelled.
 */
complaintMutation<{ note: string; replyLetter: { fileName: string; mimeType: string; contentBase64: string } }>("exemptComplaintFromCallback", {
  description: "CB-8: written reply only (a superior body's request); the reply letter is attached and planned callbacks are cancelled",
  fields: (t) => ({
    note: t.string({ required: true, description: "Which body asked for a written reply only" }),
    replyLetter: t.field({ type: FileUpload, required: true }),
  }),
  apply: async (ctx, row, input) => {
    const note = requiredText(input.note, "input.note", 2000);
    if (row.callbackExempt) throw new InputError("input.id", `Already exempt (${row.exemptReason})`);
    const bytes = decodeContent(input.replyLetter.contentBase64, "input.replyLetter.contentBase64");
    const mimeType = checkMimeType("REPLY_LETTER", input.replyLetter.mimeType, bytes, "input.replyLetter.mimeType");
    const fileName = checkFileName(input.replyLetter.fileName);
    const stored = await storeContent(ctx, bytes);
    const letter = await ctx.prisma.attachment.create({
      data: { organizationId: ctx.organizationId!, kind: "REPLY_LETTER", fileName, mimeType, ...stored, complaintId: row.id, uploadedById: ctx.viewer!.staffId, uploadedAt: ctx.now },
      select: { id: true },
    });
    const cancelled = await ctx.prisma.callback.updateMany({ where: { complaintId: row.id, status: "PLANNED" }, data: { status: "CANCELLED", version: { increment: 1 } } });
    return saveComplaint(ctx, row, { callbackExempt: true, exemptReason: "WRITTEN_REPLY_ONLY", exemptNote: note }, [
      { kind: "NOTE", note, data: { rule: "CB-8", replyLetterId: letter.id, cancelledCallbacks: cancelled.count } },
    ]);
  },
});

builder.prismaObjectFields("Complaint", (t) => ({
  exemptReason: t.exposeString("exemptReason", { nullable: true, description: "CB-8: ANONYMOUS or WRITTEN_REPLY_ONLY" }),
}));
