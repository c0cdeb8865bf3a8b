import type { Prisma } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { CASE_REF, caseText, handlingText } from "./handling-records.ts";
import type { Context } from "../../access/context.ts";
import { OPEN_STATES } from "../../domain/complaints/workflow.ts";
import { addDays, localDate, localToUtc } from "../../domain/sla/time-zone.ts";
import { InputError, NotFoundError } from "../../errors/typed-errors.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { complaintScope, estateFilter, inOrganization } from "../../access/read-scope.ts";
import { appendEvents, requireCaseAccess } from "./editing.ts";

/**
 * WF-8 daily review (日清日审; 003 1.2, 004 §1 item 4): every working day each open complaint's
 * progress is checked, and those without progress that day are listed for the reviewer. Progress
 * is any timeline event of that local day made by a person, other than the review itself (REVIEWED); the day is
 * the estate's (§6: the estate's timezone, default Asia/Shanghai).
 */

/** 004 §1 item 4: "每天下午4点之前将所有安排过的客户所提问题进展程度摸清". */
const REVIEW_DUE_MINUTE = 16 * 60;

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** One local day in one timezone, as instants: [start, end). */
interface Day { timeZone: string; start: Date; end: Date }

function dayIn(timeZone: string, date: string): Day {
  return { timeZone, start: new Date(localToUtc(timeZone, date, 0)), end: new Date(localToUtc(timeZone, addDays(date, 1), 0)) };
}

/** The timezones of the estates asked about (one, or all of the caller's), each with its local day. */
async function daysInScope(ctx: Context, date: string, estateId: string | undefined): Promise<Day[]> {
  const scope = estateFilter(ctx);
  if (estateId && scope && !scope.in.includes(estateId)) throw new InputError("estateId", "No such estate in your scope");
  const estates = await ctx.prisma.estate.findMany({
    where: { ...inOrganization(ctx), AND: [scope ? { id: scope } : {}, estateId ? { id: estateId } : {}] },
    distinct: ["timezone"], select: { timezone: true },
  });
  if (estateId && estates.length === 0) throw new InputError("estateId", "No such estate in your scope");
  return estates.map((e) => dayIn(e.timezone, date));
}

/** WF-8: events that are progress on that day (the review itself is not). */
function progressOn(days: Day[]): Prisma.ComplaintEventWhereInput {
  const within = (d: Day) => ({ at: { gte: d.start, lt: d.end } });
  // Progress is what people did: the system's own events (a breach escalated, a deadline passed)
  // are not, or a complaint stalled long enough to breach would drop off the list.
  const work = { kind: { not: "REVIEWED" as const }, actorId: { not: null } };
  if (days.length === 1) return { ...work, ...within(days[0]!) };
  return { ...work, OR: days.map((d) => ({ ...within(d), complaint: { estate: { timezone: d.timeZone } } })) };
}

/**
 * WF-8: the complaints open that day (current status open, received before the day ended,
 * duplicates excluded: INT-4 records a problem once), optionally only those without progress.
 * All of it is one SQL query (NOT EXISTS on the events), never events loaded into memory.
 */
function reviewWhere(ctx: Context, days: Day[], estateId: string | undefined, withoutProgressOnly: boolean): Prisma.ComplaintWhereInput {
  return {
    AND: [complaintScope(ctx), {
      status: { in: [...OPEN_STATES] },
      duplicateOfId: null,
      ...(estateId ? { estateId } : {}),
      OR: days.map((d) => ({
        estate: { timezone: d.timeZone },
        receivedAt: { lt: d.end },
        ...(withoutProgressOnly ? { events: { none: progressOn([d]) } } : {}),
      })),
    }],
  };
}

