import type { SignedInContext } from "../../access/context.ts";
import { directoryScope, HANDLER_ROLES, pickable, type CaseFacts, type StaffPick } from "../../access/staff-directory.ts";
import { SUPERVISOR_ROLES } from "../../domain/access/roles.ts";
import { UUID } from "../../domain/access/row-id.ts";
import { InputError } from "../../errors/typed-errors.ts";
import { msg, type MessageKey } from "../../i18n/messages.ts";

/**
 * WF-1, WF-7: the person an action names, checked by the `pickable` rule (and, for an assignee,
 * membership of the lead department); otherwise an InputError on `field` that says the first
 * reason that applies, never a protected value. Returns the person's row id.
 */
export async function requirePickable(
  ctx: SignedInContext,
  pick: StaffPick,
  complaint: CaseFacts,
  staffId: string,
  field: string,
  departmentId?: string,
): Promise<string> {
  if (!UUID.test(staffId)) throw new InputError(field, msg("staffIdExpected"));
  const ok = await ctx.prisma.staff.findFirst({
    where: { AND: [pickable(ctx, pick, complaint), { id: staffId }, departmentId ? { departmentId } : {}] },
    select: { id: true },
  });
  if (ok) return ok.id;
  const s = await ctx.prisma.staff.findFirst({
    where: { AND: [directoryScope(ctx), { id: staffId }] },
    select: {
      active: true,
      role: true,
      departmentId: true,
      allEstates: true,
      estateScopes: { where: { estateId: complaint.estateId }, select: { id: true } },
    },
  });
  const reason: MessageKey = !s
    ? "pickNoSuchPerson"
    : !s.active
      ? "pickInactive"
      : departmentId && s.departmentId !== departmentId
        ? "pickNotInLeadDepartment"
        : pick === "ASSIGNEE" && !HANDLER_ROLES.includes(s.role)
          ? "pickNotHandler"
          : pick === "ESCALATION" && !SUPERVISOR_ROLES.includes(s.role)
            ? "pickNotSupervisor"
            : pick === "ESCALATION" && staffId === ctx.viewer.staffId
              ? "pickSelf"
              : !s.allEstates && s.estateScopes.length === 0
                ? "pickOtherEstate"
                : "pickCannotKnow";
  throw new InputError(field, msg(reason));
}
