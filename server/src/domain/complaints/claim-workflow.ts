import type { ClaimStatus, StaffRole } from "@tingjian/prisma/client";
import { msg, render, type Msg } from "../../i18n/messages.ts";

/**
 * WF-6 (002 8.1.7, 9.4): the claim state machine, enforced on the server. A claim is opened on a
 * complaint as DRAFT; the lawyer's opinion is recorded (LEGAL_REVIEW: "客户索赔必须经过法律咨询");
 * a compensation plan naming the responsibility and the amount goes to the company's leadership
 * (PENDING_APPROVAL), who approve or reject it with a reason; the customer agrees or declines; the
 * agreed amount is paid; the claim report closes the case.
 *
 * 9.4.3 "修改赔偿方案并经客户认可": a rejected or declined plan is revised (after a new legal
 * opinion if needed) and submitted again; a claim that ends without payment is closed with its
 * report as well, so that every claim ends CLOSED with a written outcome.
 *
 * Refusals are catalogue messages (i18n/catalogue/complaint-records.ts), so that the caller reads
 * them in its language; the `…Refusal`/`claimTransition` forms give their English text.
 */
export type ClaimAction =
  | "RECORD_LEGAL_CONSULTATION"
  | "SUBMIT_PLAN"
  | "APPROVE"
  | "REJECT"
  | "CUSTOMER_AGREE"
  | "CUSTOMER_DECLINE"
  | "MARK_PAID"
  | "REPORT";

export interface ClaimFacts {
  /** 002 8.1.7: a plan is submitted only after legal consultation. */
  hasLegalConsultation: boolean;
}

interface ClaimRule {
  from: readonly ClaimStatus[];
  to: ClaimStatus;
  requires?: (facts: ClaimFacts) => Msg | null;
  /** The step needs a written note (the reason): what it says. */
  noteRequired?: Msg;
}

/** States from which the plan is (re)worked: first drafting, or after a rejection or a refusal (9.4.3). */
const REWORK: readonly ClaimStatus[] = ["REJECTED", "DECLINED_BY_CUSTOMER"];

export const CLAIM_WORKFLOW: Record<ClaimAction, ClaimRule> = {
  RECORD_LEGAL_CONSULTATION: { from: ["DRAFT", "LEGAL_REVIEW", ...REWORK], to: "LEGAL_REVIEW" },
  SUBMIT_PLAN: {
    from: ["LEGAL_REVIEW", ...REWORK],
    to: "PENDING_APPROVAL",
    requires: (f) => (f.hasLegalConsultation ? null : msg("claimNeedsLegalConsultation")),
  },
  APPROVE: { from: ["PENDING_APPROVAL"], to: "APPROVED" },
  REJECT: { from: ["PENDING_APPROVAL"], to: "REJECTED", noteRequired: msg("claimRejectionReason") },
  CUSTOMER_AGREE: { from: ["APPROVED"], to: "AGREED" },
  CUSTOMER_DECLINE: { from: ["APPROVED"], to: "DECLINED_BY_CUSTOMER", noteRequired: msg("claimCustomerObjection") },
  MARK_PAID: { from: ["AGREED"], to: "PAID" },
  REPORT: { from: ["PAID", ...REWORK], to: "CLOSED" },
};

export const CLAIM_ACTIONS = Object.keys(CLAIM_WORKFLOW) as ClaimAction[];

export type ClaimTransition = { ok: true; to: ClaimStatus } | { ok: false; reason: string };
/** The same decision with the refusal as a catalogue message (for typed errors). */
export type ClaimDecision = { ok: true; to: ClaimStatus } | { ok: false; message: Msg };

const bilingual = (m: Msg): [string, string] => [render(m, "zh"), render(m, "en")];

