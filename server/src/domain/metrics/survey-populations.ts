import { Prisma } from "@tingjian/prisma/client";
import { ORGANIZATION_KEY } from "./catalogue.ts";
import {
  CAMPAIGN_ESTATE_SLICE,
  campaignOfPeriod,
  columns,
  complaintVisible,
  COMPLAINANT_SLICE,
  estateIn,
  HANDOUT_SLICE,
  ORG,
  RESPONSE_SLICE,
  sliceOf,
  sliceText,
  type PopulationParams,
  type SliceMap,
  type Sql,
} from "./sql-parts.ts";

/**
 * SPEC §9, §11: the survey populations — answers (satisfaction), hand-outs (return rate),
 * households handed a questionnaire (survey coverage), complainant households (complainant
 * coverage). The campaigns counted are those that started in the period and ran, or the
 * campaigns a request names (campaignOfPeriod): `metrics`, the §12 reports, surveyReturnRates and
 * surveySatisfaction all count these very rows (issue 16 item 3: one definition per figure). Pure.
 */
const { sql, raw } = Prisma;

export function surveyAnswers(p: PopulationParams): Sql {
  return sql`SELECT ${columns({
    part: raw("d.code"),
    partLabel: raw("d.label"),
    slice: sliceOf(RESPONSE_SLICE, p.sliceBy),
    rowId: raw("r.id"),
    nodeId: raw("r.id"),
    sortAt: raw("sc.starts_at"),
    sortText: raw("h.code"),
    inNum: sql`r.rating >= 4`,
    score: sql`(r.rating - 1) * 25::float8`,
    judgedAt: raw("sc.starts_at"),
  })}
    FROM survey_responses r JOIN survey_campaigns sc ON sc.id = r.campaign_id
    JOIN questionnaire_dimensions d ON d.id = r.dimension_id JOIN households h ON h.id = r.household_id
   WHERE r.organization_id = ${p.organizationId}::uuid AND ${campaignOfPeriod(p)}
     AND NOT r.not_applicable AND r.rating BETWEEN 1 AND 5 ${estateIn(p, "r.estate_id")}`;
}

export function handouts(p: PopulationParams): Sql {
  return sql`SELECT ${columns({
    slice: sliceOf(HANDOUT_SLICE, p.sliceBy),
    rowId: raw("ho.id"),
    nodeId: raw("ho.id"),
    sortAt: raw("ho.handed_out_at"),
    sortText: raw("h.code"),
    inNum: sql`ho.returned_at <= ${p.now}::timestamptz`,
    judgedAt: raw("sc.starts_at"),
  })}
    FROM survey_handouts ho JOIN survey_campaigns sc ON sc.id = ho.campaign_id JOIN households h ON h.id = ho.household_id
   WHERE ho.organization_id = ${p.organizationId}::uuid AND ${campaignOfPeriod(p)} AND ho.handed_out_at <= ${p.now}::timestamptz ${estateIn(p, "ho.estate_id")}`;
}

/** SUR-2: sampled resident households (a forced complainant household no longer resident does not count). */

/** Households handed a questionnaire, by the hand-out's estate. */
const HANDED_SLICE: SliceMap = { ORGANIZATION: ORG, ESTATE: "x.estate_id" };

/**
 * §11 survey coverage's numerator: the distinct households handed a questionnaire (the sample as
 * carried out; a campaign imported from a file hands out to the households in the file) by the
 * campaigns counted, each household once however many campaigns reached it (§11: "figures over
 * several campaigns count distinct households"). Its first hand-out stands for it. Occupancy is
 * not asked again: the hand-out is the fact, and today's occupancy would make a past figure
 * change (§12: reproducible for a past period).
 */
export function householdsHanded(p: PopulationParams): Sql {
  return sql`SELECT ${columns({ slice: sliceOf(HANDED_SLICE, p.sliceBy), rowId: raw("x.household_id"), nodeId: raw("x.household_id"), sortAt: raw("x.starts_at"), sortText: raw("x.code"), inNum: sql`TRUE`, judgedAt: raw("x.starts_at") })}
    FROM (SELECT DISTINCT ON (ho.household_id) ho.household_id, ho.estate_id, h.code, sc.starts_at
            FROM survey_handouts ho JOIN survey_campaigns sc ON sc.id = ho.campaign_id JOIN households h ON h.id = ho.household_id
           WHERE ho.organization_id = ${p.organizationId}::uuid AND ${campaignOfPeriod(p)} AND ho.handed_out_at <= ${p.now}::timestamptz ${estateIn(p, "ho.estate_id")}
           ORDER BY ho.household_id, sc.starts_at, ho.id) x`;
}

