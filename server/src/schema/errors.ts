import { builder } from "../builder.ts";
import type { Language } from "../i18n/language.ts";
import { msg, render, text, type Msg } from "../i18n/messages.ts";
import { nounZh, phraseZh } from "../i18n/phrases.ts";

/**
 * Typed errors returned in mutation payloads (Pothos errors plugin): the caller learns which field
 * and why, and the mutation changed nothing. Messages never quote a protected value.
 *
 * A message is either a catalogue message (i18n/messages.ts), rendered in the request's language
 * when the `message` field is read, or a plain English text. `Error.message` is always the English
 * (logs, thrown errors, callers without Accept-Language).
 */
export class InputError extends Error {
  readonly localized: Msg | undefined;
  constructor(readonly field: string, message: string | Msg) {
    super(english(message));
    this.name = "InputError";
    this.localized = typeof message === "string" ? undefined : message;
  }
}

export class NotFoundError extends Error {
  readonly localized: Msg;
  /** `what` is an English record noun ("Complaint"); i18n/phrases.ts gives its Chinese. */
  constructor(what: string) {
    const localized = msg("notFound", { what: [nounZh(what) ?? "该记录", what] });
    super(render(localized, "en"));
    this.name = "NotFoundError";
    this.localized = localized;
  }
}

export class ForbiddenError extends Error {
  readonly localized: Msg | undefined;
  constructor(message: string | Msg) {
    super(english(message));
    this.name = "ForbiddenError";
    this.localized = typeof message === "string" ? undefined : message;
  }
}

/** A stale write: the record changed since the caller read `version`; nothing was written. */
export class ConflictError extends Error {
  readonly localized: Msg;
  constructor(readonly recordId: string, readonly currentVersion: number) {
    const localized = msg("conflict", { version: currentVersion });
    super(render(localized, "en"));
    this.name = "ConflictError";
    this.localized = localized;
  }
}

function english(message: string | Msg): string {
  return typeof message === "string" ? message : render(message, "en");
}

/**
 * The text of an error in the request's language: catalogue messages in either language, fixed
 * English texts with a Chinese entry in i18n/phrases.ts, anything else as written (English).
 */
export function messageIn(error: Error, language: Language): string {
  if (language === "en") return error.message;
  const localized = (error as { localized?: Msg }).localized;
  if (localized) return render(localized, language);
  const phrase = phraseZh(error.message);
  if (phrase) return phrase;
  // An untranslated refusal still tells a Chinese reader, in Chinese, that it was refused.
  return error instanceof ForbiddenError ? text("forbidden", language, { detail: error.message }) : error.message;
}

export const ErrorInterface = builder.interfaceRef<Error>("Error").implement({
  fields: (t) => ({ message: t.string({ resolve: (e, _args, ctx) => messageIn(e, ctx.language) }) }),
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
  if (!v) throw new InputError(field, msg("required", { field }));
  if (v.length > max) throw new InputError(field, msg("tooLong", { field, max }));
  return v;
}
