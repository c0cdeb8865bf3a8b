import { AsyncLocalStorage } from "node:async_hooks";
import type { GraphQLSchema } from "graphql";
import type { Context } from "./context.ts";

/**
 * "Bad input changes nothing", per mutation: each top-level mutation field runs inside a savepoint
 * of the request's transaction. A field that answers with a typed error (a union payload: bad
 * input, conflict, illegal step) is rolled back to its savepoint, so it leaves nothing half-done
 * while the operation's other fields keep what they did and reported. A field that throws is
 * rolled back the same way (the whole operation then rolls back, see request-transaction.ts).
 */
const KEEPS_WRITES = Symbol("keepsWrites");

/**
 * For the one refusal whose writes must stand: a failed sign-in answers with a typed error and
 * still records the attempt, or the rate limit could be outrun.
 */
export function keepingWrites<E extends Error>(error: E): E {
  Object.defineProperty(error, KEEPS_WRITES, { value: true });
  return error;
}

/** The mutation field being resolved, and whether it answered with a typed error. */
const currentField = new AsyncLocalStorage<{ refused: boolean }>();

/** The errors plugin reports each error it turns into a payload here (builder.ts). */
export function noteTypedError(error: Error): void {
  const state = currentField.getStore();
  if (state && !(error as unknown as Record<symbol, unknown>)[KEEPS_WRITES]) state.refused = true;
}

export function withMutationSavepoints(schema: GraphQLSchema): GraphQLSchema {
  const mutation = schema.getMutationType();
  if (!mutation) return schema;
  for (const field of Object.values(mutation.getFields())) {
    const resolve = field.resolve;
    if (!resolve) continue;
    field.resolve = async (source, args, ctx: Context, info) => {
      // Only inside the request's transaction (set up before execution); never on the owner client.
      if (!ctx.inTransaction) return resolve(source, args, ctx, info);
      await ctx.prisma.$executeRawUnsafe("SAVEPOINT mutation_field");
      try {
        const state = { refused: false };
        const result = await currentField.run(state, async () => resolve(source, args, ctx, info));
        await ctx.prisma.$executeRawUnsafe(state.refused ? "ROLLBACK TO SAVEPOINT mutation_field" : "RELEASE SAVEPOINT mutation_field");
        return result;
      } catch (e) {
        await ctx.prisma.$executeRawUnsafe("ROLLBACK TO SAVEPOINT mutation_field");
        throw e;
      }
    };
  }
  return schema;
}
