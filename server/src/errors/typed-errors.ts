import type { Language } from "../i18n/language.ts";
import { msg, render, text, type Msg } from "../i18n/messages.ts";
import { nounZh } from "../i18n/phrases.ts";

/**
 * The errors a command answers its caller with (typed errors in mutation payloads, GraphQL errors
 * of queries). They belong to no layer: services raise them, the schema registers their GraphQL
 * types (schema/errors.ts), the HTTP layer localizes and logs them. Messages never quote a
 * protected value (SEC-1).
 *
 * A message is a catalogue message (i18n/messages.ts), rendered in the request's language when it
 * is read (a plain English text is accepted for tests and tools, and stays English). `Error.message` is always the English (logs, thrown
 * errors, callers without Accept-Language).
 */

/** One bad input field: its dotted path ("input.note"), the path as a list, a stable code and why. */
export interface InputProblem {
  readonly field: string;
  readonly path: readonly string[];
  readonly code: string;
  readonly message: string;
  readonly localized: Msg | undefined;
}

/** A catalogue key as a stable code: `tooLong` → TOO_LONG. Plain texts are INVALID. */
function codeOf(message: string | Msg): string {
  return typeof message === "string" ? "INVALID" : message.key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
}

function problem(field: string, message: string | Msg, code?: string): InputProblem {
  return {
    field,
    path: field.split("."),
    code: code ?? codeOf(message),
    message: english(message),
    localized: typeof message === "string" ? undefined : message,
  };
}

/**
 * Bad input. Names every bad field at once (`problems`); `field` and the message are the first
 * one's, for callers that read one.
 */
export class InputError extends Error {
  readonly problems: readonly InputProblem[];
  constructor(field: string, message: string | Msg, code?: string) {
    super(english(message));
    this.name = "InputError";
    this.problems = [problem(field, message, code)];
  }
  get field(): string {
    return this.problems[0]!.field;
  }
  get code(): string {
    return this.problems[0]!.code;
  }
  get localized(): Msg | undefined {
    return this.problems[0]!.localized;
  }
  /** One error naming several fields (the first problem leads). */
  static of(problems: readonly InputProblem[]): InputError {
    const first = problems[0]!;
    const e = new InputError(first.field, first.localized ?? first.message, first.code);
    (e as { problems: readonly InputProblem[] }).problems = problems;
    e.message = problems.length === 1 ? first.message : problems.map((p) => p.message).join("; ");
    return e;
  }
}

/**
 * Collects every bad field of one input before anything is written, then answers them together:
 *
 *     const check = new InputCheck();
 *     const note = check.text(input.note, "input.note", 4000);
 *     check.that(input.at <= now, "input.at", "…");
 *     check.done(); // throws one InputError naming all of them, or returns
 */
export class InputCheck {
  private readonly problems: InputProblem[] = [];

  add(field: string, message: string | Msg, code?: string): void {
    this.problems.push(problem(field, message, code));
  }

  /** Records a problem unless `ok`. */
  that(ok: boolean, field: string, message: string | Msg, code?: string): boolean {
    if (!ok) this.add(field, message, code);
    return ok;
  }

  /** Runs one check that throws InputError; its problems are kept and `undefined` returned. */
  run<T>(check: () => T): T | undefined {
    try {
      return check();
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      this.problems.push(...e.problems);
      return undefined;
    }
  }

  /** The async form of `run`. */
  async runAsync<T>(check: () => Promise<T>): Promise<T | undefined> {
    try {
      return await check();
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      this.problems.push(...e.problems);
      return undefined;
    }
  }

  /** A required text, trimmed; empty or too long is a problem (and "" is returned). */
  text(value: string | null | undefined, field: string, max = 2000): string {
    return this.run(() => requiredText(value, field, max)) ?? "";
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  /** Throws one InputError naming every problem found, if any. */
  done(): void {
    if (this.problems.length) throw InputError.of(this.problems);
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
  constructor(
    readonly recordId: string,
    readonly currentVersion: number,
  ) {
    const localized = msg("conflict", { version: currentVersion });
    super(render(localized, "en"));
    this.name = "ConflictError";
    this.localized = localized;
  }
}

function english(message: string | Msg): string {
  return typeof message === "string" ? message : render(message, "en");
}

/** A message (catalogue or English text) in the reader's language. */
export function localize(message: string, localized: Msg | undefined, language: Language): string {
  if (language === "en") return message;
  return localized ? render(localized, language) : message;
}

/**
 * The text of an error in the request's language: catalogue messages in either language, fixed
 * English texts with a Chinese entry in i18n/phrases.ts, anything else as written (English).
 */
export function messageIn(error: Error, language: Language): string {
  if (language === "en") return error.message;
  if (error instanceof InputError && error.problems.length > 1) {
    return error.problems.map((p) => localize(p.message, p.localized, language)).join("；");
  }
  const localized = (error as { localized?: Msg }).localized;
  if (localized) return render(localized, language);
  // An untranslated refusal still tells a Chinese reader, in Chinese, that it was refused.
  return error instanceof ForbiddenError ? text("forbidden", language, { detail: error.message }) : error.message;
}

/** Trims a required text input; empty is an InputError on `field`. */
export function requiredText(value: string | null | undefined, field: string, max = 2000): string {
  const v = value?.trim() ?? "";
  if (!v) throw new InputError(field, msg("required", { field }));
  if (v.length > max) throw new InputError(field, msg("tooLong", { field, max }));
  return v;
}
