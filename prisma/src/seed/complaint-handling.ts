import type { Case, Work } from "./complaint-case.ts";
import { DAY, HOUR, MINUTE } from "./context.ts";
import { causeTexts, missedPromiseReasons, planTexts } from "./vocabulary.ts";

/** WF-1: the lead (and perhaps an assisting) department; for engineering, the plan (WF-2). */
export function assignComplaint(cs: Case): Work | null {
  const {
    ctx: { rng, organizationId },
    company,
    estate,
    batch,
    c,
    at,
    event,
    id,
    lead,
    t,
  } = cs;
  const assignedAt = at(rng.int(25, 100) * MINUTE + rng.int(0, 150) * MINUTE);
  if (!assignedAt) return null;
  Object.assign(c, {
    leadDepartmentId: lead,
    assignedAt,
    status: "ASSIGNED",
    firstRepliedAt: new Date(assignedAt.getTime() + rng.int(1, 20) * HOUR),
  });
  batch.add("complaint_departments", { id: rng.uuid(), organizationId, complaintId: id, departmentId: lead, role: "LEAD", assignedAt });
  if (lead !== company.departments.service && rng.chance(0.1)) {
    // WF-1: a second department assists; the service centre coordinates.
    batch.add("complaint_departments", {
      id: rng.uuid(),
      organizationId,
      complaintId: id,
      departmentId: company.departments.service,
      role: "ASSISTING",
      assignedAt,
    });
  }
  event("ASSIGNED", assignedAt, "CLASSIFIED", "ASSIGNED", rng.pick(company.staff.serviceReps));

  const engineering = cs.kind === "ENGINEERING" || cs.kind === "WARRANTY";
  const handler = engineering ? company.staff.deptHeads[0]! : rng.pick(estate.staff.assistants);
  const cursor = assignedAt.getTime() - t;
  const resolveAfter = cursor + (engineering ? rng.int(6, 200) * HOUR : rng.int(1, 20) * HOUR);
  if (!engineering) return { handler, cursor, resolveAfter };
  const planned = recordPlan(cs, cursor);
  return planned && { handler, ...planned };
}

/** WF-2 / WF-3 / WF-5: an engineering plan with its promise, perhaps missed, and the developer hand-off under warranty. */
function recordPlan(cs: Case, cursor: number): Omit<Work, "handler"> | null {
  const {
    ctx: { rng, organizationId },
    company,
    batch,
    c,
    at,
    event,
    id,
    lead,
    t,
    inWarranty,
  } = cs;
  const planAt = at(cursor + rng.int(1, 10) * HOUR);
  if (!planAt) return null;
  const promisedAt = new Date(planAt.getTime() + rng.int(1, 7) * DAY);
  const planId = rng.uuid();
  batch.add("complaint_plans", {
    id: planId,
    organizationId,
    complaintId: id,
    departmentId: lead,
    causeAnalysis: rng.pick(causeTexts),
    responsibility: inWarranty
      ? "DEVELOPER"
      : rng.weighted([
          ["COMPANY", 6],
          ["CONTRACTOR", 2],
          ["CUSTOMER", 1],
        ] as const),
    plan: rng.pick(planTexts),
    promisedAt,
    status: "CONFIRMED",
    createdById: company.staff.deptHeads[0],
    confirmedById: rng.pick(company.staff.serviceReps),
    confirmedAt: planAt,
    communicatedAt: planAt,
    createdAt: planAt,
  });
  const promiseId = rng.uuid();
  batch.add("complaint_promises", {
    id: promiseId,
    organizationId,
    complaintId: id,
    planId,
    sequence: 1,
    promisedAt,
    recordedById: company.staff.deptHeads[0],
    recordedAt: planAt,
  });
  Object.assign(c, { status: "PLANNED", promisedAt });
  event("PLAN_RECORDED", planAt, "ASSIGNED", "PLANNED", company.staff.deptHeads[0]!, null, {
    planId,
    promisedAt: promisedAt.toISOString(),
  });
  const planned = planAt.getTime() - t;
  let resolveAfter = promisedAt.getTime() - t - rng.int(2, 40) * HOUR;
  if (rng.chance(0.12)) resolveAfter = changePromise(cs, planId, promiseId, promisedAt) ?? resolveAfter;
  if (inWarranty && !forwardToDeveloper(cs, planned)) return null;
  return { cursor: planned, resolveAfter };
}

