import { resolveOffsetConnection } from "@pothos/plugin-relay";
import { builder } from "../../builder.ts";
import { ComplaintConnection } from "../connections.ts";
import { DEFAULT_CONNECTION_SIZE, PAGE_SIZE_CEILING } from "../../limits/settings.ts"; // the page maximum is checked before execution (issue 15 item 2)
import type { Context } from "../../access/context.ts";
import {
  recurrenceTrendSql,
  recurringProblemsSql,
  type RecurrenceMonthRow,
  type RecurrenceQuery,
  type RecurringProblemRow,
} from "../../domain/recurrence/repeat-sql.ts";
import { monthsBetween } from "../../domain/recurrence/months.ts";
import { visibleTopSecretOf } from "../../access/scopes/top-secret-figures.ts";
import { InputError } from "../../errors/typed-errors.ts";
import { estateFilter, inOrganization } from "../../access/read-scope.ts";
import { msg } from "../../i18n/messages.ts";
import { CorrectiveActionRef } from "./corrective-actions.ts";
import { problemComplaintCount, problemComplaintPage } from "./problem-complaints.ts";
import { batched, batchedById, withId } from "../batched.ts";
import { correctiveActionScope } from "../../access/scopes/recurrence.ts";

/** As findUniqueOrThrow: a problem's estate and category exist (the counted complaints reference them). */
function found<R>(row: R | undefined, what: string): R {
  if (row === undefined) throw new Error(`No such ${what}`);
  return row;
}

/**
 * REC-2 figures for the managers who drill into recurring complaints (000 §7 4.9, 002 9.6.2):
 * the places × categories with repeated complaints in a period, most first, and the monthly
 * trend of the recurrence rate (§11). Both are counted by the database over the complaints of the
 * caller's estates that the caller may know exist (SEC-2, SEC-7, issue 15 item 8: a TOP_SECRET
 * complaint only for the executive and those designated), so a problem's count equals the
 * complaints it lists and its first/last instants are those of listed complaints.
 */
const RecurringProblem = builder.objectRef<RecurringProblemRow>("RecurringProblem").implement({
  description: "REC-2: a place × second-level category with repeated complaints in the period",
  fields: (t) => ({
    estate: t.prismaField({
      type: "Estate",
      description: "SPEC §2: the estate of the place",
      resolve: async (query, p, _a, ctx) =>
        found(
          await batchedById(ctx, "RecurringProblem.estate", query, p.estate_id, (q, ids) =>
            ctx.prisma.estate.findMany({ ...q, where: { id: { in: ids } } }),
          ),
          "Estate",
        ),
    }),
    household: t.prismaField({
      type: "Household",
      nullable: true,
      description: "The household; null for a public area",
      resolve: async (query, p, _a, ctx) => {
        // A public area has no household: nothing to load (the selection is read all the same, so
        // that plugin-prisma does not warn about an unused query once per row).
        if (!p.household_id) {
          void { ...query };
          return null;
        }
        return (
          (await batchedById(ctx, "RecurringProblem.household", query, p.household_id, (q, ids) =>
            ctx.prisma.household.findMany({ ...q, where: { id: { in: ids } } }),
          )) ?? null
        );
      },
    }),
    location: t.string({
      nullable: true,
      description: "A public area's location as last written; null for a household",
      resolve: (p) => (p.household_id ? null : p.location),
    }),
    normalizedLocation: t.string({
      nullable: true,
      description: "The location as compared (REC-2: case, width, spaces and punctuation ignored)",
      resolve: (p) => p.place_text,
    }),
    category: t.prismaField({
      type: "Category",
      description: "REC-2: the second-level category",
      resolve: async (query, p, _a, ctx) =>
        found(
          await batchedById(ctx, "RecurringProblem.category", query, p.category_id, (q, ids) =>
            ctx.prisma.category.findMany({ ...q, where: { id: { in: ids } } }),
          ),
          "Category",
        ),
    }),
  }),
});

