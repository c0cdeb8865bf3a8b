import type { CallbackMethod } from "@tingjian/prisma/client";

/**
 * CB-5 (000 §6 4.3.1): "电话回访不得超过所有走访户数的50%" — phone callbacks may not exceed 50%
 * of all households visited. In that clause callbacks are one form of visiting (登门回访、电话回访
 * 或信函), recorded in the same 《访问住户记录》 as the monthly household visits (VIS-1). So:
 *  - numerator: phone callbacks done (the customer reached) in the period;
 *  - denominator: every contact done in the period: callbacks done by any method plus household
 *    visits recorded (area visits reach no household and do not count).
 * Both sides count contacts, so a household contacted twice counts twice on both and the share
 * never exceeds 1. SPEC §11's "phone callbacks ÷ all callbacks" is given alongside
 * (`shareOfCallbacks`); it is the stricter reading when visits are few.
 */
export interface MethodShare {
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator; null when nothing was done. */
  rate: number | null;
  callbacksDone: number;
  visitsDone: number;
  /** SPEC §11: phone callbacks ÷ callbacks done; null without callbacks. */
  shareOfCallbacks: number | null;
  /** CB-5.phoneShareMax as a share (0.5); null when no policy is in force. */
  max: number | null;
  withinLimit: boolean;
}

export function methodShare(done: readonly { method: CallbackMethod | null; count: number }[], visitsDone: number, maxPercent: number | null): MethodShare {
  const numerator = done.filter((d) => d.method === "PHONE").reduce((s, d) => s + d.count, 0);
  const callbacksDone = done.reduce((s, d) => s + d.count, 0);
  const denominator = callbacksDone + visitsDone;
  const rate = denominator ? numerator / denominator : null;
  const max = maxPercent === null ? null : maxPercent / 100;
  return {
    numerator, denominator, rate, callbacksDone, visitsDone, max,
    shareOfCallbacks: callbacksDone ? numerator / callbacksDone : null,
    withinLimit: rate === null || max === null || rate <= max + 1e-12,
  };
}
