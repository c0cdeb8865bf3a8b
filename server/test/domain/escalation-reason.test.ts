import { describe, expect, it } from "vitest";
import {
  escalationReasonText,
  legacyRepeatEarlierNo,
  repeatRepairReason,
  slaBreachReason,
  withoutEarlierNo,
} from "../../src/domain/complaints/escalation-reason.ts";
import { localDateTime, timelineSummary } from "../../src/domain/complaints/timeline-summary.ts";

/** Issue 16, WF-7: an automatic escalation's reason as data, rendered in the reader's words and local time. */
describe("escalation reasons (WF-7, REC-3, SEC-2)", () => {
  const at = (v: unknown) => localDateTime(v, "Asia/Shanghai") ?? "—";
  const deadlineAt = new Date("2026-03-02T01:15:00.000Z");

  it("an SLA breach names the time limit in words and the round, the deadline in local time", () => {
    const r = slaBreachReason({ rule: "SLA_7", stage: "to_developer", round: 2, deadlineAt });
    expect(r.params).toEqual({ rule: "SLA-7", stage: "to_developer", round: 2, deadlineAt: "2026-03-02T01:15:00.000Z" });
    expect(escalationReasonText(r.code, r.params, "zh", at, null)).toBe("转开发商超时（SLA-7 #2，时限 2026-03-02 09:15）");
    expect(escalationReasonText(r.code, r.params, "en", at, null)).toBe(
      "Time limit missed: forwarding to the developer (SLA-7 #2, due 2026-03-02 09:15)",
    );
    // A stage this version does not name still reads as a time limit, never as its code.
    const odd = escalationReasonText(r.code, { ...r.params, stage: "new_stage" }, "en", at, null)!;
    expect(odd).toBe("Time limit missed: a handling time limit (SLA-7 #2, due 2026-03-02 09:15)");
    expect(odd).not.toContain("new_stage");
  });

  it("REC-3 names the earlier complaint only when the caller passes the number it may show", () => {
    const r = repeatRepairReason({ id: "c1", no: "TS2026030001", windowDays: 30 });
    expect(escalationReasonText(r.code, r.params, "en", at, "TS2026030001")).toContain("(earlier TS2026030001)");
    const hidden = escalationReasonText(r.code, r.params, "zh", at, null)!;
    expect(hidden).toContain("（此前一宗投诉）");
    expect(hidden).not.toContain("TS2026030001");
    const event = { kind: "ESCALATED", data: { level: 1, ...r.params } } as never;
    expect(timelineSummary(event, "en", "Asia/Shanghai")).not.toContain("TS2026030001");
    expect(timelineSummary(event, "en", "Asia/Shanghai", { earlierComplaintNo: "TS2026030001" })).toContain(
      "(earlier TS2026030001): escalated to level 1",
    );
  });

  it("an unknown code renders nothing (the stored reason is shown instead)", () => {
    expect(escalationReasonText("somethingNew", {}, "en", at, null)).toBeNull();
  });

  it("a REC-3 sentence stored before issue 16: its number found and hidden, the rest as stored", () => {
    const legacy = "REC-3 同一维修30天内重复发生（前次 TS2026030001）：升级一级，责任经理上门回访并分析原因、制定纠正措施 (CB-11)";
    expect(legacyRepeatEarlierNo(legacy)).toBe("TS2026030001");
    expect(legacyRepeatEarlierNo("SLA-9 main 超时 (deadline 2026-03-02T01:15:00.000Z)")).toBeNull();
    expect(withoutEarlierNo(legacy)).toBe(
      "REC-3 同一维修30天内重复发生（此前一宗投诉）：升级一级，责任经理上门回访并分析原因、制定纠正措施 (CB-11)",
    );
  });
});
