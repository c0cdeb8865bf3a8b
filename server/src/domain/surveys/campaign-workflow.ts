import type { SurveyCampaignStatus } from "@tingjian/prisma/client";
import { msg, type Msg } from "../../i18n/messages.ts";

/**
 * SUR-1: a campaign is planned (DRAFT), runs (RUNNING: questionnaires handed out and returned)
 * and is closed; a draft or a running campaign can be cancelled. Pure: the schema applies it.
 */
export const CAMPAIGN_ACTIONS = ["START", "CLOSE", "CANCEL"] as const;
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

export const CAMPAIGN_WORKFLOW: Record<CampaignAction, { from: readonly SurveyCampaignStatus[]; to: SurveyCampaignStatus }> = {
  START: { from: ["DRAFT"], to: "RUNNING" },
  CLOSE: { from: ["RUNNING"], to: "CLOSED" },
  CANCEL: { from: ["DRAFT", "RUNNING"], to: "CANCELLED" },
};

/** SUR-1: two company-wide (REGULAR) surveys a year; more is a SPECIAL survey. */
export const REGULAR_PER_YEAR = 2;

/** SUR-6: a questionnaire used by a campaign in one of these states is frozen. */
export const FREEZING_STATUSES: readonly SurveyCampaignStatus[] = ["RUNNING", "CLOSED"];

export function availableCampaignActions(status: SurveyCampaignStatus): CampaignAction[] {
  return CAMPAIGN_ACTIONS.filter((a) => CAMPAIGN_WORKFLOW[a].from.includes(status));
}

export type CampaignTransition = { ok: true; to: SurveyCampaignStatus } | { ok: false; reason: string };

export function campaignTransition(status: SurveyCampaignStatus, action: CampaignAction): CampaignTransition {
  if (CAMPAIGN_WORKFLOW[action].from.includes(status)) return { ok: true, to: CAMPAIGN_WORKFLOW[action].to };
  return {
    ok: false,
    reason: `${action} is not possible from ${status}; possible: ${availableCampaignActions(status).join(", ") || "none"}`,
  };
}

/** The refusal of `action` from `status` as a catalogue message (both languages). */
export function campaignStepRefusal(status: SurveyCampaignStatus, action: CampaignAction): Msg {
  return msg("surveyCampaignStepNotAllowed", { action, status, possible: availableCampaignActions(status).join(", ") || "none" });
}

/**
 * SUR-3: hand-outs need a running campaign; returns and answers may still be entered after it
 * closed (paper questionnaires returned in time are keyed in later).
 */
export const HANDOUT_STATUSES: readonly SurveyCampaignStatus[] = ["RUNNING"];
export const RETURN_STATUSES: readonly SurveyCampaignStatus[] = ["RUNNING", "CLOSED"];
