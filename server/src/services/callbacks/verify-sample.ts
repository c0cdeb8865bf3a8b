import type { CallbackSample } from "@tingjian/prisma/client";
import type { Context } from "../../access/context.ts";
import { loadPopulation } from "../../domain/callbacks/populations.ts";
import { compareDraws, memberKey, SAMPLE_RULES } from "../../domain/callbacks/sample-rules.ts";
import { drawSample } from "../../domain/sampling/draw.ts";
import { sampleScope } from "../../access/scopes/callbacks.ts";

/** CB-3: a sample redrawn from its stored seed over its population as the data stand now. */
export interface SampleCheck {
  sample: CallbackSample;
  identical: boolean;
  populationSize: number;
  sampleSize: number;
  missing: number;
  unexpected: number;
}

/**
 * CB-3: redraws a sample from its stored seed and rate over its population as it stands now and
 * compares the members (manually added ones aside). Null when no such sample is in the caller's scope.
 */
export async function verifyCallbackSample(ctx: Context, id: string): Promise<SampleCheck | null> {
  const sample = await ctx.prisma.callbackSample.findFirst({ where: { id, AND: [sampleScope(ctx)] } });
  if (!sample) return null;
  const stored = await ctx.prisma.callbackSampleMember.findMany({
    where: { sampleId: sample.id },
    select: { reason: true, complaintId: true, householdId: true, customerId: true },
  });
  const population = await loadPopulation(ctx.prisma, {
    organizationId: sample.organizationId,
    kind: sample.kind,
    estateIds: sample.estateId ? [sample.estateId] : null,
    periodStart: sample.periodStart,
    periodEnd: sample.periodEnd,
  });
  const redrawn = drawSample(population, { key: (m) => m.key, rate: Number(sample.rate), seed: sample.seed });
  const keyKind = SAMPLE_RULES[sample.kind].keyKind;
  const cmp = compareDraws(
    stored.map((m) => ({ key: memberKey(keyKind, m), reason: m.reason })),
    redrawn,
  );
  return {
    sample,
    identical: cmp.identical,
    populationSize: population.length,
    sampleSize: redrawn.length,
    missing: cmp.missing.length,
    unexpected: cmp.unexpected.length,
  };
}
