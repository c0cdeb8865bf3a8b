import { decodeGlobalID } from "@pothos/plugin-relay";
import type { Classification, Complaint, Prisma, StaffRole } from "@tingjian/prisma/client";
import { builder, UUID } from "../../builder.ts";
import type { Context } from "../../access/context.ts";
import { ROLE_PERMISSIONS } from "../../domain/access/permissions.ts";
import { SUPERVISOR_ROLES } from "../../domain/access/roles.ts";
import { atLeast } from "../../domain/access/need-to-know.ts";
import { InputError } from "../../errors/typed-errors.ts";
import { complaintScope, estateFilter, inOrganization } from "../../access/read-scope.ts";
import { StaffRoleEnum } from "./staff.ts";

/**
 * Whom an action may name (WF-1 the responsible person, WF-7 the supervisor). The directory and
 * the mutations apply the same `pickable` rule, so that the picker offers exactly whom the
 * mutation accepts.
 */
export type StaffPick = "ASSIGNEE" | "ESCALATION";

export const StaffPickEnum = builder.enumType("StaffPick", {
  description: "What a person is picked for; the directory then lists exactly whom that mutation accepts",
  values: {
    ASSIGNEE: { description: "WF-1: the responsible person of assignComplaint (active staff whose role handles complaints)" },
    ESCALATION: { description: "WF-7: the supervisor of escalateComplaint (active supervisors other than yourself)" },
  },
});

/** Roles that may change complaints (complaints:write): the ones a case can be handed to. */
const HANDLER_ROLES = (Object.keys(ROLE_PERMISSIONS) as StaffRole[]).filter((r) => ROLE_PERMISSIONS[r].includes("complaints:write"));
const LEVELS: readonly Classification[] = ["INTERNAL", "SECRET", "CONFIDENTIAL", "TOP_SECRET"];
const levelsFrom = (floor: Classification) => LEVELS.filter((l) => atLeast(l, floor));

/** §2: staff who work on an estate: company-level accounts and those with the estate in scope. */
const worksOn = (estateId: string): Prisma.StaffWhereInput => ({ OR: [{ allEstates: true }, { estateScopes: { some: { estateId } } }] });

/**
 * §2: the colleagues a caller may look up: people (not service accounts) of its organisation; a
 * caller confined to estates sees the company-level staff and those of its estates.
 */
function directoryScope(ctx: Context): Prisma.StaffWhereInput {
  const estates = estateFilter(ctx);
  return {
    ...inOrganization(ctx), kind: "HUMAN",
    ...(estates ? { OR: [{ allEstates: true }, { estateScopes: { some: { estateId: estates } } }] } : {}),
  };
}

type CaseFacts = Pick<Complaint, "id" | "estateId" | "classification">;

/**
 * SEC-2 (as `knows` in domain/access/need-to-know.ts decides it) and §2: who could handle this
 * case at all: it is in their estates (otherwise they cannot even see it), and they may know it:
 * the executive; whoever is designated for it at its level; else a clearance of at least its
 * level (TOP_SECRET: designation only).
 */
function mayHandle(c: CaseFacts, now: Date): Prisma.StaffWhereInput {
  const designated: Prisma.StaffWhereInput = {
    designations: {
      some: {
        recordType: "COMPLAINT", recordId: c.id, level: { in: [...levelsFrom(c.classification)] }, revokedAt: null,
        OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      },
    },
  };
  const cleared: Prisma.StaffWhereInput[] = c.classification === "TOP_SECRET" ? [] : [{ clearance: { in: [...levelsFrom(c.classification)] } }];
  return { AND: [worksOn(c.estateId), { OR: [{ role: "EXECUTIVE" }, designated, ...cleared] }] };
}

