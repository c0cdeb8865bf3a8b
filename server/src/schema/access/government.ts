import { nonEmpty } from "../prisma-query.ts";
import { builder } from "../../builder.ts";
import { entitlement } from "../../access/disclosure.ts";
import { PROTECTED_COLUMNS } from "../../domain/access/protected-fields.ts";
import { customerRef, forDecision } from "../customers.ts";
import { ForbiddenError, InputError, NotFoundError, requiredText } from "../../errors/typed-errors.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { customerScope, inOrganization, scopedNode } from "../../access/read-scope.ts";

import type { Context } from "../../access/context.ts";

const officers = (_parent: unknown, ctx: Context) => !!ctx.viewer && (ctx.viewer.permissions.has("government:disclose") || ctx.viewer.permissions.has("audit:read"));

builder.prismaNode("GovernmentInquiry", {
  ...scopedNode(inOrganization),
  authScopes: officers,
  description: "SEC-4: a government inquiry, registered with the officer's verified credentials before anything is disclosed",
  fields: (t) => ({
    officerName: t.exposeString("officerName"),
    agency: t.exposeString("agency"),
    credentialType: t.exposeString("credentialType", { nullable: true }),
    credentialNumber: t.exposeString("credentialNumber"),
    purpose: t.exposeString("purpose"),
    verifiedAt: t.expose("verifiedAt", { type: "DateTime" }),
    verifiedBy: t.relation("verifiedBy"),
    disclosedAt: t.expose("disclosedAt", { type: "DateTime", nullable: true }),
  }),
});

const RegisterInquiryInput = builder.inputType("RegisterGovernmentInquiryInput", {
  fields: (t) => ({
    officerName: t.string({ required: true }),
    agency: t.string({ required: true, description: "e.g. 浦东公安分局" }),
    credentialType: t.string({ required: false, description: "e.g. 警官证, 工作证" }),
    credentialNumber: t.string({ required: true, description: "The number on the credential, as checked" }),
    purpose: t.string({ required: true }),
  }),
});

builder.mutationField("registerGovernmentInquiry", (t) =>
  t.prismaField({
    type: "GovernmentInquiry",
    authScopes: { permission: "government:disclose" },
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: RegisterInquiryInput, required: true }) },
    resolve: (query, _r, { input }, ctx) =>
      ctx.prisma.governmentInquiry.create({
        ...nonEmpty(query),
        data: {
          organizationId: ctx.viewer!.organizationId,
          officerName: requiredText(input.officerName, "input.officerName", 100), agency: requiredText(input.agency, "input.agency", 200),
          credentialType: input.credentialType?.trim() || null, credentialNumber: requiredText(input.credentialNumber, "input.credentialNumber", 100),
          purpose: requiredText(input.purpose, "input.purpose", 500), verifiedById: ctx.viewer!.staffId, verifiedAt: ctx.now,
        },
      }),
  }),
);

const DisclosedValue = builder.objectRef<{ field: string; value: string | null }>("DisclosedValue").implement({
  fields: (t) => ({ field: t.exposeString("field"), value: t.exposeString("value", { nullable: true }) }),
});

const ARCHIVE_FIELDS = Object.keys(PROTECTED_COLUMNS.CUSTOMER!);

builder.mutationField("discloseArchiveToInquiry", (t) =>
  t.field({
    type: [DisclosedValue],
    description: "SEC-4: discloses fields of an owner archive to a registered government inquiry; logged as DISCLOSE with the inquiry",
    authScopes: { permission: "government:disclose" },
    errors: { types: STANDARD_ERRORS },
    args: {
      inquiryId: t.arg.globalID({ required: true }),
      customerId: t.arg.globalID({ required: true }),
      fields: t.arg.stringList({ required: true, description: `Any of: ${ARCHIVE_FIELDS.join(", ")}` }),
    },
    resolve: async (_r, args, ctx) => {
      const bad = args.fields.filter((f) => !ARCHIVE_FIELDS.includes(f));
      if (bad.length || args.fields.length === 0) throw new InputError("fields", `Unknown or missing archive fields: ${bad.join(", ") || "(none)"}`);
      const inquiry = await ctx.prisma.governmentInquiry.findFirst({ where: { id: args.inquiryId.id, ...inOrganization(ctx) }, select: { id: true, purpose: true } });
      if (!inquiry) throw new NotFoundError("Government inquiry");
      const c = await ctx.prisma.customer.findFirst({ where: { id: args.customerId.id, ...customerScope(ctx) }, include: forDecision });
      if (!c) throw new NotFoundError("Customer");
      const ref = customerRef(c);
      // SEC-4 discloses personal data: the discloser must be entitled to it (personal-data:read and
      // need to know); the registered inquiry stands in for the archive approval.
      if (!(await entitlement(ctx, ref, "CONTACT")).ok) throw new ForbiddenError("Disclosing an archive requires personal-data:read and the need to know it");
      await ctx.prisma.governmentInquiry.update({ where: { id: inquiry.id }, data: { disclosedAt: ctx.now } });
      ctx.access.record({ action: "DISCLOSE", recordType: "CUSTOMER", recordId: c.id, fields: [...args.fields], classification: c.classification, governmentInquiryId: inquiry.id, purpose: inquiry.purpose });
      return args.fields.map((field) => {
        const v = (c as unknown as Record<string, unknown>)[field];
        return { field, value: v === null || v === undefined ? null : typeof v === "string" ? v : JSON.stringify(v) };
      });
    },
  }),
);
