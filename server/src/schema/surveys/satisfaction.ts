import type { QuestionnaireDimension } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { rateOf, type RateFigure } from "../../domain/surveys/rates.ts";
import { campaignSatisfaction } from "../../services/reports/figures.ts";
import { QuestionnaireDimensionRef } from "./questionnaires.ts";
import { campaignFor, estateScopeIds, policyPercents, SurveyRateRef } from "./shared.ts";

/**
 * SUR-4, §11: satisfaction rate = answers rated satisfied or very satisfied (4-5) ÷ answers
 * rated 1-5 (blank and "not applicable" excluded), per dimension and overall, per campaign and
 * estate; also the 0-100 score (mean rating, very dissatisfied = 0 … very satisfied = 100).
 * Counted by the database in one statement — the SATISFACTION population of `metrics` restricted to
 * the campaign (services/reports/figures.ts; issue 16 item 3: one definition per figure); judged by
 * SUR-4.satisfactionTarget in force at the campaign's start (an estate's override first).
 */
interface Figure {
  dimension: QuestionnaireDimension | null;
  rate: RateFigure;
  score: number | null;
}
interface ScopeFigures {
  estateId: string | null;
  overall: Figure;
  allAnswers: Figure;
  dimensions: Figure[];
}

const SurveySatisfactionFigure = builder.objectRef<Figure>("SurveySatisfactionFigure").implement({
  description: "SUR-4, §11: one satisfaction figure (a dimension, or every answer together) with its numerator and denominator",
  fields: (t) => ({
    dimension: t.field({
      type: QuestionnaireDimensionRef,
      nullable: true,
      description: "Null: every dimension's answers together",
      resolve: (f) => f.dimension,
    }),
    rate: t.field({ type: SurveyRateRef, description: "Ratings 4-5 ÷ ratings 1-5", resolve: (f) => f.rate }),
    score: t.float({ nullable: true, description: "Mean rating on 0-100 (1 = 0, 5 = 100); null without ratings", resolve: (f) => f.score }),
  }),
});

const SurveySatisfactionScope = builder.objectRef<ScopeFigures>("SurveySatisfactionScope").implement({
  description: "SUR-4, §11: the satisfaction figures of the campaign's answers in one estate, or in every estate of your scope together",
  fields: (t) => ({
    estate: t.prismaField({
      type: "Estate",
      nullable: true,
      description: "Null: the campaign (your estates)",
      resolve: (query, s, _a, ctx) => (s.estateId ? ctx.prisma.estate.findUnique({ ...query, where: { id: s.estateId } }) : null),
    }),
    overall: t.field({
      type: SurveySatisfactionFigure,
      description: "The questionnaire's overall dimension (every answer together if it has none)",
      resolve: (s) => s.overall,
    }),
    allAnswers: t.field({
      type: SurveySatisfactionFigure,
      description: "Every dimension's answers together",
      resolve: (s) => s.allAnswers,
    }),
    dimensions: t.field({
      type: [SurveySatisfactionFigure],
      description: "Per dimension, in the questionnaire's order",
      resolve: (s) => s.dimensions,
    }),
  }),
});

const SurveySatisfaction = builder.objectRef<{ campaign: ScopeFigures; estates: ScopeFigures[] }>("SurveySatisfaction").implement({
  description: "SUR-4, §11: a campaign's satisfaction, for the campaign (your estates together) and per estate",
  fields: (t) => ({
    campaign: t.field({
      type: SurveySatisfactionScope,
      description: "Every estate of the campaign in your scope together",
      resolve: (s) => s.campaign,
    }),
    estates: t.field({
      type: [SurveySatisfactionScope],
      description: "Per estate of the campaign in your scope",
      resolve: (s) => s.estates,
    }),
  }),
});

builder.queryField("surveySatisfaction", (t) =>
  t.withAuth({ permission: "reports:read" }).field({
    type: SurveySatisfaction,
    description:
      "SUR-4, §11: satisfaction per dimension and overall, for the campaign (your estates) and per estate, with the target and met/missed",
    args: { campaignId: t.arg.globalID({ required: true, description: "The survey campaign (SUR-1)" }) },
    resolve: async (_r, args, ctx) => {
      const c = await campaignFor(ctx, args.campaignId.id);
      const scope = estateScopeIds(ctx);
      // §11, issue 16 item 3: the SATISFACTION figure of `metrics`, restricted to this campaign.
      const rows = await campaignSatisfaction(ctx, c.id, scope);
      const dimensions = await ctx.prisma.questionnaireDimension.findMany({
        where: { questionnaireId: c.questionnaireId },
        orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
      });
      const estates = c.estates.map((e) => e.estateId).filter((e) => !scope || scope.includes(e));
      const byKey = new Map(rows.map((r) => [`${r.estateId}/${r.dimension}`, r]));
      const targets = await policyPercents(ctx, "SUR-4.satisfactionTarget", [null, ...estates], c.startsAt);
      const overallDimension = dimensions.find((d) => d.isOverall) ?? null;
      const figures = (estateId: string | null): ScopeFigures => {
        const target = targets.get(estateId) ?? null;
        const figure = (dimension: QuestionnaireDimension | null): Figure => {
          const row = byKey.get(`${estateId}/${dimension?.code ?? null}`);
          return { dimension, rate: rateOf(row?.numerator ?? 0, row?.denominator ?? 0, target), score: row?.score ?? null };
        };
        const allAnswers = figure(null);
        return {
          estateId,
          allAnswers,
          overall: overallDimension ? figure(overallDimension) : allAnswers,
          dimensions: dimensions.map(figure),
        };
      };
      return { campaign: figures(null), estates: estates.map(figures) };
    },
  }),
);
