import { Lexer, parse, Source, TokenKind, type GraphQLError, type GraphQLSchema } from "graphql";
import type { Language } from "../i18n/language.ts";
import { checkOperation } from "./cost.ts";
import { introspectionNeedsSignIn, tooComplex } from "./errors.ts";
import type { QueryLimits } from "./settings.ts";
import { measureShape, shapeErrors, type Shape } from "./shape.ts";

export interface RequestCheck extends Shape {
  length: number;
  tokens: number;
  cost: number;
  /** What the server would refuse the request with (empty: it passes every limit). */
  errors: GraphQLError[];
}

/**
 * Every limit of plugin.ts applied to one request without a server, in the same order: for tests
 * that run the app's own operations through the limits, and to size the limits (the figures of
 * each measure come back whether or not they pass).
 */
export function checkRequest(
  schema: GraphQLSchema,
  source: string,
  request: { variables?: Record<string, unknown>; operationName?: string; signedIn?: boolean; language?: Language },
  limits: QueryLimits,
): RequestCheck {
  const language = request.language ?? "en";
  const result: RequestCheck = {
    length: source.length,
    tokens: countTokens(source),
    depth: 0,
    aliases: 0,
    directives: 0,
    cost: 0,
    errors: [],
  };
  if (source.length > limits.maxDocumentLength)
    return { ...result, errors: [tooComplex("length", limits.maxDocumentLength, source.length, language)] };
  if (result.tokens > limits.maxTokens) return { ...result, errors: [tooComplex("tokens", limits.maxTokens, null, language)] };
  const document = parse(source);
  Object.assign(result, measureShape(document));
  const shape = shapeErrors(document, limits, language);
  if (shape.length) return { ...result, errors: shape };
  const check = checkOperation(schema, document, request.operationName, request.variables, limits, language);
  if (!check) return result;
  result.cost = Math.round(check.cost);
  if (check.introspection && !request.signedIn) result.errors.push(introspectionNeedsSignIn(language));
  else if (check.error) result.errors.push(check.error);
  else if (check.cost > limits.maxCost) result.errors.push(tooComplex("cost", limits.maxCost, result.cost, language));
  return result;
}

/** The document's lexical tokens as graphql-js counts them for `maxTokens` (comments excluded); 0 when it does not lex. */
function countTokens(source: string): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    return count;
  }
  return count;
}
