import type { AcknowledgementMethod, ComplaintChannel } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { complaintScope } from "../../access/read-scope.ts";
import { InputCheck, InputError, NotFoundError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { requireCaseAccess, saveComplaint } from "./editing.ts";

/**
 * INT-5: the receipt of a written complaint (letter, fax, web) is acknowledged to the complainant.
 * An acknowledgement is the first reply to the complainant (SLA-9) when none was given before.
 */
export const WRITTEN_CHANNELS: readonly ComplaintChannel[] = ["LETTER", "FAX", "WEB"];

export interface AcknowledgeComplaintInput {
  id: string;
  version: number;
  method: AcknowledgementMethod;
  sentAt?: Date | null;
  note?: string | null;
}

/** INT-5: records that a written complaint's receipt was acknowledged; the first reply (SLA-9) if none was given before. Returns the id. */
export async function acknowledgeComplaint(ctx: SignedInContext, input: AcknowledgeComplaintInput): Promise<string> {
  const row = await ctx.prisma.complaint.findFirst({ where: { id: input.id, ...complaintScope(ctx) } });
  if (!row) throw new NotFoundError("Complaint");
  await requireCaseAccess(ctx, row);
  if (!WRITTEN_CHANNELS.includes(row.channel)) throw new InputError("input.id", msg("ackNotWritten", { channel: row.channel }));
  const check = new InputCheck();
  const sentAt = input.sentAt ?? ctx.now;
  check.that(sentAt.getTime() <= ctx.now.getTime() + 60_000, "input.sentAt", msg("ackSentAtFuture"));
  check.that(sentAt >= row.receivedAt, "input.sentAt", msg("ackSentAtBeforeReceipt"));
  const note = input.note?.trim() || null;
  check.that(!note || note.length <= 500, "input.note", msg("tooLong", { field: "input.note", max: 500 }));
  check.done();
  await ctx.prisma.complaintAcknowledgement.create({
    data: { organizationId: row.organizationId, complaintId: row.id, method: input.method, sentAt, sentById: ctx.viewer.staffId, note },
  });
  // The caller's version is the condition of the write: a stale one rolls all of it back.
  await saveComplaint(ctx, { ...row, version: input.version }, row.firstRepliedAt ? {} : { firstRepliedAt: sentAt }, [
    { kind: "ACKNOWLEDGED", note, data: { method: input.method, sentAt: sentAt.toISOString() } },
  ]);
  return row.id;
}