/** Why the claim's state does not allow `action` (the note aside), as a message, or null. */
export function stepRefusalMessage(from: ClaimStatus, action: ClaimAction, facts: ClaimFacts): Msg | null {
  const rule = CLAIM_WORKFLOW[action];
  if (!rule.from.includes(from))
    return msg("claimStepNotPossible", { action, from, allowed: availableClaimActions(from, facts).join(", ") || "none" });
  return rule.requires?.(facts) ?? null;
}

/** Why the claim's state does not allow `action` (the note aside), in English, or null. */
export function stepRefusal(from: ClaimStatus, action: ClaimAction, facts: ClaimFacts): string | null {
  const m = stepRefusalMessage(from, action, facts);
  return m ? render(m, "en") : null;
}

/** WF-6: the step's target state, or why it is refused (state, missing facts, missing note). */
export function claimDecision(from: ClaimStatus, action: ClaimAction, facts: ClaimFacts, note?: string | null): ClaimDecision {
  const refusal = stepRefusalMessage(from, action, facts);
  if (refusal) return { ok: false, message: refusal };
  const rule = CLAIM_WORKFLOW[action];
  if (rule.noteRequired && !note?.trim())
    return { ok: false, message: msg("claimStepNeedsNote", { action, what: bilingual(rule.noteRequired) }) };
  return { ok: true, to: rule.to };
}

export function claimTransition(from: ClaimStatus, action: ClaimAction, facts: ClaimFacts, note?: string | null): ClaimTransition {
  const d = claimDecision(from, action, facts, note);
  return d.ok ? d : { ok: false, reason: render(d.message, "en") };
}

/** The steps a claim in `from` allows (for the client's buttons and error messages). */
export function availableClaimActions(from: ClaimStatus, facts: ClaimFacts): ClaimAction[] {
  return CLAIM_ACTIONS.filter((a) => CLAIM_WORKFLOW[a].from.includes(from) && !CLAIM_WORKFLOW[a].requires?.(facts));
}

/** WF-6, 002 8.1.7 "经公司主管领导的批准": the company's leadership decides compensation. */
export const CLAIM_APPROVER_ROLES: readonly StaffRole[] = ["COMPANY_MANAGER", "MANAGEMENT_REP", "EXECUTIVE"];

/** Why this person may not decide the claim, as a message, or null. Nobody approves a claim they opened (four eyes). */
export function decisionRefusalMessage(decider: { role: StaffRole; staffId: string }, claim: { createdById: string | null }): Msg | null {
  if (!CLAIM_APPROVER_ROLES.includes(decider.role)) return msg("claimApproverRoles", { roles: CLAIM_APPROVER_ROLES.join(", ") });
  if (claim.createdById === decider.staffId) return msg("claimOwnApproval");
  return null;
}

/** Why this person may not decide the claim, in English, or null. */
export function decisionRefusal(decider: { role: StaffRole; staffId: string }, claim: { createdById: string | null }): string | null {
  const m = decisionRefusalMessage(decider, claim);
  return m ? render(m, "en") : null;
}

/** Decimal(12, 2): at most 10 integer digits. */
const AMOUNT = /^(0|[1-9]\d{0,9})(\.\d{1,2})?$/;

/**
 * WF-6: the compensation amount, in yuan, as a decimal string with at most two decimals and
 * greater than zero (a string, so that no binary fraction creeps in). Returns it with exactly
 * two decimals, or the reason it is refused.
 */
export function parseAmountMessage(input: string): { ok: true; value: string } | { ok: false; message: Msg } {
  const s = input.trim();
  if (!AMOUNT.test(s)) return { ok: false, message: msg("claimAmountFormat") };
  const [whole, frac = ""] = s.split(".");
  if (/^0*$/.test(whole! + frac)) return { ok: false, message: msg("claimAmountPositive") };
  return { ok: true, value: `${whole}.${frac.padEnd(2, "0")}` };
}

/** `parseAmountMessage` with the refusal in English. */
export function parseAmount(input: string): { ok: true; value: string } | { ok: false; reason: string } {
  const r = parseAmountMessage(input);
  return r.ok ? r : { ok: false, reason: render(r.message, "en") };
}
