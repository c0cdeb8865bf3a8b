import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { demoClock } from "../demo-clock.ts";
import { globalId, gql, signIn, type Caller } from "./graphql.ts";

/**
 * Issue 16 item 3 (H7), SPEC §11 "one definition for every place that shows it": on one dataset
 * (the demo company), every endpoint that reports a figure — `metrics`, the §12 reports,
 * callbackStatistics, callbackMethodShare, surveyReturnRates, surveySatisfaction — gives the same
 * numerator and denominator, and they are the SPEC's (counted here in plain SQL):
 *  - phone share (CB-5) = phone callbacks ÷ every callback made, reached or not;
 *  - callback rate (CB-1), callback satisfaction (CB-6), callback resolution rate (CB-7);
 *  - return rate (SUR-3) and satisfaction (SUR-4) of a campaign and of its quarter;
 *  - survey coverage (SUR-2) = distinct households handed a questionnaire ÷ resident households at
 *    campaign start, over a year of two campaigns never adding the campaigns' denominators.
 */
type Ratio = { numerator: number; denominator: number };
interface Figure extends Ratio {
  metric: string;
  part: string | null;
}
interface Metrics {
  from: string;
  to: string;
  slices: { figures: Figure[] }[];
}
const FIGURES = `from to slices { figures { metric part numerator denominator } }`;
const ratio = (r: Ratio) => ({ numerator: r.numerator, denominator: r.denominator });

