import { builder } from "../builder.ts";

/**
 * Typed errors returned in mutation payloads (Pothos errors plugin): the caller learns which field
 * and why, and the mutation changed nothing. Messages never quote a protected value.
 */
export class InputError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
    this.name = "InputError";
  }
}

export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} does not exist or is not visible to you`);
    this.name = "NotFoundError";
  }
}

export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** A stale write: the record changed since the caller read `version`; nothing was written. */
export class ConflictError extends Error {
  constructor(readonly recordId: string, readonly currentVersion: number) {
    super(`The record was changed by someone else (now version ${currentVersion}); reload it and apply your change again`);
    this.name = "ConflictError";
  }
}

export const ErrorInterface = builder.interfaceRef<Error>("Error").implement({
  fields: (t) => ({ message: t.exposeString("message") }),
});

builder.objectType(InputError, {
  name: "InputError",
  description: "Bad input: `field` names the input field (dotted path), `message` says why",
  interfaces: [ErrorInterface],
  isTypeOf: (o) => o instanceof InputError,
  fields: (t) => ({ field: t.exposeString("field") }),
});

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  interfaces: [ErrorInterface],
  isTypeOf: (o) => o instanceof NotFoundError,
  fields: () => ({}),
});

builder.objectType(ForbiddenError, {
  name: "ForbiddenError",
  description: "The caller may not do this (role, estate scope, clearance or approval missing)",
  interfaces: [ErrorInterface],
  isTypeOf: (o) => o instanceof ForbiddenError,
  fields: () => ({}),
});

/**
 * Registers the conflict error of one record type: it carries the record's current state, read
 * through the same field rules as any other read of it.
 */
export function conflictErrorType(cls: typeof ConflictError, name: string) {
  return builder.objectType(cls, {
    name,
    description: "Optimistic concurrency: the record changed since it was read; nothing was written",
    interfaces: [ErrorInterface],
    isTypeOf: (o) => o instanceof cls,
    fields: (t) => ({ currentVersion: t.exposeInt("currentVersion") }),
  });
}

export const STANDARD_ERRORS = [InputError, NotFoundError, ForbiddenError];

/** Trims a required text input; empty is an InputError on `field`. */
export function requiredText(value: string | null | undefined, field: string, max = 2000): string {
  const v = value?.trim() ?? "";
  if (!v) throw new InputError(field, `${field} is required`);
  if (v.length > max) throw new InputError(field, `${field} is longer than ${max} characters`);
  return v;
}
