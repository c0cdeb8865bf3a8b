import type { Prisma } from "@tingjian/prisma/client";
import { AccessAction, RecordType } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { AccessLogConnection } from "../connections.ts";
import { inOrganization, scopedNode } from "../../access/read-scope.ts";
import { UUID } from "../../domain/access/row-id.ts";
import { ClassificationEnum } from "./staff.ts";

export const AccessActionEnum = builder.enumType(AccessAction, {
  name: "AccessAction",
  description: "SEC-3: what was done with a protected record",
  values: {
    READ: { description: "Protected fields were read unmasked" },
    COPY: { description: "SEC-3: an owner archive was copied" },
    EXPORT: { description: "SEC-3: data was exported to a file" },
    PRINT: { description: "A record was printed" },
    DISCLOSE: { description: "SEC-4: data was disclosed to a government inquiry" },
  },
});

/** SEC-3: the record types the access log and revisions name. */
export const RecordTypeEnum = builder.enumType(RecordType, {
  name: "RecordType",
  description: "The types of record the access log and revisions name",
  values: Object.fromEntries(
    Object.keys(RecordType).map((k) => [k, { description: `A ${k.toLowerCase().replace(/_/g, " ")} record` }]),
  ) as Record<RecordType, { description: string }>,
});

const auditorsOnly = { permission: "audit:read" } as const;

builder.prismaNode("AccessLog", {
  ...scopedNode(inOrganization),
  authScopes: auditorsOnly,
  description: "SEC-3: one read, copy, export or disclosure of protected data: who, when, which record, which fields, why",
  fields: (t) => ({
    at: t.expose("at", { type: "DateTime", description: "When" }),
    action: t.expose("action", { type: AccessActionEnum, description: "What was done" }),
    recordType: t.expose("recordType", { type: RecordTypeEnum, description: "The record's type" }),
    recordId: t.exposeString("recordId", { nullable: true, description: "The record's row id; null for an export or search of many" }),
    fields: t.exposeStringList("fields", { description: "The protected fields read or exported" }),
    purpose: t.exposeString("purpose", { nullable: true, description: "SEC-3: why (X-Access-Purpose, or the approval's purpose)" }),
    export: t.exposeBoolean("export", { description: "true for an export" }),
    rowCount: t.exposeInt("rowCount", { nullable: true, description: "Rows exported" }),
    classification: t.expose("classification", { type: ClassificationEnum, nullable: true, description: "SEC-1: the record's level then" }),
    ip: t.exposeString("ip", { nullable: true, description: "The caller's address" }),
    staff: t.relation("staff", { nullable: true, description: "Who" }),
    apiToken: t.relation("apiToken", { nullable: true, description: "The API token used, if any" }),
    approval: t.relation("approval", { nullable: true, description: "SEC-3: the approval it was done under" }),
    governmentInquiry: t.relation("governmentInquiry", { nullable: true, description: "SEC-4: the inquiry disclosed to" }),
  }),
});

const AccessLogFilter = builder.inputType("AccessLogFilter", {
  description: "SEC-3: narrows the access log; every given condition must hold",
  fields: (t) => ({
    recordType: t.field({ type: RecordTypeEnum, required: false, description: "Only this record type" }),
    recordId: t.string({ required: false, description: "The record's row id (as in AccessLog.recordId)" }),
    staffId: t.globalID({ required: false, description: "Only this Staff's accesses" }),
    action: t.field({ type: AccessActionEnum, required: false, description: "Only this action" }),
    from: t.field({ type: "DateTime", required: false, description: "At or after this instant" }),
    before: t.field({ type: "DateTime", required: false, description: "Before this instant" }),
  }),
});

builder.queryField("accessLogs", (t) =>
  t.prismaConnection(
    {
      type: "AccessLog",
      cursor: "id",
      authScopes: auditorsOnly,
      description: "SEC-3, SEC-4: the access log, newest first. Auditors only.",
      args: { filter: t.arg({ type: AccessLogFilter, required: false, description: "Which entries" }) },
      totalCount: (_p, args, ctx) => ctx.prisma.accessLog.count({ where: accessLogWhere(ctx, args.filter) }),
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.accessLog.findMany({ ...query, where: accessLogWhere(ctx, args.filter), orderBy: [{ at: "desc" }, { id: "desc" }] }),
    },
    AccessLogConnection,
  ),
);

function accessLogWhere(
  ctx: Parameters<typeof inOrganization>[0],
  f:
    | {
        recordType?: RecordType | null;
        recordId?: string | null;
        staffId?: { id: string } | null;
        action?: AccessAction | null;
        from?: Date | null;
        before?: Date | null;
      }
    | null
    | undefined,
): Prisma.AccessLogWhereInput {
  return {
    ...inOrganization(ctx),
    ...(f?.recordType ? { recordType: f.recordType } : {}),
    ...(f?.recordId ? { recordId: UUID.test(f.recordId) ? f.recordId : "00000000-0000-0000-0000-000000000000" } : {}),
    ...(f?.staffId ? { staffId: f.staffId.id } : {}),
    ...(f?.action ? { action: f.action } : {}),
    ...(f?.from || f?.before ? { at: { ...(f.from ? { gte: f.from } : {}), ...(f.before ? { lt: f.before } : {}) } } : {}),
  };
}
