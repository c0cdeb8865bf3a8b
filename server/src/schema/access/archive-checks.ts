import { ARCHIVE_DOCUMENTS } from "@tingjian/prisma";
import { nonEmpty } from "../prisma-query.ts";
import { builder } from "../../builder.ts";
import type { Prisma } from "@tingjian/prisma/client";
import type { Context } from "../../access/context.ts";
import { estateFilter, inOrganization, scopedNode } from "../../access/read-scope.ts";
import { NotFoundError } from "../../errors/typed-errors.ts";
import { STANDARD_ERRORS } from "../errors.ts";

/** SEC-8: archives are checked every six months. */
const CHECK_INTERVAL_MONTHS = 6;

/** Checks of the caller's estates; organisation-wide checks only for company-level accounts. */
function checkScope(ctx: Context): Prisma.ArchiveCheckWhereInput {
  const estates = estateFilter(ctx);
  return { ...inOrganization(ctx), ...(estates ? { estateId: estates } : {}) };
}

builder.prismaNode("ArchiveCheck", {
  ...scopedNode(checkScope),
  authScopes: { permission: "archives:check" },
  description: "SEC-8: a completeness check of the owner archives; items list the missing documents",
  fields: (t) => ({
    periodStart: t.expose("periodStart", { type: "Date" }),
    periodEnd: t.expose("periodEnd", { type: "Date" }),
    status: t.exposeString("status"),
    checkedAt: t.expose("checkedAt", { type: "DateTime", nullable: true }),
    checkedBy: t.relation("checkedBy", { nullable: true }),
    estate: t.relation("estate", { nullable: true }),
    recordsChecked: t.exposeInt("recordsChecked"),
    summary: t.exposeString("summary", { nullable: true }),
    missing: t.relatedConnection("items", { cursor: "id", totalCount: true, query: { orderBy: { id: "asc" } } }),
  }),
});

builder.prismaObject("ArchiveCheckItem", {
  fields: (t) => ({
    documentType: t.exposeString("documentType"),
    household: t.relation("household", { nullable: true }),
    customer: t.relation("customer", { nullable: true, description: "Personal data under the customer rules" }),
    resolvedAt: t.expose("resolvedAt", { type: "DateTime", nullable: true }),
  }),
});

builder.mutationField("runArchiveCheck", (t) =>
  t.prismaField({
    type: "ArchiveCheck",
    description: `SEC-8: checks every owner archive in scope for the required documents (${ARCHIVE_DOCUMENTS.join(", ")}) and lists what is missing`,
    authScopes: { permission: "archives:check" },
    errors: { types: STANDARD_ERRORS },
    args: { estateId: t.arg.globalID({ required: false, description: "Default: every estate in your scope" }) },
    resolve: async (query, _r, args, ctx) => {
      const viewer = ctx.viewer!;
      const scope = estateFilter(ctx);
      const estateId = args.estateId?.id ?? null;
      if (estateId && scope && !scope.in.includes(estateId)) throw new NotFoundError("Estate");
      // Found by the mutation fuzz (issue 15 item 16): an id of another type, or of no estate, is
      // not an estate (it used to fail on the foreign key as "Unexpected error.").
      if (estateId && (args.estateId!.typename !== "Estate" || !(await ctx.prisma.estate.findFirst({ where: { id: estateId, organizationId: viewer.organizationId }, select: { id: true } })))) {
        throw new NotFoundError("Estate");
      }
      const estates = estateId ? [estateId] : scope?.in ?? null;
      // An estate-scoped check is filed under its estate, so that only that estate's staff see it.
      const filedUnder = estateId ?? (scope?.in.length === 1 ? scope.in[0]! : null);
      const periodStart = new Date(Date.UTC(ctx.now.getUTCFullYear(), ctx.now.getUTCMonth() - CHECK_INTERVAL_MONTHS, 1));
      const check = await ctx.prisma.archiveCheck.create({
        data: { organizationId: viewer.organizationId, estateId: filedUnder, periodStart, periodEnd: ctx.now, checkedById: viewer.staffId, checkedAt: ctx.now },
        select: { id: true },
      });
      // One statement: owners of the households in scope × required documents, minus the documents on file.
      const [stats] = await ctx.prisma.$queryRaw<{ checked: number; missing: number }[]>`
        WITH owners AS (
          SELECT DISTINCT ON (m.customer_id) m.customer_id, m.household_id FROM household_members m
            JOIN households h ON h.id = m.household_id
           WHERE m.organization_id = ${viewer.organizationId}::uuid AND m.kind = 'OWNER'
             AND (${estates}::uuid[] IS NULL OR h.estate_id = ANY(${estates}::uuid[]))
           ORDER BY m.customer_id, m.is_primary DESC),
        missing AS (
          INSERT INTO archive_check_items (organization_id, check_id, record_type, record_id, customer_id, household_id, document_type, updated_at)
          SELECT ${viewer.organizationId}::uuid, ${check.id}::uuid, 'CUSTOMER', o.customer_id, o.customer_id, o.household_id, d.t, now()
            FROM owners o CROSS JOIN unnest(${[...ARCHIVE_DOCUMENTS]}::text[]) AS d(t)
           WHERE NOT EXISTS (SELECT 1 FROM attachments a WHERE a.customer_id = o.customer_id AND a.document_type = d.t AND a.copy_of_id IS NULL)
          RETURNING 1)
        SELECT (SELECT count(*) FROM owners)::int AS checked, (SELECT count(*) FROM missing)::int AS missing`;
      const summary = `${stats!.checked} archives checked, ${stats!.missing} documents missing`;
      return ctx.prisma.archiveCheck.update({
        ...nonEmpty(query), where: { id: check.id },
        data: { status: stats!.missing > 0 ? "INCOMPLETE" : "COMPLETE", recordsChecked: stats!.checked, summary },
      });
    },
  }),
);

const ArchiveCheckDue = builder.objectRef<{ lastCheckedAt: Date | null; dueBy: Date }>("ArchiveCheckDue").implement({
  fields: (t) => ({
    lastCheckedAt: t.expose("lastCheckedAt", { type: "DateTime", nullable: true }),
    dueBy: t.expose("dueBy", { type: "DateTime", description: "Six months after the last check" }),
    overdue: t.boolean({ resolve: (d, _a, ctx) => d.dueBy <= ctx.now }),
  }),
});

builder.queryField("archiveChecks", (t) =>
  t.prismaConnection({
    type: "ArchiveCheck",
    cursor: "id",
    authScopes: { permission: "archives:check" },
    resolve: (query, _r, _a, ctx) => ctx.prisma.archiveCheck.findMany({ ...query, where: checkScope(ctx), orderBy: [{ checkedAt: "desc" }, { id: "desc" }] }),
  }),
);

builder.queryField("archiveCheckDue", (t) =>
  t.field({
    type: ArchiveCheckDue,
    authScopes: { permission: "archives:check" },
    description: "SEC-8: when the next six-monthly check is due",
    resolve: async (_r, _a, ctx) => {
      const last = await ctx.prisma.archiveCheck.findFirst({ where: checkScope(ctx), orderBy: { checkedAt: "desc" }, select: { checkedAt: true } });
      const base = last?.checkedAt ?? new Date(0);
      const dueBy = new Date(base);
      dueBy.setUTCMonth(dueBy.getUTCMonth() + CHECK_INTERVAL_MONTHS);
      return { lastCheckedAt: last?.checkedAt ?? null, dueBy };
    },
  }),
);
