import { now } from "../../clock.ts";
import { locale } from "../../i18n/locale.ts";

/**
 * SPEC §11 periods: month, quarter, half-year, year, or any date range. A period is named by a
 * key ("2026-11", "2026-Q4", "2026-H2", "2026") or, for a custom range, by its first and last
 * day; its bounds are the local midnights of the organisation's timezone.
 */
export type PeriodKind = "MONTH" | "QUARTER" | "HALF_YEAR" | "YEAR" | "CUSTOM";
export const PERIOD_KINDS: PeriodKind[] = ["MONTH", "QUARTER", "HALF_YEAR", "YEAR", "CUSTOM"];

export interface Period {
  kind: PeriodKind;
  /** The period's key; for CUSTOM, "YYYY-MM-DD..YYYY-MM-DD" (both days included). */
  key: string;
}

const MONTHS_OF: Record<Exclude<PeriodKind, "CUSTOM">, number> = { MONTH: 1, QUARTER: 3, HALF_YEAR: 6, YEAR: 12 };

/** Today's date (YYYY-MM-DD) in a timezone. */
export function today(timeZone: string, at = now()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** The key of the period of a kind that holds a date. */
export function keyOf(kind: Exclude<PeriodKind, "CUSTOM">, date: string): string {
  const [y, m] = date.split("-").map(Number) as [number, number];
  if (kind === "MONTH") return `${y}-${String(m).padStart(2, "0")}`;
  if (kind === "QUARTER") return `${y}-Q${Math.ceil(m / 3)}`;
  if (kind === "HALF_YEAR") return `${y}-H${m <= 6 ? 1 : 2}`;
  return String(y);
}

/** The first month (1-12) and year of a period key. */
function start(kind: Exclude<PeriodKind, "CUSTOM">, key: string): { y: number; m: number } {
  const y = Number(key.slice(0, 4));
  const n = Number(key.slice(key.length > 4 ? (kind === "MONTH" ? 5 : 6) : 4)) || 1;
  if (kind === "MONTH") return { y, m: n };
  if (kind === "QUARTER") return { y, m: (n - 1) * 3 + 1 };
  if (kind === "HALF_YEAR") return { y, m: (n - 1) * 6 + 1 };
  return { y, m: 1 };
}

function ymd(y: number, m: number, d = 1): string {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.toISOString().slice(0, 10);
}

/** The local days a period covers: its first day and the day after its last. */
export function periodDays(p: Period): { first: string; end: string } {
  if (p.kind === "CUSTOM") {
    const [first, last] = p.key.split("..") as [string, string];
    const [y, m, d] = last.split("-").map(Number) as [number, number, number];
    return { first, end: ymd(y, m, d + 1) };
  }
  const s = start(p.kind, p.key);
  return { first: ymd(s.y, s.m), end: ymd(s.y, s.m + MONTHS_OF[p.kind]) };
}

/** The offset (ms, local minus UTC) of a timezone at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second")) - instant;
}

/** The instant (ISO) a local day starts in a timezone. */
export function midnight(date: string, timeZone: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  let instant = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(instant, timeZone);
  if (second !== instant) instant = second;
  return new Date(instant).toISOString();
}

/** The period's bounds [from, to) as instants. */
export function periodBounds(p: Period, timeZone: string): { from: string; to: string } {
  const { first, end } = periodDays(p);
  return { from: midnight(first, timeZone), to: midnight(end, timeZone) };
}

/** The `count` periods of a kind that end with the one holding `date`, oldest first. */
export function periodsUpTo(kind: Exclude<PeriodKind, "CUSTOM">, date: string, count: number): Period[] {
  const s = start(kind, keyOf(kind, date));
  const step = MONTHS_OF[kind];
  return Array.from({ length: count }, (_, i) => {
    const d = ymd(s.y, s.m - (count - 1 - i) * step);
    return { kind, key: keyOf(kind, d) };
  });
}

/** The last day a period covers. */
export function lastDay(p: Period): string {
  const [y, m, d] = periodDays(p).end.split("-").map(Number) as [number, number, number];
  return ymd(y, m, d - 1);
}

/** A period's name in the current language: "2026年第4季度" / "Q4 2026". */
export function periodLabel(p: Period): string {
  const zh = locale() === "zh-CN";
  if (p.kind === "CUSTOM") return p.key.replace("..", " – ");
  const y = p.key.slice(0, 4);
  const n = Number(p.key.slice(p.kind === "MONTH" ? 5 : 6));
  if (p.kind === "MONTH")
    return zh
      ? `${y}年${n}月`
      : new Date(Date.UTC(Number(y), n - 1, 1)).toLocaleDateString("en", { month: "short", year: "numeric", timeZone: "UTC" });
  if (p.kind === "QUARTER") return zh ? `${y}年第${n}季度` : `Q${n} ${y}`;
  if (p.kind === "HALF_YEAR") return zh ? `${y}年${n === 1 ? "上" : "下"}半年` : `H${n} ${y}`;
  return zh ? `${y}年` : y;
}

/** Reads a period from the URL (kind + key), falling back to the current quarter. */
export function parsePeriod(kind: string | null, key: string | null, timeZone: string): Period {
  const k = (PERIOD_KINDS as string[]).includes(kind ?? "") ? (kind as PeriodKind) : "QUARTER";
  if (k === "CUSTOM") {
    if (key && /^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/.test(key) && key.slice(0, 10) <= key.slice(12)) return { kind: k, key };
    const p = { kind: "QUARTER" as const, key: keyOf("QUARTER", today(timeZone)) };
    return { kind: k, key: `${periodDays(p).first}..${lastDay(p)}` };
  }
  const valid = { MONTH: /^\d{4}-(0[1-9]|1[0-2])$/, QUARTER: /^\d{4}-Q[1-4]$/, HALF_YEAR: /^\d{4}-H[12]$/, YEAR: /^\d{4}$/ }[k];
  return { kind: k, key: key && valid.test(key) ? key : keyOf(k, today(timeZone)) };
}

/** "2026/10/01 – 2026/12/31": an instant range [from, to) as the local days it covers. */
export function formatRange(from: string, to: string, timeZone: string | undefined): string {
  const day = (instant: number) =>
    new Date(instant).toLocaleDateString(locale(), { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  return `${day(Date.parse(from))} – ${day(Date.parse(to) - 1)}`;
}
