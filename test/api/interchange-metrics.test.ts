import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { writeSheet } from "../../server/src/interchange/sheets.ts";
import { gql, globalId, postFile, signIn, type Caller } from "./graphql.ts";

/**
 * SPEC §13 → §11, end to end: a property company's spreadsheets (estates, households, complaints,
 * callbacks and survey answers in the layout of shared/interchange/README.md; CSV and XLSX, English
 * and Chinese headers, timestamps with and without offset) are imported through the `importFile`
 * mutation as a browser uploads them, for two new estates over two quarters, and every figure the
 * `metrics` query returns for each estate and quarter — numerator and denominator — must equal an
 * independent count made below in plain TypeScript from the rows this file generated. Nothing is
 * copied from the server's output: the dataset is generated from a fixed seed, the expectations are
 * computed from it, so a change in either the import or the metrics shows up as a difference.
 *
 * What the files cannot carry, and how this file deals with it:
 *  - Survey campaigns and their samples (SUR-1, SUR-2): no interchange file describes a campaign;
 *    survey_responses.csv needs an existing one. The campaigns are made through the API
 *    (createSurveyCampaign, drawSurveySample — random from a stored seed — startSurveyCampaign),
 *    and the sample drawn is read back; the coverage figures are then counted here from that
 *    membership and the households of the files.
 *  - Household visits (VIS-1): there is no visits file (a callbacks.csv row of kind `visit` is a
 *    callback, not a visit record), so VISIT_RATE's numerator is 0; its denominator (resident
 *    households per month) comes from households.csv and is checked.
 *  - New issues raised in callbacks (CB-6, CB-7): callbacks.csv has no columns for them, so
 *    CALLBACK_RESOLUTION_RATE has no rows (checked: no figure with a count).
 *  - SLA stages (SPEC §6) are planned by the import from the file's instants. Their working-hour
 *    deadlines (SLA-2, SLA-5) depend on the working calendar; the generator keeps every such
 *    stage either within 2 wall-clock hours (met on any calendar: a working hour is at least an
 *    hour) or beyond 14 days (missed on any), and every wall-clock deadline (SLA-6, SLA-9, SLA-10,
 *    SLA-11) at least 2 minutes away from the instant that decides it, so the count below needs
 *    only the SPEC's durations, not the calendar.
 *
 * The organisation's policy values are the demo's (SPEC defaults: REC-2 90 days, SLA-9 24 h,
 * SLA-10 3 days, SLA-11 7 days). The two estates are new, so their figures hold only these rows.
 */

// ---- time ----

const OFFSET = 8 * 3_600_000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** An instant from local Asia/Shanghai wall-clock time ("2031-01-05T10:00:00"). */
const sh = (local: string) => new Date(`${local}+08:00`);
/** A file timestamp: local time with its offset, or (bare) without one, read in the estate's timezone. */
const stamp = (d: Date | undefined, bare = false) =>
  d ? new Date(d.getTime() + OFFSET).toISOString().slice(0, 19) + (bare ? "" : "+08:00") : "";
const NOW = sh("2031-07-20T10:00:00");
const QUARTERS = {
  Q1: [sh("2031-01-01T00:00:00"), sh("2031-04-01T00:00:00")],
  Q2: [sh("2031-04-01T00:00:00"), sh("2031-07-01T00:00:00")],
} as const;
type Quarter = keyof typeof QUARTERS;
const inQ = (d: Date | undefined, q: Quarter): d is Date => !!d && d >= QUARTERS[q][0] && d < QUARTERS[q][1];
const MONTHS: Record<Quarter, string[]> = { Q1: ["2031-01", "2031-02", "2031-03"], Q2: ["2031-04", "2031-05", "2031-06"] };

// ---- the SPEC's durations (policy defaults) ----

const WINDOW_DAYS = 90; // REC-2.windowDays
const SLA9 = 24 * HOUR; // first reply
const SLA10 = 3 * DAY; // callback after confirmation
const SLA11 = 7 * DAY; // repair callback after completion
/** SLA-2 (2 working hours) and SLA-5 (8 working hours): decided only where the calendar cannot matter. */
const FAST = 2 * HOUR;
const SLOW = 14 * DAY;

// ---- a seeded generator ----

function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
    /** A whole minute in [lo, hi). */
    between: (lo: Date, hi: Date) => new Date(Math.floor((lo.getTime() + next() * (hi.getTime() - lo.getTime())) / MINUTE) * MINUTE),
  };
}

// ---- the dataset ----

type EstateCode = "TA" | "TB";
const ESTATES: { code: EstateCode; name: string; households: number; staff: string }[] = [
  { code: "TA", name: "测试花园一期", households: 30, staff: "assistant.lx" },
  { code: "TB", name: "测试花园二期", households: 20, staff: "assistant.jh" },
];
const CATEGORIES = ["工程维修/漏水", "环境/保洁", "工程维修/电梯"] as const;
/** Public places as staff type them: the variants of one line are one place (REC-2: case, width, spaces, punctuation). */
const PLACES = [["3栋电梯", "3栋 电梯", "３栋电梯。"], ["东门岗亭"], ["B区车库", "ｂ区车库", "b 区 车库"], ["中心花园"]] as const;
const DIMENSIONS = ["overall", "cleaning", "security", "repair_speed", "staff_attitude"] as const;

interface Household {
  code: string;
  estate: EstateCode;
  building: string;
  unit: string;
  room: string;
  occupied: boolean /** After the second households file. */;
  occupiedNow: boolean;
}
interface Complaint {
  no: string;
  estate: EstateCode;
  hh?: string;
  location?: string;
  channel: string;
  at: Date;
  bare?: boolean;
  anonymous: boolean;
  kind?: "service" | "engineering";
  category?: string;
  severity?: "general" | "important" | "major";
  valid: boolean | null;
  dupOf?: string;
  department?: string;
  assigned?: Date;
  promised?: Date;
  resolved?: Date;
  confirmed?: Date;
  late?: boolean;
  /** An edge case the callbacks refer to. */
  tag?: string;
}
interface Callback {
  no: string;
  estate: EstateCode;
  complaint?: string;
  hh?: string;
  kind: string;
  method: "phone" | "in_person" | "appointment";
  at: Date;
  staff: string;
  reached: boolean;
  satisfied?: boolean;
}
interface Questionnaire {
  campaign: "A" | "B";
  hh: string;
  estate: EstateCode;
  handedOut: Date;
  returned?: Date;
  answers: Partial<Record<(typeof DIMENSIONS)[number], number | "NA" | null>>;
}

