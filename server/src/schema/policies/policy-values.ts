import { PolicyUnit, type Prisma } from "@tingjian/prisma/client";
import { builder } from "../../builder.ts";
import { nonEmpty } from "../prisma-query.ts";
import { policyAt } from "../../domain/policies/policy-at.ts";
import { InputError } from "../../errors/typed-errors.ts";
import { STANDARD_ERRORS } from "../errors.ts";
import { estateFilter, inOrganization } from "../../access/read-scope.ts";

/**
 * SPEC preamble, §6: every duration, target and percentage is a policy value, set for the
 * organisation and overridable per estate, with an effective date — so that a new value never
 * rewrites how a past period is judged. Values take effect now or later; the value in force
 * before is closed where the new one begins.
 */
const PolicyUnitEnum = builder.enumType(PolicyUnit, { name: "PolicyUnit" });
const PolicyClockEnum = builder.enumType("PolicyClock", { values: ["WORKING", "WALL"] as const });

builder.prismaObject("PolicyValue", {
  fields: (t) => ({
    id: t.exposeID("id"),
    key: t.exposeString("key", { description: 'e.g. "SLA-2.duration", "SUR-4.satisfactionTarget"' }),
    estate: t.relation("estate", { nullable: true, description: "Null: the organisation's default" }),
    value: t.float({ nullable: true, resolve: (p) => (p.valueNumeric === null ? null : Number(p.valueNumeric)) }),
    unit: t.expose("unit", { type: PolicyUnitEnum, nullable: true }),
    clock: t.expose("clock", { type: PolicyClockEnum, nullable: true }),
    effectiveFrom: t.expose("effectiveFrom", { type: "DateTime" }),
    effectiveTo: t.expose("effectiveTo", { type: "DateTime", nullable: true, description: "Exclusive; null = until further notice" }),
    note: t.exposeString("note", { nullable: true }),
    createdBy: t.relation("createdBy", { nullable: true }),
  }),
});

builder.queryField("policyValues", (t) =>
  t.prismaField({
    type: ["PolicyValue"],
    description: "Every value of a key (or of all keys) with its period, organisation defaults and estate overrides",
    authScopes: { authenticated: true },
    args: { key: t.arg.string({ required: false }), estateId: t.arg.globalID({ required: false }) },
    resolve: (query, _r, args, ctx) => {
      const scope = estateFilter(ctx);
      const where: Prisma.PolicyValueWhereInput = {
        ...inOrganization(ctx),
        ...(args.key ? { key: args.key } : {}),
        ...(args.estateId ? { OR: [{ estateId: args.estateId.id }, { estateId: null }] } : scope ? { OR: [{ estateId: scope }, { estateId: null }] } : {}),
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
    args: { key: t.arg.string({ required: true }), estateId: t.arg.globalID({ required: false }), at: t.arg({ type: "DateTime", required: false }) },
    resolve: async (query, _r, args, ctx) => {
      const rows = await ctx.prisma.policyValue.findMany({ where: { ...inOrganization(ctx), key: args.key }, select: { id: true, key: true, estateId: true, effectiveFrom: true, effectiveTo: true } });
      const hit = policyAt(rows.map((r) => ({ ...r, value: r.id })), args.key, args.estateId?.id ?? null, args.at ?? ctx.now);
      return hit ? ctx.prisma.policyValue.findUniqueOrThrow({ ...query, where: { id: hit.value } }) : null;
    },
  }),
);

const SetPolicyValueInput = builder.inputType("SetPolicyValueInput", {
  fields: (t) => ({
    key: t.string({ required: true }),
    estateId: t.globalID({ required: false, description: "An estate's override; omit for the organisation default" }),
    value: t.float({ required: true }),
    unit: t.field({ type: PolicyUnitEnum, required: true }),
    clock: t.field({ type: PolicyClockEnum, required: false, description: "For durations: the clock they run on" }),
    effectiveFrom: t.field({ type: "DateTime", required: false, description: "Default now; never in the past" }),
    note: t.string({ required: false }),
  }),
});

const KEY = /^(?:[A-Z]+-\d+|KPI)\.[A-Za-z]+$/;

builder.mutationField("setPolicyValue", (t) =>
  t.prismaField({
    type: "PolicyValue",
    description: "A new policy value from a date on; the value in force until then keeps judging the past",
    authScopes: { permission: "policies:manage" },
    errors: { types: STANDARD_ERRORS },
    args: { input: t.arg({ type: SetPolicyValueInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      if (!KEY.test(input.key)) throw new InputError("input.key", 'A rule key such as "SLA-2.duration" or "CB-1.callbackRate"');
      const from = input.effectiveFrom ?? ctx.now;
      if (from.getTime() < ctx.now.getTime() - 60_000) throw new InputError("input.effectiveFrom", "A policy takes effect now or later; past periods keep the policy they had");
      if (!Number.isFinite(input.value) || input.value < 0) throw new InputError("input.value", "A non-negative number");
      if (input.unit === "PERCENT" && input.value > 100) throw new InputError("input.value", "A percentage is at most 100");
      const duration = ["MINUTES", "HOURS", "WORKING_HOURS", "DAYS", "WORKING_DAYS"].includes(input.unit);
      // The SLA clock counts working hours, not working days (whose length differs by calendar).
      if (input.key.startsWith("SLA-") && input.unit === "WORKING_DAYS") throw new InputError("input.unit", "Give SLA durations in MINUTES, HOURS, WORKING_HOURS or DAYS");
      if (input.clock && !duration) throw new InputError("input.clock", "Only a duration runs on a clock");
      if (input.unit === "WORKING_HOURS" && input.clock === "WALL") throw new InputError("input.clock", "Working hours run on the WORKING clock");
      const estateId = input.estateId?.id ?? null;
      if (estateId && !(await ctx.prisma.estate.findFirst({ where: { id: estateId, ...inOrganization(ctx) }, select: { id: true } }))) throw new InputError("input.estateId", "No such estate");
      const same = { ...inOrganization(ctx), key: input.key, estateId };
      if (await ctx.prisma.policyValue.findFirst({ where: { ...same, effectiveFrom: from }, select: { id: true } })) throw new InputError("input.effectiveFrom", "A value of this key already takes effect at that instant");
      // The value in force at `from` ends there; a value already scheduled later bounds the new one.
      await ctx.prisma.policyValue.updateMany({
        where: { ...same, effectiveFrom: { lt: from }, OR: [{ effectiveTo: null }, { effectiveTo: { gt: from } }] },
        data: { effectiveTo: from, version: { increment: 1 } },
      });
      const next = await ctx.prisma.policyValue.findFirst({ where: { ...same, effectiveFrom: { gt: from } }, orderBy: { effectiveFrom: "asc" }, select: { effectiveFrom: true } });
      const created = await ctx.prisma.policyValue.create({
        data: {
          ...same, valueNumeric: input.value, unit: input.unit, clock: input.clock ?? (input.unit === "WORKING_HOURS" ? "WORKING" : duration ? "WALL" : null),
          effectiveFrom: from, effectiveTo: next?.effectiveFrom ?? null, note: input.note?.trim() || null, createdById: ctx.viewer!.staffId,
        },
        select: { id: true },
      });
      return ctx.prisma.policyValue.findUniqueOrThrow({ ...nonEmpty(query), where: { id: created.id } });
    },
  }),
);
