import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { signIn, type Caller } from "./graphql.ts";
import { csv, IMPORT, NOW, postFileIn, sh, uploader, type Cells } from "./import-fixtures.ts";

/**
 * Issue 16: the survey import follows the app's rules (SUR-2, SUR-3). A campaign run in the app
 * refuses hand-outs outside its drawn sample — the check of recordSurveyHandouts
 * (services/surveys/handouts.ts `prepareSurveyHandouts`) — and a campaign whose sample was never
 * drawn (run outside the app, imported from its file) records the file's households as its
 * executed sample, every hand-out linked to its member.
 */

describe("issue 16: survey_responses.csv follows the app's sample rule (SUR-2)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let manager: Caller;
  let lx = "";
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  const upload = uploader(() => app, "SURVEY_RESPONSES", "survey.csv");
  const row = (campaign: { code: string; starts_at: Date }, household: string, dimension: string): Cells => ({
    campaign_code: campaign.code,
    household_code: household,
    handed_out_at: sh(new Date(campaign.starts_at.getTime() + 3_600_000)),
    returned_at: sh(new Date(campaign.starts_at.getTime() + 7_200_000)),
    dimension,
    rating: "4",
    comment: "",
  });

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: () => NOW });
    manager = await signIn(app, "manager");
    [{ id: lx }] = await q(`SELECT id FROM estates WHERE code = 'LX'`);
  });

  it("a campaign run in the app: a household outside its drawn sample is refused (as recordSurveyHandouts refuses it), one in it is linked to its member", async () => {
    const [campaign] = await q(
      `SELECT c.id, c.code, c.starts_at FROM survey_campaigns c WHERE c.status = 'RUNNING' AND EXISTS (SELECT 1 FROM survey_samples s WHERE s.campaign_id = c.id) ORDER BY c.starts_at DESC LIMIT 1`,
    );
    const [dim] = await q(
      `SELECT d.code FROM questionnaire_dimensions d JOIN survey_campaigns c ON c.questionnaire_id = d.questionnaire_id WHERE c.id = $1 ORDER BY d.sort_order LIMIT 1`,
      [campaign.id],
    );
    const [outside] = await q(
      `SELECT h.code FROM households h JOIN survey_campaign_estates ce ON ce.estate_id = h.estate_id AND ce.campaign_id = $2 WHERE $1::uuid IS NOT NULL AND NOT EXISTS (SELECT 1 FROM survey_sample_members m WHERE m.household_id = h.id AND m.campaign_id = $2)
      AND NOT EXISTS (SELECT 1 FROM survey_handouts x WHERE x.household_id = h.id AND x.campaign_id = $2) ORDER BY h.code LIMIT 1`,
      [lx, campaign.id],
    );
    // A household of the drawn sample still waiting for its questionnaire (added to the campaign's sample as drawSurveySample would).
    const [free] = await q(
      `SELECT h.id, h.code, h.estate_id, s.id AS sample FROM households h JOIN survey_campaign_estates ce ON ce.estate_id = h.estate_id AND ce.campaign_id = $1
      JOIN survey_samples s ON s.campaign_id = $1 WHERE h.code <> $2 AND NOT EXISTS (SELECT 1 FROM survey_sample_members m WHERE m.household_id = h.id AND m.campaign_id = $1)
      AND NOT EXISTS (SELECT 1 FROM survey_handouts x WHERE x.household_id = h.id AND x.campaign_id = $1) ORDER BY h.code LIMIT 1`,
      [campaign.id, outside?.code ?? ""],
    );
    const [inside] = await q(
      `INSERT INTO survey_sample_members (organization_id, sample_id, campaign_id, estate_id, household_id, reason)
      SELECT organization_id, $1, $2, $3, $4, 'RANDOM' FROM survey_campaigns WHERE id = $2 RETURNING id AS member`,
      [free.sample, campaign.id, free.estate_id, free.id],
    );
    inside.code = free.code;
    expect({ outside: !!outside, inside: !!inside }).toEqual({ outside: true, inside: true });
    const before = await q(`SELECT count(*)::int AS n FROM survey_handouts WHERE campaign_id = $1`, [campaign.id]);
    const refused = await upload(manager, csv([row(campaign, inside.code, dim.code), row(campaign, outside.code, dim.code)]));
    expect(refused).toMatchObject({
      __typename: "ImportRejected",
      problems: [{ line: 3, field: "household_code", reason: "The household is not in this campaign's sample of your estates (SUR-2)" }],
    });
    expect(await q(`SELECT count(*)::int AS n FROM survey_handouts WHERE campaign_id = $1`, [campaign.id])).toEqual(before);
    // The reason comes in the caller's language (i18n catalogue), as the app's own refusal does.
    const zh = await postFileIn<{ importFile: { problems: unknown[] } }>(
      app,
      manager,
      "zh-CN",
      IMPORT,
      { kind: "SURVEY_RESPONSES" },
      csv([row(campaign, outside.code, dim.code)]),
      "survey.csv",
    );
    expect(zh.data!.importFile.problems).toEqual([
      { line: 2, column: "household_code", field: "household_code", reason: "该户不在本次调查您所辖项目的样本中 (SUR-2)" },
    ]);
    expect(await upload(manager, csv([row(campaign, inside.code, dim.code)]))).toMatchObject({
      __typename: "MutationImportFileSuccess",
      data: { created: 1 },
    });
    expect(
      await q(
        `SELECT x.sample_member_id AS member FROM survey_handouts x JOIN households h ON h.id = x.household_id WHERE x.campaign_id = $1 AND h.code = $2`,
        [campaign.id, inside.code],
      ),
    ).toEqual([{ member: inside.member }]);
  });

  it("a campaign whose sample was never drawn: the file's households become its executed sample; a closed campaign's history is accepted", async () => {
    const [base] = await q(
      `SELECT c.questionnaire_id, c.organization_id FROM survey_campaigns c WHERE c.status = 'CLOSED' ORDER BY c.starts_at DESC LIMIT 1`,
    );
    const starts = new Date(NOW.getTime() - 200 * 86_400_000);
    const [campaign] = await q(
      `INSERT INTO survey_campaigns (organization_id, code, name, status, questionnaire_id, starts_at, ends_at, updated_at)
      VALUES ($1, 'SAT-PAPER-1', '纸质调查（外部）', 'CLOSED', $2, $3, $4, now()) RETURNING id, code, starts_at`,
      [base.organization_id, base.questionnaire_id, starts, new Date(starts.getTime() + 30 * 86_400_000)],
    );
    await q(`INSERT INTO survey_campaign_estates (organization_id, campaign_id, estate_id) VALUES ($1, $2, $3)`, [
      base.organization_id,
      campaign.id,
      lx,
    ]);
    const [dim] = await q(`SELECT code FROM questionnaire_dimensions WHERE questionnaire_id = $1 ORDER BY sort_order LIMIT 1`, [
      base.questionnaire_id,
    ]);
    const households = (await q(`SELECT code FROM households WHERE estate_id = $1 ORDER BY code LIMIT 3`, [lx])).map(
      (h) => h.code as string,
    );
    expect(await upload(manager, csv(households.map((h) => row(campaign, h, dim.code))))).toMatchObject({
      __typename: "MutationImportFileSuccess",
      data: { created: 3 },
    });
    expect(
      await q(`SELECT s.seed, s.sample_size, s.population_size FROM survey_samples s WHERE s.campaign_id = $1`, [campaign.id]),
    ).toEqual([{ seed: "import:survey.csv", sample_size: 3, population_size: 3 }]);
    expect(
      await q(
        `SELECT h.code, m.reason::text, x.id IS NOT NULL AS handed_out FROM survey_sample_members m JOIN households h ON h.id = m.household_id
      LEFT JOIN survey_handouts x ON x.sample_member_id = m.id WHERE m.campaign_id = $1 ORDER BY h.code`,
        [campaign.id],
      ),
    ).toEqual(households.map((code) => ({ code, reason: "MANUAL", handed_out: true })));
    // Importing the same file again changes nothing.
    expect(await upload(manager, csv(households.map((h) => row(campaign, h, dim.code))))).toMatchObject({
      __typename: "MutationImportFileSuccess",
      data: { created: 0, unchanged: 3 },
    });
    expect(await q(`SELECT count(*)::int AS n FROM survey_samples WHERE campaign_id = $1`, [campaign.id])).toEqual([{ n: 1 }]);
  });
});