const CAMPAIGNS = {
  A: { code: "TJ-2031-Q1", starts: sh("2031-02-10T09:00:00"), ends: sh("2031-03-10T18:00:00") },
  B: { code: "TJ-2031-Q2", starts: sh("2031-05-10T09:00:00"), ends: sh("2031-06-10T18:00:00") },
  /** A draft that never runs: its sample must count nowhere. */
  C: { code: "TJ-2031-DRAFT", starts: sh("2031-06-01T09:00:00"), ends: sh("2031-06-30T18:00:00") },
} as const;

function households(): Household[] {
  const r = rng(11);
  const out: Household[] = [];
  for (const e of ESTATES) {
    for (let i = 0; i < e.households; i++) {
      const building = `${1 + (i % 3)}栋`;
      const room = `${1 + Math.floor(i / 3)}0${1 + (i % 2)}`;
      const occupied = i >= 3 ? r.chance(0.85) : i !== 1; // the second household of each estate is vacant
      out.push({
        code: `${e.code}-${1 + (i % 3)}-${room}`,
        estate: e.code,
        building,
        unit: "1单元",
        room,
        occupied,
        occupiedNow: occupied,
      });
    }
  }
  return out;
}

/** The main complaints ledger: random history plus the cases each rule has an edge at. */
function complaints(hh: Household[]): Complaint[] {
  const r = rng(20310101);
  const out: Complaint[] = [];
  let n = 0;
  const no = (e: EstateCode) => `${e}-2031-${String(++n).padStart(4, "0")}`;
  const used = new Set<number>();
  const unique = (d: Date) => {
    let t = d.getTime();
    while (used.has(t)) t += MINUTE;
    used.add(t);
    return new Date(t);
  };
  const name = () => r.pick(["王先生", "李女士", "张先生", "陈女士", "刘先生"]);
  const phone = () => `139${String(r.int(10_000_000, 99_999_999))}`;

  /** Handling that keeps every deadline decidable without the calendar (see the file's comment). */
  function handle(c: Complaint): void {
    const latest = NOW.getTime() - 3 * DAY;
    const ok = (d: Date) => d.getTime() < latest;
    if (!r.chance(0.8)) return;
    const assigned = new Date(c.at.getTime() + (r.chance(0.6) ? r.int(5, 100) : r.int(15 * 1440, 25 * 1440)) * MINUTE);
    if (!ok(assigned)) return;
    c.assigned = assigned;
    c.department = c.kind === "engineering" ? "工程部" : "环境部";
    if (r.chance(0.6)) c.promised = new Date(assigned.getTime() + r.int(6 * 60, 6 * 1440) * MINUTE);
    let resolved: Date | undefined;
    if (c.kind === "engineering") {
      const x = r.next();
      // SLA-5 runs from the assignment to the resolution: within 2 hours, or after 15 days, or not yet.
      if (x < 0.55) resolved = new Date(assigned.getTime() + r.int(10, 100) * MINUTE);
      else if (x < 0.85) resolved = new Date(assigned.getTime() + r.int(15 * 1440, 30 * 1440) * MINUTE);
    } else if (r.chance(0.8)) resolved = new Date(assigned.getTime() + r.int(30, 8 * 1440) * MINUTE);
    if (resolved && ok(resolved)) {
      // SLA-9 (24 h from receipt) and SLA-6 (the promise) are never decided by a hair.
      if (Math.abs(resolved.getTime() - c.at.getTime() - SLA9) < 2 * MINUTE) resolved = new Date(resolved.getTime() + 5 * MINUTE);
      if (c.promised && Math.abs(resolved.getTime() - c.promised.getTime()) < 2 * MINUTE)
        resolved = new Date(resolved.getTime() + 5 * MINUTE);
      c.resolved = resolved;
      if (r.chance(0.75)) {
        const confirmed = new Date(resolved.getTime() + r.int(60, 3 * 1440) * MINUTE);
        if (ok(confirmed)) c.confirmed = confirmed;
      }
    }
    if (c.promised && !ok(c.promised)) delete c.promised;
  }

  const valid = (e: EstateCode, at: Date, place: { hh?: string; location?: string }, extra: Partial<Complaint> = {}): Complaint => {
    const c: Complaint = {
      no: no(e),
      estate: e,
      ...place,
      channel: r.pick(["phone", "visit", "web", "letter"]),
      at: unique(at),
      anonymous: false,
      kind: r.chance(0.45) ? "engineering" : "service",
      category: r.pick(CATEGORIES),
      severity: r.chance(0.08) ? "major" : r.chance(0.2) ? "important" : "general",
      valid: true,
      ...extra,
    };
    return c;
  };

  // Edge cases first (their instants exact), at households 0-5 of each estate, which the random history leaves alone.
  const at = (e: EstateCode, i: number) => hh.filter((h) => h.estate === e)[i]!.code;
  const edge = (c: Complaint, handled = false) => {
    if (handled) handle(c);
    out.push(c);
    return c;
  };
  const leak = "工程维修/漏水";
  // REC-2: exactly 90 days later is still within the window (1 December 2030 → 1 March 2031) …
  edge(valid("TA", sh("2030-12-01T10:00:00"), { hh: at("TA", 0) }, { category: leak }));
  edge(valid("TA", sh("2031-03-01T10:00:00"), { hh: at("TA", 0) }, { category: leak }));
  // … 90 days and a minute is not.
  edge(valid("TB", sh("2030-12-01T11:00:00"), { hh: at("TB", 0) }, { category: leak }));
  edge(valid("TB", sh("2031-03-01T11:01:00"), { hh: at("TB", 0) }, { category: leak }));
  // A duplicate (INT-4) and an invalid complaint (CLS-1) are never the earlier complaint: the last one, 135 days after the first, is no repeat.
  const first = edge(valid("TA", sh("2031-01-05T09:00:00"), { hh: at("TA", 2) }, { category: leak }));
  edge({
    no: no("TA"),
    estate: "TA",
    hh: at("TA", 2),
    channel: "phone",
    at: unique(sh("2031-05-01T09:00:00")),
    anonymous: false,
    valid: null,
    dupOf: first.no,
  });
  edge({
    no: no("TA"),
    estate: "TA",
    hh: at("TA", 2),
    channel: "phone",
    at: unique(sh("2031-05-02T09:00:00")),
    anonymous: false,
    valid: false,
    category: leak,
  });
  edge(valid("TA", sh("2031-05-20T09:00:00"), { hh: at("TA", 2) }, { category: leak }));
  // Public places: the same lobby however it is typed; the same text in another estate is another place.
  edge(valid("TB", sh("2031-01-10T10:00:00"), { location: "5号楼 大堂" }, { category: "环境/保洁" }));
  edge(valid("TB", sh("2031-02-01T10:00:00"), { location: "５号楼大堂。" }, { category: "环境/保洁" }));
  edge(valid("TA", sh("2031-02-02T10:00:00"), { location: "5号楼大堂" }, { category: "环境/保洁" }));
  // Quarters are local: 00:30 on 1 April in Shanghai is Q2 (still 31 March in UTC); 23:50 on 31 March, written without an offset, is Q1.
  edge(valid("TA", sh("2031-04-01T00:30:00"), { hh: at("TA", 3) }, { category: "工程维修/电梯" }), true);
  edge({ ...valid("TB", sh("2031-03-31T23:50:00"), { hh: at("TB", 2) }, { category: "工程维修/电梯" }), bare: true }, true);
  // SLA-11 runs from the completion: a repair confirmed the next day and called back 6 days 22 hours after completion is in time
  // (SLA-10 would have missed it); a repair confirmed 23 days after completion cannot be (its round starts in Q1, its confirmation is Q2's).
  const repair = (tag: string, d: string, resolved: string, confirmed: string) => ({
    tag,
    kind: "engineering" as const,
    category: leak,
    severity: "general" as const,
    assigned: sh(`${d}T09:30:00`),
    department: "工程部",
    resolved: sh(resolved),
    confirmed: sh(confirmed),
  });
  edge(
    valid(
      "TA",
      sh("2031-03-19T09:00:00"),
      { hh: at("TA", 4) },
      repair("sla11-in-time", "2031-03-19", "2031-03-19T10:30:00", "2031-03-20T10:00:00"),
    ),
  );
  edge(
    valid(
      "TB",
      sh("2031-03-10T09:00:00"),
      { hh: at("TB", 3) },
      repair("sla11-late", "2031-03-10", "2031-03-10T10:30:00", "2031-04-02T10:00:00"),
    ),
  );
  // A vacant household's valid complaint before campaign A: forced into A's sample (SUR-2), yet no resident (survey coverage).
  edge(valid("TA", sh("2031-01-20T10:00:00"), { hh: at("TA", 1) }, { category: "环境/保洁" }), true);

  // Random history: October 2030 (REC-2's earlier complaints) to the end of June 2031.
  for (const e of ESTATES) {
    const mine = hh.filter((h) => h.estate === e.code).slice(6);
    const hot = mine.slice(0, 6);
    for (let i = 0; i < (e.code === "TA" ? 70 : 45); i++) {
      const at = r.between(sh("2030-10-01T08:00:00"), sh("2031-06-28T20:00:00"));
      const place = r.chance(0.7) ? { hh: (r.chance(0.6) ? r.pick(hot) : r.pick(mine)).code } : { location: r.pick(r.pick(PLACES)) };
      const x = r.next();
      const earlier = out.filter((c) => c.estate === e.code && !c.dupOf && c.at < at && (place.hh ? c.hh === place.hh : !c.hh));
      if (x < 0.07 && earlier.length) {
        const first = r.pick(earlier);
        out.push({
          no: no(e.code),
          estate: e.code,
          hh: first.hh,
          location: first.location,
          channel: "phone",
          at: unique(at),
          anonymous: false,
          valid: null,
          dupOf: first.no,
        });
      } else if (x < 0.14) {
        out.push({
          no: no(e.code),
          estate: e.code,
          ...place,
          channel: r.pick(["phone", "web"]),
          at: unique(at),
          anonymous: false,
          valid: null,
        });
      } else if (x < 0.24) {
        out.push({
          no: no(e.code),
          estate: e.code,
          ...place,
          channel: "phone",
          at: unique(at),
          anonymous: false,
          valid: false,
          category: r.chance(0.5) ? r.pick(CATEGORIES) : undefined,
        });
      } else {
        const c = valid(e.code, at, place, !place.hh && r.chance(0.15) ? { anonymous: true } : {});
        handle(c);
        out.push(c);
      }
    }
  }
  return out;
}

