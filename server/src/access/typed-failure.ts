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

export function noteTypedFailure(): void {
  const state = operation.getStore();
  if (state) state.failed = true;
}
