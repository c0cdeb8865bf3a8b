import { builder } from "../../builder.ts";
import { signedIn } from "../../access/context.ts";
import { inOrganization, scopedNode } from "../../access/read-scope.ts";
import { UUID } from "../../domain/access/row-id.ts";
import { text } from "../../i18n/messages.ts";
import type { AdminAction, AdminEntity } from "../../services/admin/change-log.ts";
import {
  type AdminChangeFilter,
  countAdminChanges,
  type FieldChange,
  fieldChanges,
  findAdminChanges,
} from "../../services/admin/change-log-read.ts";
import { StaffRoleEnum } from "../access/staff.ts";
import { AdminChangeConnection } from "../connections.ts";

/**
 * Issue 17: the administrative change log — every change of places, departments, staff, roles,
 * passwords, sessions, categories, calendars and policy values, with who, when, before and after
 * (append-only; services/admin/change-log.ts writes it). Read by the auditor (audit:read) and by
 * account administrators (accounts:manage), newest first, never across organisations.
 */

const ENTITIES: Record<AdminEntity, string> = {
  ORGANIZATION: "The organisation itself",
  ESTATE: "An estate",
  OFFICE: "A management office",
  BUILDING: "A building",
  UNIT: "A unit",
  HOUSEHOLD: "A household",
  DEPARTMENT: "A department",
  STAFF: "A staff account",
  ROLE: "A role's permissions (the role is in before/after)",
  PASSWORD: "An account's password (never its value: only that it changed)",
  SESSION: "A signed-in session",
  CATEGORY: "A complaint category (CLS-4)",
  CALENDAR: "A working calendar (§6)",
  POLICY_VALUE: "A policy value (§6)",
};
const ACTIONS: Record<AdminAction, string> = {
  CREATE: "Created",
  UPDATE: "Changed",
  DEACTIVATE: "Deactivated",
  REACTIVATE: "Reactivated",
  DELETE: "Removed",
  RESET_PASSWORD: "A password was reset by an administrator (a temporary one was issued)",
  CHANGE_PASSWORD: "The account's owner changed its password",
  REVOKE_SESSION: "A session was revoked",
};
const OTHER = { OTHER: { description: "A kind this version of the API does not name yet" } };
const described = (m: Record<string, string>) => Object.fromEntries(Object.entries(m).map(([k, d]) => [k, { description: d }]));

const AdminChangeEntityEnum = builder.enumType("AdminChangeEntity", {
  description: "Issue 17: what kind of thing an administrative change touched",
  values: { ...described(ENTITIES), ...OTHER },
});
const AdminChangeActionEnum = builder.enumType("AdminChangeAction", {
  description: "Issue 17: what an administrative change did",
  values: { ...described(ACTIONS), ...OTHER },
});

const orOther = (m: Record<string, string>, v: string) => (v in m ? v : "OTHER") as never;
/** A stored value as text: a string as it is, anything else as JSON; null when absent. */
const asText = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === "string" ? v : JSON.stringify(v));

const AdminFieldChangeRef = builder.objectRef<FieldChange>("AdminFieldChange").implement({
  description: "Issue 17: one field of an administrative change, before and after",
  fields: (t) => ({
    field: t.exposeString("field", { description: "The field's name as the service keeps it, e.g. `permissions`, `role`, `active`" }),
    before: t.string({
      nullable: true,
      description: "Its value before: a text as it was, anything else as JSON (null: none, e.g. at a creation)",
      resolve: (c) => asText(c.before),
    }),
    after: t.string({
      nullable: true,
      description: "Its value after, written as `before` (null: none, e.g. at a removal)",
      resolve: (c) => asText(c.after),
    }),
    changed: t.exposeBoolean("changed", {
      description: "false for a field kept to say what the change was about (the role whose permissions changed)",
    }),
    added: t.exposeStringList("added", { description: "For a list (permissions, estates): the items after has that before had not" }),
    removed: t.exposeStringList("removed", { description: "For a list: the items before had that after has not" }),
  }),
});

const readers = { permission: "audit:read", $all: { permission: "accounts:manage" } } as const;

builder.prismaNode("AdminChange", {
  ...scopedNode(inOrganization),
  authScopes: readers,
  description: "Issue 17: one administrative change: who, when, what, and its fields before and after",
  fields: (t) => ({
    at: t.expose("at", { type: "DateTime", description: "When" }),
    entity: t.field({
      type: AdminChangeEntityEnum,
      description: "What kind of thing changed",
      resolve: (c) => orOther(ENTITIES, c.entity),
    }),
    entityId: t.exposeString("entityId", {
      nullable: true,
      description: "The changed record's row id (null for a role: see its `role` field)",
    }),
    action: t.field({ type: AdminChangeActionEnum, description: "What was done", resolve: (c) => orOther(ACTIONS, c.action) }),
    changedBy: t.relation("changedBy", {
      nullable: true,
      description: "Who made it (null: the operator's command line or a scheduled job)",
    }),
    changedByName: t.string({
      description: "Who made it, by display name (or the system, in the request's language)",
      select: { changedBy: { select: { displayName: true } } },
      resolve: (c, _a, ctx) => c.changedBy?.displayName ?? text("changedBySystem", ctx.language),
    }),
    changes: t.field({
      type: [AdminFieldChangeRef],
      description: "Every field kept with the change, before and after",
      select: { before: true, after: true },
      resolve: (c) => fieldChanges(c),
    }),
  }),
});

const AdminChangeFilterInput = builder.inputType("AdminChangeFilter", {
  description: "Issue 17: narrows the change log; every given condition must hold",
  fields: (t) => ({
    entity: t.field({ type: AdminChangeEntityEnum, required: false, description: "Only this kind of thing" }),
    entityId: t.string({ required: false, description: "Only changes of this record (its row id, as in AdminChange.entityId)" }),
    role: t.field({ type: StaffRoleEnum, required: false, description: "Only changes of this role's permissions" }),
    changedBy: t.globalID({ required: false, description: "Only changes this Staff made" }),
    from: t.field({ type: "DateTime", required: false, description: "At or after this instant" }),
    to: t.field({ type: "DateTime", required: false, description: "Before this instant" }),
  }),
});

type FilterArg =
  | {
      entity?: string | null;
      entityId?: string | null;
      role?: AdminChangeFilter["role"];
      changedBy?: { id: string } | null;
      from?: Date | null;
      to?: Date | null;
    }
  | null
  | undefined;

function filterOf(f: FilterArg): AdminChangeFilter {
  const NONE = "00000000-0000-0000-0000-000000000000";
  return {
    entity: f?.entity ?? null,
    role: f?.role ?? null,
    from: f?.from ?? null,
    to: f?.to ?? null,
    entityId: f?.entityId ? (UUID.test(f.entityId) ? f.entityId : NONE) : null,
    changedById: f?.changedBy ? (UUID.test(f.changedBy.id) ? f.changedBy.id : NONE) : null,
  };
}

builder.queryField("adminChanges", (t) =>
  t.prismaConnection(
    {
      type: "AdminChange",
      cursor: "id",
      authScopes: readers,
      description: "Issue 17: the administrative change log, newest first (audit:read or accounts:manage)",
      args: { filter: t.arg({ type: AdminChangeFilterInput, required: false, description: "Which changes" }) },
      totalCount: (_p, args, ctx) => countAdminChanges(signedIn(ctx), filterOf(args.filter)),
      resolve: (query, _r, args, ctx) => findAdminChanges(signedIn(ctx), filterOf(args.filter), query),
    },
    AdminChangeConnection,
  ),
);
