import { beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "@tingjian/server";
import { useTestDatabase } from "@tingjian/prisma/testing";
import { gql, globalId, rowId, signIn, type Caller, type GqlResult } from "./graphql.ts";

/**
 * WF-8 daily review (日清日审, 004 §1 item 4) through the API, on a fixed clock: Monday
 * 2026-11-23 15:00 in Shanghai, after the demo history ends (so the day's events are the test's).
 */
const NOW = new Date("2026-11-23T07:00:00Z");
const DAY = "2026-11-23";
const OPEN = ["REGISTERED", "CLASSIFIED", "ASSIGNED", "PLANNED", "IN_PROGRESS", "FORWARDED_TO_DEVELOPER", "REOPENED", "RESOLVED"];

const LIST = `query($date: Date!, $estate: ID, $all: Boolean, $after: String) {
  dailyReview(date: $date, estateId: $estate, withoutProgressOnly: $all, first: 3, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { hadProgress review { reviewDate hadProgress note reviewer { login } } node { id status estate { code } } }
  } }`;

interface Edge {
  hadProgress: boolean;
  review: { reviewDate: string; hadProgress: boolean; note: string | null; reviewer: { login: string } } | null;
  node: { id: string; status: string; estate: { code: string } };
}
interface Page {
  dailyReview: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Edge[] };
}

const REGISTER = `mutation($input: RegisterComplaintInput!) { registerComplaint(input: $input) { ... on MutationRegisterComplaintSuccess { data { id } } } }`;

const RECORD = `mutation($input: RecordDailyReviewInput!) { recordDailyReview(input: $input) {
  __typename ... on Error { message } ... on InputError { field }
  ... on MutationRecordDailyReviewSuccess { data { reviewDate hadProgress note reviewer { login } } } } }`;

