import { describe, expect, it } from "vitest";
import { timelineSummary } from "../../src/domain/complaints/timeline-summary.ts";

/** Issue 16: what the system says about a timeline event, in the reader's words and local time. */
describe("timeline summaries (WF-4, SLA-9)", () => {
  const zone = "Asia/Shanghai";

  it("names the confirmation method in words, not as its enum code", () => {
    const e = { kind: "CONFIRMED", data: { method: "PHONE_CONSENT", satisfied: true } } as never;
    expect(timelineSummary(e, "en", zone)).toBe("The customer confirmed (recorded phone consent): satisfied");
    expect(timelineSummary(e, "zh", zone)).toMatch(/^客户确认（电话录音确认）：/);
    expect(timelineSummary(e, "en", zone)).not.toContain("PHONE_CONSENT");
  });

  it("gives an acknowledgement's instant as local time, never ISO", () => {
    const e = { kind: "ACKNOWLEDGED", data: { method: "SMS", sentAt: "2026-03-02T01:15:00.000Z" } } as never;
    expect(timelineSummary(e, "en", zone)).toBe("Receipt acknowledged by SMS (2026-03-02 09:15)");
    expect(timelineSummary(e, "zh", zone)).toContain("2026-03-02 09:15");
  });
});
