import type { Prisma } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { CASE_REF, caseText, handlingText } from "./handling-records.ts";
import type { Context } from "../../access/context.ts";
import { OPEN_STATES } from "../../domain/complaints/workflow.ts";
import { localToUtc } from "../../domain/sla/time-zone.ts";
import { InputError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { dayIn, isoDate, progressOn, recordDailyReview, type Day } from "../../services/complaints/daily-review.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { complaintScope, estateFilter, inOrganization } from "../../access/read-scope.ts";

/**
 * WF-8 daily review (日清日审; 003 1.2, 004 §1 item 4): the list of open complaints of a local day
 * (those without progress by default) and the resolver of the review command
 * (services/complaints/daily-review.ts, which defines progress and the local day).
 */

/** 004 §1 item 4: "每天下午4点之前将所有安排过的客户所提问题进展程度摸清". */
const REVIEW_DUE_MINUTE = 16 * 60;

/** The timezones of the estates asked about (one, or all of the caller's), each with its local day. */
async function daysInScope(ctx: Context, date: string, estateId: string | undefined): Promise<Day[]> {
  const scope = estateFilter(ctx);
  if (estateId && scope && !scope.in.includes(estateId)) throw new InputError("estateId", msg("recordsEstateNotInScope"));
  const estates = await ctx.prisma.estate.findMany({
    where: { ...inOrganization(ctx), AND: [scope ? { id: scope } : {}, estateId ? { id: estateId } : {}] },
    distinct: ["timezone"],
    select: { timezone: true },
  });
  if (estateId && estates.length === 0) throw new InputError("estateId", msg("recordsEstateNotInScope"));
  return estates.map((e) => dayIn(e.timezone, date));
}

/**
 * WF-8: the complaints open that day (current status open, received before the day ended,
 * duplicates excluded: INT-4 records a problem once), optionally only those without progress.
 * All of it is one SQL query (NOT EXISTS on the events), never events loaded into memory.
 */
function reviewWhere(ctx: Context, days: Day[], estateId: string | undefined, withoutProgressOnly: boolean): Prisma.ComplaintWhereInput {
  return {
    AND: [
      complaintScope(ctx),
      {
        status: { in: [...OPEN_STATES] },
        duplicateOfId: null,
        ...(estateId ? { estateId } : {}),
        OR: days.map((d) => ({
          estate: { timezone: d.timeZone },
          receivedAt: { lt: d.end },
          ...(withoutProgressOnly ? { events: { none: progressOn([d]) } } : {}),
        })),
      },
    ],
  };
}

const ComplaintDailyReview = builder.prismaObject("ComplaintDailyReview", {
  description: "WF-8: one complaint's daily review",
  fields: (t) => ({
    reviewDate: t.expose("reviewDate", { type: "Date", description: "The local day reviewed" }),
    hadProgress: t.exposeBoolean("hadProgress", { description: "Whether the complaint had progress that day when it was reviewed" }),
    note: t.string({
      nullable: true,
      description: "The follow-up arranged (004 §1 item 4: handover for the next day, progress told to the customer)",
      select: CASE_REF,
      extensions: handlingText,
      resolve: (r, _a, ctx) => caseText(ctx, r, r.note),
    }),
    reviewer: t.relation("reviewer", { nullable: true, description: "Who reviewed it" }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the review was recorded" }),
    complaint: t.relation("complaint", { description: "The complaint reviewed" }),
  }),
});

/** What the page's edges know besides the complaint; filled by one query each per page. */
const edgeFacts = new WeakMap<object, { hadProgress: boolean; review: unknown }>();

builder.queryField("dailyReview", (t) =>
  t.prismaConnection(
    {
      type: "Complaint",
      cursor: "id",
      description:
        "WF-8: the open complaints of your estates on `date` (their local day), oldest first; by default only those without progress that day",
      authScopes: { permission: "complaints:read" },
      args: {
        date: t.arg({ type: "Date", required: true, description: "The local day (each estate's timezone, §6)" }),
        estateId: t.arg.globalID({ required: false, description: "Only this estate (default: all of your scope)" }),
        withoutProgressOnly: t.arg.boolean({
          required: false,
          defaultValue: true,
          description: "Only the complaints without progress that day (default true)",
        }),
      },
      totalCount: async (_p, args, ctx) => {
        const days = await daysInScope(ctx, isoDate(args.date), args.estateId?.id);
        return days.length
          ? ctx.prisma.complaint.count({ where: reviewWhere(ctx, days, args.estateId?.id, args.withoutProgressOnly ?? true) })
          : 0;
      },
      resolve: async (query, _r, args, ctx) => {
        const estateId = args.estateId?.id;
        const days = await daysInScope(ctx, isoDate(args.date), estateId);
        if (days.length === 0) return [];
        const withoutProgressOnly = args.withoutProgressOnly ?? true;
        const rows = await ctx.prisma.complaint.findMany({
          ...query,
          where: reviewWhere(ctx, days, estateId, withoutProgressOnly),
          orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
        });
        const ids = rows.map((r) => r.id);
        // One query each for the page (the request's transaction runs one statement at a time).
        const progressed = withoutProgressOnly
          ? []
          : await ctx.prisma.complaintEvent.groupBy({ by: ["complaintId"], where: { complaintId: { in: ids }, ...progressOn(days) } });
        const reviews = await ctx.prisma.complaintDailyReview.findMany({ where: { complaintId: { in: ids }, reviewDate: args.date } });
        const withProgress = new Set(progressed.map((p) => p.complaintId));
        for (const r of rows)
          edgeFacts.set(r, { hadProgress: withProgress.has(r.id), review: reviews.find((v) => v.complaintId === r.id) ?? null });
        return rows;
      },
    },
    {
      name: "DailyReviewConnection",
      description:
        "WF-8: a page of the daily review: the complaints to review on a day; its edges carry the day's `hadProgress` and `review` (so it is not the shared ComplaintConnection)",
    },
    {
      name: "DailyReviewEdge",
      description: "One complaint of the daily review, with what happened to it that day",
      fields: (e) => ({
        hadProgress: e.boolean({
          description: "Whether the complaint had progress that day",
          resolve: (edge) => edgeFacts.get(edge.node)?.hadProgress ?? false,
        }),
        review: e.field({
          type: ComplaintDailyReview,
          nullable: true,
          description: "The review recorded for that day, if any",
          resolve: (edge) => (edgeFacts.get(edge.node)?.review ?? null) as never,
        }),
      }),
    },
  ),
);

builder.queryField("dailyReviewDueAt", (t) =>
  t.withAuth({ permission: "complaints:read" }).field({
    type: "DateTime",
    description:
      "WF-8, 004 §1 item 4: the daily review of `date` is done before 16:00 local time (the estate's timezone, else the organisation's)",
    args: {
      date: t.arg({ type: "Date", required: true, description: "The local day" }),
      estateId: t.arg.globalID({ required: false, description: "The estate whose timezone counts (default: the organisation's)" }),
    },
    resolve: async (_r, args, ctx) => {
      const date = isoDate(args.date);
      const [day] = args.estateId
        ? await daysInScope(ctx, date, args.estateId.id)
        : [
            dayIn(
              (await ctx.prisma.organization.findUniqueOrThrow({ where: { id: ctx.organizationId }, select: { timezone: true } })).timezone,
              date,
            ),
          ];
      return new Date(localToUtc(day!.timeZone, date, REVIEW_DUE_MINUTE));
    },
  }),
);

const RecordDailyReviewInput = builder.inputType("RecordDailyReviewInput", {
  description: "WF-8: one complaint's review of one local day",
  fields: (t) => ({
    complaintId: t.globalID({ required: true, description: "The open complaint reviewed" }),
    date: t.field({ type: "Date", required: true, description: "The local day reviewed; not after today" }),
    note: t.string({
      required: false,
      description: "The follow-up arranged; required when the complaint had no progress that day (at most 1000 characters)",
    }),
  }),
});

builder.mutationField("recordDailyReview", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: ComplaintDailyReview,
    description: "WF-8: records the day's review of an open complaint (one per complaint and day) and a REVIEWED event on its timeline",
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: RecordDailyReviewInput, required: true, description: "The complaint, the day and the follow-up" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const where = await recordDailyReview(ctx, { complaintId: input.complaintId.id, date: input.date, note: input.note });
      return ctx.prisma.complaintDailyReview.findUniqueOrThrow({ ...nonEmpty(query), where });
    },
  }),
);

builder.prismaObjectField("Complaint", "dailyReviews", (t) =>
  t.relation("dailyReviews", {
    description: "WF-8: every daily review of this complaint, oldest first",
    query: { orderBy: { reviewDate: "asc" } },
  }),
);
