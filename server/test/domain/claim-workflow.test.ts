import { describe, expect, it } from "vitest";
import { ClaimStatus } from "@tingjian/prisma/client";
import {
  availableClaimActions,
  CLAIM_ACTIONS,
  CLAIM_WORKFLOW,
  claimTransition,
  decisionRefusal,
  parseAmount,
  type ClaimAction,
} from "../../src/domain/complaints/claim-workflow.ts";

const consulted = { hasLegalConsultation: true };

describe("claim workflow (WF-6)", () => {
  it("WF-6: the happy path runs DRAFT → LEGAL_REVIEW → PENDING_APPROVAL → APPROVED → AGREED → PAID → CLOSED", () => {
    let status: ClaimStatus = "DRAFT";
    const seen: ClaimStatus[] = [status];
    for (const action of [
      "RECORD_LEGAL_CONSULTATION",
      "SUBMIT_PLAN",
      "APPROVE",
      "CUSTOMER_AGREE",
      "MARK_PAID",
      "REPORT",
    ] as ClaimAction[]) {
      const r = claimTransition(status, action, consulted);
      if (!r.ok) throw new Error(r.reason);
      seen.push((status = r.to));
    }
    expect(seen).toEqual(["DRAFT", "LEGAL_REVIEW", "PENDING_APPROVAL", "APPROVED", "AGREED", "PAID", "CLOSED"]);
  });

  it("WF-6: every step from every state is its rule's transition or a refusal naming the allowed steps", () => {
    for (const from of Object.values(ClaimStatus)) {
      for (const action of CLAIM_ACTIONS) {
        const r = claimTransition(from, action, consulted, "note");
        if (CLAIM_WORKFLOW[action].from.includes(from)) expect(r).toEqual({ ok: true, to: CLAIM_WORKFLOW[action].to });
        else
          expect(r).toEqual({
            ok: false,
            reason: `${action} is not possible from ${from}; possible: ${availableClaimActions(from, consulted).join(", ") || "none"}`,
          });
      }
    }
    expect(availableClaimActions("CLOSED", consulted)).toEqual([]);
  });

  it("WF-6, 002 8.1.7: no plan is submitted without legal consultation", () => {
    expect(claimTransition("REJECTED", "SUBMIT_PLAN", { hasLegalConsultation: false })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("legal consultation"),
    });
    expect(availableClaimActions("DRAFT", { hasLegalConsultation: false })).toEqual(["RECORD_LEGAL_CONSULTATION"]);
    expect(claimTransition("DRAFT", "MARK_PAID", consulted)).toEqual({
      ok: false,
      reason: "MARK_PAID is not possible from DRAFT; possible: RECORD_LEGAL_CONSULTATION",
    });
  });

  it("WF-6, 9.4.3: a rejection and a customer's refusal need a reason; the plan is then revised and resubmitted", () => {
    expect(claimTransition("PENDING_APPROVAL", "REJECT", consulted, " ")).toMatchObject({
      ok: false,
      reason: expect.stringContaining("needs a note"),
    });
    expect(claimTransition("PENDING_APPROVAL", "REJECT", consulted, "金额依据不足")).toEqual({ ok: true, to: "REJECTED" });
    expect(claimTransition("APPROVED", "CUSTOMER_DECLINE", consulted)).toMatchObject({ ok: false });
    expect(availableClaimActions("REJECTED", consulted)).toEqual(["RECORD_LEGAL_CONSULTATION", "SUBMIT_PLAN", "REPORT"]);
    expect(availableClaimActions("DECLINED_BY_CUSTOMER", consulted)).toEqual(["RECORD_LEGAL_CONSULTATION", "SUBMIT_PLAN", "REPORT"]);
  });

  it("WF-6: only the company's leadership decides, and never on a claim they opened", () => {
    const claim = { createdById: "s1" };
    expect(decisionRefusal({ role: "COMPANY_MANAGER", staffId: "s2" }, claim)).toBeNull();
    expect(decisionRefusal({ role: "MANAGEMENT_REP", staffId: "s2" }, claim)).toBeNull();
    expect(decisionRefusal({ role: "EXECUTIVE", staffId: "s2" }, claim)).toBeNull();
    for (const role of ["DEPARTMENT_HEAD", "OFFICE_DIRECTOR", "SERVICE_REP", "FRONT_DESK", "ADMIN"] as const) {
      expect(decisionRefusal({ role, staffId: "s2" }, claim)).toContain("approved by");
    }
    expect(decisionRefusal({ role: "EXECUTIVE", staffId: "s1" }, claim)).toContain("opened");
  });

  it("WF-6: the amount is greater than 0 with at most two decimals", () => {
    expect(parseAmount("1200.5")).toEqual({ ok: true, value: "1200.50" });
    expect(parseAmount(" 88 ")).toEqual({ ok: true, value: "88.00" });
    expect(parseAmount("0.01")).toEqual({ ok: true, value: "0.01" });
    expect(parseAmount("9999999999.99")).toEqual({ ok: true, value: "9999999999.99" });
    for (const bad of ["0", "0.00", "-5", "1.234", "abc", "", "1e3", "12,00", "00012", "10000000000"])
      expect(parseAmount(bad).ok, bad).toBe(false);
    expect(parseAmount("0.00")).toEqual({ ok: false, reason: "amount must be greater than 0" });
  });
});
