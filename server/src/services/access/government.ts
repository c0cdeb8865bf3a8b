import type { SignedInContext } from "../../access/context.ts";
import { customerRef, forDecision } from "../../access/customer-ref.ts";
import { entitlement } from "../../access/disclosure.ts";
import { customerScope, inOrganization } from "../../access/read-scope.ts";
import { PROTECTED_COLUMNS } from "../../domain/access/protected-fields.ts";
import { ForbiddenError, InputCheck, NotFoundError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";

/** SEC-4: the archive fields that may be disclosed to an inquiry. */
export const ARCHIVE_FIELDS = Object.keys(PROTECTED_COLUMNS.CUSTOMER!);

export interface RegisterInquiryInput {
  officerName: string;
  agency: string;
  credentialType: string | null;
  credentialNumber: string;
  purpose: string;
}

/** SEC-4: registers a government inquiry with the officer's verified credentials. Returns its id. */
export async function registerGovernmentInquiry(ctx: SignedInContext, input: RegisterInquiryInput): Promise<string> {
  const check = new InputCheck();
  const data = {
    officerName: check.text(input.officerName, "input.officerName", 100),
    agency: check.text(input.agency, "input.agency", 200),
    credentialNumber: check.text(input.credentialNumber, "input.credentialNumber", 100),
    purpose: check.text(input.purpose, "input.purpose", 500),
  };
  check.done();
  const created = await ctx.prisma.governmentInquiry.create({
    data: {
      ...data,
      organizationId: ctx.viewer.organizationId,
      credentialType: input.credentialType?.trim() || null,
      verifiedById: ctx.viewer.staffId,
      verifiedAt: ctx.now,
    },
    select: { id: true },
  });
  return created.id;
}

export interface DiscloseInput {
  inquiryId: string;
  customerId: string;
  fields: readonly string[];
}

/** SEC-4: discloses fields of an owner archive to a registered inquiry; logged as DISCLOSE. */
export async function discloseArchiveToInquiry(
  ctx: SignedInContext,
  input: DiscloseInput,
): Promise<{ field: string; value: string | null }[]> {
  const bad = input.fields.filter((f) => !ARCHIVE_FIELDS.includes(f));
  const check = new InputCheck();
  check.that(!bad.length && input.fields.length > 0, "fields", msg("unknownArchiveFields", { fields: bad.join(", ") || "(none)" }));
  check.done();
  const inquiry = await ctx.prisma.governmentInquiry.findFirst({
    where: { id: input.inquiryId, ...inOrganization(ctx) },
    select: { id: true, purpose: true },
  });
  if (!inquiry) throw new NotFoundError("Government inquiry");
  const c = await ctx.prisma.customer.findFirst({ where: { id: input.customerId, ...customerScope(ctx) }, include: forDecision });
  if (!c) throw new NotFoundError("Customer");
  // SEC-4 discloses personal data: the discloser must be entitled to it (personal-data:read and
  // need to know); the registered inquiry stands in for the archive approval.
  if (!(await entitlement(ctx, customerRef(c), "CONTACT")).ok) throw new ForbiddenError(msg("discloserNotEntitled"));
  await ctx.prisma.governmentInquiry.update({ where: { id: inquiry.id }, data: { disclosedAt: ctx.now } });
  ctx.access.record({
    action: "DISCLOSE",
    recordType: "CUSTOMER",
    recordId: c.id,
    fields: [...input.fields],
    classification: c.classification,
    governmentInquiryId: inquiry.id,
    purpose: inquiry.purpose,
  });
  return input.fields.map((field) => {
    const v = (c as unknown as Record<string, unknown>)[field];
    return { field, value: v === null || v === undefined ? null : typeof v === "string" ? v : JSON.stringify(v) };
  });
}
