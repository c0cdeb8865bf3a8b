/**
 * CB-5, SPEC §11: phone share = phone callbacks ÷ all callbacks made, whether the customer was
 * reached or not, at most CB-5.phoneShareMax (50%). One definition for every place that shows
 * it (issue 16 item 3): the counts come from the PHONE_SHARE population of the metrics
 * (domain/metrics/populations.ts), and the verdict is judged on that figure only.
 *
 * 000 §6 4.3.1 words the limit against "所有走访户数" (every household visited); that reading —
 * phone callbacks ÷ every contact, callbacks made plus household visits recorded — is a second,
 * differently named figure, `shareOfContacts`, shown beside it and never judged against the limit
 * (it used to be the endpoint's numerator ÷ denominator, and on the same data its verdict differed
 * from the §11 one). Pure.
 */
export interface MethodShare {
  /** Callbacks made by phone in the period (reached or not). */
  numerator: number;
  /** Callbacks made in the period by any method (reached or not). */
  denominator: number;
  /** numerator ÷ denominator (§11 phone share); null without callbacks. */
  rate: number | null;
  /** The same as `denominator` (callbacks made). */
  callbacksDone: number;
  /** VIS-1 household visits recorded in the period. */
  visitsDone: number;
  /** The same as `rate` (kept for clients that read it; §11 has one phone share). */
  shareOfCallbacks: number | null;
  /** Phone callbacks ÷ (callbacks made + household visits): the 000 §6 4.3.1 reading, not judged. */
  shareOfContacts: number | null;
  /** CB-5.phoneShareMax as a share (0.5); null when no policy is in force. */
  max: number | null;
  /** rate ≤ max, compared in integers (numerator × 100 ≤ max% × denominator); true without a rate or a limit. */
  withinLimit: boolean;
}

export function methodShare(phone: { numerator: number; denominator: number }, visitsDone: number, maxPercent: number | null): MethodShare {
  const { numerator, denominator } = phone;
  const rate = denominator ? numerator / denominator : null;
  const contacts = denominator + visitsDone;
  return {
    numerator,
    denominator,
    rate,
    callbacksDone: denominator,
    visitsDone,
    shareOfCallbacks: rate,
    shareOfContacts: contacts ? numerator / contacts : null,
    max: maxPercent === null ? null : maxPercent / 100,
    withinLimit: rate === null || maxPercent === null || numerator * 100 <= maxPercent * denominator + 1e-9,
  };
}
