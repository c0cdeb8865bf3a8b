import type { Context } from "../../access/context.ts";
import { complaintScope } from "../../access/read-scope.ts";
import { asData } from "../../domain/complaints/escalation-reason.ts";

/**
 * REC-3, SEC-2: a repeated repair's escalation names the earlier complaint. A TOP_SECRET complaint
 * (or one outside the reader's estates) does not exist for a reader who may not read it: not its
 * number either, in a field, a summary or an error. So the number is looked up when the reason is
 * read, in the reader's scope (access/read-scope.ts `complaintScope`): the number when the reader
 * may read that complaint, otherwise null (the text then says "an earlier complaint").
 *
 * `data` is an escalation's reason_params or an ESCALATED event's data: { rule: "REC-3", earlierId,
 * earlierNo }; rows written before issue 16 carry only the number. Anything else costs no query.
 */
export async function shownEarlierComplaintNo(ctx: Context, data: unknown): Promise<string | null> {
  const d = asData(data);
  if (d.rule !== "REC-3" || !ctx.organizationId || !ctx.viewer) return null;
  const which = typeof d.earlierId === "string" ? { id: d.earlierId } : typeof d.earlierNo === "string" ? { no: d.earlierNo } : null;
  if (!which) return null;
  const found = await ctx.prisma.complaint.findFirst({ where: { AND: [complaintScope(ctx), which] }, select: { no: true } });
  return found?.no ?? null;
}