/** WF-1, WF-7: the rule of one pick (for a complaint when one is given). */
export function pickable(ctx: Context, pick: StaffPick, complaint: CaseFacts | null): Prisma.StaffWhereInput {
  const and: Prisma.StaffWhereInput[] = [directoryScope(ctx), { active: true }];
  if (pick === "ASSIGNEE") and.push({ role: { in: HANDLER_ROLES } });
  // WF-7 (000 §1): reported to a supervisor, who decides; not back to oneself.
  else and.push({ role: { in: [...SUPERVISOR_ROLES] }, id: { not: ctx.viewer!.staffId } });
  if (complaint) and.push(mayHandle(complaint, ctx.now));
  return { AND: and };
}

/**
 * WF-1, WF-7: the person an action names, checked by the `pickable` rule (and, for an assignee,
 * membership of the lead department); otherwise an InputError on `field` that says the first
 * reason that applies, never a protected value.
 */
export async function requirePickable(
  ctx: Context, pick: StaffPick, complaint: CaseFacts, staffId: string, field: string, departmentId?: string,
): Promise<string> {
  if (!UUID.test(staffId)) throw new InputError(field, "A Staff id");
  const ok = await ctx.prisma.staff.findFirst({ where: { AND: [pickable(ctx, pick, complaint), { id: staffId }, departmentId ? { departmentId } : {}] }, select: { id: true } });
  if (ok) return ok.id;
  const s = await ctx.prisma.staff.findFirst({
    where: { AND: [directoryScope(ctx), { id: staffId }] },
    select: { active: true, role: true, departmentId: true, allEstates: true, estateScopes: { where: { estateId: complaint.estateId }, select: { id: true } } },
  });
  const reason = !s ? "No such person in your organisation"
    : !s.active ? "That person's account is no longer active"
    : departmentId && s.departmentId !== departmentId ? "The responsible person must be a member of the lead department"
    : pick === "ASSIGNEE" && !HANDLER_ROLES.includes(s.role) ? "That person's role does not handle complaints"
    : pick === "ESCALATION" && !SUPERVISOR_ROLES.includes(s.role) ? "Not a supervisor (department head, office director, company manager, management representative or executive)"
    : pick === "ESCALATION" && staffId === ctx.viewer!.staffId ? "Escalate to a supervisor other than yourself"
    : !s.allEstates && s.estateScopes.length === 0 ? "That person does not work on this complaint's estate and could not see it"
    : "That person may not know this complaint: its classification is above their clearance (SEC-2)";
  throw new InputError(field, reason);
}


/** The row id inside a global id of `type`; anything else is an InputError on `field`. */
function rowIdOf(value: string | number, type: string, field: string): string {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(String(value));
  } catch {
    throw new InputError(field, `A ${type} id`);
  }
  if (decoded.typename !== type || !UUID.test(decoded.id)) throw new InputError(field, `A ${type} id`);
  return decoded.id.toLowerCase();
}

const MAX_TEXT = 50;
export const STAFF_DIRECTORY_MAX = 200;

const StaffDirectoryFilter = builder.inputType("StaffDirectoryFilter", {
  fields: (t) => ({
    pick: t.field({ type: StaffPickEnum, required: false, description: "Only those the named action accepts (implies active)" }),
    complaintId: t.id({ required: false, description: "Only those who could handle this complaint: it is in their estates and they may know it (SEC-2)" }),
    departmentId: t.id({ required: false, description: "Members of this department (WF-1: the lead department's)" }),
    estateId: t.id({ required: false, description: "Those who work on this estate (company-level staff included); one of your estates" }),
    roles: t.field({ type: [StaffRoleEnum], required: false }),
    text: t.string({ required: false, description: `Part of the name or login (case-insensitive, at most ${MAX_TEXT} characters); contact details are not searched (SEC-7)` }),
    activeOnly: t.boolean({ required: false, defaultValue: true, description: "Default true: deactivated accounts are left out" }),
  }),
});

type Filter = typeof StaffDirectoryFilter.$inferInput;

