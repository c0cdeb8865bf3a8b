import { describe, expect, it } from "vitest";
import { policyAt, type PolicyRow } from "../../src/domain/policies/policy-at.ts";

const d = (s: string) => new Date(`${s}T00:00:00+08:00`);
const rows: PolicyRow<number>[] = [
  { key: "SLA_9.minutes", estateId: null, value: 1440, effectiveFrom: d("2024-01-01"), effectiveTo: d("2025-07-01") },
  // From the second half of 2025 the company answers within 2 working days (002 9.3.2).
  { key: "SLA_9.minutes", estateId: null, value: 960, effectiveFrom: d("2025-07-01"), effectiveTo: null },
  { key: "SLA_9.minutes", estateId: "villa", value: 480, effectiveFrom: d("2025-01-01"), effectiveTo: null },
  { key: "CB-3.share", estateId: null, value: 0.35, effectiveFrom: d("2024-01-01"), effectiveTo: null },
];

describe("policy values with effective dates and per-estate overrides", () => {
  it("a past period is judged by the policy in force then", () => {
    expect(policyAt(rows, "SLA_9.minutes", "mall", d("2025-03-31"))!.value).toBe(1440);
    expect(policyAt(rows, "SLA_9.minutes", "mall", d("2025-07-01"))!.value).toBe(960);
  });

  it("an estate's override wins while it is in force; before it, the default applies", () => {
    expect(policyAt(rows, "SLA_9.minutes", "villa", d("2025-03-31"))!.value).toBe(480);
    expect(policyAt(rows, "SLA_9.minutes", "villa", d("2024-06-30"))!.value).toBe(1440);
  });

  it("nothing in force is null, not a guess", () => {
    expect(policyAt(rows, "SLA_9.minutes", null, d("2023-12-31"))).toBeNull();
    expect(policyAt(rows, "unknown", null, d("2025-01-01"))).toBeNull();
  });
});
