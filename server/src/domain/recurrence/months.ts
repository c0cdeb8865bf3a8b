import { localDate } from "../sla/time-zone.ts";

/** The company's reporting timezone when an estate gives none (SPEC §6: estates default to it). */
export const REPORTING_TIME_ZONE = "Asia/Shanghai";

/**
 * §11 trends: every local month (YYYY-MM) that [from, to) touches, in order, so that a month
 * without complaints is shown as zero rather than left out of the chart.
 */
export function monthsBetween(from: Date, to: Date, timeZone = REPORTING_TIME_ZONE): string[] {
  if (to <= from) return [];
  const first = localDate(timeZone, from.getTime()).slice(0, 7);
  const last = localDate(timeZone, to.getTime() - 1).slice(0, 7);
  const out: string[] = [];
  let [y, m] = first.split("-").map(Number) as [number, number];
  for (let key = first; key <= last; ) {
    out.push(key);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
    key = `${y}-${String(m).padStart(2, "0")}`;
  }
  return out;
}