/** complaints-late.xlsx: valid complaints from before each campaign's start, at households its sample left out. */
function lateComplaints(hh: Household[], sampled: Map<string, Set<string>>): Complaint[] {
  const r = rng(7);
  const out: Complaint[] = [];
  let n = 0;
  for (const [key, window] of [
    ["A", [sh("2031-01-12T09:00:00"), sh("2031-02-08T18:00:00")]],
    ["B", [sh("2031-04-12T09:00:00"), sh("2031-05-08T18:00:00")]],
  ] as const) {
    for (const e of ESTATES) {
      const outside = hh
        .filter((h) => h.estate === e.code)
        .slice(6)
        .filter((h) => h.occupied && !sampled.get(key)!.has(h.code));
      for (const h of outside.slice(0, key === "A" ? 3 : 2)) {
        const at = r.between(window[0], window[1]);
        out.push({
          no: `${e.code}-LATE-${String(++n).padStart(3, "0")}`,
          estate: e.code,
          hh: h.code,
          channel: "letter",
          at,
          anonymous: false,
          kind: "service",
          category: "环境/保洁",
          severity: "general",
          valid: true,
          assigned: new Date(at.getTime() + 30 * MINUTE),
          department: "环境部",
          late: true,
        });
      }
    }
  }
  return out;
}

