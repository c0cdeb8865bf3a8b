import type { Prisma, PrismaClient } from "@tingjian/prisma/client";

export type Db = PrismaClient | Prisma.TransactionClient;
export type BulkRow = Record<string, unknown>;

/**
 * Set-based writes inside the caller's transaction (row-level security applies there, so COPY is
 * not an option). A batch of rows travels as one JSON parameter and `jsonb_populate_recordset`
 * turns it into rows of the table's own type, so every value is read by its column's input
 * function (uuid, timestamptz, enums, text[], jsonb) as the seed's `unnest` insert does
 * (prisma/src/seed/bulk-insert.ts). One statement and one parameter per batch: Prisma's raw-query
 * path spends per-element time on array parameters, none on one string.
 *
 * Rows use the Prisma field names (camelCase); columns are their snake_case forms. An insert names
 * only the columns its rows give (the others take their defaults); every insert gives `id` (so the
 * caller knows it) and `updated_at` where the table has one (Prisma fills it in the client).
 */
export class BulkWriter {
  constructor(private readonly db: Db, private readonly batchSize = 5000) {}

  async insert(table: string, rows: readonly BulkRow[]): Promise<void> {
    if (rows.length === 0) return;
    const columns = columnsOf(rows).map((c) => `"${c}"`).join(", ");
    await this.run(`INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(NULL::"${table}", $1::jsonb)`, rows);
  }

  /** Updates rows by `id`: each column the rows give is set to the row's value. */
  async update(table: string, rows: readonly BulkRow[]): Promise<void> {
    if (rows.length === 0) return;
    const set = columnsOf(rows).filter((c) => c !== "id").map((c) => `"${c}" = v."${c}"`).join(", ");
    await this.run(`UPDATE "${table}" AS x SET ${set} FROM jsonb_populate_recordset(NULL::"${table}", $1::jsonb) AS v WHERE x.id = v.id`, rows);
  }

  private async run(sql: string, rows: readonly BulkRow[]): Promise<void> {
    for (let start = 0; start < rows.length; start += this.batchSize) {
      const batch = rows.slice(start, start + this.batchSize).map(snakeRow);
      await this.db.$executeRawUnsafe(sql, JSON.stringify(batch));
    }
  }
}

function columnsOf(rows: readonly BulkRow[]): string[] {
  const keys = new Set<string>();
  for (const r of rows) for (const k in r) keys.add(k);
  return [...keys].map(snake);
}

function snakeRow(r: BulkRow): BulkRow {
  const out: BulkRow = {};
  for (const k in r) out[snake(k)] = r[k];
  return out;
}

const snakeNames = new Map<string, string>();
function snake(name: string): string {
  let s = snakeNames.get(name);
  if (s === undefined) snakeNames.set(name, (s = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)));
  return s;
}

/** Splits a list for `IN (…)` lookups, so that no statement carries too many parameters. */
export function chunks<T>(items: readonly T[], size = 5000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
