import { ConfirmationMethod, Responsibility } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { assignComplaint, forwardToServiceCentre } from "../../services/complaints/assignment.ts";
import { confirmComplaintPlan, recordComplaintPlan } from "../../services/complaints/plans.ts";
import {
  confirmComplaintResolution,
  pauseComplaintClock,
  recordComplaintReply,
  reopenComplaint,
  resolveComplaint,
  resumeComplaintClock,
  startComplaintWork,
} from "../../services/complaints/handling.ts";
import { complaintMutation } from "./mutation.ts";

/** WF-2: who is responsible for the cause. */
export const ResponsibilityEnum = builder.enumType(Responsibility, {
  name: "Responsibility",
  description: "WF-2: who is responsible for the cause",
  values: {
    COMPANY: { description: "The property-management company itself" },
    CONTRACTOR: { description: "A contractor working for the company" },
    DEVELOPER: { description: "The developer (WF-5: in-warranty or legacy defects)" },
    CUSTOMER: { description: "The customer" },
  } satisfies Record<Responsibility, { description: string }>,
});

/** WF-4: how the complainant confirmed the resolution. */
export const ConfirmationMethodEnum = builder.enumType(ConfirmationMethod, {
  name: "ConfirmationMethod",
  description: "WF-4: how the complainant confirmed",
  values: {
    SIGNATURE: { description: "Signed the handling form (WF-4: the signed form is attached)" },
    PHONE_CONSENT: { description: "Agreed on the phone (WF-4: the call is recorded)" },
    SMS: { description: "By text message" },
    WEB: { description: "On the web" },
    LETTER: { description: "By letter" },
    IN_PERSON: { description: "In person, without a signature" },
  } satisfies Record<ConfirmationMethod, { description: string }>,
});

complaintMutation<{ note?: string | null }>("forwardToServiceCentre", {
  description: "INT-3, SLA-1, SLA-8: a complaint received by another department, or beyond an office's means, reaches the service centre",
  fields: (t) => ({ note: t.string({ required: false, description: "Why it is forwarded" }) }),
  service: forwardToServiceCentre,
});

complaintMutation<{ leadDepartmentId: string; assistingDepartmentIds?: string[] | null; assigneeId?: string | null; note?: string | null }>(
  "assignComplaint",
  {
    description:
      "WF-1: the responsible (lead) department, assisting departments (coordinated by the service centre), and the responsible person",
    fields: (t) => ({
      leadDepartmentId: t.globalID({ required: true, description: "WF-1: the responsible (lead) department, active" }),
      assistingDepartmentIds: t.globalIDList({
        required: false,
        description: "WF-1: assisting departments; two or more departments are coordinated by the service centre",
      }),
      assigneeId: t.globalID({
        required: false,
        description:
          "SLA-8: the responsible person, a member of the lead department who may handle this case; staffDirectory(filter: { pick: ASSIGNEE, complaintId, departmentId }) lists them",
      }),
      note: t.string({ required: false, description: "A note on the timeline" }),
    }),
    service: assignComplaint,
  },
);

complaintMutation<{ causeAnalysis: string; responsibility: Responsibility; plan: string; promisedAt: Date; changeReason?: string | null }>(
  "recordComplaintPlan",
  {
    description:
      "WF-2: cause analysis, responsibility, plan and promised completion time. WF-3: a changed promise needs a written reason; " +
      "every promise stays in `promises`, a missed one marked missed",
    fields: (t) => ({
      causeAnalysis: t.string({ required: true, description: "WF-2: why it happened" }),
      responsibility: t.field({ type: ResponsibilityEnum, required: true, description: "WF-2: who is responsible for the cause" }),
      plan: t.string({ required: true, description: "WF-2: what will be done" }),
      promisedAt: t.field({ type: "DateTime", required: true, description: "When the work will be completed; in the future" }),
      changeReason: t.string({ required: false, description: "WF-3: why an earlier promise changes (required when there is one)" }),
    }),
    service: recordComplaintPlan,
  },
);

