import type { FieldMap, ObjectFieldBuilder } from "@pothos/core";
import { builder } from "../builder.ts";
import {
  ConflictError,
  ForbiddenError,
  InputError,
  localize,
  messageIn,
  NotFoundError,
  type InputProblem,
} from "../errors/typed-errors.ts";

/**
 * The GraphQL face of the typed errors (errors/typed-errors.ts): returned in mutation payloads
 * (Pothos errors plugin); the caller learns which fields and why, and the mutation changed nothing.
 */
export const ErrorInterface = builder.interfaceRef<Error>("Error").implement({
  description: "A typed error of a mutation's payload: nothing was written",
  fields: (t) => ({
    message: t.string({
      description: "Why, in the request's language (Accept-Language)",
      resolve: (e, _args, ctx) => messageIn(e, ctx.language),
    }),
  }),
});

type ErrorFields<E> = (
  t: ObjectFieldBuilder<
    PothosSchemaTypes.ExtendDefaultTypes<typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never>,
    E
  >,
) => FieldMap;

/**
 * The one way a typed error is declared: its class, its GraphQL name and description, and the
 * fields it adds to `message`.
 */
// biome-ignore lint/suspicious/noExplicitAny: any error class, whatever its constructor takes
export function typedError<C extends abstract new (...args: any[]) => Error>(
  cls: C,
  opts: { name: string; description: string; fields?: ErrorFields<InstanceType<C>> },
) {
  return builder.objectType(cls as unknown as new () => InstanceType<C>, {
    name: opts.name,
    description: opts.description,
    interfaces: [ErrorInterface] as never,
    isTypeOf: (o) => o instanceof cls,
    fields: (t) => (opts.fields ? opts.fields(t as never) : {}),
  });
}

const InputProblemRef = builder.objectRef<InputProblem>("InputProblem").implement({
  description: "One bad input field",
  fields: (t) => ({
    field: t.exposeString("field", { description: "The field as a dotted path, e.g. `input.note`" }),
    path: t.exposeStringList("path", { description: 'The field\'s path as a list, e.g. ["input", "note"]' }),
    code: t.exposeString("code", { description: "A stable code for programs: REQUIRED, TOO_LONG, INVALID, …" }),
    message: t.string({
      description: "Why, in the request's language",
      resolve: (p, _a, ctx) => localize(p.message, p.localized, ctx.language),
    }),
  }),
});

typedError(InputError, {
  name: "InputError",
  description: "Bad input: `problems` names every bad field at once; `field`, `path` and `code` are the first one's",
  fields: (t) => ({
    field: t.exposeString("field", { description: "The first bad field as a dotted path" }),
    path: t.stringList({ description: "The first bad field's path as a list", resolve: (e) => [...e.problems[0]!.path] }),
    code: t.exposeString("code", { description: "The first problem's stable code" }),
    problems: t.field({ type: [InputProblemRef], description: "Every bad field of the input", resolve: (e) => [...e.problems] }),
  }),
});

typedError(NotFoundError, { name: "NotFoundError", description: "No such record, or not one the caller may see" });

typedError(ForbiddenError, {
  name: "ForbiddenError",
  description: "The caller may not do this (role, estate scope, clearance or approval missing)",
});

/**
 * Registers the conflict error of one record type: it carries the record's current version.
 */
export function conflictErrorType(cls: typeof ConflictError, name: string) {
  return typedError(cls, {
    name,
    description: "Optimistic concurrency: the record changed since it was read; nothing was written",
    fields: (t) => ({
      currentVersion: t.exposeInt("currentVersion", { description: "The record's version now; read it again and reapply the change" }),
    }),
  });
}

export const STANDARD_ERRORS = [InputError, NotFoundError, ForbiddenError];