describe("daily review (WF-8)", () => {
  const t = useTestDatabase("demo");
  let app: App;
  const q = (sql: string, params: unknown[] = []) => t.db.pool.query(sql, params).then((r) => r.rows);
  let clerk: Caller, jh: Caller, analyst: Caller, service: Caller;
  let lx = "";
  /**
   * Open first reports of 丽轩花园: A progressed in the morning, B just after local midnight (UTC:
   * the day before), C just after the next local midnight, D was only reviewed, E and F stood still.
   */
  let A = "",
    B = "",
    C = "",
    D = "",
    E = "",
    F = "",
    duplicate = "";

  /** Every page of the list, as complaint row id → edge. */
  async function all(variables: Record<string, unknown>, caller = clerk): Promise<{ totalCount: number; edges: Map<string, Edge> }> {
    const edges = new Map<string, Edge>();
    let after: string | null = null;
    let totalCount = 0;
    do {
      const r: GqlResult<Page> = await gql<Page>(app, LIST, { date: DAY, ...variables, after }, caller);
      expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
      const page: Page["dailyReview"] = r.data!.dailyReview;
      totalCount = page.totalCount;
      for (const e of page.edges) edges.set(rowId(e.node.id), e);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return { totalCount, edges };
  }

  /** The rule as the test states it, in SQL on each estate's local day (TOP_SECRET cases are not the callers' to know). */
  async function oracle(estateId: string | null): Promise<Map<string, boolean>> {
    // Progress is what people did: events without an actor are the system's (WF-7 breach found, WF-5 acceptance).
    const rows = await q(
      `SELECT k.id, EXISTS (SELECT 1 FROM complaint_events e WHERE e.complaint_id = k.id AND e.kind <> 'REVIEWED' AND e.actor_id IS NOT NULL
        AND (e.at AT TIME ZONE es.timezone)::date = $2::date) AS progress
      FROM complaints k JOIN estates es ON es.id = k.estate_id
      WHERE ($1::uuid IS NULL OR k.estate_id = $1) AND k.status = ANY($3::complaint_status[]) AND k.duplicate_of_id IS NULL
        AND k.classification <> 'TOP_SECRET' AND (k.received_at AT TIME ZONE es.timezone)::date <= $2::date`,
      [estateId, DAY, OPEN],
    );
    return new Map(rows.map((r) => [r.id as string, r.progress as boolean]));
  }

  const event = (complaintId: string, kind: string, at: string) =>
    q(
      `INSERT INTO complaint_events (organization_id, complaint_id, kind, at, actor_id) SELECT organization_id, id, $2::complaint_event_kind, $3, received_by_id FROM complaints WHERE id = $1`,
      [complaintId, kind, at],
    );

  beforeAll(async () => {
    app = createApp({ prisma: t.prisma, clock: () => NOW });
    clerk = await signIn(app, "frontdesk.lx");
    jh = await signIn(app, "frontdesk.jh");
    analyst = await signIn(app, "analyst");
    service = await signIn(app, "service1");
    [{ id: lx }] = await q(`SELECT id FROM estates WHERE code = 'LX'`);
    // Open complaints registered before the day (their REGISTERED event is on the 20th), and a duplicate of the last.
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await gql<{ registerComplaint: { data: { id: string } } }>(
        app,
        REGISTER,
        {
          input: {
            channel: "PHONE",
            estateId: globalId("Estate", lx),
            location: `${i + 1}栋大堂`,
            anonymous: true,
            content: `日审测试${i}`,
            receivedAt: `2026-11-20T0${i}:00:00Z`,
          },
        },
        clerk,
      );
      ids.push(rowId(r.data!.registerComplaint.data.id));
    }
    [A, B, C, D, E, F] = ids as [string, string, string, string, string, string];
    const dup = await gql<{ registerComplaint: { data: { id: string } } }>(
      app,
      REGISTER,
      {
        input: {
          channel: "VISIT",
          estateId: globalId("Estate", lx),
          location: "6栋大堂",
          anonymous: true,
          content: "同一问题",
          receivedAt: "2026-11-21T01:00:00Z",
          duplicateOfId: globalId("Complaint", F),
        },
      },
      clerk,
    );
    duplicate = rowId(dup.data!.registerComplaint.data.id);
    await event(A, "NOTE", "2026-11-23T01:00:00Z"); // 09:00 local
    await event(B, "NOTE", "2026-11-22T16:30:00Z"); // 00:30 local on the 23rd
    await event(C, "NOTE", "2026-11-23T16:30:00Z"); // 00:30 local on the 24th
    await event(D, "REVIEWED", "2026-11-23T02:00:00Z"); // a review is not progress
  }, 60_000);

  it("WF-8: lists the open complaints without progress that local day (duplicates excluded), paginated, as the rule computes it", async () => {
    const expected = await oracle(lx);
    const withoutProgress = [...expected]
      .filter(([, p]) => !p)
      .map(([id]) => id)
      .sort();
    const listed = await all({ estate: globalId("Estate", lx) });
    expect(listed.totalCount).toBe(withoutProgress.length);
    expect([...listed.edges.keys()].sort()).toEqual(withoutProgress);
    expect(withoutProgress).toEqual([C, D, E, F].sort()); // two pages of three
    expect(listed.edges.has(duplicate)).toBe(false);
    for (const e of listed.edges.values()) {
      expect(e.hadProgress).toBe(false);
      expect(OPEN).toContain(e.node.status);
    }
  });

  it("WF-8: withoutProgressOnly: false lists every open complaint with whether it had progress that day", async () => {
    const expected = await oracle(lx);
    const listed = await all({ estate: globalId("Estate", lx), all: false });
    expect(listed.totalCount).toBe(expected.size);
    expect(new Map([...listed.edges].map(([id, e]) => [id, e.hadProgress]))).toEqual(expected);
    expect([A, B, C, D, E, F].map((id) => listed.edges.get(id)!.hadProgress)).toEqual([true, true, false, false, false, false]);
    expect(listed.edges.has(duplicate)).toBe(false);
  });

  it("WF-8, §2: the list is confined to the caller's estates", async () => {
    const own = await all({}, jh);
    expect(own.edges.size).toBeGreaterThan(0);
    expect(new Set([...own.edges.values()].map((e) => e.node.estate.code))).toEqual(new Set(["JH"]));
    const other = await gql(app, LIST, { date: DAY, estate: globalId("Estate", lx) }, jh);
    expect(other.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("WF-8, 004 §1 item 4: the review is due before 16:00 local time", async () => {
    const r = await gql<{ a: string; b: string }>(
      app,
      `query($e: ID!) { a: dailyReviewDueAt(date: "2026-11-23") b: dailyReviewDueAt(date: "2026-06-01", estateId: $e) }`,
      { e: globalId("Estate", lx) },
      clerk,
    );
    expect(r.data).toEqual({ a: "2026-11-23T08:00:00.000Z", b: "2026-06-01T08:00:00.000Z" });
  });

  it("WF-8: recordDailyReview writes the review and a REVIEWED event (the complaint's version unchanged); a standstill needs the follow-up noted", async () => {
    const [{ version }] = await q(`SELECT version FROM complaints WHERE id = $1`, [D]);
    const bare = await gql<{ recordDailyReview: { __typename: string; field?: string } }>(
      app,
      RECORD,
      { input: { complaintId: globalId("Complaint", D), date: DAY } },
      clerk,
    );
    expect(bare.data!.recordDailyReview).toMatchObject({ __typename: "InputError", field: "input.note" });
    const r = await gql<{ recordDailyReview: { __typename: string; data: unknown } }>(
      app,
      RECORD,
      { input: { complaintId: globalId("Complaint", D), date: DAY, note: "维修材料明日到货，已告知业主" } },
      clerk,
    );
    expect(r.data!.recordDailyReview).toEqual({
      __typename: "MutationRecordDailyReviewSuccess",
      data: { reviewDate: DAY, hadProgress: false, note: "维修材料明日到货，已告知业主", reviewer: { login: "frontdesk.lx" } },
    });
    const events = await q(
      `SELECT kind, note, data FROM complaint_events WHERE complaint_id = $1 AND kind = 'REVIEWED' ORDER BY at DESC LIMIT 1`,
      [D],
    );
    expect(events[0]).toMatchObject({ kind: "REVIEWED", note: "维修材料明日到货，已告知业主", data: { date: DAY, hadProgress: false } });
    expect((await q(`SELECT version FROM complaints WHERE id = $1`, [D]))[0].version).toBe(version);
    // Reviewing is not progress: D is still listed, now with its review.
    const listed = await all({ estate: globalId("Estate", lx) });
    expect(listed.edges.get(D)!.review).toMatchObject({ reviewDate: DAY, hadProgress: false, reviewer: { login: "frontdesk.lx" } });
    const progressed = await gql<{ recordDailyReview: { data: { hadProgress: boolean } } }>(
      app,
      RECORD,
      { input: { complaintId: globalId("Complaint", A), date: DAY } },
      clerk,
    );
    expect(progressed.data!.recordDailyReview.data.hadProgress).toBe(true);
  });

  it("WF-8: a second review of the same day, a future day, a closed complaint or another estate's complaint is a typed error, and nothing is written", async () => {
    const count = async () =>
      (
        await q(
          `SELECT (SELECT count(*) FROM complaint_daily_reviews)::int AS reviews, (SELECT count(*) FROM complaint_events)::int AS events`,
        )
      )[0];
    const first = await gql<{ recordDailyReview: { __typename: string } }>(
      app,
      RECORD,
      { input: { complaintId: globalId("Complaint", C), date: DAY, note: "等待业主在家" } },
      clerk,
    );
    expect(first.data!.recordDailyReview.__typename).toBe("MutationRecordDailyReviewSuccess");
    const before = await count();
    const [closed] = await q(`SELECT id FROM complaints WHERE estate_id = $1 AND status = 'VERIFIED' LIMIT 1`, [lx]);
    const [jhOpen] = await q(
      `SELECT k.id FROM complaints k JOIN estates e ON e.id = k.estate_id WHERE e.code = 'JH' AND k.status = 'IN_PROGRESS' LIMIT 1`,
    );
    const cases: [Record<string, unknown>, string][] = [
      [{ complaintId: globalId("Complaint", C), date: DAY, note: "再次" }, "InputError:input.date"],
      [{ complaintId: globalId("Complaint", B), date: "2026-11-24", note: "明天" }, "InputError:input.date"],
      [{ complaintId: globalId("Complaint", B), date: "2026-11-19", note: "收到之前" }, "InputError:input.date"],
      [{ complaintId: globalId("Complaint", closed.id), date: DAY, note: "x" }, "InputError:input.complaintId"],
      [{ complaintId: globalId("Complaint", jhOpen.id), date: DAY, note: "x" }, "NotFoundError:"],
    ];
    for (const [input, want] of cases) {
      const r = await gql<{ recordDailyReview: { __typename: string; field?: string } }>(app, RECORD, { input }, clerk);
      const p = r.data!.recordDailyReview;
      expect(`${p.__typename}:${p.field ?? ""}`, JSON.stringify(input)).toBe(want);
    }
    expect(await count()).toEqual(before);
    const denied = await gql(app, RECORD, { input: { complaintId: globalId("Complaint", B), date: DAY, note: "x" } }, analyst);
    expect(denied.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("WF-8, §6: each estate's complaints are judged on that estate's own local day", async () => {
    // 金汇广场 moves to London: its day 2026-11-23 runs from 00:00Z to 24:00Z.
    const [{ id: jhId }] = await q(`UPDATE estates SET timezone = 'Europe/London' WHERE code = 'JH' RETURNING id`);
    const [late] = await q(
      `SELECT k.id FROM complaints k WHERE k.estate_id = $1 AND k.status = ANY($2::complaint_status[]) AND k.duplicate_of_id IS NULL
      AND k.classification <> 'TOP_SECRET' ORDER BY k.received_at LIMIT 1`,
      [jhId, OPEN],
    );
    await event(late.id, "NOTE", "2026-11-23T20:00:00Z"); // the 24th in Shanghai, still the 23rd in London
    const expected = await oracle(null);
    expect(expected.get(late.id)).toBe(true);
    const listed = await all({ all: false }, service);
    expect(new Map([...listed.edges].map(([id, e]) => [id, e.hadProgress]))).toEqual(expected);
    const still = await all({}, service);
    expect(still.totalCount).toBe([...expected.values()].filter((p) => !p).length);
    expect(still.edges.has(late.id)).toBe(false);
    const due = await gql<{ dailyReviewDueAt: string }>(
      app,
      `query($e: ID!) { dailyReviewDueAt(date: "2026-11-23", estateId: $e) }`,
      { e: globalId("Estate", jhId) },
      service,
    );
    expect(due.data!.dailyReviewDueAt).toBe("2026-11-23T16:00:00.000Z");
  });
});
