import { createHash } from "node:crypto";
import type { Prisma } from "@tingjian/prisma/client";
import { CustomerKind } from "@tingjian/prisma/client";
import { nonEmpty } from "./prisma-query.ts";
import { builder } from "../builder.ts";
import type { Context } from "../access/context.ts";
import { entitlement, protectedField, reveal, revealList, type RecordRef } from "../access/disclosure.ts";
import { mask } from "../domain/access/masking.ts";
import { atLeast } from "../domain/access/need-to-know.ts";
import { isIdNumber, isPhone, ID_NUMBER_FORMAT, PHONE_FORMAT } from "../domain/people/contact-formats.ts";
import { designatedRecords } from "../access/grants.ts";
import { ClassificationEnum } from "./access/staff.ts";
import { history, RevisionRef, writeRevision } from "./access/revisions.ts";
import { ConflictError, InputError, NotFoundError, ForbiddenError, requiredText } from "../errors/typed-errors.ts";
import { conflictErrorType, STANDARD_ERRORS } from "./errors.ts";
import { customerScope, estateFilter, scopedNode } from "../access/read-scope.ts";

export const CustomerKindEnum = builder.enumType(CustomerKind, { name: "CustomerKind" });

/** What every protected field of a customer needs to decide: its level and its estates. */
export const forDecision = { households: { select: { household: { select: { estateId: true } } } } } as const;

type CustomerForDecision = { id: string; classification: RecordRef["classification"]; households: { household: { estateId: string } }[] };

export function customerRef(c: CustomerForDecision): RecordRef {
  return { recordType: "CUSTOMER", id: c.id, classification: c.classification, estateIds: [...new Set(c.households.map((h) => h.household.estateId))] };
}

interface FamilyMember { relation: string | null; name: string | null; phone: string | null }

const FamilyMemberRef = builder.objectRef<FamilyMember>("FamilyMember").implement({
  fields: (t) => ({
    relation: t.exposeString("relation", { nullable: true }),
    name: t.exposeString("name", { nullable: true }),
    phone: t.exposeString("phone", { nullable: true }),
  }),
});

builder.prismaNode("Customer", {
  ...scopedNode(customerScope),
  authScopes: { permission: "customers:read" },
  description: "SEC-1: an owner archive or tenant record. Personal data is masked unless the caller is entitled (SEC-7); entitled reads are logged (SEC-3).",
  fields: (t) => {
    const text = (column: "name" | "phone" | "idNumber" | "address" | "occupation" | "nativePlace" | "note", nullable: boolean) =>
      t.string({
        nullable, select: forDecision, extensions: protectedField("CUSTOMER", column),
        resolve: (c, _a, ctx) => reveal(ctx, customerRef(c), column, c[column]) as string | Promise<string>,
      });
    return {
      kind: t.expose("kind", { type: CustomerKindEnum }),
      classification: t.expose("classification", { type: ClassificationEnum }),
      classifiedUntil: t.expose("classifiedUntil", { type: "DateTime", nullable: true }),
      version: t.exposeInt("version"),
      name: text("name", false),
      phone: text("phone", true),
      idNumber: text("idNumber", true),
      address: text("address", true),
      occupation: text("occupation", true),
      nativePlace: text("nativePlace", true),
      note: text("note", true),
      plates: t.stringList({
        select: forDecision, extensions: protectedField("CUSTOMER", "plates"),
        resolve: (c, _a, ctx) => revealList(ctx, customerRef(c), "plates", c.plates),
      }),
      familyMembers: t.field({
        type: [FamilyMemberRef], select: forDecision, extensions: protectedField("CUSTOMER", "familyMembers"),
        resolve: async (c, _a, ctx) => {
          const members = Array.isArray(c.familyMembers) ? (c.familyMembers as Record<string, string | undefined>[]) : [];
          if (members.length === 0) return [];
          const ref = customerRef(c);
          const e = await entitlement(ctx, ref, "ARCHIVE");
          if (e.ok) ctx.access.read("CUSTOMER", c.id, "familyMembers", { classification: c.classification, approvalId: e.approvalId, purpose: e.purpose });
          return members.map((m) => ({
            relation: m.relation ?? null,
            name: m.name ? (e.ok ? m.name : mask("NAME", m.name)) : null,
            phone: m.phone ? (e.ok ? m.phone : mask("PHONE", m.phone)) : null,
          }));
        },
      }),
      households: t.relation("households", {
        description: "The households this customer owns or rents, in the caller's estates; empty without personal-data:read (the flat is the address, SEC-1)",
        query: (_a, ctx) => {
          if (!ctx.viewer?.permissions.has("personal-data:read")) return { where: { id: "00000000-0000-0000-0000-000000000000" } };
          const estateId = estateFilter(ctx);
          return estateId ? { where: { household: { estateId } } } : {};
        },
      }),
      history: t.field({
        type: [RevisionRef], select: forDecision, description: "SEC-6: every amendment, newest first",
        resolve: (c, _a, ctx) => history(ctx, customerRef(c)),
      }),
    };
  },
});

