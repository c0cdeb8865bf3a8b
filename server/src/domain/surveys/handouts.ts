import { msg } from "../../i18n/messages.ts";
import type { RuleProblem } from "./problems.ts";

/**
 * SUR-3: a questionnaire is handed out within its campaign and returned after it was handed out,
 * never in the future. Clocks of handheld devices run a little ahead: a minute's grace.
 */
export const CLOCK_SKEW_MS = 60_000;

/** SUR-3: the return instant: given, else the one recorded, else now; between the hand-out and now. */
export function returnInstant(
  h: { handedOutAt: Date; returnedAt: Date | null },
  given: Date | null | undefined,
  now: Date,
  field: string,
): { at: Date; problems: RuleProblem[] } {
  const at = given ?? h.returnedAt ?? now;
  const problems: RuleProblem[] = [];
  if (at < h.handedOutAt) problems.push({ field, message: msg("surveyBeforeHandout") });
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) problems.push({ field, message: msg("surveyInFuture") });
  return { at, problems };
}
