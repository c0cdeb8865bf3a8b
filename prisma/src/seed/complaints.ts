import { DAY, HOUR, MINUTE, months, type SeedContext } from "./context.ts";
import type { Company, EstateInfo, HouseholdInfo } from "./company.ts";
import { callbackComments, causeTexts, complaintTexts, missedPromiseReasons, planTexts, publicLocations } from "./vocabulary.ts";
import { personName, mobile } from "./people.ts";

type Row = Record<string, unknown>;

/** Complaints per household and month: about 10,000 over three years for 2,000 households. */
const MONTHLY_RATE = 0.15;

/** Rainy season (plum rains in June-July) brings leaks; summer brings pests and overgrowth. */
function seasonalWeight(code: string, month: number): number {
  if (code === "ENG-LEAK") return [0.5, 0.5, 0.8, 1.5, 2, 3.5, 3.5, 2.5, 1.8, 0.8, 0.5, 0.5][month]!;
  if (code === "ENV-PEST" || code === "ENV-GREEN") return month >= 4 && month <= 8 ? 2.5 : 0.5;
  if (code === "ENV-NOISE") return month >= 5 && month <= 8 ? 1.6 : 1;
  if (code.startsWith("FEE")) return month === 0 || month === 6 ? 2 : 0.8; // billing months
  return 1;
}

const baseWeight: Record<string, number> = {
  "ENG-LEAK": 8, "ENG-LIFT": 5, "ENG-POWER": 5, "ENG-PIPE": 6, "ENG-DOOR": 4, "ENG-CRACK": 2, "ENG-FAC": 3,
  "SEC-GATE": 4, "SEC-PARK": 6, "SEC-PATROL": 2, "SEC-FIRE": 2,
  "ENV-CLEAN": 6, "ENV-GREEN": 3, "ENV-WASTE": 4, "ENV-NOISE": 5, "ENV-PEST": 2,
  "FEE-MGMT": 3, "FEE-PARK": 2, "FEE-UTIL": 1.5,
  "SVC-ATT": 3, "SVC-SPEED": 3, "SVC-SUGG": 2, "SVC-ASK": 2, "SVC-CLAIM": 0.6,
  "MUN-WATER": 1, "MUN-POWER": 1, "MUN-GAS": 0.6, "MUN-ROAD": 0.6,
};

/** Accumulates the rows of one estate, inserted together and then released. */
class Batch {
  readonly tables: Record<string, Row[]> = {};
  add(table: string, row: Row) {
    (this.tables[table] ??= []).push(row);
  }
}

export interface ComplaintSummary {
  householdId: string;
  receivedAt: Date;
}


/**
 * Three years of complaints for one estate with their timelines (WF), plans and promises
 * (WF-2, WF-3), confirmations (WF-4), developer hand-offs (WF-5), duplicates (INT-4) and
 * callbacks (CB-1, CB-2, CB-7). Returns the valid complaints by household for survey sampling
 * (SUR-2).
 */
export async function seedEstateComplaints(ctx: SeedContext, company: Company, estate: EstateInfo): Promise<ComplaintSummary[]> {
  const { rng } = ctx;
  const batch = new Batch();
  const summaries: ComplaintSummary[] = [];
  const occupied = estate.households.filter((h) => h.occupied);
  if (occupied.length === 0) return summaries;
  for (const month of months(ctx.start, ctx.end)) {
    const m = Number(month.slice(5, 7)) - 1;
    const springFestival = m === 1 ? 0.6 : 1;
    const count = Math.round(occupied.length * MONTHLY_RATE * (m >= 5 && m <= 8 ? 1.2 : 1) * springFestival * (0.85 + rng.next() * 0.3));
    const weights = company.categories.map((c) => [c, (baseWeight[c.code] ?? 1) * seasonalWeight(c.code, m)] as const);
    const monthStart = new Date(`${month}T00:00:00+08:00`).getTime();
    for (let i = 0; i < count; i++) {
      const receivedAt = new Date(monthStart + rng.int(0, 29) * DAY + daytime(rng));
      if (receivedAt >= ctx.end) continue;
      const category = rng.weighted(weights);
      const household = rng.pick(occupied);
      generateComplaint(ctx, company, estate, batch, summaries, { receivedAt, category, household });
      // Recurring problems (REC-2): troubled households report the same repair again.
      if (household.troubled && category.parentCode === "ENG" && rng.chance(0.7)) {
        const again = new Date(receivedAt.getTime() + rng.int(10, 80) * DAY);
        if (again < ctx.end) generateComplaint(ctx, company, estate, batch, summaries, { receivedAt: again, category, household, repeat: true });
      }
    }
  }
  for (const [table, rows] of Object.entries(batch.tables)) await ctx.writer.insert(table, rows);
  return summaries;
}

