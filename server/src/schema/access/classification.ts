import type { Classification } from "@tingjian/prisma/client";
import { nonEmpty } from "../prisma-query.ts";
import { builder } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { entitlement, type RecordRef } from "../../access/disclosure.ts";
import { atLeast } from "../../domain/access/need-to-know.ts";
import { complaintRef } from "../complaints/complaint.ts";
import { customerRef, forDecision } from "../customers.ts";
import { ConflictError, ForbiddenError, InputError, NotFoundError, requiredText } from "../../errors/typed-errors.ts";
import { conflictErrorType, STANDARD_ERRORS } from "../errors.ts";
import { complaintScope, customerScope, inOrganization, scopedNode } from "../../access/read-scope.ts";
import { ClassificationEnum } from "./staff.ts";
import { msg } from "../../i18n/messages.ts";

const ClassifiableEnum = builder.enumType("ClassifiableRecord", { values: ["CUSTOMER", "COMPLAINT"] as const });

/** Loads a classifiable record in the caller's scope, as the access rules see it. */
async function loadRecord(ctx: Context, type: "CUSTOMER" | "COMPLAINT", id: string): Promise<RecordRef> {
  if (type === "CUSTOMER") {
    const c = await ctx.prisma.customer.findFirst({ where: { id, ...customerScope(ctx) }, include: forDecision });
    if (!c) throw new NotFoundError("Customer");
    return customerRef(c);
  }
  const c = await ctx.prisma.complaint.findFirst({ where: { id, ...complaintScope(ctx) }, select: { id: true, classification: true, estateId: true, receivedById: true } });
  if (!c) throw new NotFoundError("Complaint");
  return complaintRef(c);
}

builder.prismaObject("ClassificationChange", {
  fields: (t) => ({
    kind: t.exposeString("kind"),
    fromLevel: t.expose("fromLevel", { type: ClassificationEnum, nullable: true }),
    toLevel: t.expose("toLevel", { type: ClassificationEnum }),
    toUntil: t.expose("toUntil", { type: "DateTime", nullable: true }),
    at: t.expose("at", { type: "DateTime" }),
    reason: t.exposeString("reason", { nullable: true }),
    actor: t.relation("actor", { nullable: true }),
  }),
});

const ChangeClassificationInput = builder.inputType("ChangeClassificationInput", {
  fields: (t) => ({
    recordType: t.field({ type: ClassifiableEnum, required: true }),
    id: t.globalID({ required: true }),
    level: t.field({ type: ClassificationEnum, required: true }),
    until: t.field({ type: "DateTime", required: false, description: "SEC-5: declassified automatically after this unless extended" }),
    reason: t.string({ required: true }),
    version: t.int({ required: true, description: "The record's version as read: a level changed meanwhile by someone else is a conflict, not overwritten" }),
  }),
});

/** Issue 15 item 17: two classifiers never silently undo each other. */
class ClassificationConflictError extends ConflictError {}
conflictErrorType(ClassificationConflictError, "ClassificationConflictError");

