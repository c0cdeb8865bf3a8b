import type pg from "pg";

type Db = Pick<pg.ClientBase, "query">;

/**
 * Bulk-load mode: inside the seed's one transaction, the foreign keys and secondary indexes of
 * the schema's tables are saved (their exact `pg_get_constraintdef` / `pg_get_indexdef` text)
 * and dropped before loading, and recreated from that text afterwards. Checking a foreign key
 * per row and updating a dozen B-trees on random UUIDs per row is what makes a big seed slow;
 * building each index once from the finished table and validating each foreign key with one
 * join is several times cheaper.
 *
 * Nothing is taken on trust: recreating a unique index re-checks uniqueness and re-adding a
 * foreign key re-checks every row (also the rows of other organisations), so a seed that would
 * break a constraint fails, and since PostgreSQL's DDL is transactional the failure rolls back
 * the data and the drops together. Primary keys, CHECK and NOT NULL constraints stay in place.
 *
 * The catch: DROP INDEX takes an ACCESS EXCLUSIVE lock, so other sessions cannot read the
 * tables until the seed commits. Meant for loading big demo data, not for a database in use.
 */
export interface DroppedConstraints {
  /** In the order they were found; recreated in this order. */
  indexes: { table: string; name: string; definition: string }[];
  /** `definition` ends in NOT VALID for a foreign key that was not validated, so it is re-added so. */
  foreignKeys: { table: string; name: string; definition: string }[];
}

/** Indexes are built with at least this much memory (it also sizes the foreign-key checks' joins). */
const MAINTENANCE_WORK_MEM = "1GB";

/** True when the server is PGlite (embedded WASM PostgreSQL) rather than a PostgreSQL server. */
export async function isPGlite(db: Db): Promise<boolean> {
  const { rows } = await db.query<{ v: string }>("SELECT version() AS v");
  return /PGlite|emscripten/i.test(rows[0]!.v);
}

/**
 * Saves and drops the foreign keys and the secondary indexes (plain and unique, not those of
 * primary-key, unique or exclusion constraints) of the ordinary tables of the current schema,
 * except Prisma's `_prisma_migrations`. Left alone, so that recreating them could not change
 * anything the saved text does not hold: objects with a comment, clustered or replica-identity
 * indexes, indexes in a non-default tablespace or with per-column statistics targets, invalid
 * indexes, partition pieces, and an index a foreign key that stays in place depends on.
 * Must run inside a transaction; `restoreConstraints` undoes it.
 */
export async function dropConstraints(db: Db): Promise<DroppedConstraints> {
  const tables = `SELECT t.oid FROM pg_class t
     WHERE t.relnamespace = current_schema()::regnamespace AND t.relkind = 'r' AND t.relname <> '_prisma_migrations'`;
  const { rows: fks } = await db.query<{ oid: string; table: string; name: string; definition: string }>(
    `SELECT c.oid::text AS oid, c.conrelid::regclass::text AS table, quote_ident(c.conname) AS name,
            pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c
      WHERE c.contype = 'f' AND c.conrelid IN (${tables}) AND c.conparentid = 0 AND c.coninhcount = 0
        AND NOT EXISTS (SELECT 1 FROM pg_description d WHERE d.classoid = 'pg_constraint'::regclass AND d.objoid = c.oid)
      ORDER BY c.conrelid::regclass::text, c.conname`,
  );
  const { rows: indexes } = await db.query<{ table: string; name: string; definition: string }>(
    `SELECT i.indrelid::regclass::text AS table, i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid
      WHERE i.indrelid IN (${tables}) AND NOT i.indisprimary AND NOT i.indisclustered AND NOT i.indisreplident
        AND i.indisvalid AND i.indisready AND i.indislive AND x.reltablespace = 0
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype <> 'f')
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype = 'f' AND NOT c.oid = ANY($1::oid[]))
        AND NOT EXISTS (SELECT 1 FROM pg_description d WHERE d.classoid = 'pg_class'::regclass AND d.objoid = i.indexrelid)
        AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = i.indexrelid)
        AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = i.indexrelid AND a.attstattarget > 0)
      ORDER BY i.indrelid::regclass::text, x.relname`,
    [fks.map((f) => f.oid)],
  );
  const byTable = new Map<string, string[]>();
  for (const f of fks) (byTable.get(f.table) ?? byTable.set(f.table, []).get(f.table)!).push(`DROP CONSTRAINT ${f.name}`);
  // One ALTER TABLE per table, then the indexes (foreign keys may depend on unique indexes).
  const statements = [...byTable].map(([table, drops]) => `ALTER TABLE ${table} ${drops.join(", ")}`);
  if (indexes.length > 0) statements.push(`DROP INDEX ${indexes.map((i) => i.name).join(", ")}`);
  if (statements.length > 0) await db.query(statements.join(";\n"));
  return { indexes, foreignKeys: fks.map(({ oid: _, ...f }) => f) };
}

/**
 * Recreates what `dropConstraints` dropped, from the saved definitions: the indexes first
 * (building a unique index re-checks uniqueness), then the foreign keys, each validated against
 * every row of its table by one join (a foreign key that was NOT VALID before is added NOT VALID
 * again). Plain ADD CONSTRAINT: adding NOT VALID and then VALIDATE CONSTRAINT runs the same
 * check and measured no faster (16.8-18.3 s either way for 266 keys at scale 40). Raises
 * maintenance_work_mem for the rest of the transaction when it is lower.
 */
export async function restoreConstraints(db: Db, dropped: DroppedConstraints, onProgress?: (message: string) => void): Promise<void> {
  await db.query(
    `SELECT set_config('maintenance_work_mem', $1, true)
    WHERE pg_size_bytes(current_setting('maintenance_work_mem')) < pg_size_bytes($1)`,
    [MAINTENANCE_WORK_MEM],
  );
  let started = Date.now();
  for (const index of dropped.indexes) await db.query(index.definition);
  onProgress?.(`${dropped.indexes.length} indexes rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  started = Date.now();
  for (const fk of dropped.foreignKeys) await db.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${fk.name} ${fk.definition}`);
  onProgress?.(`${dropped.foreignKeys.length} foreign keys re-added and validated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * ANALYZE of the tables a bulk load wrote, before the SQL steps that follow it (access.ts). The
 * tables were empty at the start of the transaction and have no indexes but their primary keys
 * yet, so without statistics the planner takes them for tiny and joins them in nested loops:
 * at scale 200 the designation query of access.ts was cancelled after 8 minutes that way (0.25 s
 * at scale 10). ANALYZE samples a fixed number of rows per table and also sees the rows this
 * transaction wrote; the statistics serve the application afterwards too.
 */
export async function analyzeTables(db: Db, tables: readonly string[]): Promise<void> {
  if (tables.length > 0) await db.query(`ANALYZE ${tables.map((t) => `"${t.replace(/"/g, '""')}"`).join(", ")}`);
}
