import type pg from "pg";
import { hashPassword } from "../passwords.ts";
import type { SeedContext } from "./context.ts";
import { DAY } from "./context.ts";

/** The password of every demo account (README); the accounts are for trying the product out. */
export const DEMO_PASSWORD = "tingjian-demo";

/**
 * One scrypt hash shared by the demo accounts: they share the published demo password anyway,
 * and hashing once keeps benchmark-scale seeds (thousands of accounts) fast. The salt comes from
 * the generator's random stream so that the data stays deterministic.
 */
export async function demoPasswordHash(ctx: SeedContext): Promise<string> {
  const salt = Buffer.from(ctx.rng.uuid().replace(/-/g, ""), "hex");
  return hashPassword(DEMO_PASSWORD, salt);
}

/** Documents an owner archive must hold (SEC-8 completeness check). */
export const ARCHIVE_DOCUMENTS = ["ID_COPY", "PURCHASE_CONTRACT", "MOVE_IN_FORM"] as const;

/**
 * Classified records and archive documents (SEC-1, SEC-2, SEC-5, SEC-8), derived in SQL from the
 * rows already written so that it costs the same at any scale. Choices hash the row id, so the
 * result is deterministic.
 *  - complaints about an employee are CONFIDENTIAL; one in 400 complaints is TOP_SECRET, known
 *    to the executive and, by designation, to the estate's office director;
 *  - one in 50 owner archives is CONFIDENTIAL; one in 500 TOP_SECRET with the same designation;
 *    some classifications have expired already, to be declassified on the first start (SEC-5);
 *  - owner archives hold the documents of ARCHIVE_DOCUMENTS, one in twelve missing one.
 */
export async function seedClassifiedRecords(client: Pick<pg.ClientBase, "query">, ctx: SeedContext): Promise<void> {
  const org = ctx.organizationId;
  const pick = (col: string, modulo: number, rest = 0) =>
    `(('x' || substr(md5(${col}::text), 1, 8))::bit(32)::int & 2147483647) % ${modulo} = ${rest}`;
  const expired = new Date(ctx.end.getTime() - 30 * DAY).toISOString();
  const later = new Date(ctx.end.getTime() + 365 * DAY).toISOString();
  await client.query(
    `UPDATE complaints SET classification = 'CONFIDENTIAL', classified_until = $2
    WHERE organization_id = $1 AND subject_staff_id IS NOT NULL`,
    [org, later],
  );
  await client.query(
    `UPDATE complaints SET classification = 'TOP_SECRET', classified_until = $2
    WHERE organization_id = $1 AND ${pick("id", 400)}`,
    [org, later],
  );
  await client.query(
    `UPDATE customers SET classification = 'CONFIDENTIAL', classified_until = CASE WHEN ${pick("id", 3, 1)} THEN $2::timestamptz ELSE $3::timestamptz END
    WHERE organization_id = $1 AND kind = 'OWNER' AND ${pick("id", 50, 1)}`,
    [org, expired, later],
  );
  await client.query(
    `UPDATE customers SET classification = 'TOP_SECRET', classified_until = $2
    WHERE organization_id = $1 AND kind = 'OWNER' AND ${pick("id", 500, 2)}`,
    [org, later],
  );

  // SEC-2: the executive designates the office director of the record's estate.
  const designations = await client.query(
    `
    WITH exec AS (SELECT id FROM staff WHERE organization_id = $1 AND role = 'EXECUTIVE' ORDER BY login LIMIT 1),
    records AS (
      SELECT 'COMPLAINT'::record_type AS t, c.id, c.estate_id FROM complaints c WHERE c.organization_id = $1 AND c.classification = 'TOP_SECRET'
      UNION ALL
      SELECT 'CUSTOMER'::record_type, cu.id, min(h.estate_id::text)::uuid FROM customers cu
        JOIN household_members m ON m.customer_id = cu.id JOIN households h ON h.id = m.household_id
       WHERE cu.organization_id = $1 AND cu.classification = 'TOP_SECRET' GROUP BY cu.id)
    INSERT INTO access_designations (id, organization_id, record_type, record_id, level, staff_id, designated_by_id, designated_at, reason)
    SELECT md5(r.id::text || 'designation')::uuid, $1, r.t, r.id, 'TOP_SECRET', d.id, exec.id, $2, '主管该项目的管理处主任'
      FROM records r CROSS JOIN exec
      JOIN staff d ON d.organization_id = $1 AND d.role = 'OFFICE_DIRECTOR'
      JOIN staff_estate_scopes s ON s.staff_id = d.id AND s.estate_id = r.estate_id`,
    [org, ctx.start.toISOString()],
  );
  count(ctx, "access_designations", designations.rowCount);

  const documents = await client.query(
    `
    INSERT INTO attachments (id, organization_id, kind, document_type, file_name, mime_type, size_bytes, sha256, storage_key,
                             customer_id, uploaded_at, classification)
    SELECT md5(c.id::text || d.t)::uuid, $1, 'ARCHIVE_DOCUMENT', d.t, lower(d.t) || '.pdf', 'application/pdf', 180000,
           encode(sha256(convert_to(c.id::text || d.t, 'UTF8')), 'hex'), 'archive/' || c.id || '/' || lower(d.t) || '.pdf',
           c.id, c.created_at, 'SECRET'
      FROM customers c CROSS JOIN unnest($2::text[]) WITH ORDINALITY AS d(t, n)
     WHERE c.organization_id = $1 AND c.kind = 'OWNER' AND NOT (${pick("c.id", 12, 5)} AND d.n = 1 + (('x' || substr(md5(c.id::text), 9, 2))::bit(8)::int % 3))`,
    [org, ARCHIVE_DOCUMENTS],
  );
  count(ctx, "attachments", documents.rowCount);
}

function count(ctx: SeedContext, table: string, n: number | null) {
  ctx.writer.counts[table] = (ctx.writer.counts[table] ?? 0) + (n ?? 0);
}
