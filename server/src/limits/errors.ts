import { GraphQLError, type ASTNode } from "graphql";
import type { Language } from "../i18n/language.ts";

/**
 * Issue 15 item 2: the error codes of a refused request, one per kind of refusal, so that a caller
 * can tell "ask for less" from "fix the argument" from "sign in" without reading the message.
 *
 * - QUERY_TOO_COMPLEX: the document's shape (length, depth, aliases, tokens, directives, cost); nothing ran.
 *   `extensions.limit` names the limit, `max` its value and `actual` what the request asked for.
 * - BAD_USER_INPUT: an argument out of range (`first`/`last` above the page maximum, too many
 *   `nodes(ids:)`); `extensions.field` names the argument, as every other BAD_USER_INPUT does.
 * - UNAUTHENTICATED: introspection (`__schema`, `__type`) without signing in.
 * - QUERY_TIMEOUT: a statement ran past the request's statement timeout; nothing was written.
 */
export type LimitCode = "QUERY_TOO_COMPLEX" | "BAD_USER_INPUT" | "UNAUTHENTICATED" | "QUERY_TIMEOUT";

export type LimitName = "length" | "depth" | "aliases" | "tokens" | "directives" | "cost";

const SHAPE: Record<LimitName, [en: string, zh: string]> = {
  length: ["the document has %actual% characters; at most %max% are allowed", "查询文本有 %actual% 个字符，最多允许 %max% 个"],
  depth: ["fields nested %actual% deep; at most %max% are allowed", "字段嵌套 %actual% 层，最多允许 %max% 层"],
  aliases: ["%actual% aliases; at most %max% are allowed", "使用了 %actual% 个别名，最多允许 %max% 个"],
  tokens: ["the document has more than %max% tokens", "查询文本超过 %max% 个词法单元"],
  directives: ["%actual% directives; at most %max% are allowed", "使用了 %actual% 个指令，最多允许 %max% 个"],
  cost: [
    "it could return about %actual% fields; at most %max% are allowed (ask for smaller pages or fewer nested lists)",
    "可能返回约 %actual% 个字段，最多允许 %max% 个（请减小分页或嵌套列表）",
  ],
};

const fill = (s: string, values: Record<string, string | number>) => s.replace(/%(\w+)%/g, (_, k: string) => String(values[k] ?? ""));

/** A request refused for its shape, before anything ran. */
export function tooComplex(
  limit: LimitName,
  max: number,
  actual: number | null,
  language: Language,
  nodes?: readonly ASTNode[],
): GraphQLError {
  const [en, zh] = SHAPE[limit];
  const reason = fill(language === "zh" ? zh : en, { max, actual: actual ?? "" });
  const message = language === "zh" ? `查询过于复杂：${reason}` : `The query is too complex: ${reason}`;
  return new GraphQLError(message, {
    nodes,
    extensions: { code: "QUERY_TOO_COMPLEX", limit, max, ...(actual === null ? {} : { actual }) },
  });
}

/** An argument above its maximum (a page size, a list of ids). */
export function argumentTooLarge(
  field: string,
  argument: string,
  max: number,
  actual: number,
  language: Language,
  nodes?: readonly ASTNode[],
): GraphQLError {
  const message =
    language === "zh"
      ? `${field} 的参数 ${argument} 最大为 ${max}（收到 ${actual}）；请分页读取`
      : `${argument} of ${field} is at most ${max} (got ${actual}); read further pages instead`;
  return new GraphQLError(message, { nodes, extensions: { code: "BAD_USER_INPUT", field: argument, max } });
}

/** A page size below zero (Pothos would throw an untyped error for it). */
export function argumentNegative(
  field: string,
  argument: string,
  actual: number,
  language: Language,
  nodes?: readonly ASTNode[],
): GraphQLError {
  const message =
    language === "zh"
      ? `${field} 的参数 ${argument} 不能为负数（收到 ${actual}）`
      : `${argument} of ${field} must not be negative (got ${actual})`;
  return new GraphQLError(message, { nodes, extensions: { code: "BAD_USER_INPUT", field: argument } });
}

export function introspectionNeedsSignIn(language: Language, nodes?: readonly ASTNode[]): GraphQLError {
  const message = language === "zh" ? "登录后才能查询接口结构（__schema、__type）" : "Sign in to query the schema (__schema, __type)";
  return new GraphQLError(message, { nodes, extensions: { code: "UNAUTHENTICATED" } });
}

export function statementTimedOut(timeoutMs: number, language: Language): GraphQLError {
  const seconds = Math.round(timeoutMs / 100) / 10;
  const message =
    language === "zh"
      ? `请求的一条数据库语句超过了 ${seconds} 秒的时限，已停止，未做任何修改；请缩小范围后重试`
      : `A database statement of this request ran longer than its ${seconds} s limit and was stopped; nothing was changed. Narrow the request and try again`;
  return new GraphQLError(message, { extensions: { code: "QUERY_TIMEOUT", timeoutMs } });
}
