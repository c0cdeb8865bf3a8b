import { now } from "../../clock.ts";
/** The month (YYYY-MM) of an instant in the user's calendar. */
export function currentMonth(at = now()): string {
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, "0")}`;
}

/** A month's first instant and the next month's, in the user's calendar. */
export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return { from: new Date(y, m - 1, 1).toISOString(), to: new Date(y, m, 1).toISOString() };
}
