import type pg from "pg";
import { copyRows, copyEscape } from "./copy-writer.ts";

export type Row = Record<string, unknown>;

interface ColumnType {
  /** The type to cast the text value to, e.g. `uuid`, `timestamptz`, `"complaint_status"`, `text[]`. */
  cast: string;
  /** The column default of a NOT NULL column, used where a row leaves the value out. */
  fallback: string | null;
  /**
   * The text of `fallback` when it is a literal (`false`, `0`, `'OPEN'::task_status`), which COPY
   * sends in place of a missing value; null for expressions such as `gen_random_uuid()` or
   * `CURRENT_TIMESTAMP`, which only the server can evaluate per row.
   */
  constant: string | null;
  json: boolean;
}

interface TableInfo {
  columns: Map<string, ColumnType>;
  /** Row-level security applies to the current user: COPY FROM refuses such tables. */
  rowSecurity: boolean;
}

/**
 * How rows reach the database. `copy`: `COPY … FROM STDIN` in text format (PostgreSQL server).
 * `insert`: one `INSERT … SELECT FROM unnest(…)` per batch (PGlite, whose socket server does not
 * speak the COPY sub-protocol: the connection dies). `auto` (default) picks `copy` unless the
 * server is PGlite or the writer was given a pool rather than one connection. Either way a table
 * under row-level security for the current user takes the insert way (COPY FROM refuses it).
 */
export type BulkMethod = "auto" | "copy" | "insert";

/**
 * Large multi-row inserts without a statement per row. Both methods send each value as the
 * same text (the looked-up column types decide JSON and array forms) and let the column type's
 * input function read it, so they store identical rows.
 *
 * - copy: the rows of one `insert()` call are streamed as one COPY, encoded chunk by chunk while
 *   the server works on the previous chunk. A missing value of a NOT NULL column with a literal
 *   default is sent as that literal; a call that would need a computed default for some row
 *   (e.g. `gen_random_uuid()`) goes the insert way instead.
 * - insert: every column travels as one text[] parameter and `unnest` turns the arrays back into
 *   rows, cast to each column's type; `COALESCE` fills defaults. One statement per batch, a
 *   handful of parameters whatever the batch size, and the same SQL on PGlite and PostgreSQL.
 */
export class BulkWriter {
  private readonly tables = new Map<string, TableInfo>();
  private useCopy: boolean | undefined;
  readonly counts: Record<string, number> = {};

  constructor(
    private readonly db: Pick<pg.ClientBase, "query">,
    private readonly now: Date,
    private readonly batchSize = 5000,
    private readonly method: BulkMethod = "auto",
  ) {}

