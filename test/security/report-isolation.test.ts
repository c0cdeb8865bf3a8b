import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, rowId, signIn, type Caller } from "../api/graphql.ts";
import { demoClock } from "../demo-clock.ts";

/**
 * Issue 15 item 8, SEC-2 / SEC-7: report queries must not isolate a TOP_SECRET record. The attack
 * as reported: `complaintCounts` and `metrics` over a 1 ms window answered 1 where the ledger showed
 * 0, halving the window found a hidden complaint's instant, estate, building, department and
 * category, and `recurringProblems` counted 17 complaints while listing 16, with the hidden one's
 * `firstReceivedAt`. The rule now: figures are computed over what the caller may know exists — a
 * TOP_SECRET complaint (and everything hanging off it) counts only for the executive and those
 * designated at TOP_SECRET — so every figure equals what the caller can list.
 *
 * Replayed here on the demo company with a TOP_SECRET complaint made by SQL (designated to neither
 * attacker, the analyst and the manager), with an SLA stage and a callback at its instant, and two
 * later complaints at the same household and category that make it part of a recurring problem.
 */
const sh = (local: string) => new Date(`${local}+08:00`);
/** The hidden complaint's instant: an odd millisecond of an ordinary working day of the demo's history. */
const AT = sh("2026-10-14T13:37:21.457");
const DAY_FROM = sh("2026-10-14T00:00:00");
const DAY_TO = sh("2026-10-15T00:00:00");
const MS = 1;
const DAY = 86_400_000;
const ATTACKERS = ["analyst", "manager"] as const;

const WINDOW = `query($from: DateTime!, $to: DateTime!) {
  ledger: complaints(first: 1, filter: { receivedFrom: $from, receivedBefore: $to, includeDuplicates: false }) { totalCount }
  byEstate: complaintCounts(by: ESTATE, from: $from, before: $to) { key count }
  byCategory: complaintCounts(by: CATEGORY, from: $from, before: $to) { key count }
  metrics(input: { from: $from, to: $to, metrics: [COMPLAINT_SHARE, VALID_COMPLAINT_RATE, RECURRENCE_RATE, SLA_ATTAINMENT, PHONE_SHARE, CALLBACK_SATISFACTION] }) {
    slices { figures { metric part numerator denominator } }
  }
}`;
interface Window {
  ledger: { totalCount: number };
  byEstate: { key: string | null; count: number }[];
  byCategory: { key: string | null; count: number }[];
  metrics: { slices: { figures: { metric: string; part: string | null; numerator: number; denominator: number }[] }[] };
}

