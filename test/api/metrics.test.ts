import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { createPrisma } from "@tingjian/prisma";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, rowId, signIn, type Caller } from "./graphql.ts";

/**
 * SPEC §11 metrics and §12 reports through the API, over a hand-made dataset inserted into the demo
 * company in 2031 (after the demo history, so the periods hold only this file's rows). Every
 * numerator and denominator is checked against an independent computation over the test's own
 * rows (plain JavaScript below), the targets against the policies in force each quarter, the
 * drill-down against the rows of the figure, and the number of SQL statements of a request
 * against the number of estates, slices and rows asked for.
 */
const sh = (local: string) => new Date(`${local}+08:00`);
const QUARTERS = {
  Q1: [sh("2031-01-01T00:00:00"), sh("2031-04-01T00:00:00")],
  Q2: [sh("2031-04-01T00:00:00"), sh("2031-07-01T00:00:00")],
} as const;
type Quarter = keyof typeof QUARTERS;
const inQ = (d: Date, q: Quarter) => d >= QUARTERS[q][0] && d < QUARTERS[q][1];
const NOW = sh("2031-07-15T10:00:00");
type EstateCode = "LX" | "JH";

// ---- the dataset (keys; ids are assigned in beforeAll) ----

type Stage = "MET" | "BREACHED" | { running: string };
interface ComplaintSpec {
  key: string;
  estate: EstateCode;
  hh?: string;
  location?: string;
  at: string;
  cat?: "A" | "B";
  valid: boolean | null;
  dup?: string;
  kind?: "SERVICE" | "ENGINEERING";
  severity?: "GENERAL" | "IMPORTANT" | "MAJOR";
  channel?: "PHONE" | "VISIT" | "WEB";
  exempt?: boolean;
  topSecret?: boolean;
  confirmations?: [string, boolean][];
  rounds?: Stage[];
  closed?: string;
  escalations?: number;
  inLibrary?: boolean;
}
const COMPLAINTS: ComplaintSpec[] = [
  { key: "L1", estate: "LX", hh: "h0", at: "2030-12-20T10:00:00", cat: "A", valid: true },
  {
    key: "L2",
    estate: "LX",
    hh: "h0",
    at: "2031-01-10T10:00:00",
    cat: "A",
    valid: true,
    confirmations: [["2031-01-12T10:00:00", true]],
    rounds: ["MET"],
    closed: "2031-01-13T10:00:00",
  },
  {
    key: "L3",
    estate: "LX",
    hh: "h0",
    at: "2031-01-15T10:00:00",
    cat: "B",
    valid: true,
    channel: "VISIT",
    confirmations: [["2031-01-20T10:00:00", true]],
    rounds: ["BREACHED"],
  },
  {
    key: "L4",
    estate: "LX",
    hh: "h1",
    at: "2031-01-20T10:00:00",
    cat: "A",
    valid: true,
    kind: "ENGINEERING",
    severity: "IMPORTANT",
    confirmations: [["2031-01-25T10:00:00", true]],
    rounds: ["MET"],
    closed: "2031-01-28T10:00:00",
    escalations: 1,
  },
  {
    key: "L5",
    estate: "LX",
    hh: "h1",
    at: "2031-01-21T10:00:00",
    cat: "A",
    valid: null,
    dup: "L4",
    confirmations: [["2031-01-25T11:00:00", true]],
  },
  {
    key: "L6",
    estate: "LX",
    hh: "h1",
    at: "2031-02-05T10:00:00",
    cat: "A",
    valid: true,
    confirmations: [
      ["2031-02-10T10:00:00", false],
      ["2031-02-20T10:00:00", true],
    ],
    rounds: ["MET"],
    closed: "2031-02-21T10:00:00",
    escalations: 1,
    inLibrary: true,
  },
  { key: "L7", estate: "LX", hh: "h2", at: "2031-02-10T10:00:00", cat: "A", valid: false },
  {
    key: "L8",
    estate: "LX",
    hh: "h2",
    at: "2031-02-15T10:00:00",
    cat: "A",
    valid: true,
    confirmations: [["2031-03-30T10:00:00", true]],
    rounds: [{ running: "2031-04-02T10:00:00" }],
  },
  {
    key: "L9",
    estate: "LX",
    location: "3栋电梯",
    at: "2031-01-05T10:00:00",
    cat: "B",
    valid: true,
    exempt: true,
    confirmations: [["2031-01-10T10:00:00", true]],
  },
  { key: "L10", estate: "LX", location: "3栋电梯", at: "2031-03-01T10:00:00", cat: "B", valid: true, channel: "WEB" },
  { key: "L11", estate: "LX", location: "5栋大堂", at: "2031-03-05T10:00:00", cat: "B", valid: true },
  {
    key: "L12",
    estate: "LX",
    hh: "h3",
    at: "2031-01-02T10:00:00",
    cat: "A",
    valid: true,
    severity: "MAJOR",
    confirmations: [
      ["2031-01-10T10:00:00", true],
      ["2031-02-01T10:00:00", true],
    ],
    rounds: ["MET", "BREACHED"],
    closed: "2031-02-05T10:00:00",
    escalations: 2,
  },
  {
    key: "L13",
    estate: "LX",
    hh: "h3",
    at: "2031-04-20T10:00:00",
    cat: "A",
    valid: true,
    confirmations: [["2031-04-25T10:00:00", true]],
    rounds: ["MET"],
  },
  { key: "L14", estate: "LX", hh: "h3", at: "2031-05-01T10:00:00", cat: "A", valid: true },
  {
    key: "L15",
    estate: "LX",
    hh: "h4",
    at: "2031-02-20T10:00:00",
    cat: "B",
    valid: true,
    topSecret: true,
    confirmations: [["2031-03-01T10:00:00", true]],
    rounds: ["MET"],
  },
  { key: "L16", estate: "LX", hh: "h4", at: "2031-03-10T10:00:00", cat: "B", valid: true },
  {
    key: "L17",
    estate: "LX",
    hh: "h5",
    at: "2031-05-15T10:00:00",
    cat: "B",
    valid: true,
    confirmations: [["2031-06-30T23:00:00", true]],
    rounds: ["BREACHED"],
  },
  {
    key: "L18",
    estate: "LX",
    hh: "h5",
    at: "2031-06-20T10:00:00",
    cat: "B",
    valid: true,
    confirmations: [["2031-07-01T00:30:00", true]],
    rounds: ["MET"],
  },
  { key: "L19", estate: "LX", hh: "h5", at: "2031-04-02T10:00:00", valid: null },
  { key: "L20", estate: "LX", location: "停车场入口", at: "2031-05-25T10:00:00", cat: "B", valid: true },
  {
    key: "J1",
    estate: "JH",
    hh: "j0",
    at: "2031-01-08T10:00:00",
    cat: "A",
    valid: true,
    confirmations: [["2031-01-10T10:00:00", true]],
    rounds: ["MET"],
  },
  { key: "J2", estate: "JH", hh: "j0", at: "2031-03-25T10:00:00", cat: "A", valid: true },
  {
    key: "J3",
    estate: "JH",
    hh: "j1",
    at: "2031-02-01T10:00:00",
    cat: "B",
    valid: true,
    exempt: true,
    confirmations: [["2031-02-05T10:00:00", true]],
  },
  {
    key: "J4",
    estate: "JH",
    hh: "j2",
    at: "2031-04-10T10:00:00",
    cat: "A",
    valid: true,
    confirmations: [["2031-04-15T10:00:00", true]],
    rounds: ["BREACHED"],
  },
  { key: "J5", estate: "JH", hh: "j2", at: "2031-04-11T10:00:00", cat: "A", valid: null, dup: "J4" },
  {
    key: "J6",
    estate: "JH",
    hh: "j2",
    at: "2031-06-01T10:00:00",
    cat: "A",
    valid: true,
    confirmations: [["2031-06-10T10:00:00", true]],
    rounds: ["MET"],
  },
  { key: "J7", estate: "JH", location: "停车场入口", at: "2031-05-05T10:00:00", cat: "B", valid: true },
  { key: "J8", estate: "JH", location: "停车场入口", at: "2031-05-20T10:00:00", cat: "B", valid: true },
];
/** Other SLA stages (SLA-2 forwarding, SLA-9 first reply) besides the callback rounds (SLA-10/SLA-11). */
const STAGES: { complaint: string; rule: string; status: "MET" | "BREACHED" | "RUNNING" | "CANCELLED" | "PAUSED"; deadline?: string }[] = [
  { complaint: "L2", rule: "SLA_2", status: "MET" },
  { complaint: "L2", rule: "SLA_9", status: "BREACHED" },
  { complaint: "L3", rule: "SLA_2", status: "RUNNING", deadline: "2031-01-15T12:00:00" },
  { complaint: "L4", rule: "SLA_2", status: "RUNNING", deadline: "2031-12-31T12:00:00" },
  { complaint: "L6", rule: "SLA_2", status: "CANCELLED" },
  { complaint: "L8", rule: "SLA_2", status: "PAUSED", deadline: "2031-02-15T12:00:00" },
  { complaint: "L15", rule: "SLA_2", status: "MET" },
  { complaint: "J1", rule: "SLA_2", status: "BREACHED" },
  { complaint: "J1", rule: "SLA_9", status: "MET" },
  { complaint: "L13", rule: "SLA_2", status: "MET" },
  { complaint: "J4", rule: "SLA_2", status: "MET" },
  { complaint: "J6", rule: "SLA_9", status: "BREACHED" },
];
interface CallbackSpec {
  key: string;
  estate: EstateCode;
  complaint?: string;
  hh?: string;
  status: "DONE" | "NOT_REACHED" | "PLANNED";
  method?: "PHONE" | "IN_PERSON" | "APPOINTMENT";
  at?: string;
  satisfied?: boolean | null;
  staff: string;
  issues?: boolean[];
}
const CALLBACKS: CallbackSpec[] = [
  {
    key: "cb1",
    estate: "LX",
    complaint: "L2",
    status: "DONE",
    method: "PHONE",
    at: "2031-01-13T10:00:00",
    satisfied: true,
    staff: "assistant.lx",
    issues: [true, false],
  },
  {
    key: "cb2",
    estate: "LX",
    complaint: "L3",
    status: "DONE",
    method: "IN_PERSON",
    at: "2031-01-25T10:00:00",
    satisfied: false,
    staff: "assistant.lx",
    issues: [true],
  },
  {
    key: "cb3",
    estate: "LX",
    hh: "h5",
    status: "DONE",
    method: "PHONE",
    at: "2031-02-15T10:00:00",
    satisfied: null,
    staff: "assistant2.lx",
  },
  { key: "cb4", estate: "LX", complaint: "L8", status: "NOT_REACHED", method: "PHONE", at: "2031-02-20T10:00:00", staff: "assistant.lx" },
  {
    key: "cb5",
    estate: "JH",
    complaint: "J1",
    status: "DONE",
    method: "PHONE",
    at: "2031-01-12T10:00:00",
    satisfied: true,
    staff: "assistant.jh",
    issues: [false],
  },
  {
    key: "cb6",
    estate: "LX",
    complaint: "L15",
    status: "DONE",
    method: "APPOINTMENT",
    at: "2031-03-02T10:00:00",
    satisfied: true,
    staff: "director.lx",
  },
  { key: "cb7", estate: "LX", complaint: "L16", status: "PLANNED", staff: "assistant.lx" },
  {
    key: "cb8",
    estate: "LX",
    complaint: "L13",
    status: "DONE",
    method: "PHONE",
    at: "2031-04-27T10:00:00",
    satisfied: true,
    staff: "assistant.lx",
  },
  {
    key: "cb9",
    estate: "JH",
    complaint: "J4",
    status: "DONE",
    method: "IN_PERSON",
    at: "2031-04-20T10:00:00",
    satisfied: false,
    staff: "assistant.jh",
    issues: [true],
  },
  {
    key: "cb10",
    estate: "JH",
    hh: "j3",
    status: "DONE",
    method: "PHONE",
    at: "2031-06-30T23:30:00",
    satisfied: true,
    staff: "assistant.jh",
  },
];
/** VIS-1 visits; V3/V4 sit either side of a local month boundary (UTC says otherwise). */
const VISITS: { key: string; estate: EstateCode; hh?: string; at: string; staff: string }[] = [
  { key: "V1", estate: "LX", hh: "h0", at: "2031-01-05T10:00:00", staff: "assistant.lx" },
  { key: "V2", estate: "LX", hh: "h0", at: "2031-01-20T10:00:00", staff: "assistant2.lx" },
  { key: "V3", estate: "LX", hh: "h1", at: "2031-01-31T23:30:00", staff: "assistant.lx" },
  { key: "V4", estate: "LX", hh: "h0", at: "2031-02-01T00:30:00", staff: "assistant.lx" },
  { key: "V5", estate: "JH", hh: "j0", at: "2031-01-10T10:00:00", staff: "assistant.jh" },
  { key: "V6", estate: "JH", hh: "j1", at: "2031-02-10T10:00:00", staff: "assistant.jh" },
  { key: "V7", estate: "JH", hh: "j2", at: "2031-02-11T10:00:00", staff: "assistant.jh" },
  { key: "V8", estate: "JH", hh: "j0", at: "2031-03-15T10:00:00", staff: "assistant.jh" },
  { key: "V9", estate: "LX", hh: "h2", at: "2031-04-10T10:00:00", staff: "assistant.lx" },
  { key: "V10", estate: "JH", hh: "j3", at: "2031-05-10T10:00:00", staff: "assistant.jh" },
  { key: "V11", estate: "JH", hh: "j3", at: "2031-05-20T10:00:00", staff: "assistant.jh" },
  { key: "V12", estate: "LX", at: "2031-01-12T10:00:00", staff: "assistant.lx" },
];
/** SUR-1…SUR-6: P is only A's predecessor (the complainant window), A runs in Q1, B in Q2, C is a draft. */
const CAMPAIGNS = [
  { key: "P", starts: "2030-12-01T09:00:00", status: "CLOSED", previous: null, estates: {} as Record<string, number> },
  { key: "A", starts: "2031-02-10T09:00:00", status: "CLOSED", previous: "P", estates: { LX: 40, JH: 20 } },
  { key: "B", starts: "2031-05-10T09:00:00", status: "RUNNING", previous: "A", estates: { LX: 41, JH: 20 } },
  { key: "C", starts: "2031-06-01T09:00:00", status: "DRAFT", previous: "B", estates: { LX: 41 } },
] as const;
const MEMBERS: {
  campaign: string;
  estate: EstateCode;
  hh: string;
  handedOut?: string;
  returned?: string;
  answers?: Record<string, number | "NA" | null>;
}[] = [
  {
    campaign: "A",
    estate: "LX",
    hh: "h0",
    handedOut: "2031-02-11T10:00:00",
    returned: "2031-02-15T10:00:00",
    answers: { overall: 5, cleaning: 3, security: "NA", repair_speed: null },
  },
  { campaign: "A", estate: "LX", hh: "h2", handedOut: "2031-02-11T10:00:00" },
  { campaign: "A", estate: "LX", hh: "vacant" },
  {
    campaign: "A",
    estate: "JH",
    hh: "j0",
    handedOut: "2031-02-12T10:00:00",
    returned: "2031-02-20T10:00:00",
    answers: { overall: 4, cleaning: 2, security: 5 },
  },
  {
    campaign: "A",
    estate: "JH",
    hh: "j1",
    handedOut: "2031-02-12T10:00:00",
    returned: "2031-08-01T10:00:00",
    answers: { overall: 1, cleaning: 4 },
  },
  {
    campaign: "B",
    estate: "LX",
    hh: "h3",
    handedOut: "2031-05-11T10:00:00",
    returned: "2031-05-20T10:00:00",
    answers: { overall: 4, cleaning: 5 },
  },
  { campaign: "B", estate: "LX", hh: "h5", handedOut: "2031-05-11T10:00:00" },
  {
    campaign: "B",
    estate: "JH",
    hh: "j2",
    handedOut: "2031-05-12T10:00:00",
    returned: "2031-05-15T10:00:00",
    answers: { overall: 5, cleaning: 4, security: 3 },
  },
  { campaign: "C", estate: "LX", hh: "h1" },
];
/** REC-2.windowDays: 90 days (the demo's policy), 60 for JH from 2031 (set through the API below). */
const windowDays = (c: ComplaintSpec) => (c.estate === "JH" && sh(c.at) >= sh("2031-01-01T00:00:00") ? 60 : 90);

