import { decodeGlobalID } from "@pothos/plugin-relay";
import type { Prisma, StaffRole } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { UUID } from "../../domain/access/row-id.ts";
import type { Context } from "../../access/context.ts";
import { directoryScope, mayHandle, pickable, worksOn, type CaseFacts, type StaffPick } from "../../access/staff-directory.ts";
import { InputCheck, InputError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { complaintScope, estateFilter, inOrganization } from "../../access/read-scope.ts";
import { StaffRoleEnum } from "./staff.ts";

export const StaffPickEnum = builder.enumType("StaffPick", {
  description: "What a person is picked for; the directory then lists exactly whom that mutation accepts",
  values: {
    ASSIGNEE: { description: "WF-1: the responsible person of assignComplaint (active staff whose role handles complaints)" },
    ESCALATION: { description: "WF-7: the supervisor of escalateComplaint (active supervisors other than yourself)" },
  },
});

/** The row id inside a global id of `type`; anything else is an InputError on `field`. */
function rowIdOf(value: string | number, type: string, field: string): string {
  let decoded: { typename: string; id: string } | null = null;
  try {
    decoded = decodeGlobalID(String(value));
  } catch {
    // reported below
  }
  if (!decoded || decoded.typename !== type || !UUID.test(decoded.id)) throw new InputError(field, msg("idOfType", { type }));
  return decoded.id.toLowerCase();
}

const MAX_TEXT = 50;
export const STAFF_DIRECTORY_MAX = 200;

const StaffDirectoryFilter = builder.inputType("StaffDirectoryFilter", {
  description: "WF-1, WF-7: narrows the staff directory; every given condition must hold",
  fields: (t) => ({
    pick: t.field({ type: StaffPickEnum, required: false, description: "Only those the named action accepts (implies active)" }),
    complaintId: t.id({
      required: false,
      description: "Only those who could handle this complaint: it is in their estates and they may know it (SEC-2)",
    }),
    departmentId: t.id({ required: false, description: "Members of this department (WF-1: the lead department's)" }),
    estateId: t.id({ required: false, description: "Those who work on this estate (company-level staff included); one of your estates" }),
    roles: t.field({ type: [StaffRoleEnum], required: false, description: "Only these roles (§2)" }),
    text: t.string({
      required: false,
      description: `Part of the name or login (case-insensitive, at most ${MAX_TEXT} characters); contact details are not searched (SEC-7)`,
    }),
    activeOnly: t.boolean({ required: false, defaultValue: true, description: "Default true: deactivated accounts are left out" }),
  }),
});

type Filter = typeof StaffDirectoryFilter.$inferInput;

/** Every bad filter field is reported at once (issue 16), before anything is read. */
async function directoryWhere(ctx: Context, f: Filter | null | undefined): Promise<Prisma.StaffWhereInput> {
  const and: Prisma.StaffWhereInput[] = [directoryScope(ctx)];
  const check = new InputCheck();
  const text = f?.text?.trim();
  check.that(!text || text.length <= MAX_TEXT, "filter.text", msg("atMostCharacters", { max: MAX_TEXT }));
  const complaint =
    f?.complaintId == null
      ? null
      : ((await check.runAsync(async () => {
          const id = rowIdOf(f.complaintId!, "Complaint", "filter.complaintId");
          const c = await ctx.prisma.complaint.findFirst({
            where: { AND: [complaintScope(ctx), { id }] },
            select: { id: true, estateId: true, classification: true },
          });
          if (!c) throw new InputError("filter.complaintId", msg("noComplaintInScope"));
          return c;
        })) ?? null);
  if (f?.departmentId != null) {
    await check.runAsync(async () => {
      const id = rowIdOf(f.departmentId!, "Department", "filter.departmentId");
      if (!(await ctx.prisma.department.findFirst({ where: { id, ...inOrganization(ctx) }, select: { id: true } })))
        throw new InputError("filter.departmentId", msg("noSuchDepartment"));
      and.push({ departmentId: id });
    });
  }
  if (f?.estateId != null) {
    await check.runAsync(async () => {
      const id = rowIdOf(f.estateId!, "Estate", "filter.estateId");
      const mine = estateFilter(ctx);
      if (
        (mine && !mine.in.includes(id)) ||
        !(await ctx.prisma.estate.findFirst({ where: { id, ...inOrganization(ctx) }, select: { id: true } }))
      ) {
        throw new InputError("filter.estateId", msg("noEstateInScope"));
      }
      and.push(worksOn(id));
    });
  }
  check.done();
  if (f?.pick) and.push(pickable(ctx, f.pick as StaffPick, complaint as CaseFacts | null));
  else if (complaint) and.push(mayHandle(complaint, ctx.now));
  if (f?.roles?.length) and.push({ role: { in: f.roles as StaffRole[] } });
  if (text)
    and.push({ OR: [{ displayName: { contains: text, mode: "insensitive" } }, { login: { contains: text, mode: "insensitive" } }] });
  if (f?.activeOnly !== false) and.push({ active: true });
  return { AND: and };
}

interface DirectoryPage {
  where: Prisma.StaffWhereInput;
  limit: number;
}

const StaffDirectoryRef = builder.objectRef<DirectoryPage>("StaffDirectory").implement({
  description: "People to pick, by name; `totalCount` says whether `staff` holds them all (else narrow the filter)",
  fields: (t) => ({
    totalCount: t.int({ description: "Everyone matching the filter", resolve: (p, _a, ctx) => ctx.prisma.staff.count({ where: p.where }) }),
    staff: t.prismaField({
      type: ["Staff"],
      description:
        "At most `limit` of them, by name; each read under the Staff field rules (phone and e-mail: the person or an administrator)",
      resolve: (query, p, _a, ctx) =>
        ctx.prisma.staff.findMany({ ...query, where: p.where, orderBy: [{ displayName: "asc" }, { id: "asc" }], take: p.limit }),
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
      filter: t.arg({ type: StaffDirectoryFilter, required: false, description: "Whom to list; default everyone in your directory" }),
      limit: t.arg.int({ required: false, defaultValue: 100, description: `At most ${STAFF_DIRECTORY_MAX}` }),
    },
    resolve: async (_root, args, ctx) => {
      const limit = args.limit ?? 100;
      if (limit < 1 || limit > STAFF_DIRECTORY_MAX) throw new InputError("limit", msg("directoryLimitRange", { max: STAFF_DIRECTORY_MAX }));
      return { where: await directoryWhere(ctx, args.filter), limit };
    },
  }),
);
