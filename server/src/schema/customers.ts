import { createHash } from "node:crypto";
import type { Prisma } from "@tingjian/prisma/client";
import { CustomerKind } from "@tingjian/prisma/client";
import { nonEmpty } from "./prisma-query.ts";
import { builder } from "../builder.ts";
import { CustomerConnection, ORDER_BY_DESCRIPTION, orderByFor, orderFieldEnum, orderInput, type OrderKeys } from "./connections.ts";
import type { Context } from "../access/context.ts";
import { entitlement, protectedField, reveal, revealList } from "../access/disclosure.ts";
import { mask } from "../domain/access/masking.ts";
import { atLeast } from "../domain/access/need-to-know.ts";
import { designatedRecords } from "../access/grants.ts";
import { ClassificationEnum } from "./access/staff.ts";
import { history, RevisionRef } from "./access/revisions.ts";
import { customerRef, forDecision } from "../access/customer-ref.ts";
import { CustomerConflictError } from "../errors/access.ts";
import { ForbiddenError } from "../errors/typed-errors.ts";
import { msg } from "../i18n/messages.ts";
import { updateCustomer } from "../services/customers/update.ts";
import { conflictErrorType, STANDARD_ERRORS } from "./errors.ts";
import { customerScope, estateFilter, scopedNode } from "../access/read-scope.ts";

export const CustomerKindEnum = builder.enumType(CustomerKind, {
  name: "CustomerKind",
  description: "§2: how a customer relates to a household",
  values: { OWNER: { description: "An owner (with an owner archive, SEC-8)" }, TENANT: { description: "A tenant" } },
});

interface FamilyMember {
  relation: string | null;
  name: string | null;
  phone: string | null;
}

const FamilyMemberRef = builder.objectRef<FamilyMember>("FamilyMember").implement({
  description: "SEC-1: a family member in an owner archive (name and phone masked unless entitled)",
  fields: (t) => ({
    relation: t.exposeString("relation", { nullable: true, description: "e.g. 配偶, 子女" }),
    name: t.exposeString("name", { nullable: true, description: "The name (masked unless entitled)" }),
    phone: t.exposeString("phone", { nullable: true, description: "The phone (masked unless entitled)" }),
  }),
});

builder.prismaNode("Customer", {
  ...scopedNode(customerScope),
  authScopes: { permission: "customers:read" },
  description:
    "SEC-1: an owner archive or tenant record. Personal data is masked unless the caller is entitled (SEC-7); entitled reads are logged (SEC-3).",
  fields: (t) => {
    const text = (column: "name" | "phone" | "idNumber" | "address" | "occupation" | "nativePlace" | "note", nullable: boolean) =>
      t.string({
        nullable,
        select: forDecision,
        description: `SEC-7: ${column}, masked unless you are entitled; an entitled read is logged (SEC-3)`,
        extensions: protectedField("CUSTOMER", column),
        resolve: (c, _a, ctx) => reveal(ctx, customerRef(c), column, c[column]) as string | Promise<string>,
      });
    return {
      kind: t.expose("kind", { type: CustomerKindEnum, description: "Owner or tenant" }),
      classification: t.expose("classification", { type: ClassificationEnum, description: "SEC-1: the record's level" }),
      classifiedUntil: t.expose("classifiedUntil", {
        type: "DateTime",
        nullable: true,
        description: "SEC-5: declassified automatically after this",
      }),
      version: t.exposeInt("version", { description: "Optimistic concurrency: send it back with an amendment" }),
      name: text("name", false),
      phone: text("phone", true),
      idNumber: text("idNumber", true),
      address: text("address", true),
      occupation: text("occupation", true),
      nativePlace: text("nativePlace", true),
      note: text("note", true),
      plates: t.stringList({
        select: forDecision,
        description: "SEC-7: car plates, masked unless you are entitled",
        extensions: protectedField("CUSTOMER", "plates"),
        resolve: (c, _a, ctx) => revealList(ctx, customerRef(c), "plates", c.plates),
      }),
      familyMembers: t.field({
        type: [FamilyMemberRef],
        select: forDecision,
        description: "SEC-7: family members (owner-archive data)",
        extensions: protectedField("CUSTOMER", "familyMembers"),
        resolve: async (c, _a, ctx) => {
          const members = Array.isArray(c.familyMembers) ? (c.familyMembers as Record<string, string | undefined>[]) : [];
          if (members.length === 0) return [];
          const ref = customerRef(c);
          const e = await entitlement(ctx, ref, "ARCHIVE");
          if (e.ok)
            ctx.access.read("CUSTOMER", c.id, "familyMembers", {
              classification: c.classification,
              approvalId: e.approvalId,
              purpose: e.purpose,
            });
          return members.map((m) => ({
            relation: m.relation ?? null,
            name: m.name ? (e.ok ? m.name : mask("NAME", m.name)) : null,
            phone: m.phone ? (e.ok ? m.phone : mask("PHONE", m.phone)) : null,
          }));
        },
      }),
      households: t.relation("households", {
        description:
          "The households this customer owns or rents, in the caller's estates; empty without personal-data:read (the flat is the address, SEC-1)",
        query: (_a, ctx) => {
          if (!ctx.viewer?.permissions.has("personal-data:read")) return { where: { id: "00000000-0000-0000-0000-000000000000" } };
          const estateId = estateFilter(ctx);
          return estateId ? { where: { household: { estateId } } } : {};
        },
      }),
      history: t.field({
        type: [RevisionRef],
        select: forDecision,
        description: "SEC-6: every amendment, newest first",
        resolve: (c, _a, ctx) => history(ctx, customerRef(c)),
      }),
    };
  },
});

