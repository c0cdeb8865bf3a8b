import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { calendarDays } from "@tingjian/prisma";
import { WorkingCalendar } from "../../src/domain/sla/working-calendar.ts";
import { planStages, SLA_DEFAULTS, type StageFacts } from "../../src/domain/sla/stages.ts";

const calendar = new WorkingCalendar({
  timezone: "Asia/Shanghai",
  slots: [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, startMinute: 510, endMinute: 720 },
    { weekday, startMinute: 810, endMinute: 1050 },
  ]),
  days: calendarDays(),
});
const policy = (key: string) => ({ key, ...SLA_DEFAULTS[key]! });
const sh = (local: string) => new Date(`${local}+08:00`);
const facts = (f: Partial<StageFacts>): StageFacts => ({
  receivedAt: sh("2026-03-02T09:00:00"),
  kind: null,
  valid: null,
  duplicate: false,
  atOffice: false,
  atOtherDepartment: false,
  subject: null,
  forwardedToServiceCentreAt: null,
  classifiedAt: null,
  assignedAt: null,
  firstPlanAt: null,
  forwardedToDeveloperAt: null,
  developerAnsweredAt: null,
  deemedAcceptedAt: null,
  firstRepliedAt: null,
  firstEndedAt: null,
  resolutions: [],
  inWarranty: false,
  promises: [],
  pauses: [],
  confirmations: [],
  callbackExempt: false,
  callbacksAt: [],
  ...f,
});
const plan = (f: Partial<StageFacts>, now = sh("2026-03-02T10:00:00")) => planStages(facts(f), policy, calendar, now);
const names = (f: Partial<StageFacts>) =>
  plan(f)
    .map((s) => `${s.rule}/${s.stage}`)
    .sort();

