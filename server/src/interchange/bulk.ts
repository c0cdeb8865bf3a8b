import { sqlOf, type Db, type Sql } from "./connection.ts";

export type { Db } from "./connection.ts";
export type BulkRow = Record<string, unknown>;

/**
 * Set-based writes inside the caller's transaction (row-level security applies there, so COPY is
 * refused): one `INSERT … SELECT … FROM unnest($1::uuid[], $2::int8[], …)` per table and batch of
 * thousands of rows, each column of the batch travelling as one array literal (a single string
 * parameter, read by the element type's own input function), on the transaction's connection
 * (connection.ts). An `UPDATE … FROM unnest(…)` by id likewise.
 *
 * Statements are queued: `add`/`change` encode the batch at once and return; the statements run
 * one after another on the connection while the caller prepares the next rows (`flush` waits, and
 * throws the first error; after an error nothing more is sent, and the transaction's owner rolls
 * it back). `insert`/`update` are add/change and flush in one.
 *
 * Rows use the Prisma field names (camelCase); columns are their snake_case forms. An insert names
 * only the columns its rows give (the others take their defaults); every insert gives `id` (so the
 * caller knows it) and `updated_at` where the table has one (Prisma fills it in the client). Values:
 * strings, numbers, booleans, Dates, null; a plain array for an array column (text[]); anything
 * in a json/jsonb column is JSON.
 */
export class BulkWriter {
  private tail: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly db: Db,
    private readonly batchSize = 5000,
  ) {}

  /** Queues the inserts of `rows`. */
  add(table: string, rows: readonly BulkRow[]): void {
    this.batches(table, rows, (columns) => {
      const list = columns.map((c) => `"${c.name}"`).join(", ");
      return `INSERT INTO "${table}" (${list}) SELECT ${columns.map((c) => c.value).join(", ")} FROM ${unnest(columns)}`;
    });
  }

  /** Queues updates by `id`: each column the rows give is set to the row's value. */
  change(table: string, rows: readonly BulkRow[]): void {
    this.batches(table, rows, (columns) => {
      const set = columns
        .filter((c) => c.name !== "id")
        .map((c) => `"${c.name}" = ${c.value}`)
        .join(", ");
      return `UPDATE "${table}" AS x SET ${set} FROM ${unnest(columns)} WHERE x.id = u.id`;
    });
  }

  /** Finds the connection and the tables' columns now, so that the first statements need no round trip of their own. */
  async prepare(): Promise<void> {
    await columnTypes(await sqlOf(this.db), null);
  }

  async insert(table: string, rows: readonly BulkRow[]): Promise<void> {
    this.add(table, rows);
    await this.flush();
  }

  async update(table: string, rows: readonly BulkRow[]): Promise<void> {
    this.change(table, rows);
    await this.flush();
  }

  /** Queues a statement of the caller's own (its parameters as they are). */
  statement(text: string, params: readonly unknown[]): void {
    this.tail = this.tail.then(async () => {
      if (this.failure) return;
      try {
        await (await sqlOf(this.db)).run(text, params);
      } catch (error) {
        this.failure ??= { error };
      }
    });
  }

  /** Runs `fn` once every statement queued so far is done (not after an error). */
  after(fn: () => void): void {
    this.tail = this.tail.then(() => {
      if (!this.failure) fn();
    });
  }

  /**
   * Sends nothing more and waits for the statement on its way. Whoever gives up on a writer (an
   * error while preparing rows) must call this before the transaction is rolled back: a statement
   * sent after the ROLLBACK would run outside the transaction.
   */
  async stop(): Promise<void> {
    this.failure ??= { error: new Error("The bulk writer was stopped") };
    await this.tail.catch(() => {});
  }

  /** Waits for every queued statement; throws the first error. */
  async flush(): Promise<void> {
    await this.tail;
    if (this.failure) throw this.failure.error;
  }

  /**
   * Rows giving different columns go in different statements: a column a row does not give keeps
   * its default (insert) or its value (update), never a NULL it did not ask for.
   */
  private batches(table: string, rows: readonly BulkRow[], text: (columns: Encoded[]) => string): void {
    for (const group of byColumns(rows)) {
      for (let start = 0; start < group.length; start += this.batchSize) {
        const batch = group.slice(start, start + this.batchSize);
        // The values are encoded now when the table's columns are known (so that the statement can
        // go out while the caller goes on), else once they are.
        const known = resolvedColumns.get(table);
        const early = known && encode(table, batch, known);
        this.tail = this.tail.then(async () => {
          if (this.failure) return;
          try {
            const sql = await sqlOf(this.db);
            const columns = early || encode(table, batch, await columnTypes(sql, table));
            await sql.run(
              text(columns),
              columns.map((c) => c.param),
            );
          } catch (error) {
            this.failure ??= { error };
          }
        });
      }
    }
  }
}

