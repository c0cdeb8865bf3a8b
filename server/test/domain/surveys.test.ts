import { describe, expect, it } from "vitest";
import { SurveyCampaignStatus } from "@tingjian/prisma/client";
import { checkAnswers } from "../../src/domain/surveys/answers.ts";
import {
  availableCampaignActions,
  CAMPAIGN_ACTIONS,
  CAMPAIGN_WORKFLOW,
  campaignTransition,
} from "../../src/domain/surveys/campaign-workflow.ts";
import { postSurveyDueAt, POST_SURVEY_PLAN } from "../../src/domain/surveys/post-survey.ts";
import { checkDimensions } from "../../src/domain/surveys/questionnaire.ts";
import { rateOf } from "../../src/domain/surveys/rates.ts";
import { compareSamples, drawEstateSample, explainMember } from "../../src/domain/surveys/sampling.ts";
import { checkMeetingCounts } from "../../src/domain/surveys/tenant-meetings.ts";

const households = Array.from({ length: 50 }, (_, i) => ({ id: `h${String(i).padStart(2, "0")}`, occupied: i % 10 !== 9 }));
const resident = households.filter((h) => h.occupied);

describe("satisfaction surveys, pure rules (SPEC §9)", () => {
  it("SUR-2: at least the rate of resident households, every complainant forced in (resident or not), reproducible from the seed", () => {
    const complainants = new Set(["h03", "h09", "h41"]); // h09 is not resident
    const draw = (seed: string) => drawEstateSample({ households, complainants, rate: 0.6, seed, estateId: "e1" });
    const a = draw("s1");
    expect(a.populationSize).toBe(45);
    const residentIn = a.members.filter((m) => resident.some((h) => h.id === m.householdId));
    expect(residentIn).toHaveLength(27); // ceil(45 × 0.6)
    for (const h of complainants) expect(a.members.find((m) => m.householdId === h)?.reason).toBe("FORCED_COMPLAINANT");
    expect(a.members.filter((m) => m.reason === "RANDOM")).toHaveLength(25);
    expect(draw("s1")).toEqual(a);
    // Row order does not matter; another seed or another estate draws others.
    expect(drawEstateSample({ households: [...households].reverse(), complainants, rate: 0.6, seed: "s1", estateId: "e1" })).toEqual(a);
    expect(draw("s2").members).not.toEqual(a.members);
    expect(drawEstateSample({ households, complainants, rate: 0.6, seed: "s1", estateId: "e2" }).members).not.toEqual(a.members);
    // More complainants than the rate asks: all of them, no random members.
    const many = new Set(resident.slice(0, 30).map((h) => h.id));
    expect(
      drawEstateSample({ households, complainants: many, rate: 0.6, seed: "s1", estateId: "e1" }).members.map((m) => m.reason),
    ).toEqual(Array(30).fill("FORCED_COMPLAINANT"));
  });

  it("SUR-2: a stored sample is compared with the draw made again; each member says why it is in", () => {
    const drawn = drawEstateSample({ households, complainants: new Set(["h03"]), rate: 0.6, seed: "s1", estateId: "e1" }).members;
    expect(compareSamples(drawn, drawn)).toEqual({ identical: true, missing: [], unexpected: [], reasonChanged: [] });
    const changed = [...drawn.slice(1), { householdId: "zz", reason: "RANDOM" as const }].map((m) =>
      m.householdId === "h03" ? { ...m, reason: "RANDOM" as const } : m,
    );
    expect(compareSamples(changed, drawn)).toEqual({
      identical: false,
      missing: [drawn[0]!.householdId],
      unexpected: ["zz"],
      reasonChanged: drawn[0]!.householdId === "h03" ? [] : ["h03"],
    });
    const window = { since: new Date("2026-11-10T01:00:00Z"), before: new Date("2027-05-10T01:00:00Z") };
    expect(explainMember("RANDOM", { seed: "abc", rate: 0.6 }, window)).toBe(
      "SUR-2: drawn at random from the resident households with seed abc to reach 60% of them",
    );
    expect(explainMember("FORCED_COMPLAINANT", { seed: "abc", rate: 0.6 }, window)).toMatch(
      /valid complaint since the previous campaign \(2026-11-10T01:00:00.000Z\) and before 2027-05-10T01:00:00.000Z/,
    );
  });

  it("SUR-1: DRAFT → RUNNING → CLOSED, or CANCELLED; anything else names the steps allowed", () => {
    for (const from of Object.values(SurveyCampaignStatus)) {
      for (const action of CAMPAIGN_ACTIONS) {
        const r = campaignTransition(from, action);
        if (CAMPAIGN_WORKFLOW[action].from.includes(from)) expect(r).toEqual({ ok: true, to: CAMPAIGN_WORKFLOW[action].to });
        else
          expect(r).toEqual({
            ok: false,
            reason: `${action} is not possible from ${from}; possible: ${availableCampaignActions(from).join(", ") || "none"}`,
          });
      }
    }
    expect(availableCampaignActions("CLOSED")).toEqual([]);
  });

  it("SUR-6: dimensions have unique codes, names and one overall; answers are 1-5, blank or N/A, one per dimension", () => {
    expect(
      checkDimensions(
        [
          { code: "overall", name: "总体", isOverall: true },
          { code: "repair_speed", name: "维修及时性", order: 5 },
        ],
        "d",
      ),
    ).toEqual({
      rows: [
        { code: "overall", label: "总体", description: null, sortOrder: 0, allowNotApplicable: false, isOverall: true },
        { code: "repair_speed", label: "维修及时性", description: null, sortOrder: 5, allowNotApplicable: true, isOverall: false },
      ],
      problems: [],
    });
    expect(checkDimensions([], "d").problems).toEqual([{ field: "d", reason: "A questionnaire has at least one dimension" }]);
    expect(
      checkDimensions(
        [
          { code: "A b", name: "" },
          { code: "x", name: "x", isOverall: true },
          { code: "x", name: "y", isOverall: true },
        ],
        "d",
      ).problems.map((p) => p.field),
    ).toEqual(["d.0.code", "d.0.name", "d.2.code", "d.2.isOverall"]);
    const dims = [
      { id: "o", code: "overall", allowNotApplicable: false },
      { id: "c", code: "community", allowNotApplicable: true },
      { id: "s", code: "speed", allowNotApplicable: true },
    ];
    const ok = checkAnswers(
      [
        { dimension: "speed", rating: 2, comment: " 太慢 " },
        { dimension: "community", notApplicable: true },
      ],
      dims,
      "input.answers",
    );
    expect(ok).toEqual({
      rows: [
        { dimensionId: "o", rating: null, notApplicable: false, comment: null },
        { dimensionId: "c", rating: null, notApplicable: true, comment: null },
        { dimensionId: "s", rating: 2, notApplicable: false, comment: "太慢" },
      ],
      problems: [],
    });
    const bad = checkAnswers(
      [
        { dimension: "nope" },
        { dimension: "overall", notApplicable: true },
        { dimension: "speed", rating: 2.5 },
        { dimension: "speed", rating: 0, notApplicable: true },
        { dimension: "community", comment: "x".repeat(2001) },
      ],
      dims,
      "input.answers",
    );
    expect(bad.problems.map((p) => p.field)).toEqual([
      "input.answers.0.dimension",
      "input.answers.1.notApplicable",
      "input.answers.2.rating",
      "input.answers.3.dimension",
      "input.answers.3.rating",
      "input.answers.3.notApplicable",
      "input.answers.4.comment",
    ]);
  });

  it("§11: a rate keeps numerator and denominator and is met when rate ≥ target, exactly", () => {
    expect(rateOf(9, 10, 90)).toEqual({ numerator: 9, denominator: 10, rate: 0.9, target: 0.9, met: true });
    expect(rateOf(4, 5, 80)).toMatchObject({ rate: 0.8, met: true });
    expect(rateOf(89, 100, 90)).toMatchObject({ met: false });
    expect(rateOf(0, 0, 90)).toEqual({ numerator: 0, denominator: 0, rate: null, target: 0.9, met: null });
    expect(rateOf(1, 2, null)).toEqual({ numerator: 1, denominator: 2, rate: 0.5, target: null, met: null });
  });

  it("SUR-5: week 1 analysis, week 2 targeted callbacks, week 3 open letters and signed visits, from the end", () => {
    const end = new Date("2027-04-20T10:00:00Z");
    expect(POST_SURVEY_PLAN.map((p) => [p.kind, postSurveyDueAt(end, p.week).toISOString()])).toEqual([
      ["ANALYSIS", "2027-04-27T10:00:00.000Z"],
      ["TARGETED_CALLBACKS", "2027-05-04T10:00:00.000Z"],
      ["OPEN_LETTER", "2027-05-11T10:00:00.000Z"],
      ["INDIVIDUAL_CALLBACK", "2027-05-11T10:00:00.000Z"],
    ]);
  });

  it("SUR-7: a meeting's counts are whole, members met ≤ members, answered ≤ raised", () => {
    const ok = { membersTotal: 20, membersMet: 18, requestsRaised: 5, requestsAnswered: 5 };
    expect(checkMeetingCounts(ok, "input")).toBeNull();
    expect(checkMeetingCounts({ ...ok, membersMet: 21 }, "input")?.field).toBe("input.membersMet");
    expect(checkMeetingCounts({ ...ok, requestsAnswered: 6 }, "input")?.field).toBe("input.requestsAnswered");
    expect(checkMeetingCounts({ ...ok, membersTotal: 0, membersMet: 0 }, "input")?.field).toBe("input.membersTotal");
    expect(checkMeetingCounts({ ...ok, requestsRaised: -1 }, "input")?.field).toBe("input.requestsRaised");
  });
});
