/**
 * §11: every rate is shown with its numerator and denominator, and judged against the policy
 * target in force (a percentage). A rate of nothing (denominator 0) is null, neither met nor missed.
 */
export interface RateFigure {
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator, 0…1; null when the denominator is 0. */
  rate: number | null;
  /** The target as a fraction 0…1; null when no target applies. */
  target: number | null;
  met: boolean | null;
}

export function rateOf(numerator: number, denominator: number, targetPercent: number | null): RateFigure {
  const rate = denominator > 0 ? numerator / denominator : null;
  // Compared in integers (numerator × 100 ≥ target × denominator) so 9/10 meets 90% exactly.
  const met = denominator > 0 && targetPercent !== null ? numerator * 100 >= targetPercent * denominator - 1e-9 : null;
  return { numerator, denominator, rate, target: targetPercent === null ? null : targetPercent / 100, met };
}
