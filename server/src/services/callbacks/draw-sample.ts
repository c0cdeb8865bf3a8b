import { randomUUID } from "node:crypto";
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { SignedInContext } from "../../access/context.ts";
import { inOrganization } from "../../access/read-scope.ts";
import { loadPopulation } from "../../domain/callbacks/populations.ts";
import { callbackLevel, SAMPLE_RULES } from "../../domain/callbacks/sample-rules.ts";
import { drawSample } from "../../domain/sampling/draw.ts";
import { InputCheck, InputError } from "../../errors/typed-errors.ts";
import { msg } from "../../i18n/messages.ts";
import { createCallbacks } from "./create.ts";
import { dueDates, propertyAssistants, sampleEstate, sampleSettings, type DrawCallbackSampleInput } from "./sample-inputs.ts";

export type { DrawCallbackSampleInput } from "./sample-inputs.ts";

const YEAR_MS = 366 * 86_400_000;

/**
 * CB-3, CB-4: draws a reproducible sample of a programme's population (SAMPLE_RULES), stores it
 * with its seed, the rate in force and each member's reason, and plans one callback per member
 * (CB-2: the given assignee, else the estate's property assistant). Every bad field is named at
 * once. Returns the sample's id.
 */
export async function drawCallbackSample(ctx: SignedInContext, input: DrawCallbackSampleInput): Promise<string> {
  const check = new InputCheck();
  check.that(input.periodEnd > input.periodStart, "input.periodEnd", msg("callbackSamplePeriodOrder"));
  check.that(input.periodEnd.getTime() - input.periodStart.getTime() <= YEAR_MS, "input.periodEnd", msg("callbackSamplePeriodLength"));
  const { estateId, event } = await sampleEstate(ctx, check, input);
  const { rate, seed, assignee } = await sampleSettings(ctx, check, input, estateId);
  check.done();
  await refuseOverlap(ctx, input, estateId, event?.id ?? null);
  const { organizationId } = ctx;
  const population = await loadPopulation(ctx.prisma, {
    organizationId,
    kind: input.kind,
    estateIds: estateId ? [estateId] : null,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
  });
  const drawn = drawSample(population, { key: (m) => m.key, rate, seed });
  const sample = await ctx.prisma.callbackSample.create({
    data: {
      organizationId,
      kind: input.kind,
      estateId,
      communityEventId: event?.id ?? null,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      rate,
      populationSize: population.length,
      sampleSize: drawn.length,
      seed,
      dueAt: input.dueAt ?? null,
      createdById: ctx.viewer.staffId,
      createdAt: ctx.now,
    },
    select: { id: true },
  });
  const members = drawn.map((d) => ({ id: randomUUID(), ...d }));
  await ctx.prisma.callbackSampleMember.createMany({
    data: members.map((m) => ({
      id: m.id,
      organizationId,
      sampleId: sample.id,
      complaintId: m.item.complaintId,
      householdId: m.item.householdId,
      customerId: m.item.customerId,
      reason: m.reason,
    })),
  });
  const assistants = assignee ? null : await propertyAssistants(ctx, [...new Set(drawn.map((d) => d.item.estateId))]);
  const due = await dueDates(
    ctx,
    input,
    drawn.map((d) => d.item),
    event,
  );
  await createCallbacks(
    ctx.prisma,
    members.map((m, i) => ({
      organizationId,
      kind: SAMPLE_RULES[input.kind].callbackKind,
      estateId: m.item.estateId,
      complaintId: m.item.complaintId,
      householdId: m.item.householdId,
      customerId: m.item.customerId,
      assignedToId: assignee ?? assistants!.get(m.item.estateId) ?? null,
      dueAt: due[i],
      sampleMemberId: m.id,
      communityEventId: event?.id ?? null,
      classification: callbackLevel(m.item),
      createdAt: ctx.now,
    })),
  );
  return sample.id;
}

/** One programme per period: a second, overlapping sample would call the same people twice. */
async function refuseOverlap(ctx: SignedInContext, input: DrawCallbackSampleInput, estateId: string | null, eventId: string | null) {
  const overlapping = await ctx.prisma.callbackSample.findFirst({
    where: {
      ...inOrganization(ctx),
      kind: input.kind,
      periodStart: { lt: input.periodEnd },
      periodEnd: { gt: input.periodStart },
      ...(eventId ? { communityEventId: eventId } : estateId ? { OR: [{ estateId }, { estateId: null }] } : {}),
    },
    select: { id: true },
  });
  if (overlapping)
    throw new InputError(
      "input.periodStart",
      msg("callbackSampleOverlap", { kind: input.kind, id: encodeGlobalID("CallbackSample", overlapping.id) }),
    );
}
