import type { QuestionnaireDimension } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { rateOf, type RateFigure } from "../../domain/surveys/rates.ts";
import { QuestionnaireDimensionRef } from "./questionnaires.ts";
import { campaignFor, estateScopeIds, policyPercents, SurveyRateRef } from "./shared.ts";

/**
 * SUR-4, §11: satisfaction rate = answers rated satisfied or very satisfied (4-5) ÷ answers
 * rated 1-5 (blank and "not applicable" excluded), per dimension and overall, per campaign and
 * estate; also the 0-100 score (mean rating, very dissatisfied = 0 … very satisfied = 100).
 * Counted by the database in one statement; judged by SUR-4.satisfactionTarget in force at the
 * campaign's start (an estate's override first).
 */
interface Figure { dimension: QuestionnaireDimension | null; rate: RateFigure; score: number | null }
interface ScopeFigures { estateId: string | null; overall: Figure; allAnswers: Figure; dimensions: Figure[] }

const SurveySatisfactionFigure = builder.objectRef<Figure>("SurveySatisfactionFigure").implement({
  fields: (t) => ({
    dimension: t.field({ type: QuestionnaireDimensionRef, nullable: true, description: "Null: every dimension's answers together", resolve: (f) => f.dimension }),
    rate: t.field({ type: SurveyRateRef, description: "Ratings 4-5 ÷ ratings 1-5", resolve: (f) => f.rate }),
    score: t.float({ nullable: true, description: "Mean rating on 0-100 (1 = 0, 5 = 100); null without ratings", resolve: (f) => f.score }),
  }),
});

const SurveySatisfactionScope = builder.objectRef<ScopeFigures>("SurveySatisfactionScope").implement({
  fields: (t) => ({
    estate: t.prismaField({
      type: "Estate", nullable: true, description: "Null: the campaign (your estates)",
      resolve: (query, s, _a, ctx) => (s.estateId ? ctx.prisma.estate.findUnique({ ...query, where: { id: s.estateId } }) : null),
    }),
    overall: t.field({ type: SurveySatisfactionFigure, description: "The questionnaire's overall dimension (every answer together if it has none)", resolve: (s) => s.overall }),
    allAnswers: t.field({ type: SurveySatisfactionFigure, description: "Every dimension's answers together", resolve: (s) => s.allAnswers }),
    dimensions: t.field({ type: [SurveySatisfactionFigure], description: "Per dimension, in the questionnaire's order", resolve: (s) => s.dimensions }),
  }),
});

const SurveySatisfaction = builder.objectRef<{ campaign: ScopeFigures; estates: ScopeFigures[] }>("SurveySatisfaction").implement({
  fields: (t) => ({
    campaign: t.field({ type: SurveySatisfactionScope, resolve: (s) => s.campaign }),
    estates: t.field({ type: [SurveySatisfactionScope], resolve: (s) => s.estates }),
  }),
});

interface Row { estate_id: string | null; dimension_id: string | null; satisfied: number; answered: number; score: number | null }

builder.queryField("surveySatisfaction", (t) =>
  t.field({
    type: SurveySatisfaction,
    description: "SUR-4, §11: satisfaction per dimension and overall, for the campaign (your estates) and per estate, with the target and met/missed",
    authScopes: { permission: "reports:read" },
    args: { campaignId: t.arg.globalID({ required: true }) },
    resolve: async (_r, args, ctx) => {
      const c = await campaignFor(ctx, args.campaignId.id);
      const scope = estateScopeIds(ctx);
      const rows = await ctx.prisma.$queryRaw<Row[]>`
        SELECT r.estate_id, r.dimension_id,
               (count(*) FILTER (WHERE r.rating BETWEEN 4 AND 5))::int AS satisfied,
               (count(*) FILTER (WHERE r.rating BETWEEN 1 AND 5))::int AS answered,
               (avg((r.rating - 1) * 25.0) FILTER (WHERE r.rating BETWEEN 1 AND 5))::float8 AS score
          FROM survey_responses r
         WHERE r.campaign_id = ${c.id}::uuid AND NOT r.not_applicable
           AND (${scope}::uuid[] IS NULL OR r.estate_id = ANY(${scope}::uuid[]))
         GROUP BY GROUPING SETS ((r.estate_id, r.dimension_id), (r.estate_id), (r.dimension_id), ())`;
      const dimensions = await ctx.prisma.questionnaireDimension.findMany({ where: { questionnaireId: c.questionnaireId }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
      const estates = c.estates.map((e) => e.estateId).filter((e) => !scope || scope.includes(e));
      const byKey = new Map(rows.map((r) => [`${r.estate_id}/${r.dimension_id}`, r]));
      const targets = await policyPercents(ctx, "SUR-4.satisfactionTarget", [null, ...estates], c.startsAt);
      const overallDimension = dimensions.find((d) => d.isOverall) ?? null;
      const figures = (estateId: string | null): ScopeFigures => {
        const target = targets.get(estateId) ?? null;
        const figure = (dimension: QuestionnaireDimension | null): Figure => {
          const row = byKey.get(`${estateId}/${dimension?.id ?? null}`);
          return { dimension, rate: rateOf(row?.satisfied ?? 0, row?.answered ?? 0, target), score: row?.score ?? null };
        };
        const allAnswers = figure(null);
        return { estateId, allAnswers, overall: overallDimension ? figure(overallDimension) : allAnswers, dimensions: dimensions.map(figure) };
      };
      return { campaign: figures(null), estates: estates.map(figures) };
    },
  }),
);