/** callbacks.xlsx: the callbacks of the confirmed complaints (some late, some before the confirmation, some not reached) and periodic ones. */
function callbacks(all: Complaint[], hh: Household[]): Callback[] {
  const r = rng(99);
  const out: Callback[] = [];
  let n = 0;
  const staff = (e: EstateCode) => ESTATES.find((x) => x.code === e)!.staff;
  const push = (c: Omit<Callback, "no">) => out.push({ no: `${c.estate}-CB-${String(++n).padStart(4, "0")}`, ...c });
  const latest = NOW.getTime() - DAY;
  for (const c of all) {
    if (!c.confirmed || c.anonymous || !c.resolved) continue;
    const method = (): Callback["method"] =>
      c.severity === "major" ? "in_person" : r.pick(["phone", "phone", "in_person", "appointment"]);
    const kind = c.kind === "engineering" ? "repair" : "complaint";
    const base = { estate: c.estate, complaint: c.no, kind, staff: staff(c.estate) };
    // The SLA-10 / SLA-11 deadline of the round; a callback is never within 2 minutes of it.
    const deadline = c.kind === "engineering" ? c.resolved.getTime() + SLA11 : c.confirmed.getTime() + SLA10;
    const clear = (t: number) => (Math.abs(t - deadline) < 2 * MINUTE ? t + 5 * MINUTE : t);
    if (c.tag === "sla11-in-time") {
      // Reached between completion and confirmation (does not close the round, CB-1), then 6 days 22 hours after completion: in time (SLA-11).
      push({ ...base, method: "phone", at: sh("2031-03-19T15:00:00"), reached: true, satisfied: true });
      push({ ...base, method: "phone", at: new Date(c.resolved.getTime() + 7 * DAY - 2 * HOUR), reached: true, satisfied: false });
      continue;
    }
    if (c.tag === "sla11-late") {
      push({ ...base, method: "in_person", at: sh("2031-04-03T10:00:00"), reached: true, satisfied: true });
      continue;
    }
    if (!r.chance(0.85)) continue;
    if (r.chance(0.12)) {
      // Before the confirmation: reached, but the round starts at the confirmation (CB-1).
      const before = clear(c.resolved.getTime() + Math.floor((c.confirmed.getTime() - c.resolved.getTime()) / 2));
      if (before > c.resolved.getTime())
        push({ ...base, method: method(), at: new Date(Math.floor(before / MINUTE) * MINUTE), reached: true, satisfied: r.chance(0.7) });
    }
    let t = c.confirmed.getTime();
    if (r.chance(0.15)) {
      t = clear(t + r.int(6 * 60, 2 * 1440) * MINUTE);
      if (t < latest) push({ ...base, method: method(), at: new Date(t), reached: false });
    }
    t = clear(Math.max(t, c.confirmed.getTime()) + r.int(60, 8 * 1440) * MINUTE);
    if (t < latest) push({ ...base, method: method(), at: new Date(t), reached: true, satisfied: r.chance(0.75) });
  }
  // Periodic callbacks (CB-3): a household, no complaint.
  for (const e of ESTATES) {
    for (let i = 0; i < 10; i++) {
      const h = r.pick(hh.filter((x) => x.estate === e.code));
      const reached = r.chance(0.85);
      push({
        estate: e.code,
        hh: h.code,
        kind: "periodic",
        method: r.pick(["phone", "in_person"]),
        at: r.between(sh("2031-01-03T09:00:00"), sh("2031-06-29T18:00:00")),
        staff: staff(e.code),
        reached,
        ...(reached ? { satisfied: r.chance(0.8) } : {}),
      });
    }
  }
  return out;
}

/** survey_responses.csv: questionnaires of campaigns A and B, returned or not, answered per dimension (some NA, some blank). */
function questionnaires(hh: Household[]): Questionnaire[] {
  const r = rng(4242);
  const out: Questionnaire[] = [];
  for (const key of ["A", "B"] as const) {
    const start = CAMPAIGNS[key].starts.getTime();
    for (const h of hh) {
      if (!(h.occupied ? r.chance(0.65) : r.chance(0.2))) continue;
      const handedOut = new Date(start + r.int(60, 3 * 1440) * MINUTE);
      const returned = r.chance(0.75) ? new Date(handedOut.getTime() + r.int(60, 8 * 1440) * MINUTE) : undefined;
      const answers: Questionnaire["answers"] = {};
      if (returned) {
        for (const d of DIMENSIONS) {
          const x = r.next();
          if (d === "overall") answers[d] = x < 0.1 ? null : r.int(1, 5);
          else if (x < 0.1) answers[d] = "NA";
          else if (x < 0.2) answers[d] = null;
          else if (x < 0.85) answers[d] = r.int(1, 5);
        }
      }
      out.push({ campaign: key, hh: h.code, estate: h.estate, handedOut, returned, answers });
    }
  }
  return out;
}

// ---- the files ----

const bool = (b: boolean | null | undefined) => (b === null || b === undefined ? "" : b ? "true" : "false");
const COMPLAINT_HEADERS = [
  "complaint_no",
  "estate_code",
  "household_code",
  "location",
  "channel",
  "received_at",
  "anonymous",
  "complainant_name",
  "phone",
  "kind",
  "category",
  "severity",
  "valid",
  "content",
  "department",
  "assigned_at",
  "promised_at",
  "resolved_at",
  "confirmed_at",
  "duplicate_of",
];
function complaintCells(c: Complaint, i: number): string[] {
  return [
    c.no,
    c.estate,
    c.hh ?? "",
    c.hh ? "" : (c.location ?? ""),
    c.channel,
    stamp(c.at, c.bare),
    c.anonymous ? "是" : "否",
    c.anonymous ? "" : ["王先生", "李女士", "张先生"][i % 3]!,
    c.anonymous ? "" : `139${String(10_000_000 + i)}`,
    c.kind ?? "",
    c.category ?? "",
    c.valid === null ? "" : (c.severity ?? "general"),
    bool(c.valid),
    `测试投诉 ${c.no}`,
    c.department ?? "",
    stamp(c.assigned),
    stamp(c.promised),
    stamp(c.resolved),
    stamp(c.confirmed),
    c.dupOf ?? "",
  ];
}

