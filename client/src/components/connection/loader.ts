import { createEffect, createSignal, on } from "solid-js";

export interface Loader<T> {
  /** The rows of the last answer (kept while the next one loads). */
  value: () => T | undefined;
  loading: () => boolean;
  error: () => Error | undefined;
  reload: () => void;
}

/**
 * Loads `fetch(source())` whenever the source changes, without suspending the page: the previous
 * answer stays on screen while the next loads, and an answer to an older source is dropped.
 */
export function createLoader<S, T>(source: () => S | undefined, fetch: (s: S) => Promise<T>): Loader<T> {
  const [value, setValue] = createSignal<T>();
  const [loading, setLoading] = createSignal(false);
  const [error, setError] = createSignal<Error>();
  let ticket = 0;
  const run = async (s: S | undefined) => {
    const mine = ++ticket;
    if (s === undefined) {
      setValue(undefined);
      return;
    }
    setLoading(true);
    setError(undefined);
    try {
      const v = await fetch(s);
      if (mine === ticket) setValue(() => v);
    } catch (e) {
      if (mine === ticket) setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      if (mine === ticket) setLoading(false);
    }
  };
  createEffect(on(source, (s) => void run(s)));
  return { value, loading, error, reload: () => void run(source()) };
}