async function directoryWhere(ctx: Context, f: Filter | null | undefined): Promise<Prisma.StaffWhereInput> {
  const and: Prisma.StaffWhereInput[] = [directoryScope(ctx)];
  const text = f?.text?.trim();
  if (text && text.length > MAX_TEXT) throw new InputError("filter.text", `At most ${MAX_TEXT} characters`);
  let complaint: CaseFacts | null = null;
  if (f?.complaintId != null) {
    const id = rowIdOf(f.complaintId, "Complaint", "filter.complaintId");
    complaint = await ctx.prisma.complaint.findFirst({ where: { AND: [complaintScope(ctx), { id }] }, select: { id: true, estateId: true, classification: true } });
    if (!complaint) throw new InputError("filter.complaintId", "No such complaint in your scope");
  }
  if (f?.departmentId != null) {
    const id = rowIdOf(f.departmentId, "Department", "filter.departmentId");
    if (!(await ctx.prisma.department.findFirst({ where: { id, ...inOrganization(ctx) }, select: { id: true } }))) throw new InputError("filter.departmentId", "No such department");
    and.push({ departmentId: id });
  }
  if (f?.estateId != null) {
    const id = rowIdOf(f.estateId, "Estate", "filter.estateId");
    const mine = estateFilter(ctx);
    if ((mine && !mine.in.includes(id)) || !(await ctx.prisma.estate.findFirst({ where: { id, ...inOrganization(ctx) }, select: { id: true } }))) {
      throw new InputError("filter.estateId", "No such estate in your scope");
    }
    and.push(worksOn(id));
  }
  if (f?.pick) and.push(pickable(ctx, f.pick as StaffPick, complaint));
  else if (complaint) and.push(mayHandle(complaint, ctx.now));
  if (f?.roles?.length) and.push({ role: { in: f.roles as StaffRole[] } });
  if (text) and.push({ OR: [{ displayName: { contains: text, mode: "insensitive" } }, { login: { contains: text, mode: "insensitive" } }] });
  if (f?.activeOnly !== false) and.push({ active: true });
  return { AND: and };
}

interface DirectoryPage { where: Prisma.StaffWhereInput; limit: number }

const StaffDirectoryRef = builder.objectRef<DirectoryPage>("StaffDirectory").implement({
  description: "People to pick, by name; `totalCount` says whether `staff` holds them all (else narrow the filter)",
  fields: (t) => ({
    totalCount: t.int({ description: "Everyone matching the filter", resolve: (p, _a, ctx) => ctx.prisma.staff.count({ where: p.where }) }),
    staff: t.prismaField({
      type: ["Staff"],
      description: "At most `limit` of them, by name; each read under the Staff field rules (phone and e-mail: the person or an administrator)",
      resolve: (query, p, _a, ctx) => ctx.prisma.staff.findMany({ ...query, where: p.where, orderBy: [{ displayName: "asc" }, { id: "asc" }], take: p.limit }),
    }),
  }),
});

builder.queryField("staffDirectory", (t) =>
  t.field({
    type: StaffDirectoryRef,
    description:
      "WF-1, WF-7: colleagues to pick for an action — your organisation's people (no service accounts), for a caller confined to estates " +
      `those of its estates and the company-level ones (§2). Bad input (an id of another type or outside your scope, a text over ${MAX_TEXT} ` +
      `characters, limit outside 1..${STAFF_DIRECTORY_MAX}) is a BAD_USER_INPUT error naming the field`,
    authScopes: { permission: "complaints:write" },
    args: {
      filter: t.arg({ type: StaffDirectoryFilter, required: false }),
      limit: t.arg.int({ required: false, defaultValue: 100, description: `At most ${STAFF_DIRECTORY_MAX}` }),
    },
    resolve: async (_root, args, ctx) => {
      const limit = args.limit ?? 100;
      if (limit < 1 || limit > STAFF_DIRECTORY_MAX) throw new InputError("limit", `limit must be between 1 and ${STAFF_DIRECTORY_MAX}; narrow the filter instead`);
      return { where: await directoryWhere(ctx, args.filter), limit };
    },
  }),
);
