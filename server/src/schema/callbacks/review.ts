import { msg } from "../../i18n/messages.ts";
import type { Prisma } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { policyAt } from "../../domain/policies/policy-at.ts";
import type { Context } from "../../access/context.ts";
import { addDays, localToUtc } from "../../domain/sla/time-zone.ts";
import { InputError } from "../../errors/typed-errors.ts";
import { nonEmpty } from "../prisma-query.ts";
import { estateFilter, inOrganization } from "../../access/read-scope.ts";
import { figureRatios } from "../../services/reports/figures.ts";
import { signedIn } from "../../access/context.ts";
import { callbackScope } from "../../access/scopes/callbacks.ts";
import { reviewCallback } from "../../services/callbacks/review.ts";
import { CALLBACK_ERRORS } from "./record.ts";

/** CB-10: reviewing callback records, and the month's callback statistics for leadership. */

const ReviewCallbackInput = builder.inputType("ReviewCallbackInput", {
  description: "CB-10: a supervisor's review of a callback record",
  fields: (t) => ({
    id: t.globalID({ required: true, description: "The callback (one that was made)" }),
    version: t.int({ required: true, description: "The version read; a stale one gets a CallbackConflictError and changes nothing" }),
    note: t.string({ required: false, description: "The reviewer's note" }),
  }),
});

