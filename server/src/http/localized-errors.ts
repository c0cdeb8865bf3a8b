import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Context } from "../access/context.ts";
import { ForbiddenError, InputError, messageIn, NotFoundError } from "../errors/typed-errors.ts";

const isAsyncIterable = (v: unknown): v is AsyncIterable<unknown> => typeof v === "object" && v !== null && Symbol.asyncIterator in v;

/**
 * Errors a query throws (a query has no typed payload) reach the caller through errors-masking.ts,
 * which knows nothing of the request; here, while the request's language is known, their text
 * is put in it (typed mutation errors are localized by their `message` field instead).
 */
export function useLocalizedErrors(): Plugin<Record<string, never>, Context> {
  return {
    onExecute({ args }) {
      const language = (args.contextValue as unknown as Context).language;
      if (language === "en") return;
      return {
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result) || !result.errors?.length) return;
          setResult({ ...result, errors: result.errors.map((e) => localized(e, language)) });
        },
      };
    },
  };
}

function localized(error: GraphQLError, language: Context["language"]): GraphQLError {
  const original = error.originalError;
  if (!(original instanceof InputError || original instanceof ForbiddenError || original instanceof NotFoundError)) return error;
  return new GraphQLError(messageIn(original, language), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: original,
    extensions: error.extensions,
  });
}
