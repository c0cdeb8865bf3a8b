import type { PrismaClient } from "@tingjian/prisma/client";

/**
 * SEC-5: a classification expires; the record is then declassified automatically unless it was
 * extended. Customer information and the complaints that carry it stay at least SECRET (SEC-1),
 * so an expired TOP_SECRET or CONFIDENTIAL level falls to SECRET, and the expiry is cleared.
 * Every change is written to classification_changes with no actor. Runs on the owner connection
 * for all organisations (at start and hourly). Returns the number of records declassified.
 */
export async function declassifyExpired(prisma: PrismaClient, now: Date): Promise<number> {
  let total = 0;
  for (const [table, recordType] of [
    ["customers", "CUSTOMER"],
    ["complaints", "COMPLAINT"],
    ["attachments", "ATTACHMENT"],
  ] as const) {
    const rowCount = await prisma.$executeRawUnsafe(
      `WITH expired AS (
         SELECT id, organization_id, classification, classified_until FROM ${table}
          WHERE classified_until IS NOT NULL AND classified_until <= $1 FOR UPDATE),
       changed AS (
         UPDATE ${table} t SET classification = CASE WHEN e.classification IN ('TOP_SECRET', 'CONFIDENTIAL') THEN 'SECRET'::classification ELSE e.classification END,
                classified_until = NULL
           FROM expired e WHERE t.id = e.id
         RETURNING t.id, t.organization_id, e.classification AS from_level, t.classification AS to_level, e.classified_until AS from_until)
       INSERT INTO classification_changes (organization_id, record_type, record_id, kind, from_level, to_level, from_until, at, reason)
       SELECT organization_id, $2::record_type, id, 'DECLASSIFY_EXPIRED', from_level, to_level, from_until, $1, 'classification expired (SEC-5)'
         FROM changed`,
      now,
      recordType,
    );
    total += rowCount;
  }
  return total;
}