builder.mutationField("reviewCallback", (t) =>
  t.withAuth({ permission: "complaints:write" }).prismaField({
    type: "Callback",
    description: "CB-10: a supervisor reviews and signs a callback record (not one they made themselves)",
    errors: { types: CALLBACK_ERRORS },
    args: { input: t.arg({ type: ReviewCallbackInput, required: true, description: "The review" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await reviewCallback(ctx, { ...input, id: input.id.id });
      return ctx.prisma.callback.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);

interface Ratio {
  numerator: number;
  denominator: number;
}
interface CallbackStats {
  month: string;
  callbackRate: Ratio;
  target: number | null;
  made: number;
  reached: number;
  satisfaction: Ratio;
  phoneShare: Ratio;
  overdue: number;
  unreviewed: number;
  issues: Ratio;
}

export const RatioRef = builder.objectRef<Ratio>("Ratio").implement({
  description: "§11: every figure with its numerator and denominator",
  fields: (t) => ({
    numerator: t.exposeInt("numerator", { description: "§11: what is counted" }),
    denominator: t.exposeInt("denominator", { description: "§11: what it is counted among" }),
    rate: t.float({
      nullable: true,
      description: "numerator ÷ denominator; null when the denominator is 0",
      resolve: (r) => (r.denominator ? r.numerator / r.denominator : null),
    }),
  }),
});

const CallbackStatsRef = builder.objectRef<CallbackStats>("CallbackStatistics").implement({
  description: "CB-10: the month's callback statistics for leadership (§11 definitions)",
  fields: (t) => ({
    month: t.exposeString("month", { description: "The month, YYYY-MM in Asia/Shanghai" }),
    callbackRate: t.field({
      type: RatioRef,
      description: "Confirmed complaints called back (reached) within SLA-10/SLA-11 ÷ confirmed complaints due for a callback",
      resolve: (s) => s.callbackRate,
    }),
    target: t.float({ nullable: true, description: "CB-1.callbackRate in force at the month's start (percent)", resolve: (s) => s.target }),
    targetMet: t.boolean({
      nullable: true,
      description: "CB-1: the callback rate reached the target (null: no target or nothing due)",
      resolve: (s) =>
        s.target === null || !s.callbackRate.denominator ? null : (100 * s.callbackRate.numerator) / s.callbackRate.denominator >= s.target,
    }),
    made: t.exposeInt("made", { description: "Callbacks made in the month (reached or not)" }),
    reached: t.exposeInt("reached", { description: "Callbacks made in the month that reached the customer" }),
    satisfaction: t.field({
      type: RatioRef,
      description: "Satisfied ÷ reached customers who gave a verdict",
      resolve: (s) => s.satisfaction,
    }),
    phoneShare: t.field({ type: RatioRef, description: "CB-5: phone callbacks ÷ callbacks made", resolve: (s) => s.phoneShare }),
    overdue: t.exposeInt("overdue", { description: "Planned callbacks past due at the month's end" }),
    unreviewed: t.exposeInt("unreviewed", { description: "CB-10: made in the month, not yet reviewed" }),
    issues: t.field({
      type: RatioRef,
      description: "§11 callback resolution rate: issues raised in the month's callbacks, resolved ÷ raised",
      resolve: (s) => s.issues,
    }),
  }),
});

builder.queryField("callbackStatistics", (t) =>
  t.field({
    type: CallbackStatsRef,
    description: "CB-10: monthly callback statistics (month as YYYY-MM in Asia/Shanghai), counted in SQL",
    authScopes: { permission: "reports:read" },
    args: {
      month: t.arg.string({ required: true, description: "YYYY-MM (Asia/Shanghai)" }),
      estateId: t.arg.globalID({ required: false, description: "One estate of your scope; omit for all of them" }),
    },
    resolve: (_r, args, ctx) => callbackStatistics(ctx, args.month, args.estateId?.id ?? null),
  }),
);

async function callbackStatistics(ctx: Context, month: string, estateId: string | null): Promise<CallbackStats> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new InputError("month", msg("reportMonthLabel"));
  const scope = estateFilter(ctx);
  if (estateId && scope && !scope.in.includes(estateId)) throw new InputError("estateId", msg("callbackSampleEstateScope"));
  const from = new Date(localToUtc("Asia/Shanghai", `${month}-01`, 0));
  const to = new Date(localToUtc("Asia/Shanghai", addDays(`${month}-01`, 32).slice(0, 7) + "-01", 0));
  const estate = estateId ? { estateId } : {};
  // §11, issue 16 item 3: the callback rate, callback satisfaction, phone share and callback
  // resolution rate are the `metrics` figures themselves (domain/metrics/populations.ts), one statement.
  const figures = await figureRatios(
    signedIn(ctx),
    ["CALLBACK_RATE", "CALLBACK_SATISFACTION", "PHONE_SHARE", "CALLBACK_RESOLUTION_RATE"],
    { from, to },
    estateId ? [estateId] : (scope?.in ?? null),
  );
  // One statement after another: the request's transaction is one connection.
  const made: Prisma.CallbackWhereInput = {
    AND: [callbackScope(ctx), estate, { status: { in: ["DONE", "NOT_REACHED"] }, calledAt: { gte: from, lt: to } }],
  };
  const byStatus = await ctx.prisma.callback.groupBy({ by: ["status", "satisfied", "method"], where: made, _count: { _all: true } });
  const overdue = await ctx.prisma.callback.count({
    where: { AND: [callbackScope(ctx), estate, { status: "PLANNED", dueAt: { lt: to }, createdAt: { lt: to } }] },
  });
  const unreviewed = await ctx.prisma.callback.count({ where: { AND: [made, { reviewedAt: null }] } });
  // CB-1: the target in force at the month's start, the estate's override first.
  const targets = await ctx.prisma.policyValue.findMany({ where: { ...inOrganization(ctx), key: "CB-1.callbackRate" } });
  const target = policyAt(
    targets.map((r) => ({ ...r, value: r.valueNumeric })),
    "CB-1.callbackRate",
    estateId,
    from,
  )?.value;
  const sum = (p: (g: (typeof byStatus)[number]) => boolean) => byStatus.filter(p).reduce((s, g) => s + g._count._all, 0);
  const reached = sum((g) => g.status === "DONE");
  return {
    month,
    callbackRate: figures.CALLBACK_RATE,
    target: target ? Number(target) : null,
    made: sum(() => true),
    reached,
    satisfaction: figures.CALLBACK_SATISFACTION,
    phoneShare: figures.PHONE_SHARE,
    overdue,
    unreviewed,
    issues: figures.CALLBACK_RESOLUTION_RATE,
  };
}
