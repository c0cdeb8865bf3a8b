import type { CombinedError } from "@urql/core";
import type { RowOutcome } from "./row-editing.ts";
import { requestErrorText } from "../../graphql/error-text.ts";

/** A mutation's union payload as the API answers it (schema.graphql: `… on Error { message }`, `… on InputError { field }`). */
export interface MutationPayload<R> {
  __typename: string;
  message?: string;
  field?: string;
  data?: R;
  /** The record as it is now (the *ConflictError types). */
  current?: R;
}

/**
 * A row mutation's answer as a RowOutcome: the stored row, a stale version with the current row,
 * or a refusal on the column its input field names (`input.method` → the method column); a
 * refusal naming no column of the grid lands on `fallback`. A GraphQL or network error throws,
 * and the row editing shows its message like a refusal.
 */
export function rowOutcome<R, T>(
  result: { data?: Record<string, MutationPayload<R>> | null; error?: CombinedError },
  map: (r: R) => T,
  column: (inputField: string) => string | undefined,
  fallback: string,
): RowOutcome<T> {
  const payload = result.data ? Object.values(result.data)[0] : undefined;
  if (!payload) throw new Error(requestErrorText(result.error));
  if (payload.data) return { kind: "saved", row: map(payload.data) };
  const message = payload.message ?? payload.__typename;
  if (payload.current) return { kind: "conflict", current: map(payload.current), message };
  return { kind: "invalid", field: (payload.field && column(payload.field)) || fallback, message };
}
