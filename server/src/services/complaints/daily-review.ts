import type { Prisma } from "@tingjian/prisma/client";
import type { SignedInContext } from "../../access/context.ts";
import { complaintScope } from "../../access/read-scope.ts";
import { OPEN_STATES } from "../../domain/complaints/workflow.ts";
import { addDays, localDate, localToUtc } from "../../domain/sla/time-zone.ts";
import { InputCheck, InputError, NotFoundError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { requireCaseAccess } from "./editing.ts";
import { appendEvents } from "./timeline.ts";

/**
 * WF-8 daily review (日清日审; 003 1.2, 004 §1 item 4): every working day each open complaint's
 * progress is checked, and those without progress that day are listed for the reviewer. Progress
 * is any timeline event of that local day made by a person, other than the review itself
 * (REVIEWED); the day is the estate's (§6: the estate's timezone, default Asia/Shanghai).
 */

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** One local day in one timezone, as instants: [start, end). */
export interface Day {
  timeZone: string;
  start: Date;
  end: Date;
}

export function dayIn(timeZone: string, date: string): Day {
  return { timeZone, start: new Date(localToUtc(timeZone, date, 0)), end: new Date(localToUtc(timeZone, addDays(date, 1), 0)) };
}

/** WF-8: events that are progress on that day (the review itself is not). */
export function progressOn(days: Day[]): Prisma.ComplaintEventWhereInput {
  const within = (d: Day) => ({ at: { gte: d.start, lt: d.end } });
  // Progress is what people did: the system's own events (a breach escalated, a deadline passed)
  // are not, or a complaint stalled long enough to breach would drop off the list.
  const work = { kind: { not: "REVIEWED" as const }, actorId: { not: null } };
  if (days.length === 1) return { ...work, ...within(days[0]!) };
  return { ...work, OR: days.map((d) => ({ ...within(d), complaint: { estate: { timezone: d.timeZone } } })) };
}

/** WF-8: one complaint's review of one local day (row ids). */
export interface RecordDailyReviewInput {
  complaintId: string;
  /** The local day reviewed (midnight UTC of that date). */
  date: Date;
  note?: string | null;
}

/**
 * WF-8: records the day's review of an open complaint (one per complaint and day) and a REVIEWED
 * event on its timeline. 004 §1 item 4: a complaint that stood still that day gets its follow-up
 * arranged, and that is written down. Returns the review's key.
 */
export async function recordDailyReview(ctx: SignedInContext, input: RecordDailyReviewInput) {
  const complaint = await ctx.prisma.complaint.findFirst({
    where: { id: input.complaintId, AND: [complaintScope(ctx)] },
    select: {
      id: true,
      status: true,
      duplicateOfId: true,
      receivedAt: true,
      classification: true,
      estateId: true,
      receivedById: true,
      estate: { select: { timezone: true } },
    },
  });
  if (!complaint) throw new NotFoundError("Complaint");
  await requireCaseAccess(ctx, complaint);
  const date = isoDate(input.date);
  const day = dayIn(complaint.estate.timezone, date);
  const check = new InputCheck();
  check.that(OPEN_STATES.includes(complaint.status), "input.complaintId", msg("reviewOnlyOpen", { status: complaint.status }));
  check.that(!complaint.duplicateOfId, "input.complaintId", msg("reviewDuplicate"));
  if (check.that(date <= localDate(day.timeZone, ctx.now.getTime()), "input.date", msg("reviewBeforeDay"))) {
    check.that(complaint.receivedAt < day.end, "input.date", msg("reviewReceivedAfterDay"));
  }
  const hadProgress = (await ctx.prisma.complaintEvent.count({ where: { complaintId: complaint.id, ...progressOn([day]) } })) > 0;
  const note = input.note?.trim() || null;
  check.that(hadProgress || !!note, "input.note", msg("reviewNeedsFollowUp"));
  check.that(!note || note.length <= 1000, "input.note", msg("tooLong", { field: "input.note", max: 1000 }));
  check.done();
  // ON CONFLICT DO NOTHING: a second review of the same day is a typed error even under a race,
  // and the transaction stays usable.
  const written = await ctx.prisma.complaintDailyReview.createMany({
    data: [
      {
        organizationId: ctx.organizationId,
        complaintId: complaint.id,
        reviewDate: input.date,
        reviewerId: ctx.viewer.staffId,
        hadProgress,
        note,
      },
    ],
    skipDuplicates: true,
  });
  if (written.count === 0) throw new InputError("input.date", msg("reviewDoneAlready", { date }));
  await appendEvents(ctx, complaint.id, [{ kind: "REVIEWED", note, data: { date, hadProgress } }]);
  return {
    organizationId_complaintId_reviewDate: { organizationId: ctx.organizationId, complaintId: complaint.id, reviewDate: input.date },
  };
}
