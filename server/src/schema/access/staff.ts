import { builder } from "../../builder.ts";
import { Classification, StaffRole, StaffKind } from "@tingjian/prisma/client";
import { PERMISSION_MEANING, PERMISSIONS, permissionEnumName } from "../../domain/access/permissions.ts";
import { reveal, protectedField, type RecordRef } from "../../access/disclosure.ts";
import { organizationNode } from "../../access/read-scope.ts";

export const ClassificationEnum = builder.enumType(Classification, {
  name: "Classification",
  description: "SEC-1 levels, lowest first",
  values: {
    INTERNAL: { description: "SEC-1 内部: staff of the organisation" },
    SECRET: { description: "SEC-1 秘密: the floor for customer information and complaints" },
    CONFIDENTIAL: { description: "SEC-1 机密: cleared staff, or those designated by a supervisor (SEC-2)" },
    TOP_SECRET: { description: "SEC-1 绝密: the executive and those the executive designates (SEC-2)" },
  },
});

export const StaffRoleEnum = builder.enumType(StaffRole, {
  name: "StaffRole",
  description: "SPEC §2 roles; their permissions are listed in domain/access/permissions.ts",
  values: {
    FRONT_DESK: { description: "§2: front desk (registers and handles complaints)" },
    PROPERTY_ASSISTANT: { description: "§2: property assistant" },
    SERVICE_REP: { description: "§2: customer service representative" },
    DEPARTMENT_HEAD: { description: "§2: department head (a supervisor)" },
    OFFICE_DIRECTOR: { description: "§2: management office director (a supervisor)" },
    ANALYST: { description: "§2: analyst (figures with personal data masked)" },
    COMPANY_MANAGER: { description: "§2: (subsidiary) company manager (a supervisor)" },
    MANAGEMENT_REP: { description: "§2: management representative (a supervisor)" },
    EXECUTIVE: { description: "§2: the executive (may know everything, SEC-2)" },
    DEVELOPER_LIAISON: { description: "§2: the developer's liaison (reads complaints forwarded to the developer)" },
    AUDITOR: { description: "§2: auditor (reads the access log)" },
    ADMIN: { description: "§2: system administrator (accounts, tokens, categories; no complaint data)" },
  },
});

export const StaffKindEnum = builder.enumType(StaffKind, {
  name: "StaffKind",
  description: "§2: a person or a service account",
  values: {
    HUMAN: { description: "A person who signs in" },
    SERVICE_ACCOUNT: { description: "An external tool's account, acting through API tokens" },
  },
});

/**
 * The API's one notation for permissions is this enum (COMPLAINTS_READ); each value's
 * description gives SPEC §2's lower-case name (complaints:read) used in the README and in
 * error messages.
 */
export const PermissionEnum = builder.enumType("Permission", {
  description:
    "§2: what an account may do. The API names a permission by these values (token scopes, `me.permissions`); each value's description gives SPEC §2's name, e.g. `complaints:read` for COMPLAINTS_READ",
  values: Object.fromEntries(
    PERMISSIONS.map((p) => [permissionEnumName(p), { value: p, description: `\`${p}\`: ${PERMISSION_MEANING[p]}` }]),
  ),
});

const staffRef = (s: { id: string }): RecordRef => ({ recordType: "STAFF", id: s.id, classification: "INTERNAL", estateIds: [] });

builder.prismaNode("Staff", {
  ...organizationNode,
  // Issue 17: your own account stays readable while a temporary password must be changed (builder.ts).
  authScopes: (staff, ctx) => (staff.id === ctx.viewer?.staffId ? { signedIn: true } : { authenticated: true }),
  description: "§2: an account of the organisation: a person or a service account",
  fields: (t) => ({
    login: t.exposeString("login", { description: "The sign-in name" }),
    displayName: t.exposeString("displayName", { description: "The name shown to colleagues" }),
    kind: t.expose("kind", { type: StaffKindEnum, description: "A person or a service account" }),
    role: t.expose("role", { type: StaffRoleEnum, description: "§2: the role, which gives the permissions" }),
    clearance: t.expose("clearance", {
      type: ClassificationEnum,
      description: "SEC-2: the highest level the person may know without a designation",
    }),
    active: t.exposeBoolean("active", { description: "false: deactivated, cannot sign in" }),
    department: t.relation("department", { nullable: true, description: "The person's department" }),
    phone: t.string({
      nullable: true,
      description: "SEC-7: the person's phone; unmasked for the person and administrators",
      extensions: protectedField("STAFF", "phone"),
      resolve: (s, _a, ctx) => reveal(ctx, staffRef(s), "phone", s.phone),
    }),
    email: t.string({
      nullable: true,
      description: "SEC-7: the person's e-mail; unmasked for the person and administrators",
      extensions: protectedField("STAFF", "email"),
      resolve: (s, _a, ctx) => reveal(ctx, staffRef(s), "email", s.email),
    }),
  }),
});

const ViewerRef = builder.objectRef<{ staffId: string }>("Viewer").implement({
  description: "The signed-in account and what it may do",
  fields: (t) => ({
    staff: t.prismaField({
      type: "Staff",
      description: "The account",
      resolve: (query, v, _a, ctx) => ctx.prisma.staff.findUniqueOrThrow({ ...query, where: { id: v.staffId } }),
    }),
    permissions: t.field({
      type: [PermissionEnum],
      description: "§2: the role's permissions (through a token: those also among its scopes)",
      resolve: (_v, _a, ctx) => [...(ctx.viewer?.permissions ?? [])] as never,
    }),
    allEstates: t.boolean({
      description: "§2: true for a company-level account (every estate)",
      resolve: (_v, _a, ctx) => ctx.viewer?.estates === "ALL",
    }),
    estates: t.prismaField({
      type: ["Estate"],
      description: "§2: the estates in the account's scope",
      resolve: (query, _v, _a, ctx) => {
        const e = ctx.viewer?.estates ?? new Set<string>();
        return ctx.prisma.estate.findMany({
          ...query,
          where: { organizationId: ctx.organizationId ?? "", ...(e === "ALL" ? {} : { id: { in: [...e] } }) },
          orderBy: { code: "asc" },
        });
      },
    }),
    mustChangePassword: t.boolean({
      description:
        "Issue 17: true while a temporary password must be changed; until then only `me`, changeMyPassword and signOut are allowed",
      resolve: (_v, _a, ctx) => ctx.viewer?.mustChangePassword ?? false,
    }),
    viaApiToken: t.boolean({
      description: "true when the request came with an API token",
      resolve: (_v, _a, ctx) => (ctx.viewer?.apiTokenId ?? null) !== null,
    }),
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