function daytime(rng: SeedContext["rng"]): number {
  // Most complaints arrive in office hours; the hotline takes some at night (INT-1: 24 h).
  const hour = rng.weighted([[8, 3], [9, 6], [10, 7], [11, 6], [13, 5], [14, 6], [15, 6], [16, 5], [17, 3], [19, 2], [21, 1], [2, 0.3]] as const);
  return hour * HOUR + rng.int(0, 59) * MINUTE;
}

interface Draft {
  receivedAt: Date;
  category: Company["categories"][number];
  household: HouseholdInfo;
  repeat?: boolean;
}

/** A timeline event: `note` only what a person wrote; the system's words as `data` (the API renders ComplaintEvent.summary). */
type AddEvent = (kind: string, when: Date, fromStatus: string | null, toStatus: string | null, actorId: string | null, note?: string | null, data?: Record<string, unknown>) => void;

/** One complaint being generated: its row and what its later steps are decided by. */
interface Case {
  ctx: SeedContext;
  company: Company;
  estate: EstateInfo;
  batch: Batch;
  d: Draft;
  /** The complaint row, completed step by step. */
  c: Row;
  id: string;
  no: string;
  channel: string;
  anonymous: boolean;
  kind: string;
  inWarranty: boolean;
  valid: boolean;
  receiver: string;
  lead: string;
  /** Received at, in ms. */
  t: number;
  /** The instant `ms` after receipt, or null when that is after the end of the history. */
  at: (ms: number) => Date | null;
  event: AddEvent;
}

/** A complaint and as much of its life as fits before the end of the history. */
function generateComplaint(ctx: SeedContext, company: Company, estate: EstateInfo, batch: Batch, summaries: ComplaintSummary[], d: Draft) {
  const cs = registerComplaint(ctx, company, estate, batch, d);
  if (!classifyComplaint(cs)) return;
  summaries.push({ householdId: d.household.id, receivedAt: d.receivedAt });
  linkDuplicate(cs);
  const work = assignComplaint(cs);
  if (!work) return;
  const confirmedAt = resolveComplaint(cs, work);
  if (!confirmedAt) return;
  const { c, event } = cs;
  confirm(ctx, batch, c, confirmedAt, event);
  if (c.callbackExempt) {
    Object.assign(c, { status: "VERIFIED", verifiedAt: confirmedAt, closedAt: confirmedAt });
    event("TRANSITION", confirmedAt, "CONFIRMED", "VERIFIED", ctx.rng.pick(company.staff.serviceReps), null, { action: "VERIFY", rule: "CB-8" });
    return;
  }
  callbacks(ctx, company, estate, batch, c, confirmedAt, cs.kind === "ENGINEERING" || cs.kind === "WARRANTY", event);
}

