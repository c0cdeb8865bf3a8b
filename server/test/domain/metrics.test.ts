import { describe, expect, it } from "vitest";
import { METRIC_KINDS, METRICS, rowTypeOf, sameRows, SPEC_METRICS } from "../../src/domain/metrics/catalogue.ts";
import { isoWeekLabel, monthsOverlapping, parsePeriodLabel, periodContaining, rangeRefusal } from "../../src/domain/metrics/periods.ts";
import { render } from "../../src/i18n/messages.ts";
import { aggregateSql, drillCountSql, drillPageSql, figuresSql, type PopulationParams } from "../../src/domain/metrics/populations.ts";
import { judge, targetOf } from "../../src/domain/metrics/targets.ts";

const TZ = "Asia/Shanghai";
const sh = (local: string) => new Date(`${local}+08:00`);

describe("§11 periods", () => {
  it("a month, quarter, half-year and year are local: 2031-Q2 starts at midnight in Shanghai, 16:00 UTC the day before", () => {
    expect(periodContaining("QUARTER", "2031-05-15", TZ)).toEqual({
      kind: "QUARTER",
      from: sh("2031-04-01T00:00:00"),
      to: sh("2031-07-01T00:00:00"),
      label: "2031-Q2",
    });
    expect(periodContaining("MONTH", "2031-12-31", TZ)).toMatchObject({
      from: sh("2031-12-01T00:00:00"),
      to: sh("2032-01-01T00:00:00"),
      label: "2031-12",
    });
    expect(periodContaining("HALF_YEAR", "2031-07-01", TZ)).toMatchObject({
      from: sh("2031-07-01T00:00:00"),
      to: sh("2032-01-01T00:00:00"),
      label: "2031-H2",
    });
    expect(periodContaining("YEAR", "2031-02-28", TZ)).toMatchObject({
      from: sh("2031-01-01T00:00:00"),
      to: sh("2032-01-01T00:00:00"),
      label: "2031",
    });
  });

  it("§12 weekly report: ISO 8601 weeks (Monday to Monday; week 1 holds 4 January), also across the year's end", () => {
    expect(periodContaining("WEEK", "2031-01-22", TZ)).toMatchObject({
      from: sh("2031-01-20T00:00:00"),
      to: sh("2031-01-27T00:00:00"),
      label: "2031-W04",
    });
    expect(isoWeekLabel("2026-12-31")).toBe("2026-W53");
    expect(isoWeekLabel("2021-01-03")).toBe("2020-W53");
    expect(isoWeekLabel("2024-12-30")).toBe("2025-W01");
    expect(parsePeriodLabel("2020-W53", TZ)).toMatchObject({ from: sh("2020-12-28T00:00:00"), to: sh("2021-01-04T00:00:00") });
    expect(parsePeriodLabel("2021-W53", TZ)).toBeNull();
    expect(parsePeriodLabel("2031-W00", TZ)).toBeNull();
  });

  it("labels parse back to their periods, of the kind asked for", () => {
    for (const label of ["2031-W14", "2031-04", "2031-Q2", "2031-H1", "2031"]) expect(parsePeriodLabel(label, TZ)!.label).toBe(label);
    expect(parsePeriodLabel("2031-Q2", TZ, "MONTH")).toBeNull();
    expect(parsePeriodLabel("2031-Q5", TZ)).toBeNull();
    expect(parsePeriodLabel("2031-13", TZ)).toBeNull();
  });

  it("VIS-1 months of a range are the local months it touches", () => {
    expect(monthsOverlapping(sh("2031-01-31T23:00:00"), sh("2031-03-01T00:00:00"), TZ)).toEqual(["2031-01", "2031-02"]);
    expect(monthsOverlapping(sh("2031-11-15T00:00:00"), sh("2032-01-01T00:00:01"), TZ)).toEqual(["2031-11", "2031-12", "2032-01"]);
  });

  it("a range ends after it starts and spans at most three years", () => {
    expect(render(rangeRefusal(sh("2031-01-01T00:00:00"), sh("2031-01-01T00:00:00"))!, "en")).toMatch(/ends after/);
    expect(render(rangeRefusal(sh("2027-01-01T00:00:00"), sh("2031-01-01T00:00:00"))!, "en")).toMatch(/at most/);
    expect(rangeRefusal(sh("2030-01-01T00:00:00"), sh("2031-01-01T00:00:00"))).toBeNull();
  });
});

