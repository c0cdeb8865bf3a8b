import { GraphQLError } from "graphql";
import { maskError as defaultMaskError } from "graphql-yoga";
import { PothosValidationError } from "@pothos/core";
import { ForbiddenError, InputError, NotFoundError } from "./errors/typed-errors.ts";
import { text as catalogue } from "./i18n/messages.ts";

/**
 * Errors a caller should see keep a stable code (also when a query, which has no typed payload,
 * throws them); everything else is "Unexpected error." so that no SQL, stack or personal data
 * leaks. The typed errors' messages are written never to quote a protected value.
 */
export function maskError(error: unknown, message: string, isDev?: boolean): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  const path = error instanceof GraphQLError ? error.path : undefined;
  // The GraphQL error's text: the original's, or its translation (http/localized-errors.ts).
  const text = error instanceof GraphQLError ? error.message : ((original as Error | undefined)?.message ?? message);
  if (original instanceof InputError)
    return new GraphQLError(text, { path, extensions: { code: "BAD_USER_INPUT", field: original.field } });
  if (original instanceof ForbiddenError) return new GraphQLError(text, { path, extensions: { code: "FORBIDDEN" } });
  if (original instanceof NotFoundError) return new GraphQLError(text, { path, extensions: { code: "NOT_FOUND" } });
  // Issue 15 item 16: a malformed cursor, global ID or connection argument is the caller's mistake.
  if (original instanceof PothosValidationError) {
    const cursor = /cursor/i.test(original.message);
    return new GraphQLError(cursor ? catalogue("badCursor", "en") : original.message, {
      path,
      extensions: { code: "BAD_USER_INPUT", ...(cursor ? { field: "after" } : {}) },
    });
  }
  // An id that decodes but is no UUID reached PostgreSQL (a cursor's key): the caller's input too.
  if (/invalid input syntax for type uuid|Error creating UUID/i.test((original as Error | undefined)?.message ?? "")) {
    return new GraphQLError(catalogue("badId", "en"), { path, extensions: { code: "BAD_USER_INPUT" } });
  }
  return defaultMaskError(error, message, isDev);
}
