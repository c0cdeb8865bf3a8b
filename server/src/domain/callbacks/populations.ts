import { Prisma, type CallbackSampleKind, type PrismaClient } from "@tingjian/prisma/client";
import type { PopulationMember } from "./sample-rules.ts";

type Db = PrismaClient | Prisma.TransactionClient;

export interface PopulationQuery {
  organizationId: string;
  kind: CallbackSampleKind;
  /** The estates sampled; null = every estate of the organisation. */
  estateIds: readonly string[] | null;
  periodStart: Date;
  periodEnd: Date;
}

/**
 * CB-3, CB-4: the population of a callback programme (see SAMPLE_RULES), one row per member key,
 * selected by the database in one statement. Only the facts of the period decide membership, so
 * the same query later gives the same population unless those facts changed (a complaint
 * reclassified, a household moved out) — verifyCallbackSample reports when they did.
 */
export async function loadPopulation(db: Db, q: PopulationQuery): Promise<PopulationMember[]> {
  const estates = q.estateIds ? [...q.estateIds] : null;
  const inEstates = (column: Prisma.Sql) => Prisma.sql`(${estates}::uuid[] IS NULL OR ${column} = ANY(${estates}::uuid[]))`;
  // CB-8: anonymous complaints and written-reply-only ones are never called back.
  const due = Prisma.sql`c.organization_id = ${q.organizationId}::uuid AND c.valid AND c.duplicate_of_id IS NULL
    AND NOT c.anonymous AND NOT c.callback_exempt AND ${inEstates(Prisma.sql`c.estate_id`)}`;
  switch (q.kind) {
    case "QUARTERLY_PERIODIC":
      // One row per complainant: the customer, else the household, else the complaint (a public
      // place and a phone number only); the complaint called back about is their latest one.
      return db.$queryRaw<PopulationMember[]>`
        SELECT DISTINCT ON (k.key) k.key, k.id AS "complaintId", k.estate_id AS "estateId", k.household_id AS "householdId", k.complainant_id AS "customerId",
               k.classification::text AS classification
          FROM (SELECT c.id, c.estate_id, c.household_id, c.complainant_id, c.received_at, c.classification,
                       CASE WHEN c.complainant_id IS NOT NULL THEN 'customer:' || c.complainant_id::text
                            WHEN c.household_id IS NOT NULL THEN 'household:' || c.household_id::text
                            ELSE 'complaint:' || c.id::text END AS key
                  FROM complaints c
                 WHERE ${due} AND c.received_at >= ${q.periodStart} AND c.received_at < ${q.periodEnd}) k
         ORDER BY k.key, k.received_at DESC, k.id DESC`;
    case "SAMPLING":
      return db.$queryRaw<PopulationMember[]>`
        SELECT 'complaint:' || c.id::text AS key, c.id AS "complaintId", c.estate_id AS "estateId", c.household_id AS "householdId", c.complainant_id AS "customerId",
               c.classification::text AS classification
          FROM complaints c
         WHERE ${due} AND c.status IN ('CONFIRMED', 'VERIFIED') AND c.confirmed_at >= ${q.periodStart} AND c.confirmed_at < ${q.periodEnd}`;
    case "REPAIR":
      return db.$queryRaw<PopulationMember[]>`
        SELECT 'complaint:' || c.id::text AS key, c.id AS "complaintId", c.estate_id AS "estateId", c.household_id AS "householdId", c.complainant_id AS "customerId",
               c.classification::text AS classification, c.resolved_at AS "resolvedAt"
          FROM complaints c
         WHERE ${due} AND c.kind = 'ENGINEERING' AND c.resolved_at >= ${q.periodStart} AND c.resolved_at < ${q.periodEnd}
           -- CB-1, SLA-11: a confirmed repair already has its own callback; the sample reaches the others.
           AND NOT EXISTS (SELECT 1 FROM callbacks cb WHERE cb.complaint_id = c.id AND cb.status <> 'CANCELLED' AND cb.sample_member_id IS NULL)`;
    case "MOVE_IN":
      return households(
        db,
        q,
        inEstates,
        Prisma.sql`h.move_in_date >= (${q.periodStart}::timestamptz AT TIME ZONE e.timezone)::date
        AND h.move_in_date < (${q.periodEnd}::timestamptz AT TIME ZONE e.timezone)::date`,
      );
    default:
      // EVENT, HOLIDAY, EMERGENCY: the resident households (§1 常住户).
      return households(db, q, inEstates, Prisma.sql`h.occupied`);
  }
}

/** Households of the estates meeting `condition`, each with its main contact (the primary member then). */
function households(
  db: Db,
  q: PopulationQuery,
  inEstates: (c: Prisma.Sql) => Prisma.Sql,
  condition: Prisma.Sql,
): Promise<PopulationMember[]> {
  return db.$queryRaw<PopulationMember[]>`
    SELECT 'household:' || h.id::text AS key, NULL::uuid AS "complaintId", h.estate_id AS "estateId", h.id AS "householdId",
           (SELECT m.customer_id FROM household_members m
             WHERE m.household_id = h.id AND (m.until IS NULL OR m.until >= (${q.periodStart}::timestamptz AT TIME ZONE e.timezone)::date)
             ORDER BY m.is_primary DESC, m.created_at, m.id LIMIT 1) AS "customerId"
      FROM households h JOIN estates e ON e.id = h.estate_id
     WHERE h.organization_id = ${q.organizationId}::uuid AND ${inEstates(Prisma.sql`h.estate_id`)} AND ${condition}`;
}