/**
 * §11 survey coverage's denominator: the resident households stored with each campaign estate at
 * the campaign's start (a count, not rows). Over several campaigns the denominators are never
 * added (§11; issue 16 item 3: two campaigns' resident counts added gave a quarter 293/396): per
 * estate, the count at the start of the *latest* campaign of the period covering it (the
 * households resident when the period's last survey began), estates added to each other (their
 * households are disjoint). The figure is judged by the policy at the first campaign's start.
 */
export function residentsAtCampaignStart(p: PopulationParams, withTotal = false): Sql {
  const slice = sliceText(CAMPAIGN_ESTATE_SLICE, p.sliceBy);
  return sql`SELECT ''::text AS part, ${withTotal ? sql`CASE WHEN grouping(${slice}) = 1 THEN ${ORGANIZATION_KEY}::text ELSE ${slice} END` : slice} AS slice_key,
      sum(ce.n)::int AS n, min(ce.first_start) AS judged_at
    FROM (SELECT DISTINCT ON (ce.estate_id) ce.estate_id, coalesce(ce.resident_households, 0) AS n, min(sc.starts_at) OVER (PARTITION BY ce.estate_id) AS first_start
            FROM survey_campaign_estates ce JOIN survey_campaigns sc ON sc.id = ce.campaign_id
           WHERE ce.organization_id = ${p.organizationId}::uuid AND ${campaignOfPeriod(p)} ${estateIn(p, "ce.estate_id")}
           ORDER BY ce.estate_id, sc.starts_at DESC, sc.id DESC) ce
   GROUP BY ${withTotal ? sql`GROUPING SETS ((${slice}), ()) HAVING count(*) > 0` : sql`1, 2`}`;
}

/**
 * SUR-2, §11 complainant coverage: per campaign of the period, the households with a valid complaint
 * received since the previous campaign's start (ever, for the first) and before this one's, in the
 * campaign's estates; sampled ones in the numerator. Only complaints the caller may know count
 * (SEC-2, issue 15 item 8: a household of a hidden complaint is no complainant household to
 * them). The campaigns come first (OFFSET 0) with the
 * start of the previous one (a campaign's start is never null; none before: every complaint), so
 * that the complaints are read by (organisation, estate, received_at) within that range only.
 */
export function complainantHouseholds(p: PopulationParams): Sql {
  return sql`SELECT ${columns({
    slice: sliceOf(COMPLAINANT_SLICE, p.sliceBy),
    rowId: sql`k.campaign_id::text || ':' || k.household_id::text`,
    nodeId: raw("k.household_id"),
    sortAt: raw("k.starts_at"),
    sortText: raw("k.code"),
    judgedAt: raw("k.starts_at"),
    inNum: sql`EXISTS (SELECT 1 FROM survey_sample_members m WHERE m.organization_id = ${p.organizationId}::uuid AND m.campaign_id = k.campaign_id AND m.household_id = k.household_id)`,
  })}
    FROM (SELECT DISTINCT sc.id AS campaign_id, sc.starts_at, h.id AS household_id, h.estate_id, h.building_id, h.code
            FROM (SELECT sc.id, sc.organization_id, sc.starts_at, coalesce(prev.starts_at, '-infinity'::timestamptz) AS since
                    FROM survey_campaigns sc LEFT JOIN survey_campaigns prev ON prev.id = sc.previous_campaign_id
                   WHERE sc.organization_id = ${p.organizationId}::uuid AND ${campaignOfPeriod(p)} OFFSET 0) sc
            JOIN survey_campaign_estates ce ON ce.campaign_id = sc.id
            JOIN complaints c ON c.organization_id = sc.organization_id AND c.estate_id = ce.estate_id AND c.valid
                             AND c.received_at < sc.starts_at AND c.received_at >= sc.since AND ${complaintVisible(p, "c")}
            JOIN households h ON h.id = c.household_id AND h.estate_id = ce.estate_id
           WHERE TRUE ${estateIn(p, "ce.estate_id")}) k`;
}

/**
 * SUR-4, §11 satisfaction of the campaigns counted, per estate (sliceBy ESTATE) and dimension
 * code, per estate over every dimension, per dimension over every estate, and over everything
 * (null keys: "every"). The same answers as the SATISFACTION metric (surveyAnswers): rated 4-5 ÷
 * rated 1-5, blank and "not applicable" excluded; the score the mean of 0-100 ratings.
 */
export function satisfactionBreakdownSql(p: PopulationParams): Sql {
  return sql`SELECT CASE WHEN grouping(x.slice_key) = 1 THEN NULL ELSE x.slice_key END AS slice_key, CASE WHEN grouping(x.part) = 1 THEN NULL ELSE x.part END AS part,
      (count(*) FILTER (WHERE x.in_num))::int AS satisfied, count(*)::int AS answered, avg(x.score)::float8 AS score
    FROM (${surveyAnswers(p)}) x
   GROUP BY GROUPING SETS ((x.slice_key, x.part), (x.slice_key), (x.part), ())`;
}
