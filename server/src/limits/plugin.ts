import { GraphQLError, type ExecutionResult } from "graphql";
import type { Plugin } from "graphql-yoga";
import { contextFactory, type AppServices, type Context } from "../context.ts";
import { languageOf, type Language } from "../i18n/language.ts";
import { checkOperation } from "./cost.ts";
import { introspectionNeedsSignIn, statementTimedOut, tooComplex } from "./errors.ts";
import { queryLimitsFromEnv, type QueryLimits } from "./settings.ts";
import { shapeRule } from "./shape.ts";
import { isStatementTimeout, setStatementTimeout, statementTimeoutFor } from "./statement-timeout.ts";
import { hasSuggestions, withoutSuggestions } from "./suggestions.ts";

/**
 * Issue 15 item 2: one GraphQL request can no longer take the service down. In the order a request
 * meets them:
 * - the document's length and tokens (before it is parsed or cached),
 * - its depth, aliases and directives (validation, cached with the document),
 * - with its variables and caller, before the request's transaction opens: page sizes,
 *   `nodes(ids:)`, the cost estimate (cost.ts), introspection only when signed in,
 * - while it runs, each SQL statement's timeout (statement-timeout.ts),
 * - and in its answer, "Did you mean …" hints only for signed-in callers.
 * Every refusal is a typed error (errors.ts) and nothing of the operation has run.
 */
export function useQueryLimits(services: AppServices, limits: QueryLimits = queryLimitsFromEnv()): Plugin {
  const rules = { en: shapeRule(limits, "en"), zh: shapeRule(limits, "zh") };
  // Whether the caller of a request is signed in, once its context is built (for the answer's hints).
  const signedIn = new WeakMap<Request, boolean>();
  const buildContext = contextFactory(services);
  const languageOfRequest = (request: Request | undefined): Language => languageOf(request?.headers.get("accept-language"));

  return {
    onParams({ params, request, setResult }) {
      // A long document is refused before it is parsed, and before yoga's parse cache keeps it as a key.
      const length = typeof params.query === "string" ? params.query.length : 0;
      if (length > limits.maxDocumentLength) {
        setResult({ errors: [tooComplex("length", limits.maxDocumentLength, length, languageOfRequest(request))] });
      }
    },
    onParse({ context, parseFn, setParseFn }) {
      const language = languageOfRequest((context as { request?: Request }).request);
      setParseFn((source, options) => {
        try {
          return parseFn(source, { ...options, maxTokens: limits.maxTokens });
        } catch (e) {
          if (e instanceof GraphQLError && /contains more tha[nt] \d+ tokens/.test(e.message) /* graphql 16 spells it "more that" */)
            throw tooComplex("tokens", limits.maxTokens, null, language);
          throw e;
        }
      });
    },
    onValidate({ context, addValidationRule }) {
      addValidationRule(rules[languageOfRequest((context as { request?: Request }).request)]);
    },
    onExecute({ args, setResultAndStopExecution }) {
      const ctx = args.contextValue as unknown as Context & { request?: Request };
      if (ctx.request) signedIn.set(ctx.request, ctx.viewer !== null);
      const check = checkOperation(args.schema, args.document, args.operationName, args.variableValues, limits, ctx.language);
      const refusal = !check
        ? null
        : check.introspection && !ctx.viewer
          ? introspectionNeedsSignIn(ctx.language)
          : (check.error ??
            (check.cost > limits.maxCost ? tooComplex("cost", limits.maxCost, Math.round(check.cost), ctx.language) : null));
      if (refusal) {
        setResultAndStopExecution({ errors: [refusal] });
        return;
      }
      const timeoutMs = statementTimeoutFor(args.document, args.operationName, limits);
      setStatementTimeout(ctx, timeoutMs);
      return {
        onExecuteDone({ result, setResult }) {
          // A cancelled statement aborts the transaction, so every later statement fails too: one
          // QUERY_TIMEOUT stands for them all, and the operation's partial data is dropped.
          const r = result as ExecutionResult;
          if (r.errors?.some((e) => isStatementTimeout(e.originalError ?? e)))
            setResult({ errors: [statementTimedOut(timeoutMs, ctx.language)] });
        },
      };
    },
    async onExecutionResult({ request, result, setResult }) {
      if (!result || Symbol.asyncIterator in result || !hasSuggestions(result)) return;
      const known =
        signedIn.get(request) ??
        (await buildContext({ request }).then(
          (c) => c.viewer !== null,
          () => false,
        ));
      if (!known) setResult(withoutSuggestions(result));
    },
  };
}
