import type { SurveyCampaignStatus } from "@tingjian/prisma/client";
import { msg, render, type Msg } from "../i18n/messages.ts";
import { ConflictError } from "./typed-errors.ts";

/**
 * The typed errors of the surveys area (SPEC §9, SUR-1 … SUR-7): classes only; their GraphQL
 * types are registered in schema/surveys/ (typedError). Messages are catalogue messages
 * (i18n/catalogue/surveys.ts) and never quote a protected value (SEC-1).
 */

/** Stale versions, one class per record type so the payload can carry the record as it is now. */
export class SurveyCampaignConflictError extends ConflictError {}
export class SurveyHandoutConflictError extends ConflictError {}
export class QuestionnaireConflictError extends ConflictError {}
export class SurveyTaskConflictError extends ConflictError {}
export class TenantMeetingConflictError extends ConflictError {}

/** SUR-1: something the campaign's status does not allow (the schema names the steps it allows). */
export class SurveyCampaignStateError extends Error {
  readonly localized: Msg;
  constructor(
    readonly field: string,
    readonly status: SurveyCampaignStatus,
    message: Msg,
  ) {
    super(render(message, "en"));
    this.name = "SurveyCampaignStateError";
    this.localized = message;
  }
}

/** SUR-6: the revision is in use by a running or closed campaign; its answers must keep meaning what was asked. */
export class QuestionnaireFrozenError extends Error {
  readonly field = "input.id";
  readonly localized: Msg;
  constructor(readonly campaignCodes: string[]) {
    // Campaign codes are the organisation's own labels, not personal data.
    const usedBy = campaignCodes.length ? ` (used by ${campaignCodes.join(", ")})` : "";
    const localized = msg("questionnaireFrozen", { usedBy: [campaignCodes.length ? `（${campaignCodes.join("、")} 在用）` : "", usedBy] });
    super(render(localized, "en"));
    this.name = "QuestionnaireFrozenError";
    this.localized = localized;
  }
}

/** One bad row of a bulk entry (SPEC §13): its position, its line in the source file, the field and why. */
export interface SurveyEntryProblem {
  index: number;
  line: number;
  field: string;
  /** Why, in English (logs, callers without Accept-Language). */
  reason: string;
  localized: Msg;
}

/** SPEC §13: the bulk entry was refused as a whole; every bad row is listed. */
export class SurveyBulkEntryError extends Error {
  readonly localized: Msg;
  constructor(readonly problems: SurveyEntryProblem[]) {
    const localized = msg("surveyBulkRefused", { rows: new Set(problems.map((p) => p.index)).size });
    super(render(localized, "en"));
    this.name = "SurveyBulkEntryError";
    this.localized = localized;
  }
}
