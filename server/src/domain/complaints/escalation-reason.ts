import type { Language } from "../../i18n/language.ts";
import { type MessageKey, text } from "../../i18n/messages.ts";

/**
 * WF-7, issue 16: why the system escalated a complaint, as data. complaint_escalations.reason_code
 * holds a catalogue key (i18n/catalogue/complaints.ts) and reason_params its parameters, instants
 * as ISO strings; the reason is rendered when it is read, in the reader's language, instants as
 * local date-times of the estate's time zone. `reason` keeps only what a person typed. The same
 * parameters go into the ESCALATED event's `data`, which the timeline summary renders.
 *
 * SEC-2: a REC-3 reason names the earlier complaint. Its number is rendered only when the caller
 * passes it in, having checked that the reader may read that complaint; otherwise a neutral phrase.
 */
export const ESCALATION_REASON = {
  SLA_BREACH: "escalationSlaBreach",
  REPEAT_REPAIR: "escalationRepeatRepair",
  MAJOR_REPORTED: "escalationMajorReported",
} as const satisfies Record<string, MessageKey>;
export type EscalationReasonCode = (typeof ESCALATION_REASON)[keyof typeof ESCALATION_REASON];

export interface SystemReason {
  code: EscalationReasonCode;
  params: Record<string, string | number>;
}

type Data = Record<string, unknown>;

/** SPEC §6, WF-7: a stage found breached while the complaint is handled. */
export function slaBreachReason(p: { rule: string; stage: string; round: number; deadlineAt: Date }): SystemReason {
  return {
    code: ESCALATION_REASON.SLA_BREACH,
    params: { rule: p.rule.replace("_", "-"), stage: p.stage, round: p.round, deadlineAt: p.deadlineAt.toISOString() },
  };
}

/** REC-3: the same repair again within the window; the earlier complaint by id (for the reader's scope) and number. */
export function repeatRepairReason(earlier: { id: string; no: string; windowDays: number }): SystemReason {
  return {
    code: ESCALATION_REASON.REPEAT_REPAIR,
    params: { rule: "REC-3", earlierId: earlier.id, earlierNo: earlier.no, windowDays: earlier.windowDays },
  };
}

/** CLS-3: a major complaint reported to the management representative. */
export const MAJOR_REPORTED_REASON: SystemReason = { code: ESCALATION_REASON.MAJOR_REPORTED, params: { rule: "CLS-3" } };

/** SPEC §6: each stage's time limit in words (rule as the SPEC writes it, "SLA-7", and the stage). */
const LIMITS: Record<string, MessageKey> = {
  "SLA-1/main": "slaLimitSla1",
  "SLA-2/main": "slaLimitSla2",
  "SLA-3/main": "slaLimitSla3",
  "SLA-4/main": "slaLimitSla4",
  "SLA-5/main": "slaLimitSla5",
  "SLA-6/promise": "slaLimitSla6",
  "SLA-7/plan": "slaLimitSla7Plan",
  "SLA-7/to_developer": "slaLimitSla7ToDeveloper",
  "SLA-7/developer_answer": "slaLimitSla7DeveloperAnswer",
  "SLA-8/reach": "slaLimitSla8Reach",
  "SLA-8/service_resolve": "slaLimitSla8ServiceResolve",
  "SLA-8/repair_answer": "slaLimitSla8RepairAnswer",
  "SLA-8/to_service_centre": "slaLimitSla8ToServiceCentre",
  "SLA-9/main": "slaLimitSla9",
  "SLA-10/main": "slaLimitSla10",
  "SLA-11/main": "slaLimitSla11",
};

/** The parameters of a breached stage's sentence: the limit in words, never the stage's code. */
export function slaBreachParams(d: Data, language: Language, at: (v: unknown) => string): Record<string, string> {
  const rule = typeof d.rule === "string" ? d.rule.replace("_", "-") : "";
  const limit = LIMITS[`${rule}/${String(d.stage)}`] ?? "slaLimitOther";
  const round = typeof d.round === "number" && d.round > 1 ? ` #${d.round}` : "";
  return { limit: text(limit, language), rule, round, deadlineAt: at(d.deadlineAt) };
}

/** REC-3, SEC-2: "earlier TS…" when the reader may read it (`shownNo`), else "an earlier complaint". */
export function earlierComplaint(language: Language, shownNo: string | null | undefined): string {
  return shownNo ? text("earlierComplaintNamed", language, { no: shownNo }) : text("earlierComplaintUnnamed", language);
}

/**
 * A stored reason in `language`, its instants through `at`; `shownEarlierNo` is the earlier
 * complaint's number if the reader may read it. Null for a code this version does not know.
 */
export function escalationReasonText(
  code: string,
  params: unknown,
  language: Language,
  at: (v: unknown) => string,
  shownEarlierNo: string | null,
): string | null {
  const d = asData(params);
  switch (code) {
    case "escalationSlaBreach":
      return text(code, language, slaBreachParams(d, language, at));
    case "escalationRepeatRepair":
      return text(code, language, {
        days: typeof d.windowDays === "number" ? d.windowDays : 30,
        earlier: earlierComplaint(language, shownEarlierNo),
      });
    case "escalationMajorReported":
      return text(code, language);
    default:
      return null;
  }
}

/**
 * Reasons written before issue 16 are sentences: shown as stored. A REC-3 one names the earlier
 * complaint ("（前次 TS…）"); these two find and hide that number for a reader who may not read it.
 */
const LEGACY_EARLIER = /（前次 ([^）\s]+)）/;

export function legacyRepeatEarlierNo(reason: string | null): string | null {
  if (!reason?.startsWith("REC-3")) return null;
  return LEGACY_EARLIER.exec(reason)?.[1] ?? null;
}

export function withoutEarlierNo(reason: string): string {
  return reason.replace(LEGACY_EARLIER, `（${text("earlierComplaintUnnamed", "zh")}）`);
}

export function asData(data: unknown): Data {
  return data && typeof data === "object" && !Array.isArray(data) ? (data as Data) : {};
}
