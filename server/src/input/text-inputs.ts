import {
  GraphQLError,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  typeFromAST,
  visit,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type ValueNode,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Context } from "../access/context.ts";
import { text } from "../i18n/messages.ts";

/**
 * Issue 15 item 16: every text a caller sends has a length limit, declared here once, and none
 * may carry a NUL character (PostgreSQL refuses it in text, so it used to surface as
 * "Unexpected error."). Checked on the whole request before anything runs: the answer names
 * every bad field at once (extensions.fields, each with its path and problem) and nothing is
 * written. Resolvers keep their tighter, field-specific limits (requiredText(…, 500) and the like).
 */

/** Characters of any text input, unless named below. */
export const MAX_TEXT_CHARS = 10_000;

/**
 * Inputs that carry file contents as base64: a file's size is checked in bytes by its mutation
 * (attachments, recordings); this only stops a body that no mutation would accept anyway.
 */
export const MAX_BASE64_CHARS = 48 * 1024 * 1024;

/** Inputs with a larger limit of their own, checked by their mutation in bytes. */
const LARGER: Record<string, number> = {
  // savePreference: a grid layout as JSON text; its resolver allows 32 KB and says so.
  value: 64 * 1024,
};

function maxFor(name: string): number {
  return /base64$/i.test(name) ? MAX_BASE64_CHARS : (LARGER[name] ?? MAX_TEXT_CHARS);
}

export interface TextProblem {
  /** The input's path: the argument (or variable's argument) and the fields below it. */
  path: (string | number)[];
  problem: "TOO_LONG" | "NUL_CHARACTER";
  max?: number;
}

/** Every text of one value (a variable's, or a literal argument's) checked against its type. */
function checkValue(value: unknown, type: GraphQLInputType, path: (string | number)[], name: string, out: TextProblem[]): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) {
    checkValue(value, type.ofType, path, name, out);
    return;
  }
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((v, i) => checkValue(v, type.ofType, [...path, i], name, out));
    else checkValue(value, type.ofType, path, name, out);
    return;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== "object") return;
    const fields = type.getFields();
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[k];
      if (field) checkValue(v, field.type, [...path, k], k, out);
    }
    return;
  }
  if (isScalarType(type) && typeof value === "string") checkText(value, path, name, out);
}

function checkText(value: string, path: (string | number)[], name: string, out: TextProblem[]): void {
  if (value.includes("\u0000")) out.push({ path, problem: "NUL_CHARACTER" });
  const max = maxFor(name);
  if (value.length > max) out.push({ path, problem: "TOO_LONG", max });
}

/** A literal of the document as a plain value (variables inside it are checked as variables). */
function literal(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
      return node.value;
    case Kind.LIST:
      return node.values.map(literal);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, literal(f.value)]));
    default:
      return undefined;
  }
}

/** The problems of a request's text inputs: its variables by their declared types, and its literals. */
export function textProblems(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | null | undefined,
): TextProblem[] {
  const out: TextProblem[] = [];
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const v of def.variableDefinitions ?? []) {
      const type = typeFromAST(schema, v.type as never) as GraphQLInputType | undefined;
      if (type) checkValue(variables?.[v.variable.name.value], type, [v.variable.name.value], v.variable.name.value, out);
    }
  }
  // Literals: any string written into the document itself, under the argument that holds it.
  visit(document, {
    Argument(arg) {
      const check = (value: unknown, path: (string | number)[], name: string) => {
        if (typeof value === "string") checkText(value, path, name, out);
        else if (Array.isArray(value)) value.forEach((x, i) => check(x, [...path, i], name));
        else if (value && typeof value === "object") for (const [k, x] of Object.entries(value)) check(x, [...path, k], k);
      };
      check(literal(arg.value), [arg.name.value], arg.name.value);
    },
  });
  return out;
}

/** The yoga plugin: a request with a bad text is answered BAD_USER_INPUT before it executes. */
export function useTextInputRules(): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const problems = textProblems(args.schema, args.document, args.variableValues as Record<string, unknown> | undefined);
      if (problems.length === 0) return { onExecuteDone: typeVariableErrors };
      const language = (args.contextValue as Context | undefined)?.language ?? "en";
      const fields = problems.map((p) => ({ path: p.path, field: p.path.join("."), problem: p.problem, ...(p.max ? { max: p.max } : {}) }));
      const named = [...new Set(fields.map((f) => f.field))].join(", ");
      setResultAndStopExecution({
        errors: [
          new GraphQLError(text("badTextInput", language, { fields: named, max: MAX_TEXT_CHARS }), {
            extensions: { code: "BAD_USER_INPUT", field: fields[0]!.field, fields },
          }),
        ],
      });
    },
  };
}

/**
 * A variable that does not fit its type (a DateTime in year 0000, 2026-02-30, a string for an
 * Int) is refused by graphql-js before any resolver, with a message naming the variable and the
 * path inside it; it gets the code every input error has, so a tool can tell it from a fault.
 */
function typeVariableErrors({ result, setResult }: { result: unknown; setResult: (r: never) => void }): void {
  const r = result as { errors?: readonly GraphQLError[]; data?: unknown } | AsyncIterable<unknown>;
  if (!r || Symbol.asyncIterator in r || !r.errors?.length) return;
  if (!r.errors.some((e) => e.message.startsWith('Variable "$') && !e.extensions?.code)) return;
  setResult({
    ...r,
    errors: r.errors.map((e) =>
      e.message.startsWith('Variable "$') && !e.extensions?.code
        ? new GraphQLError(e.message, { nodes: e.nodes, extensions: { ...e.extensions, code: "BAD_USER_INPUT" } })
        : e,
    ),
  } as never);
}
