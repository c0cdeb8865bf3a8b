import { builder } from "../../builder.ts";
import { availableCampaignActions, CAMPAIGN_ACTIONS, type CampaignAction } from "../../domain/surveys/campaign-workflow.ts";
import type { RateFigure } from "../../domain/surveys/rates.ts";
import { SurveyCampaignConflictError, SurveyCampaignStateError } from "../../errors/surveys.ts";
import { SurveyCampaignStatusEnum } from "../enums.ts";
import { conflictErrorType, STANDARD_ERRORS, typedError } from "../errors.ts";

/**
 * What every survey schema file shares (SPEC §9): the campaign step enum, the rate type of §11,
 * and the campaign's typed errors. The commands are in services/surveys/, the read scopes in
 * services/surveys/scope.ts.
 */

// Kept for the files that still import them from here (schema/surveys/satisfaction.ts).
export { campaignFor, policyPercents } from "../../services/surveys/campaign.ts";
export { estateScopeIds } from "../../access/scopes/surveys.ts";

const STEP_DESCRIPTIONS: Record<CampaignAction, string> = {
  START: "SUR-1: DRAFT → RUNNING; needs every estate's sample (SUR-2) and freezes the questionnaire (SUR-6)",
  CLOSE: "SUR-1: RUNNING → CLOSED; closed early, the campaign ends now",
  CANCEL: "SUR-1: DRAFT or RUNNING → CANCELLED; what was recorded stays",
};

export const SurveyCampaignActionEnum = builder.enumType("SurveyCampaignAction", {
  description: "SUR-1: the steps of a survey campaign",
  values: Object.fromEntries(CAMPAIGN_ACTIONS.map((a) => [a, { description: STEP_DESCRIPTIONS[a] }])) as Record<
    CampaignAction,
    { description: string }
  >,
});

export const SurveyRateRef = builder.objectRef<RateFigure>("SurveyRate").implement({
  description: "§11: a rate with its numerator and denominator, the policy target in force at the campaign's start, and whether it is met",
  fields: (t) => ({
    numerator: t.exposeInt("numerator", { description: "§11: what is counted (e.g. questionnaires returned)" }),
    denominator: t.exposeInt("denominator", { description: "§11: what it is counted against (e.g. questionnaires handed out)" }),
    rate: t.float({ nullable: true, description: "numerator ÷ denominator (0…1); null when the denominator is 0", resolve: (r) => r.rate }),
    target: t.float({
      nullable: true,
      description: "The target (0…1) from the policy in force; null when none applies",
      resolve: (r) => r.target,
    }),
    met: t.boolean({ nullable: true, description: "rate ≥ target; null without a denominator or a target", resolve: (r) => r.met }),
  }),
});

// ---- errors ----

builder.objectFields(conflictErrorType(SurveyCampaignConflictError, "SurveyCampaignConflictError"), (t) => ({
  current: t.prismaField({
    type: "SurveyCampaign",
    description: "The campaign as it is now",
    resolve: (query, e, _a, ctx) => ctx.prisma.surveyCampaign.findUniqueOrThrow({ ...query, where: { id: e.recordId } }),
  }),
}));

typedError(SurveyCampaignStateError, {
  name: "SurveyCampaignStateError",
  description: "SUR-1: the campaign's status does not allow this; `allowedActions` are the steps it allows",
  fields: (t) => ({
    field: t.exposeString("field", { description: "The input naming the campaign (or the hand-out)" }),
    status: t.expose("status", { type: SurveyCampaignStatusEnum, description: "SUR-1: the campaign's status now" }),
    allowedActions: t.field({
      type: [SurveyCampaignActionEnum],
      description: "SUR-1: the steps its status allows",
      resolve: (e) => availableCampaignActions(e.status),
    }),
  }),
});

export const CAMPAIGN_ERRORS = [...STANDARD_ERRORS, SurveyCampaignConflictError, SurveyCampaignStateError];
