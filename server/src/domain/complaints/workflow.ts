import type { ComplaintStatus } from "@tingjian/prisma/client";
import type { Bilingual } from "../../i18n/bilingual.ts";
import { msg, render, type MessageKey, type Msg } from "../../i18n/messages.ts";

/**
 * SPEC §5: the complaint state machine, enforced on the server. Each action names the states it
 * may start from; anything else is an illegal transition (a typed error for the caller).
 *
 * REGISTERED → CLASSIFIED → ASSIGNED → PLANNED → IN_PROGRESS → RESOLVED → CONFIRMED → VERIFIED,
 * plus INVALID (CLS-1), FORWARDED_TO_DEVELOPER (WF-5) and REOPENED (CB-7, a rejected resolution).
 */
export type WorkflowAction =
  | "CLASSIFY"
  | "MARK_INVALID"
  | "ASSIGN"
  | "RECORD_PLAN"
  | "START"
  | "FORWARD_TO_DEVELOPER"
  | "DEVELOPER_ANSWERED"
  | "DEEM_ACCEPTED"
  | "RESOLVE"
  | "CONFIRM"
  | "VERIFY"
  | "REOPEN";

export interface WorkflowFacts {
  /** WF-5: an in-warranty or developer-legacy defect. */
  inWarranty: boolean;
  /** CLS-1: null until classified. */
  valid?: boolean | null;
}

interface Rule {
  from: readonly ComplaintStatus[];
  to: ComplaintStatus;
  /** A further condition on the complaint, with the reason it fails (a catalogue key). */
  requires?: (facts: WorkflowFacts) => MessageKey | null;
  /** The action needs a written note (reason or explanation): what the note is, [zh, en]. */
  noteRequired?: Bilingual;
}

const OPEN_WORK: readonly ComplaintStatus[] = ["ASSIGNED", "PLANNED", "IN_PROGRESS", "REOPENED"];

export const WORKFLOW: Record<WorkflowAction, Rule> = {
  // CLS-1: an invalid complaint reopened (it was valid after all) is classified again.
  CLASSIFY: {
    from: ["REGISTERED", "REOPENED"],
    to: "CLASSIFIED",
    requires: (f) => (f.valid === true ? "workflowClassifiedAlready" : null),
  },
  // CLS-1: an invalid complaint is closed with the explanation given to the complainant.
  MARK_INVALID: {
    from: ["REGISTERED", "CLASSIFIED"],
    to: "INVALID",
    noteRequired: ["给投诉人的说明 (CLS-1)", "the explanation for the complainant (CLS-1)"],
  },
  // WF-1: to the responsible (lead) department; a reopened complaint is assigned again.
  ASSIGN: {
    from: ["CLASSIFIED", "REOPENED"],
    to: "ASSIGNED",
    requires: (f) => (f.valid === false ? "workflowInvalidBeforeAssign" : null),
  },
  // WF-2: cause, responsibility, plan and promised time; WF-3 a new plan after a missed promise.
  RECORD_PLAN: { from: ["ASSIGNED", "PLANNED", "IN_PROGRESS", "REOPENED"], to: "PLANNED" },
  START: { from: ["PLANNED"], to: "IN_PROGRESS" },
  // WF-5: planned by engineering, then handed to the developer.
  FORWARD_TO_DEVELOPER: {
    from: ["PLANNED"],
    to: "FORWARDED_TO_DEVELOPER",
    requires: (f) => (f.inWarranty ? null : "workflowDeveloperOnlyWarranty"),
  },
  DEVELOPER_ANSWERED: { from: ["FORWARDED_TO_DEVELOPER"], to: "IN_PROGRESS" },
  // WF-5, SLA-7: silence past the deadline is deemed acceptance; the company proceeds at the developer's cost.
  DEEM_ACCEPTED: { from: ["FORWARDED_TO_DEVELOPER"], to: "IN_PROGRESS" },
  RESOLVE: { from: [...OPEN_WORK, "FORWARDED_TO_DEVELOPER"], to: "RESOLVED" },
  // WF-4: the complainant confirms the resolution (who, when, how).
  CONFIRM: { from: ["RESOLVED"], to: "CONFIRMED" },
  // CB-6: the callback verifies the result.
  VERIFY: { from: ["CONFIRMED"], to: "VERIFIED" },
  // CB-7: a rejected resolution or a dissatisfied callback reopens the complaint.
  REOPEN: {
    from: ["RESOLVED", "CONFIRMED", "VERIFIED", "INVALID"],
    to: "REOPENED",
    noteRequired: ["重新打开的原因", "why it is reopened"],
  },
};

export type TransitionResult = { ok: true; to: ComplaintStatus } | { ok: false; reason: string };

/** SPEC §5: why `action` is not possible from `from` (a catalogue message), or null when it is. */
export function refusal(from: ComplaintStatus, action: WorkflowAction, facts: WorkflowFacts, note?: string | null): Msg | null {
  const rule = WORKFLOW[action];
  if (!rule.from.includes(from)) {
    const possible = availableActions(from, facts).join(", ");
    return msg("workflowNotFrom", { action, from, possible: possible ? [possible, possible] : ["无", "none"] });
  }
  const unmet = rule.requires?.(facts);
  if (unmet) return msg(unmet);
  if (rule.noteRequired && !note?.trim()) return msg("workflowNoteRequired", { action, what: rule.noteRequired });
  return null;
}

export function transition(from: ComplaintStatus, action: WorkflowAction, facts: WorkflowFacts, note?: string | null): TransitionResult {
  const refused = refusal(from, action, facts, note);
  return refused ? { ok: false, reason: render(refused, "en") } : { ok: true, to: WORKFLOW[action].to };
}

/** The actions a complaint in `from` allows (for the client's buttons and error messages). */
export function availableActions(from: ComplaintStatus, facts: WorkflowFacts): WorkflowAction[] {
  return (Object.keys(WORKFLOW) as WorkflowAction[]).filter((a) => WORKFLOW[a].from.includes(from) && !WORKFLOW[a].requires?.(facts));
}

/** States in which a complaint is still open (WF-8 daily review lists these). */
export const OPEN_STATES: readonly ComplaintStatus[] = [
  "REGISTERED",
  "CLASSIFIED",
  "ASSIGNED",
  "PLANNED",
  "IN_PROGRESS",
  "FORWARDED_TO_DEVELOPER",
  "REOPENED",
  "RESOLVED",
];
