import { builder } from "../../builder.ts";
import { countedComplaints } from "../../access/read-scope.ts";

const Dimension = builder.enumType("ComplaintCountDimension", {
  description: "§11 slices of complaintCounts",
  values: {
    ESTATE: { description: "Per estate (key: the estate's row id)" },
    CATEGORY: { description: "CLS-4: per category (key: the category's row id)" },
    STATUS: { description: "WF-1: per workflow status" },
    CHANNEL: { description: "INT-1: per intake channel" },
    SEVERITY: { description: "CLS-3: per severity" },
  } as const,
});

const column = { ESTATE: "estateId", CATEGORY: "categoryId", STATUS: "status", CHANNEL: "channel", SEVERITY: "severity" } as const;

const CountRow = builder.objectRef<{ key: string | null; count: number }>("ComplaintCount").implement({
  description: "§11: complaints received (duplicates never counted, INT-4) with one value of the dimension",
  fields: (t) => ({
    key: t.exposeString("key", { nullable: true, description: "The estate or category row id, or the enum value; null = not set" }),
    count: t.exposeInt("count", { description: "Complaints received in the range with this value" }),
  }),
});

// Counts per slice, computed by the database (GROUP BY), for the estates in the caller's scope and
// only the complaints the caller may know exist (countedComplaints: SEC-2, issue 15 item 8), so a
// count equals the ledger's totalCount for the same filter and singles out no hidden complaint.
// Slices are never per person, so no figure is the aggregate of one customer (SEC-7).
builder.queryField("complaintCounts", (t) =>
  t.withAuth({ permission: "reports:read" }).field({
    type: [CountRow],
    description: "Complaints received in [from, before) by one dimension (the reporting API of §11-§12 builds on this)",
    args: {
      by: t.arg({ type: Dimension, required: true, description: "The dimension to count by" }),
      from: t.arg({ type: "DateTime", required: true, description: "Received at or after (inclusive)" }),
      before: t.arg({ type: "DateTime", required: true, description: "Received before (exclusive)" }),
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