// ---- counting the SQL statements of a request ----

interface Pool {
  query: (...args: unknown[]) => unknown;
  connect: (...args: unknown[]) => Promise<unknown>;
}
function countingPool(pool: Pool, log: string[]) {
  const text = (q: unknown) => (typeof q === "string" ? q : ((q as { text?: string })?.text ?? ""));
  const wrap = <T extends object>(target: T, onQuery: (q: unknown) => void): T =>
    new Proxy(target, {
      get(obj, prop) {
        const value = Reflect.get(obj, prop, obj);
        if (prop === "query")
          return (...args: unknown[]) => {
            onQuery(args[0]);
            return (value as (...a: unknown[]) => unknown).apply(obj, args);
          };
        if (prop === "connect")
          return async (...args: unknown[]) => wrap(await (value as (...a: unknown[]) => Promise<object>).apply(obj, args), onQuery);
        return typeof value === "function" ? value.bind(obj) : value;
      },
    });
  return wrap(pool as unknown as object, (q) => log.push(text(q))) as unknown as Pool;
}

describe("§11 metrics and §12 reports", () => {
  const t = useTestDatabase("demo");
  let app: App;
  let now = sh("2030-12-15T10:00:00");
  const statements: string[] = [];
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  const callers = new Map<string, Caller>();
  const as = async (login: string) => {
    let c = callers.get(login);
    if (!c) callers.set(login, (c = await signIn(app, login)));
    return c;
  };
  const at = (instant: Date) => {
    now = instant;
    callers.clear();
  };

  let org = "";
  const estate: Record<string, string> = {};
  const hh: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const staff: Record<string, string> = {};
  const cat: Record<string, string> = {};
  const dept: Record<string, string> = {};
  const dims: Record<string, string> = {};
  const resident: Record<string, string[]> = {};
  /** Every stage inserted: the complaint's key, rule, status, deadline. */
  const stageRows: { id: string; complaint: string; estate: EstateCode; rule: string; started: Date; status: string; deadline: Date }[] =
    [];
  const confirmationRows: { id: string; complaint: string; at: Date; satisfied: boolean }[] = [];
  const issueRows: { id: string; callback: string; resolved: boolean }[] = [];
  const responseRows: { id: string; campaign: string; estate: EstateCode; dimension: string; rating: number }[] = [];
  const handoutRows: { id: string; campaign: string; estate: EstateCode; returned: Date | null }[] = [];
  const memberRows: { campaign: string; estate: EstateCode; hh: string }[] = [];

  async function insert(table: string, rows: Record<string, unknown>[]) {
    for (const r of rows) {
      const cols = Object.keys(r);
      await q(
        `INSERT INTO ${table} (${cols.join(", ")}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(", ")})`,
        cols.map((c) => r[c]),
      );
    }
  }

  beforeAll(async () => {
    app = createApp({
      prisma: createPrisma({ ...t.db, pool: countingPool(t.db.pool as unknown as Pool, statements) as never }),
      clock: () => now,
    });
    [{ id: org }] = await q(`SELECT id FROM organizations`);
    for (const e of await q(`SELECT id, code FROM estates`)) estate[e.code] = e.id;
    for (const s of await q(`SELECT id, login FROM staff`)) staff[s.login] = s.id;
    for (const d of await q(`SELECT id, code FROM departments WHERE code IN ('ENG', 'SEC')`)) dept[d.code] = d.id;
    const cats = await q(`SELECT id FROM categories WHERE level = 2 ORDER BY code LIMIT 2`);
    cat.A = cats[0].id;
    cat.B = cats[1].id;
    for (const code of ["LX", "JH", "KC", "CH"])
      resident[code] = (await q(`SELECT id FROM households WHERE estate_id = $1 AND occupied ORDER BY code`, [estate[code]])).map(
        (r) => r.id,
      );
    resident.LX!.slice(0, 6).forEach((id, i) => (hh[`h${i}`] = id));
    resident.JH!.slice(0, 4).forEach((id, i) => (hh[`j${i}`] = id));
    [{ id: hh.vacant }] = await q(`SELECT id FROM households WHERE estate_id = $1 AND NOT occupied ORDER BY code LIMIT 1`, [estate.LX]);
    const building = new Map((await q(`SELECT id, building_id FROM households`)).map((r) => [r.id, r.building_id]));
    const office = new Map((await q(`SELECT id, estate_id FROM offices`)).map((r) => [r.estate_id, r.id]));

    // REC-2: a shorter window for JH from 2031 on, set before it takes effect (past periods keep theirs).
    const set = await gql<{ setPolicyValue: { __typename: string } }>(
      app,
      `mutation($i: SetPolicyValueInput!) { setPolicyValue(input: $i) { __typename } }`,
      {
        i: {
          key: "REC-2.windowDays",
          estateId: globalId("Estate", estate.JH!),
          value: 60,
          unit: "DAYS",
          effectiveFrom: sh("2031-01-01T00:00:00").toISOString(),
        },
      },
      await as("manager"),
    );
    expect(set.data!.setPolicyValue.__typename).toBe("MutationSetPolicyValueSuccess");
    // SPEC preamble: CB-1's target is lowered to 80% from Q2; Q1 is still judged by 100%.
    at(sh("2031-03-20T10:00:00"));
    const lowered = await gql<{ setPolicyValue: { __typename: string } }>(
      app,
      `mutation($i: SetPolicyValueInput!) { setPolicyValue(input: $i) { __typename } }`,
      { i: { key: "CB-1.callbackRate", value: 80, unit: "PERCENT", effectiveFrom: sh("2031-04-01T00:00:00").toISOString() } },
      await as("manager"),
    );
    expect(lowered.data!.setPolicyValue.__typename).toBe("MutationSetPolicyValueSuccess");

    let n = 0;
    for (const c of COMPLAINTS) {
      ids[c.key] = randomUUID();
      const household = c.hh ? hh[c.hh]! : null;
      await insert("complaints", [
        {
          id: ids[c.key],
          organization_id: org,
          no: `T2031${String(++n).padStart(4, "0")}`,
          received_at: sh(c.at),
          channel: c.channel ?? "PHONE",
          estate_id: estate[c.estate],
          building_id: household ? building.get(household) : null,
          household_id: household,
          location: c.location ?? null,
          content: `测试投诉 ${c.key}`,
          complainant_name: "测试业主",
          kind: c.valid === null ? null : (c.kind ?? "SERVICE"),
          severity: c.severity ?? "GENERAL",
          valid: c.valid,
          category_id: c.cat ? cat[c.cat] : null,
          status: c.closed ? "VERIFIED" : c.valid === false ? "INVALID" : c.valid === null ? "REGISTERED" : "IN_PROGRESS",
          duplicate_of_id: c.dup ? ids[c.dup] : null,
          lead_department_id: c.cat && c.valid ? dept[c.cat === "A" ? "ENG" : "SEC"] : null,
          assignee_id: c.cat && c.valid ? staff[c.cat === "A" ? "eng.head" : "sec.head"] : null,
          callback_exempt: c.exempt ?? false,
          exempt_reason: c.exempt ? (c.key === "J3" ? "ANONYMOUS" : "WRITTEN_REPLY_ONLY") : null,
          anonymous: c.key === "J3",
          classification: c.topSecret ? "TOP_SECRET" : "SECRET",
          closed_at: c.closed ? sh(c.closed) : null,
          escalated: !!c.escalations,
          updated_at: NOW,
        },
      ]);
      let round = 0;
      for (const [when, satisfied] of c.confirmations ?? []) {
        const id = randomUUID();
        confirmationRows.push({ id, complaint: c.key, at: sh(when), satisfied });
        await insert("complaint_confirmations", [
          { id, organization_id: org, complaint_id: ids[c.key], confirmed_at: sh(when), method: "PHONE_CONSENT", satisfied },
        ]);
        if (!satisfied) continue;
        const stage = c.rounds?.[round++];
        if (!stage) continue;
        const started = sh(when);
        const deadline =
          typeof stage === "object" ? sh(stage.running) : new Date(started.getTime() + (c.kind === "ENGINEERING" ? 7 : 3) * 86_400_000);
        const status = typeof stage === "object" ? "RUNNING" : stage;
        const rule = c.kind === "ENGINEERING" ? "SLA_11" : "SLA_10";
        const sid = randomUUID();
        stageRows.push({ id: sid, complaint: c.key, estate: c.estate, rule, started, status, deadline });
        await insert("sla_stages", [
          {
            id: sid,
            organization_id: org,
            complaint_id: ids[c.key],
            estate_id: estate[c.estate],
            rule,
            round,
            clock: "WALL",
            duration_minutes: 4320,
            started_at: started,
            deadline_at: deadline,
            finished_at: status === "RUNNING" ? null : started,
            status,
            breached: status === "BREACHED",
            updated_at: NOW,
          },
        ]);
      }
      for (let i = 0; i < (c.escalations ?? 0); i++)
        await insert("complaint_escalations", [{ organization_id: org, complaint_id: ids[c.key], level: i + 1, at: sh(c.at) }]);
      if (c.inLibrary)
        await insert("case_library_entries", [
          {
            organization_id: org,
            complaint_id: ids[c.key],
            estate_id: estate[c.estate],
            category_id: cat[c.cat!],
            title: "漏水反复处理的教训",
            summary: "……",
            lessons: "先查原因",
            updated_at: NOW,
          },
        ]);
    }
    for (const s of STAGES) {
      const c = COMPLAINTS.find((x) => x.key === s.complaint)!;
      const started = sh(c.at);
      const deadline = s.deadline ? sh(s.deadline) : new Date(started.getTime() + 2 * 3_600_000);
      const sid = randomUUID();
      stageRows.push({ id: sid, complaint: c.key, estate: c.estate, rule: s.rule, started, status: s.status, deadline });
      await insert("sla_stages", [
        {
          id: sid,
          organization_id: org,
          complaint_id: ids[c.key],
          estate_id: estate[c.estate],
          rule: s.rule,
          clock: "WORKING",
          duration_minutes: 120,
          started_at: started,
          deadline_at: deadline,
          finished_at: s.status === "MET" || s.status === "BREACHED" ? started : null,
          status: s.status,
          breached: s.status === "BREACHED",
          updated_at: NOW,
        },
      ]);
    }
    for (const cb of CALLBACKS) {
      ids[cb.key] = randomUUID();
      const complaint = COMPLAINTS.find((c) => c.key === cb.complaint);
      await insert("callbacks", [
        {
          id: ids[cb.key],
          organization_id: org,
          no: `TCB-${cb.key}`,
          kind: cb.complaint ? "COMPLAINT" : "PERIODIC",
          method: cb.method ?? null,
          status: cb.status,
          estate_id: estate[cb.estate],
          complaint_id: cb.complaint ? ids[cb.complaint] : null,
          household_id: cb.hh ? hh[cb.hh] : complaint?.hh ? hh[complaint.hh] : null,
          called_at: cb.at ? sh(cb.at) : null,
          staff_id: cb.status === "PLANNED" ? null : staff[cb.staff],
          assigned_to_id: staff[cb.staff],
          reached: cb.status === "DONE" ? true : cb.status === "NOT_REACHED" ? false : null,
          satisfied: cb.satisfied ?? null,
          updated_at: NOW,
        },
      ]);
      for (const [i, resolved] of (cb.issues ?? []).entries()) {
        const id = randomUUID();
        issueRows.push({ id, callback: cb.key, resolved });
        await insert("callback_issues", [
          {
            id,
            organization_id: org,
            callback_id: ids[cb.key],
            description: `新问题 ${cb.key}-${i}`,
            resolved,
            department_id: dept.ENG,
            created_at: sh(cb.at!),
            updated_at: NOW,
          },
        ]);
      }
    }
    for (const v of VISITS) {
      ids[v.key] = randomUUID();
      await insert("visit_records", [
        {
          id: ids[v.key],
          organization_id: org,
          office_id: office.get(estate[v.estate]),
          estate_id: estate[v.estate],
          household_id: v.hh ? hh[v.hh] : null,
          area: v.hh ? null : "中心花园",
          kind: v.hh ? "ROUTINE" : "AREA",
          visited_at: sh(v.at),
          visitor_id: staff[v.staff],
          content: "走访",
          updated_at: NOW,
        },
      ]);
    }
    const [{ id: questionnaire }] = await q(`SELECT id FROM questionnaires WHERE code = 'SAT' ORDER BY revision DESC LIMIT 1`);
    for (const d of await q(`SELECT id, code FROM questionnaire_dimensions WHERE questionnaire_id = $1`, [questionnaire]))
      dims[d.code] = d.id;
    for (const c of CAMPAIGNS) {
      ids[c.key] = randomUUID();
      await insert("survey_campaigns", [
        {
          id: ids[c.key],
          organization_id: org,
          code: `T-${c.key}`,
          name: `测试调查 ${c.key}`,
          status: c.status,
          questionnaire_id: questionnaire,
          starts_at: sh(c.starts),
          ends_at: new Date(sh(c.starts).getTime() + 30 * 86_400_000),
          previous_campaign_id: c.previous ? ids[c.previous] : null,
          updated_at: NOW,
        },
      ]);
      for (const [code, n] of Object.entries(c.estates)) {
        await insert("survey_campaign_estates", [
          { organization_id: org, campaign_id: ids[c.key], estate_id: estate[code], resident_households: n },
        ]);
        ids[`${c.key}/${code}/sample`] = randomUUID();
        await insert("survey_samples", [
          {
            id: ids[`${c.key}/${code}/sample`],
            organization_id: org,
            campaign_id: ids[c.key],
            estate_id: estate[code],
            seed: "test",
            rate: 0.6,
            population_size: n,
            sample_size: 3,
          },
        ]);
      }
    }
    for (const m of MEMBERS) {
      const member = randomUUID();
      memberRows.push({ campaign: m.campaign, estate: m.estate, hh: m.hh });
      await insert("survey_sample_members", [
        {
          id: member,
          organization_id: org,
          sample_id: ids[`${m.campaign}/${m.estate}/sample`],
          campaign_id: ids[m.campaign],
          estate_id: estate[m.estate],
          household_id: hh[m.hh],
          reason: "RANDOM",
        },
      ]);
      if (!m.handedOut) continue;
      const handout = randomUUID();
      handoutRows.push({ id: handout, campaign: m.campaign, estate: m.estate, returned: m.returned ? sh(m.returned) : null });
      await insert("survey_handouts", [
        {
          id: handout,
          organization_id: org,
          campaign_id: ids[m.campaign],
          estate_id: estate[m.estate],
          household_id: hh[m.hh],
          sample_member_id: member,
          distributor_id: staff[m.estate === "LX" ? "assistant.lx" : "assistant.jh"],
          handed_out_at: sh(m.handedOut),
          returned_at: m.returned ? sh(m.returned) : null,
          updated_at: NOW,
        },
      ]);
      for (const [code, answer] of Object.entries(m.answers ?? {})) {
        const id = randomUUID();
        if (typeof answer === "number") responseRows.push({ id, campaign: m.campaign, estate: m.estate, dimension: code, rating: answer });
        await insert("survey_responses", [
          {
            id,
            organization_id: org,
            handout_id: handout,
            campaign_id: ids[m.campaign],
            estate_id: estate[m.estate],
            household_id: hh[m.hh],
            dimension_id: dims[code],
            rating: typeof answer === "number" ? answer : null,
            not_applicable: answer === "NA",
            updated_at: NOW,
          },
        ]);
      }
    }
    at(NOW);
  }, 120_000);

  // ---- the independent computation (plain JavaScript over the rows above) ----

  const complaint = (key: string) => COMPLAINTS.find((c) => c.key === key)!;
  const counted = (c: ComplaintSpec) => c.valid === true && !c.dup;
  /**
   * SEC-2, SEC-7, issue 15 item 8: the complaints a caller's figures leave out — the TOP_SECRET ones
   * it may not know exist (L15, designated to no one: hidden from all but the executive).
   */
  type Hidden = ReadonlySet<string>;
  const NONE: Hidden = new Set();
  const hiddenFrom = (login: string): Hidden =>
    login === "exec" ? NONE : new Set(COMPLAINTS.filter((c) => c.topSecret).map((c) => c.key));
  /** REC-2, written out: an earlier counted complaint (one the caller may know), same category, same household (or estate + location), within the window. */
  const isRepeat = (c: ComplaintSpec, hidden: Hidden = NONE) =>
    counted(c) &&
    COMPLAINTS.some(
      (e) =>
        e !== c &&
        counted(e) &&
        !hidden.has(e.key) &&
        e.cat === c.cat &&
        sh(e.at) < sh(c.at) &&
        sh(c.at).getTime() - sh(e.at).getTime() <= windowDays(c) * 86_400_000 &&
        (c.hh ? e.hh === c.hh : !e.hh && e.estate === c.estate && e.location === c.location),
    );
  const byEstate = <T extends { estate: EstateCode }>(rows: T[], e: EstateCode) => rows.filter((r) => r.estate === e);

  interface Expected {
    num: string[];
    den: string[] | number;
  }
  /**
   * metric|part → the node ids (row ids) of the numerator and the denominator (or the denominator's
   * count), for a caller who may not know the `hidden` complaints: they and everything of theirs
   * (confirmations, stages, callbacks, their issues; their households as complainants; their being
   * the earlier complaint of a repeat) are not counted (SEC-2, issue 15 item 8).
   */
  function expected(qt: Quarter, e: EstateCode, hidden: Hidden = NONE): Map<string, Expected> {
    const out = new Map<string, Expected>();
    const put = (metric: string, part: string | null, num: string[], den: string[] | number) =>
      out.set(`${metric}|${part ?? ""}`, { num, den });
    const known = (c: ComplaintSpec) => !hidden.has(c.key);
    const received = COMPLAINTS.filter((c) => c.estate === e && inQ(sh(c.at), qt) && known(c));
    const valid = received.filter(counted);
    put(
      "VALID_COMPLAINT_RATE",
      null,
      valid.map((c) => ids[c.key]!),
      resident[e]!,
    );
    put(
      "RECURRENCE_RATE",
      null,
      valid.filter((c) => isRepeat(c, hidden)).map((c) => ids[c.key]!),
      valid.map((c) => ids[c.key]!),
    );
    // CB-1: satisfied confirmations of the quarter; rounds numbered over a complaint's satisfied confirmations.
    const due = confirmationRows.filter(
      (r) =>
        r.satisfied &&
        inQ(r.at, qt) &&
        complaint(r.complaint).estate === e &&
        counted(complaint(r.complaint)) &&
        !complaint(r.complaint).exempt &&
        known(complaint(r.complaint)),
    );
    const roundMet = (r: (typeof confirmationRows)[number]) => {
      const n = confirmationRows.filter((x) => x.complaint === r.complaint && x.satisfied && x.at <= r.at).length;
      return complaint(r.complaint).rounds?.[n - 1] === "MET";
    };
    put(
      "CALLBACK_RATE",
      null,
      due.filter(roundMet).map((r) => ids[r.complaint]!),
      due.map((r) => ids[r.complaint]!),
    );
    const made = byEstate(CALLBACKS, e).filter((cb) => cb.at && inQ(sh(cb.at), qt) && !(cb.complaint && hidden.has(cb.complaint)));
    const done = made.filter((cb) => cb.status === "DONE");
    // CB-5, §11 (issue 16 item 3): phone callbacks ÷ every callback made, the customer reached or not (cb4 counts).
    put(
      "PHONE_SHARE",
      null,
      made.filter((cb) => cb.method === "PHONE").map((cb) => ids[cb.key]!),
      made.map((cb) => ids[cb.key]!),
    );
    const verdicts = done.filter((cb) => cb.satisfied !== null && cb.satisfied !== undefined);
    put(
      "CALLBACK_SATISFACTION",
      null,
      verdicts.filter((cb) => cb.satisfied).map((cb) => ids[cb.key]!),
      verdicts.map((cb) => ids[cb.key]!),
    );
    const issues = issueRows.filter((i) => made.some((cb) => cb.key === i.callback));
    put(
      "CALLBACK_RESOLUTION_RATE",
      null,
      issues.filter((i) => i.resolved).map((i) => i.id),
      issues.map((i) => i.id),
    );
    // §6: due = finished, or running past the deadline now; cancelled and paused are not due.
    const knownStages = stageRows.filter((s) => !hidden.has(s.complaint));
    const stages = knownStages.filter(
      (s) =>
        s.estate === e &&
        inQ(s.started, qt) &&
        (s.status === "MET" || s.status === "BREACHED" || (s.status === "RUNNING" && s.deadline < NOW)),
    );
    for (const rule of new Set(knownStages.filter((s) => inQ(s.started, qt) && s.status !== "CANCELLED").map((s) => s.rule))) {
      const ofRule = stages.filter((s) => s.rule === rule);
      if (
        knownStages.some(
          (s) =>
            s.rule === rule &&
            inQ(s.started, qt) &&
            (s.status === "MET" || s.status === "BREACHED" || (s.status === "RUNNING" && s.deadline < NOW)),
        )
      )
        put(
          "SLA_ATTAINMENT",
          rule,
          ofRule.filter((s) => s.status === "MET").map((s) => s.id),
          ofRule.map((s) => s.id),
        );
    }
    // VIS-1: per local month, the first visit of each household.
    const months = qt === "Q1" ? ["2031-01", "2031-02", "2031-03"] : ["2031-04", "2031-05", "2031-06"];
    for (const month of months) {
      const visits = byEstate(VISITS, e)
        .filter((v) => v.hh && v.at.startsWith(month))
        .sort((a, b) => a.at.localeCompare(b.at));
      const first = visits.filter((v, i) => visits.findIndex((w) => w.hh === v.hh) === i);
      put(
        "VISIT_RATE",
        month,
        first.map((v) => ids[v.key]!),
        resident[e]!,
      );
    }
    put(
      "COMPLAINT_SHARE",
      null,
      received.filter((c) => !c.dup).map((c) => ids[c.key]!),
      COMPLAINTS.filter((c) => inQ(sh(c.at), qt) && !c.dup && known(c)).map((c) => ids[c.key]!),
    );
    // Surveys: the campaigns that started in the quarter and ran.
    const campaigns = CAMPAIGNS.filter((c) => inQ(sh(c.starts), qt) && c.status !== "DRAFT");
    const answers = responseRows.filter((r) => r.estate === e && campaigns.some((c) => c.key === r.campaign));
    for (const d of new Set(responseRows.filter((r) => campaigns.some((c) => c.key === r.campaign)).map((r) => r.dimension))) {
      const ofDim = answers.filter((r) => r.dimension === d);
      put(
        "SATISFACTION",
        d,
        ofDim.filter((r) => r.rating >= 4).map((r) => r.id),
        ofDim.map((r) => r.id),
      );
    }
    const handouts = handoutRows.filter((h) => h.estate === e && campaigns.some((c) => c.key === h.campaign));
    put(
      "RETURN_RATE",
      null,
      handouts.filter((h) => h.returned && h.returned <= NOW).map((h) => h.id),
      handouts.map((h) => h.id),
    );
    // §11 (issue 16 item 3): distinct households handed a questionnaire ÷ resident households at the start of the
    // period's latest campaign of the estate (never a sum over campaigns; one campaign a quarter here).
    const handed = [
      ...new Set(MEMBERS.filter((m) => m.estate === e && m.handedOut && campaigns.some((c) => c.key === m.campaign)).map((m) => hh[m.hh]!)),
    ];
    const latest = campaigns.filter((c) => e in c.estates).sort((a, b) => b.starts.localeCompare(a.starts))[0];
    put("SURVEY_COVERAGE", null, handed, latest ? (latest.estates as Record<string, number>)[e]! : 0);
    // SUR-2: households with a valid complaint between the previous campaign's start and this one's.
    const complainants = campaigns.flatMap((c) => {
      const since = c.previous ? sh(CAMPAIGNS.find((p) => p.key === c.previous)!.starts) : new Date(0);
      const homes = [
        ...new Set(
          COMPLAINTS.filter(
            (x) => x.estate === e && x.hh && x.valid === true && known(x) && sh(x.at) >= since && sh(x.at) < sh(c.starts),
          ).map((x) => x.hh!),
        ),
      ];
      return homes.map((home) => ({ campaign: c.key, hh: home, sampled: memberRows.some((m) => m.campaign === c.key && m.hh === home) }));
    });
    put(
      "COMPLAINANT_COVERAGE",
      null,
      complainants.filter((x) => x.sampled).map((x) => hh[x.hh]!),
      complainants.map((x) => hh[x.hh]!),
    );
    return out;
  }

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
  const FIGURE = `metric part numerator denominator rate score target direction policyKey targetFromPolicy met denominatorListable drillDown { metric part from to sliceBy sliceKey estateIds }`;
  interface Figure {
    metric: string;
    part: string | null;
    numerator: number;
    denominator: number;
    rate: number | null;
    score: number | null;
    target: number | null;
    direction: string;
    policyKey: string | null;
    targetFromPolicy: boolean;
    met: boolean | null;
    denominatorListable: boolean;
    drillDown: Record<string, unknown>;
  }
  interface Slice {
    key: string | null;
    label: string;
    figures: Figure[];
  }
  async function metrics(input: Record<string, unknown>, login = "exec") {
    const r = await gql<{ metrics: { label: string; from: string; to: string; slices: Slice[]; notSliceable: string[] } }>(
      app,
      `query($i: MetricsInput!) { metrics(input: $i) { label from to notSliceable slices { key label figures { ${FIGURE} } } } }`,
      { i: input },
      await as(login),
    );
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data!.metrics;
  }
  const quarterInput = (qt: Quarter) => ({ period: "QUARTER", date: qt === "Q1" ? "2031-02-15" : "2031-05-15" });

  it("§11: every metric's numerator and denominator per estate and quarter equal an independent count of the test's rows (SUR-2, SUR-3, SUR-4, CB-1, CB-5, CB-7, VIS-1, SLA-2, SLA-9, SLA-10, SLA-11, REC-2)", async () => {
    for (const qt of ["Q1", "Q2"] as const) {
      const m = await metrics({
        ...quarterInput(qt),
        sliceBy: "ESTATE",
        estateIds: [globalId("Estate", estate.LX!), globalId("Estate", estate.JH!)],
        metrics: ALL,
      });
      expect(m.label).toBe(`2031-${qt}`);
      expect(m.slices.map((s) => s.label)).toEqual(["丽轩花园", "金汇广场"].sort((a, b) => a.localeCompare(b, "zh")));
      for (const e of ["LX", "JH"] as const) {
        const slice = m.slices.find((s) => s.key === globalId("Estate", estate[e]!))!;
        const want = expected(qt, e);
        const got = new Map(slice.figures.map((f) => [`${f.metric}|${f.part ?? ""}`, { num: f.numerator, den: f.denominator }]));
        const wantCounts = new Map(
          [...want].map(([k, v]) => [k, { num: v.num.length, den: typeof v.den === "number" ? v.den : v.den.length }]),
        );
        // Every expected figure is there with its exact counts; nothing else has rows.
        expect(Object.fromEntries([...got].filter(([k, v]) => wantCounts.has(k) || v.den > 0))).toEqual(Object.fromEntries(wantCounts));
      }
    }
  });

  it("§11 spot checks: REC-2 repeats (household, public location, window per estate, duplicates and invalid complaints never count), CB-1 rounds, VIS-1 local months, SUR-4 score", async () => {
    const repeats = COMPLAINTS.filter((c) => isRepeat(c)).map((c) => c.key);
    // L2 repeats L1 (before the quarter); L6 repeats L4, not the duplicate L5; L8 does not repeat the invalid L7; L10 repeats L9's location;
    // L13 is 108 days after L12; J2 is 76 days after J1 (JH's window is 60 days from 2031); J6 repeats J4; L20 is J7's text in another estate.
    expect(repeats).toEqual(["L2", "L6", "L10", "L14", "L16", "L18", "J6", "J8"]);
    const q1 = await metrics({
      ...quarterInput("Q1"),
      sliceBy: "ORGANIZATION",
      estateIds: [globalId("Estate", estate.LX!), globalId("Estate", estate.JH!)],
      metrics: ["RECURRENCE_RATE", "CALLBACK_RATE", "VISIT_RATE", "SATISFACTION"],
    });
    const f = (metric: string, part: string | null = null) => q1.slices[0]!.figures.find((x) => x.metric === metric && x.part === part)!;
    expect([f("RECURRENCE_RATE").numerator, f("RECURRENCE_RATE").denominator]).toEqual([4, 14]);
    // L2, L4 (SLA-11), L6 (its satisfied confirmation is round 1), L12 round 1, L15, J1 met; L3, L12 round 2 breached; L8 still running.
    expect([f("CALLBACK_RATE").numerator, f("CALLBACK_RATE").denominator]).toEqual([6, 9]);
    // V3 (31 January 23:30 local) is January, V4 (1 February 00:30 local) February, although both are 31 January in UTC.
    expect([f("VISIT_RATE", "2031-01").numerator, f("VISIT_RATE", "2031-02").numerator, f("VISIT_RATE", "2031-03").numerator]).toEqual([
      3, 3, 1,
    ]);
    // SUR-4 score: ratings 5, 4, 1 → 100, 75, 0.
    expect(f("SATISFACTION", "overall")).toMatchObject({ numerator: 2, denominator: 3, score: (100 + 75 + 0) / 3 });
  });

  it("SPEC preamble: targets come from the policy in force in each quarter (CB-1 lowered from 100% to 80% between Q1 and Q2), an estate's override first (SUR-4 95% for JH), and met/missed follows", async () => {
    for (const qt of ["Q1", "Q2"] as const) {
      const m = await metrics({
        ...quarterInput(qt),
        sliceBy: "ESTATE",
        estateIds: [globalId("Estate", estate.LX!), globalId("Estate", estate.JH!)],
        metrics: ["CALLBACK_RATE", "SATISFACTION", "PHONE_SHARE", "VALID_COMPLAINT_RATE", "VISIT_RATE", "RETURN_RATE"],
      });
      for (const s of m.slices) {
        const jh = s.key === globalId("Estate", estate.JH!);
        for (const f of s.figures) {
          const target = {
            CALLBACK_RATE: qt === "Q1" ? 1 : 0.8,
            SATISFACTION: jh ? 0.95 : 0.92,
            PHONE_SHARE: 0.5,
            VALID_COMPLAINT_RATE: 0.01,
            VISIT_RATE: 0.1,
            RETURN_RATE: 0.8,
          }[f.metric]!;
          expect(f.target, `${qt} ${s.label} ${f.metric}`).toBeCloseTo(target, 10);
          expect(f.targetFromPolicy).toBe(true);
          const met =
            f.denominator === 0
              ? null
              : f.direction === "AT_LEAST"
                ? f.numerator >= target * f.denominator - 1e-9
                : f.numerator <= target * f.denominator + 1e-9;
          expect(f.met, `${qt} ${s.label} ${f.metric}`).toBe(met);
        }
      }
    }
    // Without a policy value, the SPEC's default: SUR-2 complainant coverage 100%; no default for the recurrence ceiling.
    const m = await metrics({ ...quarterInput("Q1"), metrics: ["COMPLAINANT_COVERAGE", "RECURRENCE_RATE"] });
    expect(m.slices[0]!.figures.map((f) => [f.metric, f.policyKey, f.target, f.targetFromPolicy])).toEqual([
      ["COMPLAINANT_COVERAGE", "SUR-2.complainantCoverage", 1, false],
      ["RECURRENCE_RATE", "KPI.recurrenceRateMax", null, false],
    ]);
  });

  const CONNECTIONS = [
    "complaints",
    "callbacks",
    "callbackIssues",
    "slaStages",
    "surveyResponses",
    "surveyHandouts",
    "households",
    "visitRecords",
  ];
  type RowNode = { id?: string; rating?: number; dimension?: { code: string } };
  type Connection = { edges: { inNumerator: boolean; node: RowNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
  type Rows = { rowType: string; totalCount: number; hiddenCount: number } & Record<string, unknown>;
  /** Every page of the rows behind a figure (whichever connection carries them; the others are null). */
  async function drill(
    d: Record<string, unknown>,
    numeratorOnly: boolean,
    login = "exec",
  ): Promise<{ rowType: string; totalCount: number; hiddenCount: number; nodes: RowNode[] }> {
    const nodes: RowNode[] = [];
    const sel = CONNECTIONS.map(
      (c) =>
        `${c}(first: 40, after: $after) { edges { inNumerator node { ${c === "surveyResponses" ? "rating dimension { code }" : "id"} } } pageInfo { hasNextPage endCursor } }`,
    ).join(" ");
    let after: string | null = null;
    for (;;) {
      const r: { data?: { metricRows: Rows }; errors?: unknown[] } = await gql<{ metricRows: Rows }>(
        app,
        `query($i: MetricRowsInput!, $after: String) { metricRows(input: $i) { rowType totalCount hiddenCount ${sel} } }`,
        { i: { ...d, numeratorOnly }, after },
        await as(login),
      );
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      const rows: Rows = r.data!.metricRows;
      const conn = CONNECTIONS.map((c) => rows[c] as Connection | null).filter((c): c is Connection => c !== null);
      expect(conn).toHaveLength(1);
      nodes.push(...conn[0]!.edges.map((e) => e.node));
      if (!conn[0]!.pageInfo.hasNextPage)
        return { rowType: rows.rowType, totalCount: rows.totalCount, hiddenCount: rows.hiddenCount, nodes };
      after = conn[0]!.pageInfo.endCursor;
    }
  }
  const rowIds = (nodes: { id?: string }[]) => nodes.map((n) => (n.id!.length > 40 ? rowId(n.id!) : n.id!)).sort();

  it("§11 drill-down: metricRows lists exactly the rows of each figure's numerator and denominator, with the figure's own filter", async () => {
    const m = await metrics({
      ...quarterInput("Q1"),
      sliceBy: "ESTATE",
      estateIds: [globalId("Estate", estate.LX!), globalId("Estate", estate.JH!)],
      metrics: ALL,
    });
    for (const e of ["LX", "JH"] as const) {
      const want = expected("Q1", e);
      for (const f of m.slices.find((s) => s.key === globalId("Estate", estate[e]!))!.figures) {
        const w = want.get(`${f.metric}|${f.part ?? ""}`);
        if (!w) continue;
        const label = `${e} ${f.metric} ${f.part ?? ""}`;
        const num = await drill(f.drillDown, true);
        expect(num.totalCount, label).toBe(f.numerator);
        if (f.metric === "SATISFACTION") expect(num.nodes.length, label).toBe(w.num.length);
        else expect(rowIds(num.nodes), label).toEqual([...w.num].sort());
        if (!f.denominatorListable) continue;
        const den = await drill(f.drillDown, false);
        expect(den.totalCount, label).toBe(f.denominator);
        if (f.metric === "SATISFACTION")
          expect(den.nodes.map((n) => n.rating).sort()).toEqual(
            responseRows
              .filter((r) => w.den instanceof Array && (w.den as string[]).includes(r.id))
              .map((r) => r.rating)
              .sort(),
          );
        else if (typeof w.den !== "number") expect(rowIds(den.nodes), label).toEqual([...w.den].sort());
      }
    }
    // A slice without a value lists the rows without one (L19 has no department yet).
    const byDept = await metrics({
      ...quarterInput("Q2"),
      sliceBy: "DEPARTMENT",
      estateIds: [globalId("Estate", estate.LX!)],
      metrics: ["COMPLAINT_SHARE"],
    });
    const none = byDept.slices.find((s) => s.key === null)!;
    expect(none.label).toBe("未设定");
    expect(rowIds((await drill(none.figures[0]!.drillDown, true)).nodes)).toEqual([ids.L19]);
    // Bad drill-downs are refused with the field named.
    const bad = await gql(
      app,
      `query($i: MetricRowsInput!) { metricRows(input: $i) { totalCount } }`,
      { i: { metric: "SURVEY_COVERAGE", ...quarterInput("Q1") } },
      await as("exec"),
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.numeratorOnly" });
    const noPart = await gql(
      app,
      `query($i: MetricRowsInput!) { metricRows(input: $i) { totalCount } }`,
      { i: { metric: "SLA_ATTAINMENT", ...quarterInput("Q1") } },
      await as("exec"),
    );
    expect(noPart.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.part" });
  });

  it("SEC-2, SEC-7, issue 15 item 8: the executive's figures count the TOP_SECRET complaint; the manager's and the analyst's do not, and their drill-down lists exactly what they count (hiddenCount 0), masked", async () => {
    const scope = [globalId("Estate", estate.LX!), globalId("Estate", estate.JH!)];
    const counts = (m: { slices: Slice[] }, e: EstateCode) =>
      new Map(
        m.slices
          .find((s) => s.key === globalId("Estate", estate[e]!))!
          .figures.map((f) => [`${f.metric}|${f.part ?? ""}`, { num: f.numerator, den: f.denominator }]),
      );
    const exec = await metrics({ ...quarterInput("Q1"), sliceBy: "ESTATE", estateIds: scope, metrics: ALL }, "exec");
    for (const login of ["manager", "analyst"]) {
      const hidden = hiddenFrom(login);
      expect([...hidden]).toEqual(["L15"]);
      for (const qt of ["Q1", "Q2"] as const) {
        const m = await metrics({ ...quarterInput(qt), sliceBy: "ESTATE", estateIds: scope, metrics: ALL }, login);
        for (const e of ["LX", "JH"] as const) {
          const want = new Map(
            [...expected(qt, e, hidden)].map(([k, v]) => [k, { num: v.num.length, den: typeof v.den === "number" ? v.den : v.den.length }]),
          );
          const got = counts(m, e);
          expect(Object.fromEntries([...got].filter(([k, v]) => want.has(k) || v.den > 0)), `${login} ${qt} ${e}`).toEqual(
            Object.fromEntries(want),
          );
        }
      }
      // What the difference to the executive's figures is: L15 and everything of it — its complaint, its
      // confirmation round (CB-1), its SLA-2 and SLA-10 stages, its callback (cb6), and L16 as its repeat (REC-2).
      const m = await metrics({ ...quarterInput("Q1"), sliceBy: "ESTATE", estateIds: scope, metrics: ALL }, login);
      const mine = counts(m, "LX"),
        all = counts(exec, "LX");
      const diff = (k: string) => [all.get(k)!.num - mine.get(k)!.num, all.get(k)!.den - mine.get(k)!.den];
      expect(
        Object.fromEntries(
          [
            "COMPLAINT_SHARE|",
            "VALID_COMPLAINT_RATE|",
            "RECURRENCE_RATE|",
            "CALLBACK_RATE|",
            "SLA_ATTAINMENT|SLA_2",
            "SLA_ATTAINMENT|SLA_10",
            "PHONE_SHARE|",
            "CALLBACK_SATISFACTION|",
          ].map((k) => [k, diff(k)]),
        ),
      ).toEqual({
        "COMPLAINT_SHARE|": [1, 1],
        "VALID_COMPLAINT_RATE|": [1, 0],
        "RECURRENCE_RATE|": [1, 1],
        "CALLBACK_RATE|": [1, 1],
        "SLA_ATTAINMENT|SLA_2": [1, 1],
        "SLA_ATTAINMENT|SLA_10": [1, 1],
        "PHONE_SHARE|": [0, 1],
        "CALLBACK_SATISFACTION|": [1, 1],
      });
      // Every figure's drill-down lists exactly the rows it counts: nothing hidden, L15's rows nowhere.
      for (const e of ["LX", "JH"] as const) {
        const want = expected("Q1", e, hidden);
        for (const f of m.slices.find((s) => s.key === globalId("Estate", estate[e]!))!.figures) {
          const w = want.get(`${f.metric}|${f.part ?? ""}`);
          if (!w || f.metric === "SATISFACTION") continue;
          const label = `${login} ${e} ${f.metric} ${f.part ?? ""}`;
          const num = await drill(f.drillDown, true, login);
          expect([num.totalCount, num.hiddenCount, num.nodes.length], label).toEqual([f.numerator, 0, f.numerator]);
          expect(rowIds(num.nodes), label).toEqual([...w.num].sort());
          if (!f.denominatorListable) continue;
          const den = await drill(f.drillDown, false, login);
          expect([den.totalCount, den.hiddenCount, den.nodes.length], label).toEqual([f.denominator, 0, f.denominator]);
          if (typeof w.den !== "number") expect(rowIds(den.nodes), label).toEqual([...w.den].sort());
          expect(rowIds([...num.nodes, ...den.nodes]), label).not.toContain(ids.L15);
        }
      }
    }
    // The analyst reads the complaints it counts masked (SEC-7): no customer's name or content in any row.
    const d = exec.slices
      .find((s) => s.key === globalId("Estate", estate.LX!))!
      .figures.find((f) => f.metric === "VALID_COMPLAINT_RATE")!.drillDown;
    const analyst = await gql<{
      metricRows: {
        totalCount: number;
        hiddenCount: number;
        complaints: { edges: { node: { id: string; content: string; complainantName: string } }[] };
      };
    }>(
      app,
      `query($i: MetricRowsInput!) { metricRows(input: $i) { totalCount hiddenCount complaints(first: 100) { edges { node { id content complainantName } } } } }`,
      { i: { ...d, numeratorOnly: true } },
      await as("analyst"),
    );
    const rows = analyst.data!.metricRows;
    expect([rows.totalCount, rows.hiddenCount, rows.complaints.edges.length]).toEqual([10, 0, 10]);
    expect(rows.complaints.edges.every((e) => !e.node.content.includes("测试投诉") && e.node.complainantName !== "测试业主")).toBe(true);
    // The executive's figure counts L15 and lists it.
    const execRows = await drill(d, true, "exec");
    expect([execRows.totalCount, execRows.hiddenCount]).toEqual([11, 0]);
    expect(rowIds(execRows.nodes)).toContain(ids.L15);
  });

  it("§2, §11 access: figures need reports:read, only the caller's estates are counted, an estate outside the scope is refused", async () => {
    const denied = await gql(app, `{ metrics(input: { period: QUARTER, date: "2031-02-15" }) { label } }`, {}, await as("frontdesk.lx"));
    expect(denied.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const director = await metrics({ ...quarterInput("Q1"), sliceBy: "ESTATE", metrics: ["COMPLAINT_SHARE"] }, "director.lx");
    expect(director.slices.map((s) => s.label)).toEqual(["丽轩花园"]);
    // 12 complaints of 丽轩花园 in Q1, less L15 (TOP_SECRET, not designated to the director: SEC-2, issue 15 item 8).
    expect(director.slices[0]!.figures[0]).toMatchObject({ numerator: 11, denominator: 11 });
    const outside = await gql(
      app,
      `query($i: MetricsInput!) { metrics(input: $i) { label } }`,
      { i: { ...quarterInput("Q1"), estateIds: [globalId("Estate", estate.JH!)] } },
      await as("director.lx"),
    );
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.estateIds" });
    const both = await gql(
      app,
      `{ metrics(input: { period: QUARTER, from: "2031-01-01T00:00:00+08:00", to: "2031-02-01T00:00:00+08:00" }) { label } }`,
      {},
      await as("exec"),
    );
    expect(both.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.period" });
  });

  it("§11 slices: by category, department, channel, severity, staff and building the numerators add up to the organisation's; per-household denominators are the scope's", async () => {
    const scope = [globalId("Estate", estate.LX!), globalId("Estate", estate.JH!)];
    const kinds = ["VALID_COMPLAINT_RATE", "RECURRENCE_RATE", "CALLBACK_RATE", "COMPLAINT_SHARE", "PHONE_SHARE"];
    const whole = (await metrics({ ...quarterInput("Q1"), estateIds: scope, metrics: kinds })).slices[0]!.figures;
    for (const sliceBy of ["CATEGORY", "DEPARTMENT", "CHANNEL", "SEVERITY", "STAFF", "BUILDING"]) {
      const m = await metrics({ ...quarterInput("Q1"), sliceBy, estateIds: scope, metrics: kinds });
      for (const metric of kinds) {
        const figures = m.slices.flatMap((s) => s.figures.filter((f) => f.metric === metric));
        const org = whole.find((f) => f.metric === metric)!;
        expect(
          figures.reduce((s, f) => s + f.numerator, 0),
          `${sliceBy} ${metric}`,
        ).toBe(org.numerator);
        if (metric === "VALID_COMPLAINT_RATE" && sliceBy !== "BUILDING")
          expect(new Set(figures.map((f) => f.denominator))).toEqual(new Set([org.denominator]));
        else if (metric !== "COMPLAINT_SHARE")
          expect(
            figures.reduce((s, f) => s + f.denominator, 0),
            `${sliceBy} ${metric}`,
          ).toBeLessThanOrEqual(org.denominator);
      }
    }
    // A slice by staff names staff members, never a customer.
    const byStaff = await metrics({ ...quarterInput("Q1"), sliceBy: "STAFF", estateIds: scope, metrics: ["PHONE_SHARE"] });
    expect(byStaff.slices.map((s) => s.label).sort()).toEqual(expect.arrayContaining([expect.stringContaining("物业助理")]));
    expect(byStaff.notSliceable).toEqual([]);
    const notCut = await metrics({
      ...quarterInput("Q1"),
      sliceBy: "DEPARTMENT",
      estateIds: scope,
      metrics: ["SATISFACTION", "VISIT_RATE", "SLA_ATTAINMENT"],
    });
    expect(notCut.notSliceable).toEqual(["SATISFACTION", "VISIT_RATE"]);
  });

  const REPORT_FIGURES = `slices { key label figures { metric part numerator denominator target met } }`;
  const asCounts = (m: {
    slices: { key: string | null; figures: { metric: string; part: string | null; numerator: number; denominator: number }[] }[];
  }) =>
    Object.fromEntries(
      m.slices.flatMap((s) => s.figures.map((f) => [`${s.key}|${f.metric}|${f.part ?? ""}`, [f.numerator, f.denominator]])),
    );

  it("§12 reports: weekly, monthly analysis, monthly callbacks, customer feedback, quarterly satisfaction and annual summary give the §11 figures of their period", async () => {
    const scope = [globalId("Estate", estate.LX!), globalId("Estate", estate.JH!)];
    const same = async (report: { from: string; to: string } & Record<string, unknown>, section: string, sliceBy: string) => {
      const s = report[section] as { slices: Slice[] };
      const kinds = [...new Set(s.slices.flatMap((x) => x.figures.map((f) => f.metric)))];
      // The same caller (the manager): a report counts what its reader may know (SEC-2, issue 15 item 8).
      const direct = await metrics({ from: report.from, to: report.to, sliceBy, estateIds: scope, metrics: kinds }, "manager");
      expect(asCounts(s), section).toEqual(asCounts(direct));
    };
    const run = async <T>(query: string) => {
      const r = await gql<T>(app, query, { e: scope }, await as("manager"));
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      return r.data!;
    };
    const weekly = (
      await run<{
        weeklyComplaintReport: Record<string, unknown> & { label: string; from: string; to: string };
      }>(`query($e: [ID!]) { weeklyComplaintReport(week: "2031-01-22", estateIds: $e) {
      label from to totals { ${REPORT_FIGURES} } byEstate { ${REPORT_FIGURES} } byChannel { ${REPORT_FIGURES} } byCategory { ${REPORT_FIGURES} } bySeverity { ${REPORT_FIGURES} } } }`)
    ).weeklyComplaintReport;
    expect([weekly.label, weekly.from]).toEqual(["2031-W04", sh("2031-01-20T00:00:00").toISOString()]);
    // L4 (20 January) counts; its duplicate L5 does not (INT-4).
    expect(asCounts(weekly.totals as { slices: Slice[] })["ALL|COMPLAINT_SHARE|"]).toEqual([1, 1]);
    for (const [section, sliceBy] of [
      ["totals", "ORGANIZATION"],
      ["byEstate", "ESTATE"],
      ["byChannel", "CHANNEL"],
      ["byCategory", "CATEGORY"],
      ["bySeverity", "SEVERITY"],
    ])
      await same(weekly, section!, sliceBy!);

    const cases = `typicalCases { escalations fromCaseLibrary complaint { id no } }`;
    const january = (
      await run<{
        monthlyComplaintAnalysis: Record<string, unknown> & {
          from: string;
          to: string;
          typicalCases: { escalations: number; fromCaseLibrary: boolean; complaint: { id: string } }[];
        };
      }>(`query($e: [ID!]) { monthlyComplaintAnalysis(month: "2031-01", estateIds: $e) {
      label from to totals { ${REPORT_FIGURES} } byCategory { ${REPORT_FIGURES} } byDepartment { ${REPORT_FIGURES} } byEstate { ${REPORT_FIGURES} } ${cases} } }`)
    ).monthlyComplaintAnalysis;
    for (const [section, sliceBy] of [
      ["totals", "ORGANIZATION"],
      ["byCategory", "CATEGORY"],
      ["byDepartment", "DEPARTMENT"],
      ["byEstate", "ESTATE"],
    ])
      await same(january, section!, sliceBy!);
    // REC-4: none of January's closed complaints is in the case library: the most escalated (L4; L2 was never escalated).
    expect(january.typicalCases.map((c) => [rowId(c.complaint.id), c.escalations, c.fromCaseLibrary])).toEqual([[ids.L4, 1, false]]);
    const february = (
      await run<{
        monthlyComplaintAnalysis: { typicalCases: { escalations: number; fromCaseLibrary: boolean; complaint: { id: string } }[] };
      }>(`query($e: [ID!]) { monthlyComplaintAnalysis(month: "2031-02", estateIds: $e) { ${cases} } }`)
    ).monthlyComplaintAnalysis;
    // February: L6 is in the case library, so it is the typical case, although L12 was escalated more.
    expect(february.typicalCases.map((c) => [rowId(c.complaint.id), c.escalations, c.fromCaseLibrary])).toEqual([[ids.L6, 1, true]]);

    const callbacks = (
      await run<{
        monthlyCallbackStatistics: Record<string, unknown> & { from: string; to: string };
      }>(`query($e: [ID!]) { monthlyCallbackStatistics(month: "2031-01", estateIds: $e) {
      from to totals { ${REPORT_FIGURES} } byEstate { ${REPORT_FIGURES} } byStaff { ${REPORT_FIGURES} } bySeverity { ${REPORT_FIGURES} } } }`)
    ).monthlyCallbackStatistics;
    for (const [section, sliceBy] of [
      ["totals", "ORGANIZATION"],
      ["byEstate", "ESTATE"],
      ["byStaff", "STAFF"],
      ["bySeverity", "SEVERITY"],
    ])
      await same(callbacks, section!, sliceBy!);
    const feedback = (
      await run<{
        monthlyCustomerFeedback: Record<string, unknown> & { from: string; to: string };
      }>(`query($e: [ID!]) { monthlyCustomerFeedback(month: "2031-02", estateIds: $e) {
      from to totals { ${REPORT_FIGURES} } byEstate { ${REPORT_FIGURES} } byCategory { ${REPORT_FIGURES} } byChannel { ${REPORT_FIGURES} } } }`)
    ).monthlyCustomerFeedback;
    for (const [section, sliceBy] of [
      ["totals", "ORGANIZATION"],
      ["byEstate", "ESTATE"],
      ["byCategory", "CATEGORY"],
      ["byChannel", "CHANNEL"],
    ])
      await same(feedback, section!, sliceBy!);

    const quarterly = (
      await run<{
        quarterlySatisfactionReport: Record<string, unknown> & { label: string; from: string; to: string };
      }>(`query($e: [ID!]) { quarterlySatisfactionReport(quarter: "2031-Q1", estateIds: $e) {
      label from to totals { ${REPORT_FIGURES} } byEstate { ${REPORT_FIGURES} } } }`)
    ).quarterlySatisfactionReport;
    expect(quarterly.label).toBe("2031-Q1");
    for (const [section, sliceBy] of [
      ["totals", "ORGANIZATION"],
      ["byEstate", "ESTATE"],
    ])
      await same(quarterly, section!, sliceBy!);
    // Satisfaction per dimension × estate with its target (SUR-4: JH's override).
    const jh = (quarterly.byEstate as { slices: Slice[] }).slices.find((s) => s.key === globalId("Estate", estate.JH!))!;
    expect(jh.figures.filter((f) => f.metric === "SATISFACTION").map((f) => [f.part, f.numerator, f.denominator, f.target])).toEqual([
      ["cleaning", 1, 2, 0.95],
      ["overall", 1, 2, 0.95],
      ["security", 1, 1, 0.95],
    ]);

    const annual = (
      await run<{
        annualSummary: Record<string, unknown> & {
          from: string;
          to: string;
          quarters: { label: string; slices: Slice[] }[];
          typicalCases: unknown[];
        };
      }>(`query($e: [ID!]) { annualSummary(year: "2031", estateIds: $e) {
      label from to totals { ${REPORT_FIGURES} } byEstate { ${REPORT_FIGURES} } bySeverity { ${REPORT_FIGURES} } byCategory { ${REPORT_FIGURES} } quarters { label ${REPORT_FIGURES} } ${cases} } }`)
    ).annualSummary;
    for (const [section, sliceBy] of [
      ["totals", "ORGANIZATION"],
      ["byEstate", "ESTATE"],
      ["bySeverity", "SEVERITY"],
      ["byCategory", "CATEGORY"],
    ])
      await same(annual, section!, sliceBy!);
    expect(annual.quarters.map((x) => x.label)).toEqual(["2031-Q1", "2031-Q2", "2031-Q3", "2031-Q4"]);
    // Each quarter judged by its own policy: CB-1 100% in Q1, 80% from Q2.
    expect(annual.quarters.map((x) => x.slices[0]!.figures.find((f) => f.metric === "CALLBACK_RATE")!.target)).toEqual([1, 0.8, 0.8, 0.8]);
    const q1 = await metrics({ ...quarterInput("Q1"), estateIds: scope, metrics: ["CALLBACK_RATE"] }, "manager");
    expect(
      asCounts({
        slices: [
          {
            ...annual.quarters[0]!.slices[0]!,
            figures: annual.quarters[0]!.slices[0]!.figures.filter((f) => f.metric === "CALLBACK_RATE"),
          },
        ],
      }),
    ).toEqual(asCounts(q1));
    // The year's library case first (L6).
    expect(annual.typicalCases).toHaveLength(1);

    const bad = await gql(app, `{ quarterlySatisfactionReport(quarter: "2031-Q5") { label } }`, {}, await as("manager"));
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "quarter" });
  });

  it("performance: the SQL statements of a request do not grow with the number of estates, slices or rows per page", async () => {
    const count = async (query: string, variables: Record<string, unknown>, login = "exec") => {
      const caller = await as(login);
      statements.length = 0;
      const r = await gql(app, query, variables, caller);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      return statements.length;
    };
    const one = [globalId("Estate", estate.LX!)];
    const all = ["LX", "JH", "KC", "CH"].map((c) => globalId("Estate", estate[c]!));
    const METRICS = `query($i: MetricsInput!) { metrics(input: $i) { slices { key label figures { metric part numerator denominator target met drillDown { sliceKey } } } } }`;
    for (const sliceBy of ["ESTATE", "CATEGORY", "STAFF", "BUILDING"]) {
      const few = await count(METRICS, { i: { ...quarterInput("Q1"), sliceBy, estateIds: one, metrics: ALL } });
      const many = await count(METRICS, { i: { ...quarterInput("Q1"), sliceBy, estateIds: all, metrics: ALL } });
      expect(many, sliceBy).toBe(few);
    }
    // Inside the request's transaction (after BEGIN and the role, before COMMIT): the organisation and
    // the estates, the policies, JIT off, every figure in one statement, the staff members' names.
    await count(METRICS, { i: { ...quarterInput("Q1"), sliceBy: "STAFF", estateIds: all, metrics: ALL } });
    expect(statements.slice(statements.indexOf("BEGIN") + 2, statements.lastIndexOf("COMMIT"))).toHaveLength(6);
    const ROWS = `query($i: MetricRowsInput!, $n: Int) { metricRows(input: $i) { totalCount complaints(first: $n) { edges { node { no content estate { name } category { name parent { name } } household { code } } } } } }`;
    const input = { metric: "COMPLAINT_SHARE", ...quarterInput("Q1"), estateIds: all };
    expect(await count(ROWS, { i: input, n: 30 })).toBe(await count(ROWS, { i: input, n: 2 }));
    const REPORT = `query($e: [ID!]) { quarterlySatisfactionReport(quarter: "2031-Q1", estateIds: $e) { totals { ${REPORT_FIGURES} } byEstate { ${REPORT_FIGURES} } } }`;
    expect(await count(REPORT, { e: all })).toBe(await count(REPORT, { e: one }));
  });
});