complaintMutation<{ communicatedAt?: Date | null; note?: string | null }>("confirmComplaintPlan", {
  description:
    "WF-2, WF-3: the service centre confirms the current plan and tells the complainant the promised time (a first reply, SLA-9)",
  fields: (t) => ({
    communicatedAt: t.field({ type: "DateTime", required: false, description: "When the complainant was told; default now" }),
    note: t.string({ required: false, description: "A note on the timeline" }),
  }),
  service: confirmComplaintPlan,
});

complaintMutation<{ note?: string | null }>("startComplaintWork", {
  description: "§5: work on the confirmed plan begins",
  fields: (t) => ({ note: t.string({ required: false, description: "A note on the timeline" }) }),
  service: startComplaintWork,
});

complaintMutation<{ note: string; disruptiveRepair?: boolean | null }>("resolveComplaint", {
  description: "§5: the work is done (what was done in `note`); the promise in force is kept or missed (SLA-6)",
  fields: (t) => ({
    note: t.string({ required: true, description: "What was done" }),
    disruptiveRepair: t.boolean({
      required: false,
      description: "CB-11: a large repair that disrupted the customer (inspected and called back in person)",
    }),
  }),
  service: resolveComplaint,
});

complaintMutation<{
  method: ConfirmationMethod;
  satisfied: boolean;
  confirmedByName?: string | null;
  confirmedAt?: Date | null;
  signatureAttachmentId?: string | null;
  recordingId?: string | null;
  note?: string | null;
}>("confirmComplaintResolution", {
  description:
    "WF-4: the complainant confirms the resolution (who, when, how); a signature needs the signed form, phone consent the recording. " +
    "Not satisfied: the complaint is reopened (CB-7) with the complainant's words in `note`",
  fields: (t) => ({
    method: t.field({ type: ConfirmationMethodEnum, required: true, description: "WF-4: how the complainant confirmed" }),
    satisfied: t.boolean({ required: true, description: "WF-4: satisfied with the resolution; false reopens the complaint (CB-7)" }),
    confirmedByName: t.string({ required: false, description: "Who confirmed, if not the complainant on record" }),
    confirmedAt: t.field({ type: "DateTime", required: false, description: "Default now" }),
    signatureAttachmentId: t.globalID({ required: false, description: "SIGNATURE: the signed handling form, attached to this complaint" }),
    recordingId: t.globalID({ required: false, description: "PHONE_CONSENT: the recorded call" }),
    note: t.string({ required: false, description: "The complainant's words (required when not satisfied)" }),
  }),
  service: confirmComplaintResolution,
});

complaintMutation<{ reason: string }>("reopenComplaint", {
  description: "CB-7: a resolution rejected later (or an invalid complaint found valid) reopens the complaint; the reason is on record",
  fields: (t) => ({ reason: t.string({ required: true, description: "CB-7: why it is reopened" }) }),
  service: reopenComplaint,
});

complaintMutation<{ note: string }>("recordComplaintReply", {
  description: "SLA-9: a reply to the complainant (the first one stops the first-reply clock)",
  fields: (t) => ({ note: t.string({ required: true, description: "What the complainant was told" }) }),
  service: recordComplaintReply,
});

complaintMutation<{ reason: string }>("pauseComplaintClock", {
  description: "§6: the SLA clocks stop while waiting for the customer (e.g. no access to the unit); the pause is an event",
  fields: (t) => ({ reason: t.string({ required: true, description: "§6: what the complaint waits for" }) }),
  service: pauseComplaintClock,
});

complaintMutation<{ note?: string | null }>("resumeComplaintClock", {
  description: "§6: the customer is back; the SLA clocks run again and their deadlines move by the pause",
  fields: (t) => ({ note: t.string({ required: false, description: "A note on the timeline" }) }),
  service: resumeComplaintClock,
});
