import type { ComplaintKind, SlaRule, SlaStageStatus } from "@tingjian/prisma/client";
import { deadline, type ClockKind, type Pause } from "./clock.ts";
import type { WorkingCalendar } from "./working-calendar.ts";

/**
 * SPEC §6: which SLA stages a complaint runs, when each started and stopped, its deadline on its
 * clock and whether it was met. A pure function of the complaint's facts, the policy values and
 * the estate's calendar: the database stores its result so that attainment is counted in SQL,
 * and re-planning from the facts after every change keeps the stored stages honest.
 */
export interface StageFacts {
  receivedAt: Date;
  kind: ComplaintKind | null;
  /** CLS-1: null until classified. */
  valid: boolean | null;
  /** INT-4: a duplicate is not a complaint of its own and runs no clock. */
  duplicate: boolean;
  /** SLA-8: received at an estate's office (on duty 24 h). */
  atOffice: boolean;
  /** SLA-1: received by a company department other than the service centre. */
  atOtherDepartment: boolean;
  /** SLA-3 / SLA-4: about an employee, or about an office or department. */
  subject: "STAFF" | "DEPARTMENT" | null;
  forwardedToServiceCentreAt: Date | null;
  classifiedAt: Date | null;
  assignedAt: Date | null;
  /** WF-2: when the first plan was recorded. */
  firstPlanAt: Date | null;
  forwardedToDeveloperAt: Date | null;
  developerAnsweredAt: Date | null;
  deemedAcceptedAt: Date | null;
  firstRepliedAt: Date | null;
  /**
   * When the handling first ended: the first resolution, or the close as invalid. Stages stop
   * there for good, so that reopening a complaint never rewrites how its first handling fared.
   */
  firstEndedAt: Date | null;
  /** Every resolution (transition to RESOLVED), in order. */
  resolutions: readonly Date[];
  /** WF-5, SLA-7: a defect the developer owns. */
  inWarranty: boolean;
  /** WF-3: every promise, in order; kept when the work was done, replaced by the next promise. */
  promises: readonly { sequence: number; recordedAt: Date; promisedAt: Date; keptAt: Date | null; replacedAt: Date | null }[];
  /** Waiting for the customer (PAUSE/RESUME events). */
  pauses: readonly Pause[];
  /** WF-4: every confirmation the complainant gave as satisfied, in order (one per handling round). */
  confirmations: readonly Date[];
  /** CB-8: anonymous, or a written reply only. */
  callbackExempt: boolean;
  /** CB-1, CB-6: when callbacks reached the customer, in order. */
  callbacksAt: readonly Date[];
}

export interface StagePolicy {
  key: string;
  minutes: number;
  clock: ClockKind;
}

/** The policy in force for `key` when a stage starts at `at` (the organisation's or the estate's). */
export type PolicyLookup = (key: string, at: Date) => StagePolicy;

export interface PlannedStage {
  rule: SlaRule;
  stage: string;
  /** The rule's n-th run on the complaint (SLA-6 per promise, SLA-10/SLA-11 per confirmation). */
  round: number;
  clock: ClockKind;
  policyKey: string | null;
  durationMinutes: number;
  startedAt: Date;
  deadlineAt: Date;
  finishedAt: Date | null;
  status: SlaStageStatus;
  breachedAt: Date | null;
  pausedSeconds: number;
  pausedSince: Date | null;
}

