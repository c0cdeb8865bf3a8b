import type { SignedInContext } from "../../access/context.ts";
import { ORGANIZATION_KEY, type MetricKind } from "../../domain/metrics/catalogue.ts";
import { figuresSql, type PopulationParams } from "../../domain/metrics/populations.ts";
import { satisfactionBreakdownSql } from "../../domain/metrics/survey-populations.ts";
import { populationParams, withoutJit } from "./scope.ts";

/**
 * Issue 16 item 3 (H7), SPEC §11 "one definition for every place that shows it": the endpoints
 * outside `metrics` and the §12 reports — callbackStatistics, callbackMethodShare,
 * surveyReturnRates, surveySatisfaction — take their figures from here, and here runs the very
 * SQL of the `metrics` figure (domain/metrics/populations.ts). So, on the same data, every
 * endpoint reports the same numerator and denominator for the same figure (test/api/one-figure.test.ts).
 */

export interface Ratio {
  numerator: number;
  denominator: number;
}

interface FigureRow {
  metric: MetricKind;
  part: string;
  slice_key: string;
  numerator: number;
  denominator: number;
  score: number | null;
}

/** The default time zone of the monthly endpoints that take a YYYY-MM month (callbackStatistics). */
export const REPORT_TIME_ZONE = "Asia/Shanghai";

/**
 * The §11 figures of `kinds` (one-figure metrics: no parts) over [from, to) and `estateIds`
 * (null = every estate of the organisation), cut by organisation, in one statement: exactly what
 * `metrics` gives for the same period and estates. A figure without rows is 0 ÷ 0.
 */
export async function figureRatios<K extends MetricKind>(
  ctx: SignedInContext,
  kinds: readonly K[],
  range: { from: Date; to: Date },
  estateIds: readonly string[] | null,
  timeZone = REPORT_TIME_ZONE,
): Promise<Record<K, Ratio>> {
  const p = populationParams(
    ctx,
    { organizationId: ctx.organizationId, timeZone, estateIds: estateIds ? [...estateIds] : null },
    range,
    "ORGANIZATION",
    [],
  );
  await withoutJit(ctx);
  const rows = await ctx.prisma.$queryRaw<FigureRow[]>(figuresSql(kinds, p));
  return Object.fromEntries(
    kinds.map((k) => {
      const r = rows.find((x) => x.metric === k && x.part === "");
      return [k, { numerator: r?.numerator ?? 0, denominator: r?.denominator ?? 0 }];
    }),
  ) as Record<K, Ratio>;
}

/** The populations of one campaign (its period does not matter: the campaign is named), cut by estate. */
function campaignParams(ctx: SignedInContext, campaignId: string, estateIds: readonly string[] | null): PopulationParams {
  const p = populationParams(
    ctx,
    { organizationId: ctx.organizationId, timeZone: REPORT_TIME_ZONE, estateIds: estateIds ? [...estateIds] : null },
    { from: new Date(0), to: ctx.now },
    "ESTATE",
    [],
  );
  return { ...p, campaignIds: [campaignId] };
}

/**
 * SUR-3, §11 return rate of one campaign — questionnaires returned by now ÷ handed out by now —
 * per estate and for every estate counted together (the RETURN_RATE population of `metrics`,
 * restricted to the campaign). `estateIds`: the caller's estates, null = all; [] = none.
 */
export async function campaignReturnRates(
  ctx: SignedInContext,
  campaignId: string,
  estateIds: readonly string[] | null,
): Promise<{ total: Ratio; byEstate: Map<string, Ratio> }> {
  await withoutJit(ctx);
  const rows = await ctx.prisma.$queryRaw<FigureRow[]>(figuresSql(["RETURN_RATE"], campaignParams(ctx, campaignId, estateIds), true));
  const ratio = (r: FigureRow | undefined): Ratio => ({ numerator: r?.numerator ?? 0, denominator: r?.denominator ?? 0 });
  return {
    total: ratio(rows.find((r) => r.slice_key === ORGANIZATION_KEY)),
    byEstate: new Map(rows.filter((r) => r.slice_key !== ORGANIZATION_KEY).map((r) => [r.slice_key, ratio(r)])),
  };
}

export interface SatisfactionRow extends Ratio {
  /** Null: every estate counted. */
  estateId: string | null;
  /** The dimension's code; null: every dimension's answers together. */
  dimension: string | null;
  /** Mean rating on 0-100; null without ratings. */
  score: number | null;
}

/**
 * SUR-4, §11 satisfaction of one campaign — answers rated 4-5 ÷ rated 1-5 — per estate ×
 * dimension, per estate, per dimension and in total (the SATISFACTION population of `metrics`,
 * restricted to the campaign), in one statement.
 */
export async function campaignSatisfaction(
  ctx: SignedInContext,
  campaignId: string,
  estateIds: readonly string[] | null,
): Promise<SatisfactionRow[]> {
  const rows = await ctx.prisma.$queryRaw<
    { slice_key: string | null; part: string | null; satisfied: number; answered: number; score: number | null }[]
  >(satisfactionBreakdownSql(campaignParams(ctx, campaignId, estateIds)));
  return rows.map((r) => ({ estateId: r.slice_key, dimension: r.part, numerator: r.satisfied, denominator: r.answered, score: r.score }));
}
