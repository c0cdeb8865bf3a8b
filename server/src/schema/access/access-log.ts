import type { Prisma } from "@tingjian/prisma/client";
import { AccessAction, RecordType } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { inOrganization, scopedNode } from "../../access/read-scope.ts";
import { ClassificationEnum } from "./staff.ts";

export const AccessActionEnum = builder.enumType(AccessAction, { name: "AccessAction" });
export const RecordTypeEnum = builder.enumType(RecordType, { name: "RecordType" });

const auditorsOnly = { permission: "audit:read" } as const;

builder.prismaNode("AccessLog", {
  ...scopedNode(inOrganization),
  authScopes: auditorsOnly,
  description: "SEC-3: one read, copy, export or disclosure of protected data: who, when, which record, which fields, why",
  fields: (t) => ({
    at: t.expose("at", { type: "DateTime" }),
    action: t.expose("action", { type: AccessActionEnum }),
    recordType: t.expose("recordType", { type: RecordTypeEnum }),
    recordId: t.exposeString("recordId", { nullable: true }),
    fields: t.exposeStringList("fields"),
    purpose: t.exposeString("purpose", { nullable: true }),
    export: t.exposeBoolean("export"),
    rowCount: t.exposeInt("rowCount", { nullable: true }),
    classification: t.expose("classification", { type: ClassificationEnum, nullable: true }),
    ip: t.exposeString("ip", { nullable: true }),
    staff: t.relation("staff", { nullable: true }),
    apiToken: t.relation("apiToken", { nullable: true }),
    approval: t.relation("approval", { nullable: true }),
    governmentInquiry: t.relation("governmentInquiry", { nullable: true }),
  }),
});

const AccessLogFilter = builder.inputType("AccessLogFilter", {
  fields: (t) => ({
    recordType: t.field({ type: RecordTypeEnum, required: false }),
    recordId: t.string({ required: false, description: "The record's row id (as in AccessLog.recordId)" }),
    staffId: t.globalID({ required: false }),
    action: t.field({ type: AccessActionEnum, required: false }),
    from: t.field({ type: "DateTime", required: false }),
    before: t.field({ type: "DateTime", required: false }),
  }),
});

builder.queryField("accessLogs", (t) =>
  t.prismaConnection({
    type: "AccessLog",
    cursor: "id",
    authScopes: auditorsOnly,
    description: "SEC-3, SEC-4: the access log, newest first. Auditors only.",
    args: { filter: t.arg({ type: AccessLogFilter, required: false }) },
    totalCount: (_p, args, ctx) => ctx.prisma.accessLog.count({ where: accessLogWhere(ctx, args.filter) }),
    resolve: (query, _r, args, ctx) => ctx.prisma.accessLog.findMany({ ...query, where: accessLogWhere(ctx, args.filter), orderBy: [{ at: "desc" }, { id: "desc" }] }),
  }),
);

function accessLogWhere(
  ctx: Parameters<typeof inOrganization>[0],
  f: { recordType?: RecordType | null; recordId?: string | null; staffId?: { id: string } | null; action?: AccessAction | null; from?: Date | null; before?: Date | null } | null | undefined,
): Prisma.AccessLogWhereInput {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  return {
    ...inOrganization(ctx),
    ...(f?.recordType ? { recordType: f.recordType } : {}),
    ...(f?.recordId ? { recordId: uuid.test(f.recordId) ? f.recordId : "00000000-0000-0000-0000-000000000000" } : {}),
    ...(f?.staffId ? { staffId: f.staffId.id } : {}),
    ...(f?.action ? { action: f.action } : {}),
    ...(f?.from || f?.before ? { at: { ...(f.from ? { gte: f.from } : {}), ...(f.before ? { lt: f.before } : {}) } } : {}),
  };
}
