import { builder } from "../../builder.ts";
import { countedComplaints } from "../../access/read-scope.ts";

const Dimension = builder.enumType("ComplaintCountDimension", { values: ["ESTATE", "CATEGORY", "STATUS", "CHANNEL", "SEVERITY"] as const });

const column = { ESTATE: "estateId", CATEGORY: "categoryId", STATUS: "status", CHANNEL: "channel", SEVERITY: "severity" } as const;

const CountRow = builder.objectRef<{ key: string | null; count: number }>("ComplaintCount").implement({
  fields: (t) => ({
    key: t.exposeString("key", { nullable: true, description: "The estate or category row id, or the enum value; null = not set" }),
    count: t.exposeInt("count"),
  }),
});

// Counts per slice, computed by the database (GROUP BY), for the estates in the caller's scope and
// only the complaints the caller may know exist (countedComplaints: SEC-2, issue 15 item 8), so a
// count equals the ledger's totalCount for the same filter and singles out no hidden complaint.
// Slices are never per person, so no figure is the aggregate of one customer (SEC-7).
builder.queryField("complaintCounts", (t) =>
  t.field({
    type: [CountRow],
    authScopes: { permission: "reports:read" },
    description: "Complaints received in [from, before) by one dimension (the reporting API of §11-§12 builds on this)",
    args: {
      by: t.arg({ type: Dimension, required: true }),
      from: t.arg({ type: "DateTime", required: true }),
      before: t.arg({ type: "DateTime", required: true }),
    },
    resolve: async (_r, args, ctx) => {
      const by = column[args.by];
      const rows = (await ctx.prisma.complaint.groupBy({
        by: [by],
        where: { AND: [countedComplaints(ctx), { receivedAt: { gte: args.from, lt: args.before }, duplicateOfId: null }] },
        _count: { _all: true },
      } as never)) as unknown as ({ _count: { _all: number } } & Record<string, unknown>)[];
      return rows
        .map((r) => ({ key: (r[by] as string | null) ?? null, count: r._count._all }))
        .sort((a, b) => String(a.key).localeCompare(String(b.key)));
    },
  }),
);