builder.prismaObject("HouseholdMember", {
  description: "§2: a customer's tie to a household",
  fields: (t) => ({
    kind: t.expose("kind", { type: CustomerKindEnum, description: "Owner or tenant" }),
    isPrimary: t.exposeBoolean("isPrimary", { description: "The household's primary contact" }),
    household: t.relation("household", { description: "The household" }),
    customer: t.relation("customer", { description: "The customer (personal data under the customer rules)" }),
  }),
});

const CustomerFilter = builder.inputType("CustomerFilter", {
  description: "Narrows the customer list",
  fields: (t) => ({
    estateId: t.globalID({ required: false, description: "Customers of this estate's households" }),
    search: t.string({ required: false, description: "Name or phone (needs the personal-data:read permission: a search is a read)" }),
  }),
});

/** SEC-7: no personal data (name, phone) to sort by: an order would disclose what the mask hides. */
const CUSTOMER_ORDER = {
  CREATED_AT: (d: Prisma.SortOrder) => ({ createdAt: d }),
  UPDATED_AT: (d: Prisma.SortOrder) => ({ updatedAt: d }),
  KIND: (d: Prisma.SortOrder) => ({ kind: d }),
} satisfies Record<string, (d: Prisma.SortOrder) => Prisma.CustomerOrderByWithRelationInput>;

const CustomerOrder = orderInput(
  "Customer",
  orderFieldEnum<keyof typeof CUSTOMER_ORDER>("Customer", "customers (no personal data, SEC-7)", {
    CREATED_AT: "When the customer was recorded",
    UPDATED_AT: "When the customer's record last changed",
    KIND: "Owner, tenant …, in declared order",
  }),
  "customers",
);

builder.queryField("customers", (t) =>
  t.prismaConnection(
    {
      type: "Customer",
      cursor: "id",
      authScopes: { permission: "customers:read" },
      description: "SEC-7: the customers in your estates; personal data masked unless you are entitled",
      args: {
        filter: t.arg({ type: CustomerFilter, required: false, description: "Estate and search" }),
        orderBy: t.arg({ type: [CustomerOrder], required: false, description: `${ORDER_BY_DESCRIPTION} (by id)` }),
      },
      totalCount: (_p, args, ctx) => ctx.prisma.customer.count({ where: customerWhere(ctx, args.filter) }),
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.customer.findMany({
          ...query,
          where: customerWhere(ctx, args.filter),
          orderBy: orderByFor<keyof typeof CUSTOMER_ORDER, Prisma.CustomerOrderByWithRelationInput>(
            args.orderBy as OrderKeys<keyof typeof CUSTOMER_ORDER>,
            CUSTOMER_ORDER,
            [{ id: "asc" }],
          ),
        }),
    },
    CustomerConnection,
  ),
);

