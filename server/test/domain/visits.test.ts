import { describe, expect, it } from "vitest";
import { coverage, mayReview, monthBounds, monthOfInstant, monthStartOf, targetVisits } from "../../src/domain/visits/visit-month.ts";

describe("VIS-1, VIS-2: visit months", () => {
  it("VIS-1: a month is its estate's local calendar month", () => {
    expect(monthStartOf("2026-12-15")).toBe("2026-12-01");
    // 30 November 23:30 UTC is already 1 December in Shanghai.
    expect(monthOfInstant("Asia/Shanghai", new Date("2026-11-30T16:30:00Z"))).toBe("2026-12-01");
    expect(monthBounds("Asia/Shanghai", "2026-12-01")).toEqual({
      start: new Date("2026-11-30T16:00:00Z"),
      end: new Date("2026-12-31T16:00:00Z"),
    });
    expect(monthBounds("Asia/Shanghai", "2027-02-14").end).toEqual(new Date("2027-02-28T16:00:00Z"));
  });

  it("VIS-1: the target never undershoots the rate; coverage keeps numerator and denominator", () => {
    expect(targetVisits(71, 10)).toBe(8);
    expect(targetVisits(70, 10)).toBe(7);
    expect(targetVisits(114, 8.34)).toBe(10);
    expect(targetVisits(0, 10)).toBe(0);
    expect(coverage(3, 71)).toEqual({ numerator: 3, denominator: 71, rate: 3 / 71 });
    expect(coverage(0, null)).toEqual({ numerator: 0, denominator: 0, rate: null });
  });

  it("VIS-2: the estate's office director or company leadership signs", () => {
    expect(mayReview({ role: "OFFICE_DIRECTOR", estates: new Set(["lx"]) }, "lx")).toBe(true);
    expect(mayReview({ role: "OFFICE_DIRECTOR", estates: new Set(["jh"]) }, "lx")).toBe(false);
    expect(mayReview({ role: "PROPERTY_ASSISTANT", estates: new Set(["lx"]) }, "lx")).toBe(false);
    for (const role of ["COMPANY_MANAGER", "MANAGEMENT_REP", "EXECUTIVE"]) expect(mayReview({ role, estates: "ALL" }, "lx")).toBe(true);
    expect(mayReview({ role: "SERVICE_REP", estates: "ALL" }, "lx")).toBe(false);
  });
});
