import type { ClaimStatus, StaffRole } from "@tingjian/prisma/client";

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
 */
export type ClaimAction =
  | "RECORD_LEGAL_CONSULTATION" | "SUBMIT_PLAN" | "APPROVE" | "REJECT"
  | "CUSTOMER_AGREE" | "CUSTOMER_DECLINE" | "MARK_PAID" | "REPORT";

export interface ClaimFacts {
  /** 002 8.1.7: a plan is submitted only after legal consultation. */
  hasLegalConsultation: boolean;
}

interface ClaimRule {
  from: readonly ClaimStatus[];
  to: ClaimStatus;
  requires?: (facts: ClaimFacts) => string | null;
  /** The step needs a written note (the reason). */
  noteRequired?: string;
}

/** States from which the plan is (re)worked: first drafting, or after a rejection or a refusal (9.4.3). */
const REWORK: readonly ClaimStatus[] = ["REJECTED", "DECLINED_BY_CUSTOMER"];

export const CLAIM_WORKFLOW: Record<ClaimAction, ClaimRule> = {
  RECORD_LEGAL_CONSULTATION: { from: ["DRAFT", "LEGAL_REVIEW", ...REWORK], to: "LEGAL_REVIEW" },
  SUBMIT_PLAN: {
    from: ["LEGAL_REVIEW", ...REWORK], to: "PENDING_APPROVAL",
    requires: (f) => (f.hasLegalConsultation ? null : "a claim needs legal consultation before its plan is submitted (WF-6, 002 8.1.7)"),
  },
  APPROVE: { from: ["PENDING_APPROVAL"], to: "APPROVED" },
  REJECT: { from: ["PENDING_APPROVAL"], to: "REJECTED", noteRequired: "why the plan is rejected" },
  CUSTOMER_AGREE: { from: ["APPROVED"], to: "AGREED" },
  CUSTOMER_DECLINE: { from: ["APPROVED"], to: "DECLINED_BY_CUSTOMER", noteRequired: "what the customer objects to" },
  MARK_PAID: { from: ["AGREED"], to: "PAID" },
  REPORT: { from: ["PAID", ...REWORK], to: "CLOSED" },
};

export const CLAIM_ACTIONS = Object.keys(CLAIM_WORKFLOW) as ClaimAction[];

export type ClaimTransition = { ok: true; to: ClaimStatus } | { ok: false; reason: string };

/** Why the claim's state does not allow `action` (the note aside), or null. */
export function stepRefusal(from: ClaimStatus, action: ClaimAction, facts: ClaimFacts): string | null {
  const rule = CLAIM_WORKFLOW[action];
  if (!rule.from.includes(from)) return `${action} is not possible from ${from}; possible: ${availableClaimActions(from, facts).join(", ") || "none"}`;
  return rule.requires?.(facts) ?? null;
}

export function claimTransition(from: ClaimStatus, action: ClaimAction, facts: ClaimFacts, note?: string | null): ClaimTransition {
  const refusal = stepRefusal(from, action, facts);
  if (refusal) return { ok: false, reason: refusal };
  const rule = CLAIM_WORKFLOW[action];
  if (rule.noteRequired && !note?.trim()) return { ok: false, reason: `${action} needs a note: ${rule.noteRequired}` };
  return { ok: true, to: rule.to };
}

/** The steps a claim in `from` allows (for the client's buttons and error messages). */
export function availableClaimActions(from: ClaimStatus, facts: ClaimFacts): ClaimAction[] {
  return CLAIM_ACTIONS.filter((a) => CLAIM_WORKFLOW[a].from.includes(from) && !CLAIM_WORKFLOW[a].requires?.(facts));
}

/** WF-6, 002 8.1.7 "经公司主管领导的批准": the company's leadership decides compensation. */
export const CLAIM_APPROVER_ROLES: readonly StaffRole[] = ["COMPANY_MANAGER", "MANAGEMENT_REP", "EXECUTIVE"];

/** Why this person may not decide the claim, or null. Nobody approves a claim they opened (four eyes). */
export function decisionRefusal(decider: { role: StaffRole; staffId: string }, claim: { createdById: string | null }): string | null {
  if (!CLAIM_APPROVER_ROLES.includes(decider.role)) return `A claim is approved by: ${CLAIM_APPROVER_ROLES.join(", ")} (WF-6)`;
  if (claim.createdById === decider.staffId) return "Nobody approves a claim they opened (WF-6)";
  return null;
}

/** Decimal(12, 2): at most 10 integer digits. */
const AMOUNT = /^(0|[1-9]\d{0,9})(\.\d{1,2})?$/;

/**
 * WF-6: the compensation amount, in yuan, as a decimal string with at most two decimals and
 * greater than zero (a string, so that no binary fraction creeps in). Returns it with exactly
 * two decimals, or the reason it is refused.
 */
export function parseAmount(input: string): { ok: true; value: string } | { ok: false; reason: string } {
  const s = input.trim();
  if (!AMOUNT.test(s)) return { ok: false, reason: "amount must be a decimal number of yuan with at most 2 decimals, e.g. 1200.50" };
  const [whole, frac = ""] = s.split(".");
  if (/^0*$/.test(whole! + frac)) return { ok: false, reason: "amount must be greater than 0" };
  return { ok: true, value: `${whole}.${frac.padEnd(2, "0")}` };
}
