import { policyAt, type PolicyRow } from "../policies/policy-at.ts";
import { METRICS, type Direction, type MetricKind } from "./catalogue.ts";

/**
 * SPEC preamble and §11: every figure is judged against the policy value in force when its period
 * began (a survey figure: when its campaign began), the estate's override first; without a policy
 * value, the SPEC's default where it states one. Pure.
 */
export interface Target {
  /** Percent (e.g. 90), or null when no target applies. */
  percent: number | null;
  direction: Direction;
  policyKey: string | null;
  /** True when a policy value set the target; false when it is the SPEC default (or there is none). */
  fromPolicy: boolean;
}

export function targetOf(kind: MetricKind, rows: readonly PolicyRow<number | null>[], estateId: string | null, at: Date): Target {
  const m = METRICS[kind];
  if (!m.policyKey) return { percent: null, direction: m.direction, policyKey: null, fromPolicy: false };
  const hit = policyAt(rows, m.policyKey, estateId, at);
  if (hit && hit.value !== null) return { percent: hit.value, direction: m.direction, policyKey: m.policyKey, fromPolicy: true };
  return { percent: m.defaultPercent, direction: m.direction, policyKey: m.policyKey, fromPolicy: false };
}

export interface Judged {
  /** numerator ÷ denominator (0…1); null when the denominator is 0. */
  rate: number | null;
  /** Null without a denominator or a target. */
  met: boolean | null;
}

/**
 * Compared in integers (numerator × 100 against target × denominator), so that 9 of 10 meets 90%
 * and 1 of 100 stays within a 1% ceiling exactly.
 */
export function judge(numerator: number, denominator: number, target: Pick<Target, "percent" | "direction">): Judged {
  const rate = denominator > 0 ? numerator / denominator : null;
  if (denominator <= 0 || target.percent === null) return { rate, met: null };
  const lhs = numerator * 100;
  const rhs = target.percent * denominator;
  return { rate, met: target.direction === "AT_LEAST" ? lhs >= rhs - 1e-9 : lhs <= rhs + 1e-9 };
}
