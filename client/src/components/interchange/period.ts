/**
 * A local calendar date (YYYY-MM-DD, as an <input type="date"> gives it) as the instant its day
 * starts, `days` later: `dayStart(to, 1)` is the exclusive end of a period that includes `to`.
 */
export function dayStart(date: string, days = 0): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days).toISOString();
}