/** The rows grouped by the fields they give (in order of first appearance; usually one group). */
function byColumns(rows: readonly BulkRow[]): BulkRow[][] {
  const groups = new Map<string, BulkRow[]>();
  let last: string | null = null;
  let lastGroup: BulkRow[] | null = null;
  for (const r of rows) {
    const key = Object.keys(r).join(",");
    if (key !== last) {
      last = key;
      lastGroup = groups.get(key) ?? null;
      if (!lastGroup) groups.set(key, (lastGroup = []));
    }
    lastGroup!.push(r);
  }
  return [...groups.values()];
}

/** Lets queued statements go out (and their answers in) while the caller goes on preparing rows. */
export function yieldToIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A yield every `ms` of work: each queued statement needs a turn of the event loop to be answered
 * and the next one sent, so a long stretch of computing would leave the database waiting.
 */
export function ticker(ms = 10): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    const now = performance.now();
    if (now - last < ms) return undefined;
    last = now;
    return yieldToIo();
  };
}

interface ColumnType {
  type: string;
  array: boolean;
  json: boolean;
}
let allColumns: Promise<Map<string, Map<string, ColumnType>>> | null = null;
const resolvedColumns = new Map<string, Map<string, ColumnType>>();

/**
 * The type of each column of a table, from the catalogue: every table of the schema in one query,
 * once per process (the schema only changes at startup, by the migrations).
 */
async function columnTypes(sql: Sql, table: string): Promise<Map<string, ColumnType>>;
async function columnTypes(sql: Sql, table: null): Promise<null>;
async function columnTypes(sql: Sql, table: string | null): Promise<Map<string, ColumnType> | null> {
  if (!allColumns) {
    allColumns = sql
      .rows<{ tbl: string; name: string; type: string; is_array: boolean }>(
        `SELECT c.relname::text AS tbl, a.attname::text AS name, format_type(a.atttypid, NULL) AS type, t.typcategory = 'A' AS is_array
         FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid JOIN pg_type t ON t.oid = a.atttypid
        WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`,
      )
      .then((rows) => {
        const tables = new Map<string, Map<string, ColumnType>>();
        for (const r of rows) {
          if (!tables.has(r.tbl)) tables.set(r.tbl, new Map());
          tables.get(r.tbl)!.set(r.name, { type: r.type, array: r.is_array, json: r.type === "jsonb" || r.type === "json" });
        }
        for (const [name, columns] of tables) resolvedColumns.set(name, columns);
        return tables;
      });
    allColumns.catch(() => (allColumns = null));
  }
  const all = await allColumns;
  if (table === null) return null;
  const found = all.get(table);
  if (!found) throw new Error(`No table ${table}`);
  return found;
}

/**
 * One column of a batch: its parameter and the select-list expression that reads it. A column
 * with one value for the whole batch (the organisation, the import's instant, an absent actor) is
 * one scalar parameter; any other is an array literal, unnested with the rest. Instants travel as
 * epoch milliseconds (exact, and much cheaper to write and to read than ISO text); an array
 * column's values as text[] of array literals, cast in the select list.
 */
interface Encoded {
  name: string;
  param: string | null;
  value: string;
  unnest: string | null;
}