function csv(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return "\uFEFF" + [headers.join(","), ...rows.map((r) => r.map(cell).join(","))].join("\r\n") + "\r\n";
}

// ---- the independent computation ----

interface Expected {
  num: number;
  den: number;
  score?: number | null;
}

/** The place of REC-2: a household, or an estate and the location compared without case, width, spaces or punctuation. */
const placeOf = (c: Complaint) =>
  c.hh
    ? `hh:${c.hh}`
    : `pub:${c.estate}:${(c.location ?? "")
        .normalize("NFKC")
        .toLowerCase()
        .replace(/[\s\p{P}\p{S}]/gu, "")}`;
const counted = (c: Complaint) => c.valid === true && !c.dupOf;

function isRepeat(c: Complaint, all: Complaint[]): boolean {
  if (!counted(c) || !c.category) return false;
  const place = placeOf(c);
  if (place.endsWith(":")) return false;
  return all.some(
    (e) =>
      e !== c &&
      counted(e) &&
      e.category === c.category &&
      placeOf(e) === place &&
      (e.at < c.at || (e.at.getTime() === c.at.getTime() && e.no < c.no)) &&
      c.at.getTime() - e.at.getTime() <= WINDOW_DAYS * DAY,
  );
}

interface Stage {
  estate: EstateCode;
  rule: string;
  started: Date;
  met: boolean;
}

/** SPEC §6 for the rules these files start: when each stage started and whether it was met (every one is due by NOW). */
function stages(all: Complaint[], cbs: Callback[]): Stage[] {
  const out: Stage[] = [];
  const within = (from: Date, to: Date | undefined, limit: number) => !!to && to.getTime() - from.getTime() <= limit;
  const decidable = (from: Date, to: Date | undefined, what: string) => {
    if (to && to.getTime() - from.getTime() > FAST && to.getTime() - from.getTime() < SLOW)
      throw new Error(`${what}: the generator made a working-hour stage the calendar would decide`);
  };
  for (const c of all) {
    if (c.dupOf) continue;
    const push = (rule: string, started: Date, met: boolean) => out.push({ estate: c.estate, rule, started, met });
    // SLA-9: every complaint; the answer is the close as invalid, else the resolution.
    push("SLA_9", c.at, c.valid === false || within(c.at, c.resolved, SLA9));
    if (c.valid !== true) continue;
    // SLA-2: to the responsible department.
    decidable(c.at, c.assigned, `${c.no} SLA-2`);
    push("SLA_2", c.at, within(c.at, c.assigned, FAST));
    if (c.kind === "engineering" && c.assigned) {
      // SLA-5: engineering, from the assignment to the plan (the file has none) or the resolution.
      decidable(c.assigned, c.resolved, `${c.no} SLA-5`);
      push("SLA_5", c.assigned, within(c.assigned, c.resolved, FAST));
    }
    // SLA-6: the promise, kept when the work was done by then.
    if (c.promised) push("SLA_6", c.assigned!, !!c.resolved && c.resolved <= c.promised);
    // SLA-10 / SLA-11: the callback round of the confirmation (none when exempt: anonymous).
    if (c.confirmed && !c.anonymous) {
      const start = c.kind === "engineering" ? c.resolved! : c.confirmed;
      const deadline = start.getTime() + (c.kind === "engineering" ? SLA11 : SLA10);
      const reached = cbs
        .filter((b) => b.complaint === c.no && b.reached && b.at >= c.confirmed!)
        .sort((a, b) => a.at.getTime() - b.at.getTime())[0];
      push(c.kind === "engineering" ? "SLA_11" : "SLA_10", start, !!reached && reached.at.getTime() <= deadline);
    }
  }
  return out;
}

interface World {
  hh: Household[];
  all: Complaint[];
  cbs: Callback[];
  qs: Questionnaire[];
  /** Sample membership read back (campaign key → household codes), and each campaign's previous start. */
  sampled: Map<string, Set<string>>;
  previousStart: Map<string, Date | null>;
}

