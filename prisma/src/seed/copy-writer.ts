import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/**
 * `COPY table (columns) FROM STDIN` in PostgreSQL's text format: one line per row, fields
 * separated by tabs, `\N` for NULL, and backslash, tab, newline and carriage return escaped
 * with a backslash. Each field is the same text the INSERT path casts (the type's input
 * function reads it), so both paths store identical values.
 *
 * COPY needs a single connection (a `pg.Client` or `PoolClient`, not a Pool); it works inside
 * the caller's transaction. Rows are streamed in chunks, so the whole text is never in memory.
 */
export async function copyRows<R>(
  client: Pick<pg.ClientBase, "query">,
  table: string,
  columns: readonly string[],
  rows: readonly R[],
  /** Per column: the field's text, already escaped (`copyEscape`), or `\N`. */
  fields: readonly ((row: R) => string)[],
  chunkRows = 1000,
): Promise<number> {
  const sql = `COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`;
  const stream = client.query(copyFrom(sql));
  const last = fields.length - 1;
  async function* chunks() {
    for (let start = 0; start < rows.length; start += chunkRows) {
      let text = "";
      const end = Math.min(rows.length, start + chunkRows);
      for (let i = start; i < end; i++) {
        const row = rows[i]!;
        for (let f = 0; f < last; f++) text += fields[f]!(row) + "\t";
        text += fields[last]!(row) + "\n";
      }
      yield Buffer.from(text, "utf8");
    }
  }
  await pipeline(chunks, stream);
  return stream.rowCount;
}

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** Escapes a field value for COPY text format (not for NULL, which is `\N`). */
export function copyEscape(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPES[c]!) : value;
}
