/**
 * Token buckets in memory, one per key: `perMinute` requests refill evenly over a minute and at
 * most a minute's worth may be spent at once. The map is bounded (the least recently seen keys
 * go first), so a flood of new keys (forged sessions, many addresses) cannot grow it without end.
 */
export class Buckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** Takes one request's token; the milliseconds to wait when there is none (0: go ahead). */
  take(key: string, now: number): number {
    if (this.perMinute <= 0) return 0;
    const rate = this.perMinute / 60_000;
    const b = this.buckets.get(key);
    let tokens = b ? Math.min(this.perMinute, b.tokens + (now - b.at) * rate) : this.perMinute;
    if (b) this.buckets.delete(key); // re-inserted below: the Map's order is the recency order
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return Math.ceil((1 - tokens) / rate);
    }
    tokens -= 1;
    this.buckets.set(key, { tokens, at: now });
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
    return 0;
  }
}
