import type { Company, EstateInfo } from "./company.ts";
import type { AddEvent, Batch, Case, Draft, Row } from "./complaint-case.ts";
import { DAY, HOUR, MINUTE, type SeedContext } from "./context.ts";
import { mobile, personName } from "./people.ts";
import { complaintTexts, publicLocations } from "./vocabulary.ts";

/** The complaint as received (channel, complainant, place, content) and its REGISTERED event. */
export function registerComplaint(ctx: SeedContext, company: Company, estate: EstateInfo, batch: Batch, d: Draft): Case {
  const { rng, organizationId } = ctx;
  const id = rng.uuid();
  const no = `TS${d.receivedAt.getUTCFullYear()}${String(++ctx.sequence).padStart(8, "0")}`;
  const r = receipt(ctx, company, estate, d);
  const { channel, anonymous, receiver } = r;
  const lead = leadDepartment(company, estate, d.category.parentCode);
  const t = d.receivedAt.getTime();
  const at = (ms: number) => (t + ms < ctx.end.getTime() ? new Date(t + ms) : null);
  const event: AddEvent = (kind, when, fromStatus, toStatus, actorId, note = null, data) =>
    batch.add("complaint_events", {
      id: rng.uuid(),
      organizationId,
      complaintId: id,
      at: when,
      actorId,
      kind,
      fromStatus,
      toStatus,
      note,
      data: data ?? null,
      createdAt: when,
    });

  const c = complaintRow(ctx, company, estate, d, { id, no, ...r });
  if (c.callbackExempt && !anonymous) c.exemptReason = "WRITTEN_REPLY_ONLY";
  batch.add("complaints", c);
  event("REGISTERED", d.receivedAt, null, "REGISTERED", receiver, null, channel === "DEPARTMENT" ? { viaDepartment: true } : undefined);
  if (channel === "DEPARTMENT") {
    const fwd = at(rng.int(20, 300) * MINUTE); // SLA-1
    if (fwd) {
      c.forwardedToServiceCentreAt = fwd;
      event("FORWARDED_TO_SERVICE_CENTRE", fwd, null, null, receiver);
    }
  }
  const { kind, inWarranty, valid } = r;
  return { ctx, company, estate, batch, d, c, id, no, channel, anonymous, kind, inWarranty, valid, receiver, lead, t, at, event };
}

/** How a complaint arrived and what it is about, drawn in the order the fingerprint of the demo data records. */
interface Receipt {
  channel: string;
  anonymous: boolean;
  publicArea: boolean;
  location: string | null;
  content: string;
  inWarranty: boolean;
  kind: string;
  severity: string;
  valid: boolean;
  receiver: string;
}

function receipt(ctx: SeedContext, company: Company, estate: EstateInfo, d: Draft): Receipt {
  const { rng } = ctx;
  const channel = rng.weighted([
    ["PHONE", 45],
    ["VISIT", 25],
    ["WEB", 12],
    ["LETTER", 5],
    ["DEPARTMENT", 8],
    ["CALLBACK", 3],
    ["SURVEY", 1],
    ["FAX", 1],
  ] as const);
  const anonymous = !d.repeat && (channel === "WEB" || channel === "LETTER" || channel === "PHONE") && rng.chance(0.05);
  const publicArea = !d.repeat && (anonymous || rng.chance(0.22));
  const location = publicArea ? rng.pick(publicLocations) : null;
  const place = publicArea ? location! : `${d.household.code.split("-").slice(1, 3).join("栋")}单元${d.household.room}室`;
  const content = rng.pick(complaintTexts[d.category.code] ?? ["{place}问题"]).replace("{place}", place);
  const inWarranty =
    estate.kind === "VILLA" &&
    ["ENG-CRACK", "ENG-LEAK", "ENG-DOOR"].includes(d.category.code) &&
    d.receivedAt.getTime() - estate.deliveredAt.getTime() < 730 * DAY;
  const kind = inWarranty ? "WARRANTY" : d.category.kind === "WARRANTY" ? "ENGINEERING" : d.category.kind;
  const severity = rng.weighted([
    ["GENERAL", 85],
    ["IMPORTANT", 13],
    ["MAJOR", 2],
  ] as const);
  const valid = kind === "ENQUIRY" || kind === "SUGGESTION" ? true : !rng.chance(0.05);
  const receiver = channel === "VISIT" || channel === "PHONE" ? rng.pick(estate.staff.frontDesk) : rng.pick(company.staff.serviceReps);
  return { channel, anonymous, publicArea, location, content, inWarranty, kind, severity, valid, receiver };
}

