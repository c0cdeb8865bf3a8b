import { builder } from "../builder.ts";
import { msg, render, type Msg } from "../i18n/messages.ts";
import { ErrorInterface } from "./errors.ts";

/**
 * Issue 15 items 5, 6: a refusal because the caller must wait; nothing was done or checked. It
 * says how long, in whole seconds rounded up (an answer of 0 would invite an immediate retry).
 */
export class RateLimitedError extends Error {
  readonly localized: Msg;
  readonly retryAfterSeconds: number;
  constructor(retryAfterMs: number) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    const localized = msg("tooManyAttempts", { seconds });
    super(render(localized, "en"));
    this.name = "RateLimitedError";
    this.localized = localized;
    this.retryAfterSeconds = seconds;
  }
}

builder.objectType(RateLimitedError, {
  name: "RateLimitedError",
  description: "RATE_LIMITED: too many attempts from this address; nothing was done. Try again after `retryAfterSeconds`",
  interfaces: [ErrorInterface],
  isTypeOf: (o) => o instanceof RateLimitedError,
  fields: (t) => ({
    retryAfterSeconds: t.exposeInt("retryAfterSeconds", { description: "Seconds to wait before the next attempt" }),
  }),
});
