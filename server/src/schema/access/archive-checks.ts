import { ARCHIVE_DOCUMENTS } from "@tingjian/prisma";
import { nonEmpty } from "../prisma-query.ts";
import { builder } from "../../builder.ts";
import { ArchiveCheckConnection, ArchiveCheckItemConnection } from "../connections.ts";
import type { Prisma } from "@tingjian/prisma/client";
import type { Context } from "../../access/context.ts";
import { estateFilter, inOrganization, scopedNode } from "../../access/read-scope.ts";
import { NotFoundError } from "../../errors/typed-errors.ts";
import { CHECK_INTERVAL_MONTHS, runArchiveCheck } from "../../services/access/archive-checks.ts";
import { STANDARD_ERRORS } from "../errors.ts";

/** SEC-8: checks of the caller's estates; organisation-wide checks only for company-level accounts. */
function checkScope(ctx: Context): Prisma.ArchiveCheckWhereInput {
  const estates = estateFilter(ctx);
  return { ...inOrganization(ctx), ...(estates ? { estateId: estates } : {}) };
}

builder.prismaNode("ArchiveCheck", {
  ...scopedNode(checkScope),
  authScopes: { permission: "archives:check" },
  description: "SEC-8: a completeness check of the owner archives; items list the missing documents",
  fields: (t) => ({
    periodStart: t.expose("periodStart", { type: "Date", description: "Start of the period checked" }),
    periodEnd: t.expose("periodEnd", { type: "Date", description: "End of the period checked" }),
    status: t.exposeString("status", { description: "COMPLETE, INCOMPLETE, or PENDING while it runs" }),
    checkedAt: t.expose("checkedAt", { type: "DateTime", nullable: true, description: "When it ran" }),
    checkedBy: t.relation("checkedBy", { nullable: true, description: "Who ran it" }),
    estate: t.relation("estate", { nullable: true, description: "The estate it covers; null: several" }),
    recordsChecked: t.exposeInt("recordsChecked", { description: "Owner archives checked" }),
    summary: t.exposeString("summary", { nullable: true, description: "Counts of archives checked and documents missing" }),
    missing: t.relatedConnection(
      "items",
      { cursor: "id", totalCount: true, description: "SEC-8: each missing document", query: { orderBy: { id: "asc" } } },
      ArchiveCheckItemConnection,
    ),
  }),
});

builder.prismaObject("ArchiveCheckItem", {
  description: "SEC-8: one document missing from an owner archive",
  fields: (t) => ({
    documentType: t.exposeString("documentType", { description: "The missing document" }),
    household: t.relation("household", { nullable: true, description: "The owner's household" }),
    customer: t.relation("customer", { nullable: true, description: "Personal data under the customer rules" }),
    resolvedAt: t.expose("resolvedAt", { type: "DateTime", nullable: true, description: "When the document was filed" }),
  }),
});

builder.mutationField("runArchiveCheck", (t) =>
  t.withAuth({ permission: "archives:check" }).prismaField({
    type: "ArchiveCheck",
    description: `SEC-8: checks every owner archive in scope for the required documents (${ARCHIVE_DOCUMENTS.join(", ")}) and lists what is missing`,
    errors: { types: STANDARD_ERRORS },
    args: { estateId: t.arg.globalID({ required: false, description: "Default: every estate in your scope" }) },
    resolve: async (query, _r, args, ctx) => {
      // An id of another type is not an estate (issue 15 item 16).
      if (args.estateId && args.estateId.typename !== "Estate") throw new NotFoundError("Estate");
      const id = await runArchiveCheck(ctx, args.estateId?.id ?? null);
      return ctx.prisma.archiveCheck.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

const ArchiveCheckDue = builder.objectRef<{ lastCheckedAt: Date | null; dueBy: Date }>("ArchiveCheckDue").implement({
  description: "SEC-8: when the next check is due",
  fields: (t) => ({
    lastCheckedAt: t.expose("lastCheckedAt", { type: "DateTime", nullable: true, description: "The last check in scope; null: never" }),
    dueBy: t.expose("dueBy", { type: "DateTime", description: "Six months after the last check" }),
    overdue: t.boolean({ description: "The check is due now", resolve: (d, _a, ctx) => d.dueBy <= ctx.now }),
  }),
});

builder.queryField("archiveChecks", (t) =>
  t.prismaConnection(
    {
      type: "ArchiveCheck",
      cursor: "id",
      authScopes: { permission: "archives:check" },
      description: "SEC-8: the archive checks in scope, newest first",
      resolve: (query, _r, _a, ctx) =>
        ctx.prisma.archiveCheck.findMany({ ...query, where: checkScope(ctx), orderBy: [{ checkedAt: "desc" }, { id: "desc" }] }),
    },
    ArchiveCheckConnection,
  ),
);

builder.queryField("archiveCheckDue", (t) =>
  t.field({
    type: ArchiveCheckDue,
    authScopes: { permission: "archives:check" },
    description: "SEC-8: when the next six-monthly check is due",
    resolve: async (_r, _a, ctx) => {
      const last = await ctx.prisma.archiveCheck.findFirst({
        where: checkScope(ctx),
        orderBy: { checkedAt: "desc" },
        select: { checkedAt: true },
      });
      const base = last?.checkedAt ?? new Date(0);
      const dueBy = new Date(base);
      dueBy.setUTCMonth(dueBy.getUTCMonth() + CHECK_INTERVAL_MONTHS);
      return { lastCheckedAt: last?.checkedAt ?? null, dueBy };
    },
  }),
);