builder.objectFields(RecurringProblem, (t) => ({
  complaintCount: t.int({
    description: "Complaints involved: each repeat of the period and the complaint it repeats",
    resolve: (p) => p.complaint_count,
  }),
  repeatCount: t.int({ description: "Repeats received in the period", resolve: (p) => p.repeat_count }),
  firstReceivedAt: t.field({
    type: "DateTime",
    description: "When the earliest listed complaint was received",
    resolve: (p) => p.first_received_at,
  }),
  lastReceivedAt: t.field({
    type: "DateTime",
    description: "When the latest listed complaint was received",
    resolve: (p) => p.last_received_at,
  }),
  coveredComplaintCount: t.int({ description: "REC-1: involved complaints a corrective action covers", resolve: (p) => p.covered_count }),
  covered: t.boolean({
    description: "REC-1: a corrective action covers at least one of the complaints",
    resolve: (p) => p.covered_count > 0,
  }),
  complaints: t.prismaConnection(
    {
      type: "Complaint",
      cursor: "id",
      description: "The complaints involved, oldest first (those in your scope)",
      // Issue 6: for the whole page of problems at once (problem-complaints.ts), not one query per problem.
      totalCount: (p, _args, ctx) => problemComplaintCount(ctx, p.complaint_ids),
      resolve: (query, p, _args, ctx) => problemComplaintPage(ctx, query, p.complaint_ids),
    },
    ComplaintConnection,
  ),
  correctiveActions: t.prismaField({
    type: [CorrectiveActionRef],
    description: "REC-1: the corrective actions covering these complaints (those in your scope)",
    resolve: (query, p, _a, ctx) => correctiveActionsOf(ctx, query, p.complaint_ids),
  }),
}));

/** REC-1: the corrective actions (in the caller's scope) covering any of a problem's complaints; batched over the page. */
async function correctiveActionsOf(ctx: Context, query: object, complaintIds: string[]) {
  // One query for the actions of every problem of the page and one for their links to the complaints.
  const actions = await batched(
    ctx,
    `RecurringProblem.correctiveActions ${JSON.stringify(query)}`,
    complaintIds.join(","),
    async (keys) => {
      const all = [...new Set(keys.flatMap((k) => (k ? k.split(",") : [])))];
      const rows = all.length
        ? await ctx.prisma.correctiveAction.findMany({
            ...withId(query),
            where: { AND: [correctiveActionScope(ctx), { complaints: { some: { complaintId: { in: all } } } }] },
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          })
        : [];
      const links = rows.length
        ? await ctx.prisma.correctiveActionComplaint.findMany({
            where: {
              ...inOrganization(ctx),
              correctiveActionId: { in: rows.map((a) => (a as { id: string }).id) },
              complaintId: { in: all },
            },
            select: { correctiveActionId: true, complaintId: true },
          })
        : [];
      const covers = new Map<string, Set<string>>();
      for (const l of links) covers.set(l.correctiveActionId, (covers.get(l.correctiveActionId) ?? new Set()).add(l.complaintId));
      return new Map(
        keys.map((k) => {
          const ids = k ? k.split(",") : [];
          return [k, rows.filter((a) => ids.some((id) => covers.get((a as { id: string }).id)?.has(id)))];
        }),
      );
    },
  );
  return actions ?? [];
}

const RecurringProblemsInput = builder.inputType("RecurringProblemsInput", {
  description: "REC-2: the period and narrowing of the recurring problems",
  fields: (t) => ({
    from: t.field({ type: "DateTime", required: true, description: "The period: received at or after" }),
    to: t.field({ type: "DateTime", required: true, description: "The period: received before" }),
    estateId: t.globalID({ required: false, description: "Only this estate (within your scope)" }),
    categoryId: t.globalID({ required: false, description: "A second-level category, or a first-level one with all below it" }),
    minCount: t.int({ required: false, description: "At least this many complaints involved (default 2, the least a recurrence has)" }),
  }),
});

const RecurrenceTrendInput = builder.inputType("RecurrenceTrendInput", {
  description: "§11, REC-2: the period and narrowing of the trend",
  fields: (t) => ({
    from: t.field({ type: "DateTime", required: true, description: "The period: received at or after" }),
    to: t.field({ type: "DateTime", required: true, description: "The period: received before" }),
    estateId: t.globalID({ required: false, description: "Only this estate (within your scope)" }),
    categoryId: t.globalID({ required: false, description: "A second-level category, or a first-level one with all below it" }),
  }),
});

