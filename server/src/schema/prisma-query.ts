/**
 * Pothos passes `{ select: {} }` when a mutation's caller selects only `__typename` of the
 * payload, which Prisma refuses; an empty selection is served by the id alone.
 */
export function nonEmpty<Q extends object>(query: Q): Q {
  const select = (query as { select?: object }).select;
  return select && Object.keys(select).length === 0 ? ({ ...query, select: { id: true } } as Q) : query;
}
