import type { StaffRole } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { complaintScope } from "../../access/read-scope.ts";
import { OPEN_STATES } from "../../domain/complaints/workflow.ts";
import { SUPERVISOR_ROLES } from "../../domain/recurrence/corrective-action-workflow.ts";
import { normaliseTags, personalDataIn } from "../../domain/recurrence/case-text.ts";
import { localDate } from "../../domain/sla/time-zone.ts";
import { ForbiddenError, InputCheck, NotFoundError } from "../../errors/typed-errors.ts";
import { msg, type Bilingual } from "../../i18n/messages.ts";
import { requireCaseAccess } from "../complaints/editing.ts";

/**
 * REC-4 (002 9.6.1, 9.6.3, 11.2.10.2; 000 §7 4.9): typical cases compiled from closed complaints.
 * An entry is written by staff in their own words and screened for personal data (SEC-1,
 * domain/recurrence/case-text.ts); the case itself is reached only through the scoped Complaint.
 */

/** 002 9.6.1, 7.4.2, 7.6.4: the customer service department and the managers compile typical cases. */
const COMPILERS: readonly StaffRole[] = ["SERVICE_REP", ...SUPERVISOR_ROLES];

/** The kinds of personal data the screen names (never the value, SEC-1), in both languages. */
const PERSONAL_DATA: Record<string, Bilingual> = {
  "a mobile phone number": ["手机号码", "a mobile phone number"],
  "a landline number": ["固定电话号码", "a landline number"],
  "an ID number": ["身份证号码", "an ID number"],
  "a licence plate": ["车牌号", "a licence plate"],
  "a room address": ["房号地址", "a room address"],
  "an e-mail address": ["电子邮件地址", "an e-mail address"],
  "the complainant's name": ["投诉人姓名", "the complainant's name"],
  "the complainant's contact": ["投诉人联系方式", "the complainant's contact"],
  "the household's code or room": ["住户编号或房号", "the household's code or room"],
};

export interface AddCaseLibraryEntryInput {
  complaintId: string;
  title: string;
  summary: string;
  lessons: string;
  tags?: readonly string[] | null;
}

/** The closed complaint the case is compiled from, known to the caller (SEC-2). */
async function caseComplaint(ctx: SignedInContext, id: string) {
  const c = await ctx.prisma.complaint.findFirst({
    where: { id, AND: [complaintScope(ctx)] },
    select: {
      id: true,
      status: true,
      classification: true,
      estateId: true,
      receivedById: true,
      categoryId: true,
      complainantName: true,
      complainantContact: true,
      complainant: { select: { name: true, phone: true } },
      household: { select: { code: true } },
      estate: { select: { timezone: true } },
    },
  });
  if (!c) throw new NotFoundError("Complaint");
  // SEC-2: whoever summarises a case must know it.
  await requireCaseAccess(ctx, c);
  return c;
}

/** REC-4: compiles a closed complaint into the case library (customer service and supervisors). Returns the entry's id. */
export async function addCaseLibraryEntry(ctx: SignedInContext, input: AddCaseLibraryEntryInput): Promise<string> {
  if (!COMPILERS.includes(ctx.viewer.role)) throw new ForbiddenError(msg("caseCompileForbidden"));
  const c = await caseComplaint(ctx, input.complaintId);
  const check = new InputCheck();
  check.that(!OPEN_STATES.includes(c.status), "input.complaintId", msg("caseFromClosedOnly", { status: c.status }));
  const texts = {
    title: check.text(input.title, "input.title", 200),
    summary: check.text(input.summary, "input.summary", 4000),
    lessons: check.text(input.lessons, "input.lessons", 4000),
  };
  const tags = normaliseTags(input.tags ?? []);
  if (!tags.ok) check.add("input.tags", msg(tags.reason.startsWith("a tag") ? "caseTagTooLong" : "caseTooManyTags"));
  const known = {
    names: [c.complainantName, c.complainant?.name],
    contacts: [c.complainantContact, c.complainant?.phone],
    householdCodes: [c.household?.code],
  };
  for (const [field, text] of [...Object.entries(texts), ...(tags.ok ? tags.tags : []).map((tag, i) => [`tags.${i}`, tag] as const)]) {
    const found = personalDataIn(text, known);
    if (found) check.add(`input.${field}`, msg("casePersonalData", { what: PERSONAL_DATA[found] ?? [found, found] }));
  }
  check.done();
  const month = new Date(`${localDate(c.estate.timezone, ctx.now.getTime()).slice(0, 7)}-01T00:00:00Z`);
  const created = await ctx.prisma.caseLibraryEntry.create({
    data: {
      organizationId: ctx.organizationId,
      complaintId: c.id,
      estateId: c.estateId,
      categoryId: c.categoryId,
      ...texts,
      tags: tags.ok ? tags.tags : [],
      month,
      publishedAt: ctx.now,
      createdById: ctx.viewer.staffId,
      classification: "INTERNAL",
      createdAt: ctx.now,
    },
    select: { id: true },
  });
  return created.id;
}