/** SPEC §6 defaults, used where no policy value is set. */
export const SLA_DEFAULTS: Record<string, { minutes: number; clock: ClockKind }> = {
  "SLA-1.duration": { minutes: 4 * 60, clock: "WORKING" },
  "SLA-2.duration": { minutes: 2 * 60, clock: "WORKING" },
  "SLA-3.duration": { minutes: 8 * 60, clock: "WORKING" },
  "SLA-4.duration": { minutes: 12 * 60, clock: "WORKING" },
  "SLA-5.duration": { minutes: 8 * 60, clock: "WORKING" },
  "SLA-7.plan": { minutes: 6 * 60, clock: "WORKING" },
  "SLA-7.toDeveloper": { minutes: 4 * 60, clock: "WORKING" },
  "SLA-7.developerAnswer": { minutes: 8 * 60, clock: "WALL" },
  "SLA-8.reach": { minutes: 15, clock: "WALL" },
  "SLA-8.serviceResolve": { minutes: 60, clock: "WALL" },
  "SLA-8.repairAnswer": { minutes: 6 * 60, clock: "WALL" },
  "SLA-8.toServiceCentre": { minutes: 2 * 60, clock: "WALL" },
  "SLA-9.firstReply": { minutes: 24 * 60, clock: "WALL" },
  "SLA-10.callback": { minutes: 3 * 1440, clock: "WALL" },
  "SLA-11.repairCallback": { minutes: 7 * 1440, clock: "WALL" },
};

interface StageRule {
  rule: SlaRule;
  stage: string;
  key: string;
  applies: (f: StageFacts) => boolean;
  start: (f: StageFacts) => Date | null;
  stop: (f: StageFacts) => Date | null;
  /** Waiting for the customer stops the clock (not for the developer's answer). */
  pausable?: boolean;
}

const first = (...ds: (Date | null)[]): Date | null => ds.reduce<Date | null>((a, d) => (d && (!a || d < a) ? d : a), null);
/** A later step done, or the handling ended (resolved or closed as invalid), ends an earlier stage. */
const done = (f: StageFacts, ...ds: (Date | null)[]) => first(...ds, f.firstEndedAt);
const validAnd = (p: (f: StageFacts) => boolean) => (f: StageFacts) => f.valid === true && p(f);
/** The first callback that reached the customer at or after `from`. */
const calledBackAfter = (f: StageFacts, from: Date) => f.callbacksAt.find((d) => d >= from) ?? null;
/** CB-4, SLA-11: an engineering (repair) complaint is called back after completion instead. */
const repair = (f: StageFacts) => f.kind === "ENGINEERING";
const warranty = (f: StageFacts) => f.kind === "WARRANTY" || f.inWarranty;
/** SLA-8: at an office its own limits replace the company's SLA-1 … SLA-5 (000 §7 4.5). */
const companyLevel = (f: StageFacts) => !f.atOffice;