function expected(w: World, q: Quarter, e: EstateCode): Map<string, Expected> {
  const out = new Map<string, Expected>();
  const put = (metric: string, part: string | null, num: number, den: number, score?: number | null) => {
    if (num || den) out.set(`${metric}|${part ?? ""}`, { num, den, ...(score !== undefined ? { score } : {}) });
  };
  const residentsNow = w.hh.filter((h) => h.estate === e && h.occupiedNow).length;
  const residentsAtStart = w.hh.filter((h) => h.estate === e && h.occupied).length;

  const received = w.all.filter((c) => c.estate === e && inQ(c.at, q));
  const valid = received.filter(counted);
  put("VALID_COMPLAINT_RATE", null, valid.length, residentsNow);
  put("RECURRENCE_RATE", null, valid.filter((c) => isRepeat(c, w.all)).length, valid.length);
  put("COMPLAINT_SHARE", null, received.filter((c) => !c.dupOf).length, w.all.filter((c) => inQ(c.at, q) && !c.dupOf).length);

  const stageRows = stages(w.all, w.cbs).filter((s) => s.estate === e && inQ(s.started, q));
  for (const rule of new Set(stageRows.map((s) => s.rule))) {
    const of = stageRows.filter((s) => s.rule === rule);
    put("SLA_ATTAINMENT", rule, of.filter((s) => s.met).length, of.length);
  }
  // CB-1: the confirmations of the quarter (one per complaint here, round 1), valid, not duplicates, not exempt.
  const due = w.all.filter((c) => c.estate === e && counted(c) && !c.anonymous && inQ(c.confirmed, q));
  const rounds = stages(due, w.cbs).filter((s) => s.rule === "SLA_10" || s.rule === "SLA_11");
  put("CALLBACK_RATE", null, rounds.filter((s) => s.met).length, due.length);

  const made = w.cbs.filter((b) => b.estate === e && inQ(b.at, q) && b.reached);
  // CB-5, §11 (issue 16 item 3): phone callbacks ÷ every callback made, the customer reached or not.
  const attempted = w.cbs.filter((b) => b.estate === e && inQ(b.at, q));
  put("PHONE_SHARE", null, attempted.filter((b) => b.method === "phone").length, attempted.length);
  put("CALLBACK_SATISFACTION", null, made.filter((b) => b.satisfied).length, made.filter((b) => b.satisfied !== undefined).length);
  // CALLBACK_RESOLUTION_RATE: no rows (callbacks.csv carries no new issues) — nothing is put.
  // VIS-1: no visit file; the denominator is every month's resident households.
  for (const m of MONTHS[q]) put("VISIT_RATE", m, 0, residentsNow);

  // Surveys: the campaigns that started in the quarter and ran (C never ran).
  const campaigns = (["A", "B"] as const).filter((k) => inQ(CAMPAIGNS[k].starts, q));
  const answered = w.qs.filter((x) => x.estate === e && campaigns.includes(x.campaign) && x.returned);
  for (const d of DIMENSIONS) {
    const ratings = answered.map((x) => x.answers[d]).filter((v): v is number => typeof v === "number");
    put(
      "SATISFACTION",
      d,
      ratings.filter((v) => v >= 4).length,
      ratings.length,
      ratings.length ? ratings.reduce((s, v) => s + (v - 1) * 25, 0) / ratings.length : null,
    );
  }
  const handed = w.qs.filter((x) => x.estate === e && campaigns.includes(x.campaign));
  put("RETURN_RATE", null, handed.filter((x) => x.returned).length, handed.length);
  // §11 (issue 16 item 3): distinct households handed a questionnaire (the households in the file) ÷ the resident
  // households at the start of the quarter's latest campaign — never the campaigns' denominators added.
  put("SURVEY_COVERAGE", null, new Set(handed.map((x) => x.hh)).size, campaigns.length ? residentsAtStart : 0);
  const complainants = campaigns.flatMap((k) => {
    const since = w.previousStart.get(k);
    const homes = new Set(
      w.all
        .filter((c) => c.hh && c.estate === e && c.valid === true && c.at < CAMPAIGNS[k].starts && (!since || c.at >= since))
        .map((c) => c.hh!),
    );
    return [...homes].map((home) => w.sampled.get(k)!.has(home));
  });
  put("COMPLAINANT_COVERAGE", null, complainants.filter(Boolean).length, complainants.length);
  return out;
}

// ---- the test ----

const IMPORT = `mutation($input: ImportFileInput!) { importFile(input: $input) {
  __typename ... on Error { message } ... on ImportRejected { problemCount problems { line column reason } }
  ... on MutationImportFileSuccess { data { totalRows created updated unchanged } } } }`;
const ALL = [
  "SATISFACTION",
  "SURVEY_COVERAGE",
  "RETURN_RATE",
  "COMPLAINANT_COVERAGE",
  "CALLBACK_RATE",
  "CALLBACK_RESOLUTION_RATE",
  "PHONE_SHARE",
  "VISIT_RATE",
  "VALID_COMPLAINT_RATE",
  "SLA_ATTAINMENT",
  "RECURRENCE_RATE",
  "COMPLAINT_SHARE",
  "CALLBACK_SATISFACTION",
];
interface Figure {
  metric: string;
  part: string | null;
  numerator: number;
  denominator: number;
  score: number | null;
}
interface Slice {
  key: string | null;
  label: string;
  figures: Figure[];
}

