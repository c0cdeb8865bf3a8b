import { GraphQLError, type ExecutionResult } from "graphql";

/**
 * Issue 15 item 2: graphql-js appends "Did you mean …?" to unknown fields, arguments, types and
 * enum values, which lets an anonymous caller spell out the schema that introspection hides from
 * them. For such callers the hint is cut (as graphql-armor's block-field-suggestions does); the
 * error itself and its code stay.
 */
const SUGGESTION = /\s*Did you mean .*$/s;

export function hasSuggestions(result: ExecutionResult): boolean {
  return !!result.errors?.some((e) => SUGGESTION.test(e.message));
}

export function withoutSuggestions(result: ExecutionResult): ExecutionResult {
  if (!result.errors) return result;
  return {
    ...result,
    errors: result.errors.map((e) => {
      if (!SUGGESTION.test(e.message)) return e;
      return new GraphQLError(e.message.replace(SUGGESTION, ""), {
        nodes: e.nodes,
        source: e.source,
        positions: e.positions,
        path: e.path,
        originalError: e.originalError,
        extensions: e.extensions,
      });
    }),
  };
}
