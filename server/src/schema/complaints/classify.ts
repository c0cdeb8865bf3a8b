import { ComplaintKindEnum, ComplaintSeverityEnum } from "../enums.ts";
import { classifyComplaint, type ClassifyComplaintInput } from "../../services/complaints/classify.ts";
import { complaintMutation } from "./mutation.ts";

complaintMutation<Omit<ClassifyComplaintInput, "id" | "version">>("classifyComplaint", {
  description:
    "CLS-1…CLS-4: valid (with kind, severity, category) or invalid (closed with the explanation given). " +
    "A classified open complaint can be reclassified with a note; a major one is reported to the management representative (CLS-3)",
  inputDescription: "CLS-1…CLS-4: the classification of a complaint",
  fields: (t) => ({
    valid: t.boolean({ required: true, description: "CLS-1: concerns the company's commitments" }),
    invalidReason: t.string({ required: false, description: "CLS-1: the explanation given to the complainant (required when invalid)" }),
    kind: t.field({ type: ComplaintKindEnum, required: false, description: "CLS-2 (required when valid)" }),
    severity: t.field({ type: ComplaintSeverityEnum, required: false, description: "CLS-3, default GENERAL" }),
    categoryId: t.globalID({ required: false, description: "CLS-4: a second-level category (required when valid)" }),
    subjectStaffId: t.globalID({ required: false, description: "SLA-3: the employee complained about" }),
    subjectDepartmentId: t.globalID({ required: false, description: "SLA-4: the office or department complained about" }),
    inWarranty: t.boolean({ required: false, description: "WF-5: in-warranty or developer-legacy defect (implied by kind WARRANTY)" }),
    note: t.string({ required: false, description: "Why a classified complaint is reclassified" }),
  }),
  service: classifyComplaint,
});
