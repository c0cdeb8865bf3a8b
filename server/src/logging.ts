import type { YogaLogger } from "graphql-yoga";
import { ForbiddenError, InputError, NotFoundError } from "./errors/typed-errors.ts";

/** A caller's mistake answered with a typed error is not a server problem worth a log line. */
function expected(value: unknown): boolean {
  const original = (value as { originalError?: unknown })?.originalError ?? value;
  return original instanceof InputError || original instanceof ForbiddenError || original instanceof NotFoundError;
}

/**
 * The server's log must hold no personal data (SEC-7). Error messages of the database layer echo
 * query arguments (a phone number in a WHERE clause, say), so an unexpected error is logged by
 * its class, code and GraphQL path only; details are for a debugger with NODE_ENV=development.
 */
export function describeForLog(value: unknown): string {
  if (!(value instanceof Error)) return typeof value === "string" ? value.replace(/\d{6,}/g, "[digits]") : "[value]";
  const e = value as Error & { code?: string; path?: readonly (string | number)[]; originalError?: Error };
  const inner = e.originalError ?? (e.cause instanceof Error ? e.cause : null);
  const parts = [e.name, e.code, e.path?.join("."), inner ? `caused by ${describeForLog(inner)}` : null].filter(Boolean);
  return parts.join(" ");
}

export function redactingLogger(development = process.env.NODE_ENV === "development"): YogaLogger {
  const line =
    (level: "debug" | "info" | "warn" | "error") =>
    (...args: unknown[]) => {
      if (development) return console[level](...args);
      if (level === "debug" || (args.length > 0 && args.every(expected))) return;
      console[level](`[${level}] ${args.map(describeForLog).join(" ")}`);
    };
  return { debug: line("debug"), info: line("info"), warn: line("warn"), error: line("error") };
}
