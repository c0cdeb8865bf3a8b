import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { globalId, rowId } from "./graphql.ts";
import { CAMPAIGN_ERRORS, errors, surveyClient } from "./survey-client.ts";

/**
 * SPEC §9 after the sample, on a hand-made example: hand-outs and returns with the exact return
 * rate and the follow-ups of questionnaires not returned (SUR-3), answers one by one and in bulk
 * (SUR-6), satisfaction against the target (SUR-4), the post-survey plan and open letters (SUR-5),
 * the protection of notes and comments (SEC-7), tenants' meetings (SUR-7).
 */
const sh = (local: string) => new Date(`${local}+08:00`);
const HANDOUT =
  "id version returnedAt comment household { code } distributor { login } followUps responses { dimension { code } rating notApplicable blank comment }";
const HANDOUT_ERRORS = errors("SurveyCampaignStateError", "SurveyCampaignConflictError", "SurveyHandoutConflictError");
const RATE = "numerator denominator rate target met";

interface Handout {
  id: string;
  version: number;
  returnedAt: string | null;
  comment: string | null;
  household: { code: string };
  distributor: { login: string } | null;
  followUps: number;
  responses: { dimension: { code: string }; rating: number | null; notApplicable: boolean; blank: boolean; comment: string | null }[];
}

