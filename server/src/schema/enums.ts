import { builder } from "../builder.ts";
import {
  EstateKind, HouseholdKind, ComplaintChannel, ComplaintKind, ComplaintSeverity, ComplaintStatus, ComplaintEventKind,
  DepartmentKind, SurveyCampaignKind, SurveyCampaignStatus,
} from "@tingjian/prisma/client";

// Closed domains of SPEC §2-§9, shared with the database enums.
export const EstateKindEnum = builder.enumType(EstateKind, { name: "EstateKind" });
export const HouseholdKindEnum = builder.enumType(HouseholdKind, { name: "HouseholdKind" });
export const ComplaintChannelEnum = builder.enumType(ComplaintChannel, { name: "ComplaintChannel", description: "INT-1 channels" });
export const ComplaintKindEnum = builder.enumType(ComplaintKind, { name: "ComplaintKind", description: "CLS-2 kinds" });
export const ComplaintSeverityEnum = builder.enumType(ComplaintSeverity, { name: "ComplaintSeverity", description: "CLS-3 severity" });
export const ComplaintStatusEnum = builder.enumType(ComplaintStatus, { name: "ComplaintStatus", description: "SPEC §5 states" });
export const ComplaintEventKindEnum = builder.enumType(ComplaintEventKind, { name: "ComplaintEventKind" });
export const DepartmentKindEnum = builder.enumType(DepartmentKind, { name: "DepartmentKind" });
export const SurveyCampaignKindEnum = builder.enumType(SurveyCampaignKind, { name: "SurveyCampaignKind" });
export const SurveyCampaignStatusEnum = builder.enumType(SurveyCampaignStatus, { name: "SurveyCampaignStatus" });
