import type { Classification } from "@tingjian/prisma/client";
import { nonEmpty } from "../prisma-query.ts";
import { builder } from "../../builder.ts";
import { ClassificationConflictError } from "../../errors/access.ts";
import { conflictErrorType, STANDARD_ERRORS } from "../errors.ts";
import { inOrganization, scopedNode } from "../../access/read-scope.ts";
import { changeClassification, designate, revokeDesignation } from "../../services/access/classification.ts";
import { ClassificationEnum } from "./staff.ts";

const ClassifiableEnum = builder.enumType("ClassifiableRecord", {
  description: "SEC-1: the record types that carry a classification",
  values: {
    CUSTOMER: { description: "An owner archive or tenant record" },
    COMPLAINT: { description: "A complaint" },
  },
});

builder.prismaObject("ClassificationChange", {
  description: "SEC-5: one change of a record's classification, with who, when and why",
  fields: (t) => ({
    kind: t.exposeString("kind", { description: "CLASSIFY, RECLASSIFY, EXTEND, DECLASSIFY_EXPIRED or DECLASSIFY_MANUAL" }),
    fromLevel: t.expose("fromLevel", { type: ClassificationEnum, nullable: true, description: "The level before" }),
    toLevel: t.expose("toLevel", { type: ClassificationEnum, description: "The level after" }),
    toUntil: t.expose("toUntil", {
      type: "DateTime",
      nullable: true,
      description: "SEC-5: declassified automatically after this unless extended",
    }),
    at: t.expose("at", { type: "DateTime", description: "When it changed" }),
    reason: t.exposeString("reason", { nullable: true, description: "Why, as the classifier gave it" }),
    actor: t.relation("actor", { nullable: true, description: "Who changed it (null: the declassification sweep)" }),
  }),
});

const ChangeClassificationInput = builder.inputType("ChangeClassificationInput", {
  description: "SEC-1, SEC-5: a record's new level",
  fields: (t) => ({
    recordType: t.field({ type: ClassifiableEnum, required: true, description: "The record's type" }),
    id: t.globalID({ required: true, description: "The Customer or Complaint" }),
    level: t.field({ type: ClassificationEnum, required: true, description: "At least SECRET (SEC-1); TOP_SECRET only by the executive" }),
    until: t.field({ type: "DateTime", required: false, description: "SEC-5: declassified automatically after this unless extended" }),
    reason: t.string({ required: true, description: "Why (at most 500 characters)" }),
    version: t.int({
      required: true,
      description: "The record's version as read: a level changed meanwhile by someone else is a conflict, not overwritten",
    }),
  }),
});

/** Issue 15 item 17: two classifiers never silently undo each other. */
conflictErrorType(ClassificationConflictError, "ClassificationConflictError");

builder.mutationField("changeClassification", (t) =>
  t.withAuth({ permission: "classification:manage" }).prismaField({
    type: "ClassificationChange",
    description: "SEC-1, SEC-5: classify, reclassify or extend a record's level; TOP_SECRET only by the executive",
    errors: { types: [...STANDARD_ERRORS, ClassificationConflictError] },
    args: { input: t.arg({ type: ChangeClassificationInput, required: true, description: "The record and its new level" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await changeClassification(ctx, {
        recordType: input.recordType,
        id: input.id.id,
        level: input.level,
        until: input.until ?? null,
        reason: input.reason,
        version: input.version,
      });
      return ctx.prisma.classificationChange.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

builder.prismaNode("AccessDesignation", {
  ...scopedNode(inOrganization),
  authScopes: { permission: "classification:manage" },
  description: "SEC-2: a person designated to know a TOP_SECRET (by the executive) or CONFIDENTIAL (by a supervisor) record",
  fields: (t) => ({
    recordType: t.exposeString("recordType", { description: "CUSTOMER or COMPLAINT" }),
    recordId: t.exposeString("recordId", { description: "The record's row id" }),
    level: t.expose("level", { type: ClassificationEnum, description: "SEC-2: the level the designation opens the record up to" }),
    staff: t.relation("staff", { description: "The person designated" }),
    designatedBy: t.relation("designatedBy", { description: "Who designated them" }),
    designatedAt: t.expose("designatedAt", { type: "DateTime", description: "When" }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true, description: "Ends by itself then; null = until revoked" }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true, description: "When it was revoked" }),
    reason: t.exposeString("reason", { nullable: true, description: "Why" }),
  }),
});

const DesignateInput = builder.inputType("DesignateInput", {
  description: "SEC-2: whom to designate for which record",
  fields: (t) => ({
    recordType: t.field({ type: ClassifiableEnum, required: true, description: "The record's type" }),
    id: t.globalID({ required: true, description: "The Customer or Complaint" }),
    staffId: t.globalID({ required: true, description: "The active Staff to designate" }),
    level: t.field({ type: ClassificationEnum, required: true, description: "TOP_SECRET or CONFIDENTIAL, at least the record's level" }),
    expiresAt: t.field({ type: "DateTime", required: false, description: "When the designation ends (future); default until revoked" }),
    reason: t.string({ required: true, description: "Why (at most 500 characters)" }),
  }),
});

builder.mutationField("designate", (t) =>
  t.withAuth({ permission: "classification:manage" }).prismaField({
    type: "AccessDesignation",
    description: "SEC-2: designates a person to know a TOP_SECRET (executive only) or CONFIDENTIAL record; the designator must know it",
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: DesignateInput, required: true, description: "The record, the person and the level" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await designate(ctx, {
        recordType: input.recordType,
        id: input.id.id,
        staffId: input.staffId.id,
        level: input.level as Classification,
        expiresAt: input.expiresAt ?? null,
        reason: input.reason,
      });
      return ctx.prisma.accessDesignation.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

builder.mutationField("revokeDesignation", (t) =>
  t.withAuth({ permission: "classification:manage" }).prismaField({
    type: "AccessDesignation",
    description: "SEC-2: ends a designation; TOP_SECRET ones only by the executive",
    errors: { types: STANDARD_ERRORS },
    args: { id: t.arg.globalID({ required: true, description: "The AccessDesignation" }) },
    resolve: async (query, _r, { id }, ctx) => {
      const designationId = await revokeDesignation(ctx, id.id);
      return ctx.prisma.accessDesignation.findUniqueOrThrow({ ...nonEmpty(query), where: { id: designationId } });
    },
  }),
);