describe("§13 → §11: metrics over data imported from interchange files", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let exec: Caller;
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  const estateId: Record<string, string> = {};
  const campaignId: Record<string, string> = {};
  const world: World = { hh: [], all: [], cbs: [], qs: [], sampled: new Map(), previousStart: new Map() };
  const imported: Record<string, { totalRows: number; created: number; updated: number; unchanged: number }> = {};

  async function upload(kind: string, content: string | Uint8Array, fileName: string) {
    const body = await postFile<{
      importFile: { __typename: string; data?: { totalRows: number; created: number; updated: number; unchanged: number } };
    }>(app, exec, IMPORT, { kind }, content, fileName);
    const r = body.data?.importFile;
    if (!r || r.__typename !== "MutationImportFileSuccess") throw new Error(`${fileName} refused: ${JSON.stringify(body).slice(0, 3000)}`);
    imported[fileName] = r.data!;
    return r.data!;
  }
  async function mutate<T>(document: string, variables: Record<string, unknown>): Promise<T> {
    const r = await gql<Record<string, { __typename: string; data?: T }>>(app, document, variables, exec);
    const payload = r.data && Object.values(r.data)[0];
    if (r.errors || !payload?.__typename.endsWith("Success")) throw new Error(JSON.stringify(r.errors ?? payload));
    return payload.data!;
  }

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: () => NOW });
    exec = await signIn(app, "exec");
    world.hh = households();
    world.all = complaints(world.hh);

    // estates.csv (English headers) and households.csv (Chinese headers, any order).
    await upload(
      "ESTATES",
      csv(
        ["estate_code", "name", "kind", "timezone"],
        ESTATES.map((e) => [e.code, e.name, "residential", "Asia/Shanghai"]),
      ),
      "estates.csv",
    );
    for (const e of await q(`SELECT id, code FROM estates WHERE code = ANY($1)`, [ESTATES.map((x) => x.code)])) estateId[e.code] = e.id;
    await upload(
      "HOUSEHOLDS",
      csv(
        ["项目编号", "房号编码", "楼栋", "单元", "房号", "是否常住", "业主姓名", "联系电话"],
        world.hh.map((h, i) => [
          h.estate,
          h.code,
          h.building,
          h.unit,
          h.room,
          h.occupied ? "是" : "否",
          `业主${i}`,
          `137${String(20_000_000 + i)}`,
        ]),
      ),
      "households.csv",
    );
    // complaints.csv: the ledger as kept until campaign A.
    await upload("COMPLAINTS", csv(COMPLAINT_HEADERS, world.all.map(complaintCells)), "complaints.csv");

    // SUR-1, SUR-2 through the API: special campaigns over the two estates, samples drawn, A and B run, C stays a draft.
    const [questionnaire] = await q(`SELECT id FROM questionnaires WHERE code = 'SAT' ORDER BY revision DESC LIMIT 1`);
    for (const key of ["A", "B", "C"] as const) {
      const c = CAMPAIGNS[key];
      const created = await mutate<{ id: string; version: number }>(
        `mutation($input: CreateSurveyCampaignInput!) { createSurveyCampaign(input: $input) { __typename ... on MutationCreateSurveyCampaignSuccess { data { id version } } ... on Error { message } } }`,
        {
          input: {
            code: c.code,
            name: `测试调查 ${key}`,
            kind: "SPECIAL",
            questionnaireId: globalId("Questionnaire", questionnaire.id),
            estateIds: ESTATES.map((e) => globalId("Estate", estateId[e.code]!)),
            startsAt: c.starts.toISOString(),
            endsAt: c.ends.toISOString(),
            ...(key === "B" ? { previousCampaignId: campaignId.A } : {}),
          },
        },
      );
      campaignId[key] = created.id;
      const drawn = await mutate<{ version: number }>(
        `mutation($id: ID!) { drawSurveySample(campaignId: $id) { __typename ... on MutationDrawSurveySampleSuccess { data { version } } ... on Error { message } } }`,
        { id: created.id },
      );
      if (key === "C") continue;
      const started = await mutate<{ version: number }>(
        `mutation($input: StartSurveyCampaignInput!) { startSurveyCampaign(input: $input) { __typename ... on MutationStartSurveyCampaignSuccess { data { version } } ... on Error { message } } }`,
        { input: { id: created.id, version: drawn.version } },
      );
      if (key === "A")
        await mutate(
          `mutation($input: CloseSurveyCampaignInput!) { closeSurveyCampaign(input: $input) { __typename ... on MutationCloseSurveyCampaignSuccess { data { id } } ... on Error { message } } }`,
          { input: { id: created.id, version: started.version } },
        );
    }
    for (const [key, id] of Object.entries(campaignId)) {
      const rowId = Buffer.from(id, "base64").toString().split(":")[1]!;
      world.sampled.set(
        key,
        new Set(
          (
            await q(`SELECT h.code FROM survey_sample_members m JOIN households h ON h.id = m.household_id WHERE m.campaign_id = $1`, [
              rowId,
            ])
          ).map((r) => r.code),
        ),
      );
      const [prev] = await q(
        `SELECT p.starts_at FROM survey_campaigns c LEFT JOIN survey_campaigns p ON p.id = c.previous_campaign_id WHERE c.id = $1`,
        [rowId],
      );
      world.previousStart.set(key, prev?.starts_at ?? null);
    }

    // complaints-late.xlsx: complaints registered after the campaigns started, received before (the samples do not hold these households).
    const late = lateComplaints(world.hh, world.sampled);
    world.all.push(...late);
    await upload(
      "COMPLAINTS",
      await writeSheet(
        "XLSX",
        "投诉",
        COMPLAINT_HEADERS,
        late.map((c, i) => complaintCells(c, 500 + i)),
      ),
      "complaints-late.xlsx",
    );

    // callbacks.xlsx (Chinese headers).
    world.cbs = callbacks(world.all, world.hh);
    await upload(
      "CALLBACKS",
      await writeSheet(
        "XLSX",
        "回访",
        [
          "回访编号",
          "投诉编号",
          "房号编码",
          "回访类型",
          "回访方式",
          "回访时间",
          "回访人",
          "是否联系上",
          "是否满意",
          "客户签字",
          "回访意见",
        ],
        world.cbs.map((b) => [
          b.no,
          b.complaint ?? "",
          b.complaint ? "" : b.hh!,
          b.kind,
          b.method,
          stamp(b.at),
          b.staff,
          b.reached ? "是" : "否",
          b.reached ? (b.satisfied ? "是" : "否") : "",
          b.method === "phone" ? "" : b.reached ? "是" : "",
          "回访",
        ]),
      ),
      "callbacks.xlsx",
    );

    // survey_responses.csv: one row per questionnaire and dimension; a questionnaire not returned is one row without answers.
    // SUR-2: a campaign run in the app hands questionnaires out only to its drawn sample (issue 16).
    world.qs = questionnaires(world.hh).filter((x) => world.sampled.get(x.campaign)!.has(x.hh));
    const rows: string[][] = [];
    for (const x of world.qs) {
      const code = CAMPAIGNS[x.campaign].code;
      if (!x.returned) rows.push([code, x.hh, stamp(x.handedOut), "", "overall", "", ""]);
      else
        for (const [d, v] of Object.entries(x.answers))
          rows.push([code, x.hh, stamp(x.handedOut), stamp(x.returned), d, v === null || v === undefined ? "" : String(v), ""]);
      if (x.returned && Object.keys(x.answers).length === 0)
        rows.push([code, x.hh, stamp(x.handedOut), stamp(x.returned), "overall", "", ""]);
    }
    await upload(
      "SURVEY_RESPONSES",
      csv(["campaign_code", "household_code", "handed_out_at", "returned_at", "dimension", "rating", "comment"], rows),
      "survey_responses.csv",
    );

    // households-2031-07.xlsx: two households change occupancy after the campaigns started (coverage keeps the count at the start).
    const flips = [
      world.hh.find((h) => h.estate === "TA" && h.occupied && world.sampled.get("A")!.has(h.code))!,
      world.hh.find((h) => h.estate === "TB" && !h.occupied)!,
    ];
    for (const h of flips) h.occupiedNow = !h.occupied;
    await upload(
      "HOUSEHOLDS",
      await writeSheet(
        "XLSX",
        "房屋",
        ["household_code", "estate_code", "building", "unit", "room", "occupied"],
        world.hh.map((h) => [h.code, h.estate, h.building, h.unit, h.room, h.occupiedNow ? "yes" : "no"]),
      ),
      "households-2031-07.xlsx",
    );
  }, 300_000);

  async function metrics(qt: Quarter, sliceBy: string) {
    const r = await gql<{ metrics: { label: string; slices: Slice[] } }>(
      app,
      `query($i: MetricsInput!) { metrics(input: $i) { label slices { key label figures { metric part numerator denominator score } } } }`,
      {
        i: {
          period: "QUARTER",
          date: qt === "Q1" ? "2031-02-15" : "2031-05-15",
          sliceBy,
          estateIds: ESTATES.map((e) => globalId("Estate", estateId[e.code]!)),
          metrics: ALL,
        },
      },
      exec,
    );
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data!.metrics;
  }
  const got = (s: Slice) =>
    new Map(
      s.figures
        .filter((f) => f.numerator || f.denominator)
        .map((f) => [`${f.metric}|${f.part ?? ""}`, { num: f.numerator, den: f.denominator }]),
    );
  const counts = (m: Map<string, Expected>) => new Map([...m].map(([k, v]) => [k, { num: v.num, den: v.den }]));

  it("§13: every file is imported whole (CSV and XLSX, English and Chinese headers, timestamps with and without offset), the second households file only updates", () => {
    expect(imported["estates.csv"]).toMatchObject({ created: 2 });
    expect(imported["households.csv"]).toMatchObject({ created: world.hh.length });
    expect(imported["complaints.csv"]!.created + imported["complaints-late.xlsx"]!.created).toBe(world.all.length);
    expect(imported["callbacks.xlsx"]).toMatchObject({ created: world.cbs.length });
    expect(imported["households-2031-07.xlsx"]).toMatchObject({ created: 0, updated: 2, unchanged: world.hh.length - 2 });
  });

  it("the dataset reaches every rule it is meant to (REC-2 repeats, missed callback rounds, unsampled complainants, NA and blank answers, local quarter edges)", () => {
    for (const qt of ["Q1", "Q2"] as const) {
      for (const e of ["TA", "TB"] as const) {
        const x = expected(world, qt, e);
        const f = (k: string) => x.get(k) ?? { num: 0, den: 0 };
        expect(f("RECURRENCE_RATE|").num, `${qt} ${e} repeats`).toBeGreaterThan(0);
        expect(f("CALLBACK_RATE|").num, `${qt} ${e} callbacks`).toBeGreaterThan(0);
        expect(f("CALLBACK_RATE|").num, `${qt} ${e} callbacks missed`).toBeLessThan(f("CALLBACK_RATE|").den);
        expect(f("COMPLAINANT_COVERAGE|").num, `${qt} ${e} unsampled complainants`).toBeLessThan(f("COMPLAINANT_COVERAGE|").den);
        expect(f("RETURN_RATE|").num, `${qt} ${e} returns`).toBeLessThan(f("RETURN_RATE|").den);
        for (const rule of ["SLA_2", "SLA_9"])
          expect(f(`SLA_ATTAINMENT|${rule}`).den, `${qt} ${e} ${rule}`).toBeGreaterThan(f(`SLA_ATTAINMENT|${rule}`).num);
      }
    }
    // REC-2's window boundary: exactly 90 days repeats (TA-1-101), 90 days and a minute does not (TB-1-101).
    const at = (hh: string, d: string) => world.all.find((c) => c.hh === hh && c.at.getTime() === sh(d).getTime())!;
    expect(isRepeat(at("TA-1-101", "2031-03-01T10:00:00"), world.all)).toBe(true);
    expect(isRepeat(at("TB-1-101", "2031-03-01T11:01:00"), world.all)).toBe(false);
    // The same lobby typed two ways in TB repeats; the same text in TA is another place.
    expect(world.all.filter((c) => c.location?.includes("大堂") && isRepeat(c, world.all)).map((c) => c.estate)).toEqual(["TB"]);
  });

  it("§11 (SUR-2, SUR-3, SUR-4, CB-1, CB-5, CB-6, VIS-1, SLA-2, SLA-5, SLA-6, SLA-9, SLA-10, SLA-11, REC-2): every figure per estate and quarter equals the count made from the files' rows", async () => {
    for (const qt of ["Q1", "Q2"] as const) {
      const m = await metrics(qt, "ESTATE");
      expect(m.label).toBe(`2031-${qt}`);
      for (const e of ["TA", "TB"] as const) {
        const slice = m.slices.find((s) => s.key === globalId("Estate", estateId[e]!))!;
        const want = expected(world, qt, e);
        // Every figure with rows is expected with exactly these counts, and every expected one is there.
        expect(Object.fromEntries(got(slice)), `${qt} ${e}`).toEqual(Object.fromEntries(counts(want)));
        // SUR-4: the 0-100 score of each dimension (very dissatisfied 0 … very satisfied 100).
        for (const f of slice.figures.filter((x) => x.metric === "SATISFACTION" && x.denominator > 0)) {
          expect(f.score, `${qt} ${e} ${f.part}`).toBeCloseTo(want.get(`SATISFACTION|${f.part}`)!.score!, 9);
        }
        // What the files cannot carry: no visit, no callback issue.
        expect(
          slice.figures.filter((f) => f.metric === "VISIT_RATE").map((f) => f.numerator),
          `${qt} ${e} visits`,
        ).toEqual([0, 0, 0]);
        expect(slice.figures.filter((f) => f.metric === "CALLBACK_RESOLUTION_RATE").map((f) => [f.numerator, f.denominator])).toEqual([
          [0, 0],
        ]);
      }
    }
  });

  it("§11 by organisation: the two estates together are the sum of the per-estate counts (shared denominators once)", async () => {
    for (const qt of ["Q1", "Q2"] as const) {
      const m = await metrics(qt, "ORGANIZATION");
      const sum = new Map<string, { num: number; den: number }>();
      for (const e of ["TA", "TB"] as const) {
        for (const [k, v] of counts(expected(world, qt, e))) {
          const s = sum.get(k) ?? { num: 0, den: 0 };
          // COMPLAINT_SHARE's denominator is already the whole scope's.
          sum.set(k, { num: s.num + v.num, den: k.startsWith("COMPLAINT_SHARE") ? v.den : s.den + v.den });
        }
      }
      expect(Object.fromEntries(got(m.slices[0]!)), qt).toEqual(Object.fromEntries(sum));
    }
  });
});