/** The complaint as received (channel, complainant, place, content) and its REGISTERED event. */
function registerComplaint(ctx: SeedContext, company: Company, estate: EstateInfo, batch: Batch, d: Draft): Case {
  const { rng, organizationId } = ctx;
  const id = rng.uuid();
  const no = `TS${d.receivedAt.getUTCFullYear()}${String(++ctx.sequence).padStart(8, "0")}`;
  const channel = rng.weighted([["PHONE", 45], ["VISIT", 25], ["WEB", 12], ["LETTER", 5], ["DEPARTMENT", 8], ["CALLBACK", 3], ["SURVEY", 1], ["FAX", 1]] as const);
  const anonymous = !d.repeat && (channel === "WEB" || channel === "LETTER" || channel === "PHONE") && rng.chance(0.05);
  const publicArea = !d.repeat && (anonymous || rng.chance(0.22));
  const location = publicArea ? rng.pick(publicLocations) : null;
  const place = publicArea ? location! : `${d.household.code.split("-").slice(1, 3).join("栋")}单元${d.household.room}室`;
  const content = rng.pick(complaintTexts[d.category.code] ?? ["{place}问题"]).replace("{place}", place);
  const inWarranty = estate.kind === "VILLA" && ["ENG-CRACK", "ENG-LEAK", "ENG-DOOR"].includes(d.category.code) && d.receivedAt.getTime() - estate.deliveredAt.getTime() < 730 * DAY;
  const kind = inWarranty ? "WARRANTY" : d.category.kind === "WARRANTY" ? "ENGINEERING" : d.category.kind;
  const severity = rng.weighted([["GENERAL", 85], ["IMPORTANT", 13], ["MAJOR", 2]] as const);
  const valid = kind === "ENQUIRY" || kind === "SUGGESTION" ? true : !rng.chance(0.05);
  const receiver = channel === "VISIT" || channel === "PHONE" ? rng.pick(estate.staff.frontDesk) : rng.pick(company.staff.serviceReps);
  const lead = leadDepartment(company, estate, d.category.parentCode);
  const t = d.receivedAt.getTime();
  const at = (ms: number) => (t + ms < ctx.end.getTime() ? new Date(t + ms) : null);
  const event: AddEvent = (kind, when, fromStatus, toStatus, actorId, note = null, data) =>
    batch.add("complaint_events", { id: rng.uuid(), organizationId, complaintId: id, at: when, actorId, kind, fromStatus, toStatus, note, data: data ?? null, createdAt: when });

  const c: Row = {
    id, organizationId, no, receivedAt: d.receivedAt, channel, estateId: estate.id,
    buildingId: publicArea ? null : d.household.buildingId, householdId: publicArea ? null : d.household.id, location,
    complainantId: anonymous ? null : d.household.customerId,
    complainantName: anonymous ? null : channel === "VISIT" && rng.chance(0.1) ? personName(rng) : d.household.customerName,
    complainantContact: anonymous ? null : rng.chance(0.9) ? d.household.phone : mobile(rng),
    anonymous, content, kind: null, severity, valid: null, categoryId: null, status: "REGISTERED",
    receivedById: receiver, receivedByDepartmentId: channel === "DEPARTMENT" ? rng.pick([company.departments.engineering, company.departments.security, company.departments.finance]) : null,
    receivedAtOfficeId: channel === "VISIT" ? estate.officeId : null, inWarranty,
    callbackExempt: anonymous || (channel === "LETTER" && rng.chance(0.2)), exemptReason: anonymous ? "ANONYMOUS" : null,
    classification: "SECRET", createdAt: d.receivedAt,
  };
  if (c.callbackExempt && !anonymous) c.exemptReason = "WRITTEN_REPLY_ONLY";
  batch.add("complaints", c);
  event("REGISTERED", d.receivedAt, null, "REGISTERED", receiver, null, channel === "DEPARTMENT" ? { viaDepartment: true } : undefined);
  if (channel === "DEPARTMENT") {
    const fwd = at(rng.int(20, 300) * MINUTE); // SLA-1
    if (fwd) { c.forwardedToServiceCentreAt = fwd; event("FORWARDED_TO_SERVICE_CENTRE", fwd, null, null, receiver); }
  }
  return { ctx, company, estate, batch, d, c, id, no, channel, anonymous, kind, inWarranty, valid, receiver, lead, t, at, event };
}