/** The complaint row as registered (status REGISTERED, not yet classified). */
function complaintRow(ctx: SeedContext, company: Company, estate: EstateInfo, d: Draft, r: Receipt & { id: string; no: string }): Row {
  const { rng, organizationId } = ctx;
  const { id, no, channel, anonymous, publicArea, location, content, severity, receiver, inWarranty } = r;
  return {
    id,
    organizationId,
    no,
    receivedAt: d.receivedAt,
    channel,
    estateId: estate.id,
    buildingId: publicArea ? null : d.household.buildingId,
    householdId: publicArea ? null : d.household.id,
    location,
    complainantId: anonymous ? null : d.household.customerId,
    complainantName: anonymous ? null : channel === "VISIT" && rng.chance(0.1) ? personName(rng) : d.household.customerName,
    complainantContact: anonymous ? null : rng.chance(0.9) ? d.household.phone : mobile(rng),
    anonymous,
    content,
    kind: null,
    severity,
    valid: null,
    categoryId: null,
    status: "REGISTERED",
    receivedById: receiver,
    receivedByDepartmentId:
      channel === "DEPARTMENT"
        ? rng.pick([company.departments.engineering, company.departments.security, company.departments.finance])
        : null,
    receivedAtOfficeId: channel === "VISIT" ? estate.officeId : null,
    inWarranty,
    callbackExempt: anonymous || (channel === "LETTER" && rng.chance(0.2)),
    exemptReason: anonymous ? "ANONYMOUS" : null,
    classification: "SECRET",
    createdAt: d.receivedAt,
  };
}

/** CLS-1: kind, category and validity; an invalid complaint is closed. True when it goes on. */
export function classifyComplaint(cs: Case): boolean {
  const {
    ctx: { rng },
    company,
    c,
    at,
    event,
    kind,
    valid,
  } = cs;
  const classifiedAt = at(rng.int(5, 90) * MINUTE);
  if (!classifiedAt) return false;
  Object.assign(c, { kind, valid, categoryId: cs.d.category.id, classifiedAt, status: "CLASSIFIED" });
  event("CLASSIFIED", classifiedAt, "REGISTERED", "CLASSIFIED", rng.pick(company.staff.serviceReps));
  if (!valid) {
    // CLS-1: an invalid complaint is answered with an explanation and closed.
    Object.assign(c, {
      status: "INVALID",
      invalidReason: "不属于物业服务合同约定范围，已向业主解释",
      closedAt: classifiedAt,
      firstRepliedAt: classifiedAt,
    });
    event("TRANSITION", classifiedAt, "CLASSIFIED", "INVALID", rng.pick(company.staff.serviceReps), "已解释并关闭");
    return false;
  }
  return true;
}

/** INT-4: some problems are reported again through another channel; linked, not counted. */
export function linkDuplicate(cs: Case) {
  const { ctx, batch, c, at, id, no, channel, receiver } = cs;
  const { rng, organizationId } = ctx;
  if (cs.anonymous || !rng.chance(0.03)) return;
  const dupAt = at(rng.int(2, 40) * HOUR);
  if (!dupAt) return;
  const dupId = rng.uuid();
  batch.add("complaints", {
    ...c,
    id: dupId,
    no: `TS${dupAt.getUTCFullYear()}${String(++ctx.sequence).padStart(8, "0")}`,
    receivedAt: dupAt,
    channel: channel === "PHONE" ? "WEB" : "PHONE",
    status: "CLASSIFIED",
    classifiedAt: dupAt,
    duplicateOfId: id,
    duplicateLinkedAt: dupAt,
    closedAt: dupAt,
    forwardedToServiceCentreAt: null,
    receivedByDepartmentId: null,
    createdAt: dupAt,
  });
  batch.add("complaint_events", {
    id: rng.uuid(),
    organizationId,
    complaintId: dupId,
    at: dupAt,
    actorId: receiver,
    kind: "REGISTERED",
    fromStatus: null,
    toStatus: "REGISTERED",
    createdAt: dupAt,
  });
  batch.add("complaint_events", {
    id: rng.uuid(),
    organizationId,
    complaintId: dupId,
    at: dupAt,
    actorId: receiver,
    kind: "DUPLICATE_LINKED",
    fromStatus: "REGISTERED",
    toStatus: "CLASSIFIED",
    data: { duplicateOfId: id, duplicateOfNo: no },
    createdAt: dupAt,
  });
}

function leadDepartment(company: Company, estate: EstateInfo, top: string): string {
  switch (top) {
    case "ENG":
      return company.departments.engineering;
    case "SEC":
      return company.departments.security;
    case "ENV":
      return company.departments.environment;
    case "FEE":
      return company.departments.finance;
    case "SVC":
      return estate.officeDepartmentId;
    default:
      return company.departments.service;
  }
}
