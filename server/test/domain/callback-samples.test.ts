import { describe, expect, it } from "vitest";
import { drawSample } from "../../src/domain/sampling/draw.ts";
import {
  callbackLevel,
  compareDraws,
  durationMs,
  memberKey,
  memberWhy,
  monthAfter,
  rateRefusal,
  SAMPLE_RULES,
  storedRate,
} from "../../src/domain/callbacks/sample-rules.ts";
import { methodShare } from "../../src/domain/callbacks/phone-share.ts";

describe("CB-3, CB-4: callback sample rules", () => {
  it("CB-3: a complainant is the customer, else the household, else the complaint", () => {
    expect(memberKey("COMPLAINANT", { customerId: "c", householdId: "h", complaintId: "k" })).toBe("customer:c");
    expect(memberKey("COMPLAINANT", { customerId: null, householdId: "h", complaintId: "k" })).toBe("household:h");
    expect(memberKey("COMPLAINANT", { customerId: null, householdId: null, complaintId: "k" })).toBe("complaint:k");
    expect(memberKey("COMPLAINT", { customerId: "c", householdId: "h", complaintId: "k" })).toBe("complaint:k");
    expect(memberKey("HOUSEHOLD", { customerId: "c", householdId: "h", complaintId: null })).toBe("household:h");
  });

  it("CB-3, CB-4: the programmes' policy keys and callback kinds", () => {
    expect(SAMPLE_RULES.QUARTERLY_PERIODIC).toMatchObject({
      policyKey: "CB-3.periodicSample",
      callbackKind: "PERIODIC",
      keyKind: "COMPLAINANT",
    });
    expect(SAMPLE_RULES.REPAIR).toMatchObject({ policyKey: "CB-4.repairCallback", callbackKind: "REPAIR" });
    expect(SAMPLE_RULES.EVENT).toMatchObject({ policyKey: "CB-4.eventCallback", callbackKind: "EVENT", keyKind: "HOUSEHOLD" });
    expect(SAMPLE_RULES.SAMPLING.policyKey).toBeNull();
  });

  it("CB-3: a redraw from the stored seed matches the stored members; a changed population does not", () => {
    const population = Array.from({ length: 40 }, (_, i) => ({ key: `customer:${String(i).padStart(2, "0")}` }));
    const drawn = drawSample(population, { key: (m) => m.key, rate: 0.35, seed: "s1" });
    expect(drawn).toHaveLength(14);
    const stored = drawn.map((d) => ({ key: d.item.key, reason: d.reason }));
    // The database's row order does not matter.
    expect(compareDraws(stored, drawSample([...population].reverse(), { key: (m) => m.key, rate: 0.35, seed: "s1" }))).toEqual({
      identical: true,
      missing: [],
      unexpected: [],
    });
    // Manually added members are no part of the draw.
    expect(compareDraws([...stored, { key: "customer:zz", reason: "MANUAL" }], drawn).identical).toBe(true);
    const other = compareDraws(stored, drawSample(population, { key: (m) => m.key, rate: 0.35, seed: "s2" }));
    expect(other.identical).toBe(false);
    expect(other.missing.length).toBe(other.unexpected.length);
  });

  it("SEC-1: a planned callback is as sensitive as its complaint, at least SECRET", () => {
    expect(callbackLevel({ classification: null })).toBe("SECRET");
    expect(callbackLevel({ classification: "INTERNAL" })).toBe("SECRET");
    expect(callbackLevel({ classification: "CONFIDENTIAL" })).toBe("CONFIDENTIAL");
  });

  it("says why a member is in the sample", () => {
    expect(memberWhy("QUARTERLY_PERIODIC", "RANDOM", { rate: 0.35, populationSize: 40, sampleSize: 14 })).toMatch(/14 of 40 \(rate 35%/);
    expect(memberWhy("REPAIR", "RANDOM", { rate: 1, populationSize: 5, sampleSize: 5 })).toMatch(/Every one of the 5/);
    expect(memberWhy("EVENT", "MANUAL", { rate: 0.1, populationSize: 5, sampleSize: 1 })).toMatch(/by hand/);
  });

  it("rates, durations and the event deadline", () => {
    expect(rateRefusal(0.35)).toBeNull();
    expect(rateRefusal(1)).toBeNull();
    for (const bad of [0, -0.1, 1.01, Number.NaN]) expect(rateRefusal(bad)).not.toBeNull();
    // The draw uses the rate as stored (4 decimals), so a redraw asks for as many members.
    expect(storedRate(1 / 3)).toBe(0.3333);
    expect(storedRate(0.35)).toBe(0.35);
    expect(durationMs(7, "DAYS")).toBe(7 * 86_400_000);
    expect(durationMs(7, "WORKING_DAYS")).toBeNull();
    expect(monthAfter(new Date("2026-01-31T00:00:00Z")).toISOString()).toBe("2026-03-03T00:00:00.000Z");
    expect(monthAfter(new Date("2026-09-25T00:00:00Z")).toISOString()).toBe("2026-10-25T00:00:00.000Z");
  });
});

describe("CB-5: phone share", () => {
  it("§11: phone callbacks ÷ every callback made (reached or not); household visits only in the differently named share of contacts (issue 16 item 3)", () => {
    const s = methodShare({ numerator: 3, denominator: 6 }, 3, 50);
    expect(s).toEqual({
      numerator: 3,
      denominator: 6,
      rate: 0.5,
      callbacksDone: 6,
      visitsDone: 3,
      shareOfCallbacks: 0.5,
      shareOfContacts: 1 / 3,
      max: 0.5,
      withinLimit: true,
    });
    // Judged on the §11 figure, never on the share of contacts: 2 of 3 callbacks by phone is over 50% however many visits.
    expect(methodShare({ numerator: 2, denominator: 3 }, 10, 50)).toMatchObject({
      rate: 2 / 3,
      shareOfContacts: 2 / 13,
      withinLimit: false,
    });
    expect(methodShare({ numerator: 1, denominator: 2 }, 0, 50)).toMatchObject({ rate: 0.5, withinLimit: true });
    expect(methodShare({ numerator: 0, denominator: 0 }, 0, null)).toMatchObject({
      numerator: 0,
      denominator: 0,
      rate: null,
      shareOfCallbacks: null,
      shareOfContacts: null,
      max: null,
      withinLimit: true,
    });
  });
});
