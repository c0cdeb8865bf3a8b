/**
 * SPEC (preamble, §6-§11): every duration, target and percentage is a policy value with an
 * effective date, set for the organisation and optionally overridden per estate, so that a past
 * period is judged by the policy then in force. Pure: the caller loads the rows of one key.
 */
export interface PolicyRow<V = unknown> {
  key: string;
  /** Null = the organisation's default. */
  estateId: string | null;
  value: V;
  effectiveFrom: Date;
  /** Exclusive; null = open-ended. */
  effectiveTo: Date | null;
}

function inForce(row: PolicyRow, at: Date): boolean {
  return row.effectiveFrom <= at && (!row.effectiveTo || at < row.effectiveTo);
}

/**
 * The value of `key` for an estate at an instant: the estate's override in force then, else the
 * organisation default in force then; of several in force, the one that took effect last.
 */
export function policyAt<V>(rows: readonly PolicyRow<V>[], key: string, estateId: string | null, at: Date): PolicyRow<V> | null {
  const latest = (candidates: PolicyRow<V>[]) =>
    candidates.reduce<PolicyRow<V> | null>((best, r) => (!best || r.effectiveFrom > best.effectiveFrom ? r : best), null);
  const ofKey = rows.filter((r) => r.key === key && inForce(r, at));
  return (estateId ? latest(ofKey.filter((r) => r.estateId === estateId)) : null) ?? latest(ofKey.filter((r) => r.estateId === null));
}