/**
 * SEC-2, SEC-7: a search matches only archives the caller may know; otherwise a count of one
 * would confirm a TOP_SECRET person's phone number to someone not designated.
 */
function knowableCustomers(ctx: Context): Prisma.CustomerWhereInput {
  const viewer = ctx.viewer;
  if (!viewer) return { id: "00000000-0000-0000-0000-000000000000" };
  if (viewer.role === "EXECUTIVE") return {};
  const levels = (["INTERNAL", "SECRET", "CONFIDENTIAL"] as const).filter((l) => atLeast(viewer.clearance, l));
  // Issue 15 item 9: a designation opens its record up to its own level only.
  return { OR: [{ classification: { in: [...levels] } }, ...designatedRecords(ctx.viewer, "CUSTOMER")] };
}

function customerWhere(
  ctx: Context,
  filter: { estateId?: { id: string } | null; search?: string | null } | null | undefined,
): Prisma.CustomerWhereInput {
  const and: Prisma.CustomerWhereInput[] = [customerScope(ctx)];
  if (filter?.estateId) and.push({ households: { some: { household: { estateId: filter.estateId.id } } } });
  const search = filter?.search?.trim();
  if (search) {
    // SEC-7: matching on a raw value would disclose it (a count of one is an aggregate of one person).
    if (!ctx.viewer?.permissions.has("personal-data:read")) {
      throw new ForbiddenError(msg("customerSearchNeedsPersonalData"));
    }
    and.push({ OR: [{ name: { contains: search } }, { phone: { contains: search } }] });
    and.push(knowableCustomers(ctx));
    // SEC-3: a search by name or phone reads those fields of every archive it matches; the term
    // itself is personal data, so the log keeps only its hash.
    ctx.access.record(
      {
        action: "READ",
        recordType: "CUSTOMER",
        recordId: null,
        fields: ["name", "phone"],
        query: { searchSha256: createHash("sha256").update(search).digest("hex"), estateId: filter?.estateId?.id ?? null },
      },
      `customer-search:${search}`,
    );
  }
  return { AND: and };
}

const UpdateCustomerInput = builder.inputType("UpdateCustomerInput", {
  description: "SEC-6: an amendment of an owner archive; omitted fields stay as they are",
  fields: (t) => ({
    id: t.globalID({ required: true, description: "The Customer" }),
    version: t.int({ required: true, description: "The version read; a stale one gets a ConflictError" }),
    reason: t.string({ required: true, description: "SEC-6: why the archive is amended" }),
    name: t.string({ required: false, description: "The name (not empty)" }),
    phone: t.string({ required: false, description: "A mobile number (11 digits) or a landline such as 021-58881234" }),
    idNumber: t.string({ required: false, description: "Resident ID: 17 digits and a digit or X (needs a READ_ARCHIVE grant)" }),
    address: t.string({ required: false, description: "Address (needs a READ_ARCHIVE grant)" }),
    occupation: t.string({ required: false, description: "Occupation (needs a READ_ARCHIVE grant)" }),
    nativePlace: t.string({ required: false, description: "Native place (needs a READ_ARCHIVE grant)" }),
    note: t.string({ required: false, description: "Free note (needs a READ_ARCHIVE grant)" }),
    plates: t.stringList({ required: false, description: "Car plates, upper-cased (needs a READ_ARCHIVE grant)" }),
  }),
});

builder.objectFields(conflictErrorType(CustomerConflictError, "CustomerConflictError"), (t) => ({
  current: t.prismaField({
    type: "Customer",
    description: "The customer as it is now",
    resolve: (query, e, _a, ctx) => ctx.prisma.customer.findUniqueOrThrow({ ...nonEmpty(query), where: { id: e.recordId } }),
  }),
}));

builder.mutationField("updateCustomer", (t) =>
  t.withAuth({ permission: "customers:write" }).prismaField({
    type: "Customer",
    description: "SEC-6: amends an owner archive; the previous values stay in `history` with who, when and why",
    errors: { types: [...STANDARD_ERRORS, CustomerConflictError] },
    args: { input: t.arg({ type: UpdateCustomerInput, required: true, description: "The amendment" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await updateCustomer(ctx, { ...input, id: input.id.id });
      return ctx.prisma.customer.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);