describe("§11 targets (SPEC preamble: the policy in force then)", () => {
  const rows = [
    {
      key: "CB-1.callbackRate",
      estateId: null,
      value: 100,
      effectiveFrom: sh("2024-01-01T00:00:00"),
      effectiveTo: sh("2031-04-01T00:00:00"),
    },
    { key: "CB-1.callbackRate", estateId: null, value: 80, effectiveFrom: sh("2031-04-01T00:00:00"), effectiveTo: null },
    { key: "CB-1.callbackRate", estateId: "mall", value: 90, effectiveFrom: sh("2031-01-01T00:00:00"), effectiveTo: null },
  ];

  it("CB-1: Q1 by the old value, Q2 by the new; an estate's override first; the SPEC default without a policy", () => {
    expect(targetOf("CALLBACK_RATE", rows, null, sh("2031-01-01T00:00:00"))).toEqual({
      percent: 100,
      direction: "AT_LEAST",
      policyKey: "CB-1.callbackRate",
      fromPolicy: true,
    });
    expect(targetOf("CALLBACK_RATE", rows, null, sh("2031-04-01T00:00:00")).percent).toBe(80);
    expect(targetOf("CALLBACK_RATE", rows, "mall", sh("2031-04-01T00:00:00")).percent).toBe(90);
    expect(targetOf("CALLBACK_RATE", [], null, sh("2031-04-01T00:00:00"))).toMatchObject({ percent: 100, fromPolicy: false });
    expect(targetOf("RECURRENCE_RATE", [], null, sh("2031-04-01T00:00:00"))).toMatchObject({ percent: null, direction: "AT_MOST" });
    expect(targetOf("COMPLAINT_SHARE", rows, null, sh("2031-04-01T00:00:00"))).toMatchObject({ percent: null, policyKey: null });
  });

  it("met is decided in integers: 9 of 10 meets 90%, 1 of 100 stays within a 1% ceiling, nothing counted is neither", () => {
    expect(judge(9, 10, { percent: 90, direction: "AT_LEAST" })).toEqual({ rate: 0.9, met: true });
    expect(judge(89, 100, { percent: 90, direction: "AT_LEAST" }).met).toBe(false);
    expect(judge(1, 100, { percent: 1, direction: "AT_MOST" }).met).toBe(true);
    expect(judge(2, 100, { percent: 1, direction: "AT_MOST" }).met).toBe(false);
    expect(judge(0, 0, { percent: 90, direction: "AT_LEAST" })).toEqual({ rate: null, met: null });
    expect(judge(3, 4, { percent: null, direction: "AT_LEAST" })).toEqual({ rate: 0.75, met: null });
  });
});

describe("§11 catalogue and SQL", () => {
  const p: PopulationParams = {
    organizationId: "00000000-0000-0000-0000-000000000001",
    from: sh("2031-04-01T00:00:00"),
    to: sh("2031-07-01T00:00:00"),
    now: sh("2031-07-15T00:00:00"),
    estateIds: ["00000000-0000-0000-0000-000000000002"],
    sliceBy: "CATEGORY",
    timeZone: TZ,
    months: ["2031-04", "2031-05", "2031-06"],
    windowPolicy: [],
    visibleTopSecret: [],
  };

  it("the eleven metrics of §11, each cut by the organisation, each with rows behind its numerator", () => {
    expect(SPEC_METRICS).toHaveLength(11);
    for (const k of METRIC_KINDS) {
      expect(METRICS[k].slices, k).toContain("ORGANIZATION");
      expect(rowTypeOf(k, true), k).not.toBeNull();
    }
    expect(rowTypeOf("SURVEY_COVERAGE", false)).toBeNull();
    expect(sameRows("RECURRENCE_RATE")).toBe(true);
    expect(sameRows("VALID_COMPLAINT_RATE")).toBe(false);
  });

  it("figures and drill-downs are parameterised: a caller's slice key and part never enter the SQL text", () => {
    const key = "x'; DROP TABLE complaints; --";
    const drill = drillPageSql("RECURRENCE_RATE", p, { part: key, sliceKey: key, side: "numerator" }, 0, 20);
    expect(drill.text).not.toContain("DROP TABLE");
    expect(drill.values).toContain(key);
    expect(drillCountSql("VALID_COMPLAINT_RATE", p, { part: "", sliceKey: key, side: "denominator" }).text).not.toContain("DROP");
    // One statement for every metric asked for, whatever the slices.
    const all = figuresSql(
      SPEC_METRICS.filter((k) => METRICS[k].slices.includes("CATEGORY")),
      p,
    );
    expect(all.text.match(/UNION ALL/g)).toHaveLength(SPEC_METRICS.filter((k) => METRICS[k].slices.includes("CATEGORY")).length - 1);
  });

  it("a figure and its drill-down share the population: the drill-down's SQL is the figure's with one part and slice", () => {
    // `sql` has "?" placeholders (numbered ones differ with the position in the statement).
    const figure = aggregateSql("CALLBACK_RATE", p).sql;
    const rows = drillCountSql("CALLBACK_RATE", p, { part: "", sliceKey: "k", side: "numerator" }).sql;
    const population = (text: string) => text.slice(text.indexOf("FROM complaint_confirmations"), text.indexOf("NOT c.callback_exempt"));
    expect(population(rows)).toBe(population(figure));
  });
});