const RULES: StageRule[] = [
  // SLA-1 (000 §7 4.1.2): received by another department, at the service centre within 4 working hours.
  {
    rule: "SLA_1",
    stage: "main",
    key: "SLA-1.duration",
    pausable: true,
    applies: (f) => f.atOtherDepartment && companyLevel(f),
    start: (f) => f.receivedAt,
    stop: (f) => done(f, f.forwardedToServiceCentreAt, f.classifiedAt),
  },
  // SLA-2 (4.2.2): a valid complaint reaches the responsible department within 2 working hours.
  {
    rule: "SLA_2",
    stage: "main",
    key: "SLA-2.duration",
    pausable: true,
    applies: validAnd(companyLevel),
    start: (f) => f.receivedAt,
    stop: (f) => done(f, f.assignedAt),
  },
  // SLA-3 (4.3.1a): about an employee, the department feeds the result back within 8 working hours of receiving it.
  {
    rule: "SLA_3",
    stage: "main",
    key: "SLA-3.duration",
    pausable: true,
    applies: validAnd((f) => companyLevel(f) && f.subject === "STAFF"),
    start: (f) => f.assignedAt,
    stop: (f) => done(f),
  },
  // SLA-4 (4.3.1b): about an office or department, handled within 12 working hours.
  {
    rule: "SLA_4",
    stage: "main",
    key: "SLA-4.duration",
    pausable: true,
    applies: validAnd((f) => companyLevel(f) && f.subject === "DEPARTMENT"),
    start: (f) => f.receivedAt,
    stop: (f) => done(f),
  },
  // SLA-5 (4.3.2a): engineering, site survey and plan within 8 working hours of receiving the form.
  {
    rule: "SLA_5",
    stage: "main",
    key: "SLA-5.duration",
    pausable: true,
    applies: validAnd((f) => companyLevel(f) && f.kind === "ENGINEERING"),
    start: (f) => f.assignedAt,
    stop: (f) => done(f, f.firstPlanAt),
  },
  // SLA-7 (4.4.1-4.4.4): warranty — plan, hand-off to the developer, the developer's answer.
  {
    rule: "SLA_7",
    stage: "plan",
    key: "SLA-7.plan",
    pausable: true,
    applies: validAnd(warranty),
    start: (f) => f.receivedAt,
    stop: (f) => done(f, f.firstPlanAt),
  },
  {
    rule: "SLA_7",
    stage: "to_developer",
    key: "SLA-7.toDeveloper",
    pausable: true,
    applies: validAnd(warranty),
    start: (f) => f.firstPlanAt,
    stop: (f) => done(f, f.forwardedToDeveloperAt),
  },
  {
    rule: "SLA_7",
    stage: "developer_answer",
    key: "SLA-7.developerAnswer",
    applies: (f) => f.forwardedToDeveloperAt !== null,
    start: (f) => f.forwardedToDeveloperAt,
    stop: (f) => first(f.developerAnsweredAt, f.deemedAcceptedAt, f.firstEndedAt),
  },
  // SLA-8 (4.5): at an office, on the wall clock.
  {
    rule: "SLA_8",
    stage: "reach",
    key: "SLA-8.reach",
    applies: (f) => f.atOffice,
    start: (f) => f.receivedAt,
    stop: (f) => done(f, f.classifiedAt, f.assignedAt),
  },
  {
    rule: "SLA_8",
    stage: "service_resolve",
    key: "SLA-8.serviceResolve",
    pausable: true,
    applies: (f) => f.atOffice && f.valid === true && f.kind === "SERVICE",
    start: (f) => f.receivedAt,
    stop: (f) => done(f, f.forwardedToServiceCentreAt),
  },
  {
    rule: "SLA_8",
    stage: "repair_answer",
    key: "SLA-8.repairAnswer",
    pausable: true,
    applies: (f) => f.atOffice && f.valid === true && f.kind === "ENGINEERING",
    start: (f) => f.receivedAt,
    stop: (f) => done(f, f.firstRepliedAt, f.forwardedToServiceCentreAt),
  },
  {
    rule: "SLA_8",
    stage: "to_service_centre",
    key: "SLA-8.toServiceCentre",
    applies: (f) => f.atOffice && f.forwardedToServiceCentreAt !== null,
    start: (f) => f.receivedAt,
    stop: (f) => f.forwardedToServiceCentreAt,
  },
  // SLA-9 (004 §5 item 6): the first reply to every complainant within 24 hours.
  {
    rule: "SLA_9",
    stage: "main",
    key: "SLA-9.firstReply",
    pausable: true,
    applies: () => true,
    start: (f) => f.receivedAt,
    stop: (f) => first(f.firstRepliedAt, f.firstEndedAt),
  },
];