/** WF-3: a missed promise gets a written reason and a new promise; both stay on record. Returns the new resolve offset. */
function changePromise(cs: Case, planId: string, promiseId: string, promisedAt: Date): number | undefined {
  const { ctx, company, batch, c, event, id, t } = cs;
  const { rng, organizationId } = ctx;
  const changedAt = new Date(promisedAt.getTime() - rng.int(1, 10) * HOUR);
  const newPromise = new Date(promisedAt.getTime() + rng.int(1, 5) * DAY);
  if (changedAt.getTime() >= ctx.end.getTime()) return undefined;
  const promiseRowId = rng.uuid();
  const changeReason = rng.pick(missedPromiseReasons);
  batch.add("complaint_promises", {
    id: promiseRowId,
    organizationId,
    complaintId: id,
    planId,
    sequence: 2,
    promisedAt: newPromise,
    previousPromiseId: promiseId,
    changeReason,
    recordedById: company.staff.deptHeads[0],
    recordedAt: changedAt,
    reconfirmedById: rng.pick(company.staff.serviceReps),
    reconfirmedAt: changedAt,
  });
  c.promisedAt = newPromise;
  event("PROMISE_CHANGED", changedAt, null, null, company.staff.deptHeads[0]!, changeReason, {
    planId,
    promisedAt: newPromise.toISOString(),
    previousPromisedAt: promisedAt.toISOString(),
  });
  return newPromise.getTime() - t - rng.int(1, 20) * HOUR;
}

/** WF-5 / SLA-7: forwarded to the developer; no answer in 8 h means deemed accepted. False when the history ends first. */
function forwardToDeveloper(cs: Case, cursor: number): boolean {
  const {
    ctx: { rng },
    company,
    c,
    at,
    event,
  } = cs;
  const fwd = at(cursor + rng.int(1, 4) * HOUR);
  if (!fwd) return false;
  const deadline = new Date(fwd.getTime() + 8 * HOUR);
  Object.assign(c, { status: "FORWARDED_TO_DEVELOPER", forwardedToDeveloperAt: fwd, developerDeadlineAt: deadline });
  event("FORWARDED_TO_DEVELOPER", fwd, "PLANNED", "FORWARDED_TO_DEVELOPER", company.staff.deptHeads[0]!, null, {
    deadlineAt: deadline.toISOString(),
  });
  const answered = rng.chance(0.75);
  const back = at(cursor + (answered ? rng.int(2, 7) : 9) * HOUR);
  if (!back) return false;
  if (!answered) c.deemedAcceptedAt = deadline;
  event(
    answered ? "DEVELOPER_ANSWERED" : "DEEMED_ACCEPTED",
    back,
    "FORWARDED_TO_DEVELOPER",
    "IN_PROGRESS",
    null,
    null,
    answered ? { accepted: true } : { deemedAcceptedAt: deadline.toISOString() },
  );
  c.status = "IN_PROGRESS";
  return true;
}

/** Work started and resolved; returns when the complainant confirms, or null past the end of the history. */
export function resolveComplaint(cs: Case, work: Work): Date | null {
  const {
    ctx: { rng },
    c,
    at,
    event,
    t,
  } = cs;
  const { handler, cursor, resolveAfter } = work;
  const startAt = at(cursor + rng.int(10, 240) * MINUTE);
  if (!startAt) return null;
  if (c.status !== "IN_PROGRESS") {
    event("TRANSITION", startAt, c.status as string, "IN_PROGRESS", handler);
    c.status = "IN_PROGRESS";
  }
  const resolvedAt = at(Math.max(resolveAfter, startAt.getTime() - t + 30 * MINUTE));
  if (!resolvedAt) return null;
  Object.assign(c, { status: "RESOLVED", resolvedAt });
  event("TRANSITION", resolvedAt, "IN_PROGRESS", "RESOLVED", handler);
  return at(resolvedAt.getTime() - t + rng.int(1, 36) * HOUR);
}