/** CLS-1: kind, category and validity; an invalid complaint is closed. True when it goes on. */
function classifyComplaint(cs: Case): boolean {
  const { ctx: { rng }, company, c, at, event, kind, valid } = cs;
  const classifiedAt = at(rng.int(5, 90) * MINUTE);
  if (!classifiedAt) return false;
  Object.assign(c, { kind, valid, categoryId: cs.d.category.id, classifiedAt, status: "CLASSIFIED" });
  event("CLASSIFIED", classifiedAt, "REGISTERED", "CLASSIFIED", rng.pick(company.staff.serviceReps));
  if (!valid) {
    // CLS-1: an invalid complaint is answered with an explanation and closed.
    Object.assign(c, { status: "INVALID", invalidReason: "不属于物业服务合同约定范围，已向业主解释", closedAt: classifiedAt, firstRepliedAt: classifiedAt });
    event("TRANSITION", classifiedAt, "CLASSIFIED", "INVALID", rng.pick(company.staff.serviceReps), "已解释并关闭");
    return false;
  }
  return true;
}

/** INT-4: some problems are reported again through another channel; linked, not counted. */
function linkDuplicate(cs: Case) {
  const { ctx, batch, c, at, id, no, channel, receiver } = cs;
  const { rng, organizationId } = ctx;
  if (cs.anonymous || !rng.chance(0.03)) return;
  const dupAt = at(rng.int(2, 40) * HOUR);
  if (!dupAt) return;
  const dupId = rng.uuid();
  batch.add("complaints", {
    ...c, id: dupId, no: `TS${dupAt.getUTCFullYear()}${String(++ctx.sequence).padStart(8, "0")}`, receivedAt: dupAt,
    channel: channel === "PHONE" ? "WEB" : "PHONE", status: "CLASSIFIED", classifiedAt: dupAt, duplicateOfId: id,
    duplicateLinkedAt: dupAt, closedAt: dupAt, forwardedToServiceCentreAt: null, receivedByDepartmentId: null, createdAt: dupAt,
  });
  batch.add("complaint_events", { id: rng.uuid(), organizationId, complaintId: dupId, at: dupAt, actorId: receiver, kind: "REGISTERED", fromStatus: null, toStatus: "REGISTERED", createdAt: dupAt });
  batch.add("complaint_events", { id: rng.uuid(), organizationId, complaintId: dupId, at: dupAt, actorId: receiver, kind: "DUPLICATE_LINKED", fromStatus: "REGISTERED", toStatus: "CLASSIFIED", data: { duplicateOfId: id, duplicateOfNo: no }, createdAt: dupAt });
}

/** Who handles the complaint, and from when (ms after receipt) until when its work runs. */
interface Work {
  handler: string;
  cursor: number;
  resolveAfter: number;
}

/** WF-1: the lead (and perhaps an assisting) department; for engineering, the plan (WF-2). */
function assignComplaint(cs: Case): Work | null {
  const { ctx: { rng, organizationId }, company, estate, batch, c, at, event, id, lead, t } = cs;
  const assignedAt = at(rng.int(25, 100) * MINUTE + rng.int(0, 150) * MINUTE);
  if (!assignedAt) return null;
  Object.assign(c, { leadDepartmentId: lead, assignedAt, status: "ASSIGNED", firstRepliedAt: new Date(assignedAt.getTime() + rng.int(1, 20) * HOUR) });
  batch.add("complaint_departments", { id: rng.uuid(), organizationId, complaintId: id, departmentId: lead, role: "LEAD", assignedAt });
  if (lead !== company.departments.service && rng.chance(0.1)) {
    // WF-1: a second department assists; the service centre coordinates.
    batch.add("complaint_departments", { id: rng.uuid(), organizationId, complaintId: id, departmentId: company.departments.service, role: "ASSISTING", assignedAt });
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
  const { ctx: { rng, organizationId }, company, batch, c, at, event, id, lead, t, inWarranty } = cs;
  const planAt = at(cursor + rng.int(1, 10) * HOUR);
  if (!planAt) return null;
  const promisedAt = new Date(planAt.getTime() + rng.int(1, 7) * DAY);
  const planId = rng.uuid();
  batch.add("complaint_plans", {
    id: planId, organizationId, complaintId: id, departmentId: lead, causeAnalysis: rng.pick(causeTexts),
    responsibility: inWarranty ? "DEVELOPER" : rng.weighted([["COMPANY", 6], ["CONTRACTOR", 2], ["CUSTOMER", 1]] as const),
    plan: rng.pick(planTexts), promisedAt, status: "CONFIRMED", createdById: company.staff.deptHeads[0], confirmedById: rng.pick(company.staff.serviceReps),
    confirmedAt: planAt, communicatedAt: planAt, createdAt: planAt,
  });
  const promiseId = rng.uuid();
  batch.add("complaint_promises", { id: promiseId, organizationId, complaintId: id, planId, sequence: 1, promisedAt, recordedById: company.staff.deptHeads[0], recordedAt: planAt });
  Object.assign(c, { status: "PLANNED", promisedAt });
  event("PLAN_RECORDED", planAt, "ASSIGNED", "PLANNED", company.staff.deptHeads[0]!, null, { planId, promisedAt: promisedAt.toISOString() });
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
    id: promiseRowId, organizationId, complaintId: id, planId, sequence: 2, promisedAt: newPromise, previousPromiseId: promiseId,
    changeReason, recordedById: company.staff.deptHeads[0], recordedAt: changedAt,
    reconfirmedById: rng.pick(company.staff.serviceReps), reconfirmedAt: changedAt,
  });
  c.promisedAt = newPromise;
  event("PROMISE_CHANGED", changedAt, null, null, company.staff.deptHeads[0]!, changeReason, { planId, promisedAt: newPromise.toISOString(), previousPromisedAt: promisedAt.toISOString() });
  return newPromise.getTime() - t - rng.int(1, 20) * HOUR;
}