builder.prismaObject("HouseholdMember", {
  fields: (t) => ({
    kind: t.expose("kind", { type: CustomerKindEnum }),
    isPrimary: t.exposeBoolean("isPrimary"),
    household: t.relation("household"),
    customer: t.relation("customer"),
  }),
});

const CustomerFilter = builder.inputType("CustomerFilter", {
  fields: (t) => ({
    estateId: t.globalID({ required: false }),
    search: t.string({ required: false, description: "Name or phone (needs the personal-data:read permission: a search is a read)" }),
  }),
});

builder.queryField("customers", (t) =>
  t.prismaConnection({
    type: "Customer",
    cursor: "id",
    authScopes: { permission: "customers:read" },
    args: { filter: t.arg({ type: CustomerFilter, required: false }) },
    totalCount: (_p, args, ctx) => ctx.prisma.customer.count({ where: customerWhere(ctx, args.filter) }),
    resolve: (query, _r, args, ctx) => ctx.prisma.customer.findMany({ ...query, where: customerWhere(ctx, args.filter), orderBy: { id: "asc" } }),
  }),
);

/**
 * SEC-2, SEC-7: a search matches only archives the caller may know; otherwise a count of one
 * would confirm a TOP_SECRET person's phone number to someone not designated.
 */
function knowableCustomers(ctx: Context): Prisma.CustomerWhereInput {
  const viewer = ctx.viewer!;
  if (viewer.role === "EXECUTIVE") return {};
  const levels = (["INTERNAL", "SECRET", "CONFIDENTIAL"] as const).filter((l) => atLeast(viewer.clearance, l));
  // Issue 15 item 9: a designation opens its record up to its own level only.
  return { OR: [{ classification: { in: [...levels] } }, ...designatedRecords(ctx.viewer, "CUSTOMER")] };
}

function customerWhere(ctx: Context, filter: { estateId?: { id: string } | null; search?: string | null } | null | undefined): Prisma.CustomerWhereInput {
  const and: Prisma.CustomerWhereInput[] = [customerScope(ctx)];
  if (filter?.estateId) and.push({ households: { some: { household: { estateId: filter.estateId.id } } } });
  const search = filter?.search?.trim();
  if (search) {
    // SEC-7: matching on a raw value would disclose it (a count of one is an aggregate of one person).
    if (!ctx.viewer?.permissions.has("personal-data:read")) {
      throw new ForbiddenError("Searching customers by name or phone requires the personal-data:read permission");
    }
    and.push({ OR: [{ name: { contains: search } }, { phone: { contains: search } }] });
    and.push(knowableCustomers(ctx));
    // SEC-3: a search by name or phone reads those fields of every archive it matches; the term
    // itself is personal data, so the log keeps only its hash.
    ctx.access.record({
      action: "READ", recordType: "CUSTOMER", recordId: null, fields: ["name", "phone"],
      query: { searchSha256: createHash("sha256").update(search).digest("hex"), estateId: filter?.estateId?.id ?? null },
    }, `customer-search:${search}`);
  }
  return { AND: and };
}

