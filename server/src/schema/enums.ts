import { builder } from "../builder.ts";
import {
  EstateKind,
  HouseholdKind,
  ComplaintChannel,
  ComplaintKind,
  ComplaintSeverity,
  ComplaintStatus,
  ComplaintEventKind,
  DepartmentKind,
  SurveyCampaignKind,
  SurveyCampaignStatus,
} from "@tingjian/prisma/client";

// Closed domains of SPEC §2-§9, shared with the database enums; every value says what it means.

export const EstateKindEnum = builder.enumType(EstateKind, {
  name: "EstateKind",
  description: "§2: what an estate is",
  values: {
    RESIDENTIAL: { description: "A residential estate" },
    COMMERCIAL: { description: "A commercial property (shops)" },
    OFFICE: { description: "An office building" },
    VILLA: { description: "A villa estate" },
  },
});

export const HouseholdKindEnum = builder.enumType(HouseholdKind, {
  name: "HouseholdKind",
  description: "VIS-1: commercial tenants are visited 100% a year, residents 10% a month",
  values: {
    RESIDENTIAL: { description: "A home" },
    COMMERCIAL: { description: "A shop or other commercial unit" },
    OFFICE: { description: "An office unit" },
  },
});

export const ComplaintChannelEnum = builder.enumType(ComplaintChannel, {
  name: "ComplaintChannel",
  description: "INT-1 channels",
  values: {
    VISIT: { description: "INT-1: in person at an office" },
    PHONE: { description: "INT-1: by telephone (hotline)" },
    LETTER: { description: "INT-1: by letter (INT-5: acknowledged)" },
    FAX: { description: "INT-1: by fax (INT-5: acknowledged)" },
    WEB: { description: "INT-1: through the web or app" },
    DEPARTMENT: { description: "INT-1: passed on by a department" },
    CALLBACK: { description: "CB-*: raised during a callback" },
    SURVEY: { description: "SUR-*: raised in a survey" },
  },
});

export const ComplaintKindEnum = builder.enumType(ComplaintKind, {
  name: "ComplaintKind",
  description: "CLS-2 kinds",
  values: {
    SERVICE: { description: "CLS-2: the property service" },
    ENGINEERING: { description: "CLS-2: building engineering and maintenance" },
    WARRANTY: { description: "CLS-2: a defect under the developer's warranty" },
    MUNICIPAL: { description: "CLS-2: municipal utilities and services" },
    SUGGESTION: { description: "CLS-2: a suggestion" },
    ENQUIRY: { description: "CLS-2: an enquiry" },
    CLAIM: { description: "CLS-2, WF-6: a claim for compensation" },
  },
});

export const ComplaintSeverityEnum = builder.enumType(ComplaintSeverity, {
  name: "ComplaintSeverity",
  description: "CLS-3 severity",
  values: {
    GENERAL: { description: "CLS-3: general" },
    IMPORTANT: { description: "CLS-3: important" },
    MAJOR: { description: "CLS-3: major (escalated and called back in person)" },
  },
});

export const ComplaintStatusEnum = builder.enumType(ComplaintStatus, {
  name: "ComplaintStatus",
  description: "SPEC §5 states",
  values: {
    REGISTERED: { description: "§5: registered, not yet classified" },
    CLASSIFIED: { description: "§5: classified (kind, severity, category)" },
    ASSIGNED: { description: "WF-1: assigned to a lead department and responsible person" },
    PLANNED: { description: "WF-2: a handling plan is recorded" },
    IN_PROGRESS: { description: "§5: being handled" },
    RESOLVED: { description: "WF-3: handled; awaiting the complainant's confirmation" },
    CONFIRMED: { description: "WF-4: the complainant confirmed the resolution" },
    VERIFIED: { description: "CB-*: verified by a callback; closed" },
    INVALID: { description: "§5: not a valid complaint; closed" },
    FORWARDED_TO_DEVELOPER: { description: "WF-5: forwarded to the developer" },
    REOPENED: { description: "§5: reopened after resolution" },
  },
});

export const ComplaintEventKindEnum = builder.enumType(ComplaintEventKind, {
  name: "ComplaintEventKind",
  description: "§5: kinds of timeline events; TRANSITION carries from/to status, PAUSE/RESUME stop and restart the SLA clock",
  values: {
    REGISTERED: { description: "The complaint was registered" },
    TRANSITION: { description: "The status changed" },
    CLASSIFIED: { description: "CLS-*: it was classified" },
    ASSIGNED: { description: "WF-1: it was assigned" },
    PLAN_RECORDED: { description: "WF-2: a handling plan was recorded" },
    PROMISE_RECORDED: { description: "A promise to the complainant was recorded" },
    PROMISE_CHANGED: { description: "A promise was changed" },
    PAUSE: { description: "SLA-*: the clock stopped" },
    RESUME: { description: "SLA-*: the clock restarted" },
    ESCALATED: { description: "WF-7: escalated to a supervisor" },
    DUPLICATE_LINKED: { description: "Linked as a duplicate" },
    FORWARDED_TO_SERVICE_CENTRE: { description: "Forwarded to the service centre" },
    FORWARDED_TO_DEVELOPER: { description: "WF-5: forwarded to the developer" },
    DEVELOPER_ANSWERED: { description: "WF-5: the developer answered" },
    DEEMED_ACCEPTED: { description: "WF-4: deemed accepted after the complainant's silence" },
    ACKNOWLEDGED: { description: "INT-5: a written complaint was acknowledged" },
    REPLIED: { description: "A reply was sent" },
    CONFIRMED: { description: "WF-4: the complainant confirmed" },
    CALLBACK: { description: "CB-*: a callback was recorded" },
    REOPENED: { description: "It was reopened" },
    ATTACHMENT_ADDED: { description: "Evidence was attached" },
    CLAIM_UPDATED: { description: "WF-6: its claim changed" },
    REVIEWED: { description: "WF-8: the daily review looked at it" },
    NOTE: { description: "A note" },
  },
});

export const DepartmentKindEnum = builder.enumType(DepartmentKind, {
  name: "DepartmentKind",
  description: "§2: what a department does",
  values: {
    SERVICE_CENTRE: { description: "Customer service centre" },
    ENGINEERING: { description: "Engineering and maintenance" },
    MANAGEMENT: { description: "Management" },
    OFFICE: { description: "A management office of an estate" },
    SECURITY: { description: "Security" },
    CLEANING: { description: "Cleaning" },
    LANDSCAPING: { description: "Landscaping" },
    FINANCE: { description: "Finance" },
    LEGAL: { description: "Legal" },
    ADMINISTRATION: { description: "Administration" },
    OTHER: { description: "Any other" },
  },
});

export const SurveyCampaignKindEnum = builder.enumType(SurveyCampaignKind, {
  name: "SurveyCampaignKind",
  description: "SUR-*: a regular or a special survey campaign",
  values: {
    REGULAR: { description: "SUR-1: the regular satisfaction survey" },
    SPECIAL: { description: "SUR-*: a special survey on one topic" },
  },
});

export const SurveyCampaignStatusEnum = builder.enumType(SurveyCampaignStatus, {
  name: "SurveyCampaignStatus",
  description: "SUR-*: where a campaign stands",
  values: {
    DRAFT: { description: "Being prepared" },
    RUNNING: { description: "Handouts out, responses coming in" },
    CLOSED: { description: "Finished" },
    CANCELLED: { description: "Called off" },
  },
});
