import type { Context } from "../access/context.ts";

/**
 * Batches per request: the resolvers of one list ask for their keys in the same tick, and one
 * query answers them all (no query per row, and never two queries at once on the request's
 * transaction).
 */
interface Batch {
  keys: Set<string>;
  result: Promise<Map<string, unknown>>;
}
const batches = new WeakMap<Context, Map<string, Batch>>();

export function batched<V>(
  ctx: Context,
  name: string,
  key: string,
  load: (keys: string[]) => Promise<Map<string, V>>,
): Promise<V | undefined> {
  let open = batches.get(ctx);
  if (!open) batches.set(ctx, (open = new Map()));
  let batch = open.get(name);
  if (!batch) {
    const keys = new Set<string>();
    const result = new Promise<void>((r) => setImmediate(r)).then(() => {
      // From now on a key starts the next batch.
      open!.delete(name);
      return load([...keys]) as Promise<Map<string, unknown>>;
    });
    open.set(name, (batch = { keys, result }));
  }
  batch.keys.add(key);
  return batch.result.then((m) => m.get(key) as V | undefined);
}

/** A Pothos query (select or include) that also selects the id the rows are keyed by. */
export function withId<Q extends object>(query: Q): Q {
  const q = query as { select?: Record<string, unknown> };
  return (q.select ? { ...query, select: { ...q.select, id: true } } : query) as Q;
}

/**
 * The row of `id` loaded with those every other row of the page asked for in the same tick: one
 * `load` per field, selection and request. `load` gets the query with the id selected and applies
 * the caller's scope; a row it does not return (outside the scope) is undefined.
 */
export function batchedById<Q extends object, R>(
  ctx: Context,
  name: string,
  query: Q,
  id: string,
  load: (query: Q, ids: string[]) => Promise<R[]>,
): Promise<R | undefined> {
  return batched(
    ctx,
    `${name} ${JSON.stringify(query)}`,
    id,
    async (ids) => new Map((await load(withId(query), ids)).map((r) => [(r as { id: string }).id, r])),
  );
}