const UpdateCustomerInput = builder.inputType("UpdateCustomerInput", {
  fields: (t) => ({
    id: t.globalID({ required: true }),
    version: t.int({ required: true, description: "The version read; a stale one gets a ConflictError" }),
    reason: t.string({ required: true, description: "SEC-6: why the archive is amended" }),
    name: t.string({ required: false }),
    phone: t.string({ required: false }),
    idNumber: t.string({ required: false }),
    address: t.string({ required: false }),
    occupation: t.string({ required: false }),
    nativePlace: t.string({ required: false }),
    note: t.string({ required: false }),
    plates: t.stringList({ required: false }),
  }),
});

class CustomerConflictError extends ConflictError {}
builder.objectFields(conflictErrorType(CustomerConflictError, "CustomerConflictError"), (t) => ({
  current: t.prismaField({ type: "Customer", resolve: (query, e, _a, ctx) => ctx.prisma.customer.findUniqueOrThrow({ ...nonEmpty(query), where: { id: e.recordId } }) }),
}));


builder.mutationField("updateCustomer", (t) =>
  t.prismaField({
    type: "Customer",
    description: "SEC-6: amends an owner archive; the previous values stay in `history` with who, when and why",
    authScopes: { permission: "customers:write" },
    errors: { types: [...STANDARD_ERRORS, CustomerConflictError] },
    args: { input: t.arg({ type: UpdateCustomerInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const reason = requiredText(input.reason, "reason", 500);
      const current = await ctx.prisma.customer.findFirst({ where: { id: input.id.id, ...customerScope(ctx) }, include: forDecision });
      if (!current) throw new NotFoundError("Customer");
      const patch: Prisma.CustomerUpdateInput = {};
      for (const f of ["name", "phone", "idNumber", "address", "occupation", "nativePlace", "note"] as const) {
        const v = input[f];
        if (v !== undefined && v !== null) (patch as Record<string, unknown>)[f] = v.trim();
      }
      if (input.plates) patch.plates = input.plates.map((p) => p.trim().toUpperCase()).filter(Boolean);
      if (Object.keys(patch).length === 0) throw new InputError("input", "Nothing to amend: give at least one field");
      if (patch.name !== undefined && !patch.name) throw new InputError("input.name", "name must not be empty");
      if (typeof patch.phone === "string" && patch.phone && !isPhone(patch.phone)) throw new InputError("input.phone", `phone must be ${PHONE_FORMAT}`);
      if (typeof patch.idNumber === "string" && patch.idNumber && !isIdNumber(patch.idNumber)) throw new InputError("input.idNumber", `idNumber must be ${ID_NUMBER_FORMAT}`);
      // Amending a value requires being entitled to read it: nobody overwrites what they may not see.
      const ref = customerRef(current);
      const archiveTouched = Object.keys(patch).some((f) => !["name", "phone"].includes(f));
      if (!(await entitlement(ctx, ref, archiveTouched ? "ARCHIVE" : "CONTACT")).ok) {
        throw new ForbiddenError(archiveTouched ? "Amending an owner archive needs an approved READ_ARCHIVE grant for it" : "Not entitled to this customer's personal data");
      }
      const updated = await ctx.prisma.customer.updateMany({ where: { id: current.id, version: input.version }, data: { ...patch, version: { increment: 1 } } as Prisma.CustomerUpdateManyMutationInput });
      if (updated.count === 0) throw new CustomerConflictError(current.id, (await ctx.prisma.customer.findUniqueOrThrow({ where: { id: current.id }, select: { version: true } })).version);
      await writeRevision(ctx, {
        recordType: "CUSTOMER", recordId: current.id, recordVersion: input.version + 1, reason,
        before: current as unknown as Record<string, unknown>, after: patch as Record<string, unknown>,
      });
      return ctx.prisma.customer.findUniqueOrThrow({ ...nonEmpty(query), where: { id: current.id } });
    },
  }),
);
