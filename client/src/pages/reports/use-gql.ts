import { useClient } from "@urql/solid";
import type { CombinedError, DocumentInput } from "@urql/core";
import { createEffect, createSignal, on } from "solid-js";

export interface GqlState<T> {
  data: () => T | undefined;
  error: () => CombinedError | undefined;
  loading: () => boolean;
  retry: () => void;
}

/**
 * A query whose document may change with its variables (one alias per estate or per period),
 * which @urql/solid's createQuery cannot do. Null pauses it. A late answer to a request that has
 * been replaced is dropped; the previous data stays on screen until the new answer arrives.
 */
export function createGql<T, V extends Record<string, unknown>>(
  request: () => { query: DocumentInput<T, V> | string; variables: V } | null,
): GqlState<T> {
  const client = useClient();
  const [data, setData] = createSignal<T>();
  const [error, setError] = createSignal<CombinedError>();
  const [loading, setLoading] = createSignal(true);
  let sequence = 0;

  const run = async (r: ReturnType<typeof request>, requestPolicy: "cache-first" | "network-only") => {
    const mine = ++sequence;
    if (!r) {
      setLoading(false);
      return;
    }
    setLoading(true);
    const result = await client.query<T, V>(r.query as DocumentInput<T, V>, r.variables, { requestPolicy }).toPromise();
    if (mine !== sequence) return;
    setError(() => result.error);
    if (result.data) setData(() => result.data as T);
    setLoading(false);
  };
  // Tracks only the request's own reads; a structurally equal request is not sent again.
  let last = "";
  createEffect(
    on(request, (r) => {
      const key = JSON.stringify(r);
      if (key === last) return;
      last = key;
      void run(r, "cache-first");
    }),
  );
  return { data, error, loading, retry: () => void run(request(), "network-only") };
}