/** WF-5 / SLA-7: forwarded to the developer; no answer in 8 h means deemed accepted. False when the history ends first. */
function forwardToDeveloper(cs: Case, cursor: number): boolean {
  const { ctx: { rng }, company, c, at, event } = cs;
  const fwd = at(cursor + rng.int(1, 4) * HOUR);
  if (!fwd) return false;
  const deadline = new Date(fwd.getTime() + 8 * HOUR);
  Object.assign(c, { status: "FORWARDED_TO_DEVELOPER", forwardedToDeveloperAt: fwd, developerDeadlineAt: deadline });
  event("FORWARDED_TO_DEVELOPER", fwd, "PLANNED", "FORWARDED_TO_DEVELOPER", company.staff.deptHeads[0]!, null, { deadlineAt: deadline.toISOString() });
  const answered = rng.chance(0.75);
  const back = at(cursor + (answered ? rng.int(2, 7) : 9) * HOUR);
  if (!back) return false;
  if (!answered) c.deemedAcceptedAt = deadline;
  event(answered ? "DEVELOPER_ANSWERED" : "DEEMED_ACCEPTED", back, "FORWARDED_TO_DEVELOPER", "IN_PROGRESS", null, null, answered ? { accepted: true } : { deemedAcceptedAt: deadline.toISOString() });
  c.status = "IN_PROGRESS";
  return true;
}

