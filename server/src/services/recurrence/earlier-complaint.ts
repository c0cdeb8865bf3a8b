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
  return d.rule === "REC-3" ? shownComplaintNo(ctx, d.earlierId, d.earlierNo) : null;
}

/**
 * SEC-2: the number of the other complaint a timeline event names, as this reader may see it — the
 * earlier repair of a REC-3 escalation, the first report of an INT-4 duplicate — or null.
 */
export async function shownEventComplaintNo(ctx: Context, kind: string, data: unknown): Promise<string | null> {
  const d = asData(data);
  if (kind === "ESCALATED") return shownEarlierComplaintNo(ctx, d);
  return kind === "DUPLICATE_LINKED" ? shownComplaintNo(ctx, d.duplicateOfId, d.duplicateOfNo) : null;
}

/** The complaint's number, by id (or by number for rows that stored only that), if it is in the reader's scope. */
async function shownComplaintNo(ctx: Context, id: unknown, no: unknown): Promise<string | null> {
  if (!ctx.organizationId || !ctx.viewer) return null;
  const which = typeof id === "string" ? { id } : typeof no === "string" ? { no } : null;
  if (!which) return null;
  const found = await ctx.prisma.complaint.findFirst({ where: { AND: [complaintScope(ctx), which] }, select: { no: true } });
  return found?.no ?? null;
}
