import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { visibleTopSecretOf } from "../../access/scopes/top-secret-figures.ts";
import { earlierComplaintsSql, type EarlierRow } from "../../domain/recurrence/repeat-sql.ts";
import { complaintScope, inOrganization } from "../../access/read-scope.ts";
import { batched } from "../batched.ts";
import { unused } from "../scoped-rows.ts";

/**
 * REC-2 on the complaint: the earlier counted complaints of the same place and category within
 * the window, latest first — decided by the database for every complaint of a page at once, among
 * the complaints the caller may know exist (SEC-2, issue 15 item 8).
 */
async function earlierOf(ctx: Context, complaintId: string): Promise<string[]> {
  const found = await batched(ctx, "REC-2 earlier", complaintId, async (ids) => {
    const rows = await ctx.prisma.$queryRaw<EarlierRow[]>(
      earlierComplaintsSql(inOrganization(ctx).organizationId, ids, visibleTopSecretOf(ctx.viewer)),
    );
    const byComplaint = new Map<string, string[]>();
    for (const r of rows) byComplaint.set(r.complaint_id, [...(byComplaint.get(r.complaint_id) ?? []), r.earlier_id]);
    return byComplaint;
  });
  return found ?? [];
}

builder.prismaObjectFields("Complaint", (t) => ({
  isRepeat: t.boolean({
    description:
      "REC-2: an earlier valid, non-duplicate complaint of the same second-level category and place (household; for a public area the estate and " +
      "location) was received within the window (REC-2.windowDays, 90 days) before it. Duplicates and unclassified complaints are never repeats",
    resolve: async (c, _a, ctx) => (await earlierOf(ctx, c.id)).length > 0,
  }),
  repeatOf: t.prismaField({
    type: "Complaint",
    nullable: true,
    description: "REC-2: the latest earlier complaint that makes this one a repeat, among those in your scope (null if none is)",
    resolve: async (query, c, _a, ctx) => {
      const earlier = await earlierOf(ctx, c.id);
      // No repeat: nothing to load (the selection is read all the same, so plugin-prisma does not warn).
      if (earlier.length === 0) return unused(query);
      return ctx.prisma.complaint.findFirst({
        ...query,
        where: { id: { in: earlier }, AND: [complaintScope(ctx)] },
        orderBy: [{ receivedAt: "desc" }, { no: "desc" }, { id: "desc" }],
      });
    },
  }),
}));
