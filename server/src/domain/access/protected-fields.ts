import type { RecordType } from "@tingjian/prisma/client";
import type { MaskKind } from "./masking.ts";

/**
 * Which rule guards a protected value (SEC-1, SEC-2, SEC-3, SEC-7):
 *  - CONTACT: how to reach a person (name, phone): personal-data permission and need to know;
 *  - ARCHIVE: the rest of an owner archive (ID number, plates, address, family, occupation,
 *    native place): additionally an approved READ_ARCHIVE grant, or the executive;
 *  - CASE: the content of a classified case record: need to know;
 *  - STAFF_CONTACT: a colleague's phone and e-mail: the person themself or an administrator.
 */
export type ProtectionRule = "CONTACT" | "ARCHIVE" | "CASE" | "STAFF_CONTACT";

export interface Protection {
  recordType: RecordType;
  rule: ProtectionRule;
  mask: MaskKind;
}

/**
 * Every protected column, by record type and field. GraphQL fields that expose one must carry
 * the same protection (a test walks the schema); revisions (SEC-6) mask their before/after
 * values by this table.
 */
export const PROTECTED_COLUMNS: Partial<Record<RecordType, Record<string, Protection>>> = {
  CUSTOMER: {
    name: { recordType: "CUSTOMER", rule: "CONTACT", mask: "NAME" },
    phone: { recordType: "CUSTOMER", rule: "CONTACT", mask: "PHONE" },
    idNumber: { recordType: "CUSTOMER", rule: "ARCHIVE", mask: "ID_NUMBER" },
    plates: { recordType: "CUSTOMER", rule: "ARCHIVE", mask: "PLATE" },
    address: { recordType: "CUSTOMER", rule: "ARCHIVE", mask: "ADDRESS" },
    familyMembers: { recordType: "CUSTOMER", rule: "ARCHIVE", mask: "TEXT" },
    occupation: { recordType: "CUSTOMER", rule: "ARCHIVE", mask: "TEXT" },
    nativePlace: { recordType: "CUSTOMER", rule: "ARCHIVE", mask: "TEXT" },
    note: { recordType: "CUSTOMER", rule: "ARCHIVE", mask: "TEXT" },
  },
  COMPLAINT: {
    complainantName: { recordType: "COMPLAINT", rule: "CONTACT", mask: "NAME" },
    complainantContact: { recordType: "COMPLAINT", rule: "CONTACT", mask: "PHONE" },
    content: { recordType: "COMPLAINT", rule: "CASE", mask: "TEXT" },
    // The free text of the handling records (timeline notes, plans, cause analyses, reasons,
    // answers) is case content too; who confirmed a resolution is the complainant's contact (WF-4).
    handlingText: { recordType: "COMPLAINT", rule: "CASE", mask: "TEXT" },
    invalidReason: { recordType: "COMPLAINT", rule: "CASE", mask: "TEXT" },
    confirmedByName: { recordType: "COMPLAINT", rule: "CONTACT", mask: "NAME" },
  },
  // INT-2: the bytes of a complaint's evidence are case content; withheld (null) from the unentitled.
  ATTACHMENT: {
    contentBase64: { recordType: "ATTACHMENT", rule: "CASE", mask: "TEXT" },
  },
  // INT-6: the caller's number is personal data; the audio is case content, withheld like evidence.
  HOTLINE_RECORDING: {
    callerNumber: { recordType: "HOTLINE_RECORDING", rule: "CONTACT", mask: "PHONE" },
    archiveNote: { recordType: "HOTLINE_RECORDING", rule: "CASE", mask: "TEXT" },
    contentBase64: { recordType: "HOTLINE_RECORDING", rule: "CASE", mask: "TEXT" },
  },
  // WF-6: a claim's legal opinion, compensation plan, amount and report are case content (SEC-2).
  // CB-6, CB-7: what the customer said in a callback (comments, ratings' remarks, new issues and their answers).
  CALLBACK: {
    customerText: { recordType: "CALLBACK", rule: "CASE", mask: "TEXT" },
  },
  CLAIM: {
    legalConsultation: { recordType: "CLAIM", rule: "CASE", mask: "TEXT" },
    compensationPlan: { recordType: "CLAIM", rule: "CASE", mask: "TEXT" },
    compensationAmount: { recordType: "CLAIM", rule: "CASE", mask: "TEXT" },
    report: { recordType: "CLAIM", rule: "CASE", mask: "TEXT" },
  },
  // SUR-3: what the distributor noted about the household at the hand-out (who took it, how to
  // reach them) is personal data of that household.
  SURVEY_HANDOUT: {
    comment: { recordType: "SURVEY_HANDOUT", rule: "CONTACT", mask: "TEXT" },
  },
  // SUR-6: a household's free-text opinion in its questionnaire is case content (SEC-1: customer
  // information is at least SECRET); its ratings count only in aggregates.
  SURVEY_RESPONSE: {
    comment: { recordType: "SURVEY_RESPONSE", rule: "CASE", mask: "TEXT" },
  },
  // VIS-1: what was said and seen on a household visit is case content (SEC-1: customer-related
  // records are SECRET); the estate's cleared staff and the visitor know it (SEC-2).
  VISIT_RECORD: {
    content: { recordType: "VISIT_RECORD", rule: "CASE", mask: "TEXT" },
    feedback: { recordType: "VISIT_RECORD", rule: "CASE", mask: "TEXT" },
  },
  STAFF: {
    phone: { recordType: "STAFF", rule: "STAFF_CONTACT", mask: "PHONE" },
    email: { recordType: "STAFF", rule: "STAFF_CONTACT", mask: "EMAIL" },
  },
};

export function protectionOf(recordType: RecordType, field: string): Protection | undefined {
  return PROTECTED_COLUMNS[recordType]?.[field];
}