/** The recurrence query of the caller: its estates (narrowed by the filter), its organisation. */
function recurrenceQuery(
  ctx: Context,
  input: { from: Date; to: Date; estateId?: { id: string } | null; categoryId?: { id: string } | null },
): RecurrenceQuery {
  if (input.to <= input.from) throw new InputError("input.to", msg("recurrencePeriodOrder"));
  if (input.to.getTime() - input.from.getTime() > 10 * 366 * 86_400_000) throw new InputError("input.to", msg("recurrencePeriodTooLong"));
  const scope = estateFilter(ctx)?.in ?? null;
  const estate = input.estateId?.id ?? null;
  const estateIds = estate ? (scope && !scope.includes(estate) ? [] : [estate]) : scope;
  return {
    ...inOrganization(ctx),
    from: input.from,
    to: input.to,
    estateIds,
    categoryId: input.categoryId?.id ?? null,
    forwardedOnly: ctx.viewer?.role === "DEVELOPER_LIAISON",
    visibleTopSecret: visibleTopSecretOf(ctx.viewer),
  };
}

builder.queryField("recurringProblems", (t) =>
  t.connection(
    {
      type: RecurringProblem,
      description:
        "REC-2: places (household, or estate + location of a public area) × second-level category with repeated valid, non-duplicate complaints " +
        "in [from, to) within the policy window, most complaints first (the top list); counted in SQL",
      authScopes: { permission: "reports:read" },
      args: { input: t.arg({ type: RecurringProblemsInput, required: true, description: "The period and narrowing" }) },
      resolve: async (_r, args, ctx) => {
        const q = recurrenceQuery(ctx, args.input);
        const minCount = args.input.minCount ?? 2;
        if (minCount < 2 || minCount > 1000) throw new InputError("input.minCount", msg("recurrenceMinCount"));
        let total: number | null = null;
        const connection = await resolveOffsetConnection(
          { args, defaultSize: DEFAULT_CONNECTION_SIZE, maxSize: PAGE_SIZE_CEILING },
          async ({ limit, offset }) => {
            const rows = await ctx.prisma.$queryRaw<RecurringProblemRow[]>(recurringProblemsSql(q, minCount, limit, offset));
            total = rows[0]?.total ?? (offset === 0 ? 0 : null);
            return rows;
          },
        );
        // A page past the end carries no row to tell the total: count once more from the start.
        if (total === null)
          total = (await ctx.prisma.$queryRaw<RecurringProblemRow[]>(recurringProblemsSql(q, minCount, 1, 0)))[0]?.total ?? 0;
        return { ...connection, totalCount: total };
      },
    },
    {
      name: "RecurringProblemConnection",
      fields: (t) => ({
        totalCount: t.int({
          description: "Recurring problems in all, counted in SQL",
          resolve: (c) => (c as unknown as { totalCount: number }).totalCount,
        }),
      }),
    },
    { name: "RecurringProblemEdge" },
  ),
);

const RecurrenceMonth = builder.objectRef<RecurrenceMonthRow>("RecurrenceMonth").implement({
  description: "§11, REC-2: one month of the recurrence rate (by received-at, in the estate's timezone) with numerator and denominator",
  fields: (t) => ({
    month: t.exposeString("month", { description: "YYYY-MM" }),
    complaints: t.exposeInt("complaints", { description: "Valid non-duplicate complaints received (the denominator)" }),
    repeats: t.exposeInt("repeats", { description: "Of them, repeats (the numerator)" }),
    rate: t.float({
      nullable: true,
      description: "repeats ÷ complaints; null without complaints",
      resolve: (m) => (m.complaints ? m.repeats / m.complaints : null),
    }),
  }),
});

builder.queryField("recurrenceTrend", (t) =>
  t.field({
    type: [RecurrenceMonth],
    description: "§11, REC-2: repeats and valid non-duplicate complaints per month of [from, to), every month listed; counted in SQL",
    authScopes: { permission: "reports:read" },
    args: { input: t.arg({ type: RecurrenceTrendInput, required: true, description: "The period and narrowing" }) },
    resolve: async (_r, args, ctx) => {
      const q = recurrenceQuery(ctx, args.input);
      const rows = await ctx.prisma.$queryRaw<RecurrenceMonthRow[]>(recurrenceTrendSql(q));
      const byMonth = new Map(rows.map((r) => [r.month, r]));
      const months = [...new Set([...monthsBetween(args.input.from, args.input.to), ...byMonth.keys()])].sort();
      return months.map((month) => byMonth.get(month) ?? { month, complaints: 0, repeats: 0 });
    },
  }),
);