describe("SLA stages (SPEC §6)", () => {
  it("INT-4: a duplicate runs no clock", () => {
    expect(plan({ duplicate: true, valid: true, kind: "SERVICE" })).toEqual([]);
  });

  it("SLA-9 runs for every complaint; SLA-2 once valid; SLA-1 for another department's intake", () => {
    expect(names({})).toEqual(["SLA_9/main"]);
    expect(names({ valid: true, kind: "SUGGESTION" })).toEqual(["SLA_2/main", "SLA_9/main"]);
    expect(names({ atOtherDepartment: true })).toEqual(["SLA_1/main", "SLA_9/main"]);
    expect(names({ valid: false })).toEqual(["SLA_9/main"]);
  });

  it("SLA-3 from the assignment, SLA-4 from registration, SLA-5 engineering, SLA-7 warranty", () => {
    expect(names({ valid: true, kind: "SERVICE", subject: "STAFF" })).toEqual(["SLA_2/main", "SLA_9/main"]);
    expect(names({ valid: true, kind: "SERVICE", subject: "STAFF", assignedAt: sh("2026-03-02T09:30:00") })).toEqual([
      "SLA_2/main",
      "SLA_3/main",
      "SLA_9/main",
    ]);
    expect(names({ valid: true, kind: "SERVICE", subject: "DEPARTMENT" })).toEqual(["SLA_2/main", "SLA_4/main", "SLA_9/main"]);
    expect(names({ valid: true, kind: "ENGINEERING", assignedAt: sh("2026-03-02T09:30:00") })).toEqual([
      "SLA_2/main",
      "SLA_5/main",
      "SLA_9/main",
    ]);
    expect(names({ valid: true, kind: "WARRANTY", firstPlanAt: sh("2026-03-02T09:40:00") })).toEqual([
      "SLA_2/main",
      "SLA_7/plan",
      "SLA_7/to_developer",
      "SLA_9/main",
    ]);
  });

  it("SLA-8: at an office the office's wall-clock limits replace SLA-1 … SLA-5", () => {
    expect(names({ atOffice: true, valid: true, kind: "SERVICE", subject: "STAFF", assignedAt: sh("2026-03-02T09:05:00") })).toEqual([
      "SLA_8/reach",
      "SLA_8/service_resolve",
      "SLA_9/main",
    ]);
    expect(names({ atOffice: true, valid: true, kind: "ENGINEERING", forwardedToServiceCentreAt: sh("2026-03-02T09:50:00") })).toEqual([
      "SLA_8/reach",
      "SLA_8/repair_answer",
      "SLA_8/to_service_centre",
      "SLA_9/main",
    ]);
  });

  it("SLA-10, SLA-11: every confirmation is called back within 3 days, a repair within 7 days of completion; none when exempt (CB-8)", () => {
    const resolved = sh("2026-03-02T11:00:00");
    const confirmed = {
      valid: true,
      kind: "SERVICE" as const,
      assignedAt: sh("2026-03-02T09:30:00"),
      firstEndedAt: resolved,
      resolutions: [resolved],
      confirmations: [sh("2026-03-02T12:00:00")],
    };
    const later = sh("2026-03-06T12:00:00");
    expect(planStages(facts(confirmed), policy, calendar, later).find((s) => s.rule === "SLA_10")).toMatchObject({
      round: 1,
      status: "BREACHED",
      deadlineAt: sh("2026-03-05T12:00:00"),
    });
    expect(
      planStages(facts({ ...confirmed, callbacksAt: [sh("2026-03-04T10:00:00")] }), policy, calendar, later).find(
        (s) => s.rule === "SLA_10",
      ),
    ).toMatchObject({ status: "MET" });
    expect(planStages(facts({ ...confirmed, callbackExempt: true }), policy, calendar, later).map((s) => s.rule)).not.toContain("SLA_10");
    const stages = planStages(facts({ ...confirmed, kind: "ENGINEERING" }), policy, calendar, later);
    expect(stages.map((s) => s.rule)).not.toContain("SLA_10");
    expect(stages.find((s) => s.rule === "SLA_11")).toMatchObject({ status: "RUNNING", deadlineAt: sh("2026-03-09T11:00:00") });
    // CB-7: reopened, resolved and confirmed again: a second round; the first keeps its outcome.
    const again = {
      ...confirmed,
      resolutions: [resolved, sh("2026-03-09T10:00:00")],
      confirmations: [sh("2026-03-02T12:00:00"), sh("2026-03-09T11:00:00")],
      callbacksAt: [sh("2026-03-04T10:00:00")],
    };
    expect(
      planStages(facts(again), policy, calendar, sh("2026-03-10T09:00:00"))
        .filter((s) => s.rule === "SLA_10")
        .map((s) => [s.round, s.status]),
    ).toEqual([
      [1, "MET"],
      [2, "RUNNING"],
    ]);
  });

  it("a reopened complaint's first handling keeps its outcome: stages stopped at the first end stay as they were", () => {
    const handled = { valid: true, kind: "SERVICE" as const, subject: "DEPARTMENT" as const, firstEndedAt: sh("2026-03-02T11:00:00") };
    // Ten days later the complaint is open again (reopened), yet SLA-4 was met at the first resolution.
    expect(plan(handled, sh("2026-03-12T09:00:00")).find((s) => s.rule === "SLA_4")).toMatchObject({
      status: "MET",
      finishedAt: sh("2026-03-02T11:00:00"),
    });
  });

  it("met when finished by the deadline, breached after it, overdue while running past it", () => {
    const [reach] = plan({ atOffice: true, classifiedAt: sh("2026-03-02T09:15:00") }).filter((s) => s.stage === "reach");
    expect(reach).toMatchObject({ status: "MET", deadlineAt: sh("2026-03-02T09:15:00") });
    const [late] = plan({ atOffice: true, classifiedAt: sh("2026-03-02T09:16:00") }).filter((s) => s.stage === "reach");
    expect(late).toMatchObject({ status: "BREACHED", breachedAt: sh("2026-03-02T09:15:00") });
    const [running] = plan({ atOffice: true }, sh("2026-03-02T09:20:00")).filter((s) => s.stage === "reach");
    expect(running).toMatchObject({ status: "BREACHED", finishedAt: null });
  });

  it("WF-3, SLA-6: a replaced promise that had passed was missed; one replaced before its time was changed", () => {
    const p1 = { sequence: 1, recordedAt: sh("2026-03-02T10:00:00"), promisedAt: sh("2026-03-03T17:00:00"), keptAt: null };
    const early = plan(
      {
        promises: [
          { ...p1, replacedAt: sh("2026-03-03T09:00:00") },
          { sequence: 2, recordedAt: sh("2026-03-03T09:00:00"), promisedAt: sh("2026-03-05T17:00:00"), keptAt: null, replacedAt: null },
        ],
      },
      sh("2026-03-03T10:00:00"),
    );
    expect(early.filter((s) => s.rule === "SLA_6").map((s) => [s.round, s.status])).toEqual([
      [1, "CANCELLED"],
      [2, "RUNNING"],
    ]);
    const late = plan({ promises: [{ ...p1, replacedAt: sh("2026-03-04T09:00:00") }] }, sh("2026-03-04T10:00:00"));
    expect(late.find((s) => s.rule === "SLA_6")).toMatchObject({
      stage: "promise",
      round: 1,
      status: "BREACHED",
      deadlineAt: p1.promisedAt,
    });
    // Kept on time, then reopened and a new promise made: the first promise stays kept.
    const kept = plan(
      { promises: [{ ...p1, keptAt: sh("2026-03-03T12:00:00"), replacedAt: sh("2026-03-05T09:00:00") }] },
      sh("2026-03-05T10:00:00"),
    );
    expect(kept.find((s) => s.rule === "SLA_6")).toMatchObject({ status: "MET" });
  });

  it("WF-5: acceptance by the developer's silence counts as the developer missing its deadline", () => {
    const stages = plan(
      { forwardedToDeveloperAt: sh("2026-03-02T09:00:00"), deemedAcceptedAt: sh("2026-03-02T17:00:00") },
      sh("2026-03-03T09:00:00"),
    );
    expect(stages.find((s) => s.stage === "developer_answer")).toMatchObject({
      clock: "WALL",
      status: "BREACHED",
      deadlineAt: sh("2026-03-02T17:00:00"),
    });
  });

  it("a pause of any length moves a running wall-clock deadline by exactly its length (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 600 }), (startOffset, length) => {
        const from = new Date(sh("2026-03-02T09:00:00").getTime() + startOffset * 60_000);
        const to = new Date(from.getTime() + length * 60_000);
        const [stage] = plan({ atOffice: true, valid: true, kind: "SERVICE" }, new Date(to.getTime() + 1)).filter(
          (s) => s.stage === "service_resolve",
        );
        const [paused] = plan({ atOffice: true, valid: true, kind: "SERVICE", pauses: [{ from, to }] }, new Date(to.getTime() + 1)).filter(
          (s) => s.stage === "service_resolve",
        );
        return paused!.deadlineAt.getTime() - stage!.deadlineAt.getTime() === length * 60_000 && paused!.pausedSeconds === length * 60;
      }),
      { numRuns: 200 },
    );
  });

  it("an open pause leaves the stage PAUSED unless its deadline had already passed", () => {
    const open = [{ from: sh("2026-03-02T09:30:00"), to: null }];
    expect(
      plan({ atOffice: true, valid: true, kind: "SERVICE", pauses: open }, sh("2026-03-02T12:00:00")).find(
        (s) => s.stage === "service_resolve",
      )!.status,
    ).toBe("PAUSED");
    const late = [{ from: sh("2026-03-02T10:30:00"), to: null }];
    expect(
      plan({ atOffice: true, valid: true, kind: "SERVICE", pauses: late }, sh("2026-03-02T12:00:00")).find(
        (s) => s.stage === "service_resolve",
      )!.status,
    ).toBe("BREACHED");
  });
});
