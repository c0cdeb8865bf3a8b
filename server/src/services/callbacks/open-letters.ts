import type { SignedInContext } from "../../access/context.ts";
import { complaintScope, estateFilter } from "../../access/read-scope.ts";
import { InputCheck } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { appendEvents } from "../complaints/timeline.ts";

export interface PublishOpenLetterInput {
  /** The estate's row id; null for a company-wide letter. */
  estateId?: string | null;
  title: string;
  body: string;
  method?: string | null;
  measures?: string | null;
  earliestCompletionAt?: Date | null;
  /** The complaints' row ids. */
  complaintIds: readonly string[];
}

/**
 * CB-9 (001 §2; 000 §6 4.3.7): publishes an open letter, archives it, links it to every complaint
 * it answers and says so on each complaint's timeline. Every bad field is named at once. Returns
 * the letter's id.
 */
export async function publishOpenLetter(ctx: SignedInContext, input: PublishOpenLetterInput): Promise<string> {
  const check = new InputCheck();
  const title = check.text(input.title, "input.title", 200);
  const body = check.text(input.body, "input.body", 20_000);
  const estateId = input.estateId ?? null;
  const scope = estateFilter(ctx);
  check.that(!((estateId && scope && !scope.in.includes(estateId)) || (!estateId && scope)), "input.estateId", msg("openLetterEstate"));
  const ids = [...new Set(input.complaintIds)];
  if (check.that(ids.length > 0, "input.complaintIds", msg("openLetterNoComplaint"))) {
    const found = await ctx.prisma.complaint.findMany({
      where: { id: { in: ids }, ...complaintScope(ctx), ...(estateId ? { estateId } : {}) },
      select: { id: true },
    });
    const count = ids.length - found.length;
    check.that(
      count === 0,
      "input.complaintIds",
      msg(estateId ? "openLetterComplaintsOutOfEstate" : "openLetterComplaintsOutOfScope", { count }),
    );
  }
  check.that(
    !input.earliestCompletionAt || input.earliestCompletionAt >= ctx.now,
    "input.earliestCompletionAt",
    msg("openLetterCompletionFuture"),
  );
  check.done();
  const { organizationId } = ctx;
  const letter = await ctx.prisma.openLetter.create({
    data: {
      organizationId,
      estateId,
      title,
      body,
      method: input.method?.trim() || null,
      measures: input.measures?.trim() || null,
      earliestCompletionAt: input.earliestCompletionAt ?? null,
      publishedAt: ctx.now,
      publishedById: ctx.viewer.staffId,
      archivedAt: ctx.now,
      classification: "INTERNAL",
    },
    select: { id: true },
  });
  await ctx.prisma.openLetterComplaint.createMany({
    data: ids.map((complaintId) => ({ organizationId, openLetterId: letter.id, complaintId })),
  });
  for (const id of ids) await appendEvents(ctx, id, [{ kind: "REPLIED", data: { openLetterId: letter.id, rule: "CB-9", title } }]);
  return letter.id;
}