export function planStages(f: StageFacts, policy: PolicyLookup, calendar: WorkingCalendar, now: Date): PlannedStage[] {
  if (f.duplicate) return [];
  const out: PlannedStage[] = [];
  for (const r of RULES) {
    if (!r.applies(f)) continue;
    const start = r.start(f);
    if (!start) continue;
    const p = policy(r.key, start);
    const stage = evaluate(r.rule, r.stage, p, start, r.stop(f), r.pausable ? f.pauses : [], calendar, now);
    // WF-5: acceptance by silence is the developer missing its deadline, not meeting it.
    if (r.stage === "developer_answer" && f.deemedAcceptedAt && !f.developerAnsweredAt)
      Object.assign(stage, { status: "BREACHED", breachedAt: stage.deadlineAt });
    out.push(stage);
  }
  // SLA-6 (4.3.2b-c): each promise is a round; kept when the work was done, and a promise replaced
  // after it had passed was missed (WF-3).
  for (const pr of f.promises) {
    const minutes = Math.max(0, Math.round((pr.promisedAt.getTime() - pr.recordedAt.getTime()) / 60_000));
    const finished = first(pr.keptAt, pr.replacedAt, f.firstEndedAt);
    const stage = evaluate(
      "SLA_6",
      "promise",
      { key: "WF-3.promise", minutes, clock: "WALL" },
      pr.recordedAt,
      finished,
      [],
      calendar,
      now,
      pr.sequence,
    );
    // A promise replaced before it fell due was changed, not missed.
    if (!pr.keptAt && pr.replacedAt && finished === pr.replacedAt && pr.replacedAt <= pr.promisedAt)
      Object.assign(stage, { status: "CANCELLED", breachedAt: null });
    out.push({ ...stage, policyKey: null, deadlineAt: pr.promisedAt });
  }
  // CB-1, SLA-10 (000 §7 4.8.1): every confirmation is called back within 3 days; a repair within 7
  // days of its completion (SLA-11, CB-4). One round per confirmation; none when exempt (CB-8).
  if (f.valid === true && !f.callbackExempt) {
    f.confirmations.forEach((confirmed, i) => {
      const completed = [...f.resolutions].reverse().find((r) => r <= confirmed) ?? confirmed;
      const [rule, key, start] = repair(f)
        ? (["SLA_11", "SLA-11.repairCallback", completed] as const)
        : (["SLA_10", "SLA-10.callback", confirmed] as const);
      out.push(evaluate(rule, "main", policy(key, start), start, calledBackAfter(f, confirmed), [], calendar, now, i + 1));
    });
  }
  return out;
}

function evaluate(
  rule: SlaRule,
  stage: string,
  p: StagePolicy,
  start: Date,
  stop: Date | null,
  pauses: readonly Pause[],
  calendar: WorkingCalendar,
  now: Date,
  round = 1,
): PlannedStage {
  const end = stop ?? now;
  // Pauses count up to where the stage ended (or now); an open one is closed there for the
  // deadline's sake: the stage is PAUSED, and its deadline moves on while the customer is away.
  const counted = pauses.filter((x) => x.from < end).map((x) => ({ from: x.from, to: x.to && x.to < end ? x.to : end }));
  const open = stop ? undefined : pauses.find((x) => x.to === null && x.from <= end);
  const due = deadline(p.clock, calendar, start, p.minutes, counted)!;
  const pausedMs = counted.reduce((s, x) => s + Math.max(0, x.to.getTime() - Math.max(x.from.getTime(), start.getTime())), 0);
  let status: SlaStageStatus;
  if (stop) status = stop <= due ? "MET" : "BREACHED";
  else if (open && due > open.from) status = "PAUSED";
  else status = now > due ? "BREACHED" : "RUNNING";
  return {
    rule,
    stage,
    round,
    clock: p.clock,
    policyKey: p.key,
    durationMinutes: p.minutes,
    startedAt: start,
    deadlineAt: due,
    finishedAt: stop,
    status,
    breachedAt: status === "BREACHED" ? due : null,
    pausedSeconds: Math.round(pausedMs / 1000),
    pausedSince: status === "PAUSED" ? open!.from : null,
  };
}

/** WF-5, SLA-7: when silence becomes acceptance — the developer-answer deadline. */
export function developerDeadline(policy: PolicyLookup, calendar: WorkingCalendar, forwardedAt: Date): Date {
  const p = policy("SLA-7.developerAnswer", forwardedAt);
  return deadline(p.clock, calendar, forwardedAt, p.minutes)!;
}
