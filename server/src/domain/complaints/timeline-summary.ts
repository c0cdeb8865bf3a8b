import type { ComplaintEventKind } from "@tingjian/prisma/client";

import type { Language } from "../../i18n/language.ts";
import { type MessageKey, text } from "../../i18n/messages.ts";
import { offsetMs } from "../sla/time-zone.ts";
import { asData, earlierComplaint, slaBreachParams } from "./escalation-reason.ts";

/**
 * ComplaintEvent.summary: what the system says about a timeline event, rendered from its kind and
 * `data` in the reader's language, instants as local date-times of the estate's time zone (never an
 * ISO string). `note` is only what a person wrote. Parameters named in CASE_CONTENT_PARAMS are case
 * content (SEC-2): the caller reveals or masks them as it does `note`, and passes them in. Another
 * complaint (a REC-3 escalation's earlier repair, a duplicate's first report) is named only by the
 * `earlierComplaintNo` the caller passes, having checked that the reader may read that complaint
 * (SEC-2); otherwise "an earlier complaint".
 */
export const CASE_CONTENT_PARAMS = ["developerName", "title", "cause", "measures"] as const;
export type CaseContentParam = (typeof CASE_CONTENT_PARAMS)[number];
export type Revealed = Partial<Record<CaseContentParam, string | null>> & { earlierComplaintNo?: string | null };

type Data = Record<string, unknown>;

export interface SummaryEvent {
  kind: ComplaintEventKind;
  data: unknown;
}

/** The case-content values of an event's data, to be revealed or masked by the caller. */
export function caseContentOf(e: SummaryEvent): Partial<Record<CaseContentParam, string>> {
  const d = asData(e.data);
  const out: Partial<Record<CaseContentParam, string>> = {};
  for (const name of CASE_CONTENT_PARAMS) if (typeof d[name] === "string" && d[name] !== "") out[name] = d[name] as string;
  return out;
}

/** A local date-time `YYYY-MM-DD HH:mm` in `timeZone`; null for anything that is not an instant. */
export function localDateTime(value: unknown, timeZone: string): string | null {
  if (typeof value !== "string" && !(value instanceof Date)) return null;
  const ms = new Date(value).getTime();
  if (Number.isNaN(ms)) return null;
  return new Date(ms + offsetMs(timeZone, ms)).toISOString().slice(0, 16).replace("T", " ");
}

export function timelineSummary(e: SummaryEvent, language: Language, timeZone: string, revealed: Revealed = {}): string | null {
  const at = (v: unknown) => localDateTime(v, timeZone) ?? "—";
  const found =
    e.kind === "ESCALATED" ? escalated(asData(e.data), language, at, revealed) : summaryMessage(e.kind, asData(e.data), at, revealed);
  if (!found) return null;
  const [key, params] = found;
  const rendered: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params ?? {})) rendered[k] = typeof v === "object" ? text(v.key, language) : v;
  return text(key, language, rendered);
}

type Param = string | number | { key: MessageKey };
type Found = [MessageKey, Record<string, Param>?] | null;

