import { createHash } from "node:crypto";

/**
 * CB-3, CB-4, SUR-2: samples are drawn reproducibly. The seed is stored with the sample, and the
 * same seed over the same population gives the same members, so anyone can check the draw later.
 * Pure: the caller loads the population (each member with a stable key, e.g. the household id).
 */
export type Reason = "FORCED_COMPLAINANT" | "RANDOM" | "MANUAL";

export interface Drawn<T> {
  item: T;
  reason: Reason;
}

/** A uniform generator in [0, 1) from a text seed (sha256 → xoshiro128**). */
export function seededRandom(seed: string): () => number {
  const h = createHash("sha256").update(seed).digest();
  let a = h.readUInt32LE(0),
    b = h.readUInt32LE(4),
    c = h.readUInt32LE(8),
    d = h.readUInt32LE(12);
  if ((a | b | c | d) === 0) a = 1;
  return () => {
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return r / 4294967296;
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** The number of members a rate asks of a population: rounded up, so a rate is never undershot. */
export function sampleSizeFor(population: number, rate: number): number {
  return Math.min(population, Math.ceil(population * rate - 1e-9));
}

/**
 * Every forced member (e.g. SUR-2: every household that complained), then random members until
 * the rate is reached. The population is ordered by key before shuffling, so the database's row
 * order does not matter.
 */
export function drawSample<T>(
  population: readonly T[],
  opts: { key: (t: T) => string; rate: number; seed: string; forced?: ReadonlySet<string> },
): Drawn<T>[] {
  const ordered = [...population].sort((x, y) => (opts.key(x) < opts.key(y) ? -1 : opts.key(x) > opts.key(y) ? 1 : 0));
  const forced = ordered.filter((t) => opts.forced?.has(opts.key(t)));
  const rest = ordered.filter((t) => !opts.forced?.has(opts.key(t)));
  const random = seededRandom(opts.seed);
  // Fisher-Yates on the ordered rest.
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  const wanted = Math.max(sampleSizeFor(ordered.length, opts.rate), forced.length);
  return [
    ...forced.map((item) => ({ item, reason: "FORCED_COMPLAINANT" as const })),
    ...rest.slice(0, wanted - forced.length).map((item) => ({ item, reason: "RANDOM" as const })),
  ];
}

/** A fresh seed for a new sample (stored with it). */
export function newSeed(): string {
  return createHash("sha256").update(`${Date.now()}:${Math.random()}`).digest("hex").slice(0, 32);
}
