import { PolicyUnit, type Prisma } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { nonEmpty } from "../prisma-query.ts";
import { policyAt } from "../../domain/policies/policy-at.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { estateFilter, inOrganization } from "../../access/read-scope.ts";
import { setPolicyValue } from "../../services/policies/policy-values.ts";

/**
 * SPEC preamble, §6: every duration, target and percentage is a policy value, set for the
 * organisation and overridable per estate, with an effective date — so that a new value never
 * rewrites how a past period is judged. Values take effect now or later; the value in force
 * before is closed where the new one begins.
 */
const PolicyUnitEnum = builder.enumType(PolicyUnit, {
  name: "PolicyUnit",
  description: "§6: the unit of a policy value",
  values: {
    MINUTES: { description: "A duration in minutes" },
    HOURS: { description: "A duration in hours" },
    DAYS: { description: "A duration in calendar days" },
    WORKING_HOURS: { description: "A duration in working hours (§6 working calendar)" },
    WORKING_DAYS: { description: "A duration in working days (not for SLA durations)" },
    PERCENT: { description: "A percentage, 0-100" },
    COUNT: { description: "A number of things" },
    DAY_OF_MONTH: { description: "A day of the month" },
  },
});
const PolicyClockEnum = builder.enumType("PolicyClock", {
  description: "§6: the clock a duration runs on",
  values: {
    WORKING: { description: "Working time of the estate's calendar" },
    WALL: { description: "Elapsed time, around the clock" },
  },
});

builder.prismaObject("PolicyValue", {
  description: "Preamble, §6: a policy value of one key, for the organisation or one estate, over a period",
  fields: (t) => ({
    id: t.exposeID("id", { description: "The value's row id" }),
    key: t.exposeString("key", { description: 'e.g. "SLA-2.duration", "SUR-4.satisfactionTarget"' }),
    estate: t.relation("estate", { nullable: true, description: "Null: the organisation's default" }),
    value: t.float({
      nullable: true,
      description: "The number, in `unit`",
      resolve: (p) => (p.valueNumeric === null ? null : Number(p.valueNumeric)),
    }),
    unit: t.expose("unit", { type: PolicyUnitEnum, nullable: true, description: "The value's unit" }),
    clock: t.expose("clock", { type: PolicyClockEnum, nullable: true, description: "For durations: the clock they run on" }),
    effectiveFrom: t.expose("effectiveFrom", { type: "DateTime", description: "In force from (inclusive)" }),
    effectiveTo: t.expose("effectiveTo", { type: "DateTime", nullable: true, description: "Exclusive; null = until further notice" }),
    note: t.exposeString("note", { nullable: true, description: "Why it was set" }),
    createdBy: t.relation("createdBy", { nullable: true, description: "Who set it (null: the seed)" }),
  }),
});

builder.queryField("policyValues", (t) =>
  t.prismaField({
    type: ["PolicyValue"],
    description: "Every value of a key (or of all keys) with its period, organisation defaults and estate overrides",
    authScopes: { authenticated: true },
    args: {
      key: t.arg.string({ required: false, description: 'One key, e.g. "SLA-2.duration"; default all' }),
      estateId: t.arg.globalID({ required: false, description: "One estate's overrides and the defaults; default: your estates'" }),
    },
    resolve: (query, _r, args, ctx) => {
      const scope = estateFilter(ctx);
      const where: Prisma.PolicyValueWhereInput = {
        ...inOrganization(ctx),
        ...(args.key ? { key: args.key } : {}),
        ...(args.estateId
          ? { OR: [{ estateId: args.estateId.id }, { estateId: null }] }
          : scope
            ? { OR: [{ estateId: scope }, { estateId: null }] }
            : {}),
      };
      return ctx.prisma.policyValue.findMany({ ...query, where, orderBy: [{ key: "asc" }, { estateId: "asc" }, { effectiveFrom: "asc" }] });
    },
  }),
);

builder.queryField("policyValueAt", (t) =>
  t.prismaField({
    type: "PolicyValue",
    nullable: true,
    description: "The value of `key` in force for an estate (its override, else the organisation default) at an instant",
    authScopes: { authenticated: true },
    args: {
      key: t.arg.string({ required: true, description: 'The key, e.g. "SLA-2.duration"' }),
      estateId: t.arg.globalID({ required: false, description: "The estate; default: the organisation's value" }),
      at: t.arg({ type: "DateTime", required: false, description: "The instant; default now" }),
    },
    resolve: async (query, _r, args, ctx) => {
      const rows = await ctx.prisma.policyValue.findMany({
        where: { ...inOrganization(ctx), key: args.key },
        select: { id: true, key: true, estateId: true, effectiveFrom: true, effectiveTo: true },
      });
      const hit = policyAt(
        rows.map((r) => ({ ...r, value: r.id })),
        args.key,
        args.estateId?.id ?? null,
        args.at ?? ctx.now,
      );
      return hit ? ctx.prisma.policyValue.findUniqueOrThrow({ ...query, where: { id: hit.value } }) : null;
    },
  }),
);

const SetPolicyValueInput = builder.inputType("SetPolicyValueInput", {
  description: "Preamble, §6: a policy value from a date on",
  fields: (t) => ({
    key: t.string({ required: true, description: 'A rule key such as "SLA-2.duration" or "CB-1.callbackRate"' }),
    estateId: t.globalID({ required: false, description: "An estate's override; omit for the organisation default" }),
    value: t.float({ required: true, description: "A non-negative number (a percentage at most 100)" }),
    unit: t.field({ type: PolicyUnitEnum, required: true, description: "The value's unit" }),
    clock: t.field({ type: PolicyClockEnum, required: false, description: "For durations: the clock they run on" }),
    effectiveFrom: t.field({ type: "DateTime", required: false, description: "Default now; never in the past" }),
    note: t.string({ required: false, description: "Why it is set" }),
  }),
});

builder.mutationField("setPolicyValue", (t) =>
  t.withAuth({ permission: "policies:manage" }).prismaField({
    type: "PolicyValue",
    description: "A new policy value from a date on; the value in force until then keeps judging the past",
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: SetPolicyValueInput, required: true, description: "The key, scope, value and start" }) },
    resolve: async (query, _r, { input }, ctx) => {
      const id = await setPolicyValue(ctx, {
        key: input.key,
        estateId: input.estateId?.id ?? null,
        value: input.value,
        unit: input.unit,
        clock: input.clock ?? null,
        effectiveFrom: input.effectiveFrom ?? null,
        note: input.note ?? null,
      });
      return ctx.prisma.policyValue.findUniqueOrThrow({ ...nonEmpty(query), where: { id } });
    },
  }),
);
