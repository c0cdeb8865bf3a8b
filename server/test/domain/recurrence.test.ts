import { describe, expect, it } from "vitest";
import { LOCATION_TRANSLATE, normaliseLocation, placeKey } from "../../src/domain/recurrence/place.ts";
import {
  availableSteps,
  contentEditRefusal,
  isOverdue,
  statusAfter,
  stepRefusal,
} from "../../src/domain/recurrence/corrective-action-workflow.ts";
import { isRepeatRepair, resolveRefusal, type RepairFacts } from "../../src/domain/recurrence/repeat-repair.ts";
import { normaliseTags, personalDataIn } from "../../src/domain/recurrence/case-text.ts";
import { monthsBetween } from "../../src/domain/recurrence/months.ts";

const DAY = 86_400_000;

describe("REC-2: the same place", () => {
  it("folds width and case and drops spaces and punctuation, nothing else", () => {
    expect(normaliseLocation(" ３栋 电梯。")).toBe("3栋电梯");
    expect(normaliseLocation("3栋电梯")).toBe("3栋电梯");
    expect(normaliseLocation("B1 车库（东）")).toBe("b1车库东");
    expect(normaliseLocation("Ｂ１-车库 东")).toBe("b1车库东");
    expect(normaliseLocation("3号楼电梯")).not.toBe(normaliseLocation("3栋电梯"));
    expect(normaliseLocation("  、。 ")).toBe("");
    expect(normaliseLocation(null)).toBe("");
  });

  it("the SQL translate table maps exactly as the function does", () => {
    // translate(s, FROM, TO): FROM[i] → TO[i], FROM[i] past TO's end is deleted; the first occurrence wins.
    const from = [...LOCATION_TRANSLATE.from],
      to = [...LOCATION_TRANSLATE.to];
    expect(new Set(from).size).toBe(from.length);
    const translate = (s: string) =>
      [...s]
        .map((ch) => {
          const i = from.indexOf(ch);
          return i < 0 ? ch : (to[i] ?? "");
        })
        .join("");
    for (const s of ["Ａ座 2-301", "中心花园，北侧", "ｇａｒａｇｅ　B2", "1栋电梯“西”…", "\t南门\n"])
      expect(translate(s)).toBe(normaliseLocation(s));
  });

  it("a household is its own place; a public area is the estate and its location", () => {
    expect(placeKey({ estateId: "e", householdId: "h", location: "卫生间" })).toBe("household:h");
    expect(placeKey({ estateId: "e", householdId: null, location: "９栋 电梯" })).toBe("public:e:9栋电梯");
    expect(placeKey({ estateId: "e", householdId: null, location: " " })).toBeNull();
  });
});

describe("REC-3: the same repair twice within the window", () => {
  const at = new Date("2026-03-31T10:00:00+08:00");
  const repair = (over: Partial<RepairFacts>): RepairFacts => ({
    id: "b",
    kind: "ENGINEERING",
    valid: true,
    duplicateOfId: null,
    householdId: "h",
    categoryId: "leak",
    receivedAt: at,
    ...over,
  });
  const earlier = (days: number, over: Partial<RepairFacts> = {}) =>
    repair({ id: "a", receivedAt: new Date(at.getTime() - days * DAY), ...over });

  it("counts 30 days before, the boundary included", () => {
    expect(isRepeatRepair(repair({}), earlier(30), 30)).toBe(true);
    expect(isRepeatRepair(repair({}), earlier(30.0001), 30)).toBe(false);
    expect(isRepeatRepair(repair({}), earlier(0), 30)).toBe(false);
  });

  it("needs the same household and category, both valid repairs, neither a duplicate", () => {
    expect(isRepeatRepair(repair({}), earlier(5, { householdId: "other" }), 30)).toBe(false);
    expect(isRepeatRepair(repair({}), earlier(5, { categoryId: "lift" }), 30)).toBe(false);
    expect(isRepeatRepair(repair({ kind: "SERVICE" }), earlier(5), 30)).toBe(false);
    expect(isRepeatRepair(repair({}), earlier(5, { valid: false }), 30)).toBe(false);
    expect(isRepeatRepair(repair({}), earlier(5, { duplicateOfId: "x" }), 30)).toBe(false);
    expect(isRepeatRepair(repair({ duplicateOfId: "a" }), earlier(5), 30)).toBe(false);
  });

  it("a repeat is resolved only after its cause is recorded or a corrective action covers it", () => {
    expect(resolveRefusal({ repeat: true, causeRecorded: false, correctiveActionLinked: false })).toMatch(/REC-3/);
    expect(resolveRefusal({ repeat: true, causeRecorded: true, correctiveActionLinked: false })).toBeNull();
    expect(resolveRefusal({ repeat: true, causeRecorded: false, correctiveActionLinked: true })).toBeNull();
    expect(resolveRefusal({ repeat: false, causeRecorded: false, correctiveActionLinked: false })).toBeNull();
  });
});

