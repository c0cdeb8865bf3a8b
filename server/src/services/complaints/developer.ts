import type { SignedInContext } from "../../access/context.ts";
import { developerDeadline } from "../../domain/sla/stages.ts";
import { InputCheck, InputError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { complaintForEdit, performAction } from "./editing.ts";
import { SlaCache } from "./sla-stages.ts";

export interface ForwardToDeveloperInput {
  id: string;
  version: number;
  developerName: string;
  developerContact?: string | null;
  plan?: string | null;
}

/** WF-5, SLA-7: after engineering's plan, an in-warranty defect goes to the developer, who answers within the deadline or is deemed to accept. */
export async function forwardComplaintToDeveloper(ctx: SignedInContext, input: ForwardToDeveloperInput): Promise<number> {
  const row = await complaintForEdit(ctx, input.id, input.version);
  const check = new InputCheck();
  const developerName = check.text(input.developerName, "input.developerName", 200);
  check.done();
  const plan =
    input.plan?.trim() ||
    (
      await ctx.prisma.complaintPlan.findFirst({
        where: { complaintId: row.id, status: { not: "SUPERSEDED" } },
        orderBy: { createdAt: "desc" },
        select: { plan: true },
      })
    )?.plan ||
    null;
  const cache = new SlaCache();
  const estate = await ctx.prisma.estate.findUniqueOrThrow({ where: { id: row.estateId }, select: { calendarId: true } });
  const deadlineAt = developerDeadline(
    await cache.policy(ctx.prisma, row.organizationId, row.estateId),
    await cache.calendar(ctx.prisma, row.organizationId, estate.calendarId),
    ctx.now,
  );
  // The hand-off exists before the stages are re-planned, so the developer's clock starts with it.
  await ctx.prisma.developerHandoff.create({
    data: {
      organizationId: ctx.organizationId,
      complaintId: row.id,
      developerName,
      developerContact: input.developerContact?.trim() || null,
      plan,
      forwardedAt: ctx.now,
      forwardedById: ctx.viewer.staffId,
      deadlineAt,
    },
  });
  return performAction(ctx, row, "FORWARD_TO_DEVELOPER", {
    patch: { forwardedToDeveloperAt: ctx.now, developerDeadlineAt: deadlineAt },
    events: [{ kind: "FORWARDED_TO_DEVELOPER", data: { deadlineAt: deadlineAt.toISOString(), developerName } }],
  });
}

export interface DeveloperAnswerInput {
  id: string;
  version: number;
  accepted: boolean;
  response: string;
}

/** WF-5: the developer's answer within the deadline; work goes on either way (a refusal is on record for the cost). */
export async function recordDeveloperAnswer(ctx: SignedInContext, input: DeveloperAnswerInput): Promise<number> {
  const row = await complaintForEdit(ctx, input.id, input.version);
  const check = new InputCheck();
  const response = check.text(input.response, "input.response", 4000);
  check.done();
  const handoff = await ctx.prisma.developerHandoff.findFirst({ where: { complaintId: row.id }, orderBy: { forwardedAt: "desc" } });
  if (handoff && ctx.now >= handoff.deadlineAt)
    throw new InputError("input.id", msg("developerDeadlinePassed", { deadline: handoff.deadlineAt.toISOString() }));
  if (handoff)
    await ctx.prisma.developerHandoff.update({
      where: { id: handoff.id },
      data: { respondedAt: ctx.now, response, accepted: input.accepted, version: { increment: 1 } },
    });
  return performAction(ctx, row, "DEVELOPER_ANSWERED", {
    note: response,
    events: [{ kind: "DEVELOPER_ANSWERED", note: response, data: { accepted: input.accepted } }],
  });
}
