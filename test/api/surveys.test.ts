import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { globalId, rowId } from "./graphql.ts";
import { CAMPAIGN_ERRORS, errors, surveyClient } from "./survey-client.ts";

/**
 * SPEC §9 through the API on a test clock: questionnaires versioned and frozen (SUR-6), campaigns
 * and their steps (SUR-1), the sampling plan (SUR-2). Hand-outs, returns, answers, figures, the
 * post-survey plan and tenants' meetings are in survey-returns.test.ts.
 */
const sh = (local: string) => new Date(`${local}+08:00`);

const QUESTIONNAIRE = `id code revision frozen version dimensions { code name order allowNotApplicable isOverall }`;
const CAMPAIGN = `id code kind status version availableActions startsAt endsAt previousCampaign { code } questionnaire { revision frozen }
  estates { estate { code } residentHouseholds }
  samples { estate { code } seed rate populationSize sampleSize members(first: 500) { totalCount edges { node { household { id } reason explanation } } } }`;

const Q_ERRORS = errors("QuestionnaireConflictError", "QuestionnaireFrozenError");

interface Campaign {
  id: string;
  code: string;
  status: string;
  version: number;
  availableActions: string[];
  previousCampaign: { code: string } | null;
  questionnaire: { revision: number; frozen: boolean };
  estates: { estate: { code: string }; residentHouseholds: number | null }[];
  samples: {
    estate: { code: string };
    seed: string;
    rate: number;
    populationSize: number;
    sampleSize: number;
    members: { totalCount: number; edges: { node: { household: { id: string }; reason: string; explanation: string } }[] };
  }[];
}