function encode(table: string, rows: readonly BulkRow[], types: Map<string, ColumnType>): Encoded[] {
  const out: Encoded[] = [];
  for (const field of fieldsOf(rows)) {
    const name = snake(field);
    const t = types.get(name);
    if (!t) throw new Error(`${table} has no column ${name}`);
    const n = out.length + 1;
    // The first column (the id) is always unnested: it carries the rows.
    if (n > 1 && constant(rows, field)) {
      out.push({ name, param: scalar(rows[0]![field], t), value: `$${n}::${t.type}`, unnest: null });
    } else if (t.type === "timestamp with time zone" && rows.every((r) => r[field] == null || r[field] instanceof Date)) {
      out.push({
        name,
        param: literal(rows, field, (v) => String((v as Date).getTime())),
        value: `'epoch'::timestamptz + u."${name}" * interval '1 millisecond'`,
        unnest: `$${n}::int8[]`,
      });
    } else if (t.array) {
      out.push({ name, param: literal(rows, field, (v) => quote(arrayText(v))), value: `u."${name}"::${t.type}`, unnest: `$${n}::text[]` });
    } else {
      out.push({
        name,
        param: literal(rows, field, t.json ? (v) => quote(JSON.stringify(v)) : element),
        value: `u."${name}"`,
        unnest: `$${n}::${t.type}[]`,
      });
    }
  }
  return out;
}

function unnest(columns: Encoded[]): string {
  const arrays = columns.filter((c) => c.unnest);
  return `unnest(${arrays.map((c) => c.unnest).join(", ")}) AS u(${arrays.map((c) => `"${c.name}"`).join(", ")})`;
}

/** The fields of a batch's rows (all give the same ones), `id` first. */
function fieldsOf(rows: readonly BulkRow[]): string[] {
  const keys = Object.keys(rows[0]!);
  return keys.includes("id") ? ["id", ...keys.filter((k) => k !== "id")] : keys;
}

function constant(rows: readonly BulkRow[], field: string): boolean {
  const first = rows[0]![field] ?? null;
  if (first !== null && typeof first === "object" && !(first instanceof Date)) return false;
  const time = first instanceof Date ? first.getTime() : null;
  for (let i = 1; i < rows.length; i++) {
    const v = rows[i]![field] ?? null;
    if (v === first) continue;
    if (time !== null && v instanceof Date && v.getTime() === time) continue;
    return false;
  }
  return true;
}

function scalar(v: unknown, t: ColumnType): string | null {
  if (v === null || v === undefined) return null;
  if (t.json) return JSON.stringify(v);
  if (t.array) return arrayText(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "boolean") return v ? "t" : "f";
  return String(v);
}

/** A column of a batch as a PostgreSQL array literal: `{"a","b\"c",NULL,…}`. */
function literal(rows: readonly BulkRow[], field: string, text: (v: unknown) => string): string {
  const parts = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const v = rows[i]![field];
    parts[i] = v === null || v === undefined ? "NULL" : text(v);
  }
  return `{${parts.join(",")}}`;
}

function arrayText(v: unknown): string {
  if (!Array.isArray(v)) throw new Error("An array column takes arrays");
  return `{${v.map((x) => (x === null || x === undefined ? "NULL" : element(x))).join(",")}}`;
}

const ESCAPE = /[\\"]/;
const ESCAPES = /[\\"]/g;

function element(v: unknown): string {
  switch (typeof v) {
    case "string":
      return quote(v);
    case "number":
      if (!Number.isFinite(v)) throw new Error("A bulk value is not a finite number");
      return String(v);
    case "boolean":
      return v ? "t" : "f";
    case "bigint":
      return String(v);
  }
  if (v instanceof Date) return v.toISOString();
  return quote(JSON.stringify(v));
}

function quote(s: string): string {
  return ESCAPE.test(s) ? `"${s.replace(ESCAPES, "\\$&")}"` : `"${s}"`;
}

const snakeNames = new Map<string, string>();
function snake(name: string): string {
  let s = snakeNames.get(name);
  if (s === undefined) snakeNames.set(name, (s = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)));
  return s;
}

/** A list of texts as one array-literal parameter (`$1::text[]`). */
export function textArray(values: readonly string[]): string {
  return `{${values.map(quote).join(",")}}`;
}

/** Splits a list for `IN (…)` lookups, so that no statement carries too many parameters. */
export function chunks<T>(items: readonly T[], size = 5000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