function summaryMessage(kind: ComplaintEventKind, d: Data, at: (v: unknown) => string, revealed: Revealed): Found {
  const shown = (name: CaseContentParam) => revealed[name] ?? "***";
  switch (kind) {
    case "REGISTERED":
      return d.viaDepartment === true ? ["timelineViaDepartment"] : null;
    case "TRANSITION":
      if (d.rule === "CB-8") return ["timelineExemptVerified"];
      return d.rule === "CB-7" && d.action === "REOPEN" ? ["timelineReopenedByCallback"] : null;
    case "REOPENED":
      return d.rule === "CB-7" ? ["timelineReopenedByCallback"] : null;
    case "CALLBACK":
      if (d.planned !== true) return callbackMade(d);
      if (d.repeat === true) return ["timelineCallbackRepeatRepair", { dueAt: at(d.dueAt) }];
      if (d.inPerson === true) return ["timelineCallbackDisruptive", { dueAt: at(d.dueAt) }];
      return typeof d.sequence === "number"
        ? ["timelineCallbackPlanned", { sequence: d.sequence, dueAt: at(d.dueAt) }]
        : ["timelineCallbackPlannedFirst", { dueAt: at(d.dueAt) }];
    case "DEEMED_ACCEPTED":
      return ["timelineDeemedAccepted", { at: at(d.deemedAcceptedAt) }];
    case "DUPLICATE_LINKED":
      if (typeof d.duplicateOfNo !== "string") return null;
      return revealed.earlierComplaintNo ? ["timelineDuplicateOf", { no: revealed.earlierComplaintNo }] : ["timelineDuplicateOfUnnamed"];
    case "FORWARDED_TO_DEVELOPER":
      if (!d.deadlineAt) return null;
      return d.developerName
        ? ["timelineForwardedToDeveloper", { developer: shown("developerName"), deadlineAt: at(d.deadlineAt) }]
        : ["timelineForwardedToDeveloperUnnamed", { deadlineAt: at(d.deadlineAt) }];
    case "PLAN_RECORDED":
    case "PROMISE_RECORDED":
      return d.promisedAt ? ["timelinePromiseRecorded", { promisedAt: at(d.promisedAt) }] : null;
    case "PROMISE_CHANGED":
      if (!d.promisedAt) return null;
      return d.previousPromisedAt
        ? ["timelinePromiseChanged", { previousAt: at(d.previousPromisedAt), promisedAt: at(d.promisedAt) }]
        : ["timelinePromiseRecorded", { promisedAt: at(d.promisedAt) }];
    case "REPLIED":
      if (d.openLetterId) return ["timelineOpenLetter", { title: shown("title") }];
      return d.planId && d.promisedAt ? ["timelinePlanCommunicated", { promisedAt: at(d.promisedAt) }] : null;
    case "ACKNOWLEDGED":
      return typeof d.method === "string" ? ["timelineAcknowledged", { method: methodLabel(d.method), sentAt: at(d.sentAt) }] : null;
    case "CONFIRMED":
      if (typeof d.method !== "string") return null;
      return [
        "timelineConfirmed",
        { method: methodLabel(d.method), verdict: { key: d.satisfied === false ? "timelineNotSatisfied" : "timelineSatisfied" } },
      ];
    case "NOTE":
      return note(d, shown);
    default:
      return null;
  }
}

function callbackMade(d: Data): Found {
  if (typeof d.sequence !== "number" || typeof d.reached !== "boolean") return null;
  const verdict = !d.reached ? "timelineNotReached" : d.satisfied === false ? "timelineNotSatisfied" : "timelineSatisfied";
  return ["timelineCallbackMade", { sequence: d.sequence, verdict: { key: verdict } }];
}

/** WF-7: the parameters are the escalation's reason (escalation-reason.ts); the number of a REC-3 repeat's earlier complaint only as revealed. */
function escalated(d: Data, language: Language, at: (v: unknown) => string, revealed: Revealed): Found {
  const level = typeof d.level === "number" ? d.level : 1;
  if (d.rule === "REC-3")
    return [
      "timelineRepeatRepairEscalated",
      { days: Number(d.windowDays ?? 30), earlier: earlierComplaint(language, revealed.earlierComplaintNo), level },
    ];
  if (typeof d.rule === "string" && typeof d.stage === "string")
    return ["timelineSlaOverdue", { ...slaBreachParams(d, language, at), level }];
  return ["timelineEscalated", { level }];
}

function note(d: Data, shown: (name: CaseContentParam) => string): Found {
  if (d.rule === "CB-7" && d.notifiedDepartmentId !== undefined) return ["timelineDepartmentNotified"];
  if (d.rule === "REC-1" && typeof d.correctiveActionNo === "string")
    return [d.linked === false ? "timelineCorrectiveUnlinked" : "timelineCorrectiveLinked", { no: d.correctiveActionNo }];
  if (d.rule === "REC-3" && d.repeatCause === true && (d.cause || d.measures))
    return ["timelineRepeatCause", { cause: shown("cause"), measures: shown("measures") }];
  if (d.rule === "CLS-3") return ["timelineMajorReported"];
  if (d.rule === "CB-8" && typeof d.cancelledCallbacks === "number") return ["timelineCallbackExempt", { count: d.cancelledCallbacks }];
  if (d.recordingId && d.archived === true) return ["timelineRecordingArchived"];
  return null;
}

/** WF-4, SLA-9: a confirmation or acknowledgement method in words (an unknown one as stored). */
const METHODS: Record<string, MessageKey> = {
  IN_PERSON: "methodInPerson",
  LETTER: "methodLetter",
  PHONE_CONSENT: "methodPhoneConsent",
  SIGNATURE: "methodSignature",
  SMS: "methodSms",
  WEB: "methodWeb",
  PHONE: "methodPhone",
  EMAIL: "methodEmail",
};

function methodLabel(method: string): Param {
  const key = METHODS[method];
  return key ? { key } : method;
}