describe("satisfaction surveys: questionnaires, campaigns, sampling (SUR-1, SUR-2, SUR-6)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let now = sh("2027-04-01T09:00:00");
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  let api: ReturnType<typeof surveyClient>;
  const ids: Record<string, string> = {};
  let revision3 = { id: "", version: 0 };
  let campaign: Campaign;

  const createCampaign = (login: string, input: Record<string, unknown>) =>
    api.payload<Campaign>(
      login,
      `mutation($input: CreateSurveyCampaignInput!) { createSurveyCampaign(input: $input) { ${CAMPAIGN_ERRORS} ... on MutationCreateSurveyCampaignSuccess { data { ${CAMPAIGN} } } } }`,
      { input },
    );
  const step = (name: string, c: { id: string; version: number }, login = "manager") =>
    api.payload<Campaign>(
      login,
      `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${CAMPAIGN_ERRORS} ... on Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success { data { ${CAMPAIGN} } } } }`,
      { input: { id: c.id, version: c.version } },
    );
  const draw = (c: { id: string }, seed?: string, login = "manager") =>
    api.payload<Campaign>(
      login,
      `mutation($id: ID!, $seed: String) { drawSurveySample(campaignId: $id, seed: $seed) { ${CAMPAIGN_ERRORS} ... on MutationDrawSurveySampleSuccess { data { ${CAMPAIGN} } } } }`,
      { id: c.id, seed },
    );
  const members = async (campaignId: string) =>
    q(`SELECT household_id, reason::text FROM survey_sample_members WHERE campaign_id = $1 ORDER BY household_id`, [rowId(campaignId)]);
  async function complaint(householdId: string, valid: boolean) {
    const r = await api.ok<{ id: string; version: number }>(
      "service1",
      `mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { ${errors()} ... on MutationRegisterComplaintSuccess { data { id version } } } }`,
      { input: { channel: "PHONE", householdId: globalId("Household", householdId), complainantName: "孙先生", content: "楼道灯不亮" } },
    );
    await api.ok(
      "service1",
      `mutation($input: ClassifyComplaintInput!) { classifyComplaint(input: $input) { ${errors()} ... on MutationClassifyComplaintSuccess { data { id } } } }`,
      {
        input: valid
          ? { id: r.id, version: r.version, valid: true, kind: "SUGGESTION", categoryId: globalId("Category", ids.category!) }
          : { id: r.id, version: r.version, valid: false, invalidReason: "不属于物业服务范围" },
      },
    );
  }

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: () => now });
    api = surveyClient(app);
    for (const code of ["LX", "JH", "KC"]) [{ id: ids[code] }] = await q(`SELECT id FROM estates WHERE code = $1`, [code]);
    [{ id: ids.category }] = await q(`SELECT id FROM categories WHERE level = 2 ORDER BY code LIMIT 1`);
  });

  it("SUR-6: questionnaires are versioned; a new revision is a copy; one used by a running or closed campaign is frozen", async () => {
    const list = await api.read<{
      questionnaires: { id: string; revision: number; frozen: boolean; version: number; dimensions: { code: string }[] }[];
    }>("manager", `{ questionnaires(code: "SAT") { ${QUESTIONNAIRE} } }`);
    expect(list.questionnaires.map((x) => [x.revision, x.frozen, x.dimensions.length])).toEqual([
      [1, true, 10],
      [2, true, 11],
    ]);
    const r2 = list.questionnaires[1]!;
    const update = (input: Record<string, unknown>, login = "manager") =>
      api.payload<{ version: number; dimensions: { code: string; name: string; order: number }[] }>(
        login,
        `mutation($input: UpdateQuestionnaireInput!) { updateQuestionnaire(input: $input) { ${Q_ERRORS} ... on MutationUpdateQuestionnaireSuccess { data { ${QUESTIONNAIRE} } } } }`,
        { input },
      );
    // Revision 2 is used by the running campaign SAT-2026-H2: editing it is refused, nothing changes.
    const frozen = await update({ id: r2.id, version: r2.version, title: "改" });
    expect(frozen).toMatchObject({
      __typename: "QuestionnaireFrozenError",
      field: "input.id",
      campaignCodes: ["SAT-2025-H1", "SAT-2025-H2", "SAT-2026-H1", "SAT-2026-H2"],
    });
    expect(await q(`SELECT title, version FROM questionnaires WHERE id = $1`, [rowId(r2.id)])).toEqual([
      { title: "业主满意度调查问卷（第2版）", version: r2.version },
    ]);
    // A new revision is a copy of it, not frozen.
    const copy = await api.ok<{ id: string; revision: number; frozen: boolean; version: number; dimensions: { code: string }[] }>(
      "manager",
      `mutation($id: ID!) { reviseQuestionnaire(id: $id) { ${Q_ERRORS} ... on MutationReviseQuestionnaireSuccess { data { ${QUESTIONNAIRE} } } } }`,
      { id: r2.id },
    );
    expect(copy).toMatchObject({ revision: 3, frozen: false });
    expect(copy.dimensions.map((d) => d.code)).toEqual(r2.dimensions.map((d) => d.code));
    const dims = [
      ...copy.dimensions.map((d, i) => ({ code: d.code, name: `维度${i}`, isOverall: d.code === "overall" })),
      { code: "parking", name: "停车管理" },
    ];
    // Bad input names the field and changes nothing.
    expect(await update({ id: copy.id, version: copy.version, dimensions: [dims[0], dims[0]] })).toMatchObject({
      __typename: "InputError",
      field: "input.dimensions.1.code",
    });
    expect(
      await update({ id: copy.id, version: copy.version, dimensions: [{ ...dims[0], isOverall: true, allowNotApplicable: true }] }),
    ).toMatchObject({ __typename: "InputError", field: "input.dimensions.0.allowNotApplicable" });
    const edited = await update({ id: copy.id, version: copy.version, dimensions: dims });
    expect(edited.data!.dimensions.at(-1)).toEqual({
      code: "parking",
      name: "停车管理",
      order: 11,
      allowNotApplicable: true,
      isOverall: false,
    });
    // A stale version is a conflict and changes nothing.
    expect(await update({ id: copy.id, version: copy.version, title: "旧版本" })).toMatchObject({
      __typename: "QuestionnaireConflictError",
      currentVersion: copy.version + 1,
    });
    expect(await q(`SELECT count(*)::int AS n FROM questionnaire_dimensions WHERE questionnaire_id = $1`, [rowId(copy.id)])).toEqual([
      { n: 12 },
    ]);
    // Questionnaires serve every estate: an estate's front desk may not write them, an analyst not at all.
    expect(await update({ id: copy.id, version: edited.data!.version, title: "前台" }, "frontdesk.lx")).toMatchObject({
      __typename: "ForbiddenError",
    });
    expect(
      (await api.run("analyst", `mutation($id: ID!) { reviseQuestionnaire(id: $id) { __typename } }`, { id: copy.id })).errors?.[0]
        ?.extensions?.code,
    ).toBe("FORBIDDEN");
    revision3 = { id: copy.id, version: edited.data!.version };
  });

  it("SUR-1: two regular campaigns a year plus special ones; steps are checked against the status and the version", async () => {
    const base = {
      kind: "REGULAR",
      questionnaireId: revision3.id,
      startsAt: sh("2027-05-10T09:00:00").toISOString(),
      endsAt: sh("2027-06-09T18:00:00").toISOString(),
    };
    const h1 = await createCampaign("manager", { ...base, code: "SAT-2027-H1", name: "2027年上半年业主满意度调查" });
    expect(h1.data).toMatchObject({
      status: "DRAFT",
      version: 0,
      availableActions: ["START", "CANCEL"],
      previousCampaign: { code: "SAT-2026-H2" },
    });
    expect(h1.data!.estates.map((e) => e.estate.code).sort()).toEqual(["CH", "JH", "KC", "LX"]);
    campaign = h1.data!;
    // Bad input: each refusal names its field, and no campaign is created.
    const before = await q(`SELECT count(*)::int AS n FROM survey_campaigns`);
    expect(await createCampaign("manager", { ...base, code: "SAT-2027-H1", name: "重复" })).toMatchObject({
      __typename: "InputError",
      field: "input.code",
    });
    expect(await createCampaign("manager", { ...base, code: "X1", name: "x", endsAt: base.startsAt })).toMatchObject({
      __typename: "InputError",
      field: "input.endsAt",
    });
    expect(await createCampaign("manager", { ...base, code: "X2", name: "x", estateIds: [globalId("Estate", ids.LX!)] })).toMatchObject({
      __typename: "InputError",
      field: "input.estateIds",
    });
    expect(await createCampaign("manager", { ...base, code: "X3", name: "x", kind: "SPECIAL" })).toMatchObject({
      __typename: "InputError",
      field: "input.estateIds",
    });
    expect(
      await createCampaign("manager", {
        ...base,
        code: "X4",
        name: "x",
        questionnaireId: globalId("Questionnaire", "00000000-0000-4000-8000-000000000000"),
      }),
    ).toMatchObject({ __typename: "InputError", field: "input.questionnaireId" });
    expect(await q(`SELECT count(*)::int AS n FROM survey_campaigns`)).toEqual(before);
    // Two regular surveys a year: the third is refused; a special one is fine.
    await createCampaign("manager", {
      ...base,
      code: "SAT-2027-H2",
      name: "2027年下半年",
      startsAt: sh("2027-11-10T09:00:00").toISOString(),
      endsAt: sh("2027-12-10T09:00:00").toISOString(),
    });
    expect(
      await createCampaign("manager", {
        ...base,
        code: "SAT-2027-X",
        name: "第三次",
        startsAt: sh("2027-08-01T09:00:00").toISOString(),
        endsAt: sh("2027-08-20T09:00:00").toISOString(),
      }),
    ).toMatchObject({ __typename: "InputError", field: "input.startsAt" });
    const special = await createCampaign("frontdesk.lx", {
      ...base,
      kind: "SPECIAL",
      code: "SP-2027-LX",
      name: "丽轩花园停车专项调查",
      estateIds: [globalId("Estate", ids.LX!)],
    });
    expect(special.data).toMatchObject({ status: "DRAFT", estates: [{ estate: { code: "LX" } }] });
    // Roles: an estate's front desk plans no company-wide survey, nor one for another estate; the analyst plans none.
    expect(
      await createCampaign("frontdesk.lx", {
        ...base,
        code: "X5",
        name: "x",
        startsAt: sh("2028-05-01T09:00:00").toISOString(),
        endsAt: sh("2028-06-01T09:00:00").toISOString(),
      }),
    ).toMatchObject({ __typename: "ForbiddenError" });
    expect(
      await createCampaign("frontdesk.lx", { ...base, kind: "SPECIAL", code: "X6", name: "x", estateIds: [globalId("Estate", ids.JH!)] }),
    ).toMatchObject({ __typename: "InputError", field: "input.estateIds.0" });
    expect(
      (
        await api.run("analyst", `mutation($input: CreateSurveyCampaignInput!) { createSurveyCampaign(input: $input) { __typename } }`, {
          input: { ...base, code: "X7", name: "x" },
        })
      ).errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN");
    // Steps: closing a draft is illegal (the allowed steps are named); starting needs the sample (SUR-2).
    expect(await step("closeSurveyCampaign", campaign)).toMatchObject({
      __typename: "SurveyCampaignStateError",
      status: "DRAFT",
      allowedActions: ["START", "CANCEL"],
    });
    expect(await step("startSurveyCampaign", campaign)).toMatchObject({
      __typename: "SurveyCampaignStateError",
      field: "input.id",
      status: "DRAFT",
    });
    expect(await step("startSurveyCampaign", { ...campaign, version: 7 })).toMatchObject({
      __typename: "SurveyCampaignConflictError",
      currentVersion: 0,
      current: { version: 0, status: "DRAFT" },
    });
    // The front desk of one estate does not run a campaign covering all of them.
    expect(await step("cancelSurveyCampaign", campaign, "frontdesk.lx")).toMatchObject({ __typename: "ForbiddenError" });
    expect(await q(`SELECT status::text, version FROM survey_campaigns WHERE id = $1`, [rowId(campaign.id)])).toEqual([
      { status: "DRAFT", version: 0 },
    ]);
  });

  it("SUR-2: the sample holds every complainant household since the previous campaign and ≥ 60% of every estate's resident households, and is the same when drawn again from the stored seed", async () => {
    // Complaints since the previous campaign (SAT-2026-H2, 2026-11-10): one of an occupied flat,
    // one of a flat not counted as resident (the owner lives elsewhere), and an invalid one.
    const [occupied] = await q(`SELECT id FROM households WHERE estate_id = $1 AND occupied ORDER BY code DESC LIMIT 1`, [ids.LX]);
    const [vacant] = await q(`SELECT id FROM households WHERE estate_id = $1 AND NOT occupied ORDER BY code LIMIT 1`, [ids.JH]);
    await complaint(occupied.id, true);
    await complaint(vacant.id, true);
    const drawn = await draw(campaign);
    expect(drawn.__typename).toBe("MutationDrawSurveySampleSuccess");
    const c = drawn.data!;
    // The acceptance, checked against the database independently of the server's code.
    const complainants = await q(
      `SELECT DISTINCT c.household_id FROM complaints c JOIN households h ON h.id = c.household_id
      WHERE c.valid AND c.received_at >= $1 AND c.received_at < $2`,
      [sh("2026-11-10T09:00:00"), sh("2027-05-10T09:00:00")],
    );
    expect(complainants.length).toBeGreaterThanOrEqual(2);
    const sampled = await members(c.id);
    const inSample = new Map(sampled.map((m) => [m.household_id, m.reason]));
    for (const h of complainants) expect(inSample.get(h.household_id)).toBe("FORCED_COMPLAINANT");
    expect(inSample.get(vacant.id)).toBe("FORCED_COMPLAINANT");
    const coverage = await q(
      `SELECT e.code, count(*)::int AS resident, count(m.id)::int AS sampled FROM households h JOIN estates e ON e.id = h.estate_id
      LEFT JOIN survey_sample_members m ON m.household_id = h.id AND m.campaign_id = $1 WHERE h.occupied GROUP BY e.code ORDER BY e.code`,
      [rowId(c.id)],
    );
    expect(coverage).toHaveLength(4);
    for (const e of coverage) expect(e.sampled).toBeGreaterThanOrEqual(Math.ceil(e.resident * 0.6));
    // Every member says why it is in; the sample of each estate stores its seed and the policy rate.
    const seed = c.samples[0]!.seed;
    expect(c.samples.map((s) => [s.estate.code, s.seed, s.rate])).toEqual(["CH", "JH", "KC", "LX"].map((code) => [code, seed, 0.6]));
    for (const s of c.samples) {
      expect(s.sampleSize).toBe(s.members.totalCount);
      for (const { node } of s.members.edges)
        expect(node.explanation).toMatch(
          node.reason === "RANDOM"
            ? new RegExp(`SUR-2: drawn at random .*${seed}`)
            : /SUR-2: the household made a valid complaint since the previous campaign/,
        );
    }
    expect(c.estates.map((e) => e.residentHouseholds)).toEqual(c.samples.map((s) => s.populationSize));
    // Drawn again from the stored seed: identical; verified by the server too.
    const verify = () =>
      api.read<{
        verifySurveySample: {
          identical: boolean;
          estates: { estate: { code: string }; identical: boolean; storedSize: number; redrawnSize: number }[];
        };
      }>(
        "analyst",
        `query($id: ID!) { verifySurveySample(campaignId: $id) { identical estates { estate { code } identical storedSize redrawnSize missingHouseholdIds unexpectedHouseholdIds } } }`,
        { id: c.id },
      );
    expect((await verify()).verifySurveySample).toMatchObject({
      identical: true,
      estates: ["CH", "JH", "KC", "LX"].map((code) => ({ estate: { code }, identical: true })),
    });
    expect((await draw(c, seed)).__typename).toBe("MutationDrawSurveySampleSuccess");
    expect(await members(c.id)).toEqual(sampled);
    // Another seed draws other random members, with the same forced ones.
    const other = await draw(c, "another-seed");
    const again = new Map((await members(c.id)).map((m) => [m.household_id, m.reason]));
    expect([...again.entries()].filter(([, r]) => r === "FORCED_COMPLAINANT")).toEqual(
      [...inSample.entries()].filter(([, r]) => r === "FORCED_COMPLAINANT"),
    );
    expect([...again.keys()]).not.toEqual([...inSample.keys()]);
    expect(other.data!.samples[0]!.seed).toBe("another-seed");
    // Only a draft is (re)drawn; only staff of all its estates draw it; the analyst verifies but does not draw.
    expect(
      (await api.run("frontdesk.lx", `{ verifySurveySample(campaignId: "${c.id}") { identical } }`)).errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN");
    expect(await draw(c, seed, "frontdesk.lx")).toMatchObject({ __typename: "ForbiddenError" });
    expect(
      (await api.run("analyst", `mutation { drawSurveySample(campaignId: "${c.id}") { __typename } }`)).errors?.[0]?.extensions?.code,
    ).toBe("FORBIDDEN");
    campaign = (await draw(c, seed)).data!;
  });

  it("SUR-2, SUR-6: a campaign starts only with every complainant household in its sample; then its questionnaire is frozen", async () => {
    now = sh("2027-05-10T10:00:00");
    api.reset();
    const [late] = await q(
      `SELECT h.id FROM households h WHERE h.estate_id = $1 AND h.occupied AND NOT EXISTS (SELECT 1 FROM survey_sample_members m WHERE m.household_id = h.id AND m.campaign_id = $2) ORDER BY h.code LIMIT 1`,
      [ids.KC, rowId(campaign.id)],
    );
    now = sh("2027-05-09T10:00:00");
    api.reset();
    await complaint(late.id, true);
    now = sh("2027-05-10T10:00:00");
    api.reset();
    const refused = await step("startSurveyCampaign", campaign);
    expect(refused).toMatchObject({ __typename: "SurveyCampaignStateError", status: "DRAFT" });
    expect(refused.message).toMatch(/1 households made a valid complaint since the sample was drawn/);
    const seed = campaign.samples[0]!.seed;
    campaign = (await draw(campaign, seed)).data!;
    expect((await members(campaign.id)).find((m) => m.household_id === late.id)).toEqual({
      household_id: late.id,
      reason: "FORCED_COMPLAINANT",
    });
    const started = await step("startSurveyCampaign", campaign);
    expect(started.data).toMatchObject({
      status: "RUNNING",
      version: campaign.version + 1,
      availableActions: ["CLOSE", "CANCEL"],
      questionnaire: { revision: 3, frozen: true },
    });
    const edit = await api.payload(
      "manager",
      `mutation($input: UpdateQuestionnaireInput!) { updateQuestionnaire(input: $input) { ${Q_ERRORS} } }`,
      { input: { id: revision3.id, version: revision3.version + 1, title: "运行中修改" } },
    );
    expect(edit).toMatchObject({ __typename: "QuestionnaireFrozenError", campaignCodes: ["SAT-2027-H1"] });
    // §11: coverage and complainant coverage, with numerator and denominator (resident households counted at the start).
    const cov = (
      await api.read<{
        surveySampleCoverage: {
          estate: { code: string } | null;
          coverage: { numerator: number; denominator: number; met: boolean };
          complaintHouseholdCoverage: { numerator: number; denominator: number; met: boolean };
        }[];
      }>(
        "analyst",
        `query($id: ID!) { surveySampleCoverage(campaignId: $id) { estate { code } coverage { numerator denominator rate target met } complaintHouseholdCoverage { numerator denominator rate target met } } }`,
        { id: campaign.id },
      )
    ).surveySampleCoverage;
    const resident = await q(
      `SELECT e.code, count(*)::int AS n FROM households h JOIN estates e ON e.id = h.estate_id WHERE h.occupied GROUP BY e.code`,
    );
    expect(cov.map((r) => r.estate?.code ?? null).sort()).toEqual([null, "CH", "JH", "KC", "LX"].sort());
    for (const r of cov) {
      expect(r.coverage.met).toBe(true);
      expect(r.coverage.denominator).toBe(
        r.estate ? resident.find((x) => x.code === r.estate!.code).n : resident.reduce((n, x) => n + x.n, 0),
      );
      expect(r.complaintHouseholdCoverage).toMatchObject({
        numerator: r.complaintHouseholdCoverage.denominator,
        met: r.complaintHouseholdCoverage.denominator ? true : null,
      });
    }
    expect(cov[0]!.complaintHouseholdCoverage.denominator).toBeGreaterThanOrEqual(3);
    // A running campaign is not drawn again.
    expect(await draw(started.data!, seed)).toMatchObject({
      __typename: "SurveyCampaignStateError",
      field: "campaignId",
      status: "RUNNING",
    });
  });
});