/** Work started and resolved; returns when the complainant confirms, or null past the end of the history. */
function resolveComplaint(cs: Case, work: Work): Date | null {
  const { ctx: { rng }, c, at, event, t } = cs;
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

function confirm(ctx: SeedContext, batch: Batch, c: Row, confirmedAt: Date, event: AddEvent) {
  // WF-4: who, when and how the complainant confirmed the resolution.
  const method = ctx.rng.weighted([["PHONE_CONSENT", 55], ["SIGNATURE", 35], ["SMS", 10]] as const);
  batch.add("complaint_confirmations", {
    id: ctx.rng.uuid(), organizationId: ctx.organizationId, complaintId: c.id, customerId: c.complainantId, confirmedByName: c.complainantName,
    confirmedAt, method, satisfied: true, note: method === "PHONE_CONSENT" ? "电话录音确认" : null, createdAt: confirmedAt,
  });
  Object.assign(c, { status: "CONFIRMED", confirmedAt });
  event("CONFIRMED", confirmedAt, "RESOLVED", "CONFIRMED", null, null, { method, satisfied: true });
}

/** CB-1/CB-2/SLA-10/SLA-11: the callback after confirmation; a dissatisfied one reopens (CB-7). */
function callbacks(ctx: SeedContext, company: Company, estate: EstateInfo, batch: Batch, c: Row, confirmedAt: Date, repair: boolean, event: AddEvent) {
  const { rng, organizationId } = ctx;
  const owner = c.severity === "MAJOR" ? company.staff.managers[0]! : c.severity === "IMPORTANT" ? rng.pick(company.staff.deptHeads) : rng.pick(estate.staff.assistants);
  let previous: string | null = null;
  let from = confirmedAt;
  for (let seq = 1; seq <= 3; seq++) {
    const dueAt = new Date(from.getTime() + (repair ? 7 * DAY : 3 * DAY));
    const late = rng.chance(0.06);
    const calledAt = new Date(from.getTime() + (late ? rng.int(80, 200) : rng.int(2, repair ? 150 : 66)) * HOUR);
    const id = rng.uuid();
    const row: Row = {
      id, organizationId, no: `HF${String(++ctx.sequence).padStart(9, "0")}`, kind: repair ? "REPAIR" : "COMPLAINT", estateId: estate.id,
      complaintId: c.id, householdId: c.householdId, customerId: c.complainantId, sequence: seq, previousCallbackId: previous,
      dueAt, assignedToId: owner, status: "PLANNED", classification: "SECRET", createdAt: confirmedAt,
    };
    batch.add("callbacks", row);
    if (calledAt >= ctx.end) return;
    // CB-5: phone calls need no signature; in-person callbacks carry the customer's signature.
    const method = seq > 1 && c.severity !== "MAJOR" ? "PHONE" : rng.weighted([["PHONE", 45], ["IN_PERSON", 35], ["APPOINTMENT", 15], ["LETTER", 5]] as const);
    const reached = rng.chance(0.96);
    const satisfied = reached ? rng.chance(seq === 1 ? 0.91 : 0.97) : null;
    Object.assign(row, {
      method, calledAt, staffId: owner, reached, satisfied, signed: method === "IN_PERSON" || method === "APPOINTMENT",
      status: reached ? "DONE" : "NOT_REACHED", comment: reached ? rng.pick(callbackComments) : "电话无人接听",
      reviewedById: estate.staff.director, reviewedAt: new Date(calledAt.getTime() + rng.int(1, 5) * DAY), reviewSigned: true,
    });
    if (reached) {
      for (const dimension of ["QUALITY", "SPEED", "ATTITUDE"] as const) {
        const rating = satisfied ? rng.weighted([[5, 6], [4, 4]] as const) : rng.weighted([[1, 2], [2, 4], [3, 3]] as const);
        batch.add("callback_ratings", { id: rng.uuid(), organizationId, callbackId: id, dimension, rating, satisfied: rating >= 4 });
      }
    }
    event("CALLBACK", calledAt, null, null, owner, null, { callbackId: id, sequence: seq, reached, satisfied });
    if (satisfied) {
      Object.assign(c, { status: "VERIFIED", verifiedAt: calledAt, closedAt: calledAt });
      event("TRANSITION", calledAt, "CONFIRMED", "VERIFIED", owner);
      return;
    }
    if (reached) {
      // CB-7: dissatisfied — reopened, handled again, confirmed again, called back again.
      event("REOPENED", calledAt, "CONFIRMED", "REOPENED", owner, null, { rule: "CB-7", callbackId: id });
      const redo = new Date(calledAt.getTime() + rng.int(4, 72) * HOUR);
      if (redo >= ctx.end) { c.status = "REOPENED"; return; }
      event("TRANSITION", redo, "REOPENED", "RESOLVED", owner);
      const again = new Date(redo.getTime() + rng.int(2, 24) * HOUR);
      if (again >= ctx.end) { c.status = "RESOLVED"; return; }
      confirm(ctx, batch, c, again, event);
      from = again;
    } else {
      from = calledAt;
    }
    previous = id;
  }
}

function leadDepartment(company: Company, estate: EstateInfo, top: string): string {
  switch (top) {
    case "ENG": return company.departments.engineering;
    case "SEC": return company.departments.security;
    case "ENV": return company.departments.environment;
    case "FEE": return company.departments.finance;
    case "SVC": return estate.officeDepartmentId;
    default: return company.departments.service;
  }
}