describe("issue 15 item 8 (SEC-2, SEC-7): report figures never single out a TOP_SECRET complaint the caller may not know", () => {
  const t = useTestDatabase("demo");
  let app: App;
  const callers: Record<string, Caller> = {};
  const as = async (login: string) => (callers[login] ??= await signIn(app, login));
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  const ids: Record<string, string> = {};

  async function window(login: string, from: Date, to: Date): Promise<Window> {
    const r = await gql<Window>(app, WINDOW, { from: from.toISOString(), to: to.toISOString() }, await as(login));
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data!;
  }
  const figure = (w: Window, metric: string, part: string | null = null) => {
    const f = w.metrics.slices[0]!.figures.find((x) => x.metric === metric && x.part === part);
    return f ? [f.numerator, f.denominator] : [0, 0];
  };
  const sum = (rows: { count: number }[]) => rows.reduce((s, r) => s + r.count, 0);

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: demoClock() });
    const [{ id: org }] = await q(`SELECT id FROM organizations`);
    const [lx] = await q(`SELECT id FROM estates WHERE code = 'LX'`);
    const [b] = await q(`SELECT id FROM buildings WHERE estate_id = $1 ORDER BY id LIMIT 1`, [lx.id]);
    const [{ id: category }] = await q(`SELECT id FROM categories WHERE code = 'ENG-LEAK'`);
    const [{ id: dept }] = await q(`SELECT id FROM departments WHERE code = 'ENG'`);
    const staff = Object.fromEntries((await q(`SELECT id, login FROM staff`)).map((s) => [s.login, s.id]));
    Object.assign(ids, { org, LX: lx.id, building: b.id, category, dept });
    // A household of its own, so that the recurring problem below holds only this file's complaints.
    const [{ id: household }] = await q(
      `INSERT INTO households (organization_id, code, estate_id, building_id, room, occupied, updated_at)
      VALUES ($1, 'LX-ISO-1', $2, $3, 'ISO-1', true, now()) RETURNING id`,
      [org, lx.id, b.id],
    );
    ids.household = household;
    const complaint = async (key: string, at: Date, classification: string) => {
      const [{ id }] = await q(
        `INSERT INTO complaints (organization_id, no, received_at, channel, estate_id, building_id, household_id, content, kind, severity, valid,
          category_id, status, lead_department_id, classification, updated_at)
        VALUES ($1, $2, $3, 'PHONE', $4, $5, $6, '隔离测试：卫生间漏水', 'ENGINEERING', 'GENERAL', true, $7, 'IN_PROGRESS', $8, $9, now()) RETURNING id`,
        [org, `ISO-${key}`, at, lx.id, b.id, household, category, dept, classification],
      );
      ids[key] = id;
    };
    // The hidden complaint, designated to no attacker; then two later ones at the same place (REC-2).
    await complaint("H", AT, "TOP_SECRET");
    await complaint("V1", new Date(AT.getTime() + 5 * DAY), "SECRET");
    await complaint("V2", new Date(AT.getTime() + 10 * DAY), "SECRET");
    // What hangs off it: an SLA-2 stage started at its instant (met) and a phone callback made then.
    await q(
      `INSERT INTO sla_stages (organization_id, complaint_id, estate_id, rule, clock, duration_minutes, started_at, deadline_at, finished_at, status, breached, updated_at)
      VALUES ($1, $2, $3, 'SLA_2', 'WORKING', 120, $4, $5, $4, 'MET', false, now())`,
      [org, ids.H, lx.id, AT, new Date(AT.getTime() + 2 * 3_600_000)],
    );
    await q(
      `INSERT INTO callbacks (id, organization_id, no, kind, method, status, estate_id, complaint_id, household_id, called_at, staff_id, assigned_to_id, reached, satisfied, updated_at)
      VALUES ($1, $2, 'ISO-CB-1', 'COMPLAINT', 'PHONE', 'DONE', $3, $4, $5, $6, $7, $7, true, true, now())`,
      [randomUUID(), org, lx.id, ids.H, household, AT, staff["assistant.lx"]],
    );
    // Those designated at TOP_SECRET may know it (SEC-2): the office director of its estate.
    await q(
      `INSERT INTO access_designations (organization_id, record_type, record_id, level, staff_id, designated_by_id, reason)
      VALUES ($1, 'COMPLAINT', $2, 'TOP_SECRET', $3, $4, '隔离测试')`,
      [org, ids.H, staff["director.lx"], staff.exec],
    );
  }, 120_000);

  it("issue 15 item 8: over a 1 ms window holding only the hidden complaint, complaintCounts and metrics answer 0 to the analyst and the manager, as their ledger does; 1 to the executive and the designated director", async () => {
    const to = new Date(AT.getTime() + MS);
    for (const login of ATTACKERS) {
      const w = await window(login, AT, to);
      expect(w.ledger.totalCount, login).toBe(0);
      expect([w.byEstate, w.byCategory], login).toEqual([[], []]);
      expect(
        Object.fromEntries(
          ["COMPLAINT_SHARE", "VALID_COMPLAINT_RATE", "RECURRENCE_RATE", "PHONE_SHARE", "CALLBACK_SATISFACTION"].map((m) => [
            m,
            figure(w, m),
          ]),
        ),
        login,
      ).toEqual({
        COMPLAINT_SHARE: [0, 0],
        VALID_COMPLAINT_RATE: [0, figure(w, "VALID_COMPLAINT_RATE")[1]],
        RECURRENCE_RATE: [0, 0],
        PHONE_SHARE: [0, 0],
        CALLBACK_SATISFACTION: [0, 0],
      });
      expect(figure(w, "SLA_ATTAINMENT", "SLA_2"), login).toEqual([0, 0]);
    }
    for (const login of ["exec", "director.lx"]) {
      const w = await window(login, AT, to);
      expect(w.ledger.totalCount, login).toBe(1);
      expect([w.byEstate, w.byCategory], login).toEqual([[{ key: ids.LX, count: 1 }], [{ key: ids.category, count: 1 }]]);
      expect(
        [
          figure(w, "COMPLAINT_SHARE"),
          figure(w, "VALID_COMPLAINT_RATE")[0],
          figure(w, "RECURRENCE_RATE"),
          figure(w, "SLA_ATTAINMENT", "SLA_2"),
          figure(w, "PHONE_SHARE"),
          figure(w, "CALLBACK_SATISFACTION"),
        ],
        login,
      ).toEqual([[1, 1], 1, [0, 1], [1, 1], [1, 1], [1, 1]]);
    }
  });

  it("issue 15 item 8: no slice of the 1 ms window names the hidden complaint's estate, building, department or category to the attackers (the executive's does)", async () => {
    const SLICED = `query($from: DateTime!, $to: DateTime!, $by: MetricSliceBy!) { metrics(input: { from: $from, to: $to, sliceBy: $by, metrics: [COMPLAINT_SHARE, SLA_ATTAINMENT] }) {
      slices { key figures { metric numerator denominator } } } }`;
    const want: Record<string, string> = {
      ESTATE: globalId("Estate", ids.LX!),
      BUILDING: globalId("Building", ids.building!),
      DEPARTMENT: globalId("Department", ids.dept!),
      CATEGORY: globalId("Category", ids.category!),
    };
    for (const by of Object.keys(want)) {
      for (const login of [...ATTACKERS, "exec"]) {
        const r = await gql<{
          metrics: { slices: { key: string | null; figures: { metric: string; numerator: number; denominator: number }[] }[] };
        }>(app, SLICED, { from: AT.toISOString(), to: new Date(AT.getTime() + MS).toISOString(), by }, await as(login));
        expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
        // A slice that counts it: a numerator (COMPLAINT_SHARE's denominator is the scope's, shared by every slice) or an SLA stage due.
        const counted = r
          .data!.metrics.slices.filter((s) =>
            s.figures.some((f) => f.numerator > 0 || (f.metric === "SLA_ATTAINMENT" && f.denominator > 0)),
          )
          .map((s) => s.key);
        expect(counted, `${login} by ${by}`).toEqual(login === "exec" ? [want[by]] : []);
      }
    }
  });

  it("issue 15 item 8: a window-halving search over the day finds nothing — at every step both halves' figures equal the ledger's counts for them", async () => {
    for (const login of ATTACKERS) {
      let [lo, hi] = [DAY_FROM.getTime(), DAY_TO.getTime()];
      let steps = 0;
      while (hi - lo > 1) {
        const mid = lo + Math.floor((hi - lo) / 2);
        for (const [from, to] of [
          [lo, mid],
          [mid, hi],
        ] as const) {
          const w = await window(login, new Date(from), new Date(to));
          const label = `${login} [${new Date(from).toISOString()}, ${new Date(to).toISOString()})`;
          expect([sum(w.byEstate), sum(w.byCategory), figure(w, "COMPLAINT_SHARE")[0]], label).toEqual([
            w.ledger.totalCount,
            w.ledger.totalCount,
            w.ledger.totalCount,
          ]);
        }
        // The attacker's best case: follow the half that holds the hidden instant (known here, not to them).
        if (AT.getTime() < mid) hi = mid;
        else lo = mid;
        steps++;
      }
      // Down to the millisecond (⌈log2 86,400,000⌉ = 27 halvings at most) without a single difference.
      expect(lo).toBe(AT.getTime());
      expect(steps).toBeGreaterThanOrEqual(26);
    }
    // The whole day: the attackers' figures are their ledger; the executive's holds one complaint more than theirs would without it.
    const exec = await window("exec", DAY_FROM, DAY_TO);
    expect([sum(exec.byEstate), figure(exec, "COMPLAINT_SHARE")[0]]).toEqual([exec.ledger.totalCount, exec.ledger.totalCount]);
  });

  it("issue 15 item 8: metricRows lists exactly what the figure counts (hiddenCount 0), the hidden complaint only to the executive", async () => {
    const ROWS = `query($i: MetricRowsInput!) { metricRows(input: $i) { totalCount hiddenCount complaints(first: 500) { edges { node { id } } } } }`;
    const input = { metric: "COMPLAINT_SHARE", from: DAY_FROM.toISOString(), to: DAY_TO.toISOString(), numeratorOnly: true };
    for (const login of [...ATTACKERS, "exec"]) {
      const w = await window(login, DAY_FROM, DAY_TO);
      const r = await gql<{ metricRows: { totalCount: number; hiddenCount: number; complaints: { edges: { node: { id: string } }[] } } }>(
        app,
        ROWS,
        { i: input },
        await as(login),
      );
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      const rows = r.data!.metricRows;
      const listed = rows.complaints.edges.map((e) => rowId(e.node.id));
      expect([rows.totalCount, rows.hiddenCount, listed.length], login).toEqual([w.ledger.totalCount, 0, w.ledger.totalCount]);
      if (login === "exec") expect(listed).toContain(ids.H);
      else expect(listed, login).not.toContain(ids.H);
    }
  });

  it("issue 15 item 8: recurringProblems counts what it lists and its firstReceivedAt is not the hidden one's; V1 is no repeat to the attackers (REC-2)", async () => {
    const PROBLEMS = `query($i: RecurringProblemsInput!) { recurringProblems(input: $i, first: 200) { totalCount edges { node {
      household { id } complaintCount repeatCount firstReceivedAt lastReceivedAt complaints(first: 100) { totalCount edges { node { id } } } } } } }`;
    const input = {
      from: DAY_FROM.toISOString(),
      to: new Date(DAY_TO.getTime() + 30 * DAY).toISOString(),
      estateId: globalId("Estate", ids.LX!),
      categoryId: globalId("Category", ids.category!),
    };
    type Problem = {
      household: { id: string } | null;
      complaintCount: number;
      repeatCount: number;
      firstReceivedAt: string;
      lastReceivedAt: string;
      complaints: { totalCount: number; edges: { node: { id: string } }[] };
    };
    const REPEAT = `query($a: ID!, $b: ID!) { a: node(id: $a) { ... on Complaint { isRepeat repeatOf { id } } } b: node(id: $b) { ... on Complaint { isRepeat repeatOf { id } } } }`;
    for (const login of [...ATTACKERS, "exec"]) {
      const r = await gql<{ recurringProblems: { totalCount: number; edges: { node: Problem }[] } }>(
        app,
        PROBLEMS,
        { i: input },
        await as(login),
      );
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      const problems = r.data!.recurringProblems.edges.map((e) => e.node);
      expect(problems.length, login).toBe(r.data!.recurringProblems.totalCount);
      // Every problem counts exactly the complaints it lists.
      for (const p of problems)
        expect([p.complaints.totalCount, p.complaints.edges.length], login).toEqual([p.complaintCount, p.complaintCount]);
      const ours = problems.find((p) => p.household && rowId(p.household.id) === ids.household)!;
      const listed = ours.complaints.edges.map((e) => rowId(e.node.id));
      if (login === "exec") {
        expect([ours.complaintCount, ours.repeatCount, ours.firstReceivedAt, listed]).toEqual([
          3,
          2,
          AT.toISOString(),
          [ids.H, ids.V1, ids.V2],
        ]);
      } else {
        // V2 repeats V1; H does not exist for them, so V1 repeats nothing and the problem starts at V1.
        expect([ours.complaintCount, ours.repeatCount, ours.firstReceivedAt, listed], login).toEqual([
          2,
          1,
          new Date(AT.getTime() + 5 * DAY).toISOString(),
          [ids.V1, ids.V2],
        ]);
        expect(
          problems.map((p) => p.firstReceivedAt),
          login,
        ).not.toContain(AT.toISOString());
      }
      const rep = await gql<{
        a: { isRepeat: boolean; repeatOf: { id: string } | null };
        b: { isRepeat: boolean; repeatOf: { id: string } | null };
      }>(app, REPEAT, { a: globalId("Complaint", ids.V1!), b: globalId("Complaint", ids.V2!) }, await as(login));
      expect(rep.errors, JSON.stringify(rep.errors)).toBeUndefined();
      const named = (x: { isRepeat: boolean; repeatOf: { id: string } | null }) => [x.isRepeat, x.repeatOf ? rowId(x.repeatOf.id) : null];
      expect([named(rep.data!.a), named(rep.data!.b)], login).toEqual([login === "exec" ? [true, ids.H] : [false, null], [true, ids.V1]]);
    }
  });

  it("issue 15 item 8: slaAttainment and callbackMethodShare over the 1 ms window count nothing for the attackers, the stage and the callback for the executive", async () => {
    const OTHER = `query($from: DateTime!, $to: DateTime!) { slaAttainment(from: $from, to: $to) { rule met decided } callbackMethodShare(from: $from, to: $to) { numerator denominator callbacksDone } }`;
    for (const login of [...ATTACKERS, "exec"]) {
      const r = await gql<{
        slaAttainment: { rule: string; met: number; decided: number }[];
        callbackMethodShare: { numerator: number; denominator: number; callbacksDone: number };
      }>(app, OTHER, { from: AT.toISOString(), to: new Date(AT.getTime() + MS).toISOString() }, await as(login));
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      const hidden = login !== "exec";
      expect(r.data!.slaAttainment, login).toEqual(hidden ? [] : [{ rule: "SLA_2", met: 1, decided: 1 }]);
      expect(r.data!.callbackMethodShare, login).toEqual(
        hidden ? { numerator: 0, denominator: 0, callbacksDone: 0 } : { numerator: 1, denominator: 1, callbacksDone: 1 },
      );
    }
  });
});
