import { nonEmpty } from "../prisma-query.ts";
import { builder } from "../../builder.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { inOrganization, scopedNode } from "../../access/read-scope.ts";
import { ARCHIVE_FIELDS, discloseArchiveToInquiry, registerGovernmentInquiry } from "../../services/access/government.ts";

/** SEC-4: inquiries are read by the officers who disclose and by auditors. */
// A scope map (either permission), so the checks of builder.ts apply, the pending password change included.
const officers = { permission: "government:disclose", $all: { permission: "audit:read" } } as const;

builder.prismaNode("GovernmentInquiry", {
  ...scopedNode(inOrganization),
  authScopes: officers,
  description: "SEC-4: a government inquiry, registered with the officer's verified credentials before anything is disclosed",
  fields: (t) => ({
    officerName: t.exposeString("officerName", { description: "The officer's name as on the credential" }),
    agency: t.exposeString("agency", { description: "The agency, e.g. 浦东公安分局" }),
    credentialType: t.exposeString("credentialType", { nullable: true, description: "e.g. 警官证, 工作证" }),
    credentialNumber: t.exposeString("credentialNumber", { description: "The number on the credential, as checked" }),
    purpose: t.exposeString("purpose", { description: "Why the agency asks" }),
    verifiedAt: t.expose("verifiedAt", { type: "DateTime", description: "When the credential was checked" }),
    verifiedBy: t.relation("verifiedBy", { description: "Who checked it" }),
    disclosedAt: t.expose("disclosedAt", { type: "DateTime", nullable: true, description: "When data was last disclosed to it" }),
  }),
});

const RegisterInquiryInput = builder.inputType("RegisterGovernmentInquiryInput", {
  description: "SEC-4: the officer's verified credentials and the inquiry's purpose",
  fields: (t) => ({
    officerName: t.string({ required: true, description: "As on the credential (at most 100 characters)" }),
    agency: t.string({ required: true, description: "e.g. 浦东公安分局" }),
    credentialType: t.string({ required: false, description: "e.g. 警官证, 工作证" }),
    credentialNumber: t.string({ required: true, description: "The number on the credential, as checked" }),
    purpose: t.string({ required: true, description: "Why the agency asks (at most 500 characters)" }),
  }),
});

builder.mutationField("registerGovernmentInquiry", (t) =>
  t.withAuth({ permission: "government:disclose" }).prismaField({
    type: "GovernmentInquiry",
    description: "SEC-4: registers an inquiry with the officer's verified credentials, before anything is disclosed",
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: RegisterInquiryInput, required: true, description: "The inquiry" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await registerGovernmentInquiry(ctx, { ...input, credentialType: input.credentialType ?? null });
      return ctx.prisma.governmentInquiry.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

const DisclosedValue = builder.objectRef<{ field: string; value: string | null }>("DisclosedValue").implement({
  description: "SEC-4: one archive field as disclosed",
  fields: (t) => ({
    field: t.exposeString("field", { description: "The archive field" }),
    value: t.exposeString("value", { nullable: true, description: "Its value, unmasked" }),
  }),
});

builder.mutationField("discloseArchiveToInquiry", (t) =>
  t.withAuth({ permission: "government:disclose" }).field({
    type: [DisclosedValue],
    description: "SEC-4: discloses fields of an owner archive to a registered government inquiry; logged as DISCLOSE with the inquiry",
    errors: { types: STANDARD_ERRORS },
    args: {
      inquiryId: t.arg.globalID({ required: true, description: "The registered GovernmentInquiry" }),
      customerId: t.arg.globalID({ required: true, description: "The owner archive" }),
      fields: t.arg.stringList({ required: true, description: `Any of: ${ARCHIVE_FIELDS.join(", ")}` }),
    },
    resolve: (_r, args, ctx) =>
      discloseArchiveToInquiry(ctx, { inquiryId: args.inquiryId.id, customerId: args.customerId.id, fields: args.fields }),
  }),
);