  /**
   * Inserts rows given with camelCase keys (the Prisma field names) into `table`; columns are
   * their snake_case forms. `updatedAt`, which Prisma fills in the client, defaults to `createdAt`
   * or the generation time.
   */
  async insert(table: string, camelRows: Row[]): Promise<void> {
    if (camelRows.length === 0) return;
    const info = await this.tableInfo(table);
    const columnTypes = info.columns;
    const hasUpdatedAt = columnTypes.has("updated_at");
    // Rows may leave optional fields out: the column list is the union of their keys, in order
    // of appearance. Each column is read from the row under its camelCase key.
    const keyOf = new Map<string, string>();
    let collision = false;
    for (const r of camelRows) {
      for (const k in r) {
        const c = snake(k);
        const seen = keyOf.get(c);
        if (seen === undefined) keyOf.set(c, k);
        else if (seen !== k) collision = true;
      }
      if (hasUpdatedAt && !keyOf.has("updated_at")) keyOf.set("updated_at", "updatedAt");
    }
    let rows = camelRows;
    if (collision) {
      // Two keys for one column (`createdAt` and `created_at`): the later one of a row wins.
      rows = camelRows.map((r) => {
        const out: Row = {};
        for (const k in r) out[snake(k)] = r[k];
        return out;
      });
      for (const c of keyOf.keys()) keyOf.set(c, c);
    }
    const columns = [...keyOf.keys()];
    for (const c of columns) if (!columnTypes.has(c)) throw new Error(`${table}.${c}: no such column`);
    const types = columns.map((c) => columnTypes.get(c)!);
    const createdAtKey = keyOf.get("created_at");
    const now = this.now;
    const getters = columns.map((c): ((r: Row) => unknown) => {
      const k = keyOf.get(c)!;
      if (c === "updated_at" && hasUpdatedAt) {
        return (r) => {
          const v = r[k];
          return v !== undefined ? v : ((createdAtKey === undefined ? undefined : r[createdAtKey]) ?? now);
        };
      }
      return (r) => r[k];
    });

    if (!info.rowSecurity && (await this.copyAvailable())) {
      // A row without a value for a NOT NULL column whose default only the server can compute.
      const needsServer = types.some((t, i) => t.fallback !== null && t.constant === null && rows.some((r) => getters[i]!(r) == null));
      if (!needsServer) {
        const encoders = types.map((t, i) => copyEncoder(t, getters[i]!));
        const written = await copyRows(this.db, table, columns, rows, encoders);
        if (written !== rows.length) throw new Error(`COPY ${table}: ${written} of ${rows.length} rows written`);
        this.counts[table] = (this.counts[table] ?? 0) + rows.length;
        return;
      }
    }

    const casts = columns.map((_, i) => `$${i + 1}::text[]`);
    const select = types.map(({ cast, fallback }, i) => (fallback ? `COALESCE(c${i}::${cast}, ${fallback})` : `c${i}::${cast}`));
    const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")})
      SELECT ${select.join(", ")} FROM unnest(${casts.join(", ")}) AS t(${columns.map((_, i) => `c${i}`).join(", ")})`;
    for (let start = 0; start < rows.length; start += this.batchSize) {
      const batch = rows.slice(start, start + this.batchSize);
      const params = types.map((t, i) => {
        const get = getters[i]!;
        return batch.map((r) => (t.json ? jsonText(get(r)) : toText(get(r))));
      });
      await this.db.query(sql, params);
    }
    this.counts[table] = (this.counts[table] ?? 0) + rows.length;
  }

  /** Whether to use COPY: decided once per writer (one server, one connection). */
  private async copyAvailable(): Promise<boolean> {
    if (this.useCopy === undefined) {
      if (this.method !== "auto") this.useCopy = this.method === "copy";
      // A Pool could run the COPY on any of its connections: only a client qualifies.
      else if (!("connection" in this.db)) this.useCopy = false;
      else {
        const { rows } = await this.db.query<{ v: string }>("SELECT version() AS v");
        this.useCopy = !/PGlite|emscripten/i.test(rows[0]!.v);
      }
    }
    return this.useCopy;
  }

  private async tableInfo(table: string): Promise<TableInfo> {
    let info = this.tables.get(table);
    if (info) return info;
    const { rows } = await this.db.query<{
      column_name: string;
      data_type: string;
      udt_name: string;
      is_nullable: string;
      column_default: string | null;
      rls: boolean;
    }>(
      `SELECT column_name, data_type, udt_name, is_nullable, column_default, row_security_active(format('%I', $1::text)) AS rls
         FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = $1`,
      [table],
    );
    if (rows.length === 0) throw new Error(`no table ${table}`);
    const columns = new Map(
      rows.map((r): [string, ColumnType] => {
        const udt = r.data_type === "ARRAY" ? r.udt_name.slice(1) : r.udt_name;
        const base = r.data_type === "USER-DEFINED" || r.data_type === "ARRAY" ? `"${udt}"` : udt;
        const fallback = r.is_nullable === "NO" ? r.column_default : null;
        const cast = r.data_type === "ARRAY" ? `${base}[]` : base;
        return [r.column_name, { cast, fallback, constant: null, json: /^jsonb?$/.test(cast) }];
      }),
    );
    // The literal defaults as the server prints them (and reads them back).
    const literals = [...columns.values()].filter((t) => t.fallback !== null && isLiteral(t.fallback));
    if (literals.length > 0) {
      const { rows: texts } = await this.db.query<Record<string, string | null>>(
        `SELECT ${literals.map((t, i) => `(${t.fallback})::${t.cast}::text AS v${i}`).join(", ")}`,
      );
      literals.forEach((t, i) => (t.constant = texts[0]![`v${i}`] ?? null));
    }
    info = { columns, rowSecurity: rows[0]!.rls };
    this.tables.set(table, info);
    return info;
  }
}

/**
 * A default without function calls or special values: a number, a boolean or a quoted literal
 * with casts (`'OPEN'::task_status`, `'{}'::text[]`). Its value never changes.
 */
function isLiteral(expression: string): boolean {
  return /^\(?(?:-?\d+(?:\.\d+)?|true|false|'(?:[^']|'')*'|ARRAY\[\])\)?(?:::(?:"[^"]+"|[a-z_][\w ]*)(?:\[\])?)*$/i.test(expression.trim());
}

/**
 * A column's field in COPY text format: `copyEscape(toText(value))` (or `jsonText`), `\N` for
 * NULL, the default's text for a missing value where the default is a literal. Numbers,
 * booleans and dates never contain a character that needs escaping.
 */
function copyEncoder(type: ColumnType, get: (r: Row) => unknown): (r: Row) => string {
  const missing = type.fallback !== null && type.constant !== null ? copyEscape(type.constant) : "\\N";
  if (type.json) {
    return (r) => {
      const v = get(r);
      return v == null ? missing : copyEscape(JSON.stringify(v));
    };
  }
  return (r) => {
    const v = get(r);
    if (v == null) return missing;
    switch (typeof v) {
      case "string":
        return copyEscape(v);
      case "number":
      case "boolean":
      case "bigint":
        return String(v);
      default:
        return v instanceof Date ? v.toISOString() : copyEscape(toText(v)!);
    }
  };
}

/** Text of a JSON column's value. */
function jsonText(v: unknown): string | null {
  return v != null ? JSON.stringify(v) : toText(v);
}

/** Text form of a value for a text[] parameter; arrays become PostgreSQL array literals. */
function toText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return `{${v.map((x) => `"${String(x).replace(/["\\]/g, "\\$&")}"`).join(",")}}`;
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

const snakeNames = new Map<string, string>();

function snake(name: string): string {
  let s = snakeNames.get(name);
  if (s === undefined) snakeNames.set(name, (s = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)));
  return s;
}