describe("issue 16 item 3: one definition per figure (SPEC §11)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let exec: Caller;
  let org = "";
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  async function read<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const r = await gql<T>(app, query, variables, exec);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data!;
  }
  const metrics = async (input: Record<string, unknown>) =>
    (await read<{ metrics: Metrics }>(`query($i: MetricsInput!) { metrics(input: $i) { ${FIGURES} } }`, { i: input })).metrics;
  const figure = (m: { slices: { figures: Figure[] }[] }, metric: string, part: string | null = null) =>
    ratio(m.slices[0]!.figures.find((f) => f.metric === metric && f.part === part) ?? { numerator: 0, denominator: 0 });

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: demoClock() });
    exec = await signIn(app, "exec");
    [{ id: org }] = await q(`SELECT id FROM organizations`);
  });

  it("CB-5 phone share, CB-1 callback rate, CB-6 satisfaction and CB-7 resolution: metrics, the monthly callback statistics report, callbackStatistics and callbackMethodShare agree, and phone share counts every callback made", async () => {
    // The demo month with the most callbacks made that were not reached: where the readings of phone share differ.
    const [{ month }] = await q(
      `SELECT to_char(called_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month FROM callbacks
      WHERE organization_id = $1 AND status = 'NOT_REACHED' AND method = 'PHONE' GROUP BY 1 ORDER BY count(*) DESC, 1 DESC LIMIT 1`,
      [org],
    );
    const m = await metrics({
      period: "MONTH",
      date: `${month}-15`,
      metrics: ["PHONE_SHARE", "CALLBACK_RATE", "CALLBACK_SATISFACTION", "CALLBACK_RESOLUTION_RATE"],
    });
    // SPEC §11, counted here: phone callbacks ÷ callbacks made, reached (DONE) or not (NOT_REACHED).
    const [spec] = await q(
      `SELECT (count(*) FILTER (WHERE method = 'PHONE'))::int AS numerator, count(*)::int AS denominator,
        (count(*) FILTER (WHERE status = 'NOT_REACHED'))::int AS not_reached FROM callbacks
      WHERE organization_id = $1 AND status IN ('DONE', 'NOT_REACHED') AND called_at >= $2 AND called_at < $3`,
      [org, m.from, m.to],
    );
    expect(spec.not_reached).toBeGreaterThan(0);
    expect(figure(m, "PHONE_SHARE")).toEqual({ numerator: spec.numerator, denominator: spec.denominator });

    const report = (
      await read<{ monthlyCallbackStatistics: { totals: Metrics } }>(
        `query($m: String!) { monthlyCallbackStatistics(month: $m) { totals { ${FIGURES} } } }`,
        { m: month },
      )
    ).monthlyCallbackStatistics.totals;
    const stats = (
      await read<{ callbackStatistics: Record<string, Ratio> & { made: number } }>(
        `query($m: String!) { callbackStatistics(month: $m) {
      made callbackRate { numerator denominator } satisfaction { numerator denominator } phoneShare { numerator denominator } issues { numerator denominator } } }`,
        { m: month },
      )
    ).callbackStatistics;
    const share = (
      await read<{ callbackMethodShare: Ratio & { callbacksDone: number; shareOfCallbacks: number | null; rate: number | null } }>(
        `query($from: DateTime!, $to: DateTime!) {
      callbackMethodShare(from: $from, to: $to) { numerator denominator rate callbacksDone shareOfCallbacks } }`,
        { from: m.from, to: m.to },
      )
    ).callbackMethodShare;

    for (const [metric, field] of [
      ["PHONE_SHARE", "phoneShare"],
      ["CALLBACK_RATE", "callbackRate"],
      ["CALLBACK_SATISFACTION", "satisfaction"],
      ["CALLBACK_RESOLUTION_RATE", "issues"],
    ] as const) {
      expect(figure(report, metric), `monthlyCallbackStatistics ${metric}`).toEqual(figure(m, metric));
      expect(ratio(stats[field]!), `callbackStatistics.${field}`).toEqual(figure(m, metric));
    }
    expect(stats.made).toBe(spec.denominator);
    expect(ratio(share), "callbackMethodShare").toEqual(figure(m, "PHONE_SHARE"));
    expect([share.callbacksDone, share.shareOfCallbacks]).toEqual([spec.denominator, share.rate]);
  });

  it("SUR-3 return rate and SUR-4 satisfaction: surveyReturnRates and surveySatisfaction of a campaign equal metrics and the quarterly report of its quarter; SUR-2 coverage is distinct households handed ÷ residents at the start", async () => {
    const [c] = await q(
      `SELECT sc.id, to_char(sc.starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day FROM survey_campaigns sc
      WHERE sc.organization_id = $1 AND sc.status = 'CLOSED' AND EXISTS (SELECT 1 FROM survey_handouts h WHERE h.campaign_id = sc.id) ORDER BY sc.starts_at DESC LIMIT 1`,
      [org],
    );
    const m = await metrics({ period: "QUARTER", date: c.day, metrics: ["RETURN_RATE", "SATISFACTION", "SURVEY_COVERAGE"] });
    const [{ n }] = await q(
      `SELECT count(*)::int AS n FROM survey_campaigns WHERE organization_id = $1 AND starts_at >= $2 AND starts_at < $3 AND status IN ('RUNNING', 'CLOSED')`,
      [org, m.from, m.to],
    );
    expect(n).toBe(1); // the quarter's figures are this campaign's
    const id = globalId("SurveyCampaign", c.id);
    const rates = (
      await read<{ surveyReturnRates: { campaign: Ratio } }>(
        `query($id: ID!) { surveyReturnRates(campaignId: $id) { campaign { numerator denominator } } }`,
        { id },
      )
    ).surveyReturnRates;
    const sat = (
      await read<{ surveySatisfaction: { campaign: { dimensions: { dimension: { code: string }; rate: Ratio }[] } } }>(
        `query($id: ID!) { surveySatisfaction(campaignId: $id) { campaign { dimensions { dimension { code } rate { numerator denominator } } } } }`,
        { id },
      )
    ).surveySatisfaction;
    const report = (
      await read<{ quarterlySatisfactionReport: { totals: Metrics } }>(
        `query($q: String!) { quarterlySatisfactionReport(quarter: $q) { totals { ${FIGURES} } } }`,
        { q: c.day },
      )
    ).quarterlySatisfactionReport.totals;

    expect(figure(m, "RETURN_RATE").denominator).toBeGreaterThan(0);
    expect(ratio(rates.campaign), "surveyReturnRates").toEqual(figure(m, "RETURN_RATE"));
    expect(figure(report, "RETURN_RATE"), "quarterly report").toEqual(figure(m, "RETURN_RATE"));
    for (const d of sat.campaign.dimensions) {
      expect(ratio(d.rate), `surveySatisfaction ${d.dimension.code}`).toEqual(figure(m, "SATISFACTION", d.dimension.code));
      expect(figure(report, "SATISFACTION", d.dimension.code), `quarterly report ${d.dimension.code}`).toEqual(
        figure(m, "SATISFACTION", d.dimension.code),
      );
    }
    // SPEC §11 survey coverage, counted here.
    const [cov] = await q(
      `SELECT (SELECT count(DISTINCT household_id) FROM survey_handouts WHERE campaign_id = $1)::int AS numerator,
      (SELECT coalesce(sum(resident_households), 0) FROM survey_campaign_estates WHERE campaign_id = $1)::int AS denominator`,
      [c.id],
    );
    expect(figure(m, "SURVEY_COVERAGE")).toEqual({ numerator: cov.numerator, denominator: cov.denominator });
    expect(figure(report, "SURVEY_COVERAGE"), "quarterly report coverage").toEqual(figure(m, "SURVEY_COVERAGE"));
  });

  it("§11: a year of two campaigns counts each household handed a questionnaire once and never adds the campaigns' resident counts (each estate's latest campaign); metrics and the annual summary agree", async () => {
    const [{ year }] = await q(
      `SELECT to_char(starts_at AT TIME ZONE 'Asia/Shanghai', 'YYYY') AS year FROM survey_campaigns WHERE organization_id = $1 AND status IN ('RUNNING', 'CLOSED')
      GROUP BY 1 HAVING count(*) >= 2 ORDER BY 1 DESC LIMIT 1`,
      [org],
    );
    const m = await metrics({ period: "YEAR", date: `${year}-06-30`, metrics: ["SURVEY_COVERAGE", "RETURN_RATE"] });
    const campaigns = `SELECT sc.id, sc.starts_at FROM survey_campaigns sc WHERE sc.organization_id = $1 AND sc.status IN ('RUNNING', 'CLOSED') AND sc.starts_at >= $2 AND sc.starts_at < $3`;
    const [cov] = await q(
      `WITH c AS (${campaigns})
      SELECT (SELECT count(DISTINCT h.household_id) FROM survey_handouts h JOIN c ON c.id = h.campaign_id)::int AS numerator,
             (SELECT count(*) FROM survey_handouts h JOIN c ON c.id = h.campaign_id)::int AS handouts,
             (SELECT coalesce(sum(n), 0) FROM (SELECT DISTINCT ON (ce.estate_id) ce.resident_households AS n FROM survey_campaign_estates ce JOIN c ON c.id = ce.campaign_id
                ORDER BY ce.estate_id, c.starts_at DESC) x)::int AS denominator,
             (SELECT coalesce(sum(ce.resident_households), 0) FROM survey_campaign_estates ce JOIN c ON c.id = ce.campaign_id)::int AS added`,
      [org, m.from, m.to],
    );
    expect(cov.added).toBeGreaterThan(cov.denominator); // the old, double-counting denominator differs
    expect(figure(m, "SURVEY_COVERAGE")).toEqual({ numerator: cov.numerator, denominator: cov.denominator });
    // The return rate counts questionnaires (each campaign's are its own): those are added.
    expect(figure(m, "RETURN_RATE").denominator).toBe(cov.handouts);
    const annual = (
      await read<{ annualSummary: { totals: Metrics } }>(`query($y: String!) { annualSummary(year: $y) { totals { ${FIGURES} } } }`, {
        y: year,
      })
    ).annualSummary.totals;
    expect(figure(annual, "SURVEY_COVERAGE"), "annual summary").toEqual(figure(m, "SURVEY_COVERAGE"));
    expect(figure(annual, "RETURN_RATE"), "annual summary").toEqual(figure(m, "RETURN_RATE"));
  });
});
