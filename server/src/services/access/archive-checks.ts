import { ARCHIVE_DOCUMENTS } from "@tingjian/prisma";
import type { SignedInContext } from "../../access/context.ts";
import { estateFilter, inOrganization } from "../../access/read-scope.ts";
import { NotFoundError } from "../../errors/typed-errors.ts";

/** SEC-8: archives are checked every six months. */
export const CHECK_INTERVAL_MONTHS = 6;

/**
 * SEC-8: checks every owner archive in scope (or of one estate, a row id) for the required
 * documents and lists what is missing. Returns the check's id.
 */
export async function runArchiveCheck(ctx: SignedInContext, estateId: string | null): Promise<string> {
  const scope = estateFilter(ctx);
  const organizationId = ctx.viewer.organizationId;
  if (estateId && scope && !scope.in.includes(estateId)) throw new NotFoundError("Estate");
  // Found by the mutation fuzz (issue 15 item 16): an id of no estate is not an estate (it used
  // to fail on the foreign key as "Unexpected error.").
  if (estateId && !(await ctx.prisma.estate.findFirst({ where: { id: estateId, ...inOrganization(ctx) }, select: { id: true } })))
    throw new NotFoundError("Estate");
  const estates = estateId ? [estateId] : (scope?.in ?? null);
  // An estate-scoped check is filed under its estate, so that only that estate's staff see it.
  const filedUnder = estateId ?? (scope?.in.length === 1 ? scope.in[0]! : null);
  const periodStart = new Date(Date.UTC(ctx.now.getUTCFullYear(), ctx.now.getUTCMonth() - CHECK_INTERVAL_MONTHS, 1));
  const check = await ctx.prisma.archiveCheck.create({
    data: { organizationId, estateId: filedUnder, periodStart, periodEnd: ctx.now, checkedById: ctx.viewer.staffId, checkedAt: ctx.now },
    select: { id: true },
  });
  // One statement: owners of the households in scope × required documents, minus the documents on file.
  const [stats] = await ctx.prisma.$queryRaw<{ checked: number; missing: number }[]>`
    WITH owners AS (
      SELECT DISTINCT ON (m.customer_id) m.customer_id, m.household_id FROM household_members m
        JOIN households h ON h.id = m.household_id
       WHERE m.organization_id = ${organizationId}::uuid AND m.kind = 'OWNER'
         AND (${estates}::uuid[] IS NULL OR h.estate_id = ANY(${estates}::uuid[]))
       ORDER BY m.customer_id, m.is_primary DESC),
    missing AS (
      INSERT INTO archive_check_items (organization_id, check_id, record_type, record_id, customer_id, household_id, document_type, updated_at)
      SELECT ${organizationId}::uuid, ${check.id}::uuid, 'CUSTOMER', o.customer_id, o.customer_id, o.household_id, d.t, now()
        FROM owners o CROSS JOIN unnest(${[...ARCHIVE_DOCUMENTS]}::text[]) AS d(t)
       WHERE NOT EXISTS (SELECT 1 FROM attachments a WHERE a.customer_id = o.customer_id AND a.document_type = d.t AND a.copy_of_id IS NULL)
      RETURNING 1)
    SELECT (SELECT count(*) FROM owners)::int AS checked, (SELECT count(*) FROM missing)::int AS missing`;
  await ctx.prisma.archiveCheck.update({
    where: { id: check.id },
    data: {
      status: stats!.missing > 0 ? "INCOMPLETE" : "COMPLETE",
      recordsChecked: stats!.checked,
      summary: `${stats!.checked} archives checked, ${stats!.missing} documents missing`,
    },
  });
  return check.id;
}
