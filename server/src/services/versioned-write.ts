/**
 * Optimistic concurrency, written once: a record is updated only if it is still at the version
 * the caller read; otherwise nothing is written and the caller gets its record type's conflict
 * error carrying the version now stored ("Concurrent edits never silently overwrite each other").
 */

/** The two calls of a Prisma model delegate this needs (every versioned model has them). */
interface VersionedModel<Data> {
  updateMany(args: { where: { id: string; version: number }; data: Data }): PromiseLike<{ count: number }>;
  findUniqueOrThrow(args: { where: { id: string }; select: { version: true } }): PromiseLike<{ version: number }>;
}

/**
 * Writes `data` to `row` if it is still at `row.version` (the version is incremented), else
 * throws `conflict(id, currentVersion)`.
 */
export async function writeAtVersion<Data extends object>(
  model: VersionedModel<Data>,
  row: { id: string; version: number },
  data: Data,
  conflict: (id: string, currentVersion: number) => Error,
): Promise<void> {
  const updated = await model.updateMany({
    where: { id: row.id, version: row.version },
    data: { ...data, version: { increment: 1 } } as Data,
  });
  if (updated.count > 0) return;
  const now = await model.findUniqueOrThrow({ where: { id: row.id }, select: { version: true } });
  throw conflict(row.id, now.version);
}