describe("REC-1: the corrective action state machine", () => {
  const now = new Date("2026-06-01T00:00:00Z");
  const future = { dueAt: new Date(now.getTime() + DAY), now };
  const past = { dueAt: new Date(now.getTime() - DAY), now };

  it("runs OPEN → IN_PROGRESS → IMPLEMENTED → VERIFIED → CLOSED", () => {
    expect(stepRefusal("OPEN", "START", future)).toBeNull();
    expect(statusAfter("START")).toBe("IN_PROGRESS");
    expect(stepRefusal("IN_PROGRESS", "MARK_IMPLEMENTED", future)).toBeNull();
    expect(stepRefusal("IMPLEMENTED", "VERIFY", future)).toBeNull();
    expect(statusAfter("VERIFY", true)).toBe("VERIFIED");
    expect(statusAfter("VERIFY", false)).toBe("INEFFECTIVE");
    expect(stepRefusal("VERIFIED", "CLOSE", future)).toBeNull();
    expect(availableSteps("CLOSED", future)).toEqual([]);
  });

  it("verifies the effect when done or after the due date, never before", () => {
    expect(stepRefusal("IN_PROGRESS", "VERIFY", future)).toMatch(/after the due date/);
    expect(stepRefusal("IN_PROGRESS", "VERIFY", past)).toBeNull();
    expect(availableSteps("OPEN", past)).toContain("VERIFY");
    expect(availableSteps("OPEN", future)).not.toContain("VERIFY");
  });

  it("refuses illegal steps with the ones allowed; an ineffective action is reworked, not closed", () => {
    expect(stepRefusal("OPEN", "CLOSE", future)).toMatch(/possible: START, MARK_IMPLEMENTED/);
    expect(stepRefusal("INEFFECTIVE", "CLOSE", future)).toMatch(/possible: REWORK/);
    expect(contentEditRefusal("IMPLEMENTED", null)).toMatch(/frozen/);
    expect(contentEditRefusal("INEFFECTIVE", "REWORK")).toBeNull();
  });

  it("is overdue when not done past the due date", () => {
    expect(isOverdue({ status: "IN_PROGRESS", dueAt: past.dueAt }, now)).toBe(true);
    expect(isOverdue({ status: "IMPLEMENTED", dueAt: past.dueAt }, now)).toBe(false);
    expect(isOverdue({ status: "OPEN", dueAt: future.dueAt }, now)).toBe(false);
  });
});

describe("REC-4: no personal data in the case library", () => {
  const known = { names: ["王建国"], contacts: ["13812345678"], householdCodes: ["LX-3-2-1201"] };
  it("refuses phone and ID numbers, plates, room addresses and what the case records of the complainant", () => {
    expect(personalDataIn("业主电话13912345678", known)).toBe("a mobile phone number");
    expect(personalDataIn("身份证330101199001011234", known)).toBe("an ID number");
    expect(personalDataIn("车辆沪A12345停放", known)).toBe("a licence plate");
    expect(personalDataIn("3栋2单元1201室渗水", known)).toBe("a room address");
    expect(personalDataIn("王建国先生反映", known)).toBe("the complainant's name");
    expect(personalDataIn("房号 LX-3-2-1201", known)).toBe("the household's code or room");
    expect(personalDataIn("某住户卫生间防水层老化，三十天内两次渗漏；已更换防水层并复查。", known)).toBeNull();
  });

  it("keeps tags short, trimmed and unique", () => {
    expect(normaliseTags([" 漏水 ", "漏水", "", "防水"])).toEqual({ ok: true, tags: ["漏水", "防水"] });
    expect(normaliseTags(["x".repeat(31)]).ok).toBe(false);
  });
});

describe("§11 trend months", () => {
  it("lists every local month the period touches", () => {
    expect(monthsBetween(new Date("2025-11-30T16:00:00Z"), new Date("2026-02-28T16:00:00Z"))).toEqual(["2025-12", "2026-01", "2026-02"]);
    expect(monthsBetween(new Date("2026-01-01T00:00:00Z"), new Date("2026-01-01T00:00:00Z"))).toEqual([]);
  });
});
