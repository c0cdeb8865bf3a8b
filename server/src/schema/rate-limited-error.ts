import { RateLimitedError } from "../errors/access.ts";
import { typedError } from "./errors.ts";

export { RateLimitedError };

/** Issue 15 items 5, 6: the GraphQL face of errors/access.ts RateLimitedError. */
typedError(RateLimitedError, {
  name: "RateLimitedError",
  description: "RATE_LIMITED: too many attempts from this address; nothing was done. Try again after `retryAfterSeconds`",
  fields: (t) => ({
    retryAfterSeconds: t.exposeInt("retryAfterSeconds", { description: "Seconds to wait before the next attempt" }),
  }),
});
