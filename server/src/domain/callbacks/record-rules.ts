import type { CallbackMethod, ComplaintSeverity } from "@tingjian/prisma/client";
import { msg, type Msg } from "../../i18n/messages.ts";

/** Pure rules of recording a callback (CB-1, CB-5, CB-7, CB-11); services/callbacks/record.ts applies them. */

const DAY = 86_400_000;

/** CB-1: a customer not reached is tried again the next day. */
export const RETRY_AFTER_MS = DAY;

/** CB-7: after a dissatisfied callback the next one is planned three days later (set again at the next confirmation). */
export const FOLLOW_UP_AFTER_MS = 3 * DAY;

/**
 * Why `method` may not be used for this callback, or null. CB-11: one fixed in advance as in person
 * stays in person. CB-7 (001 §2): from the second callback on a phone call will do, except for a
 * major complaint.
 */
export function methodRefusal(
  fixed: CallbackMethod | null,
  method: CallbackMethod,
  severity: ComplaintSeverity | null,
  sequence: number,
): Msg | null {
  if (fixed === "IN_PERSON" && method !== "IN_PERSON") return msg("callbackFixedInPerson");
  if (method === "PHONE" && severity === "MAJOR" && sequence >= 2) return msg("callbackMajorNotByPhone");
  return null;
}

/** CB-5 (001 §2): an in-person callback (a visit, or the customer by appointment) carries the customer's signature; a phone one needs none. */
export function needsSignature(method: CallbackMethod): boolean {
  return method === "IN_PERSON" || method === "APPOINTMENT";
}
