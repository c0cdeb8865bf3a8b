import type pg from "pg";

export type Row = Record<string, unknown>;

interface ColumnType {
  /** The type to cast the text value to, e.g. `uuid`, `timestamptz`, `"complaint_status"`, `text[]`. */
  cast: string;
  /** The column default of a NOT NULL column, used where a row leaves the value out. */
  fallback: string | null;
}

/**
 * Large multi-row inserts without a statement per row: every column travels as one text[]
 * parameter and `unnest` turns the arrays back into rows, cast to each column's type (looked
 * up once from the catalog). One statement per batch, a handful of parameters whatever the
 * batch size, and the same SQL on PGlite and PostgreSQL.
 */
export class BulkWriter {
  private readonly types = new Map<string, Map<string, ColumnType>>();
  readonly counts: Record<string, number> = {};

  constructor(
    private readonly db: Pick<pg.ClientBase, "query">,
    private readonly now: Date,
    private readonly batchSize = 5000,
  ) {}

  /**
   * Inserts rows given with camelCase keys (the Prisma field names) into `table`; columns are
   * their snake_case forms. `updatedAt`, which Prisma fills in the client, defaults to `createdAt`
   * or the generation time.
   */
  async insert(table: string, camelRows: Row[]): Promise<void> {
    if (camelRows.length === 0) return;
    const columnTypes = await this.columnTypes(table);
    const rows = camelRows.map((r) => {
      const out: Row = {};
      for (const k in r) out[snake(k)] = r[k];
      if (columnTypes.has("updated_at") && out.updated_at === undefined) out.updated_at = out.created_at ?? this.now;
      return out;
    });
    // Rows may leave optional fields out: the column list is the union of their keys.
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    for (const c of columns) if (!columnTypes.has(c)) throw new Error(`${table}.${c}: no such column`);
    const casts = columns.map((_, i) => `$${i + 1}::text[]`);
    const select = columns.map((c, i) => {
      const { cast, fallback } = columnTypes.get(c)!;
      return fallback ? `COALESCE(c${i}::${cast}, ${fallback})` : `c${i}::${cast}`;
    });
    const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")})
      SELECT ${select.join(", ")} FROM unnest(${casts.join(", ")}) AS t(${columns.map((_, i) => `c${i}`).join(", ")})`;
    for (let start = 0; start < rows.length; start += this.batchSize) {
      const batch = rows.slice(start, start + this.batchSize);
      const params = columns.map((c) => {
        const json = /^jsonb?$/.test(columnTypes.get(c)!.cast);
        return batch.map((r) => (json && r[c] != null ? JSON.stringify(r[c]) : toText(r[c])));
      });
      await this.db.query(sql, params);
    }
    this.counts[table] = (this.counts[table] ?? 0) + rows.length;
  }

  private async columnTypes(table: string): Promise<Map<string, ColumnType>> {
    let types = this.types.get(table);
    if (types) return types;
    const { rows } = await this.db.query<{ column_name: string; data_type: string; udt_name: string; is_nullable: string; column_default: string | null }>(
      `SELECT column_name, data_type, udt_name, is_nullable, column_default FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = $1`,
      [table],
    );
    if (rows.length === 0) throw new Error(`no table ${table}`);
    types = new Map(
      rows.map((r) => {
        const udt = r.data_type === "ARRAY" ? r.udt_name.slice(1) : r.udt_name;
        const base = r.data_type === "USER-DEFINED" || r.data_type === "ARRAY" ? `"${udt}"` : udt;
        const fallback = r.is_nullable === "NO" ? r.column_default : null;
        return [r.column_name, { cast: r.data_type === "ARRAY" ? `${base}[]` : base, fallback }];
      }),
    );
    this.types.set(table, types);
    return types;
  }
}

/** Text form of a value for a text[] parameter; arrays become PostgreSQL array literals. */
function toText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return `{${v.map((x) => `"${String(x).replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