describe("satisfaction surveys: returns, answers and figures (SUR-3…SUR-7)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let now = sh("2027-04-01T09:00:00");
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  let api: ReturnType<typeof surveyClient>;
  const at = (instant: Date) => {
    now = instant;
    api.reset();
  };
  let campaign = { id: "", version: 0 };
  const sample: Record<"LX" | "JH", { id: string; code: string }[]> = { LX: [], JH: [] };
  const handouts = new Map<string, Handout>();

  const handOut = (login: string, rows: Record<string, unknown>[]) =>
    api.payload<Handout[]>(
      login,
      `mutation($input: RecordSurveyHandoutsInput!) { recordSurveyHandouts(input: $input) { ${CAMPAIGN_ERRORS} ... on MutationRecordSurveyHandoutsSuccess { data { ${HANDOUT} } } } }`,
      { input: { campaignId: campaign.id, handouts: rows } },
    );
  const giveBack = (login: string, h: { id: string; version: number }, extra: Record<string, unknown> = {}) =>
    api.payload<Handout>(
      login,
      `mutation($input: RecordSurveyReturnInput!) { recordSurveyReturn(input: $input) { ${HANDOUT_ERRORS} ... on MutationRecordSurveyReturnSuccess { data { ${HANDOUT} } } } }`,
      { input: { handoutId: h.id, version: h.version, ...extra } },
    );
  const answer = (login: string, h: { id: string; version: number }, answers: Record<string, unknown>[]) =>
    api.payload<Handout>(
      login,
      `mutation($input: RecordSurveyResponseInput!) { recordSurveyResponse(input: $input) { ${HANDOUT_ERRORS} ... on MutationRecordSurveyResponseSuccess { data { ${HANDOUT} } } } }`,
      { input: { handoutId: h.id, version: h.version, answers } },
    );
  const bulk = (login: string, rows: Record<string, unknown>[]) =>
    api.payload<{ questionnaires: number; answers: number }>(
      login,
      `mutation($input: RecordSurveyResponsesInput!) { recordSurveyResponses(input: $input) { ${errors("SurveyCampaignStateError", "SurveyBulkEntryError")} ... on MutationRecordSurveyResponsesSuccess { data { questionnaires answers } } } }`,
      { input: { campaignId: campaign.id, rows } },
    );
  const handout = (code: string) => handouts.get(code)!;
  const state = async (code: string) =>
    (
      await q(
        `SELECT h.version, h.returned_at, (SELECT count(*)::int FROM survey_responses r WHERE r.handout_id = h.id) AS responses FROM survey_handouts h WHERE h.id = $1`,
        [rowId(handout(code).id)],
      )
    )[0];

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: () => now });
    api = surveyClient(app);
    const [lx] = await q(`SELECT id FROM estates WHERE code = 'LX'`);
    const [jh] = await q(`SELECT id FROM estates WHERE code = 'JH'`);
    const [r2] = await q(`SELECT id FROM questionnaires WHERE code = 'SAT' AND revision = 2`);
    const created = await api.ok<{ id: string; version: number }>(
      "manager",
      `mutation($input: CreateSurveyCampaignInput!) { createSurveyCampaign(input: $input) { ${CAMPAIGN_ERRORS} ... on MutationCreateSurveyCampaignSuccess { data { id version } } } }`,
      {
        input: {
          code: "SP-2027-01",
          name: "丽轩花园、金汇广场专项调查",
          kind: "SPECIAL",
          questionnaireId: globalId("Questionnaire", r2.id),
          estateIds: [globalId("Estate", lx.id), globalId("Estate", jh.id)],
          startsAt: sh("2027-04-01T10:00:00").toISOString(),
          endsAt: sh("2027-04-20T18:00:00").toISOString(),
        },
      },
    );
    const drawn = await api.ok<{ version: number }>(
      "manager",
      `mutation($id: ID!) { drawSurveySample(campaignId: $id) { ${CAMPAIGN_ERRORS} ... on MutationDrawSurveySampleSuccess { data { version } } } }`,
      { id: created.id },
    );
    at(sh("2027-04-01T10:00:00"));
    campaign = await api.ok(
      "manager",
      `mutation($input: StartSurveyCampaignInput!) { startSurveyCampaign(input: $input) { ${CAMPAIGN_ERRORS} ... on MutationStartSurveyCampaignSuccess { data { id version } } } }`,
      { input: { id: created.id, version: drawn.version } },
    );
    for (const code of ["LX", "JH"] as const) {
      sample[code] = await q(
        `SELECT h.id, h.code FROM survey_sample_members m JOIN households h ON h.id = m.household_id JOIN estates e ON e.id = m.estate_id
        WHERE m.campaign_id = $1 AND e.code = $2 AND h.occupied ORDER BY h.code LIMIT 5`,
        [rowId(campaign.id), code],
      );
    }
  });

  it("SUR-3: one questionnaire per sampled household, handed out by whom and when; bad rows change nothing", async () => {
    at(sh("2027-04-02T09:00:00"));
    const [lx, jh] = [sample.LX, sample.JH];
    const [outside] = await q(
      `SELECT h.id FROM households h JOIN estates e ON e.id = h.estate_id WHERE e.code = 'LX' AND NOT EXISTS
      (SELECT 1 FROM survey_sample_members m WHERE m.household_id = h.id AND m.campaign_id = $1) LIMIT 1`,
      [rowId(campaign.id)],
    );
    const hid = (h: { id: string }) => globalId("Household", h.id);
    expect(await handOut("frontdesk.lx", [{ householdId: hid(outside) }])).toMatchObject({
      __typename: "InputError",
      field: "input.handouts.0.householdId",
    });
    expect(await handOut("frontdesk.lx", [{ householdId: hid(lx[0]!) }, { householdId: hid(jh[0]!) }])).toMatchObject({
      __typename: "InputError",
      field: "input.handouts.1.householdId",
    });
    expect(await handOut("frontdesk.lx", [{ householdId: hid(lx[0]!) }, { householdId: hid(lx[0]!) }])).toMatchObject({
      __typename: "InputError",
      field: "input.handouts.1.householdId",
    });
    expect(
      await handOut("frontdesk.lx", [{ householdId: hid(lx[0]!), handedOutAt: sh("2027-03-31T09:00:00").toISOString() }]),
    ).toMatchObject({ __typename: "InputError", field: "input.handouts.0.handedOutAt" });
    expect(await q(`SELECT count(*)::int AS n FROM survey_handouts WHERE campaign_id = $1`, [rowId(campaign.id)])).toEqual([{ n: 0 }]);
    const lxOut = await handOut(
      "frontdesk.lx",
      lx.map((h, i) => ({ householdId: hid(h), ...(i === 0 ? { comment: "业主不在家，交其母亲，电话13800001234" } : {}) })),
    );
    const jhOut = await handOut(
      "frontdesk.jh",
      jh.slice(0, 3).map((h) => ({ householdId: hid(h) })),
    );
    for (const h of [...lxOut.data!, ...jhOut.data!]) handouts.set(h.household.code, h);
    expect(lxOut.data!.map((h) => [h.household.code, h.distributor?.login, h.returnedAt])).toEqual(
      lx.map((h) => [h.code, "frontdesk.lx", null]),
    );
    expect(await handOut("frontdesk.jh", [{ householdId: hid(jh[0]!) }])).toMatchObject({
      __typename: "InputError",
      field: "input.handouts.0.householdId",
    });
    expect(
      (
        await api.run("analyst", `mutation($input: RecordSurveyHandoutsInput!) { recordSurveyHandouts(input: $input) { __typename } }`, {
          input: { campaignId: campaign.id, handouts: [{ householdId: hid(jh[3]!) }] },
        })
      ).errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN");
  });

  it("SUR-3: the live return rate per campaign and estate is exact, with numerator and denominator, against SUR-3.returnRate", async () => {
    at(sh("2027-04-05T15:00:00"));
    const [lx, jh] = [sample.LX.map((h) => h.code), sample.JH.map((h) => h.code)];
    for (const code of lx.slice(0, 4)) handouts.set(code, (await giveBack("frontdesk.lx", handout(code))).data!);
    handouts.set(jh[0]!, (await giveBack("frontdesk.jh", handout(jh[0]!))).data!);
    expect(handout(lx[0]!).returnedAt).toBe(now.toISOString());
    // A stale version is a conflict and changes nothing; a return before the hand-out is bad input.
    const stale = await giveBack(
      "frontdesk.lx",
      { ...handout(lx[0]!), version: 0 },
      { returnedAt: sh("2027-04-03T09:00:00").toISOString() },
    );
    expect(stale).toMatchObject({
      __typename: "SurveyHandoutConflictError",
      currentVersion: 1,
      current: { version: 1, returnedAt: now.toISOString() },
    });
    expect(await giveBack("frontdesk.lx", handout(lx[4]!), { returnedAt: sh("2027-04-01T09:00:00").toISOString() })).toMatchObject({
      __typename: "InputError",
      field: "input.returnedAt",
    });
    expect(await state(lx[4]!)).toEqual({ version: 0, returned_at: null, responses: 0 });
    const rates = (login: string) =>
      api.run<{ surveyReturnRates: { campaign: unknown; estates: { estate: { code: string }; rate: unknown }[] } }>(
        login,
        `query($id: ID!) { surveyReturnRates(campaignId: $id) { campaign { ${RATE} } estates { estate { code } rate { ${RATE} } } } }`,
        { id: campaign.id },
      );
    const all = (await rates("analyst")).data!.surveyReturnRates;
    expect(all.campaign).toEqual({ numerator: 5, denominator: 8, rate: 0.625, target: 0.8, met: false });
    expect(Object.fromEntries(all.estates.map((e) => [e.estate.code, e.rate]))).toEqual({
      LX: { numerator: 4, denominator: 5, rate: 0.8, target: 0.8, met: true },
      JH: { numerator: 1, denominator: 3, rate: 1 / 3, target: 0.8, met: false },
    });
    // An estate's director sees the figures of the estate only; the front desk has no figures.
    expect((await rates("director.lx")).data!.surveyReturnRates).toEqual({
      campaign: { numerator: 4, denominator: 5, rate: 0.8, target: 0.8, met: true },
      estates: [{ estate: { code: "LX" }, rate: { numerator: 4, denominator: 5, rate: 0.8, target: 0.8, met: true } }],
    });
    expect((await rates("frontdesk.lx")).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("SUR-6: answers entered one by one are checked per answer against the questionnaire; bad ones name the field and change nothing", async () => {
    const code = sample.LX[0]!.code;
    const before = await state(code);
    const h = handout(code);
    expect(
      await answer("frontdesk.lx", h, [
        { dimension: "overall", rating: 5 },
        { dimension: "cleaning", rating: 4 },
        { dimension: "security", rating: 4 },
        { dimension: "repair_speed", rating: 6 },
      ]),
    ).toMatchObject({ __typename: "InputError", field: "input.answers.3.rating" });
    expect(await answer("frontdesk.lx", h, [{ dimension: "parking", rating: 5 }])).toMatchObject({
      __typename: "InputError",
      field: "input.answers.0.dimension",
    });
    expect(await answer("frontdesk.lx", h, [{ dimension: "overall", notApplicable: true }])).toMatchObject({
      __typename: "InputError",
      field: "input.answers.0.notApplicable",
    });
    expect(
      await answer("frontdesk.lx", h, [
        { dimension: "cleaning", rating: 3 },
        { dimension: "cleaning", rating: 4 },
      ]),
    ).toMatchObject({ __typename: "InputError", field: "input.answers.1.dimension" });
    expect(await answer("frontdesk.lx", { ...h, version: 0 }, [{ dimension: "overall", rating: 5 }])).toMatchObject({
      __typename: "SurveyHandoutConflictError",
      currentVersion: h.version,
    });
    expect(await state(code)).toEqual(before);
    const done = await answer("frontdesk.lx", h, [
      { dimension: "overall", rating: 5 },
      { dimension: "repair_speed", rating: 2, comment: "报修后三天才来人" },
      { dimension: "community_activities", notApplicable: true },
    ]);
    const r = done.data!.responses;
    expect(r).toHaveLength(11);
    expect(r.find((x) => x.dimension.code === "repair_speed")).toEqual({
      dimension: { code: "repair_speed" },
      rating: 2,
      notApplicable: false,
      blank: false,
      comment: "报修后三天才来人",
    });
    expect(r.find((x) => x.dimension.code === "community_activities")).toMatchObject({ rating: null, notApplicable: true, blank: false });
    expect(r.filter((x) => x.blank)).toHaveLength(8);
    handouts.set(code, done.data!);
  });

  it("SUR-6, §13: bulk entry is all or nothing and reports every bad row with its line, field and reason", async () => {
    const [l1, l2, l3, l4] = sample.LX.map((h) => h.code);
    const j1 = sample.JH[0]!.code;
    const row = (householdCode: string, overall: number, speed: number, line?: number) => ({
      householdCode,
      line,
      answers: [
        { dimension: "overall", rating: overall },
        { dimension: "repair_speed", rating: speed },
      ],
    });
    const bad = await bulk("frontdesk.lx", [
      row(l2!, 4, 4, 11),
      { ...row(l3!, 3, 5, 12), answers: [{ dimension: "overall", rating: 0 }] },
      row("NOPE-1", 5, 5, 13),
      row(l1!, 5, 5),
      { householdCode: l4, handoutId: handout(l4!).id, answers: [] },
    ]);
    expect(bad.__typename).toBe("SurveyBulkEntryError");
    expect(bad.problems!.map((p) => [p.index, p.line, p.field])).toEqual([
      [1, 12, "input.rows.1.answers.0.rating"],
      [2, 13, "input.rows.2.householdCode"],
      [3, 4, "input.rows.3.householdCode"],
      [4, 5, "input.rows.4.handoutId"],
    ]);
    expect(bad.problems![2]!.reason).toMatch(/entered already/);
    expect(await q(`SELECT count(*)::int AS n FROM survey_responses WHERE campaign_id = $1`, [rowId(campaign.id)])).toEqual([{ n: 11 }]);
    // JH's questionnaire is not in the front desk of LX's estates.
    expect((await bulk("frontdesk.lx", [row(j1, 5, 3)])).problems).toEqual([
      { index: 0, line: 1, field: "input.rows.0.householdCode", reason: expect.stringMatching(/in your estates/) },
    ]);
    expect(await bulk("frontdesk.lx", [row(l2!, 4, 4, 11), row(l3!, 3, 5, 12), row(l4!, 2, 1, 13)])).toMatchObject({
      data: { questionnaires: 3, answers: 33 },
    });
    expect(await bulk("frontdesk.jh", [row(j1, 5, 3)])).toMatchObject({ data: { questionnaires: 1 } });
  });

  it("SUR-4, §11: satisfaction per dimension and overall = ratings 4-5 ÷ ratings 1-5 (blank and N/A excluded), per campaign and estate, against the target in force", async () => {
    const FIG = `dimension { code } rate { ${RATE} } score`;
    const r = await api.read<{ surveySatisfaction: { campaign: Record<string, unknown>; estates: Record<string, unknown>[] } }>(
      "analyst",
      `query($id: ID!) { surveySatisfaction(campaignId: $id) { campaign { estate { code } overall { ${FIG} } allAnswers { ${FIG} } dimensions { ${FIG} } }
        estates { estate { code } overall { ${FIG} } allAnswers { ${FIG} } dimensions { ${FIG} } } } }`,
      { id: campaign.id },
    );
    const s = r.surveySatisfaction;
    type Fig = { dimension: { code: string } | null; rate: unknown; score: number | null };
    const dim = (scope: Record<string, unknown>, code: string) => (scope.dimensions as Fig[]).find((d) => d.dimension?.code === code)!;
    // Overall: LX 5, 4, 3, 2 and JH 5 → 3 of 5; targets 92% (LX, the campaign) and 95% (JH, commercial override).
    expect(s.campaign.overall).toEqual({
      dimension: { code: "overall" },
      rate: { numerator: 3, denominator: 5, rate: 0.6, target: 0.92, met: false },
      score: 70,
    });
    const byEstate = Object.fromEntries(s.estates.map((e) => [(e.estate as { code: string }).code, e]));
    expect(byEstate.LX!.overall).toEqual({
      dimension: { code: "overall" },
      rate: { numerator: 2, denominator: 4, rate: 0.5, target: 0.92, met: false },
      score: 62.5,
    });
    expect(byEstate.JH!.overall).toEqual({
      dimension: { code: "overall" },
      rate: { numerator: 1, denominator: 1, rate: 1, target: 0.95, met: true },
      score: 100,
    });
    // Repair speed: LX 2, 4, 5, 1 and JH 3 → 2 of 5.
    expect(dim(s.campaign, "repair_speed").rate).toEqual({ numerator: 2, denominator: 5, rate: 0.4, target: 0.92, met: false });
    expect(dim(byEstate.JH!, "repair_speed").rate).toEqual({ numerator: 0, denominator: 1, rate: 0, target: 0.95, met: false });
    // Not applicable and blank are not answers: no denominator, neither met nor missed.
    expect(dim(s.campaign, "community_activities")).toEqual({
      dimension: { code: "community_activities" },
      rate: { numerator: 0, denominator: 0, rate: null, target: 0.92, met: null },
      score: null,
    });
    expect(s.campaign.allAnswers).toMatchObject({ dimension: null, rate: { numerator: 5, denominator: 10 } });
    expect((s.campaign.dimensions as Fig[]).map((d) => d.dimension!.code)).toHaveLength(11);
    expect(
      (await api.run("frontdesk.lx", `{ surveySatisfaction(campaignId: "${campaign.id}") { campaign { allAnswers { score } } } }`))
        .errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN");
  });

  it("SEC-7, SEC-3: the hand-out note and the answers' comments are masked for the analyst and raw, and logged, for the estate's staff", async () => {
    const code = sample.LX[0]!.code;
    const read = (login: string) =>
      api.read<{ node: Handout | null }>(login, `query($id: ID!) { node(id: $id) { ... on SurveyHandout { ${HANDOUT} } } }`, {
        id: handout(code).id,
      });
    const masked = (await read("analyst")).node!;
    expect(masked.comment).toBe("***");
    expect(masked.responses.find((x) => x.dimension.code === "repair_speed")!.comment).toBe("***");
    const raw = (await read("frontdesk.lx")).node!;
    expect(raw.comment).toBe("业主不在家，交其母亲，电话13800001234");
    expect(raw.responses.find((x) => x.dimension.code === "repair_speed")!.comment).toBe("报修后三天才来人");
    expect((await read("frontdesk.jh")).node).toBeNull();
    const logged = await q(
      `SELECT DISTINCT a.record_type::text, a.fields FROM access_logs a JOIN staff s ON s.id = a.staff_id WHERE s.login = 'frontdesk.lx' AND a.record_type IN ('SURVEY_HANDOUT', 'SURVEY_RESPONSE') ORDER BY 1`,
    );
    expect(logged).toEqual([
      { record_type: "SURVEY_HANDOUT", fields: ["comment"] },
      { record_type: "SURVEY_RESPONSE", fields: ["comment"] },
    ]);
  });

  it("SUR-3: after the end every questionnaire not returned by then gets one follow-up callback by its distributor, never two", async () => {
    const [j2, j3] = [sample.JH[1]!.code, sample.JH[2]!.code];
    const plan = (login: string) =>
      api.payload<{ notReturned: number; created: number; alreadyPlanned: number }>(
        login,
        `mutation($id: ID!) { planSurveyFollowups(campaignId: $id) { ${CAMPAIGN_ERRORS} ... on MutationPlanSurveyFollowupsSuccess { data { notReturned created alreadyPlanned } } } }`,
        { id: campaign.id },
      );
    at(sh("2027-04-10T09:00:00"));
    expect(await plan("manager")).toMatchObject({ __typename: "SurveyCampaignStateError", field: "campaignId", status: "RUNNING" });
    at(sh("2027-04-21T09:00:00"));
    // Returned after the end: still not returned by the end.
    handouts.set(j2, (await giveBack("frontdesk.jh", handout(j2))).data!);
    // The front desk plans its estate's; the manager the rest; a second call plans nothing new.
    expect(await plan("frontdesk.lx")).toMatchObject({ data: { notReturned: 1, created: 1, alreadyPlanned: 0 } });
    expect(await plan("manager")).toMatchObject({ data: { notReturned: 3, created: 2, alreadyPlanned: 1 } });
    expect(await plan("manager")).toMatchObject({ data: { notReturned: 3, created: 0, alreadyPlanned: 3 } });
    const callbacks = await q(
      `SELECT h.code, c.kind::text, c.status::text, s.login AS assigned, c.due_at, c.no ~ '^HF[0-9]{9}$' AS numbered FROM callbacks c
      JOIN households h ON h.id = c.household_id JOIN staff s ON s.id = c.assigned_to_id JOIN survey_handouts o ON o.id = c.survey_handout_id
      WHERE c.survey_campaign_id = $1 ORDER BY h.code`,
      [rowId(campaign.id)],
    );
    const due = sh("2027-04-27T18:00:00");
    expect(callbacks).toEqual(
      [
        { code: sample.LX[4]!.code, kind: "SURVEY_FOLLOWUP", status: "PLANNED", assigned: "frontdesk.lx", due_at: due, numbered: true },
        { code: j2, kind: "SURVEY_FOLLOWUP", status: "PLANNED", assigned: "frontdesk.jh", due_at: due, numbered: true },
        { code: j3, kind: "SURVEY_FOLLOWUP", status: "PLANNED", assigned: "frontdesk.jh", due_at: due, numbered: true },
      ].sort((a, b) => a.code.localeCompare(b.code)),
    );
    expect(
      (
        await api.read<{ node: { followUps: number } }>(
          "frontdesk.jh",
          `{ node(id: "${handout(j3).id}") { ... on SurveyHandout { followUps } } }`,
        )
      ).node.followUps,
    ).toBe(1);
    expect(
      (await api.run("analyst", `mutation { planSurveyFollowups(campaignId: "${campaign.id}") { __typename } }`)).errors?.[0]?.extensions
        ?.code,
    ).toBe("FORBIDDEN");
  });

  it("SUR-5: closed, the campaign's post-survey plan is due week 1, 2 and 3 after its end; tasks are completed with a note; open letters state method, measures and date", async () => {
    const closed = await api.ok<{ status: string; version: number; endsAt: string }>(
      "manager",
      `mutation($input: CloseSurveyCampaignInput!) { closeSurveyCampaign(input: $input) { ${CAMPAIGN_ERRORS} ... on MutationCloseSurveyCampaignSuccess { data { status version endsAt } } } }`,
      {
        input: {
          id: campaign.id,
          version: (await q(`SELECT version FROM survey_campaigns WHERE id = $1`, [rowId(campaign.id)]))[0].version,
        },
      },
    );
    expect(closed).toMatchObject({ status: "CLOSED", endsAt: sh("2027-04-20T18:00:00").toISOString() });
    expect(await handOut("frontdesk.lx", [{ householdId: globalId("Household", sample.LX[0]!.id) }])).toMatchObject({
      __typename: "SurveyCampaignStateError",
      field: "input.campaignId",
      status: "CLOSED",
    });
    type Task = { id: string; kind: string; dueAt: string; status: string; version: number; doneNote: string | null };
    const plan = () =>
      api.ok<Task[]>(
        "manager",
        `mutation($id: ID!) { planPostSurveyTasks(campaignId: $id) { ${CAMPAIGN_ERRORS} ... on MutationPlanPostSurveyTasksSuccess { data { id kind dueAt status version doneNote } } } }`,
        { id: campaign.id },
      );
    const tasks = await plan();
    expect(tasks.map((k) => [k.kind, k.dueAt])).toEqual([
      ["ANALYSIS", sh("2027-04-27T18:00:00").toISOString()],
      ["TARGETED_CALLBACKS", sh("2027-05-04T18:00:00").toISOString()],
      ["OPEN_LETTER", sh("2027-05-11T18:00:00").toISOString()],
      ["INDIVIDUAL_CALLBACK", sh("2027-05-11T18:00:00").toISOString()],
    ]);
    expect((await plan()).map((k) => k.id)).toEqual(tasks.map((k) => k.id));
    const complete = (input: Record<string, unknown>) =>
      api.payload<Task>(
        "manager",
        `mutation($input: CompleteSurveyTaskInput!) { completeSurveyTask(input: $input) { ${errors("SurveyTaskConflictError")} ... on MutationCompleteSurveyTaskSuccess { data { id kind status version doneNote } } } }`,
        { input },
      );
    const analysis = tasks[0]!;
    expect(await complete({ id: analysis.id, version: 3, note: "x" })).toMatchObject({
      __typename: "SurveyTaskConflictError",
      currentVersion: 0,
    });
    expect(await complete({ id: analysis.id, version: 0, note: "  " })).toMatchObject({ __typename: "InputError", field: "input.note" });
    expect(await q(`SELECT status::text, version FROM survey_tasks WHERE id = $1`, [rowId(analysis.id)])).toEqual([
      { status: "OPEN", version: 0 },
    ]);
    expect((await complete({ id: analysis.id, version: 0, note: "维修及时性满意率偏低，列入纠正措施" })).data).toMatchObject({
      status: "DONE",
      version: 1,
      doneNote: "维修及时性满意率偏低，列入纠正措施",
    });
    expect(await complete({ id: analysis.id, version: 1, note: "again" })).toMatchObject({ __typename: "InputError", field: "input.id" });
    const [lxEstate] = await q(`SELECT id FROM estates WHERE code = 'LX'`);
    const letter = (input: Record<string, unknown>) =>
      api.payload<{ title: string; estate: { code: string } | null; earliestCompletionAt: string }>(
        "frontdesk.lx",
        `mutation($input: RecordSurveyOpenLetterInput!) { recordSurveyOpenLetter(input: $input) { ${CAMPAIGN_ERRORS} ... on MutationRecordSurveyOpenLetterSuccess { data { title estate { code } earliestCompletionAt } } } }`,
        {
          input: {
            campaignId: campaign.id,
            estateId: globalId("Estate", lxEstate.id),
            title: "关于报修响应慢的公开信",
            body: "致全体业主",
            method: "增设夜间维修班",
            measures: "维修工增至六人",
            earliestCompletionAt: sh("2027-06-01T00:00:00").toISOString(),
            ...input,
          },
        },
      );
    expect(await letter({ method: "" })).toMatchObject({ __typename: "InputError", field: "input.method" });
    expect((await letter({})).data).toEqual({
      title: "关于报修响应慢的公开信",
      estate: { code: "LX" },
      earliestCompletionAt: sh("2027-06-01T00:00:00").toISOString(),
    });
    // A letter to every estate of the campaign is for staff of all of them.
    expect(await letter({ estateId: null })).toMatchObject({ __typename: "ForbiddenError" });
    const read = await api.read<{ node: { openLetters: { title: string }[]; tasks: { kind: string; status: string }[] } }>(
      "manager",
      `{ node(id: "${campaign.id}") { ... on SurveyCampaign { openLetters { title } tasks { kind status } } } }`,
    );
    expect(read.node.openLetters).toEqual([{ title: "关于报修响应慢的公开信" }]);
    expect(read.node.tasks.map((k) => `${k.kind}:${k.status}`)).toEqual([
      "ANALYSIS:DONE",
      "TARGETED_CALLBACKS:OPEN",
      "OPEN_LETTER:OPEN",
      "INDIVIDUAL_CALLBACK:OPEN",
    ]);
  });

  it("SUR-7: tenants' meetings give the year's members-met rate (≥ 90%) and requests-answered rate (100%) with numerator and denominator", async () => {
    const [jh] = await q(`SELECT id FROM estates WHERE code = 'JH'`);
    type Meeting = { id: string; version: number; requestsAnswered: number };
    const record = (login: string, input: Record<string, unknown>) =>
      api.payload<Meeting>(
        login,
        `mutation($input: RecordTenantMeetingInput!) { recordTenantMeeting(input: $input) { ${errors()} ... on MutationRecordTenantMeetingSuccess { data { id version requestsAnswered } } } }`,
        {
          input: {
            estateId: globalId("Estate", jh.id),
            heldAt: sh("2027-03-15T14:00:00").toISOString(),
            membersTotal: 20,
            membersMet: 18,
            requestsRaised: 5,
            requestsAnswered: 4,
            ...input,
          },
        },
      );
    expect(await record("frontdesk.jh", { membersMet: 21 })).toMatchObject({ __typename: "InputError", field: "input.membersMet" });
    expect(await record("frontdesk.jh", { requestsAnswered: 6 })).toMatchObject({
      __typename: "InputError",
      field: "input.requestsAnswered",
    });
    expect(await record("frontdesk.jh", { heldAt: sh("2027-05-01T14:00:00").toISOString() })).toMatchObject({
      __typename: "InputError",
      field: "input.heldAt",
    });
    expect(await record("frontdesk.lx", {})).toMatchObject({ __typename: "InputError", field: "input.estateId" });
    expect(await q(`SELECT count(*)::int AS n FROM tenant_meetings`)).toEqual([{ n: 0 }]);
    const first = (await record("frontdesk.jh", { minutes: "物业费公示、空调时间" })).data!;
    await record("frontdesk.jh", {
      heldAt: sh("2027-04-15T14:00:00").toISOString(),
      membersMet: 19,
      requestsRaised: 3,
      requestsAnswered: 3,
    });
    const rates = () =>
      api
        .read<{
          tenantMeetingRates: { estate: { code: string } | null; meetings: number; membersMet: unknown; requestsAnswered: unknown }[];
        }>("analyst", `{ tenantMeetingRates(year: 2027) { estate { code } meetings membersMet { ${RATE} } requestsAnswered { ${RATE} } } }`)
        .then((r) => r.tenantMeetingRates);
    const jhRates = (met: number) => ({
      meetings: 2,
      membersMet: { numerator: 37, denominator: 40, rate: 0.925, target: 0.9, met: true },
      requestsAnswered: { numerator: met, denominator: 8, rate: met / 8, target: 1, met: met === 8 },
    });
    expect(await rates()).toEqual([
      { estate: null, ...jhRates(7) },
      { estate: { code: "JH" }, ...jhRates(7) },
    ]);
    // The last request is answered later: the meeting is updated with its version.
    const update = (input: Record<string, unknown>) =>
      api.payload<Meeting>(
        "frontdesk.jh",
        `mutation($input: UpdateTenantMeetingInput!) { updateTenantMeeting(input: $input) { ${errors("TenantMeetingConflictError")} ... on MutationUpdateTenantMeetingSuccess { data { id version requestsAnswered } } } }`,
        { input },
      );
    expect(await update({ id: first.id, version: 5, requestsAnswered: 5 })).toMatchObject({
      __typename: "TenantMeetingConflictError",
      currentVersion: 0,
    });
    expect((await update({ id: first.id, version: 0, requestsAnswered: 5 })).data).toMatchObject({ version: 1, requestsAnswered: 5 });
    expect(await rates()).toEqual([
      { estate: null, ...jhRates(8) },
      { estate: { code: "JH" }, ...jhRates(8) },
    ]);
    expect((await api.run("frontdesk.jh", `{ tenantMeetingRates(year: 2027) { meetings } }`)).errors?.[0]?.extensions?.code).toBe(
      "FORBIDDEN",
    );
  });
});
