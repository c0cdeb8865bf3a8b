import { drawSample, type Reason } from "../sampling/draw.ts";

/**
 * SUR-2: the sample of one estate for one campaign. Random and reproducible: the campaign's
 * stored seed, mixed with the estate id, drives the draw over the estate's resident (occupied)
 * households, ordered by id, so the same data and seed always give the same members. At least
 * `rate` of the resident households, and every household with a valid complaint since the
 * previous campaign forced in, even one not counted as resident (e.g. an owner living elsewhere
 * who complained): those come on top of the rate, so they never take a random member's place.
 */
export interface PopulationHousehold {
  id: string;
  occupied: boolean;
}

export interface SampledHousehold {
  householdId: string;
  reason: Reason;
}

export interface EstateSample {
  /** Resident households: the denominator of the coverage rate. */
  populationSize: number;
  members: SampledHousehold[];
}

/** The seed of one estate's draw: the campaign's stored seed and the estate. */
export function estateSeed(seed: string, estateId: string): string {
  return `${seed}:${estateId}`;
}

export function drawEstateSample(opts: {
  households: readonly PopulationHousehold[];
  complainants: ReadonlySet<string>;
  rate: number;
  seed: string;
  estateId: string;
}): EstateSample {
  const resident = opts.households.filter((h) => h.occupied);
  const drawn = drawSample(resident, {
    key: (h) => h.id,
    rate: opts.rate,
    seed: estateSeed(opts.seed, opts.estateId),
    forced: opts.complainants,
  });
  const elsewhere = opts.households
    .filter((h) => !h.occupied && opts.complainants.has(h.id))
    .map((h) => h.id)
    .sort();
  return {
    populationSize: resident.length,
    members: [
      ...drawn.map((d) => ({ householdId: d.item.id, reason: d.reason })),
      ...elsewhere.map((householdId) => ({ householdId, reason: "FORCED_COMPLAINANT" as const })),
    ],
  };
}

export interface SampleDifference {
  identical: boolean;
  /** Drawn again but not in the stored sample. */
  missing: string[];
  /** In the stored sample but not drawn again. */
  unexpected: string[];
  /** In both, for a different reason. */
  reasonChanged: string[];
}

/** SUR-2: a stored sample against the same draw made again from its seed. */
export function compareSamples(stored: readonly SampledHousehold[], redrawn: readonly SampledHousehold[]): SampleDifference {
  const had = new Map(stored.map((m) => [m.householdId, m.reason]));
  const now = new Map(redrawn.map((m) => [m.householdId, m.reason]));
  const missing = [...now.keys()].filter((h) => !had.has(h)).sort();
  const unexpected = [...had.keys()].filter((h) => !now.has(h)).sort();
  const reasonChanged = [...now.entries()]
    .filter(([h, r]) => had.has(h) && had.get(h) !== r)
    .map(([h]) => h)
    .sort();
  return { identical: missing.length + unexpected.length + reasonChanged.length === 0, missing, unexpected, reasonChanged };
}

/** Why a member is in the sample, in words (SUR-2: each member explains why it is in). */
export function explainMember(
  reason: Reason,
  sample: { seed: string; rate: number },
  window: { since: Date | null; before: Date },
): string {
  switch (reason) {
    case "FORCED_COMPLAINANT":
      return `SUR-2: the household made a valid complaint ${window.since ? `since the previous campaign (${window.since.toISOString()})` : "before this campaign"} and before ${window.before.toISOString()}; every such household is surveyed`;
    case "RANDOM":
      return `SUR-2: drawn at random from the resident households with seed ${sample.seed} to reach ${Math.round(sample.rate * 10000) / 100}% of them`;
    case "MANUAL":
      return "Added by hand";
  }
}