builder.mutationField("changeClassification", (t) =>
  t.prismaField({
    type: "ClassificationChange",
    description: "SEC-1, SEC-5: classify, reclassify or extend a record's level; TOP_SECRET only by the executive",
    authScopes: { permission: "classification:manage" },
    errors: { types: [...STANDARD_ERRORS, ClassificationConflictError] },
    args: { input: t.arg({ type: ChangeClassificationInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const reason = requiredText(input.reason, "input.reason", 500);
      const record = await loadRecord(ctx, input.recordType, input.id.id);
      if ((input.level === "TOP_SECRET" || record.classification === "TOP_SECRET") && viewer.role !== "EXECUTIVE") throw new ForbiddenError("Only the executive classifies or declassifies TOP_SECRET");
      if (!(await entitlement(ctx, record, "CASE")).ok) throw new ForbiddenError("You are not entitled to know this record");
      if (!atLeast(input.level, "SECRET")) throw new InputError("input.level", "Customer information and complaints stay at least SECRET (SEC-1)");
      if (input.until && input.until <= ctx.now) throw new InputError("input.until", "until must be in the future");
      const current = input.recordType === "CUSTOMER"
        ? await ctx.prisma.customer.findUniqueOrThrow({ where: { id: record.id }, select: { classifiedUntil: true, version: true } })
        : await ctx.prisma.complaint.findUniqueOrThrow({ where: { id: record.id }, select: { classifiedUntil: true, version: true } });
      if (current.version !== input.version) throw new ClassificationConflictError(record.id, current.version);
      // Compare-and-set on the version read: of two concurrent changes the second finds 0 rows.
      const data = { classification: input.level, classifiedUntil: input.until ?? null, version: { increment: 1 } };
      const where = { id: record.id, version: input.version };
      const written = input.recordType === "CUSTOMER" ? await ctx.prisma.customer.updateMany({ where, data }) : await ctx.prisma.complaint.updateMany({ where, data });
      if (written.count === 0) throw new ClassificationConflictError(record.id, input.version + 1);
      const kind = input.level === record.classification ? "EXTEND" : "RECLASSIFY";
      return ctx.prisma.classificationChange.create({
        ...nonEmpty(query),
        data: {
          organizationId: viewer.organizationId, recordType: input.recordType, recordId: record.id, kind, fromLevel: record.classification, toLevel: input.level,
          fromUntil: current.classifiedUntil, toUntil: input.until ?? null, actorId: viewer.staffId, at: ctx.now, reason,
        },
      });
    },
  }),
);

builder.prismaNode("AccessDesignation", {
  ...scopedNode(inOrganization),
  authScopes: { permission: "classification:manage" },
  description: "SEC-2: a person designated to know a TOP_SECRET (by the executive) or CONFIDENTIAL (by a supervisor) record",
  fields: (t) => ({
    recordType: t.exposeString("recordType"),
    recordId: t.exposeString("recordId"),
    level: t.expose("level", { type: ClassificationEnum }),
    staff: t.relation("staff"),
    designatedBy: t.relation("designatedBy"),
    designatedAt: t.expose("designatedAt", { type: "DateTime" }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
    reason: t.exposeString("reason", { nullable: true }),
  }),
});

const DesignateInput = builder.inputType("DesignateInput", {
  fields: (t) => ({
    recordType: t.field({ type: ClassifiableEnum, required: true }),
    id: t.globalID({ required: true }),
    staffId: t.globalID({ required: true }),
    level: t.field({ type: ClassificationEnum, required: true, description: "TOP_SECRET or CONFIDENTIAL" }),
    expiresAt: t.field({ type: "DateTime", required: false }),
    reason: t.string({ required: true }),
  }),
});

builder.mutationField("designate", (t) =>
  t.prismaField({
    type: "AccessDesignation",
    authScopes: { permission: "classification:manage" },
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: DesignateInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const viewer = ctx.viewer!;
      const reason = requiredText(input.reason, "input.reason", 500);
      if (input.level !== "TOP_SECRET" && input.level !== "CONFIDENTIAL") throw new InputError("input.level", "Designations are for TOP_SECRET or CONFIDENTIAL records");
      if (input.level === "TOP_SECRET" && viewer.role !== "EXECUTIVE") throw new ForbiddenError("Only the executive designates who may know TOP_SECRET records (SEC-2)");
      const record = await loadRecord(ctx, input.recordType, input.id.id);
      if (!(await entitlement(ctx, record, "CASE")).ok) throw new ForbiddenError("You are not entitled to know this record, so you cannot designate others");
      // Issue 15 item 9: a designation grants at most its own level, so one below the record's would
      // open nothing today and mislead whoever reads the list of designations; refused, naming the field.
      if (!atLeast(input.level as Classification, record.classification)) throw new InputError("input.level", msg("designationBelowLevel", { level: record.classification }));
      const staff = await ctx.prisma.staff.findFirst({ where: { id: input.staffId.id, ...inOrganization(ctx), active: true }, select: { id: true } });
      if (!staff) throw new NotFoundError("Staff");
      if (input.expiresAt && input.expiresAt <= ctx.now) throw new InputError("input.expiresAt", "expiresAt must be in the future");
      return ctx.prisma.accessDesignation.create({
        ...nonEmpty(query),
        data: {
          organizationId: viewer.organizationId, recordType: input.recordType, recordId: record.id, level: input.level as Classification,
          staffId: staff.id, designatedById: viewer.staffId, designatedAt: ctx.now, expiresAt: input.expiresAt ?? null, reason,
        },
      });
    },
  }),
);

builder.mutationField("revokeDesignation", (t) =>
  t.prismaField({
    type: "AccessDesignation",
    authScopes: { permission: "classification:manage" },
    errors: { types: STANDARD_ERRORS },
    args: { id: t.arg.globalID({ required: true }) },
    resolve: async (query, _r, { id }, ctx) => {
      const d = await ctx.prisma.accessDesignation.findFirst({ where: { id: id.id, ...inOrganization(ctx) } });
      if (!d) throw new NotFoundError("Designation");
      if (d.level === "TOP_SECRET" && ctx.viewer!.role !== "EXECUTIVE") throw new ForbiddenError("Only the executive revokes TOP_SECRET designations");
      if (d.recordType === "CUSTOMER" || d.recordType === "COMPLAINT") {
        const record = await loadRecord(ctx, d.recordType, d.recordId);
        if (!(await entitlement(ctx, record, "CASE")).ok) throw new ForbiddenError("You are not entitled to know this record");
      }
      // Revoked once: a second revocation (or a concurrent one) leaves the first instant.
      await ctx.prisma.accessDesignation.updateMany({ where: { id: d.id, revokedAt: null }, data: { revokedAt: ctx.now } });
      return ctx.prisma.accessDesignation.findUniqueOrThrow({ ...nonEmpty(query), where: { id: d.id } });
    },
  }),
);
