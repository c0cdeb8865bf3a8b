import type pg from "pg";
import { BulkWriter } from "./bulk-insert.ts";
import { Random } from "./random.ts";
import { historyStart, shanghai, type SeedContext } from "./context.ts";
import { seedClassifiedRecords } from "./access.ts";
import { seedCompany } from "./company.ts";
import { seedEstateComplaints } from "./complaints.ts";
import { seedEstateVisits } from "./visits.ts";
import { seedCampaigns, seedEstateSurveys } from "./surveys.ts";
import { analyzeTables, dropConstraints, isPGlite, restoreConstraints, type DroppedConstraints } from "./bulk-mode.ts";

export interface SeedOptions {
  /**
   * Size of the company: 1 is about 2,000 households in four estates and 10,000 complaints over
   * three years; 200 gives 800 estates and about 2 M complaints (benchmark volume).
   */
  scale: number;
  /**
   * Survey volume on the same scale (default: `scale`); survey data is generated for that share
   * of the estate sets, so that benchmark data can hold 1 M answers next to 2 M complaints.
   */
  surveyScale?: number;
  /** Random seed: the same seed and scale give the same data. */
  seed?: number;
  /**
   * Bulk-load mode (PostgreSQL server only; see bulk-mode.ts): foreign keys and secondary
   * indexes are dropped within the transaction before loading and recreated, re-validating every
   * row, before it commits. Default: on from scale BULK_SCALE on a PostgreSQL server. PGlite
   * always loads with the constraints in place.
   */
  bulk?: boolean;
  /**
   * The instant the company is generated at: its history ends here (complaints still open,
   * deadlines running, this month's plans and this quarter's figures) and starts HISTORY_MONTHS
   * whole months earlier. The same instant, seed and scale give the same rows; a company
   * generated later is the same company moved along the calendar (same structure and random
   * draws; counts follow the seasons of the months it spans). `pnpm start` passes the current
   * time, the tests and the benchmark FIXED_DEMO_NOW.
   */
  now: Date;
  onProgress?: (message: string) => void;
}

/**
 * The fixed instant the tests and the benchmark generate the demo at (a Friday, 18:00 in
 * Shanghai), so that their figures are exact; their servers run on a clock that starts here.
 */
export const FIXED_DEMO_NOW = shanghai("2026-11-20", 18, 0);

/** From this scale on, a seed on a PostgreSQL server uses bulk-load mode unless told otherwise. */
export const BULK_SCALE = 10;

/**
 * Generates the demo company in one transaction (all or nothing) with multi-row inserts;
 * in bulk-load mode the same transaction drops and finally recreates the foreign keys and
 * secondary indexes (bulk-mode.ts), so a failure also leaves the schema as it was.
 * Returns the number of rows written per table.
 */
export async function seedDemoData(pool: pg.Pool, options: SeedOptions): Promise<Record<string, number>> {
  if (!(options.scale > 0)) throw new Error("scale must be a positive number");
  if (!(options.now instanceof Date) || Number.isNaN(options.now.getTime())) throw new Error("now must be a valid instant");
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    let dropped: DroppedConstraints | undefined;
    if (options.bulk ?? options.scale >= BULK_SCALE) {
      if (await isPGlite(client)) {
        if (options.bulk) options.onProgress?.("bulk mode is for PostgreSQL servers: loading with all constraints in place");
      } else {
        dropped = await dropConstraints(client);
        options.onProgress?.(
          `bulk mode: ${dropped.foreignKeys.length} foreign keys and ${dropped.indexes.length} indexes dropped until the load is done`,
        );
      }
    }
    const rng = new Random(options.seed ?? 20240101);
    const ctx: SeedContext = {
      rng,
      writer: new BulkWriter(client, options.now),
      organizationId: rng.uuid(),
      start: historyStart(options.now),
      end: options.now,
      sequence: 0,
    };
    const company = await seedCompany(ctx, options.scale);
    const surveyShare = Math.min(1, (options.surveyScale ?? options.scale) / options.scale);
    const surveyed = company.estates.slice(0, Math.max(1, Math.round(company.estates.length * surveyShare)));
    const campaigns = await seedCampaigns(ctx, company, surveyed);
    for (const [i, estate] of company.estates.entries()) {
      const complaints = await seedEstateComplaints(ctx, company, estate);
      await seedEstateVisits(ctx, estate);
      if (i < surveyed.length) await seedEstateSurveys(ctx, company, estate, campaigns, complaints);
      if (options.onProgress && (i + 1) % 20 === 0) options.onProgress(`${i + 1}/${company.estates.length} estates`);
    }
    // The SQL steps need planner statistics for the freshly loaded, index-less tables.
    if (dropped) await analyzeTables(client, Object.keys(ctx.writer.counts));
    await seedClassifiedRecords(client, ctx);
    if (dropped) await restoreConstraints(client, dropped, options.onProgress);
    await client.query("COMMIT");
    return ctx.writer.counts;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

/** True when no organisation exists yet (a fresh database). */
export async function isEmpty(pool: pg.Pool): Promise<boolean> {
  const { rows } = await pool.query<{ empty: boolean }>("SELECT NOT EXISTS (SELECT 1 FROM organizations) AS empty");
  return rows[0]!.empty;
}
