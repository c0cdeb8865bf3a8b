import { builder } from "../../builder.ts";
import { Classification, StaffRole, StaffKind } from "@tingjian/prisma/client";
import { PERMISSIONS } from "../../domain/access/permissions.ts";
import { reveal, protectedField, type RecordRef } from "../../access/disclosure.ts";
import { organizationNode } from "../../access/read-scope.ts";

export const ClassificationEnum = builder.enumType(Classification, { name: "Classification", description: "SEC-1 levels" });
export const StaffRoleEnum = builder.enumType(StaffRole, { name: "StaffRole", description: "SPEC §2 roles" });
export const StaffKindEnum = builder.enumType(StaffKind, { name: "StaffKind" });
export const PermissionEnum = builder.enumType("Permission", {
  description: "What an account may do; API token scopes use the same names with ':' (e.g. reports:read)",
  values: Object.fromEntries(PERMISSIONS.map((p) => [p.replace(/[:-]/g, "_").toUpperCase(), { value: p }])),
});

const staffRef = (s: { id: string }): RecordRef => ({ recordType: "STAFF", id: s.id, classification: "INTERNAL", estateIds: [] });

builder.prismaNode("Staff", {
  ...organizationNode,
  authScopes: { authenticated: true },
  fields: (t) => ({
    login: t.exposeString("login"),
    displayName: t.exposeString("displayName"),
    kind: t.expose("kind", { type: StaffKindEnum }),
    role: t.expose("role", { type: StaffRoleEnum }),
    clearance: t.expose("clearance", { type: ClassificationEnum }),
    active: t.exposeBoolean("active"),
    department: t.relation("department", { nullable: true }),
    phone: t.string({ nullable: true, extensions: protectedField("STAFF", "phone"), resolve: (s, _a, ctx) => reveal(ctx, staffRef(s), "phone", s.phone) }),
    email: t.string({ nullable: true, extensions: protectedField("STAFF", "email"), resolve: (s, _a, ctx) => reveal(ctx, staffRef(s), "email", s.email) }),
  }),
});

const ViewerRef = builder.objectRef<{ staffId: string }>("Viewer").implement({
  description: "The signed-in account and what it may do",
  fields: (t) => ({
    staff: t.prismaField({ type: "Staff", resolve: (query, v, _a, ctx) => ctx.prisma.staff.findUniqueOrThrow({ ...query, where: { id: v.staffId } }) }),
    permissions: t.field({ type: [PermissionEnum], resolve: (_v, _a, ctx) => [...ctx.viewer!.permissions] as never }),
    allEstates: t.boolean({ resolve: (_v, _a, ctx) => ctx.viewer!.estates === "ALL" }),
    estates: t.prismaField({
      type: ["Estate"],
      resolve: (query, _v, _a, ctx) => {
        const e = ctx.viewer!.estates;
        return ctx.prisma.estate.findMany({ ...query, where: { organizationId: ctx.organizationId!, ...(e === "ALL" ? {} : { id: { in: [...e] } }) }, orderBy: { code: "asc" } });
      },
    }),
    viaApiToken: t.boolean({ resolve: (_v, _a, ctx) => ctx.viewer!.apiTokenId !== null }),
  }),
});

builder.queryField("me", (t) =>
  t.field({
    type: ViewerRef,
    nullable: true,
    description: "The caller, or null when not signed in",
    resolve: (_r, _a, ctx) => (ctx.viewer ? { staffId: ctx.viewer.staffId } : null),
  }),
);
