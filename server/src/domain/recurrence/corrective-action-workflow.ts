import type { CorrectiveActionStatus } from "@tingjian/prisma/client";
import { msg, render, type Msg } from "../../i18n/messages.ts";

/**
 * REC-1 (000 §7 4.9.2, 004 §5 item 9): the corrective and preventive action (CAPA) state machine,
 * enforced on the server.
 *
 *   OPEN ─START→ IN_PROGRESS ─MARK_IMPLEMENTED→ IMPLEMENTED ─VERIFY→ VERIFIED ─CLOSE→ CLOSED
 *     └──────MARK_IMPLEMENTED──────┘                └─VERIFY(ineffective)→ INEFFECTIVE ─REWORK→ IN_PROGRESS
 *
 * The effect is verified once the measures are done, or once the due date has passed without
 * them (the problem may have stopped anyway, or the action failed): `effective` decides VERIFIED
 * or INEFFECTIVE. An ineffective action is reworked with new measures and a new due date; only a
 * verified one is closed, so every closed action has a verified effect (REC-1).
 */
export type CorrectiveActionStep = "START" | "MARK_IMPLEMENTED" | "VERIFY" | "REWORK" | "CLOSE";

export const CORRECTIVE_ACTION_STEPS: readonly CorrectiveActionStep[] = ["START", "MARK_IMPLEMENTED", "VERIFY", "REWORK", "CLOSE"];

/** The steps a person chooses in `updateCorrectiveAction` (VERIFY has its own mutation). */
export const UPDATE_STEPS = ["START", "MARK_IMPLEMENTED", "REWORK", "CLOSE"] as const;

export interface CorrectiveActionFacts {
  dueAt: Date | null;
  now: Date;
}

interface StepRule {
  from: readonly CorrectiveActionStatus[];
  /** VERIFY's target depends on the verdict. */
  to: CorrectiveActionStatus | "BY_VERDICT";
  requires?: (f: CorrectiveActionFacts, from: CorrectiveActionStatus) => Msg | null;
}

export const CORRECTIVE_ACTION_WORKFLOW: Record<CorrectiveActionStep, StepRule> = {
  START: { from: ["OPEN"], to: "IN_PROGRESS" },
  MARK_IMPLEMENTED: { from: ["OPEN", "IN_PROGRESS"], to: "IMPLEMENTED" },
  // REC-1 "verification of effect": when done, or after the due date.
  VERIFY: {
    from: ["OPEN", "IN_PROGRESS", "IMPLEMENTED"],
    to: "BY_VERDICT",
    requires: (f, from) =>
      from === "IMPLEMENTED" || (f.dueAt !== null && f.dueAt <= f.now)
        ? null
        : msg("actionVerifyNotYet", { due: f.dueAt?.toISOString() ?? "none" }),
  },
  REWORK: { from: ["INEFFECTIVE"], to: "IN_PROGRESS" },
  CLOSE: { from: ["VERIFIED"], to: "CLOSED" },
};

/** Why `step` is not possible now, as a catalogue message (for the typed error), or null. */
export function stepRefusalMessage(from: CorrectiveActionStatus, step: CorrectiveActionStep, facts: CorrectiveActionFacts): Msg | null {
  const rule = CORRECTIVE_ACTION_WORKFLOW[step];
  if (!rule.from.includes(from))
    return msg("actionStepNotPossible", { step, from, allowed: availableSteps(from, facts).join(", ") || "none" });
  return rule.requires?.(facts, from) ?? null;
}

const english = (m: Msg | null) => (m ? render(m, "en") : null);

/** Why `step` is not possible now, in English, or null. */
export function stepRefusal(from: CorrectiveActionStatus, step: CorrectiveActionStep, facts: CorrectiveActionFacts): string | null {
  return english(stepRefusalMessage(from, step, facts));
}

/** The status after `step` (VERIFY: by the verdict). Call after stepRefusal returned null. */
export function statusAfter(step: CorrectiveActionStep, effective?: boolean): CorrectiveActionStatus {
  const to = CORRECTIVE_ACTION_WORKFLOW[step].to;
  if (to !== "BY_VERDICT") return to;
  if (effective === undefined) throw new Error("VERIFY needs the verdict");
  return effective ? "VERIFIED" : "INEFFECTIVE";
}

export function availableSteps(from: CorrectiveActionStatus, facts: CorrectiveActionFacts): CorrectiveActionStep[] {
  return CORRECTIVE_ACTION_STEPS.filter(
    (s) => CORRECTIVE_ACTION_WORKFLOW[s].from.includes(from) && !CORRECTIVE_ACTION_WORKFLOW[s].requires?.(facts, from),
  );
}

/**
 * The content (title, root cause, measures, owner, due date) is worked on while the action is
 * open or in progress, and in the step that reworks an ineffective one; what was implemented is
 * what gets verified, so it is frozen from IMPLEMENTED on.
 */
export function contentEditRefusalMessage(from: CorrectiveActionStatus, step: CorrectiveActionStep | null): Msg | null {
  if (from === "OPEN" || from === "IN_PROGRESS" || step === "REWORK") return null;
  return msg("actionContentFrozen", { from });
}

export function contentEditRefusal(from: CorrectiveActionStatus, step: CorrectiveActionStep | null): string | null {
  return english(contentEditRefusalMessage(from, step));
}

/** Linked complaints may be added or removed until the action is closed (a new repeat joins its action). */
export function linkEditRefusalMessage(from: CorrectiveActionStatus): Msg | null {
  return from === "CLOSED" ? msg("actionLinksFinal") : null;
}

export function linkEditRefusal(from: CorrectiveActionStatus): string | null {
  return english(linkEditRefusalMessage(from));
}

/** 000 §7 4.9.2 "公司应组织有关部门进行探讨": actions are opened, verified and closed by supervisors. */
export { isSupervisor, SUPERVISOR_ROLES } from "../access/roles.ts";

/** Not yet done and past the due date (an ineffective action waits for its rework). */
export function isOverdue(a: { status: CorrectiveActionStatus; dueAt: Date | null }, now: Date): boolean {
  return (a.status === "OPEN" || a.status === "IN_PROGRESS" || a.status === "INEFFECTIVE") && a.dueAt !== null && a.dueAt < now;
}

export const NOT_DONE: readonly CorrectiveActionStatus[] = ["OPEN", "IN_PROGRESS", "INEFFECTIVE"];
