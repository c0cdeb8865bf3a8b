import { AsyncLocalStorage } from "node:async_hooks";

/**
 * "Bad input changes nothing": a mutation that answers with a typed error (a union payload, not
 * a GraphQL error) must still roll back whatever it wrote before it found the problem. The
 * errors plugin reports every error it turns into a payload here; the request transaction asks
 * at the end whether its operation had one.
 */
const operation = new AsyncLocalStorage<{ failed: boolean }>();

export function runOperation<T>(fn: () => Promise<T>): Promise<{ result: T; typedFailure: boolean }> {
  const state = { failed: false };
  return operation.run(state, async () => ({ result: await fn(), typedFailure: state.failed }));
}

const KEEPS_WRITES = Symbol("keepsWrites");

/**
 * For the one refusal whose writes must stand: a failed sign-in answers with a typed error and
 * still records the attempt, or the rate limit could be outrun.
 */
export function keepingWrites<E extends Error>(error: E): E {
  Object.defineProperty(error, KEEPS_WRITES, { value: true });
  return error;
}

export function noteTypedFailure(error: Error): void {
  if ((error as unknown as Record<symbol, unknown>)[KEEPS_WRITES]) return;
  const state = operation.getStore();
  if (state) state.failed = true;
}
