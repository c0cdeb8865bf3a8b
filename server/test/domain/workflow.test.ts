import { describe, expect, it } from "vitest";
import { ComplaintStatus } from "@tingjian/prisma/client";
import { availableActions, transition, WORKFLOW, type WorkflowAction } from "../../src/domain/complaints/workflow.ts";

const plain = { inWarranty: false };

describe("complaint workflow (SPEC §5)", () => {
  it("§5: the happy path runs REGISTERED → … → VERIFIED", () => {
    let status: ComplaintStatus = "REGISTERED";
    for (const action of ["CLASSIFY", "ASSIGN", "RECORD_PLAN", "START", "RESOLVE", "CONFIRM", "VERIFY"] as WorkflowAction[]) {
      const r = transition(status, action, plain);
      if (!r.ok) throw new Error(r.reason);
      status = r.to;
    }
    expect(status).toBe("VERIFIED");
  });

  it("§5: every action from every state is either its rule's transition or a typed refusal naming the allowed actions", () => {
    for (const from of Object.values(ComplaintStatus)) {
      for (const action of Object.keys(WORKFLOW) as WorkflowAction[]) {
        const r = transition(from, action, { inWarranty: true }, "note");
        if (WORKFLOW[action].from.includes(from)) expect(r).toEqual({ ok: true, to: WORKFLOW[action].to });
        else {
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.reason).toContain(`not possible from ${from}`);
        }
      }
    }
  });

  it("§5: a verified complaint cannot be resolved again, only reopened", () => {
    expect(transition("VERIFIED", "RESOLVE", plain)).toEqual({
      ok: false,
      reason: "RESOLVE is not possible from VERIFIED; possible: REOPEN",
    });
  });

  it("CLS-1: an invalid complaint needs the explanation", () => {
    expect(transition("CLASSIFIED", "MARK_INVALID", plain, " ")).toMatchObject({
      ok: false,
      reason: expect.stringContaining("explanation"),
    });
    expect(transition("CLASSIFIED", "MARK_INVALID", plain, "不属于物业服务范围")).toEqual({ ok: true, to: "INVALID" });
  });

  it("WF-5: only in-warranty defects are forwarded to the developer", () => {
    expect(transition("PLANNED", "FORWARD_TO_DEVELOPER", plain)).toMatchObject({ ok: false, reason: expect.stringContaining("WF-5") });
    expect(transition("PLANNED", "FORWARD_TO_DEVELOPER", { inWarranty: true })).toEqual({ ok: true, to: "FORWARDED_TO_DEVELOPER" });
    expect(availableActions("PLANNED", plain)).not.toContain("FORWARD_TO_DEVELOPER");
    expect(transition("FORWARDED_TO_DEVELOPER", "DEEM_ACCEPTED", { inWarranty: true })).toEqual({ ok: true, to: "IN_PROGRESS" });
  });

  it("CLS-1: an invalid complaint reopened is classified again before it is assigned", () => {
    expect(transition("REOPENED", "ASSIGN", { inWarranty: false, valid: false })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("CLS-1"),
    });
    expect(transition("REOPENED", "CLASSIFY", { inWarranty: false, valid: false })).toEqual({ ok: true, to: "CLASSIFIED" });
    expect(availableActions("REOPENED", { inWarranty: false, valid: true })).not.toContain("CLASSIFY");
    expect(availableActions("REOPENED", { inWarranty: false, valid: true })).toContain("ASSIGN");
  });

  it("WF-3: a new plan may be recorded while the work is under way", () => {
    expect(transition("IN_PROGRESS", "RECORD_PLAN", plain)).toEqual({ ok: true, to: "PLANNED" });
  });

  it("CB-7: a rejected resolution reopens with a reason, and is assigned again", () => {
    expect(transition("CONFIRMED", "REOPEN", plain)).toMatchObject({ ok: false });
    expect(transition("CONFIRMED", "REOPEN", plain, "回访不满意：仍漏水")).toEqual({ ok: true, to: "REOPENED" });
    expect(availableActions("REOPENED", plain)).toEqual(expect.arrayContaining(["ASSIGN", "RECORD_PLAN", "RESOLVE"]));
  });
});
