import { localToUtc, offsetMs } from "../domain/sla/time-zone.ts";
import type { CellType, ColumnSpec } from "./layout.ts";
import { msg, type Msg } from "../i18n/messages.ts";

/**
 * SPEC §13 general rules, cell by cell: an empty cell is "not given" (null); booleans are
 * true/false, yes/no, 1/0, 是/否; enums are matched without regard to case; a rating is 1…5 or NA;
 * a timestamp is ISO 8601 with an offset, or without one (then read in the estate's timezone once
 * the row's estate is known). Reasons never quote the cell (it may be personal data, SEC-7).
 */

/** A timestamp as written: an instant, or a local wall-clock time still waiting for its timezone. */
export type Stamp = { instant: Date; local?: undefined } | { local: string; instant?: undefined };

export type CellValue = string | boolean | number | string[] | Stamp | "NA";

export type Parsed = { ok: true; value: CellValue | null } | { ok: false; reason: Msg };

const TRUE = new Set(["true", "yes", "1", "是"]);
const FALSE = new Set(["false", "no", "0", "否"]);

const STAMP = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export function parseCell(column: ColumnSpec, raw: string): Parsed {
  const text = raw.trim();
  if (text === "") return { ok: true, value: null };
  // Issue 15 item 16: PostgreSQL stores no NUL character in text; the cell is refused by name.
  if (text.includes("\u0000")) return { ok: false, reason: msg("importCellNul", { field: column.name }) };
  return parseTyped(column.type, text, column.name);
}

function parseTyped(type: CellType, text: string, name: string): Parsed {
  switch (type.t) {
    case "text":
      return text.length > type.max
        ? { ok: false, reason: msg("importCellTooLong", { field: name, max: type.max }) }
        : { ok: true, value: text };
    case "bool": {
      const v = text.toLowerCase();
      if (TRUE.has(v)) return { ok: true, value: true };
      if (FALSE.has(v)) return { ok: true, value: false };
      return { ok: false, reason: msg("importCellBool", { field: name }) };
    }
    case "enum": {
      const v = text.toLowerCase().replace(/[\s-]+/g, "_");
      if (type.values.includes(v)) return { ok: true, value: v.toUpperCase() };
      return { ok: false, reason: msg("importCellEnum", { field: name, values: type.values.join(", ") }) };
    }
    case "score":
    case "rating": {
      if (type.t === "rating" && /^n\/?a$/i.test(text)) return { ok: true, value: "NA" };
      const n = Number(text);
      if (Number.isInteger(n) && n >= 1 && n <= 5) return { ok: true, value: n };
      return { ok: false, reason: msg(type.t === "rating" ? "importCellRating" : "importCellScore", { field: name }) };
    }
    case "list": {
      const items = text
        .split(/[;；]/)
        .map((s) => s.trim())
        .filter(Boolean);
      if (items.some((s) => s.length > type.max))
        return { ok: false, reason: msg("importCellListEntryTooLong", { field: name, max: type.max }) };
      return { ok: true, value: items };
    }
    case "timestamp": {
      const stamp = parseStamp(text);
      return stamp ? { ok: true, value: stamp } : { ok: false, reason: msg("importCellTimestamp", { field: name }) };
    }
  }
}

/** Reads a timestamp; null when it is not one (or names a day or time that does not exist). */
export function parseStamp(text: string): Stamp | null {
  const m = STAMP.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = "0", frac = "", zone] = m;
  const year = +y!,
    month = +mo!,
    day = +d!,
    hour = +h!,
    minute = +mi!,
    second = +s;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  const ms = Math.floor(Number(`0.${frac || "0"}`) * 1000);
  const local = `${y}-${mo!.padStart(2, "0")}-${d!.padStart(2, "0")}T${h!.padStart(2, "0")}:${mi}:${String(second).padStart(2, "0")}.${String(ms).padStart(3, "0")}`;
  if (!zone) return { local };
  const offsetMinutes = zone.toUpperCase() === "Z" ? 0 : offsetOf(zone);
  if (offsetMinutes === null) return null;
  const naive = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  return { instant: new Date(naive - offsetMinutes * 60_000) };
}

function offsetOf(zone: string): number | null {
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return null;
  const hours = +m[2]!,
    minutes = +(m[3] ?? 0);
  if (hours > 14 || minutes > 59) return null;
  return (m[1] === "-" ? -1 : 1) * (hours * 60 + minutes);
}

/** The instant of a timestamp cell; a local one is read in `timeZone` (the row's estate). */
export function resolveStamp(stamp: Stamp, timeZone: string): Date {
  if (stamp.instant) return stamp.instant;
  const date = stamp.local.slice(0, 10);
  const minute = +stamp.local.slice(11, 13) * 60 + +stamp.local.slice(14, 16);
  const rest = +stamp.local.slice(17, 19) * 1000 + +stamp.local.slice(20, 23);
  return new Date(localToUtc(timeZone, date, minute) + rest);
}

/** An instant written for a spreadsheet: ISO 8601 in the estate's timezone with its offset. */
export function formatInstant(at: Date | null | undefined, timeZone: string): string {
  if (!at) return "";
  const offset = offsetMs(timeZone, at.getTime());
  const local = new Date(at.getTime() + offset).toISOString();
  const ms = at.getUTCMilliseconds();
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(Math.round(offset / 60_000));
  const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${local.slice(0, 19)}${ms ? local.slice(19, 23) : ""}${zone}`;
}

/** An IANA timezone name this runtime knows. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