const ComplaintDailyReview = builder.prismaObject("ComplaintDailyReview", {
  description: "WF-8: one complaint's daily review",
  fields: (t) => ({
    reviewDate: t.expose("reviewDate", { type: "Date" }),
    hadProgress: t.exposeBoolean("hadProgress", { description: "Whether the complaint had progress that day when it was reviewed" }),
    note: t.string({
      nullable: true, description: "The follow-up arranged (004 §1 item 4: handover for the next day, progress told to the customer)",
      select: CASE_REF, extensions: handlingText, resolve: (r, _a, ctx) => caseText(ctx, r, r.note),
    }),
    reviewer: t.relation("reviewer", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    complaint: t.relation("complaint"),
  }),
});

/** What the page's edges know besides the complaint; filled by one query each per page. */
const edgeFacts = new WeakMap<object, { hadProgress: boolean; review: unknown }>();

builder.queryField("dailyReview", (t) =>
  t.prismaConnection(
    {
      type: "Complaint",
      cursor: "id",
      description: "WF-8: the open complaints of your estates on `date` (their local day), oldest first; by default only those without progress that day",
      authScopes: { permission: "complaints:read" },
      args: {
        date: t.arg({ type: "Date", required: true }),
        estateId: t.arg.globalID({ required: false }),
        withoutProgressOnly: t.arg.boolean({ required: false, defaultValue: true }),
      },
      totalCount: async (_p, args, ctx) => {
        const days = await daysInScope(ctx, isoDate(args.date), args.estateId?.id);
        return days.length ? ctx.prisma.complaint.count({ where: reviewWhere(ctx, days, args.estateId?.id, args.withoutProgressOnly ?? true) }) : 0;
      },
      resolve: async (query, _r, args, ctx) => {
        const estateId = args.estateId?.id;
        const days = await daysInScope(ctx, isoDate(args.date), estateId);
        if (days.length === 0) return [];
        const withoutProgressOnly = args.withoutProgressOnly ?? true;
        const rows = await ctx.prisma.complaint.findMany({ ...query, where: reviewWhere(ctx, days, estateId, withoutProgressOnly), orderBy: [{ receivedAt: "asc" }, { id: "asc" }] });
        const ids = rows.map((r) => r.id);
        // One query each for the page (the request's transaction runs one statement at a time).
        const progressed = withoutProgressOnly ? [] : await ctx.prisma.complaintEvent.groupBy({ by: ["complaintId"], where: { complaintId: { in: ids }, ...progressOn(days) } });
        const reviews = await ctx.prisma.complaintDailyReview.findMany({ where: { complaintId: { in: ids }, reviewDate: args.date } });
        const withProgress = new Set(progressed.map((p) => p.complaintId));
        for (const r of rows) edgeFacts.set(r, { hadProgress: withProgress.has(r.id), review: reviews.find((v) => v.complaintId === r.id) ?? null });
        return rows;
      },
    },
    {},
    {
      fields: (e) => ({
        hadProgress: e.boolean({ description: "Whether the complaint had progress that day", resolve: (edge) => edgeFacts.get(edge.node)?.hadProgress ?? false }),
        review: e.field({ type: ComplaintDailyReview, nullable: true, description: "The review recorded for that day, if any", resolve: (edge) => (edgeFacts.get(edge.node)?.review ?? null) as never }),
      }),
    },
  ),
);

builder.queryField("dailyReviewDueAt", (t) =>
  t.field({
    type: "DateTime",
    description: "WF-8, 004 §1 item 4: the daily review of `date` is done before 16:00 local time (the estate's timezone, else the organisation's)",
    authScopes: { permission: "complaints:read" },
    args: { date: t.arg({ type: "Date", required: true }), estateId: t.arg.globalID({ required: false }) },
    resolve: async (_r, args, ctx) => {
      const date = isoDate(args.date);
      const [day] = args.estateId
        ? await daysInScope(ctx, date, args.estateId.id)
        : [dayIn((await ctx.prisma.organization.findUniqueOrThrow({ where: { id: ctx.organizationId! }, select: { timezone: true } })).timezone, date)];
      return new Date(localToUtc(day!.timeZone, date, REVIEW_DUE_MINUTE));
    },
  }),
);

const RecordDailyReviewInput = builder.inputType("RecordDailyReviewInput", {
  fields: (t) => ({
    complaintId: t.globalID({ required: true }),
    date: t.field({ type: "Date", required: true, description: "The local day reviewed; not after today" }),
    note: t.string({ required: false, description: "The follow-up arranged; required when the complaint had no progress that day" }),
  }),
});

builder.mutationField("recordDailyReview", (t) =>
  t.prismaField({
    type: ComplaintDailyReview,
    description: "WF-8: records the day's review of an open complaint (one per complaint and day) and a REVIEWED event on its timeline",
    authScopes: { permission: "complaints:write" },
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: RecordDailyReviewInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const complaint = await ctx.prisma.complaint.findFirst({
        where: { id: input.complaintId.id, AND: [complaintScope(ctx)] },
        select: { id: true, status: true, duplicateOfId: true, receivedAt: true, classification: true, estateId: true, receivedById: true, estate: { select: { timezone: true } } },
      });
      if (!complaint) throw new NotFoundError("Complaint");
      await requireCaseAccess(ctx, complaint);
      if (!OPEN_STATES.includes(complaint.status)) throw new InputError("input.complaintId", `Only open complaints are reviewed (WF-8); this one is ${complaint.status}`);
      if (complaint.duplicateOfId) throw new InputError("input.complaintId", "A duplicate is reviewed with its first report (INT-4)");
      const date = isoDate(input.date);
      const timeZone = complaint.estate.timezone;
      if (date > localDate(timeZone, ctx.now.getTime())) throw new InputError("input.date", "A day is reviewed on or after that day, not before");
      const day = dayIn(timeZone, date);
      if (complaint.receivedAt >= day.end) throw new InputError("input.date", "The complaint was received after that day");
      const hadProgress = (await ctx.prisma.complaintEvent.count({ where: { complaintId: complaint.id, ...progressOn([day]) } })) > 0;
      const note = input.note?.trim() || null;
      // 004 §1 item 4: a complaint that stood still gets its follow-up arranged, and that is written down.
      if (!hadProgress && !note) throw new InputError("input.note", "No progress that day: note the follow-up arranged");
      if (note && note.length > 1000) throw new InputError("input.note", "note is longer than 1000 characters");
      // ON CONFLICT DO NOTHING: a second review of the same day is a typed error even under a race,
      // and the transaction stays usable.
      const written = await ctx.prisma.complaintDailyReview.createMany({
        data: [{ organizationId: ctx.organizationId!, complaintId: complaint.id, reviewDate: input.date, reviewerId: ctx.viewer!.staffId, hadProgress, note }],
        skipDuplicates: true,
      });
      if (written.count === 0) throw new InputError("input.date", `The complaint was already reviewed for ${date}`);
      await appendEvents(ctx, complaint.id, [{ kind: "REVIEWED", note, data: { date, hadProgress } }]);
      return ctx.prisma.complaintDailyReview.findUniqueOrThrow({
        ...nonEmpty(query),
        where: { organizationId_complaintId_reviewDate: { organizationId: ctx.organizationId!, complaintId: complaint.id, reviewDate: input.date } },
      });
    },
  }),
);

builder.prismaObjectField("Complaint", "dailyReviews", (t) =>
  t.relation("dailyReviews", { description: "WF-8: every daily review of this complaint, oldest first", query: { orderBy: { reviewDate: "asc" } } }));
